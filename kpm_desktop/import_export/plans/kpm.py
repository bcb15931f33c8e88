"""Import kind ``kpm``: the data sheet of a KPM export (round trip)."""

from __future__ import annotations

from dataclasses import replace

from kpm_desktop.domain.entities import CellRecord
from kpm_desktop.domain.marks import UnknownMarkError, parse_mark
from kpm_desktop.import_export.formula_guard import restore
from kpm_desktop.import_export.plans.builder import _CELL_FIELDS, _EMPTY, BuilderBase
from kpm_desktop.import_export.plans.model import SOURCE
from kpm_desktop.import_export.values import ValueProblem, cell_text, parse_timestamp

_KPM_FREE_TEXT = frozenset({"note", "no_need_reason"})


class KpmKind(BuilderBase):
    def kpm_text(self, values: list[object], key: str, row: int) -> str:
        """Text of a KPM data sheet: the export quoted formula-like text (formula_guard).

        Free text (notes, reasons) keeps its line breaks and spacing exactly.
        """
        checked = self.text(values, key, row)  # already restored
        raw, _col = self.raw(values, key)
        if checked and key in _KPM_FREE_TEXT and isinstance(raw, str):
            return restore(raw)
        return checked

    def _build_kpm(self) -> None:
        wanted: dict[tuple[int, int], int] = {}
        for row, values in self.data_rows():
            c = self.kpm_text
            customer = self.customer(
                row,
                c(values, "customer_number", row),
                c(values, "customer_name", row),
                c(values, "customer_uuid", row),
            )
            product = self.product(
                row,
                c(values, "product_number", row),
                c(values, "product_name", row),
                c(values, "product_uuid", row),
            )
            if customer is None or product is None:
                continue
            assert customer.id is not None and product.id is not None
            if customer.id > 0:
                self.seen_customers[customer.id] = row
            if product.id > 0:
                self.seen_products[product.id] = row
            letter = c(values, "mark", row)
            mark_col = self.s.mapping["mark"]
            try:
                mark = parse_mark(letter)
            except UnknownMarkError:
                self.problem(row, mark_col, "p_bad_mark", text=letter[:40])
                continue
            if mark is None:
                continue
            key = (customer.id, product.id)
            if key in wanted:
                self.problem(row, None, "p_duplicate_row", what="cell", first=wanted[key])
                continue
            wanted[key] = row
            competitor = c(values, "competitor", row)
            verified_raw, verified_col = self.raw(values, "verified_at")
            try:
                verified = parse_timestamp(verified_raw)
            except ValueProblem:
                self.problem(row, verified_col, "p_bad_date", text=cell_text(verified_raw)[:40])
                verified = None
            imported = CellRecord(
                mark=mark,
                competitor_id=self.competitor_id(competitor) if competitor else None,
                our_revenue=self.number(values, "our_revenue", row),
                potential=self.number(values, "potential", row),
                contract_end=self.date(values, "contract_end", row),
                no_need_reason=c(values, "no_need_reason", row),
                recheck_at=self.date(values, "recheck_at", row),
                note=c(values, "note", row),
                verified_at=verified,
                source=SOURCE,
            )
            before = self.before(customer.id, product.id)
            if before is None:
                after = imported
            else:
                # Imported values win where given; the matrix keeps what the import lacks.
                after = replace(
                    before,
                    mark=mark,
                    **{
                        f: getattr(imported, f)
                        for f in _CELL_FIELDS
                        if getattr(imported, f) not in _EMPTY
                    },
                )
            self.cell(customer, product, after, before, row, mark_col)
