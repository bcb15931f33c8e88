"""Issue 19, item 14: the XLSX workbook prints readably.

The matrix sheet is the selected sheet with a print area (printing the workbook prints the
matrix); the KPI and data sheets have print areas of their own; no column shows "###"; the
group band labels are complete. The fast tests read the workbook's settings; the slow one
prints German and English workbooks through LibreOffice headless with
``tools/xlsx_print_check.py`` (skipped where LibreOffice is not installed; CI installs it).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kpm_desktop.cli import main as kpm
from kpm_desktop.import_export import xlsx_export
from kpm_desktop.import_export.xlsx_export import (
    BAND_ROW,
    PRODUCT_COL_WIDTH,
    band_layout,
)

ROOT = Path(__file__).resolve().parents[2]


def _export(src: Path, out: Path, lang: str = "de") -> Path:
    assert kpm(["export", str(src), "--xlsx", str(out), "--lang", lang]) == 0
    return out


def test_band_layout_wraps_or_widens_only_what_does_not_fit() -> None:
    widths, wrap = band_layout([("Service", 5), ("Lösungen", 5)])
    assert widths == [PRODUCT_COL_WIDTH] * 10 and not wrap
    widths, wrap = band_layout([("Finanzierung & Digital", 4)])
    assert wrap and widths[0] > PRODUCT_COL_WIDTH  # two lines, each fits its columns
    widths, wrap = band_layout([("Dienstleistungen", 1)])
    assert not wrap and widths[0] >= 1.15 * len("Dienstleistungen")  # one long word


def test_print_areas_selected_matrix_and_readable_data_columns(
    demo_ka_file: Path, tmp_path: Path
) -> None:
    path = _export(demo_ka_file, tmp_path / "demo.xlsx")
    wb = load_workbook(path)
    try:
        matrix, kpi, data = wb.worksheets[:3]
        assert wb.active is matrix and matrix.sheet_view.tabSelected
        assert not any(ws.sheet_view.tabSelected for ws in wb.worksheets[1:])
        for ws in (matrix, kpi, data):
            area = ws.print_area
            assert area, ws.title
            last = ws.max_row
            assert area.endswith(f"${last}"), (ws.title, area, last)
        assert matrix.page_setup.fitToWidth == 1 and data.page_setup.fitToWidth == 1
        # The data sheet: time stamps and dates wide enough, UUIDs out of the printout.
        header = [c.value for c in data[1]]
        width = {h: data.column_dimensions[chr(65 + k)].width for k, h in enumerate(header)}
        hidden = {h for k, h in enumerate(header) if data.column_dimensions[chr(65 + k)].hidden}
        assert width["Geprüft am"] >= 19 and width["Vertragsende"] >= 11
        assert hidden == {"Kunden-UUID", "Produkt-UUID"}
        # The group band: the long label wraps instead of being cut.
        band = {c.value: c for c in matrix[BAND_ROW] if c.value}
        assert band["Finanzierung & Digital"].alignment.wrap_text
        assert matrix.row_dimensions[BAND_ROW].height >= 30
    finally:
        wb.close()


@pytest.mark.skipif(
    any(shutil.which(t) is None for t in ("soffice", "pdftotext", "pdftoppm")),
    reason="LibreOffice (libreoffice-calc-nogui) and poppler-utils are not installed",
)
def test_printed_through_libreoffice_no_hashes_and_bands_complete(
    demo_ka_file: Path, tmp_path: Path, monkeypatch
) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import xlsx_print_check
    finally:
        sys.path.remove(str(ROOT / "tools"))
    de = _export(demo_ka_file, tmp_path / "demo-de.xlsx", "de")
    en = _export(demo_ka_file, tmp_path / "demo-en.xlsx", "en")
    # The workbook as it was before: every product column 3.6 wide, the time stamp 16.
    monkeypatch.setattr(
        xlsx_export, "band_layout", lambda labels: ([3.6] * sum(n for _t, n in labels), False)
    )
    monkeypatch.setitem(xlsx_export.DATA_WIDTHS, "verified_at", 16)
    old = _export(demo_ka_file, tmp_path / "old.xlsx", "de")
    reports = {r.workbook.name: r for r in xlsx_print_check.check([de, en, old], out_dir=tmp_path)}
    for name in ("demo-de.xlsx", "demo-en.xlsx"):
        assert reports[name].pages > 3
        assert reports[name].problems == [], reports[name].problems
    problems = reports["old.xlsx"].problems
    assert any("'###'" in p for p in problems), problems
    assert any("Finanzierung & Digital" in p and "cut" in p for p in problems), problems
