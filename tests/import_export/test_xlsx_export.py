"""XLSX export: values, fills + glyphs, print setup, scopes, customer-safe mode, data sheet."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import openpyxl
import pytest

from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.import_export.data_sheet import column_keys, data_sheet_name
from kpm_desktop.import_export.export_model import (
    ExportCancelled,
    ExportOptions,
    Orientation,
    Paper,
    load_snapshot,
    scope_from_filters,
)
from kpm_desktop.import_export.formula_guard import restore
from kpm_desktop.import_export.xlsx_export import (
    BAND_ROW,
    FIRST_DATA_ROW,
    HEADER_ROW,
    MARK_FILLS,
    write_xlsx,
)
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash


@pytest.fixture(scope="module")
def demo_export(demo_template: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("xlsx") / "demo.xlsx"
    options = ExportOptions(attributes=("number", "city", "annual_revenue"), filters="alle")
    snapshot = load_snapshot(demo_template, options)
    write_xlsx(snapshot, out)
    return snapshot, openpyxl.load_workbook(out)


def test_matrix_sheet_values_fills_and_glyphs(demo_export) -> None:
    snapshot, wb = demo_export
    assert wb.sheetnames == [
        "Matrix",
        "Kennzahlen",
        "Daten",
        "Kunden",
        "Produkte",
        "Wettbewerber",
        "Notizen",
        "Ziele",
    ]
    ws = wb["Matrix"]
    assert "demo.kpm" in ws["A1"].value
    assert "Filter: alle" in ws["A2"].value and "60 Kunden × 24 Produkte" in ws["A2"].value
    # Legend: glyph cell with the mark's fill next to its meaning.
    legend = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(3, 8)}
    assert legend["X"] == "unser Produkt" and legend[None].startswith("weißer Fleck")
    assert ws.cell(BAND_ROW, 5).value == "Antriebstechnik"
    assert [ws.cell(HEADER_ROW, k).value for k in range(1, 5)] == [
        "Kunde",
        "Kd.-Nr.",
        "Ort",
        "Jahresumsatz",
    ]
    assert [ws.cell(HEADER_ROW, 5 + j).value for j in range(snapshot.n_cols)] == [
        p.name for p in snapshot.products
    ]
    seen = set()
    for i, customer in enumerate(snapshot.customers):
        r = FIRST_DATA_ROW + i
        assert ws.cell(r, 1).value == customer.name
        assert ws.cell(r, 2).value == customer.number
        assert ws.cell(r, 4).value == customer.annual_revenue
        codes = snapshot.row(i)
        for j, code in enumerate(codes):
            cell = ws.cell(r, 5 + j)
            if code == WHITE:
                assert cell.value is None
            else:
                mark = Mark(code)
                # Colour never carries the meaning alone: glyph and fill both present.
                assert cell.value == mark.letter
                assert cell.fill.fgColor.rgb.endswith(MARK_FILLS[mark])
                assert cell.font.b
                seen.add(mark)
        # Per-row counts X, W, B, K, white, coverage follow the product columns.
        counts = [ws.cell(r, 5 + snapshot.n_cols + k).value for k in range(5)]
        rc = snapshot.row_counts(i)
        assert counts == [rc.ours, rc.competitor, rc.need, rc.no_need, rc.white]
    assert seen == set(Mark)
    # Per-column counts below the customers.
    first_count_row = FIRST_DATA_ROW + snapshot.n_rows
    for j in range(snapshot.n_cols):
        cc = snapshot.col_counts(j)
        got = [ws.cell(first_count_row + k, 5 + j).value for k in range(5)]
        assert got == [cc.ours, cc.competitor, cc.need, cc.no_need, cc.white]


def test_print_setup(demo_export) -> None:
    _, wb = demo_export
    ws = wb["Matrix"]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.print_title_rows == f"${BAND_ROW}:${HEADER_ROW}"
    assert ws.print_title_cols == "$A:$A"
    assert ws.freeze_panes == f"E{FIRST_DATA_ROW}"
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    assert "&D" in ws.oddHeader.right.text
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert f"E{BAND_ROW}:I{BAND_ROW}" in merged  # five products of the first group


def test_kpi_sheet_counts_and_shares(demo_export) -> None:
    snapshot, wb = demo_export
    ws = wb["Kennzahlen"]
    rows = list(ws.iter_rows(min_row=5, values_only=True))
    assert len(rows) == snapshot.n_cols + 1
    for j, row in enumerate(rows[:-1]):
        cc = snapshot.col_counts(j)
        assert row[2] == snapshot.products[j].name
        assert list(row[3:8]) == [cc.ours, cc.competitor, cc.need, cc.no_need, cc.white]
        assert row[13] == pytest.approx(round(cc.coverage, 1))
        installed = cc.ours + cc.competitor
        assert row[14] == pytest.approx(round(100 * cc.competitor / installed, 1))
    assert rows[-1][3] == snapshot.totals().ours


def test_data_sheet_reproduces_marks_and_details(demo_export, demo_template: Path) -> None:
    """The long-format sheet carries every marked cell with exactly the stored details."""
    _, wb = demo_export
    ws = wb[data_sheet_name("de")]
    rows = list(ws.iter_rows(values_only=True))
    keys = column_keys(list(rows[0]))
    with Repository.open(demo_template, read_only=True) as repo:
        expected = {(c, p): r for c, p, r in repo.iter_cells()}
        customers = {c.uuid: c.id for c in repo.load_customers()}
        products = {p.uuid: p.id for p in repo.load_products()}
        competitors = {c.id: c.name for c in repo.load_competitors()}
    assert len(rows) - 1 == len(expected)
    for row in rows[1:]:
        v = {k: row[i] for k, i in keys.items()}
        rec = expected[(customers[v["customer_uuid"]], products[v["product_uuid"]])]
        assert v["mark"] == rec.mark.letter
        assert (v["competitor"] or None) == (competitors.get(rec.competitor_id) or None)
        assert v["our_revenue"] == rec.our_revenue and v["potential"] == rec.potential
        assert (v["contract_end"].date() if v["contract_end"] else None) == rec.contract_end
        assert (v["recheck_at"].date() if v["recheck_at"] else None) == rec.recheck_at
        assert restore(v["no_need_reason"] or "") == rec.no_need_reason
        assert restore(v["note"] or "") == rec.note
        assert v["verified_at"].replace(tzinfo=UTC) == rec.verified_at


def test_raw_rows_and_openpyxl_cells_write_the_same_workbook(demo_template, tmp_path) -> None:
    snapshot = load_snapshot(demo_template, ExportOptions(attributes=("number", "tags")))
    write_xlsx(snapshot, tmp_path / "raw.xlsx")
    write_xlsx(snapshot, tmp_path / "cells.xlsx", raw_rows=False)
    a, b = (
        openpyxl.load_workbook(tmp_path / "raw.xlsx"),
        openpyxl.load_workbook(tmp_path / "cells.xlsx"),
    )
    for name in a.sheetnames:
        cells_a = [[(c.value, c.style_id) for c in r] for r in a[name].iter_rows()]
        cells_b = [[(c.value, c.style_id) for c in r] for r in b[name].iter_rows()]
        assert cells_a == cells_b, name


def test_view_order_scope_paper_and_language(demo_template: Path, tmp_path: Path) -> None:
    with Repository.open(demo_template, read_only=True) as repo:
        matrix = repo.load_matrix()
    customer_ids = (matrix.customers[5].id, matrix.customers[2].id)
    product_ids = (matrix.products[7].id, matrix.products[0].id, matrix.products[3].id)
    options = ExportOptions(
        customer_ids=customer_ids,
        product_ids=product_ids,
        attributes=(),
        paper=Paper.A3,
        orientation=Orientation.PORTRAIT,
        lang="en",
        include_data_sheet=False,
    )
    write_xlsx(load_snapshot(demo_template, options), tmp_path / "v.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "v.xlsx")
    assert wb.sheetnames == ["Matrix", "Figures"]
    ws = wb["Matrix"]
    assert ws["A1"].value.startswith("Customer-Product Matrix")
    assert ws.cell(HEADER_ROW, 1).value == "Customer"
    assert [ws.cell(HEADER_ROW, 2 + j).value for j in range(3)] == [
        matrix.products[j].name for j in (7, 0, 3)
    ]
    assert [ws.cell(FIRST_DATA_ROW + i, 1).value for i in range(2)] == [
        matrix.customers[5].name,
        matrix.customers[2].name,
    ]
    for i, row in enumerate((5, 2)):
        for k, col in enumerate((7, 0, 3)):
            mark = matrix.mark(row, col)
            assert ws.cell(FIRST_DATA_ROW + i, 2 + k).value == (mark.letter if mark else None)
    assert int(ws.page_setup.paperSize) == 8 and ws.page_setup.orientation == "portrait"


def test_customer_safe_leaves_out_competitors_money_and_notes(demo_template, tmp_path) -> None:
    options = ExportOptions(attributes=("number", "annual_revenue", "owner"), customer_safe=True)
    snapshot = load_snapshot(demo_template, options)
    write_xlsx(snapshot, tmp_path / "safe.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "safe.xlsx")
    texts = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value}
    for name in snapshot.competitors.values():
        assert not any(name in t for t in texts)
    header = [c.value for c in wb["Matrix"][HEADER_ROW]]
    assert "Jahresumsatz" not in header and "Betreuer" in header
    data_header = [c.value for c in wb["Daten"][1]]
    assert "Wettbewerber" not in data_header and "Notiz" not in data_header
    assert "Unser Umsatz" not in data_header and "Potenzial" not in data_header
    assert "Markierung" in data_header
    assert "Kundenansicht" in wb["Matrix"]["A2"].value
    assert "Kunden" not in wb.sheetnames  # master data stays in internal exports


def test_scope_from_filters(demo_template: Path) -> None:
    with Repository.open(demo_template, read_only=True) as repo:
        matrix = repo.load_matrix()
    scope = scope_from_filters(matrix, groups=["service"], white_spots_only=True)
    group_id = next(g.id for g in matrix.groups.values() if g.name == "Service")
    assert scope.product_ids and all(
        matrix.products[matrix.col_of[p]].group_id == group_id for p in scope.product_ids
    )
    cols = [matrix.col_of[p] for p in scope.product_ids]
    for cid in scope.customer_ids:
        assert matrix.white_spots_in_row(matrix.row_of[cid], cols) > 0
    assert len(scope.customer_ids) < matrix.n_rows
    assert "Service" in scope.description
    with pytest.raises(ValueError, match="no product group named 'Nope'"):
        scope_from_filters(matrix, groups=["Nope"])


def test_cancel_leaves_no_file_and_keeps_existing(demo_template: Path, tmp_path: Path) -> None:
    snapshot = load_snapshot(demo_template, ExportOptions())
    out = tmp_path / "x.xlsx"
    out.write_bytes(b"previous export")
    before = file_hash(out)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 200

    with pytest.raises(ExportCancelled):
        write_xlsx(snapshot, out, progress)
    assert file_hash(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.xlsx"]
    assert calls[0][0] == 0 and calls[-1][0] >= 200


def test_progress_reaches_total(demo_template: Path, tmp_path: Path) -> None:
    snapshot = load_snapshot(demo_template, ExportOptions())
    seen: list[tuple[int, int]] = []
    write_xlsx(snapshot, tmp_path / "p.xlsx", lambda d, t: seen.append((d, t)) or True)
    assert seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_missing_folder_is_a_clear_error(demo_template: Path, tmp_path: Path) -> None:
    snapshot = load_snapshot(demo_template, ExportOptions(), with_details=False)
    with pytest.raises(FileNotFoundError, match="does not exist"):
        write_xlsx(snapshot, tmp_path / "nope" / "x.xlsx")


def test_unknown_attribute_or_language_rejected() -> None:
    with pytest.raises(ValueError, match="attribute"):
        ExportOptions(attributes=("shoe_size",))
    with pytest.raises(ValueError, match="language"):
        ExportOptions(lang="fr")
