"""Every user-visible string goes through Qt's translation system and has a German text."""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UI_DIRS = [ROOT / "kpm_desktop" / d for d in ("gui", "workspace", "report", "cli")]
CLI_DIR = ROOT / "kpm_desktop" / "cli"

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
# A translate call whose text comes from a Qt-free table (import messages, field labels) that
# tools/update_translations.py hands to lupdate; nothing else may translate a non-literal.
DYNAMIC = "# i18n: dynamic"
# Helper names like ``_tr("Export")``: lupdate extracts only direct tr()/translate() calls.
WRAPPER_NAME = re.compile(r"^_*(tr|t|translate|i18n)_*$")


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


# -- lupdate must be able to see every translatable literal -----------------------------------


def _is_str(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_translate(call: ast.Call) -> bool:
    """``QCoreApplication.translate(ctx, text)``, or the CLI's ``translate(ctx, text)``
    (``cli.i18n``: two arguments, which lupdate reads as the same call)."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id == "translate" and len(call.args) == 2 and not call.keywords
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "translate"
        and isinstance(func.value, ast.Name)
        and func.value.id in ("QCoreApplication", "QApplication")
    )


def _is_tr(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Attribute) and call.func.attr == "tr"


def translations(path: Path) -> list[tuple[int, str | None, ast.AST | None, ast.Call, bool]]:
    """``(line, context, source node, call, inside an f-string)`` for each tr/translate call.

    The context of ``self.tr`` is the enclosing class name, as lupdate assumes.
    """
    found = []

    def visit(node: ast.AST, cls: str | None, in_fstring: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Call) and _is_translate(child):
                ctx = child.args[0] if child.args else None
                context = ctx.value if _is_str(ctx) else None
                source = child.args[1] if len(child.args) > 1 else None
                found.append((child.lineno, context, source, child, in_fstring))
            elif isinstance(child, ast.Call) and _is_tr(child):
                source = child.args[0] if child.args else None
                found.append((child.lineno, cls, source, child, in_fstring))
            visit(
                child,
                child.name if isinstance(child, ast.ClassDef) else cls,
                in_fstring or isinstance(child, ast.JoinedStr),
            )

    visit(ast.parse(path.read_text(encoding="utf-8")), None, False)
    return found


def _marked(lines: list[str], node: ast.AST, marker: str) -> bool:
    return any(marker in line for line in lines[node.lineno - 1 : node.end_lineno])


def non_literal_translations(path: Path) -> list[str]:
    """Calls lupdate cannot extract: variable/f-string text or context, or inside an f-string."""
    lines = path.read_text(encoding="utf-8").splitlines()
    problems = []
    for line, context, source, call, in_fstring in translations(path):
        if _marked(lines, call, MARKER) or _marked(lines, call, DYNAMIC):
            continue
        if in_fstring:
            problems.append(f"{line}: inside an f-string (lupdate skips it): {ast.unparse(call)}")
        elif context is None or not _is_str(source):
            problems.append(f"{line}: non-literal text or context: {ast.unparse(call)[:70]}")
    return problems


def wrapper_calls(path: Path) -> list[str]:
    """Calls like ``_tr("Export")`` to a helper that forwards its argument to translate()."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrappers = set()
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.Lambda):
            continue
        params = {a.arg for a in func.args.args}
        for call in ast.walk(func):
            if isinstance(call, ast.Call) and (_is_translate(call) or _is_tr(call)):
                text = call.args[1 if _is_translate(call) else 0] if call.args else None
                if isinstance(text, ast.Name) and text.id in params:
                    wrappers.add(getattr(func, "name", None))
    problems = []
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
            continue
        name = call.func.id
        if _is_translate(call):
            continue  # the CLI's translate(ctx, text): lupdate reads it (test below)
        if (name in wrappers or WRAPPER_NAME.match(name)) and any(map(_is_str, call.args)):
            problems.append(f"{call.lineno}: {ast.unparse(call)[:70]}")
    return problems


def test_no_translation_wrappers_with_literals() -> None:
    problems = [f"{f.relative_to(ROOT)}:{p}" for f in _ui_files() for p in wrapper_calls(f)]
    assert problems == [], (
        "lupdate does not extract strings passed to wrapper functions; call "
        'QCoreApplication.translate("Context", "text") or self.tr("text") directly:\n'
        + "\n".join(problems)
    )


