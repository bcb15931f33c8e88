"""``import_export/xlsx_rows.py`` relies on openpyxl internals: this test pins them.

FastRows writes pre-rendered ``<row>`` XML into openpyxl's write-only stream (3-5x faster
than a WriteOnlyCell per cell, see bench/README.md "Export"). That uses four non-public
pieces of openpyxl; they are checked here for the openpyxl versions pyproject.toml allows
(``openpyxl>=3.1,<3.2``), and both paths (raw XML and openpyxl's own cells) must give the
same workbook. A newer openpyxl fails this test before it can silently break the export.
"""

from __future__ import annotations

import inspect
import re
import tomllib
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet import _write_only
from openpyxl.worksheet._writer import WorksheetWriter

from kpm_desktop.import_export.xlsx_rows import FastRows

ROOT = Path(__file__).resolve().parents[2]


def _pinned_range() -> tuple[tuple[int, ...], tuple[int, ...]]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    spec = next(d for d in deps if d.startswith("openpyxl"))
    low = re.search(r">=\s*([\d.]+)", spec)
    high = re.search(r"<\s*([\d.]+)", spec)
    assert low and high, f"openpyxl must be pinned to a range in pyproject.toml: {spec}"
    as_tuple = lambda v: tuple(int(x) for x in v.split("."))  # noqa: E731
    return as_tuple(low.group(1)), as_tuple(high.group(1))


def test_installed_openpyxl_is_in_the_pinned_range() -> None:
    low, high = _pinned_range()
    version = tuple(int(x) for x in re.findall(r"\d+", openpyxl.__version__)[:3])
    assert low <= version < high, openpyxl.__version__


def test_the_internals_fast_rows_uses_still_exist() -> None:
    # 1. the write-only sheet holds its writer in ``_writer`` and calls write_row(xf, row, idx)
    assert _write_only.WriteOnlyWorksheet._writer is None
    source = inspect.getsource(_write_only.WriteOnlyWorksheet)
    assert "self._writer.write_row(xf, row, row_idx)" in source
    assert "xf = self._writer.xf.send(True)" in source
    # 2. the sheet writer: write_top() and write_row(xf, row, row_idx)
    assert list(inspect.signature(WorksheetWriter.write_row).parameters) == [
        "self", "xf", "row", "row_idx"
    ]  # fmt: skip
    assert callable(WorksheetWriter.write_top)
    # 3. a WriteOnlyCell's style: style_id, _style, is_date
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    cell = WriteOnlyCell(ws, 1)
    cell.font = Font(bold=True)
    assert isinstance(cell.style_id, int) and cell._style is not None and not cell.is_date
    # 4. the workbook's date epoch
    assert wb.epoch is not None


def _write(path: Path, raw: bool) -> int:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Matrix")
    rows = FastRows(ws, raw=raw)
    bold = rows.style(font=Font(bold=True))
    red = rows.style(fill=PatternFill("solid", fgColor="FFC7CE"))
    day = rows.style(number_format="DD.MM.YYYY")
    plain = rows.style()
    rows.append([("Kunde", bold), ("Menge", bold), None, ("Datum", bold)], height=30)
    for k in range(50):
        rows.append(
            [
                (f"Müller & Söhne <{k}> ", plain if k % 2 else red),
                (k * 1.5, red),
                None,
                (date(2026, 1, 1 + k % 28), day),
                (True, bold) if k % 7 == 0 else ("", red),
                (datetime(2026, 3, 4, 5, 6, 7), day),
            ]
        )
    wb.save(path)
    return rows.rows_written


def test_raw_rows_and_openpyxl_cells_give_the_same_workbook(tmp_path: Path, monkeypatch) -> None:
    rendered: list[int] = []
    original = FastRows._render

    def spy(self, *args):
        rendered.append(1)
        return original(self, *args)

    monkeypatch.setattr(FastRows, "_render", spy)
    assert _write(tmp_path / "raw.xlsx", raw=True) == 51
    assert len(rendered) == 51  # the raw path was really taken (et_xmlfile stream found)
    _write(tmp_path / "cells.xlsx", raw=False)
    a = load_workbook(tmp_path / "raw.xlsx")["Matrix"]
    b = load_workbook(tmp_path / "cells.xlsx")["Matrix"]
    assert a.max_row == b.max_row == 51
    for ra, rb in zip(a.iter_rows(), b.iter_rows(), strict=True):
        for ca, cb in zip(ra, rb, strict=True):
            assert (ca.coordinate, ca.value, ca.number_format) == (
                cb.coordinate, cb.value, cb.number_format
            )  # fmt: skip
            assert repr(ca.font) == repr(cb.font) and repr(ca.fill) == repr(cb.fill)
    assert a.row_dimensions[1].height == b.row_dimensions[1].height == 30


def test_rows_written_as_xml_blocks_equal_appended_rows(tmp_path: Path) -> None:
    """``write_xml`` rows (built from ``cell_template``) between ordinary appends: the same
    workbook as appending every row, rows numbered on after the block."""
    values = [
        ("Müller & Söhne <1> {0}", 1234.5, date(2026, 1, 2), datetime(2026, 3, 4, 5, 6, 7)),
        (" ' {x} ", 0, None, datetime(2026, 12, 31, 23, 59, 59)),
    ]

    def write(path: Path, blocks: bool) -> int:
        wb = Workbook(write_only=True)
        rows = FastRows(wb.create_sheet("Daten"))
        text, day, ts = rows.style(), rows.style(number_format="DD.MM.YYYY"), rows.style()
        sids = (text, rows.style(number_format="0.00"), day, ts)
        rows.append([("Kopf", text)], height=30)
        assert rows.xml_direct  # et_xmlfile's stream found at the first row
        for _ in range(3):
            if blocks:
                xml = [
                    '<row r="{0}">'
                    + "".join(
                        rows.cell_template(k, v, sid)
                        for k, (v, sid) in enumerate(zip(line, sids, strict=True), 1)
                        if v is not None
                    )
                    + "</row>"
                    for line in values
                ]
                first = rows.next_row
                rows.write_xml("".join(x.format(first + n) for n, x in enumerate(xml)), len(xml))
            else:
                for line in values:
                    rows.append(
                        [None if v is None else (v, s) for v, s in zip(line, sids, strict=True)]
                    )
            rows.append([("Ende", text)])
        wb.save(path)
        return rows.rows_written

    assert write(tmp_path / "blocks.xlsx", True) == write(tmp_path / "rows.xlsx", False) == 10
    a = load_workbook(tmp_path / "blocks.xlsx")["Daten"]
    b = load_workbook(tmp_path / "rows.xlsx")["Daten"]
    assert a.max_row == b.max_row == 10
    for ra, rb in zip(a.iter_rows(), b.iter_rows(), strict=True):
        for ca, cb in zip(ra, rb, strict=True):
            assert (ca.coordinate, ca.value, ca.number_format, ca.style_id) == (
                cb.coordinate, cb.value, cb.number_format, cb.style_id
            )  # fmt: skip
    assert a["A4"].value == "Ende" and a["A10"].value == "Ende"


def test_write_xml_needs_the_raw_stream(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    rows = FastRows(wb.create_sheet(), raw=False)
    assert not rows.xml_direct
    rows.append([("a", rows.style())])
    assert not rows.xml_direct
    with pytest.raises(RuntimeError):
        rows.write_xml("<row/>", 1)
    wb.save(tmp_path / "x.xlsx")
