"""From a read table to an ``ImportPlan``: everything an import would change, with no writes.

The plan is computed against a ``Target`` (a snapshot of the open matrix file: customers,
products, the compact status grid and a cell lookup), so it can be built in a worker thread
with its own read-only connection. Entities the import would create get negative temporary
ids; ``apply.apply_plan`` maps them to real ids inside one transaction.

Rules that make re-imports safe (issue 5, "non-destructive"):
- an import never clears a mark and never empties a field it has no value for;
- a cell whose existing mark or note the import would change is a *conflict*, applied only
  when the user chooses "take imported" for it (default: keep mine);
- an import that changes nothing reports everything as unchanged, so importing the same file
  twice writes nothing the second time.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kpm_desktop.domain.entities import (
    CellRecord,
    Competitor,
    Customer,
    Product,
    ProductGroup,
)
from kpm_desktop.domain.marks import WHITE, Mark, UnknownMarkError, parse_mark
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.import_export import data_sheet
from kpm_desktop.import_export.colours import mark_for_rgb
from kpm_desktop.import_export.formula_guard import restore
from kpm_desktop.import_export.mapping import (
    FIELDS,
    KINDS,
    NON_PRODUCT_HEADERS,
    detect_header_row,
    either_required,
    header_names,
    suggest_mapping,
)
from kpm_desktop.import_export.matching import Matcher, customer_key, product_key
from kpm_desktop.import_export.messages import MESSAGES, ImportFailure, Problem, text
from kpm_desktop.import_export.tables import (
    MAX_CELL_CHARS,
    Progress,
    RawTable,
    read_table,
)
from kpm_desktop.import_export.values import (
    ValueProblem,
    cell_text,
    fold,
    parse_date,
    parse_number,
    parse_timestamp,
)

SOURCE = "import"  # CellRecord.source and history source of imported cells
_TOTALS = frozenset(
    {
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


# -- the two sides ----------------------------------------------------------------------------
@dataclass(slots=True)
class Target:
    """What the plan is compared against: a snapshot of one matrix file."""

    matrix: Matrix
    competitors: list[Competitor]
    get_cell: Callable[[int, int], CellRecord | None]

    @classmethod
    def from_repository(cls, repo: Any) -> Target:
        return cls(repo.load_matrix(), repo.load_competitors(), repo.get_cell)

    @property
    def customers(self) -> list[Customer]:
        return self.matrix.customers

    @property
    def products(self) -> list[Product]:
        return self.matrix.products

    def code(self, customer_id: int, product_id: int) -> int:
        row = self.matrix.row_of.get(customer_id)
        col = self.matrix.col_of.get(product_id)
        if row is None or col is None:
            return WHITE
        return self.matrix.code(row, col)


@dataclass(slots=True)
class SourceData:
    """A read table with its header row and the column chosen for each field."""

    kind: str
    table: RawTable
    header_row: int  # 0-based index into table.rows
    mapping: dict[str, int]  # field key -> 0-based column

    @property
    def headers(self) -> list[str]:
        if not self.table.rows:
            return []
        return header_names(self.table.rows[self.header_row])

    def with_mapping(self, overrides: dict[str, int | None]) -> SourceData:
        """A copy with some fields mapped to other columns (None = not imported)."""
        mapping = dict(self.mapping)
        for key, col in overrides.items():
            if col is None:
                mapping.pop(key, None)
            else:
                mapping[key] = col
        return SourceData(self.kind, self.table, self.header_row, mapping)


def read_source(
    path: Path | str,
    kind: str,
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> SourceData:
    """Read a file for an import kind and suggest the column mapping.

    Raises:
        ImportFailure: the file cannot be read as this kind (message for the user).
    """
    if kind not in KINDS:
        raise ImportFailure("unknown_kind", kind=kind, kinds=", ".join(KINDS))
    path = Path(path)
    table = read_table(
        path,
        sheet=sheet,
        sheet_candidates=data_sheet.DATA_SHEET_NAMES if kind == "kpm" and sheet is None else (),
        want_fills=kind == "matrix",
        progress=progress,
    )
    if kind == "kpm":
        header_row = _find_data_header(table)
        if header_row is None:
            raise ImportFailure(
                "data_sheet_missing",
                file=path.name,
                sheets="' / '".join(data_sheet.DATA_SHEET_NAMES),
                needed=", ".join(
                    c.header_en
                    for c in data_sheet.DATA_COLUMNS
                    if c.key in data_sheet.REQUIRED_KEYS
                ),
            )
        mapping = data_sheet.column_keys(table.rows[header_row])
        return SourceData(kind, table, header_row, mapping)
    if not any(any(cell_text(v) for v in row) for row in table.rows):
        raise ImportFailure("no_data", file=path.name)
    header_row = detect_header_row(table.rows, kind)
    mapping = suggest_mapping(kind, table.rows[header_row])
    return SourceData(kind, table, header_row, mapping)


def _find_data_header(table: RawTable) -> int | None:
    for i, row in enumerate(table.rows[:10]):
        if set(data_sheet.column_keys(row)) >= data_sheet.REQUIRED_KEYS:
            return i
    return None


def check_mapping(source: SourceData) -> None:
    """Raise ImportFailure when a required field has no column or a column is out of range."""
    headers = source.headers
    shown = ", ".join(h or f"#{i + 1}" for i, h in enumerate(headers)) or "-"
    labels = {f.key: f.label for f in FIELDS[source.kind]}
    for key, col in source.mapping.items():
        if not 0 <= col < max(len(headers), 1):
            raise ImportFailure(
                "mapping_bad_column", column=col + 1, field=labels.get(key, key), columns=shown
            )
    for f in FIELDS[source.kind]:
        if f.required and f.key not in source.mapping:
            raise ImportFailure("mapping_missing", field=f.label, columns=shown)
    for a, b in either_required(source.kind):
        if a not in source.mapping and b not in source.mapping:
            label = labels[a] if a == b else f"{labels[a]} / {labels[b]}"
            raise ImportFailure("mapping_missing", field=label, columns=shown)


# -- the plan -----------------------------------------------------------------------------------
@dataclass(slots=True)
class EntityChange:
    """A customer or product the import creates (``before`` None) or changes."""

    after: Customer | Product
    before: Customer | Product | None = None
    rows: list[int] = field(default_factory=list)
    changed: tuple[str, ...] = ()

    @property
    def is_new(self) -> bool:
        return self.before is None


@dataclass(slots=True)
class CellChange:
    customer_id: int  # negative: a customer this import creates
    product_id: int  # negative: a product this import creates
    before: CellRecord | None
    after: CellRecord
    row: int  # source row (1-based)
    column: int  # source column (1-based)


@dataclass(slots=True)
class Conflict:
    """A cell where the import disagrees with the matrix; applied only if ``take``."""

    change: CellChange
    customer: str
    product: str
    key: str  # message key: c_mark or c_details
    params: dict[str, Any]
    take: bool = False

    @property
    def message(self) -> str:
        return text(self.key, **self.params)


@dataclass(slots=True)
class Suggestion:
    """An imported name that resembles an existing one: the user may confirm the match."""

    entity: str  # "customer" or "product"
    source_name: str
    source_key: str  # what ``confirmed`` is keyed by
    candidate_id: int
    candidate_name: str
    score: float
    rows: list[int] = field(default_factory=list)


@dataclass(slots=True)
class ImportPlan:
    kind: str
    source: str
    sheet: str | None
    customers: list[EntityChange] = field(default_factory=list)
    products: list[EntityChange] = field(default_factory=list)
    groups: list[ProductGroup] = field(default_factory=list)  # new, negative ids
    competitors: list[Competitor] = field(default_factory=list)  # new, negative ids
    cells: list[CellChange] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    unchanged_customers: int = 0
    unchanged_products: int = 0
    unchanged_cells: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    rows_read: int = 0

    def resolve_all(self, take: bool) -> None:
        for c in self.conflicts:
            c.take = take

    def changes_to_write(self) -> list[CellChange]:
        return self.cells + [c.change for c in self.conflicts if c.take]

    @property
    def is_empty(self) -> bool:
        """True when applying would write nothing (with the current conflict choices)."""
        return not (
            self.customers
            or self.products
            or self.groups
            or self.changes_to_write()
            or any(c.take for c in self.conflicts)
        )

    def summary(self) -> dict[str, int]:
        new_c = sum(1 for c in self.customers if c.is_new)
        new_p = sum(1 for p in self.products if p.is_new)
        return {
            "new_customers": new_c,
            "updated_customers": len(self.customers) - new_c,
            "unchanged_customers": self.unchanged_customers,
            "new_products": new_p,
            "updated_products": len(self.products) - new_p,
            "unchanged_products": self.unchanged_products,
            "new_groups": len(self.groups),
            "new_competitors": len(self.competitors),
            "cells": len(self.cells),
            "unchanged_cells": self.unchanged_cells,
            "conflicts": len(self.conflicts),
            "conflicts_taken": sum(1 for c in self.conflicts if c.take),
            "problems": len(self.problems),
            "suggestions": len(self.suggestions),
            "rows": self.rows_read,
        }

    def summary_text(self) -> str:
        return text("summary", **self.summary())

    def to_json(self, limit: int = 1000) -> dict[str, Any]:
        """A JSON-ready description (lists cut at ``limit`` entries)."""

        def mark(rec: CellRecord | None) -> str:
            return "" if rec is None else rec.mark.letter

        return {
            "kind": self.kind,
            "source": self.source,
            "sheet": self.sheet,
            "summary": self.summary(),
            "ignored_columns": self.ignored_columns,
            "problems": [
                {
                    "row": p.row,
                    "column": p.column,
                    "column_name": p.column_name,
                    "key": p.key,
                    "message": p.message,
                }
                for p in self.problems[:limit]
            ],
            "conflicts": [
                {
                    "customer": c.customer,
                    "product": c.product,
                    "row": c.change.row,
                    "column": c.change.column,
                    "mine": mark(c.change.before),
                    "imported": mark(c.change.after),
                    "message": c.message,
                    "take": c.take,
                }
                for c in self.conflicts[:limit]
            ],
            "suggestions": [
                {
                    "entity": s.entity,
                    "imported": s.source_name,
                    "existing": s.candidate_name,
                    "existing_id": s.candidate_id,
                    "score": round(s.score, 3),
                    "rows": s.rows[:10],
                }
                for s in self.suggestions[:limit]
            ],
            "new_customers": [c.after.name for c in self.customers if c.is_new][:limit],
            "new_products": [p.after.name for p in self.products if p.is_new][:limit],
        }


def write_problems_csv(
    problems: Iterable[Problem],
    path: Path | str,
    *,
    translate: Callable[[str], str] | None = None,
    header: tuple[str, str, str, str] = ("Row", "Column", "Column name", "Problem"),
) -> int:
    """Save problems as CSV (UTF-8 with BOM and ";" so German Excel opens it directly).

    ``translate`` maps an English message template to the UI language. Returns the count.
    """
    count = 0
    with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(header)
        for p in problems:
            template = translate(MESSAGES[p.key]) if translate else MESSAGES[p.key]
            writer.writerow([p.row, p.column or "", p.column_name, template.format(**p.params)])
            count += 1
    return count


# -- building ---------------------------------------------------------------------------------
_CUSTOMER_ATTRS = ("city", "postcode", "segment", "region", "owner", "abc_class")
_CELL_FIELDS = tuple(
    f.name for f in fields(CellRecord) if f.name not in ("updated_at", "source", "mark")
)
_EMPTY = (None, "")


_KPM_FREE_TEXT = frozenset({"note", "no_need_reason"})


class _Builder:
    def __init__(
        self,
        source: SourceData,
        target: Target,
        confirmed: dict[tuple[str, str], int],
        progress: Progress | None,
    ) -> None:
        self.s = source
        self.t = target
        self.confirmed = confirmed
        self.progress = progress
        self.plan = ImportPlan(source.kind, source.table.source, source.table.sheet)
        self.headers = source.headers
        self.decimal_comma = source.table.decimal_comma
        self.customers = Matcher(list(target.customers), customer_key)
        self.products = Matcher(list(target.products), product_key)
        self.existing_customers = {c.id: c for c in target.customers}
        self.existing_products = {p.id: p for p in target.products}
        self.customer_changes: dict[int, EntityChange] = {}
        self.product_changes: dict[int, EntityChange] = {}
        self.seen_customers: dict[int, int] = {}  # id -> first row (customers/products kinds)
        self.seen_products: dict[int, int] = {}
        self.groups = {fold(g.name): g for g in target.matrix.groups.values()}
        self.competitors = {fold(c.name): c for c in target.competitors}
        self.suggested: dict[tuple[str, str], Suggestion] = {}
        self._next_id = -1

    # -- helpers -------------------------------------------------------------------------------
    def temp_id(self) -> int:
        self._next_id -= 1
        return self._next_id

    def problem(self, row: int, col: int | None, key: str, **params: Any) -> None:
        name = self.headers[col] if col is not None and col < len(self.headers) else ""
        self.plan.problems.append(
            Problem(row, 0 if col is None else col + 1, name, key, dict(params))
        )

    def raw(self, values: list[object], key: str) -> tuple[object, int | None]:
        col = self.s.mapping.get(key)
        if col is None or col >= len(values):
            return None, col
        return values[col], col

    def text(self, values: list[object], key: str, row: int) -> str:
        value, col = self.raw(values, key)
        s = cell_text(value)
        if s.startswith("=") and len(s) > 1:
            self.problem(row, col, "p_formula", text=s[:40])
            return ""
        if len(s) > MAX_CELL_CHARS:
            self.problem(row, col, "p_cell_too_long", limit=MAX_CELL_CHARS)
            return ""
        return s

    def number(self, values: list[object], key: str, row: int) -> float | None:
        value, col = self.raw(values, key)
        if isinstance(value, str) and value.strip().startswith("="):
            self.problem(row, col, "p_formula", text=value.strip()[:40])
            return None
        try:
            return parse_number(value, self.decimal_comma)
        except ValueProblem:
            self.problem(row, col, "p_bad_number", text=cell_text(value)[:40])
            return None

    def date(self, values: list[object], key: str, row: int):
        value, col = self.raw(values, key)
        try:
            return parse_date(value)
        except ValueProblem:
            self.problem(row, col, "p_bad_date", text=cell_text(value)[:40])
            return None

    def data_rows(self) -> Iterable[tuple[int, list[object]]]:
        rows = self.s.table.rows
        width = len(self.headers)
        for i in range(self.s.header_row + 1, len(rows)):
            values = rows[i]
            if not any(v is not None and cell_text(v) for v in values):
                continue
            number = i + 1
            if len(values) > width and any(cell_text(v) for v in values[width:]):
                self.problem(number, None, "p_ragged_row", count=len(values), expected=width)
            self.plan.rows_read += 1
            if self.progress is not None and self.plan.rows_read % 5_000 == 0:
                self.progress(self.plan.rows_read)
            yield number, values

    # -- entities --------------------------------------------------------------------------
    def _suggest(self, entity: str, matcher: Matcher, name: str, key: str, row: int) -> None:
        if (entity, key) in self.suggested:
            self.suggested[(entity, key)].rows.append(row)
            return
        if len(self.suggested) >= 200:  # fuzzy search is O(n) per name; cap its cost
            return
        for cand, score in matcher.similar(name, limit=1):
            s = Suggestion(entity, name, key, cand.id, cand.name, score, [row])
            self.suggested[(entity, key)] = s
            self.plan.suggestions.append(s)

    def customer(
        self, row: int, number: str, name: str, uuid: str = "", attrs: dict | None = None
    ) -> Customer | None:
        """The existing or new customer a row names (None: problem reported)."""
        result = self.customers.match(number, name, uuid)
        if result.ambiguous:
            self.problem(
                row,
                self.s.mapping.get("customer_name"),
                "p_ambiguous_customer",
                name=name or number,
                count=result.ambiguous,
            )
            return None
        if result.entity is not None:
            return result.entity
        key = customer_key(name)
        confirmed = self.confirmed.get(("customer", key))
        if confirmed is not None and confirmed in self.existing_customers:
            return self.existing_customers[confirmed]
        if not name:
            self.problem(row, self.s.mapping.get("customer_number"), "p_missing_customer")
            return None
        new = Customer(name=name, number=number, id=self.temp_id(), **(attrs or {}))
        if uuid:
            new.uuid = uuid
        self._suggest("customer", self.customers, name, key, row)
        self.customers.add(new)
        self.customer_changes[new.id] = EntityChange(after=new, rows=[row])  # type: ignore[index]
        return new

    def product(
        self, row: int, number: str, name: str, uuid: str = "", col: int | None = None
    ) -> Product | None:
        result = self.products.match(number, name, uuid)
        if result.ambiguous:
            self.problem(
                row,
                col if col is not None else self.s.mapping.get("product_name"),
                "p_ambiguous_product",
                name=name or number,
                count=result.ambiguous,
            )
            return None
        if result.entity is not None:
            return result.entity
        key = product_key(name)
        confirmed = self.confirmed.get(("product", key))
        if confirmed is not None and confirmed in self.existing_products:
            return self.existing_products[confirmed]
        if not name:
            self.problem(
                row,
                col if col is not None else self.s.mapping.get("product_number"),
                "p_missing_product",
            )
            return None
        new = Product(name=name, number=number, id=self.temp_id())
        if uuid:
            new.uuid = uuid
        self._suggest("product", self.products, name, key, row)
        self.products.add(new)
        self.product_changes[new.id] = EntityChange(after=new, rows=[row])  # type: ignore[index]
        return new

    def update_entity(
        self,
        changes: dict[int, EntityChange],
        matcher: Matcher,
        entity: Customer | Product,
        values: dict[str, Any],
        row: int,
    ) -> None:
        """Record attribute changes of an existing entity (empty imported values never clear)."""
        assert entity.id is not None
        if entity.id < 0:  # new in this import: fill what it lacks
            for k, v in values.items():
                if v not in _EMPTY and getattr(entity, k) in _EMPTY:
                    setattr(entity, k, v)
            return
        change = changes.get(entity.id)
        current = change.after if change else entity
        diff = {k: v for k, v in values.items() if v not in _EMPTY and getattr(current, k) != v}
        if not diff:
            return
        after = replace(current, **diff)
        if change is None:
            changes[entity.id] = EntityChange(
                after=after, before=entity, rows=[row], changed=tuple(diff)
            )
        else:
            change.after = after
            change.rows.append(row)
            change.changed = tuple(dict.fromkeys((*change.changed, *diff)))
        matcher.forget(current)
        matcher.add(after)

    # -- cells ---------------------------------------------------------------------------------
    def before(self, cid: int, pid: int) -> CellRecord | None:
        if cid < 0 or pid < 0 or self.t.code(cid, pid) == WHITE:
            return None
        return self.t.get_cell(cid, pid)

    def cell(
        self,
        customer: Customer,
        product: Product,
        after: CellRecord,
        before: CellRecord | None,
        row: int,
        col: int,
    ) -> None:
        """Classify one wanted cell state as new, update, unchanged or conflict."""
        cid, pid = customer.id, product.id
        assert cid is not None and pid is not None
        change = CellChange(cid, pid, before, after, row, col + 1)
        if before is None:
            self.plan.cells.append(change)
            return
        if _same_cell(before, after):
            self.plan.unchanged_cells += 1
            return
        if before.mark != after.mark:
            self.plan.conflicts.append(
                Conflict(
                    change,
                    customer.name,
                    product.name,
                    "c_mark",
                    {"mine": before.mark.letter, "theirs": after.mark.letter},
                )
            )
            return
        overwritten = [
            f
            for f in _CELL_FIELDS
            if getattr(before, f) not in _EMPTY and getattr(before, f) != getattr(after, f)
        ]
        # Same mark: filling empty details and updating our revenue are plain updates;
        # changing a note or other detail somebody entered is the user's decision.
        if [f for f in overwritten if f not in ("our_revenue", "verified_at")]:
            self.plan.conflicts.append(
                Conflict(
                    change,
                    customer.name,
                    product.name,
                    "c_details",
                    {"fields": ", ".join(overwritten)},
                )
            )
            return
        self.plan.cells.append(change)

    # -- kinds -------------------------------------------------------------------------------
    def build(self) -> ImportPlan:
        getattr(self, f"_build_{self.s.kind}")()
        plan = self.plan
        for changes, target in (
            (self.customer_changes, plan.customers),
            (self.product_changes, plan.products),
        ):
            target.extend(changes.values())
        plan.unchanged_customers = len(self.seen_customers) - sum(
            1 for cid in self.seen_customers if cid in self.customer_changes
        )
        plan.unchanged_products = len(self.seen_products) - sum(
            1 for pid in self.seen_products if pid in self.product_changes
        )
        return plan

    def _build_customers(self) -> None:
        for row, values in self.data_rows():
            number = self.text(values, "customer_number", row)
            name = self.text(values, "customer_name", row)
            if not number and not name:
                self.problem(row, None, "p_missing_customer")
                continue
            attrs: dict[str, Any] = {k: self.text(values, k, row) for k in _CUSTOMER_ATTRS}
            if attrs["abc_class"]:
                abc = attrs["abc_class"].strip().upper()[:1]
                attrs["abc_class"] = abc if abc in ("A", "B", "C") else ""
            revenue = self.number(values, "annual_revenue", row)
            if revenue is not None:
                attrs["annual_revenue"] = revenue
            customer = self.customer(row, number, name, attrs=attrs)
            if customer is None:
                continue
            assert customer.id is not None
            if customer.id in self.seen_customers or (
                customer.id < 0 and self.customer_changes[customer.id].rows[0] != row
            ):
                first = (
                    self.seen_customers.get(customer.id)
                    or (self.customer_changes[customer.id].rows[0])
                )
                self.problem(row, None, "p_duplicate_row", what="customer", first=first)
                continue
            if customer.id > 0:
                self.seen_customers[customer.id] = row
                update = dict(attrs)
                if number:
                    update["number"] = number
                # The CRM is the master of names, but only when it says which customer it means.
                result = self.customers.match(number, "", "") if number else None
                if (
                    name
                    and result is not None
                    and result.how == "number"
                    and customer_key(name) != customer_key(customer.name)
                ):
                    update["name"] = name
                self.update_entity(self.customer_changes, self.customers, customer, update, row)

    def _build_products(self) -> None:
        for row, values in self.data_rows():
            number = self.text(values, "product_number", row)
            name = self.text(values, "product_name", row)
            if not number and not name:
                self.problem(row, None, "p_missing_product")
                continue
            group_name = self.text(values, "group", row)
            product = self.product(row, number, name)
            if product is None:
                continue
            assert product.id is not None
            if product.id in self.seen_products or (
                product.id < 0 and self.product_changes[product.id].rows[0] != row
            ):
                first = (
                    self.seen_products.get(product.id) or (self.product_changes[product.id].rows[0])
                )
                self.problem(row, None, "p_duplicate_row", what="product", first=first)
                continue
            update: dict[str, Any] = {}
            if group_name:
                update["group_id"] = self.group_id(group_name)
            if product.id > 0:
                self.seen_products[product.id] = row
                if number:
                    update["number"] = number
                if (
                    name
                    and number
                    and self.products.match(number).how == "number"
                    and product_key(name) != product_key(product.name)
                ):
                    update["name"] = name
            self.update_entity(self.product_changes, self.products, product, update, row)

    def group_id(self, name: str) -> int:
        key = fold(name)
        group = self.groups.get(key)
        if group is None:
            group = ProductGroup(name=name, sort_order=len(self.groups), id=self.temp_id())
            self.groups[key] = group
            self.plan.groups.append(group)
        assert group.id is not None
        return group.id

    def competitor_id(self, name: str) -> int:
        key = fold(name)
        comp = self.competitors.get(key)
        if comp is None:
            comp = Competitor(name=name, id=self.temp_id())
            self.competitors[key] = comp
            self.plan.competitors.append(comp)
        assert comp.id is not None
        return comp.id

    def _build_sales(self) -> None:
        # (customer id, product id) -> [customer, product, revenue, latest date, row, col]
        wanted: dict[tuple[int, int], list[Any]] = {}
        has_revenue = "revenue" in self.s.mapping
        has_date = "date" in self.s.mapping
        for row, values in self.data_rows():
            c_number = self.text(values, "customer_number", row)
            c_name = self.text(values, "customer_name", row)
            p_number = self.text(values, "product_number", row)
            p_name = self.text(values, "product_name", row)
            if not c_number and not c_name:
                self.problem(row, None, "p_missing_customer")
                continue
            if not p_number and not p_name:
                self.problem(row, None, "p_missing_product")
                continue
            revenue = self.number(values, "revenue", row) if has_revenue else None
            day = self.date(values, "date", row) if has_date else None
            customer = self.customer(row, c_number, c_name)
            product = self.product(row, p_number, p_name)
            if customer is None or product is None:
                continue
            assert customer.id is not None and product.id is not None
            if customer.id > 0:
                self.seen_customers.setdefault(customer.id, row)
            if product.id > 0:
                self.seen_products.setdefault(product.id, row)
            key = (customer.id, product.id)
            entry = wanted.get(key)
            if entry is None:
                col = self.s.mapping.get("revenue", self.s.mapping.get("product_name", 0))
                wanted[key] = [customer, product, revenue, day, row, col]  # type: ignore[index]
            else:
                if revenue is not None:
                    entry[2] = revenue if entry[2] is None else entry[2] + revenue
                if day is not None and (entry[3] is None or day > entry[3]):
                    entry[3] = day
        for customer, product, revenue, day, row, col in wanted.values():
            before = self.before(customer.id, product.id)
            verified = (
                datetime(day.year, day.month, day.day, tzinfo=UTC) if day is not None else None
            )
            revenue = None if revenue is None else round(revenue, 2)
            if before is None:
                after = CellRecord(
                    mark=Mark.OURS, our_revenue=revenue, verified_at=verified, source=SOURCE
                )
            else:
                after = replace(
                    before,
                    mark=Mark.OURS,
                    our_revenue=before.our_revenue if revenue is None else revenue,
                    verified_at=(
                        verified
                        if verified is not None
                        and (before.verified_at is None or verified > before.verified_at)
                        else before.verified_at
                    ),
                )
            self.cell(customer, product, after, before, row, col)

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
                elif col < len(row_fills) and row_fills[col]:
                    meaning = mark_for_rgb(row_fills[col])  # type: ignore[arg-type]
                    if meaning == "?":
                        self.problem(row, col, "p_bad_fill", colour=f"#{row_fills[col]}")
                        continue
                    mark = meaning  # type: ignore[assignment]
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

    def kpm_text(self, values: list[object], key: str, row: int) -> str:
        """Text of a KPM data sheet: the export quoted formula-like text (formula_guard).

        Free text (notes, reasons) keeps its line breaks and spacing exactly.
        """
        checked = self.text(values, key, row)
        raw, _col = self.raw(values, key)
        if checked and key in _KPM_FREE_TEXT and isinstance(raw, str):
            return restore(raw)
        return restore(checked)

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


def _same_cell(a: CellRecord, b: CellRecord) -> bool:
    return a.mark == b.mark and all(getattr(a, f) == getattr(b, f) for f in _CELL_FIELDS)


def build_plan(
    source: SourceData,
    target: Target,
    *,
    confirmed: dict[tuple[str, str], int] | None = None,
    conflicts: str = "keep",
    progress: Progress | None = None,
) -> ImportPlan:
    """Compute what importing ``source`` into ``target`` would change. Writes nothing.

    Args:
        confirmed: accepted suggestions, ``(entity, source_key) -> existing id``.
        conflicts: initial choice for every conflict, "keep" (mine) or "take" (imported).
        progress: called with the number of rows processed; may raise to cancel.

    Raises:
        ImportFailure: the mapping lacks a required column.
    """
    check_mapping(source)
    plan = _Builder(source, target, confirmed or {}, progress).build()
    plan.resolve_all(conflicts == "take")
    return plan
