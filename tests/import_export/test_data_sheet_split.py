"""A data sheet over Excel's row limit continues on "Daten (2)", "Daten (3)", ...

The L matrix (20,000 x 1,000, 40 % marked) has ~8 million marked cells, one data row each:
one sheet holds at most 1,048,576 rows (header included), so the export continues on further
sheets with the same header. A customer's rows stay on one sheet unless they alone exceed a
sheet. The limit is ``xlsx_export.MAX_SHEET_ROWS``; these tests lower it.
"""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from kpm_desktop.cli import main
from kpm_desktop.domain.marks import WHITE
from kpm_desktop.import_export import xlsx_export
from kpm_desktop.import_export.data_sheet import data_sheet_name
from kpm_desktop.import_export.export_model import ExportOptions, open_snapshot
from kpm_desktop.import_export.xlsx_export import write_xlsx
from kpm_desktop.import_export.xlsx_reader import recorded_data_sheets
from kpm_desktop.storage.repository import Repository
from tests.helpers.roundtrip import content, digest

LIMIT = 40  # rows per sheet in these tests, header included


def _sheets(path: Path) -> dict[str, list[list[object]]]:
    wb = CalamineWorkbook.from_path(str(path))
    try:
        return {n: wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names}
    finally:
        wb.close()


def _data_parts(path: Path, lang: str) -> list[str]:
    """The data sheets the export recorded in the workbook (only the data sheet without)."""
    return recorded_data_sheets(path) or [data_sheet_name(lang)]


