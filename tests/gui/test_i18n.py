"""Exports follow the UI language: the export dialog's sheet language, and ``kpm export --lang``."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kpm_desktop.cli import main
from kpm_desktop.gui.export_menu import install
from kpm_desktop.gui.i18n import LANGUAGE_KEY, install_translators


@pytest.mark.parametrize(
    ("ui", "setting", "expected"),
    [("de", "system", "de"), ("en", "system", "en"), ("de", "en", "en")],
)
def test_export_dialog_sheet_language_defaults_to_ui_language(
    window, qapp, ui, setting, expected
) -> None:
    install(window)
    window.settings.qsettings.setValue(LANGUAGE_KEY, setting)
    try:
        install_translators(qapp, ui)
        dialog = window.export_actions.make_dialog()
        assert dialog.language.currentData() == expected
        dialog.deleteLater()
    finally:
        install_translators(qapp, "en")


@pytest.mark.parametrize(
    ("lang", "sheets"),
    [
        (
            "de",
            [
                "Matrix",
                "Kennzahlen",
                "Daten",
                "Kunden",
                "Produkte",
                "Wettbewerber",
                "Notizen",
                "Ziele",
            ],
        ),
        (
            "en",
            ["Matrix", "Figures", "Data", "Customers", "Products", "Competitors", "Notes", "Goals"],
        ),
    ],
)
def test_cli_export_lang(demo_file: Path, tmp_path: Path, lang: str, sheets: list[str]) -> None:
    out = tmp_path / f"m-{lang}.xlsx"
    assert main(["export", str(demo_file), "--xlsx", str(out), "--lang", lang]) == 0
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == sheets
    title = workbook["Matrix"]["A1"].value
    assert title.startswith("Kunden-Produkt-Matrix" if lang == "de" else "Customer-Product Matrix")


def test_sheet_amounts_use_the_sheet_language() -> None:
    from kpm_desktop.import_export.export_labels import format_amount

    assert (format_amount(1234567.4, "de"), format_amount(1234567.4, "en")) == (
        "1.234.567",
        "1,234,567",
    )


def _accelerator(text: str) -> str | None:
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].casefold() if 0 <= at < len(plain) - 1 else None


@pytest.mark.parametrize("lang", ["de", "en"])
def test_menu_accelerators_are_unique(main_window_factory, demo_file: Path, lang) -> None:
    """Alt+letter reaches one entry per menu (all extensions installed), in both languages."""
    window = main_window_factory(demo_file, lang=lang, persist_state=False, show=False)
    clashes = []
    menus = [("menu bar", window.menuBar().actions())]
    while menus:
        title, actions = menus.pop()
        seen: dict[str, str] = {}
        for action in actions:
            if action.isSeparator() or not action.isVisible():
                continue
            key = _accelerator(action.text())
            if key in seen:
                clashes.append(f"{title}: {seen[key]!r} and {action.text()!r}")
            elif key:
                seen[key] = action.text()
            if action.menu():
                menus.append((action.text(), action.menu().actions()))
    assert clashes == []
