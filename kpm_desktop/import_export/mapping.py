"""Import kinds, their fields, header-row detection and column-mapping suggestions.

Headers are compared folded (case, umlauts, punctuation), so "Kd.-Nr.", "KUNDEN NR" and
"Kundennummer" are all found. A suggestion is only a starting point: the mapping dialog and
``kpm import --map`` let the user choose any column for any field.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpm_desktop.import_export import data_sheet
from kpm_desktop.import_export.values import cell_text, fold

KINDS: tuple[str, ...] = ("customers", "products", "sales", "matrix", "kpm")


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    label: str  # English label; the GUI translates it
    aliases: tuple[str, ...]  # folded header spellings, German and English
    required: bool = False


_CUSTOMER_NUMBER = Field(
    "customer_number",
    "Customer number",
    (
        "kundennummer",
        "kundennr",
        "kunden nr",
        "kd nr",
        "kdnr",
        "kunden id",
        "kunde nr",
        "debitor",
        "debitorennummer",
        "debitorennr",
        "debitor nr",
        "customer no",
        "customer number",
        "customer id",
        "customer nr",
        "account number",
        "account no",
        "account id",
    ),
)
_CUSTOMER_NAME = Field(
    "customer_name",
    "Customer name",
    (
        "kunde",
        "kundenname",
        "kunden name",
        "firma",
        "firmenname",
        "firmierung",
        "unternehmen",
        "name",
        "name 1",
        "name1",
        "account",
        "account name",
        "customer",
        "customer name",
        "company",
        "company name",
    ),
)
_CITY = Field("city", "City", ("ort", "stadt", "city", "town", "wohnort", "sitz"))
_POSTCODE = Field(
    "postcode", "Postcode", ("plz", "postleitzahl", "zip", "zip code", "postal code", "postcode")
)
_SEGMENT = Field("segment", "Industry", ("branche", "industry", "segment", "sektor", "sector"))
_REGION = Field(
    "region", "Region", ("region", "gebiet", "vertriebsgebiet", "bezirk", "territory", "area")
)
_OWNER = Field(
    "owner",
    "Owner",
    (
        "betreuer",
        "kundenbetreuer",
        "vertriebsmitarbeiter",
        "aussendienst",
        "verantwortlich",
        "owner",
        "account owner",
        "sales rep",
        "rep",
    ),
)
_ABC = Field("abc_class", "ABC class", ("abc", "abc klasse", "klasse", "abc class", "class"))
_ANNUAL = Field(
    "annual_revenue",
    "Annual revenue",
    ("jahresumsatz", "umsatz", "annual revenue", "revenue", "umsatz gesamt", "sales"),
)
_PRODUCT_NUMBER = Field(
    "product_number",
    "Product number",
    (
        "artikelnummer",
        "artikelnr",
        "artikel nr",
        "art nr",
        "artnr",
        "produktnummer",
        "produktnr",
        "produkt nr",
        "materialnummer",
        "material",
        "material nr",
        "sku",
        "item no",
        "item number",
        "product no",
        "product number",
        "product id",
        "part number",
    ),
)
_PRODUCT_NAME = Field(
    "product_name",
    "Product name",
    (
        "artikel",
        "produkt",
        "produktname",
        "artikelbezeichnung",
        "artikelname",
        "bezeichnung",
        "leistung",
        "loesung",
        "product",
        "product name",
        "item",
        "item name",
        "description",
        "solution",
        "service",
        "name",
    ),
)
_GROUP = Field(
    "group",
    "Product group",
    (
        "warengruppe",
        "produktgruppe",
        "artikelgruppe",
        "gruppe",
        "sparte",
        "product group",
        "category",
        "kategorie",
        "group",
    ),
)
_REVENUE = Field(
    "revenue",
    "Revenue",
    (
        "umsatz",
        "nettoumsatz",
        "umsatz netto",
        "betrag",
        "wert",
        "revenue",
        "net revenue",
        "sales",
        "amount",
        "value",
    ),
)
_DATE = Field(
    "date",
    "Date",
    (
        "datum",
        "rechnungsdatum",
        "belegdatum",
        "auftragsdatum",
        "lieferdatum",
        "date",
        "invoice date",
        "order date",
    ),
)

FIELDS: dict[str, tuple[Field, ...]] = {
    "customers": (
        _CUSTOMER_NUMBER,
        Field(_CUSTOMER_NAME.key, _CUSTOMER_NAME.label, _CUSTOMER_NAME.aliases, required=True),
        _CITY,
        _POSTCODE,
        _SEGMENT,
        _REGION,
        _OWNER,
        _ABC,
        _ANNUAL,
    ),
    "products": (
        _PRODUCT_NUMBER,
        Field(_PRODUCT_NAME.key, _PRODUCT_NAME.label, _PRODUCT_NAME.aliases, required=True),
        _GROUP,
    ),
    "sales": (_CUSTOMER_NUMBER, _CUSTOMER_NAME, _PRODUCT_NUMBER, _PRODUCT_NAME, _REVENUE, _DATE),
    "matrix": (
        _CUSTOMER_NUMBER,
        Field(_CUSTOMER_NAME.key, _CUSTOMER_NAME.label, _CUSTOMER_NAME.aliases, required=True),
        _CITY,
        _POSTCODE,
        _SEGMENT,
        _REGION,
        _OWNER,
        _ABC,
    ),
    "kpm": tuple(
        Field(c.key, c.header_en, (fold(c.header_de), fold(c.header_en), fold(c.key)))
        for c in data_sheet.DATA_COLUMNS
    ),
}

# Matrix sheet columns that are not products (totals, coverage, remarks).
NON_PRODUCT_HEADERS: frozenset[str] = frozenset(
    {
        "summe",
        "gesamt",
        "total",
        "totals",
        "sum",
        "anzahl",
        "count",
        "abdeckung",
        "coverage",
        "quote",
        "bemerkung",
        "bemerkungen",
        "notiz",
        "notizen",
        "kommentar",
        "note",
        "notes",
        "comment",
        "comments",
        "weisse flecken",
        "white spots",
        "nr",
        "lfd nr",
        "pos",
        "no",
    }
)

HEADER_SCAN_ROWS = 30


def either_required(kind: str) -> tuple[tuple[str, str], ...]:
    """Pairs of fields of which at least one must be mapped."""
    if kind == "sales":
        return (("customer_number", "customer_name"), ("product_number", "product_name"))
    if kind == "kpm":
        return (
            ("customer_number", "customer_name"),
            ("product_number", "product_name"),
            ("mark", "mark"),
        )
    return ()


def field_for_header(kind: str, header: object, taken: set[str] = frozenset()) -> str | None:  # type: ignore[assignment]
    """The field a header names for this kind (exact folded alias first, then a contained one)."""
    h = fold(cell_text(header))
    if not h:
        return None
    fields = [f for f in FIELDS[kind] if f.key not in taken]
    for f in fields:
        if h in f.aliases:
            return f.key
    padded = f" {h} "
    for f in fields:
        if any(len(a) >= 4 and f" {a} " in padded for a in f.aliases):
            return f.key
    return None


def detect_header_row(rows: list[list[object]], kind: str) -> int:
    """0-based index of the header row among the first rows: most known headers, then most
    text cells; earliest on a tie (title rows above the header are common)."""
    best, best_score = 0, -1
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        texts = [cell_text(v) for v in row]
        known = sum(1 for t in texts if field_for_header(kind, t) is not None)
        text_cells = sum(1 for v, t in zip(row, texts, strict=True) if t and isinstance(v, str))
        if text_cells == 0:
            continue
        score = known * 100 + text_cells
        if score > best_score:
            best, best_score = i, score
    return best


def suggest_mapping(kind: str, header: list[object]) -> dict[str, int]:
    """Field key -> 0-based column for the columns whose header names a field."""
    mapping: dict[str, int] = {}
    # Exact aliases first for all columns, then contained aliases, so "Kunde" does not lose
    # against "Kundennummer (CRM)" taking the name field.
    for exact in (True, False):
        for col, value in enumerate(header):
            if col in mapping.values():
                continue
            h = fold(cell_text(value))
            if not h:
                continue
            for f in FIELDS[kind]:
                if f.key in mapping:
                    continue
                if (
                    (h in f.aliases)
                    if exact
                    else any(len(a) >= 4 and f" {a} " in f" {h} " for a in f.aliases)
                ):
                    mapping[f.key] = col
                    break
    return mapping


def header_names(header: list[object]) -> list[str]:
    return [cell_text(v) for v in header]
