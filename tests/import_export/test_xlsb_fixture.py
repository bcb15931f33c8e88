"""Real .xlsb workbooks (written by Excel; tests/import_export/fixtures/SOURCES.md) read
through the importer: the values come right, and a matrix whose marks would be fill
colours gets the "colours only from .xlsx" message (issue 15, items 9 and 15)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from kpm_desktop.cli import main
from kpm_desktop.import_export.messages import ImportFailure
from kpm_desktop.import_export.plans import Target, build_plan, read_source
from kpm_desktop.import_export.tables import read_table
from kpm_desktop.storage.repository import Repository

FIXTURES = Path(__file__).parent / "fixtures"
ISSUES = FIXTURES / "calamine-issues.xlsb"
BASE = FIXTURES / "python-calamine-base.xlsb"


def test_values_of_a_real_xlsb() -> None:
    table = read_table(ISSUES, sheet="datatypes")
    assert table.format == "xlsb"
    assert [r[0] for r in table.rows] == [1.0, 1.5, "ab", False, "test", date(2016, 10, 20)]
    table = read_table(ISSUES, sheet="spc_chrs")
    assert [r[0] for r in table.rows] == [
        "&", "<", ">", "aaa ' aaa", '"', "☺", "֍", "àâéêèçöïî«»"
    ]  # fmt: skip
    assert read_table(ISSUES).sheets == [
        "datatypes", "issue2", "Sheet1", "issue5", "issue6", "spc_chrs"
    ]  # fmt: skip


def test_customers_from_a_real_xlsb(small_file: Path, capsys: pytest.CaptureFixture) -> None:
    source = read_source(ISSUES, "customers", sheet="issue2").with_mapping(
        {"customer_number": 0, "customer_name": 1}
    )
    with Repository.open(small_file, read_only=True) as repo:
        plan = build_plan(source, Target.from_repository(repo))
    assert [(c.after.number, c.after.name) for c in plan.customers] == [("2", "b"), ("3", "c")]
    assert not plan.problems


def test_matrix_colours_from_xlsb_get_the_xlsx_only_message(
    small_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    source = read_source(BASE, "matrix", sheet="Sheet3").with_mapping({"customer_name": 1})
    with Repository.open(small_file, read_only=True) as repo:
        target = Target.from_repository(repo)
    with pytest.raises(ImportFailure) as exc:
        build_plan(source, target)
    assert exc.value.key == "colours_xlsx_only"
    # The same through the CLI: one line, exit code 2, the file untouched.
    copy = tmp_path / "base.xlsb"
    shutil.copy(BASE, copy)
    before = small_file.read_bytes()
    rc = main(
        ["import", str(small_file), str(copy), "--kind", "matrix", "--sheet", "Sheet3",
         "--map", "customer_name=B"]
    )  # fmt: skip
    assert rc == 2
    err = capsys.readouterr().err
    assert "colours can only be read from .xlsx" in err and err.count("\n") == 1
    assert small_file.read_bytes() == before
