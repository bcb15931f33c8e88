"""Only the continuation sheets the export wrote are read back (session 5's suspicion).

Excel names a copy of the sheet "Daten" "Daten (2)": a user's scratch copy of the data sheet
looked like a continuation, so its rows came back as duplicates ("same cell as row N") with
row numbers counted across the sheets. The export now records its data sheets in the
workbook (custom document property ``data_sheet.RECORD_PROPERTY``); the import reads exactly
those, and a workbook without the record reads no continuation.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.packaging.custom import CustomPropertyList, StringProperty
from python_calamine import CalamineWorkbook

from kpm_desktop.cli import main
from kpm_desktop.import_export import xlsx_export
from kpm_desktop.import_export.data_sheet import RECORD_PROPERTY
from kpm_desktop.import_export.plans import Target, build_plan, read_source
from kpm_desktop.import_export.xlsx_reader import recorded_data_sheets
from kpm_desktop.storage.repository import Repository
from tests.helpers.roundtrip import content, digest

LIMIT = 40  # rows per sheet when a test splits the data sheet, header included


def _export(demo_file: Path, out: Path, lang: str = "de") -> None:
    assert main(["export", str(demo_file), "--xlsx", str(out), "--lang", lang]) == 0


def _import(tmp_path: Path, workbook: Path, *extra: str) -> tuple[int, Path]:
    target = tmp_path / "target.kpm"
    Repository.create(target).close()
    return main(["import", str(target), str(workbook), "--kind", "kpm", *extra]), target


def _scratch_copy(workbook: Path, source: str, title: str) -> None:
    """What a user does in Excel: copy the data sheet (Excel names it "Daten (2)")."""
    wb = openpyxl.load_workbook(workbook)
    wb.copy_worksheet(wb[source]).title = title
    wb.save(workbook)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_scratch_copy_of_the_data_sheet_is_not_read_as_its_continuation(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    out = tmp_path / "export.xlsx"
    _export(demo_file, out, lang)
    first = "Daten" if lang == "de" else "Data"
    _scratch_copy(out, first, f"{first} (2)")
    capsys.readouterr()
    code, target = _import(tmp_path, out)
    printed = capsys.readouterr().out
    assert code == 0
    assert "problem:" not in printed and "same cell" not in printed
    assert digest(target) == digest(demo_file)


def test_a_scratch_copy_next_to_real_continuations_is_not_read(
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(xlsx_export, "MAX_SHEET_ROWS", LIMIT)
    out = tmp_path / "export.xlsx"
    _export(demo_file, out)
    names = CalamineWorkbook.from_path(str(out)).sheet_names
    parts = [n for n in names if n.startswith("Daten (")]
    assert len(parts) >= 3
    _scratch_copy(out, "Daten (2)", f"Daten ({len(parts) + 2})")  # the next free number
    capsys.readouterr()
    code, target = _import(tmp_path, out)
    printed = capsys.readouterr().out
    assert code == 0 and "problem:" not in printed
    assert content(target)["cells"] == content(demo_file)["cells"]


def _split(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, list[str]]:
    monkeypatch.setattr(xlsx_export, "MAX_SHEET_ROWS", LIMIT)
    out = tmp_path / "export.xlsx"
    _export(demo_file, out)
    sheets = recorded_data_sheets(out)
    assert sheets is not None and sheets[:2] == ["Daten", "Daten (2)"] and len(sheets) >= 4
    return out, sheets


def test_the_export_records_its_continuations_and_only_when_it_has_some(
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    whole = tmp_path / "whole.xlsx"
    _export(demo_file, whole)
    assert "data continues" not in capsys.readouterr().out
    with zipfile.ZipFile(whole) as archive:  # as before the record: no custom properties
        assert "docProps/custom.xml" not in archive.namelist()
    assert recorded_data_sheets(whole) is None
    split, sheets = _split(demo_file, tmp_path, monkeypatch)
    # The CLI line names the continuations.
    assert f"data continues on Daten (2) – {sheets[-1]})" in capsys.readouterr().out
    names = CalamineWorkbook.from_path(str(split)).sheet_names
    assert [n for n in names if n.startswith("Daten")] == sheets
    # Apart from the record and the data sheets, the workbooks hold the same.
    a, b = _all_sheets(whole), _all_sheets(split)
    assert {n: v for n, v in a.items() if n != "Daten"} == {
        n: v for n, v in b.items() if n not in sheets
    }
    assert a["Daten"] == [b["Daten"][0]] + [r for n in sheets for r in b[n][1:]]


def _all_sheets(path: Path) -> dict[str, list[list[object]]]:
    wb = CalamineWorkbook.from_path(str(path))
    try:
        return {n: wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names}
    finally:
        wb.close()


def test_a_workbook_without_the_record_reads_no_continuation(
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every workbook exported before the record that did not split: "Daten (2)" next to a
    data sheet far from Excel's row limit is the user's own sheet; only the data sheet is read
    (a full one is refused: test_a_split_export_that_lost_its_record_is_refused_not_read_in_part).
    """
    out, _ = _split(demo_file, tmp_path, monkeypatch)
    wb = openpyxl.load_workbook(out)
    wb.custom_doc_props = CustomPropertyList()
    wb.save(out)
    assert recorded_data_sheets(out) is None
    first_sheet_rows = len(_all_sheets(out)["Daten"]) - 1
    monkeypatch.setattr(xlsx_export, "MAX_SHEET_ROWS", 4 * LIMIT)  # "Daten": under half full
    capsys.readouterr()
    code, target = _import(tmp_path, out)
    assert code == 0 and "problem:" not in capsys.readouterr().out
    cells = content(target)["cells"]
    assert isinstance(cells, list) and len(cells) == first_sheet_rows


