"""Exports with key accounts: roll-up rows, Excel's row outline, data sheet, round trip,
the matrix PDF and a key account's visit one-pager."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kpm_desktop.cli import main
from kpm_desktop.domain.key_accounts import KeyAccounts
from kpm_desktop.domain.marks import WHITE
from kpm_desktop.import_export.export_model import ExportOptions, load_snapshot
from kpm_desktop.import_export.xlsx_export import FIRST_DATA_ROW, write_xlsx
from kpm_desktop.storage.repository import Repository
from tests.helpers.key_accounts import reference_rollup


def _parents_by_name(path: Path) -> dict[str, str]:
    with Repository.open(path, read_only=True) as repo:
        cs = repo.load_customers()
    names = {c.uuid: c.name for c in cs}
    return {c.name: names[c.parent_uuid] for c in cs if c.parent_uuid in names}


def test_snapshot_puts_each_key_account_before_its_sites(demo_ka_file: Path) -> None:
    snap = load_snapshot(demo_ka_file, ExportOptions())
    with Repository.open(demo_ka_file, read_only=True) as repo:
        matrix = repo.load_matrix()
    ka = KeyAccounts.build(matrix.customers)
    assert len(snap.rollup_rows) == 2
    n = snap.n_cols
    for i in sorted(snap.rollup_rows):
        head = snap.customers[i]
        sites = snap.sites_of(i)
        expected = {matrix.customers[r].name for r in ka.sites[matrix.row_of[head.id]]}
        assert {snap.customers[k].name for k in sites} == expected
        assert all(snap.level(k) == 1 for k in sites)
        rows = [snap.row(k) for k in sites]
        assert snap.row(i) == reference_rollup(rows, n)
        # A key account's counts are its sites' counts.
        assert snap.row_counts(i).total == len(sites) * n
    # Column counts and totals count sites and other customers, never a roll-up row.
    counted = [snap.row(i) for i in range(snap.n_rows) if i not in snap.rollup_rows]
    assert snap.totals().total == len(counted) * n
    assert snap.col_counts(0).white == sum(r[0] == WHITE for r in counted)
    assert "67 Kunden" in snap.subtitle() and "2 Konzerne" in snap.subtitle()


@pytest.mark.parametrize("raw", [True, False])
def test_xlsx_matrix_sheet_uses_the_row_outline(demo_ka_file: Path, tmp_path: Path, raw) -> None:
    snap = load_snapshot(demo_ka_file, ExportOptions(lang="en"))
    out = write_xlsx(snap, tmp_path / "m.xlsx", raw_rows=raw).path
    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    assert ws.sheet_properties.outlinePr.summaryBelow is False
    header = [c.value for c in ws[FIRST_DATA_ROW - 1]]
    assert "Parent account no." in header
    parent_col = header.index("Parent account no.") + 1
    for i, customer in enumerate(snap.customers):
        row = FIRST_DATA_ROW + i
        assert ws.cell(row, 1).value == customer.name
        assert (ws.row_dimensions[row].outlineLevel or 0) == snap.level(i)
        if i in snap.rollup_rows:
            assert ws.cell(row, 1).font.b
        if snap.level(i):
            head = next(k for k in sorted(snap.rollup_rows, reverse=True) if k < i)
            assert ws.cell(row, parent_col).value == snap.customers[head].number
    # The data sheet holds the sites' marks only: nothing for the key accounts' roll-ups.
    data = wb["Data"]
    names = {r[1] for r in data.iter_rows(min_row=2, values_only=True)}
    assert not names & {snap.customers[i].name for i in snap.rollup_rows}


def test_export_import_round_trip_keeps_marks_and_parent_links(
    demo_ka_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "export.xlsx"
    assert main(["export", str(demo_ka_file), "--xlsx", str(out), "--lang", "de"]) == 0
    target = tmp_path / "target.kpm"
    Repository.create(target).close()
    assert main(["import", str(target), str(out), "--kind", "kpm"]) == 0
    # The customers sheet carries each site's key account by UUID ...
    assert _parents_by_name(target) == _parents_by_name(demo_ka_file)
    # ... and the matrix sheet by number: importing it as a matrix changes no link.
    other = tmp_path / "other.kpm"
    Repository.create(other).close()
    assert main(["import", str(other), str(out), "--kind", "matrix", "--sheet", "Matrix"]) == 0
    assert _parents_by_name(other) == _parents_by_name(demo_ka_file)
    assert main(["import", str(target), str(out), "--kind", "matrix", "--sheet", "Matrix"]) == 0
    assert _parents_by_name(target) == _parents_by_name(demo_ka_file)
    assert len(_parents_by_name(target)) == 7
    with (
        Repository.open(demo_ka_file, read_only=True) as a,
        Repository.open(target, read_only=True) as b,
    ):
        ma, mb = a.load_matrix(), b.load_matrix()
        ka = {
            (c.name, p.name): ma.code(i, j)
            for i, c in enumerate(ma.customers)
            for j, p in enumerate(ma.products)
        }
        kb = {
            (c.name, p.name): mb.code(i, j)
            for i, c in enumerate(mb.customers)
            for j, p in enumerate(mb.products)
        }
    assert {k: v for k, v in ka.items() if v} == {k: v for k, v in kb.items() if v}


def test_matrix_pdf_and_key_account_one_pager(qapp, demo_ka_file: Path, tmp_path: Path) -> None:
    from tests.helpers.pdf import pdf_text

    pdf = tmp_path / "m.pdf"
    assert main(["export", str(demo_ka_file), "--pdf", str(pdf), "--lang", "en"]) == 0
    from tests.helpers.pdf import pdf_page_count

    text = " ".join(pdf_text(pdf, p) for p in range(1, pdf_page_count(pdf) + 1))
    assert "Krone Automotive SE" in text and "Krone Automotive Werk Stuttgart" in text
    one = tmp_path / "krone.pdf"
    assert (
        main(["export", str(demo_ka_file), "--visit", "200101", "--pdf", str(one), "--lang", "en"])
        == 0
    )
    page = pdf_text(one, 1)
    assert "Sites (3) and their white spots" in page
    with Repository.open(demo_ka_file, read_only=True) as repo:
        customers = repo.load_customers()
        products = repo.load_products()
        head = next(c for c in customers if c.number == "200101")
        for site in (c for c in customers if c.parent_uuid == head.uuid):
            assert site.name in page
            cells = repo.cells_of_customer(site.id)
            white = [p for p in products if p.id not in cells]
            assert f"{site.name} – {site.city}: {len(white)} white spots" in page


def test_cli_insights_count_sites_not_key_account_rows(demo_ka_file: Path, capsys) -> None:
    import json

    assert main(["insights", str(demo_ka_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["customers"] == 67  # 69 customers, 2 of them key accounts (their sites count)
