"""Import kind ``kpm``: the data sheet of a KPM export (round trip)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, time
from typing import Any

from kpm_desktop.domain.entities import (
    CellRecord,
    Customer,
    Goal,
    GoalStatus,
    Note,
    Product,
    ProductKind,
    stored_id,
)
from kpm_desktop.domain.marks import Mark, UnknownMarkError, parse_mark
from kpm_desktop.domain.trips import (
    DEFAULT_MINUTES,
    DEFAULT_TRAVEL_MINUTES,
    Trip,
    TripError,
    TripStop,
    unique_name,
    validate,
)
from kpm_desktop.import_export import master_sheets
from kpm_desktop.import_export.formula_guard import restore
from kpm_desktop.import_export.plans.builder import (
    _CELL_FIELDS,
    _CUSTOMER_ATTRS,
    _EMPTY,
    BuilderBase,
)
from kpm_desktop.import_export.plans.model import SOURCE, TripChange
from kpm_desktop.import_export.values import (
    ValueProblem,
    cell_text,
    parse_date,
    parse_number,
    parse_timestamp,
)

_KPM_FREE_TEXT = frozenset({"note", "no_need_reason"})


def _flag(text: str) -> bool:
    """The "active" column: 1/0 (also true/false, ja/nein); empty means active."""
    return text.strip().casefold() not in ("0", "false", "falsch", "nein", "no")


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

    def _master_text(self, values: list[object], col: int | None, row: int) -> str:
        if col is None or col >= len(values):
            return ""
        s = cell_text(values[col])
        if s.startswith("=") and len(s) > 1:
            self.problem(row, col, "p_formula", text=s[:40])
            return ""
        return restore(s)

    def _master_number(self, values: list[object], col: int | None, row: int) -> float | None:
        if col is None or col >= len(values):
            return None
        try:
            return parse_number(values[col], self.decimal_comma)
        except ValueProblem:
            self.problem(row, col, "p_bad_number", text=cell_text(values[col])[:40])
            return None

    def _master_getter(
        self, values: list[object], cols: dict[str, int], row: int
    ) -> Callable[[str], str]:
        """The text of a master-sheet row's column, by key."""
        return lambda key: self._master_text(values, cols.get(key), row)

    def _build_kpm_customers(self, rows: list[list[object]]) -> None:
        cols = master_sheets.column_keys(master_sheets.CUSTOMER_COLUMNS, rows[0])
        for row, values in enumerate(rows[1:], start=2):
            t = self._master_getter(values, cols, row)
            name, number, uuid = t("name"), t("number"), t("uuid")
            if not name and not number:
                continue
            attrs: dict[str, Any] = {k: t(k) for k in _CUSTOMER_ATTRS}
            revenue = self._master_number(values, cols.get("annual_revenue"), row)
            if revenue is not None:
                attrs["annual_revenue"] = revenue
            tags = tuple(x.strip() for x in t("tags").split(";") if x.strip())
            if tags:
                attrs["tags"] = tags
            attrs["active"] = _flag(t("active"))
            customer = self.customer(row, number, name, uuid, attrs=attrs)
            if customer is not None and t("parent_uuid"):
                self.parent_refs.append((customer, t("parent_uuid"), row))
            if customer is None or customer.id is None or customer.id < 0:
                continue
            self.seen_customers[customer.id] = row
            self.update_entity(self.customer_changes, self.customers, customer, attrs, row)

    def _build_kpm_products(self, rows: list[list[object]]) -> None:
        cols = master_sheets.column_keys(master_sheets.PRODUCT_COLUMNS, rows[0])
        kinds = {str(k) for k in ProductKind}
        for row, values in enumerate(rows[1:], start=2):
            t = self._master_getter(values, cols, row)
            name, number, uuid = t("name"), t("number"), t("uuid")
            if not name and not number:
                continue
            attrs: dict[str, Any] = {"active": _flag(t("active"))}
            kind = t("kind")
            if kind in kinds:
                attrs["kind"] = ProductKind(kind)
            order = self._master_number(values, cols.get("sort_order"), row)
            if order is not None:
                attrs["sort_order"] = int(order)
            group = t("group")
            if group:
                group_order = self._master_number(values, cols.get("group_order"), row)
                attrs["group_id"] = self.group_id(
                    group, None if group_order is None else int(group_order), t("group_uuid")
                )
            product = self.product(row, number, name, uuid)
            if product is None or product.id is None:
                continue
            if product.id < 0:  # new: the sheet's values are the product's
                for key, value in attrs.items():
                    setattr(product, key, value)
                continue
            self.seen_products[product.id] = row
            self.update_entity(self.product_changes, self.products, product, attrs, row)

    def _build_kpm_notes(self, rows: list[list[object]]) -> None:
        cols = master_sheets.column_keys(master_sheets.NOTE_COLUMNS, rows[0])
        known: dict[int, set[tuple[object, str]]] = {}
        file_uuids = self.t.uuids.get("notes", {})
        seen_uuids: set[str] = set()
        for row, values in enumerate(rows[1:], start=2):
            customer = self.customers.by_uuid.get(
                self._master_text(values, cols["customer_uuid"], row)
            )
            if customer is None or customer.id is None:
                continue
            text_col = cols["text"]
            raw = values[text_col] if text_col < len(values) else None
            note_text = restore(raw) if isinstance(raw, str) else cell_text(raw)
            if not note_text.strip():
                continue
            try:
                day = parse_date(values[cols["date"]]) if "date" in cols else None
            except (ValueProblem, IndexError):
                day = None
            if day is None:
                self.problem(row, cols.get("date"), "p_bad_date", text="")
                continue
            uuid = self._master_text(values, cols.get("uuid"), row)
            if uuid and (uuid in file_uuids or uuid in seen_uuids):
                continue  # the file has this note already (perhaps edited since)
            if customer.id not in known:
                existing = self.t.get_notes(customer.id) if customer.id > 0 else []
                known[customer.id] = {(n.note_date, n.text) for n in existing}
            if (day, note_text) in known[customer.id]:
                continue
            known[customer.id].add((day, note_text))
            note = Note(customer_id=customer.id, text=note_text, note_date=day, id=self.temp_id())
            self.plan.notes.append(note)
            if uuid:
                seen_uuids.add(uuid)
                self.new_uuid("notes", stored_id(note), uuid)

    def _build_kpm_goals(self, rows: list[list[object]]) -> None:
        cols = master_sheets.column_keys(master_sheets.GOAL_COLUMNS, rows[0])
        statuses = {str(s) for s in GoalStatus}
        known: dict[int, set[str]] = {}
        file_uuids = self.t.uuids.get("goals", {})
        seen_uuids: set[str] = set()
        for row, values in enumerate(rows[1:], start=2):
            t = self._master_getter(values, cols, row)
            customer = self.customers.by_uuid.get(t("customer_uuid"))
            title = t("title")
            if customer is None or customer.id is None or not title:
                continue
            uuid = t("uuid")
            if uuid and (uuid in file_uuids or uuid in seen_uuids):
                continue  # the file has this goal already (perhaps edited since)
            if customer.id not in known:
                existing = self.t.get_goals(customer.id) if customer.id > 0 else []
                known[customer.id] = {g.title for g in existing}
            if title in known[customer.id]:
                continue
            known[customer.id].add(title)
            detail_col = cols.get("detail")
            raw = (
                values[detail_col] if detail_col is not None and detail_col < len(values) else None
            )
            try:
                due = parse_date(values[cols["due_date"]]) if "due_date" in cols else None
            except (ValueProblem, IndexError):
                due = None
            order = self._master_number(values, cols.get("sort_order"), row)
            products = tuple(
                p.id
                for u in t("products").split(";")
                if (p := self.products.by_uuid.get(u.strip())) is not None and p.id is not None
            )
            status = t("status")
            goal_id = self.temp_id()
            if uuid:
                seen_uuids.add(uuid)
                self.new_uuid("goals", goal_id, uuid)
            self.plan.goals.append(
                Goal(
                    id=goal_id,
                    customer_id=customer.id,
                    title=title,
                    detail=restore(raw) if isinstance(raw, str) else "",
                    due_date=due,
                    status=GoalStatus(status) if status in statuses else GoalStatus.OPEN,
                    sort_order=int(order) if order is not None else 0,
                    product_ids=products,
                )
            )

    def _build_kpm(self) -> None:
        if "customers" in self.s.extra:
            self._build_kpm_customers(self.s.extra["customers"])
        if "products" in self.s.extra:
            self._build_kpm_products(self.s.extra["products"])
        competitors = self.s.extra.get("competitors", [])
        if competitors:
            cols = master_sheets.column_keys(master_sheets.COMPETITOR_COLUMNS, competitors[0])
            name_col, uuid_col = cols.get("name", 0), cols.get("uuid")
            for values in competitors[1:]:
                name = restore(cell_text(values[name_col])) if name_col < len(values) else ""
                uuid = self._master_text(values, uuid_col, 0)
                if name:
                    self.competitor_id(name, uuid)
        self._build_kpm_cells()
        if "notes" in self.s.extra:
            self._build_kpm_notes(self.s.extra["notes"])
        if "goals" in self.s.extra:
            self._build_kpm_goals(self.s.extra["goals"])
        if "trips" in self.s.extra:
            self._build_kpm_trips(self.s.extra["trips"])

    def _build_kpm_trips(self, rows: list[list[object]]) -> None:
        """The "Touren"/"Trips" sheet: one row per visit; each trip restored by its UUID."""
        cols = master_sheets.column_keys(master_sheets.TRIP_COLUMNS, rows[0])
        found: dict[str, dict[str, Any]] = {}
        for row, values in enumerate(rows[1:], start=2):
            t = self._master_getter(values, cols, row)
            trip_uuid, name, customer_uuid = t("trip_uuid"), t("trip"), t("customer_uuid")
            if not trip_uuid or not customer_uuid:
                continue
            trip = found.get(trip_uuid)
            if trip is None:
                try:
                    raw_day = values[cols["date"]] if "date" in cols else None
                    day = parse_date(raw_day)
                except (ValueProblem, IndexError):
                    day = None
                start = _trip_time(t("start"))
                travel = self._master_number(values, cols.get("travel"), row)
                trip = found[trip_uuid] = {
                    "row": row,
                    "name": name,
                    "day": day,
                    "start": start,
                    "travel": DEFAULT_TRAVEL_MINUTES if travel is None else int(travel),
                    "stops": [],
                    "problem": "" if day is not None else "no date",
                }
                if start is None:
                    trip["problem"] = trip["problem"] or f"start '{t('start')}' is not HH:MM"
            position = self._master_number(values, cols.get("position"), row)
            minutes = self._master_number(values, cols.get("minutes"), row)
            trip["stops"].append(
                (
                    len(trip["stops"]) if position is None else position,
                    TripStop(customer_uuid, DEFAULT_MINUTES if minutes is None else int(minutes)),
                )
            )
        stored = {tr.uuid: tr for tr in self.t.get_trips()}
        taken = [tr.name for tr in stored.values()]
        for trip_uuid, data in found.items():
            stops = tuple(stop for _pos, stop in sorted(data["stops"], key=lambda p: p[0]))
            reason = data["problem"]
            new = None
            if not reason:
                new = Trip(
                    name=data["name"],
                    day=data["day"],
                    start=data["start"],
                    stops=stops,
                    travel_minutes=data["travel"],
                    uuid=trip_uuid,
                )
                try:
                    validate(new)
                except TripError as exc:
                    reason = str(exc)
            if new is None or reason:
                self.problem(data["row"], None, "p_bad_trip", name=data["name"], reason=reason)
                continue
            before = stored.get(trip_uuid)
            if before is not None:
                new = replace(new, id=before.id, revision=before.revision)
                if new == before:
                    continue
                others = [n for n in taken if n.casefold() != before.name.casefold()]
            else:
                others = taken
            if new.name.casefold() in {n.casefold() for n in others}:
                new = replace(new, name=unique_name(new.name, others))
            taken.append(new.name)
            self.plan.trips.append(TripChange(new, before, data["row"]))

    def _build_kpm_cells(self) -> None:
        """One row per marked cell (600k at size M): the per-row work is kept small.

        Consecutive rows name the same customer (the export writes a customer's cells
        together) and products repeat on every customer, so the identity columns are
        resolved once per distinct raw value; detail columns that are empty (most of
        them) are not converted at all.
        """
        wanted: dict[tuple[int, int], int] = {}
        mapping = self.s.mapping
        c = self.kpm_text
        customer_cols = tuple(
            mapping.get(k) for k in ("customer_number", "customer_name", "customer_uuid")
        )
        product_cols = tuple(
            mapping.get(k) for k in ("product_number", "product_name", "product_uuid")
        )
        mark_col = mapping["mark"]
        detail_cols: dict[str, int] = {
            k: mapping[k]
            for k in (
                "competitor",
                "our_revenue",
                "potential",
                "contract_end",
                "no_need_reason",
                "recheck_at",
                "note",
                "verified_at",
            )
            if k in mapping
        }
        last_customer: tuple[tuple[object, ...], Customer] | None = None
        products: dict[tuple[object, ...], Product] = {}
        marks: dict[object, Mark | None] = {}

        # The identity columns as a key; with all of them mapped (an export), by indexing.
        all_mapped = None not in customer_cols and None not in product_cols
        c0, c1, c2 = (0 if i is None else i for i in customer_cols)
        p0, p1, p2 = (0 if i is None else i for i in product_cols)
        widest = max(c0, c1, c2, p0, p1, p2)

        def raw_of(values: list[object], cols: tuple[int | None, ...]) -> tuple[object, ...]:
            n = len(values)
            return tuple(values[i] if i is not None and i < n else None for i in cols)

        for row, values in self.data_rows():
            quick = all_mapped and len(values) > widest
            key_c = (values[c0], values[c1], values[c2]) if quick else raw_of(values, customer_cols)
            if last_customer is not None and last_customer[0] == key_c:
                customer: Customer | None = last_customer[1]
                self.how = "uuid" if key_c[2] else "number"
            else:
                problems = len(self.plan.problems)
                customer = self.customer(
                    row,
                    c(values, "customer_number", row),
                    c(values, "customer_name", row),
                    c(values, "customer_uuid", row),
                )
                if customer is not None and len(self.plan.problems) == problems:
                    last_customer = (key_c, customer)
            key_p = (values[p0], values[p1], values[p2]) if quick else raw_of(values, product_cols)
            product = products.get(key_p)
            if product is None:
                problems = len(self.plan.problems)
                product = self.product(
                    row,
                    c(values, "product_number", row),
                    c(values, "product_name", row),
                    c(values, "product_uuid", row),
                )
                if product is not None and len(self.plan.problems) == problems:
                    products[key_p] = product
            if customer is None or product is None:
                continue
            cid, pid = customer.id, product.id
            assert cid is not None and pid is not None
            if cid > 0:
                self.seen_customers[cid] = row
            if pid > 0:
                self.seen_products[pid] = row
            raw_mark = values[mark_col] if mark_col < len(values) else None
            try:
                mark = marks[raw_mark]
            except (KeyError, TypeError):
                problems = len(self.plan.problems)
                letter = c(values, "mark", row)
                try:
                    mark = parse_mark(letter)
                except UnknownMarkError:
                    self.problem(row, mark_col, "p_bad_mark", text=letter[:40])
                    continue
                if len(self.plan.problems) == problems and len(marks) < 64:
                    marks[raw_mark] = mark
            if mark is None:
                continue
            key = (cid, pid)
            if key in wanted:
                self.problem(row, None, "p_duplicate_row", what="cell", first=wanted[key])
                continue
            wanted[key] = row
            imported = self._kpm_record(values, row, mark, detail_cols)
            before = self.before(cid, pid)
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

    def _kpm_record(
        self, values: list[object], row: int, mark: Mark, detail_cols: dict[str, int]
    ) -> CellRecord:
        """The cell record a data-sheet row gives (empty columns are not converted)."""
        n = len(values)
        given = [k for k, col in detail_cols.items() if col < n and values[col] is not None]
        if not given:
            return CellRecord(mark=mark, source=SOURCE)
        if given == ["verified_at"]:  # what a plain export row has besides the mark
            return CellRecord(mark=mark, verified_at=self._verified(values, row), source=SOURCE)
        c = self.kpm_text
        competitor = c(values, "competitor", row) if "competitor" in given else ""
        return CellRecord(
            mark=mark,
            competitor_id=self.competitor_id(competitor) if competitor else None,
            our_revenue=self.number(values, "our_revenue", row),
            potential=self.number(values, "potential", row),
            contract_end=self.date(values, "contract_end", row),
            no_need_reason=c(values, "no_need_reason", row),
            recheck_at=self.date(values, "recheck_at", row),
            note=c(values, "note", row),
            verified_at=self._verified(values, row),
            source=SOURCE,
        )

    def _verified(self, values: list[object], row: int) -> datetime | None:
        verified_raw, verified_col = self.raw(values, "verified_at")
        try:
            return parse_timestamp(verified_raw)
        except ValueProblem:
            self.problem(row, verified_col, "p_bad_date", text=cell_text(verified_raw)[:40])
            return None


def _trip_time(text: str) -> time | None:
    """A trip's start from its sheet text ("08:30"; a time cell reads as "08:30:00")."""
    parts = text.strip().split(":")
    if len(parts) < 2 or not all(p.isdigit() for p in parts[:2]):
        return None
    hours, minutes = int(parts[0]), int(parts[1])
    return time(hours, minutes) if hours < 24 and minutes < 60 else None