def test_an_unreadable_record_refuses_the_import(
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out, _ = _split(demo_file, tmp_path, monkeypatch)
    wb = openpyxl.load_workbook(out)
    wb.custom_doc_props = CustomPropertyList()
    wb.custom_doc_props.append(StringProperty(name=RECORD_PROPERTY, value="Daten, Daten (2)"))
    wb.save(out)
    target = tmp_path / "target.kpm"
    Repository.create(target).close()
    before = target.read_bytes()
    capsys.readouterr()
    assert main(["import", str(target), str(out), "--kind", "kpm"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert f"'{RECORD_PROPERTY}'" in err and "nothing was imported" in err
    assert target.read_bytes() == before


@pytest.mark.parametrize("engine", [None, "calamine"], ids=["stream", "calamine"])
def test_problem_rows_name_the_sheet_they_are_on(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str | None
) -> None:
    out, sheets = _split(demo_file, tmp_path, monkeypatch)
    wb = openpyxl.load_workbook(out)
    wb[sheets[2]]["G5"] = "Q"  # not a mark
    third = wb[sheets[2]]
    for col, cell in enumerate(wb["Daten"][3], 1):  # the same cell as Daten row 3 ...
        third.cell(7, col, cell.value)
    for col, cell in enumerate(wb[sheets[1]][4], 1):  # ... and as row 4 of its own sheet
        third.cell(9, col, cell.value)
    wb.save(out)
    source = read_source(out, "kpm", engine=engine)
    with Repository.open(demo_file, read_only=True) as repo:
        plan = build_plan(source, Target.from_repository(repo))
    found = {(p.sheet, p.row, p.column, p.key): p for p in plan.problems}
    assert set(found) == {
        (sheets[2], 5, 7, "p_bad_mark"),
        (sheets[2], 7, 0, "p_duplicate_row"),
        (sheets[2], 9, 0, "p_duplicate_row"),
    }
    other_sheet = found[(sheets[2], 7, 0, "p_duplicate_row")]
    assert other_sheet.message == "same cell as row 3 (Daten); row ignored"
    assert other_sheet.row_label == f"{sheets[2]}: 7"
    assert found[(sheets[2], 9, 0, "p_duplicate_row")].message == (
        f"same cell as row 4 ({sheets[1]}); row ignored"
    )


def test_kpm_import_names_the_sheet_of_a_problem_row(
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out, sheets = _split(demo_file, tmp_path, monkeypatch)
    wb = openpyxl.load_workbook(out)
    wb[sheets[2]]["G5"] = "Q"
    wb.save(out)
    report = tmp_path / "problems.csv"
    capsys.readouterr()
    code, _ = _import(tmp_path, out, "--dry-run", "--problems-csv", str(report))
    assert code == 0
    printed = capsys.readouterr().out
    assert f"problem: {sheets[2]}, row 5, column 7 (Markierung): " in printed
    lines = report.read_text(encoding="utf-8-sig").splitlines()
    assert lines[1].startswith(f"{sheets[2]}: 5;7;Markierung;")


def test_a_split_export_that_lost_its_record_is_refused_not_read_in_part(
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A tool that rewrites the workbook drops its document properties: the first sheet alone
    would be imported as if it were the whole matrix (review of session 6)."""
    monkeypatch.setattr(xlsx_export, "MAX_SHEET_ROWS", LIMIT)
    out = tmp_path / "export.xlsx"
    _export(demo_file, out)
    assert len(recorded_data_sheets(out) or []) >= 3
    wb = openpyxl.load_workbook(out)
    wb.custom_doc_props = CustomPropertyList()
    wb.save(out)
    assert recorded_data_sheets(out) is None
    target = tmp_path / "target.kpm"
    Repository.create(target).close()
    before = target.read_bytes()
    capsys.readouterr()
    code = main(["import", str(target), str(out), "--kind", "kpm"])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "'Daten (2)'" in err and "'Daten'" in err
    assert target.read_bytes() == before


@pytest.mark.parametrize("chosen", ["Daten alt", "Daten (2)"])
def test_importing_a_split_export_from_another_than_its_first_data_sheet_is_refused(
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    chosen: str,
) -> None:
    """The user renamed "Daten" in Excel and imports it by its new name, or picks a
    continuation sheet: its rows alone are part of the matrix (review of session 6)."""
    monkeypatch.setattr(xlsx_export, "MAX_SHEET_ROWS", LIMIT)
    out = tmp_path / "export.xlsx"
    _export(demo_file, out)
    if chosen == "Daten alt":
        wb = openpyxl.load_workbook(out)
        wb["Daten"].title = chosen
        wb.save(out)
    target = tmp_path / "target.kpm"
    Repository.create(target).close()
    before = target.read_bytes()
    capsys.readouterr()
    code = main(["import", str(target), str(out), "--kind", "kpm", "--sheet", chosen])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and f"'{chosen}'" in err and "'Daten'" in err
    assert target.read_bytes() == before
