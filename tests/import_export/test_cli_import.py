"""``kpm import``: dry run writes nothing, JSON output, mapping overrides, conflict choice."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from kpm_desktop.cli import main
from tests.helpers.files import file_hash, marks_by_name
from tests.helpers.imports import SALES_CP1252


def test_dry_run_never_writes(small_file: Path, write_csv, capsys) -> None:
    source = write_csv("umsatz.csv", SALES_CP1252, "cp1252")
    before = file_hash(small_file)
    assert main(["import", str(small_file), str(source), "--kind", "sales", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "dry run: nothing written" in out and "conflict: Schäfer Chemie AG / Getriebe" in out
    assert file_hash(small_file) == before
    assert not list(small_file.parent.glob("*.lock"))


def test_import_json_then_again_is_a_no_op(small_file: Path, write_csv, capsys) -> None:
    source = write_csv("umsatz.csv", SALES_CP1252, "cp1252")
    args = ["import", str(small_file), str(source), "--kind", "sales", "--json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["applied"] and data["cells_written"] == 3 and Path(data["backup"]).exists()
    assert data["summary"]["new_customers"] == 1
    assert data["conflicts"][0]["mine"] == "B" and data["conflicts"][0]["imported"] == "X"
    before = file_hash(small_file)
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert not data["applied"] and data["cells_written"] == 0
    assert file_hash(small_file) == before
    assert main([*args[:-1], "--conflicts", "take"]) == 0
    assert marks_by_name(small_file)[("Schäfer Chemie AG", "Getriebe")] == "X"


def test_map_override_and_problems_csv(small_file: Path, write_csv, tmp_path: Path, capsys) -> None:
    source = write_csv("x.csv", "A;B;C\n1001;103;abc\n1002;101;12,5\n")
    report = tmp_path / "problems.csv"
    code = main(
        [
            "import",
            str(small_file),
            str(source),
            "--kind",
            "sales",
            "--map",
            "customer_number=A",
            "--map",
            "product_number=2",
            "--map",
            "revenue=C",
            "--problems-csv",
            str(report),
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "row 2, column 3 (C): 'abc' is not a number" in out
    rows = list(csv.reader(report.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows == [
        ["Row", "Column", "Column name", "Problem"],
        ["2", "3", "C", "'abc' is not a number"],
    ]
    assert marks_by_name(small_file)[("Müller Maschinenbau GmbH", "Getriebe")] == "X"


def test_missing_mapping_is_a_clear_error(small_file: Path, write_csv, capsys) -> None:
    source = write_csv("x.csv", "Foo;Bar\n1;2\n")
    before = file_hash(small_file)
    assert main(["import", str(small_file), str(source), "--kind", "customers"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        "kpm import: error: no column for the customer name; "
        "choose one with --map customer_name=COLUMN (columns: Foo, Bar)"
    )
    assert file_hash(small_file) == before


@pytest.mark.parametrize("spec", ["nofield=A", "customer_name=Zzz", "broken"])
def test_bad_map_option(small_file: Path, write_csv, spec: str, capsys) -> None:
    source = write_csv("x.csv", "Kunde;Ort\nA;B\n")
    assert main(["import", str(small_file), str(source), "--kind", "customers", "--map", spec]) == 2
    assert "--map" in capsys.readouterr().err or spec == "customer_name=Zzz"
