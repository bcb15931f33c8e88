"""The master-data sheets of the XLSX export: customers and products, for a full rebuild.

The data sheet ("Daten"/"Data") holds one row per *marked* cell; a customer or product
without marks, and every attribute beyond number and name, would be lost on the way back.
Two more sheets carry them, written with the export and read by ``kpm import --kind kpm``:

"Kunden"/"Customers" (one row per customer, in display order):
    UUID, customer number, name, city, postcode, industry, region, owner, ABC class,
    annual revenue (number), tags (separated by "; "), active (1 or 0), the UUID of its key
    account (parent customer; empty for none), street (and house number), phone.
"Produkte"/"Products" (one row per product, in column order):
    UUID, product number, name, product group, group order (integer), kind (product,
    solution, service), order within the group (integer), active (1 or 0), the UUID of
    the product group ("Gruppen-UUID"/"Group UUID").
"Wettbewerber"/"Competitors": name, UUID.
"Notizen"/"Notes": customer UUID, customer, date, note, the note's UUID.
"Ziele"/"Goals": customer UUID, customer, goal, details, due date, status, order,
    product UUIDs (separated by "; "), the goal's UUID.
"Touren"/"Trips" (only when the file has trips; one row per visit, in trip order):
    trip UUID, trip name, date (a date cell), start (text HH:MM), travel minutes between
    visits (integer), position (1, 2, ...), customer UUID, customer name (for reading only),
    minutes of the visit (integer). ``kpm import --kind kpm`` restores each trip by its UUID
    (a new one is added, a stored one updated); removed visits are not exported.

The UUID columns (migration 5 gave groups, competitors, notes and goals one) let an import
restore the same identities, so a file rebuilt from its export syncs and merges with the
original. Exports written before they existed import as before (new UUIDs).

Headers are matched case-insensitively in either language (German or English), like the
data sheet's. Text passes the export's formula guard and comes back through ``restore``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from kpm_desktop.domain.entities import Customer, Product, ProductGroup, stored_id
from kpm_desktop.import_export.formula_guard import neutralise

if TYPE_CHECKING:  # export_model and xlsx_rows import on first use (start-up time)
    from kpm_desktop.import_export.export_model import MatrixSnapshot
    from kpm_desktop.import_export.xlsx_rows import Value


@dataclass(frozen=True, slots=True)
class SheetColumn:
    key: str
    header_de: str
    header_en: str

    def header(self, language: str = "de") -> str:
        return self.header_de if language.startswith("de") else self.header_en


CUSTOMER_COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn("uuid", "UUID", "UUID"),
    SheetColumn("number", "Kundennummer", "Customer number"),
    SheetColumn("name", "Kunde", "Customer"),
    SheetColumn("city", "Ort", "City"),
    SheetColumn("postcode", "PLZ", "Postcode"),
    SheetColumn("segment", "Branche", "Industry"),
    SheetColumn("region", "Region", "Region"),
    SheetColumn("owner", "Betreuer", "Owner"),
    SheetColumn("abc_class", "ABC-Klasse", "ABC class"),
    SheetColumn("annual_revenue", "Jahresumsatz", "Annual revenue"),
    SheetColumn("tags", "Merkmale", "Tags"),
    SheetColumn("active", "Aktiv", "Active"),
    SheetColumn("parent_uuid", "Konzern-UUID", "Parent account UUID"),
    SheetColumn("street", "Straße", "Street"),
    SheetColumn("phone", "Telefon", "Phone"),
)
PRODUCT_COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn("uuid", "UUID", "UUID"),
    SheetColumn("number", "Produktnummer", "Product number"),
    SheetColumn("name", "Produkt", "Product"),
    SheetColumn("group", "Produktgruppe", "Product group"),
    SheetColumn("group_order", "Gruppenreihenfolge", "Group order"),
    SheetColumn("kind", "Art", "Kind"),
    SheetColumn("sort_order", "Reihenfolge", "Order"),
    SheetColumn("active", "Aktiv", "Active"),
    SheetColumn("group_uuid", "Gruppen-UUID", "Group UUID"),
)
NOTE_COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn("customer_uuid", "Kunden-UUID", "Customer UUID"),
    SheetColumn("customer_name", "Kunde", "Customer"),
    SheetColumn("date", "Datum", "Date"),
    SheetColumn("text", "Notiz", "Note"),
    SheetColumn("uuid", "UUID", "UUID"),
)
GOAL_COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn("customer_uuid", "Kunden-UUID", "Customer UUID"),
    SheetColumn("customer_name", "Kunde", "Customer"),
    SheetColumn("title", "Ziel", "Goal"),
    SheetColumn("detail", "Details", "Details"),
    SheetColumn("due_date", "Fällig am", "Due date"),
    SheetColumn("status", "Status", "Status"),
    SheetColumn("sort_order", "Reihenfolge", "Order"),
    SheetColumn("products", "Produkt-UUIDs", "Product UUIDs"),
    SheetColumn("uuid", "UUID", "UUID"),
)
COMPETITOR_COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn("name", "Wettbewerber", "Competitor"),
    SheetColumn("uuid", "UUID", "UUID"),
)
TRIP_COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn("trip_uuid", "Tour-UUID", "Trip UUID"),
    SheetColumn("trip", "Tour", "Trip"),
    SheetColumn("date", "Datum", "Date"),
    SheetColumn("start", "Beginn", "Start"),
    SheetColumn("travel", "Fahrzeit (min)", "Travel (min)"),
    SheetColumn("position", "Position", "Position"),
    SheetColumn("customer_uuid", "Kunden-UUID", "Customer UUID"),
    SheetColumn("customer_name", "Kunde", "Customer"),
    SheetColumn("minutes", "Minuten", "Minutes"),
)
CUSTOMER_SHEETS: tuple[str, ...] = ("Kunden", "Customers")
PRODUCT_SHEETS: tuple[str, ...] = ("Produkte", "Products")
NOTE_SHEETS: tuple[str, ...] = ("Notizen", "Notes")
GOAL_SHEETS: tuple[str, ...] = ("Ziele", "Goals")
COMPETITOR_SHEETS: tuple[str, ...] = ("Wettbewerber", "Competitors")
TRIP_SHEETS: tuple[str, ...] = ("Touren", "Trips")
# key in SourceData.extra -> (sheet names, columns, columns a sheet must have)
SHEETS: dict[str, tuple[tuple[str, ...], tuple[SheetColumn, ...], frozenset[str]]] = {
    "customers": (CUSTOMER_SHEETS, CUSTOMER_COLUMNS, frozenset({"uuid", "name"})),
    "products": (PRODUCT_SHEETS, PRODUCT_COLUMNS, frozenset({"uuid", "name"})),
    "competitors": (COMPETITOR_SHEETS, COMPETITOR_COLUMNS, frozenset({"name"})),
    "notes": (NOTE_SHEETS, NOTE_COLUMNS, frozenset({"customer_uuid", "text"})),
    "goals": (GOAL_SHEETS, GOAL_COLUMNS, frozenset({"customer_uuid", "title"})),
    "trips": (TRIP_SHEETS, TRIP_COLUMNS, frozenset({"trip_uuid", "trip", "customer_uuid"})),
}
TAG_SEPARATOR = "; "


def column_keys(columns: tuple[SheetColumn, ...], header_row: list[object]) -> dict[str, int]:
    """Column key -> 0-based position for a header row (either language)."""
    by_header = {h.casefold(): c.key for c in columns for h in (c.header_de, c.header_en, c.key)}
    found: dict[str, int] = {}
    for i, cell in enumerate(header_row):
        if isinstance(cell, str):
            key = by_header.get(" ".join(cell.split()).casefold())
            if key is not None and key not in found:
                found[key] = i
    return found


def write_master_sheets(wb: Any, snapshot: MatrixSnapshot, raw: bool = True) -> None:
    """Append the customer and product sheets to a write-only workbook."""
    from kpm_desktop.import_export.xlsx_rows import FastRows

    lang = snapshot.options.lang
    de = lang.startswith("de")
    groups = snapshot.groups
    by_id = {c.id: c for c in snapshot.customers}
    product_uuid = {p.id: p.uuid for p in snapshot.products}
    uuids = snapshot.uuids
    group_uuid = uuids.get("product_groups", {})
    competitor_uuid = uuids.get("competitors", {})
    note_uuid = uuids.get("notes", {})
    goal_uuid = uuids.get("goals", {})
    for name, columns, values in (
        (
            CUSTOMER_SHEETS[0 if de else 1],
            CUSTOMER_COLUMNS,
            (_customer_values(c) for c in snapshot.customers),
        ),
        (
            PRODUCT_SHEETS[0 if de else 1],
            PRODUCT_COLUMNS,
            (_product_values(p, groups, group_uuid) for p in snapshot.products),
        ),
        (
            COMPETITOR_SHEETS[0 if de else 1],
            COMPETITOR_COLUMNS,
            (
                {"name": neutralise(name), "uuid": competitor_uuid.get(cid)}
                for cid, name in sorted(snapshot.competitors.items(), key=lambda kv: kv[1])
            ),
        ),
        (
            NOTE_SHEETS[0 if de else 1],
            NOTE_COLUMNS,
            (
                {
                    "customer_uuid": by_id[n.customer_id].uuid,
                    "customer_name": neutralise(by_id[n.customer_id].name),
                    "date": n.note_date,
                    "text": neutralise(n.text),
                    "uuid": note_uuid.get(stored_id(n)),
                }
                for n in snapshot.notes
            ),
        ),
        (
            GOAL_SHEETS[0 if de else 1],
            GOAL_COLUMNS,
            (
                {
                    "customer_uuid": by_id[g.customer_id].uuid,
                    "customer_name": neutralise(by_id[g.customer_id].name),
                    "title": neutralise(g.title),
                    "detail": neutralise(g.detail),
                    "due_date": g.due_date,
                    "status": str(g.status),
                    "sort_order": g.sort_order,
                    "products": TAG_SEPARATOR.join(
                        product_uuid[p] for p in g.product_ids if p in product_uuid
                    ),
                    "uuid": goal_uuid.get(stored_id(g)),
                }
                for g in snapshot.goals
            ),
        ),
        (
            TRIP_SHEETS[0 if de else 1],
            TRIP_COLUMNS,
            _trip_rows(snapshot),
        ),
    ):
        if columns is TRIP_COLUMNS and not snapshot.trips:
            continue  # the trips sheet only for a file with trips
        ws = wb.create_sheet(name)
        rows = FastRows(ws, raw=raw)
        st_head = rows.style(font=Font(bold=True))
        st_text = rows.style()
        st_num = rows.style(number_format="0.00")
        st_date = rows.style(number_format="yyyy-mm-dd")
        for k, c in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(k)].width = 30 if c.key == "name" else 16
        ws.freeze_panes = "A2"
        rows.append([(c.header(lang), st_head) for c in columns])
        for row in cast("Iterable[dict[str, Value]]", values):  # all sheet values
            rows.append(
                [
                    None
                    if (v := row.get(c.key)) is None or v == ""
                    else (
                        v,
                        st_num
                        if isinstance(v, float)
                        else st_date
                        if isinstance(v, date)
                        else st_text,
                    )
                    for c in columns
                ]
            )


def _trip_rows(snapshot: MatrixSnapshot) -> Iterable[dict[str, Value]]:
    """One row per visit of every trip (stops of customers in the export's scope)."""
    by_uuid = {c.uuid: c for c in snapshot.customers}
    for trip in snapshot.trips:
        stops = [s for s in trip.stops if s.customer_uuid in by_uuid]
        for position, stop in enumerate(stops, 1):
            yield {
                "trip_uuid": trip.uuid,
                "trip": neutralise(trip.name),
                "date": trip.day,
                "start": trip.start.strftime("%H:%M"),
                "travel": trip.travel_minutes,
                "position": position,
                "customer_uuid": stop.customer_uuid,
                "customer_name": neutralise(by_uuid[stop.customer_uuid].name),
                "minutes": stop.minutes,
            }


def _customer_values(c: Customer) -> dict[str, Value]:
    return {
        "uuid": c.uuid,
        "number": neutralise(c.number),
        "name": neutralise(c.name),
        "city": neutralise(c.city),
        "postcode": neutralise(c.postcode),
        "segment": neutralise(c.segment),
        "region": neutralise(c.region),
        "owner": neutralise(c.owner),
        "abc_class": c.abc_class,
        "annual_revenue": c.annual_revenue,
        "tags": neutralise(TAG_SEPARATOR.join(c.tags)),
        "active": int(c.active),
        "parent_uuid": c.parent_uuid,
        "street": neutralise(c.street),
        "phone": neutralise(c.phone),
    }


def _product_values(
    p: Product, groups: Mapping[int, ProductGroup], group_uuid: Mapping[int, str]
) -> dict[str, Value]:
    group = groups.get(p.group_id) if p.group_id is not None else None
    return {
        "uuid": p.uuid,
        "number": neutralise(p.number),
        "name": neutralise(p.name),
        "group": neutralise(group.name) if group is not None else None,
        "group_order": group.sort_order if group is not None else None,
        "kind": str(p.kind),
        "sort_order": p.sort_order,
        "active": int(p.active),
        "group_uuid": group_uuid.get(p.group_id) if p.group_id is not None else None,
    }
