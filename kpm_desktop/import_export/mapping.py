"""Import kinds, their fields, header-row detection and column-mapping suggestions.

Headers are compared folded (case, umlauts, punctuation), so "Kd.-Nr.", "KUNDEN NR" and
"Kundennummer" are all found. A suggestion is only a starting point: the mapping dialog and
``kpm import --map`` let the user choose any column for any field.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from kpm_desktop.domain.text import fold
from kpm_desktop.import_export import data_sheet
from kpm_desktop.import_export.header_synonyms import HEADER_SYNONYMS
from kpm_desktop.import_export.values import cell_text

KINDS: tuple[str, ...] = ("customers", "products", "sales", "matrix", "kpm")


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    label: str  # English label; the GUI translates it
    aliases: tuple[str, ...]  # folded header spellings, German and English
    required: bool = False


_LABELS: dict[str, str] = {
    "customer_number": "Customer number",
    "customer_name": "Customer name",
    "city": "City",
    "postcode": "Postcode",
    "street": "Street",
    "phone": "Phone",
    "segment": "Industry",
    "region": "Region",
    "owner": "Owner",
    "abc_class": "ABC class",
    "annual_revenue": "Annual revenue",
    "parent_number": "Parent customer number",
    "product_number": "Product number",
    "product_name": "Product name",
    "group": "Product group",
    "revenue": "Revenue",
    "quantity": "Quantity",
    "date": "Date",
}


def header_fold(text: str) -> str:
    """A header as it is compared with the aliases: folded, with "#" read as "no" ("Customer
    #" is "customer no", not the bare "customer" of the name column)."""
    return fold(text.replace("#", " no "))


def _field(key: str, required: bool = False) -> Field:
    aliases = dict.fromkeys(
        header_fold(header) for field_key, _origin, header in HEADER_SYNONYMS if field_key == key
    )
    aliases.update(dict.fromkeys([fold(key), fold(_LABELS[key])]))
    return Field(key, _LABELS[key], tuple(a for a in aliases if a), required)


_CUSTOMER_NUMBER = _field("customer_number")
_CUSTOMER_NAME = _field("customer_name")
_CITY = _field("city")
_POSTCODE = _field("postcode")
_STREET = _field("street")
_PHONE = _field("phone")
_SEGMENT = _field("segment")
_REGION = _field("region")
_OWNER = _field("owner")
_ABC = _field("abc_class")
_ANNUAL = _field("annual_revenue")
_PARENT = _field("parent_number")
_PRODUCT_NUMBER = _field("product_number")
_PRODUCT_NAME = _field("product_name")
_GROUP = _field("group")
_REVENUE = _field("revenue")
_QUANTITY = _field("quantity")
_DATE = _field("date")

FIELDS: dict[str, tuple[Field, ...]] = {
    "customers": (
        _CUSTOMER_NUMBER,
        Field(_CUSTOMER_NAME.key, _CUSTOMER_NAME.label, _CUSTOMER_NAME.aliases, required=True),
        _CITY,
        _POSTCODE,
        _STREET,
        _PHONE,
        _SEGMENT,
        _REGION,
        _OWNER,
        _ABC,
        _ANNUAL,
        _PARENT,
    ),
    "products": (
        _PRODUCT_NUMBER,
        Field(_PRODUCT_NAME.key, _PRODUCT_NAME.label, _PRODUCT_NAME.aliases, required=True),
        _GROUP,
    ),
    "sales": (
        _CUSTOMER_NUMBER,
        _CUSTOMER_NAME,
        _PRODUCT_NUMBER,
        _PRODUCT_NAME,
        _GROUP,
        _REVENUE,
        _QUANTITY,
        _DATE,
    ),
    "matrix": (
        _CUSTOMER_NUMBER,
        Field(_CUSTOMER_NAME.key, _CUSTOMER_NAME.label, _CUSTOMER_NAME.aliases, required=True),
        _CITY,
        _POSTCODE,
        _STREET,
        _PHONE,
        _SEGMENT,
        _REGION,
        _OWNER,
        _ABC,
        _PARENT,
    ),
    "kpm": tuple(
        Field(c.key, c.header_en, (fold(c.header_de), fold(c.header_en), fold(c.key)))
        for c in data_sheet.DATA_COLUMNS
    ),
}

# Matrix sheet columns that are not products (totals, coverage, remarks).
NON_PRODUCT_HEADERS: frozenset[str] = frozenset(
    fold(h)
    for h in {
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


def either_required(kind: str) -> tuple[tuple[str, ...], ...]:
    """Groups of fields of which at least one must be mapped."""
    if kind == "sales":
        # A product group column alone is enough: each group becomes one product (item 7).
        return (("customer_number", "customer_name"), ("product_number", "product_name", "group"))
    if kind == "kpm":
        return (
            ("customer_number", "customer_name"),
            ("product_number", "product_name"),
            ("mark",),
        )
    return ()


def products_from_groups(kind: str, mapping: dict[str, int]) -> bool:
    """True when a sales import has only a product group column: groups become products."""
    return (
        kind == "sales"
        and "group" in mapping
        and "product_number" not in mapping
        and "product_name" not in mapping
    )


def field_for_header(
    kind: str, header: object, taken: AbstractSet[str] = frozenset()
) -> str | None:
    """The field a header names for this kind (exact folded alias first, then a contained one)."""
    h = header_fold(cell_text(header))
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
            h = header_fold(cell_text(value))
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
