"""The plan builder: rows to entity and cell changes, shared by every import kind."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields, replace
from datetime import date as _Date
from typing import Any

from kpm_desktop.domain.entities import (
    CellRecord,
    Competitor,
    Customer,
    Product,
    ProductGroup,
    stored_id,
)
from kpm_desktop.domain.marks import WHITE
from kpm_desktop.domain.text import fold
from kpm_desktop.import_export.formula_guard import restore
from kpm_desktop.import_export.matching import (
    CUSTOMER_GENERIC,
    Matcher,
    customer_key,
    product_key,
)
from kpm_desktop.import_export.messages import Problem
from kpm_desktop.import_export.plans.model import (
    CellChange,
    Conflict,
    EntityChange,
    FieldConflict,
    ImportPlan,
    PossibleDuplicate,
    SourceData,
    Suggestion,
    Target,
)
from kpm_desktop.import_export.plans.source import unmapped_columns
from kpm_desktop.import_export.tables import MAX_CELL_CHARS, Progress
from kpm_desktop.import_export.values import (
    ValueProblem,
    cell_text,
    number_key,
    parse_date,
    parse_number,
)

# -- building ---------------------------------------------------------------------------------
_CUSTOMER_ATTRS = (
    "city",
    "postcode",
    "street",
    "phone",
    "segment",
    "region",
    "owner",
    "abc_class",
)
_CELL_FIELDS = tuple(
    f.name for f in fields(CellRecord) if f.name not in ("updated_at", "source", "mark")
)
_EMPTY = (None, "")


class BuilderBase:
    """State and helpers shared by the import kinds; ``build`` calls ``_build_<kind>``."""

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
        self.create_customers = False  # sales: an unknown number without a name is created
        table = source.table
        self.plan = ImportPlan(
            source.kind,
            table.source,
            table.sheet,
            chosen_because=table.chosen_because,
            active_sheet=table.active_sheet,
            sheets=", ".join(table.sheets),
        )
        self.headers = source.headers
        self.decimal_comma = source.table.decimal_comma
        self.customers = Matcher(list(target.customers), customer_key, CUSTOMER_GENERIC)
        self.products = Matcher(list(target.products), product_key)
        self.existing_customers = {c.id: c for c in target.customers}
        self.existing_products = {p.id: p for p in target.products}
        self.customer_changes: dict[int, EntityChange] = {}
        self.product_changes: dict[int, EntityChange] = {}
        self.seen_customers: dict[int, int] = {}  # id -> first row (customers/products kinds)
        self.seen_products: dict[int, int] = {}
        self.groups = {fold(g.name): g for g in target.matrix.groups.values()}
        self.competitors = {fold(c.name): c for c in target.competitors}
        # Identities the file has (kind "kpm" restores an export's UUIDs): UUID -> entity.
        by_id_c = {c.id: c for c in target.competitors}
        self.group_uuids = {
            u: target.matrix.groups[i]
            for u, i in target.uuids.get("product_groups", {}).items()
            if i in target.matrix.groups
        }
        self._planned_uuids: dict[str, set[str]] = {}
        self.competitor_uuids = {
            u: by_id_c[i] for u, i in target.uuids.get("competitors", {}).items() if i in by_id_c
        }
        self.suggested: dict[tuple[str, str], Suggestion] = {}
        # (customer, parent customer number or name as imported, row): resolved at the end,
        # when every customer of the file is known.
        self.parent_refs: list[tuple[Customer, str, int]] = []
        self._next_id = -1
        self.how = ""  # how the last customer()/product() call matched its entity

    # -- helpers -------------------------------------------------------------------------------
    def temp_id(self) -> int:
        self._next_id -= 1
        return self._next_id

    def problem(self, row: int, col: int | None, key: str, **params: Any) -> None:
        sheet, row = self.s.table.locate(row)
        last = self.plan.problems[-1] if self.plan.problems else None
        if (
            key in ("p_missing_customer", "p_missing_product")
            and last is not None
            and (last.sheet, last.row) == (sheet, row)
            and last.key in ("p_formula", "p_cell_too_long")
        ):
            return  # the row's name was refused just now: that problem says it all
        if sheet:  # a data sheet with continuations: the rows a message names, on their sheet
            for ref in ("first", "this"):
                if isinstance(params.get(ref), int):
                    on, number = self.s.table.locate(params[ref])
                    params[ref] = number if on == sheet else f"{number} ({on})"
        name = self.headers[col] if col is not None and col < len(self.headers) else ""
        self.plan.problems.append(
            Problem(row, 0 if col is None else col + 1, name, key, dict(params), sheet)
        )

    def raw(self, values: list[object], key: str) -> tuple[object, int | None]:
        col = self.s.mapping.get(key)
        if col is None or col >= len(values):
            return None, col
        return values[col], col

    def text(self, values: list[object], key: str, row: int) -> str:
        """A text cell, read the way the export's formula guard wrote it (item 12):
        a bare formula ("=...") is refused (its value is unknown); text the guard quoted
        ("'=...", "'+49 ...", "''quoted") loses exactly that one quote; "+", "-", "@" and
        other leading characters are plain text (the export quotes them again)."""
        value, col = self.raw(values, key)
        s = cell_text(value)
        if s.startswith("=") and len(s) > 1:
            self.problem(row, col, "p_formula", text=s[:40])
            return ""
        if len(s) > MAX_CELL_CHARS:
            self.problem(row, col, "p_cell_too_long", limit=MAX_CELL_CHARS)
            return ""
        return restore(s)

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

    def date(self, values: list[object], key: str, row: int) -> _Date | None:
        value, col = self.raw(values, key)
        try:
            return parse_date(value)
        except ValueProblem:
            self.problem(row, col, "p_bad_date", text=cell_text(value)[:40])
            return None

    def data_rows(self) -> Iterable[tuple[int, list[object]]]:
        table = self.s.table
        width = len(self.headers)
        # A streamed sheet is read again from its first row, one row at a time.
        rows: Iterable[list[object]] = table.rows if table.stream is None else table.stream(None)
        header_row = self.s.header_row
        for i, values in enumerate(rows):
            if i <= header_row:
                continue
            for v in values:  # the first value that is not empty ends the check
                if v is not None and (not isinstance(v, str) or v.strip()):
                    break
            else:
                continue  # an empty row
            number = i + 1
            if len(values) > width and any(cell_text(v) for v in values[width:]):
                self.problem(number, None, "p_ragged_row", count=len(values), expected=width)
            self.plan.rows_read += 1
            if self.progress is not None and self.plan.rows_read % 5_000 == 0:
                self.progress(self.plan.rows_read)
            yield number, values

    def same_as(
        self, row: int, what: str, first: int, entity: Customer | Product, number: str, name: str
    ) -> None:
        """A row naming a customer/product an earlier row named: say which rows and why."""
        if self.how == "uuid":
            key, params = f"p_same_{what}_uuid", {"uuid": entity.uuid}
        elif self.how == "number":
            key, params = f"p_same_{what}_number", {"number": number or entity.number}
        else:
            key, params = f"p_same_{what}_name", {"name": name or entity.name}
        self.problem(row, None, key, first=first, this=row, **params)

    # -- entities --------------------------------------------------------------------------
    def _suggest(
        self,
        entity: str,
        matcher: Matcher[Any],
        new: Customer | Product,
        key: str,
        row: int,
    ) -> None:
        if (entity, key) in self.suggested:
            self.suggested[(entity, key)].rows.append(row)
            return
        if len(self.suggested) >= 200:  # fuzzy search costs per name; cap its cost
            return
        for cand, score in matcher.similar(new.name, number=new.number, limit=1):
            attrs = ("number", *_CUSTOMER_ATTRS) if entity == "customer" else ("number",)
            changes = [
                (a, str(getattr(cand, a) or ""), str(getattr(new, a) or ""))
                for a in attrs
                if getattr(new, a) not in _EMPTY and getattr(new, a) != getattr(cand, a)
            ]
            s = Suggestion(
                entity,
                new.name,
                key,
                cand.id,
                cand.name,
                score,
                [row],
                source_number=new.number,
                candidate_number=cand.number,
                source_city=getattr(new, "city", ""),
                candidate_city=getattr(cand, "city", ""),
                changes=changes,
            )
            self.suggested[(entity, key)] = s
            self.plan.suggestions.append(s)

    def _flag_duplicate(self, new: Customer, key: str, row: int) -> None:
        """A new customer named like an existing one (another or no number): say so."""
        for e in self.customers.by_name.get(key, ()):
            if e.id is not None and e.id > 0:
                self.plan.duplicates.append(
                    PossibleDuplicate(
                        row, new.name, new.number, e.id, e.name, e.number, e.city, new.city
                    )
                )
                return

    def customer(
        self,
        row: int,
        number: str,
        name: str,
        uuid: str = "",
        attrs: dict[str, Any] | None = None,
        unknown_hint: bool = False,
    ) -> Customer | None:
        """The existing or new customer a row names (None: problem reported)."""
        result = self.customers.match(number, name, uuid)
        self.how = result.how
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
        if not name and number and unknown_hint and self.create_customers:
            name = number  # named by its number until the customer list is imported
        if not name:
            col = self.s.mapping.get("customer_number")
            if number and unknown_hint:
                self.problem(row, col, "p_unknown_customer_number", number=number)
            else:
                self.problem(row, col, "p_missing_customer")
            return None
        tid = self.temp_id()  # a new entity's temporary negative id
        new = Customer(name=name, number=number, id=tid, **(attrs or {}))
        if uuid:
            new.uuid = uuid
        self._flag_duplicate(new, key, row)
        self._suggest("customer", self.customers, new, key, row)
        self.customers.add(new)
        self.customer_changes[tid] = EntityChange(after=new, rows=[row])
        return new

    def product(
        self, row: int, number: str, name: str, uuid: str = "", col: int | None = None
    ) -> Product | None:
        result = self.products.match(number, name, uuid)
        self.how = result.how
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
        tid = self.temp_id()  # a new entity's temporary negative id
        new = Product(name=name, number=number, id=tid)
        if uuid:
            new.uuid = uuid
        self._suggest("product", self.products, new, key, row)
        self.products.add(new)
        self.product_changes[tid] = EntityChange(after=new, rows=[row])
        return new

    def update_entity(
        self,
        changes: dict[int, EntityChange],
        matcher: Matcher[Any],
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
        number = diff.get("number")
        if number is not None and number_key(number) == number_key(entity.number):
            del diff["number"]  # "0815" and "815" are one number: nothing to change
        elif number is not None and entity.number.strip():
            # Another number for an existing entity is a decision, never a silent overwrite.
            del diff["number"]
            if not any(f.entity_id == entity.id for f in self.plan.field_conflicts):
                self.plan.field_conflicts.append(
                    FieldConflict(
                        "customer" if isinstance(entity, Customer) else "product",
                        entity.id,
                        entity.name,
                        "number",
                        entity.number,
                        number,
                        row,
                    )
                )
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
        if before is None:
            self.plan.cells.add(cid, pid, None, after, row, col + 1)
            return
        if _same_cell(before, after):
            self.plan.unchanged_cells += 1
            return
        change = CellChange(cid, pid, before, after, row, col + 1)
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

    # -- key accounts (parent customer) ------------------------------------------------------
    def _parent_ref(self, customer: Customer, values: list[object], row: int) -> None:
        ref = self.text(values, "parent_number", row)
        if ref:
            self.parent_refs.append((customer, ref, row))

    def _parent_keys(self) -> set[str]:
        """Folded parent references of all data rows (to recognise key-account rows)."""
        if "parent_number" not in self.s.mapping:
            return set()
        col = self.s.mapping["parent_number"]
        start = self.s.header_row + 1
        return {
            fold(cell_text(r[col]))
            for r in self.s.table.rows[start:]
            if col < len(r) and cell_text(r[col])
        }

    def _link_parents(self) -> None:
        """Set the key account (parent customer) of each row that names one.

        The reference is a customer number, else a name, of a customer in the matrix or in
        this file. One level: a key account is not a site itself.
        """
        if not self.parent_refs:
            return
        col = self.s.mapping.get("parent_number")
        # Links as they stand, updated row by row as links are accepted (first row wins).
        parent_of = {c.uuid: c.parent_uuid for c in self.customers.by_uuid.values()}
        with_sites = {p for p in parent_of.values() if p}
        for customer, ref, row in self.parent_refs:
            result = self.customers.match(ref, "", ref)  # a UUID (master sheet) or number
            if result.entity is None and not result.ambiguous:
                result = self.customers.match("", ref, "")
            if result.ambiguous:
                self.problem(row, col, "p_ambiguous_customer", name=ref, count=result.ambiguous)
                continue
            parent = result.entity
            if parent is None:
                self.problem(row, col, "p_unknown_parent", text=ref[:80])
                continue
            if parent.uuid == customer.uuid:
                self.problem(row, col, "p_parent_self", name=customer.name)
                continue
            if parent_of.get(parent.uuid, "") in parent_of:
                self.problem(row, col, "p_parent_is_site", name=customer.name, parent=parent.name)
                continue
            if customer.uuid in with_sites:
                self.problem(row, col, "p_parent_has_sites", name=customer.name)
                continue
            parent_of[customer.uuid] = parent.uuid
            with_sites.add(parent.uuid)
            self.update_entity(
                self.customer_changes, self.customers, customer, {"parent_uuid": parent.uuid}, row
            )

    # -- kinds -------------------------------------------------------------------------------
    def build(self) -> ImportPlan:
        getattr(self, f"_build_{self.s.kind}")()
        self._link_parents()
        plan = self.plan
        if self.s.kind != "matrix":  # the matrix kind lists its non-product columns itself
            plan.ignored_columns.extend(unmapped_columns(self.s))
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

    def group_id(self, name: str, sort_order: int | None = None, uuid: str = "") -> int:
        """The product group named so (by its UUID first, when the source gives one)."""
        key = fold(name)
        group = self.group_uuids.get(uuid) if uuid else None
        if group is None:
            group = self.groups.get(key)
        if group is None:
            order = len(self.groups) if sort_order is None else sort_order
            group = ProductGroup(name=name, sort_order=order, id=self.temp_id())
            self.groups[key] = group
            self.plan.groups.append(group)
            if uuid:
                self.group_uuids[uuid] = group
                self.new_uuid("product_groups", stored_id(group), uuid)
        return stored_id(group)

    def competitor_id(self, name: str, uuid: str = "") -> int:
        key = fold(name)
        comp = self.competitor_uuids.get(uuid) if uuid else None
        if comp is None:
            comp = self.competitors.get(key)
        if comp is None:
            comp = Competitor(name=name, id=self.temp_id())
            self.competitors[key] = comp
            self.plan.competitors.append(comp)
            if uuid:
                self.competitor_uuids[uuid] = comp
                self.new_uuid("competitors", stored_id(comp), uuid)
        return stored_id(comp)

    def new_uuid(self, table: str, temp_id: int, uuid: str) -> None:
        """Remember the source's UUID for an entity the plan creates (unless the file
        already has that UUID: then the new row gets its own)."""
        if uuid in self.t.uuids.get(table, {}):
            return
        planned = self._planned_uuids.setdefault(table, set())
        if uuid not in planned:
            planned.add(uuid)
            self.plan.uuids.setdefault(table, {})[temp_id] = uuid


def _same_cell(a: CellRecord, b: CellRecord) -> bool:
    return a.mark == b.mark and all(getattr(a, f) == getattr(b, f) for f in _CELL_FIELDS)