def test_translate_calls_use_literal_strings() -> None:
    problems = [
        f"{f.relative_to(ROOT)}:{p}" for f in _ui_files() for p in non_literal_translations(f)
    ]
    assert problems == [], (
        "tr()/translate() need literal context and text (no variables, no f-strings, not "
        f"inside an f-string); documented exceptions carry {DYNAMIC!r}:\n" + "\n".join(problems)
    )


def test_checkers_catch_wrappers_and_non_literals(tmp_path: Path) -> None:
    sample = tmp_path / "w.py"
    sample.write_text(
        "def _tr(text):\n"
        "    return QCoreApplication.translate('Ctx', text)\n"
        "def label(text):\n"
        "    return QCoreApplication.translate('Ctx', text)\n"
        "_tr('Export')\n"
        "label('Import')\n"
        "_tr(name)\n"
        "class W:\n"
        "    def f(self, n):\n"
        "        self.tr(f'{n} rows')\n"
        "        self.tr('%n row(s)', '', n)\n"
        "        x = f\"{self.tr('none')}\"\n"
        "        QCoreApplication.translate('import', MESSAGES[n])  # i18n: dynamic\n",
        encoding="utf-8",
    )
    assert wrapper_calls(sample) == ["5: _tr('Export')", "6: label('Import')"]
    assert [p.split(":")[0] for p in non_literal_translations(sample)] == ["2", "4", "10", "12"]


def _update_translations_module():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> set[tuple[str, str]]:
    return {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    }


def test_lupdate_extracts_every_translatable_literal(tmp_path: Path) -> None:
    """lupdate's Python parser has quirks (e.g. a wrong context for ``self.tr`` after a
    ``QCoreApplication.translate`` call in the same method); what it misses is never translated."""
    tool = _update_translations_module()
    ts = tmp_path / "kpm_de.ts"
    tool.lupdate([ts])
    extracted = _messages(ts)
    missing = [
        f"{f.relative_to(ROOT)}:{line}: [{context}] {source.value!r}"
        for f in _ui_files()
        for line, context, source, _call, _in_f in translations(f)
        if context and _is_str(source) and (context, source.value) not in extracted
    ]
    assert missing == [], "lupdate does not extract these (wrong context?):\n" + "\n".join(missing)
    dynamic = {(c, t) for c, texts in tool.dynamic_texts().items() for t in texts}
    assert dynamic <= extracted


_TOKENS = re.compile(r"%\d+|%n|\{[a-z_0-9]*\}|</?[a-z]+>")


