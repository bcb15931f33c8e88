"""Importing the parent-customer link (key accounts): customers and matrix sheets."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from kpm_desktop.import_export.apply import revert_import
from kpm_desktop.import_export.mapping import suggest_mapping
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash, marks_by_name
from tests.helpers.imports import plan_for, run_import


def _parents(path: Path) -> dict[str, str]:
    with Repository.open(path, read_only=True) as repo:
        cs = repo.load_customers()
    by_uuid = {c.uuid: c.name for c in cs}
    return {c.name: by_uuid.get(c.parent_uuid, "") for c in cs if c.parent_uuid}


def test_synonyms_find_the_parent_column() -> None:
    for header in (
        "Konzern",
        "Konzernnummer",
        "Konzern-Nr.",
        "Parent Account",
        "Übergeordneter Kunde",
        "Parent customer number",
    ):
        mapping = suggest_mapping("customers", ["Kundennummer", "Kunde", header])
        assert mapping == {"customer_number": 0, "customer_name": 1, "parent_number": 2}, header


def test_customers_import_sets_parents_by_number_and_name(small_file: Path, write_csv) -> None:
    source = write_csv(
        "kunden.csv",
        "Kd.-Nr.;Firma;Ort;Konzernnummer\r\n"
        "9000;Müller Holding;Köln;\r\n"
        "1001;Müller Maschinenbau GmbH;Köln;9000\r\n"
        "1002;Schäfer Chemie AG;;Müller Holding\r\n"
        "1003;Neu GmbH;;7777\r\n"
        "1004;Enkel GmbH;;1001\r\n",
        "cp1252",
    )
    before = file_hash(small_file)
    plan, applied = run_import(small_file, source, "customers")
    keys = sorted(p.key for p in plan.problems)
    assert keys == ["p_parent_is_site", "p_unknown_parent"], plan.problems
    assert _parents(small_file) == {
        "Müller Maschinenbau GmbH": "Müller Holding",
        "Schäfer Chemie AG": "Müller Holding",
    }
    # The same file again changes nothing; undo of the import restores the file's links.
    again = plan_for(small_file, source, "customers")
    assert again.summary()["updated_customers"] == 0
    with Repository.open(small_file) as repo:
        revert_import(repo, applied)
    assert _parents(small_file) == {}
    assert file_hash(small_file) != before  # (history of the revert), links are gone


def test_matrix_sheet_skips_key_account_roll_up_rows(small_file: Path, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kd.-Nr.", "Kunde", "Konzern", "Servomotoren", "Getriebe"])
    ws.append(["9000", "Müller Holding", "", "X", "B"])
    ws.append(["1001", "Müller Maschinenbau GmbH", "9000", "X", ""])
    ws.append(["1005", "Müller Werk Süd", "9000", "", "B"])
    path = tmp_path / "m.xlsx"
    wb.save(path)
    plan, _ = run_import(small_file, path, "matrix")
    assert [p.key for p in plan.problems] == ["p_key_account_row"]
    assert _parents(small_file) == {
        "Müller Maschinenbau GmbH": "Müller Holding",
        "Müller Werk Süd": "Müller Holding",
    }
    marks = marks_by_name(small_file)
    assert ("Müller Holding", "Servomotoren") not in marks
    assert marks[("Müller Werk Süd", "Getriebe")] == "B"
