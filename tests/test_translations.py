"""Every user-visible string goes through Qt's translation system and has a German text."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UI_DIRS = [ROOT / "kpm_desktop" / d for d in ("gui", "workspace", "report")]

# Qt calls whose string arguments a user reads.
VISIBLE_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis",
    "setPlaceholderText", "setTitle", "addMenu", "addAction", "setLabelText", "showMessage",
    "addTab", "insertTab", "setTabText", "setHeaderLabels", "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels", "setAccessibleName", "setAccessibleDescription",
    "setSpecialValueText", "setSuffix", "setPrefix", "setCancelButtonText", "setInformativeText",
    "setDetailedText", "setItemText", "addRow", "setButtonText", "setSubTitle",
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton",
    "QProgressDialog", "QDockWidget", "QMenu", "information", "warning", "critical", "question",
    "getText", "getOpenFileName", "getSaveFileName", "getExistingDirectory",
}  # fmt: skip
MARKER = "# not user-visible"


def _ui_files() -> list[Path]:
    return sorted(p for d in UI_DIRS if d.exists() for p in d.rglob("*.py"))


def _looks_visible(node: ast.AST) -> bool:
    if isinstance(node, ast.JoinedStr):
        return True  # f-strings can never be translated
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.List | ast.Tuple):
        return any(_looks_visible(e) for e in node.elts)
    return False


def unwrapped_strings(path: Path) -> list[str]:
    """``LINE: expression`` for each visible-looking literal passed to a Qt text call."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    problems = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in VISIBLE_CALLS or MARKER in lines[node.lineno - 1]:
            continue
        problems += [
            f"{node.lineno}: {ast.unparse(a)[:60]}" for a in node.args if _looks_visible(a)
        ]
    return problems


def test_user_visible_strings_are_wrapped_for_translation() -> None:
    problems = [f"{f.relative_to(ROOT)}:{p}" for f in _ui_files() for p in unwrapped_strings(f)]
    assert problems == [], "wrap these in self.tr()/QCoreApplication.translate():\n" + "\n".join(
        problems
    )


def test_checker_catches_literals(tmp_path: Path) -> None:
    sample = tmp_path / "w.py"
    sample.write_text(
        "label.setText('Kunde')\n"
        "label.setText(self.tr('Customer'))\n"
        "box.setWindowTitle(f'{name} - KPM')\n"
        "label.setText('%')\n"
        "label.setToolTip('id')  # not user-visible\n",
        encoding="utf-8",
    )
    assert unwrapped_strings(sample) == ["1: 'Kunde'", "3: f'{name} - KPM'"]


def test_german_translator_translates_qt_dialogs(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from kpm_desktop.gui.i18n import install_translators

    try:
        assert install_translators(qapp, "de") == "de"
        # From Qt's own qtbase catalogue: standard buttons speak German.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    finally:
        install_translators(qapp, "en")


@pytest.mark.parametrize(("setting", "expected"), [("de", "de"), ("en", "en")])
def test_choose_language_setting_wins(setting: str, expected: str) -> None:
    from PySide6.QtCore import QLocale

    from kpm_desktop.gui.i18n import choose_language

    assert choose_language(setting, QLocale(QLocale.Language.French)) == expected
    assert choose_language("system", QLocale(QLocale.Language.German)) == "de"
    assert choose_language(None, QLocale(QLocale.Language.French)) == "en"