def _finished_translations(ts: Path) -> list[tuple[str, str, list[str]]]:
    """``(context, source, [translation forms])`` for each finished entry of a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type"):
                continue
            forms = [f.text or "" for f in translation.findall("numerusform")]
            found.append(
                (
                    context.findtext("name", ""),
                    message.findtext("source", ""),
                    forms or [translation.text or ""],
                )
            )
    return found


def test_translations_keep_placeholders_and_accelerators() -> None:
    """%1/%n/{name} placeholders and HTML tags survive translation; one & stays one &."""
    problems = []
    for lang in ("de", "en"):
        ts = ROOT / "resources" / "translations" / f"kpm_{lang}.ts"
        for context, source, forms in _finished_translations(ts):
            for text in forms:
                if sorted(_TOKENS.findall(source)) != sorted(_TOKENS.findall(text)):
                    problems.append(f"{lang} [{context}] {source!r} -> {text!r}: placeholders")
                if source.replace("&&", "").count("&") != text.replace("&&", "").count("&"):
                    problems.append(f"{lang} [{context}] {source!r} -> {text!r}: accelerator")
    assert problems == [], "\n".join(problems)


def test_command_hints_quote_with_straight_quotes() -> None:
    """An option in a German hint ("... mit --trip "Name"") is copied into a terminal: „…“ are
    no quotes for cmd.exe or bash (review of session 6)."""
    bad = [
        text
        for _context, _source, forms in _finished_translations(
            ROOT / "resources" / "translations" / "kpm_de.ts"
        )
        for text in forms
        if re.search(r"--[a-z][a-z-]* „", text)
    ]
    assert bad == []


def test_plural_forms_in_both_languages(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from kpm_desktop.gui.i18n import install_translators

    def products(n: int) -> str:
        return QCoreApplication.translate("NewMatrixDialog", "%n product(s)", None, n)

    try:
        install_translators(qapp, "en")
        assert (products(1), products(3)) == ("1 product", "3 products")
        install_translators(qapp, "de")
        assert (products(1), products(3)) == ("1 Produkt", "3 Produkte")
    finally:
        install_translators(qapp, "en")


def test_german_translation_complete_and_compiled(tmp_path: Path) -> None:
    """Every UI string has a German text (and English plural forms) and the .qm files match.

    On failure: ``python tools/update_translations.py``, translate the new ``type="unfinished"``
    entries in resources/translations/kpm_de.ts, run the script again, commit .ts and .qm.
    """
    import shutil
    import subprocess

    tool = _update_translations_module()
    committed = {lang: tool.TS_DIR / f"kpm_{lang}.ts" for lang in tool.LANGUAGES}
    fresh = {lang: tmp_path / ts.name for lang, ts in committed.items()}
    for lang, ts in committed.items():
        shutil.copyfile(ts, fresh[lang])
    tool.lupdate(list(fresh.values()))  # what lupdate finds in today's source
    for lang in tool.LANGUAGES:
        added = _messages(fresh[lang]) - _messages(committed[lang])
        gone = _messages(committed[lang]) - _messages(fresh[lang])
        assert not added and not gone, (
            f"kpm_{lang}.ts is out of date: new {sorted(added)[:5]}, removed {sorted(gone)[:5]}"
        )
    assert tool.unfinished(fresh["de"]) == [], "German translation missing"
    assert tool.unfinished(fresh["en"], plurals_only=True) == [], "English plural forms missing"
    for lang, ts in committed.items():
        qm = tmp_path / f"kpm_{lang}.qm"
        subprocess.run(
            [tool._tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
        )
        shipped = tool.QM_DIR / f"kpm_{lang}.qm"
        assert qm.read_bytes() == shipped.read_bytes(), f"{shipped.name} is older than {ts.name}"


# -- the CLI's error lines -------------------------------------------------------------------


def untranslated_cli_errors(path: Path) -> list[str]:
    """``raise`` of a user error in ``cli/`` whose text is a plain literal or f-string (never
    translated): a ``CliError`` or ``ValueError``/``OSError`` line must come from
    ``translate("cli", "...")`` or ``i18n.error_line``."""
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        name = getattr(node.exc.func, "id", "")
        first = node.exc.args[0] if node.exc.args else None
        plain = isinstance(first, ast.JoinedStr) or _is_str(first)
        if name in ("CliError", "ValueError", "FileExistsError", "FileNotFoundError") and plain:
            problems.append(f"{node.lineno}: {ast.unparse(node.exc)[:70]}")
    return problems


def test_cli_error_lines_are_translated_to_german(tmp_path: Path) -> None:
    """Every ``translate("cli", ...)`` text of ``kpm`` has a German translation, no user error
    in ``cli/`` is raised with an untranslatable text, and the samples checker notices one."""
    sample = tmp_path / "c.py"
    sample.write_text(
        'raise CliError(f"{x} is bad")\nraise CliError(translate("cli", "{x} is bad"), x=1)\n'
        'raise ValueError("bad")\nraise CliError(error_line(exc))\n',
        encoding="utf-8",
    )
    assert [p.split(":")[0] for p in untranslated_cli_errors(sample)] == ["1", "3"]
    files = sorted(CLI_DIR.rglob("*.py"))
    problems = [f"{f.relative_to(ROOT)}:{p}" for f in files for p in untranslated_cli_errors(f)]
    assert problems == [], 'translate these with translate("cli", ...):\n' + "\n".join(problems)
    german = {
        source: forms[0]
        for context, source, forms in _finished_translations(
            ROOT / "resources" / "translations" / "kpm_de.ts"
        )
        if context == "cli" and forms[0].strip()
    }
    texts = {
        (f.name, source.value)
        for f in files
        for _line, context, source, _call, _in_f in translations(f)
        if context == "cli" and _is_str(source)
    }
    assert len(texts) > 40  # the CliError texts and the generic lines
    missing = sorted(f"{name}: {text!r}" for name, text in texts if text not in german)
    assert missing == [], "no German translation:\n" + "\n".join(missing)