@pytest.mark.parametrize("raw", [True, False], ids=["xml", "cells"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_data_rows_over_the_limit_continue_on_further_sheets_exactly(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, raw: bool
) -> None:
    options = ExportOptions(lang=lang)
    with open_snapshot(demo_template, options) as snapshot:
        write_xlsx(snapshot, tmp_path / "whole.xlsx", raw_rows=raw)
        monkeypatch.setattr(xlsx_export, "MAX_SHEET_ROWS", LIMIT)
        write_xlsx(snapshot, tmp_path / "split.xlsx", raw_rows=raw)
        per_customer = Counter(
            {
                c.name: snapshot.n_cols - snapshot.row(i).count(WHITE)
                for i, c in enumerate(snapshot.customers)
            }
        )
    whole, split = _sheets(tmp_path / "whole.xlsx"), _sheets(tmp_path / "split.xlsx")
    name = data_sheet_name(lang)
    assert _data_parts(tmp_path / "whole.xlsx", lang) == [name]
    parts = _data_parts(tmp_path / "split.xlsx", lang)
    expected = [whole[name][0], *whole[name][1:]]
    n_rows = len(expected) - 1
    assert len(parts) >= 3 and parts[1] == f"{name} (2)" and parts[-1] == f"{name} ({len(parts)})"
    # The sheets sit where the one data sheet sat, in order; the other sheets are unchanged.
    order = list(split)
    assert order[order.index(name) : order.index(name) + len(parts)] == parts
    assert [n for n in order if n not in parts] == [n for n in whole if n != name]
    for other in whole:
        if other != name:
            assert split[other] == whole[other]
    rows: list[list[object]] = []
    for part in parts:
        sheet = split[part]
        assert 1 < len(sheet) <= LIMIT  # never over the limit, never an empty continuation
        assert sheet[0] == whole[name][0]  # the header on every sheet
        rows += sheet[1:]
    assert rows == expected[1:] and len(rows) == n_rows  # no row lost, doubled or moved
    # A customer whose rows fit on one sheet has them all on one sheet.
    customer_col = 1
    sheets_of: dict[object, set[str]] = {}
    for part in parts:
        for row in split[part][1:]:
            sheets_of.setdefault(row[customer_col], set()).add(part)
    fits = [c for c, n in per_customer.items() if n <= LIMIT - 1]
    assert fits and all(len(sheets_of[c]) == 1 for c in fits)


def test_a_customer_with_more_rows_than_a_sheet_holds_is_split_at_the_limit(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_snapshot(demo_template, ExportOptions()) as snapshot:
        write_xlsx(snapshot, tmp_path / "whole.xlsx")
        monkeypatch.setattr(xlsx_export, "MAX_SHEET_ROWS", 4)  # 3 data rows per sheet
        write_xlsx(snapshot, tmp_path / "split.xlsx")
    whole, split = _sheets(tmp_path / "whole.xlsx"), _sheets(tmp_path / "split.xlsx")
    parts = _data_parts(tmp_path / "split.xlsx", "de")
    assert [r for p in parts for r in split[p][1:]] == whole["Daten"][1:]
    continued = 0
    for this, after in itertools.pairwise(parts):
        last, first = split[this][-1][1], split[after][1][1]
        if last == first:  # a customer continues on the next sheet only from a full one
            assert len(split[this]) == 4
            continued += 1
        else:  # a sheet is left part-empty only where the next customer would not fit
            assert len(split[this]) == 4 or sum(r[1] == first for r in split[after]) > 4 - len(
                split[this]
            )
    assert continued > 0


def test_a_split_export_imports_back_whole(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``kpm import EMPTY.kpm EXPORT.xlsx --kind kpm`` reads the continuations too."""
    monkeypatch.setattr(xlsx_export, "MAX_SHEET_ROWS", LIMIT)
    out = tmp_path / "export.xlsx"
    assert main(["export", str(demo_file), "--xlsx", str(out), "--lang", "en"]) == 0
    assert "Data (2)" in _sheets(out)
    target = tmp_path / "empty.kpm"
    Repository.create(target).close()
    assert main(["import", str(target), str(out), "--kind", "kpm"]) == 0
    assert digest(target) == digest(demo_file)
    assert content(target)["cells"] == content(demo_file)["cells"]


def _split_export(demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(xlsx_export, "MAX_SHEET_ROWS", LIMIT)
    out = tmp_path / "export.xlsx"
    assert main(["export", str(demo_file), "--xlsx", str(out), "--lang", "de"]) == 0
    assert len(_data_parts(out, "de")) >= 4
    return out


def _refused(tmp_path: Path, workbook: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """``kpm import`` of ``workbook`` into an empty file: exit 2, one line, file untouched."""
    target = tmp_path / "empty.kpm"
    Repository.create(target).close()
    before = target.read_bytes()
    capsys.readouterr()
    assert main(["import", str(target), str(workbook), "--kind", "kpm"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "nothing was imported" in err
    assert target.read_bytes() == before
    return err


@pytest.mark.parametrize("damage", ["other columns", "renamed"])
def test_a_continuation_that_cannot_be_read_refuses_the_whole_import(
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    damage: str,
) -> None:
    """Importing the sheets before a broken continuation only would drop the rest silently
    (review of session 5: 73 of 653 cells imported, exit 0)."""
    import openpyxl

    out = _split_export(demo_file, tmp_path, monkeypatch)
    wb = openpyxl.load_workbook(out)
    if damage == "other columns":
        wb["Daten (3)"]["G1"] = "Markierung alt"  # a header the data sheet does not have
        expected = "'Daten (3)' is named as a continuation of 'Daten' but has other columns"
    else:
        wb["Daten (2)"].title = "Notizen"  # a gap: (3) and later no longer follow "Daten"
        expected = "'Daten (2)' is missing"
    wb.save(out)
    assert expected in _refused(tmp_path, out, capsys)


@pytest.mark.parametrize("engine", [None, "calamine"], ids=["stream", "calamine"])
def test_both_readers_read_the_continuations_as_one_table(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str | None
) -> None:
    from kpm_desktop.import_export.plans.source import read_source

    monkeypatch.setattr(xlsx_export, "MAX_SHEET_ROWS", LIMIT)
    with open_snapshot(demo_template, ExportOptions()) as snapshot:
        write_xlsx(snapshot, tmp_path / "split.xlsx")
        marked = snapshot.marked_cells()
    table = read_source(tmp_path / "split.xlsx", "kpm", engine=engine).table
    rows = list(table.rows if table.stream is None else table.stream(None))
    assert len(rows) == 1 + marked
