"""Import kind ``matrix``: a customer x product sheet, marks as letters or fill colours."""

from __future__ import annotations

import re
from dataclasses import replace

from kpm_desktop.domain.entities import CellRecord, Product
from kpm_desktop.domain.marks import Mark, UnknownMarkError, parse_mark
from kpm_desktop.domain.text import fold
from kpm_desktop.import_export.colours import mark_for_rgb
from kpm_desktop.import_export.mapping import NON_PRODUCT_HEADERS
from kpm_desktop.import_export.messages import ImportFailure
from kpm_desktop.import_export.plans.builder import _CUSTOMER_ATTRS, BuilderBase
from kpm_desktop.import_export.plans.model import SOURCE
from kpm_desktop.import_export.values import cell_text

_TOTALS = frozenset(
    fold(t)
    for t in {
        "summe",
        "gesamt",
        "total",
        "totals",
        "sum",
        "anzahl",
        "count",
        "summen",
        "abdeckung",
        "coverage",
    }
)
_NUMERIC = re.compile(r"^-?\d+(?:[.,]\d+)?$")


def _is_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int | float) or (
        isinstance(value, str) and bool(_NUMERIC.match(value.strip()))
    )


def _is_count(value: object) -> bool:
    """A number that cannot be a mark code (marks are 1-4): a count or percentage."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return value not in (1, 2, 3, 4)
    return (
        isinstance(value, str)
        and bool(_NUMERIC.match(value.strip()))
        and value.strip() not in "1234"
    )


def _is_mark_header(header: str) -> bool:
    """Headers like "X", "W", "Bedarf" or "leer" title count columns, not products."""
    if fold(header) in ("leer", "weiss", "white", "weisser fleck", "white spots", "empty"):
        return True
    try:
        return parse_mark(header) is not None
    except UnknownMarkError:
        return False


class MatrixKind(BuilderBase):
    def _build_matrix(self) -> None:
        table = self.s.table
        rows = table.rows
        fills = table.fills
        mapped = set(self.s.mapping.values())
        name_col = self.s.mapping["customer_name"]
        start = self.s.header_row + 1
        # Candidate product columns: unmapped, with a header that is not a totals/remark column.
        candidates: list[int] = []
        for col, header in enumerate(self.headers):
            if col in mapped:
                continue
            if not header:
                if any(col < len(r) and cell_text(r[col]) for r in rows[start : start + 200]):
                    self.problem(self.s.header_row + 1, col, "p_product_header_empty")
                continue
            if fold(header) in NON_PRODUCT_HEADERS or _is_mark_header(header):
                self.plan.ignored_columns.append(header)
                continue
            candidates.append(col)
        # A column that mostly holds text which is not a mark is an attribute (e.g. contact).
        product_cols: list[int] = []
        for col in candidates:
            marks = other = 0
            for r in rows[start:]:
                s = cell_text(r[col]) if col < len(r) else ""
                if not s:
                    continue
                try:
                    parse_mark(s)
                    marks += 1
                except UnknownMarkError:
                    other += 1
            if other > max(marks, 2):
                self.plan.ignored_columns.append(self.headers[col])
            else:
                product_cols.append(col)
        header_row_number = self.s.header_row + 1
        col_products: dict[int, Product] = {}
        for col in product_cols:
            header = self.headers[col]
            # A header is a product number or a product name.
            by_number = self.products.match(header)
            product = (
                by_number.entity
                if by_number.how == "number"
                else self.product(header_row_number, "", header, col=col)
            )
            if product is None:
                continue
            first = next((c for c, p in col_products.items() if p.id == product.id), None)
            if first is not None:
                self.problem(
                    header_row_number, col, "p_duplicate_row", what="product", first=first + 1
                )
                continue
            col_products[col] = product
            if product.id is not None and product.id > 0:
                self.seen_products[product.id] = header_row_number
        wanted: dict[tuple[int, int], tuple[Mark, int]] = {}
        parent_keys = self._parent_keys()
        for row, values in self.data_rows():
            name = self.text(values, "customer_name", row)
            number = self.text(values, "customer_number", row)
            if fold(name) in _TOTALS or fold(name).split(" ")[0] in _TOTALS:
                self.problem(row, name_col, "p_totals_row")
                continue
            # Count rows under a matrix ("X – unser Produkt: 7, 5, 36 ...") hold numbers that
            # cannot be marks in most of their cells.
            cells = [values[c] for c in col_products if c < len(values) and cell_text(values[c])]
            numbers = sum(1 for v in cells if _is_number(v))
            if numbers and numbers * 2 >= len(cells) and any(_is_count(v) for v in cells):
                self.problem(row, name_col, "p_totals_row")
                continue
            if not name and not number:
                if any(
                    cell_text(values[c])
                    or (fills and c < len(fills[row - 1]) and fills[row - 1][c])
                    for c in col_products
                    if c < len(values)
                ):
                    self.problem(row, name_col, "p_missing_customer")
                continue
            attrs = {k: self.text(values, k, row) for k in _CUSTOMER_ATTRS}
            customer = self.customer(row, number, name, attrs=attrs)
            if customer is None:
                continue
            assert customer.id is not None
            if customer.id > 0:
                self.seen_customers[customer.id] = row
            self._parent_ref(customer, values, row)
            if parent_keys and (
                (number and fold(number) in parent_keys) or (fold(name) in parent_keys)
            ):
                # A key account's row on an exported sheet shows its sites' roll-up.
                if any(cell_text(values[c]) for c in col_products if c < len(values)):
                    self.problem(row, name_col, "p_key_account_row", name=name or number)
                continue
            row_fills = fills[row - 1] if fills is not None else []
            for col, product in col_products.items():
                value = values[col] if col < len(values) else None
                s = cell_text(value)
                mark: Mark | None = None
                if s:
                    if s.startswith("=") and len(s) > 1:
                        self.problem(row, col, "p_formula", text=s[:40])
                        continue
                    try:
                        mark = parse_mark(s)
                    except UnknownMarkError:
                        self.problem(row, col, "p_bad_mark", text=s[:40])
                        continue
                elif col < len(row_fills) and (fill := row_fills[col]):
                    meaning = mark_for_rgb(fill)
                    if isinstance(meaning, str):  # "?": a colour with no meaning (Mark is an int)
                        self.problem(row, col, "p_bad_fill", colour=f"#{fill}")
                        continue
                    mark = meaning
                if mark is None:
                    continue
                assert product.id is not None
                key = (customer.id, product.id)
                if key in wanted:
                    other, first = wanted[key]
                    if other != mark:
                        self.problem(
                            row,
                            col,
                            "p_conflicting_duplicate",
                            mark=mark.letter,
                            first=first,
                            other=other.letter,
                        )
                    continue
                wanted[key] = (mark, row)
                before = self.before(customer.id, product.id)
                after = (
                    CellRecord(mark=mark, source=SOURCE)
                    if before is None
                    else replace(before, mark=mark)
                )
                self.cell(customer, product, after, before, row, col)
        if col_products and not wanted and fills is None and table.format != "csv":
            # No letter anywhere: the marks are fill colours, which only .xlsx carries.
            message = "colours_strict" if table.strict else "colours_xlsx_only"
            raise ImportFailure(message, file=table.source)
