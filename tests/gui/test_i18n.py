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
    [("de", ["Matrix", "Kennzahlen", "Daten"]), ("en", ["Matrix", "Figures", "Data"])],
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
