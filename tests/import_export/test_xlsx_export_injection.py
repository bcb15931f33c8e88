"""No user string ever becomes a formula cell (OWASP formula injection), and quoting is exact."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpm_desktop.domain.entities import CellRecord, Customer, Product, ProductGroup
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.import_export.data_sheet import column_keys
from kpm_desktop.import_export.export_model import ExportOptions, snapshot_from_matrix
from kpm_desktop.import_export.formula_guard import (
    FORMULA_TRIGGERS,
    is_xml_safe,
    neutralise,
    restore,
)
from kpm_desktop.import_export.xlsx_export import write_xlsx

# Text that tries hard to be a formula: a trigger or quote up front, then anything.
nasty = st.one_of(
    st.text(max_size=30),
    st.builds(
        lambda head, tail: head + tail,
        st.sampled_from([*FORMULA_TRIGGERS, "'", "''", "=cmd|' /C calc'!A0", "@SUM(", " ="]),
        st.text(max_size=20),
    ),
)


@given(nasty)
def test_neutralise_never_starts_a_formula_and_restores_exactly(text: str) -> None:
    out = neutralise(text)
    assert not out.startswith(FORMULA_TRIGGERS)
    if is_xml_safe(text):
        assert restore(out) == text


# Each example writes and reads a workbook: under load generating 40 of them can pass
# hypothesis' "too slow" limit, which says nothing about the export.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    customer=nasty,
    number=nasty,
    product=nasty,
    group=nasty,
    competitor=nasty,
    note=nasty,
    reason=nasty,
    tag=nasty,
)
def test_no_user_string_becomes_a_formula_cell(
    customer: str,
    number: str,
    product: str,
    group: str,
    competitor: str,
    note: str,
    reason: str,
    tag: str,
) -> None:
    groups = [ProductGroup(id=1, name=group)]
    products = [Product(id=1, name=product, number=number, group_id=1), Product(id=2, name="P2")]
    customers = [Customer(id=1, name=customer, number=number, tags=(tag,), segment=note)]
    matrix = Matrix(
        customers, products, groups, bytearray([int(Mark.COMPETITOR), int(Mark.NO_NEED)])
    )
    details = {
        (1, 1): CellRecord(
            Mark.COMPETITOR, competitor_id=7, note=note, contract_end=date(2027, 1, 1)
        ),
        (1, 2): CellRecord(Mark.NO_NEED, no_need_reason=reason),
    }
    options = ExportOptions(attributes=("number", "segment", "tags"), filters=note)
    snapshot = snapshot_from_matrix(
        matrix, options, file_name=f"{customer}.kpm", details=details, competitors={7: competitor}
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.xlsx"
        write_xlsx(snapshot, out)
        wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_TRIGGERS)
    rows = list(wb["Daten"].iter_rows(values_only=True))
    keys = column_keys(list(rows[0]))
    by_product = {rows[i][keys["product_uuid"]]: rows[i] for i in (1, 2)}
    first, second = by_product[products[0].uuid], by_product[products[1].uuid]

    def back(value: object) -> str:
        return restore(value) if isinstance(value, str) else ""

    if all(is_xml_safe(t) for t in (customer, number, product, competitor, note, reason)):
        assert back(first[keys["customer_name"]]) == customer
        assert back(first[keys["product_name"]]) == product
        assert back(first[keys["customer_number"]]) == number
        assert back(first[keys["competitor"]]) == competitor
        assert back(first[keys["note"]]) == note
        assert back(second[keys["no_need_reason"]]) == reason
