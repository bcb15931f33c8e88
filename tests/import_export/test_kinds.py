"""Each import kind end to end on generated fixture files, checking the resulting marks exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import PatternFill
from openpyxl.styles.colors import Color

from kpm_desktop.domain.marks import Mark
from kpm_desktop.import_export import data_sheet
from kpm_desktop.import_export.apply import apply_plan, revert_import
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import dump, file_hash, marks_by_name
from tests.helpers.imports import SALES_CP1252, plan_for, run_import

BASE = {
    ("Müller Maschinenbau GmbH", "Servomotoren"): "X",
    ("Müller Maschinenbau GmbH", "Frequenzumrichter"): "W",
    ("Schäfer Chemie AG", "Getriebe"): "B",
}


def test_sales_cp1252_semicolon_decimal_comma(small_file: Path, write_csv) -> None:
    source = write_csv("umsatz.csv", SALES_CP1252, "cp1252")
    before = file_hash(small_file)
    plan = plan_for(small_file, source, "sales")
    assert file_hash(small_file) == before  # planning writes nothing
    s = plan.summary()
    assert (s["new_customers"], s["new_products"], s["cells"], s["conflicts"]) == (1, 1, 3, 1)
    assert s["unchanged_customers"] == 3 and s["problems"] == 0
    conflict = plan.conflicts[0]
    assert (conflict.customer, conflict.product) == ("Schäfer Chemie AG", "Getriebe")
    assert (conflict.change.before.mark, conflict.change.after.mark) == (Mark.NEED, Mark.OURS)

    _, applied = run_import(small_file, source, "sales")
    assert applied.backup is not None and applied.backup.exists()
    assert marks_by_name(small_file) == {
        **BASE,
        ("Weber & Söhne KG", "Frequenzumrichter"): "X",
        ("Bäckerei Groß e.K.", "Kühlaggregate"): "X",
    }
    with Repository.open(small_file, read_only=True) as repo:
        m = repo.load_matrix()
        c = {x.name: x.id for x in m.customers}
        p = {x.name: x.id for x in m.products}
        rec = repo.get_cell(c["Müller Maschinenbau GmbH"], p["Servomotoren"])
        assert rec.our_revenue == 2000.0  # 1.234,56 + 765,44
        assert rec.verified_at == datetime(2026, 1, 15, tzinfo=UTC)
        assert repo.get_cell(c["Weber & Söhne KG"], p["Frequenzumrichter"]).our_revenue == 99.9
        new = next(x for x in m.customers if x.number == "2001")
        assert new.name == "Bäckerei Groß e.K."
        assert repo.verify() == []


def test_reimport_is_idempotent_and_conflicts_are_listed(small_file: Path, write_csv) -> None:
    source = write_csv("umsatz.csv", SALES_CP1252, "cp1252")
    run_import(small_file, source, "sales")
    state = dump(small_file)
    plan, applied = run_import(small_file, source, "sales")
    assert plan.is_empty and applied.cells_written == 0 and applied.backup is None
    assert plan.summary()["unchanged_cells"] == 3
    assert [(c.customer, c.product, c.key) for c in plan.conflicts] == [
        ("Schäfer Chemie AG", "Getriebe", "c_mark")
    ]
    assert dump(small_file) == state
    # Taking the imported value resolves the conflict; after that there is nothing left.
    run_import(small_file, source, "sales", conflicts="take")
    assert marks_by_name(small_file)[("Schäfer Chemie AG", "Getriebe")] == "X"
    plan = plan_for(small_file, source, "sales")
    assert plan.is_empty and not plan.conflicts


def test_manual_marks_and_notes_survive_sales_import(small_file: Path, write_csv) -> None:
    source = write_csv("s.csv", "Kundennummer,Artikelnummer,Revenue\n1001,102,5000\n1001,101,100\n")
    plan = plan_for(small_file, source, "sales")
    assert plan.summary()["unchanged_cells"] == 1  # OURS with the same revenue
    (conflict,) = plan.conflicts
    assert conflict.change.before.note == "Vertrag bis 2027"
    conflict.take = True  # per-cell choice
    with Repository.open(small_file) as repo:
        apply_plan(repo, plan)
        m = repo.load_matrix()
        cid = next(c.id for c in m.customers if c.number == "1001")
        pid = next(p.id for p in m.products if p.number == "102")
        rec = repo.get_cell(cid, pid)
    assert rec.mark == Mark.OURS and rec.our_revenue == 5000 and rec.note == "Vertrag bis 2027"


def test_utf8_bom_customers_update_and_create(small_file: Path, write_csv) -> None:
    text = (
        "Customer No,Account Name,City,Zip Code,Industry,ABC\n"
        '1001,"Müller Maschinenbau GmbH",Bonn,53111,Maschinenbau,a\n'
        "1003,Weber & Söhne,Essen,,Handel,B\n"
        "1004,Neu AG,Berlin,10115,,C\n"
        "1004,Neu AG,Berlin,10115,,C\n"
    )
    source = write_csv("kunden.csv", text, "utf-8-sig")
    plan = plan_for(small_file, source, "customers")
    assert [p.key for p in plan.problems] == ["p_same_customer_number"]
    assert plan.problems[0].message.startswith("rows 4 and 5 both have customer number 1004")
    s = plan.summary()
    assert (s["new_customers"], s["updated_customers"], s["unchanged_customers"]) == (1, 2, 0)
    run_import(small_file, source, "customers")
    with Repository.open(small_file, read_only=True) as repo:
        by_name = {c.name: c for c in repo.load_customers()}
    assert by_name["Müller Maschinenbau GmbH"].city == "Bonn"
    assert by_name["Müller Maschinenbau GmbH"].postcode == "53111"
    assert by_name["Müller Maschinenbau GmbH"].abc_class == "A"
    assert by_name["Weber & Söhne KG"].number == "1003"  # matched by name, number filled in
    assert by_name["Neu AG"].city == "Berlin"
    assert plan_for(small_file, source, "customers").is_empty


def test_products_with_groups(small_file: Path, write_csv) -> None:
    source = write_csv(
        "artikel.csv",
        "Artikel-Nr.\tBezeichnung\tWarengruppe\n101\tServomotoren\tAntriebe\n"
        "201\tSteuerungen\tAutomation\n202\tSensoren\tAutomation\n",
    )
    plan, _ = run_import(small_file, source, "products")
    assert plan.summary()["new_products"] == 2 and plan.summary()["new_groups"] == 2
    with Repository.open(small_file, read_only=True) as repo:
        groups = {g.id: g.name for g in repo.load_groups()}
        prods = {p.name: groups.get(p.group_id) for p in repo.load_products()}
    assert prods == {
        "Servomotoren": "Antriebe",
        "Frequenzumrichter": None,
        "Getriebe": None,
        "Steuerungen": "Automation",
        "Sensoren": "Automation",
    }


def _matrix_book(path: Path, letters: bool) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Matrix"
    ws.append(["Kunden-Produkt-Matrix Gebiet Nord"])
    ws.append([])
    ws.append(
        [
            "Nr.",
            "Kunde",
            "Ansprechpartner",
            "Servomotoren",
            "Frequenzumrichter",
            "Getriebe",
            "Kühlaggregate",
            "Summe",
        ]
    )
    rows = [
        ["1001", "Müller Maschinenbau", "Herr A", None, None, None, None, 2],
        ["", "Schäfer Chemie AG", "Frau B", None, None, None, None, 1],
        ["", "Neukunde GmbH", "Herr C", None, None, None, None, 1],
        ["", "Summe", None, 1, 1, 1, 1, None],
    ]
    for r in rows:
        ws.append(r)
    red, green, gray = "FFFF0000", "FF00B050", "FFBFBFBF"
    # (row, col, letter, fill)
    cells = [
        (4, 4, "X", None),  # Müller / Servomotoren: same as the matrix
        (4, 7, "w", red),  # Müller / Kühlaggregate (new product)
        (5, 6, "Bedarf", green),  # Schäfer / Getriebe: same
        (5, 5, "kein Bedarf", gray),  # Schäfer / Frequenzumrichter: new mark
        (6, 4, "G", green),  # Neukunde / Servomotoren
        (6, 5, "?", None),  # uninterpretable
    ]
    for row, col, letter, fill in cells:
        cell = ws.cell(row=row, column=col)
        if letters or fill is None:
            cell.value = letter
        if fill and not letters:
            cell.fill = PatternFill("solid", fgColor=fill)
    if not letters:
        # Theme gray (white, darker 25 %) and an indexed red, as Excel writes them.
        ws.cell(row=6, column=6).fill = PatternFill("solid", fgColor=Color(theme=0, tint=-0.25))
        ws.cell(row=6, column=7).fill = PatternFill("solid", fgColor=Color(indexed=10))
        ws.cell(row=4, column=5).fill = PatternFill("solid", fgColor="FFFFC000")  # orange
    wb.save(path)
    return path


@pytest.mark.parametrize("letters", [True, False], ids=["letters", "fills"])
def test_matrix_sheet(small_file: Path, tmp_path: Path, letters: bool) -> None:
    book = _matrix_book(tmp_path / "matrix.xlsx", letters)
    plan = plan_for(small_file, book, "matrix")
    assert set(plan.ignored_columns) >= {"Ansprechpartner", "Summe"}
    problems = sorted((p.row, p.column, p.key) for p in plan.problems)
    expected = [(6, 5, "p_bad_mark"), (7, 2, "p_totals_row")]
    if not letters:
        expected = [(4, 5, "p_bad_fill"), *expected]
    assert problems == expected
    assert plan.summary()["conflicts"] == 0
    run_import(small_file, book, "matrix")
    want = {
        **BASE,
        ("Müller Maschinenbau GmbH", "Kühlaggregate"): "W",
        ("Schäfer Chemie AG", "Frequenzumrichter"): "K",
        ("Neukunde GmbH", "Servomotoren"): "B",
    }
    if not letters:
        want[("Neukunde GmbH", "Getriebe")] = "K"
        want[("Neukunde GmbH", "Kühlaggregate")] = "W"
    assert marks_by_name(small_file) == want
    assert plan_for(small_file, book, "matrix").is_empty


def test_matrix_sheet_conflict_with_existing_mark(small_file: Path, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["Kunde", "Frequenzumrichter"])
    wb.active.append(["Müller Maschinenbau GmbH", "B"])
    wb.save(tmp_path / "m.xlsx")
    plan = plan_for(small_file, tmp_path / "m.xlsx", "matrix")
    assert [(c.customer, c.params) for c in plan.conflicts] == [
        ("Müller Maschinenbau GmbH", {"mine": "W", "theirs": "B"})
    ]
    assert plan.is_empty  # keep mine by default


def _data_book(path: Path, rows: list[list[object]], language: str = "de") -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "Matrix"
    ws = wb.create_sheet(data_sheet.data_sheet_name(language))
    ws.append(data_sheet.headers(language))
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_kpm_data_sheet_round_trip(small_file: Path, tmp_path: Path, demo_file: Path) -> None:
    # Export the demo matrix's marks as a data sheet, import into an empty file: same marks.
    with Repository.open(demo_file, read_only=True) as repo:
        m = repo.load_matrix()
        comps = {c.id: c.name for c in repo.load_competitors()}
        rows = []
        for c in m.customers:
            cells = repo.cells_of_customer(c.id)
            for p in m.products:
                rec = cells.get(p.id)
                if rec is None:
                    continue
                rows.append(
                    [
                        c.number,
                        c.name,
                        c.uuid,
                        p.number,
                        p.name,
                        p.uuid,
                        rec.mark.letter,
                        comps.get(rec.competitor_id, ""),
                        rec.our_revenue,
                        rec.potential,
                        rec.contract_end,
                        rec.no_need_reason,
                        rec.recheck_at,
                        rec.note,
                        rec.verified_at.replace(tzinfo=None) if rec.verified_at else None,
                    ]
                )
        details = {
            (c.uuid, p.uuid): repo.get_cell(c.id, p.id)
            for i, c in enumerate(m.customers)
            for j, p in enumerate(m.products)
            if m.code(i, j)
        }
    book = _data_book(tmp_path / "export.xlsx", rows, "en")
    empty = tmp_path / "empty.kpm"
    Repository.create(empty).close()
    plan, applied = run_import(empty, book, "kpm")
    assert plan.problems == [] and applied.cells_written == len(rows)
    with Repository.open(empty, read_only=True) as repo:
        m2 = repo.load_matrix()
        comps2 = {c.id: c.name for c in repo.load_competitors()}
        for (cu, pu), rec in details.items():
            cid = next(c.id for c in m2.customers if c.uuid == cu)
            pid = next(p.id for p in m2.products if p.uuid == pu)
            got = repo.get_cell(cid, pid)
            assert (
                got.mark,
                got.our_revenue,
                got.potential,
                got.contract_end,
                got.note,
                got.no_need_reason,
                got.recheck_at,
                got.verified_at,
            ) == (
                rec.mark,
                rec.our_revenue,
                rec.potential,
                rec.contract_end,
                rec.note,
                rec.no_need_reason,
                rec.recheck_at,
                rec.verified_at,
            )
            assert comps2.get(got.competitor_id) == comps.get(rec.competitor_id)
    assert plan_for(empty, book, "kpm").is_empty  # round trip again: nothing to do


def test_kpm_note_change_is_a_conflict(small_file: Path, tmp_path: Path) -> None:
    row = [
        "1001",
        "Müller Maschinenbau GmbH",
        "",
        "102",
        "Frequenzumrichter",
        "",
        "W",
        "Wettbewerb AG",
        None,
        5000,
        date(2027, 6, 30),
        "",
        None,
        "anderer Text",
        None,
    ]
    plan = plan_for(small_file, _data_book(tmp_path / "k.xlsx", [row]), "kpm")
    (conflict,) = plan.conflicts
    assert conflict.key == "c_details" and "note" in conflict.params["fields"]
    assert [c.name for c in plan.competitors] == ["Wettbewerb AG"]


def test_apply_then_revert_restores_the_file_exactly(small_file: Path, write_csv) -> None:
    source = write_csv("umsatz.csv", SALES_CP1252, "cp1252")
    original = dump(small_file)
    plan, applied = run_import(small_file, source, "sales", conflicts="take")
    assert dump(small_file) != original
    with Repository.open(small_file) as repo:
        revert_import(repo, applied)
        assert repo.verify() == []
    assert dump(small_file) == original
    # Redo = apply the same plan again.
    with Repository.open(small_file) as repo:
        again = apply_plan(repo, plan, backup=None)
    assert again.cells_written == applied.cells_written


def test_stale_plan_is_refused(small_file: Path, write_csv) -> None:
    from kpm_desktop.import_export.messages import ImportFailure

    source = write_csv("umsatz.csv", SALES_CP1252, "cp1252")
    plan = plan_for(small_file, source, "sales", conflicts="take")
    with Repository.open(small_file) as repo:
        m = repo.load_matrix()
        cid = next(c.id for c in m.customers if c.number == "1002")
        pid = next(p.id for p in m.products if p.number == "103")
        repo.set_marks([(cid, pid, Mark.NO_NEED)])
        state = dump(small_file)
        with pytest.raises(ImportFailure, match="changed since the preview"):
            apply_plan(repo, plan)
    assert dump(small_file) == state


def test_fuzzy_names_are_only_suggestions(small_file: Path, write_csv) -> None:
    source = write_csv("s.csv", "Kunde;Produkt\nSchaefer Chemi;Getriebe\n")
    plan = plan_for(small_file, source, "sales")
    (s,) = plan.suggestions
    assert (s.source_name, s.candidate_name) == ("Schaefer Chemi", "Schäfer Chemie AG")
    assert plan.summary()["new_customers"] == 1  # never merged on its own
    confirmed = {(s.entity, s.source_key): s.candidate_id}
    plan = plan_for(small_file, source, "sales", confirmed=confirmed)
    assert plan.summary()["new_customers"] == 0 and not plan.suggestions
    assert plan.summary()["conflicts"] == 1  # Schäfer / Getriebe is B in the matrix


def test_xlsx_engines_read_the_same_values(tmp_path: Path) -> None:
    from kpm_desktop.import_export.tables import read_table

    wb = openpyxl.Workbook()
    ws = wb.create_sheet("Umsatz")
    ws.append(["Umsatzliste"])
    ws.append([])
    ws.append(["Kundennummer", "Kunde", "Artikel", "Umsatz", "Datum"])
    ws.append(["1001", "Müller", "Servomotoren", 1234.5, datetime(2026, 1, 15)])
    ws.append([1002, "Schäfer", None, 7, date(2026, 2, 1)])
    wb.active = 1
    wb.save(tmp_path / "u.xlsx")
    a = read_table(tmp_path / "u.xlsx", engine="openpyxl")
    b = read_table(tmp_path / "u.xlsx", engine="calamine")
    assert a.sheet == b.sheet == "Umsatz"

    def norm(rows):
        out = []
        for r in rows:
            r = [v.date() if isinstance(v, datetime) else v for v in r]
            r = [float(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in r]
            while r and r[-1] is None:
                r.pop()
            out.append(r)
        return out

    assert norm(a.rows) == norm(b.rows)


def test_own_exported_matrix_sheet_reads_back_as_a_matrix(demo_file: Path, tmp_path: Path) -> None:
    """The people-facing sheet of our export (legend, group band, count columns and rows) is
    also a valid "matrix" source: count columns/rows are recognised, not taken for products."""
    from kpm_desktop.cli import main

    out = tmp_path / "export.xlsx"
    assert main(["export", str(demo_file), "--xlsx", str(out), "--lang", "de"]) == 0
    plan = plan_for(demo_file, out, "matrix")
    s = plan.summary()
    assert (s["cells"], s["conflicts"], s["new_customers"], s["new_products"]) == (0, 0, 0, 0)
    assert s["unchanged_cells"] == len(marks_by_name(demo_file))
    assert {p.key for p in plan.problems} == {"p_totals_row"}
    empty = tmp_path / "empty.kpm"
    Repository.create(empty).close()
    run_import(empty, out, "matrix")
    assert marks_by_name(empty) == marks_by_name(demo_file)
