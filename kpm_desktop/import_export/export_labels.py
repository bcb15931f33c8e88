"""Every text printed on exported sheets (XLSX, PDF, print), in German and English.

Sheets are written in a language chosen per export (a rep may hand an English sheet to a
foreign customer while the UI stays German), so these strings do not go through Qt's
translator: they live here, once per language, and the i18n work can read the same table.
"""

from __future__ import annotations

from kpm_desktop.domain.marks import Mark

LANGUAGES = ("de", "en")

_LABELS: dict[str, dict[str, str]] = {
    "de": {
        "title": "Kunden-Produkt-Matrix",
        "kpi_title": "Kennzahlen je Produkt",
        "data_title": "Daten",
        "sheet_matrix": "Matrix",
        "sheet_kpi": "Kennzahlen",
        "sheet_data": "Daten",
        "exported": "Stand",
        "filters": "Filter",
        "no_filter": "keine (ganze Matrix)",
        "customer": "Kunde",
        "product": "Produkt",
        "group": "Produktgruppe",
        "no_group": "ohne Gruppe",
        "legend": "Legende",
        "white": "weißer Fleck (unbekannt)",
        "white_short": "leer",
        "count_total": "Summe",
        "coverage": "Abdeckung %",
        "share": "%",
        "competitor_occupancy": "Wettbewerbsbelegung %",
        "page": "Seite",
        "of": "von",
        "customer_safe": "Kundenansicht",
        "view_description": "aktuelle Ansicht: {customers} von {all_customers} Kunden, "
        "{products} von {all_products} Produkten",
        "customers_products": "{customers} Kunden × {products} Produkte",
        "key_accounts": "{n} Konzerne (fett: Zusammenfassung ihrer Standorte)",
        "visit_title": "Besuchsvorbereitung",
        "visit_customer_data": "Kundendaten",
        "visit_matrix_row": "Produkte und Lösungen",
        "visit_goals": "Ziele des Kunden",
        "visit_prep": "Fragen für diesen Besuch",
        "visit_notes": "Letzte Notizen",
        "visit_answers": "Antworten und Notizen (handschriftlich)",
        "visit_none": "–",
        "visit_sites": "Standorte ({n}) und ihre weißen Flecken",
        "visit_site_white": "{n} weiße Flecken",
        "prep_white_spots": "Weiße Flecken klären",
        "prep_stale": "Veraltete Einträge bestätigen (zuletzt bestätigt am)",
        "prep_renewals": "Wettbewerbsverträge laufen aus",
        "prep_open_goals": "Offene Ziele",
        "prep_needs": "Bedarf ohne Ziel besprechen",
        "status_open": "offen",
        "status_achieved": "erreicht",
        "status_dropped": "verworfen",
        "worksheet_title": "Arbeitsblatt (zum Ausfüllen)",
        "worksheet_hint": "Bitte je Zelle eintragen: X, W, B oder K",
        "due": "fällig",
        "verified": "zuletzt bestätigt",
        "contract_end": "Vertragsende",
        "date": "Datum",
        "signature": "Unterschrift",
    },
    "en": {
        "title": "Customer-Product Matrix",
        "kpi_title": "Figures per product",
        "data_title": "Data",
        "sheet_matrix": "Matrix",
        "sheet_kpi": "Figures",
        "sheet_data": "Data",
        "exported": "As of",
        "filters": "Filters",
        "no_filter": "none (whole matrix)",
        "customer": "Customer",
        "product": "Product",
        "group": "Product group",
        "no_group": "no group",
        "legend": "Legend",
        "white": "white spot (unknown)",
        "white_short": "empty",
        "count_total": "Total",
        "coverage": "Coverage %",
        "share": "%",
        "competitor_occupancy": "Competitor occupancy %",
        "page": "Page",
        "of": "of",
        "customer_safe": "Customer view",
        "view_description": "current view: {customers} of {all_customers} customers, "
        "{products} of {all_products} products",
        "customers_products": "{customers} customers × {products} products",
        "key_accounts": "{n} key accounts (bold: roll-up of their sites)",
        "visit_title": "Visit preparation",
        "visit_customer_data": "Customer data",
        "visit_matrix_row": "Products and solutions",
        "visit_goals": "Customer goals",
        "visit_prep": "Questions for this visit",
        "visit_notes": "Latest notes",
        "visit_answers": "Answers and notes (handwritten)",
        "visit_none": "–",
        "visit_sites": "Sites ({n}) and their white spots",
        "visit_site_white": "{n} white spots",
        "prep_white_spots": "Clarify white spots",
        "prep_stale": "Confirm stale entries (last confirmed on)",
        "prep_renewals": "Competitor contracts ending",
        "prep_open_goals": "Open goals",
        "prep_needs": "Discuss needs without a goal",
        "status_open": "open",
        "status_achieved": "achieved",
        "status_dropped": "dropped",
        "worksheet_title": "Worksheet (fill in by hand)",
        "worksheet_hint": "Enter per cell: X, W, B or K",
        "due": "due",
        "verified": "last confirmed",
        "contract_end": "contract end",
        "date": "Date",
        "signature": "Signature",
    },
}

_MARK_NAMES: dict[str, dict[Mark, str]] = {
    "de": {
        Mark.OURS: "unser Produkt",
        Mark.COMPETITOR: "Wettbewerb",
        Mark.NEED: "Bedarf",
        Mark.NO_NEED: "kein Bedarf",
    },
    "en": {
        Mark.OURS: "ours",
        Mark.COMPETITOR: "competitor",
        Mark.NEED: "need",
        Mark.NO_NEED: "no need",
    },
}

# Customer attributes that can be exported as columns, with their headings.
ATTRIBUTES: tuple[str, ...] = (
    "number",
    "segment",
    "region",
    "owner",
    "city",
    "postcode",
    "abc_class",
    "annual_revenue",
    "tags",
    "parent",
)
_ATTRIBUTE_NAMES: dict[str, dict[str, str]] = {
    "de": {
        "number": "Kd.-Nr.",
        "segment": "Branche",
        "region": "Region",
        "owner": "Betreuer",
        "city": "Ort",
        "postcode": "PLZ",
        "abc_class": "ABC",
        "annual_revenue": "Jahresumsatz",
        "tags": "Merkmale",
        "parent": "Konzern-Nr.",
    },
    "en": {
        "number": "Cust. no.",
        "segment": "Segment",
        "region": "Region",
        "owner": "Owner",
        "city": "City",
        "postcode": "Postcode",
        "abc_class": "ABC",
        "annual_revenue": "Annual revenue",
        "tags": "Tags",
        "parent": "Parent account no.",
    },
}

# Attributes that customer-safe sheets leave out (internal figures).
INTERNAL_ATTRIBUTES = frozenset({"annual_revenue"})


def check_language(lang: str) -> str:
    if lang not in _LABELS:
        raise ValueError(f"unknown sheet language {lang!r} (use {' or '.join(LANGUAGES)})")
    return lang


def label(key: str, lang: str = "de") -> str:
    """The sheet text for ``key`` in ``lang``."""
    return _LABELS[check_language(lang)][key]


def format_amount(value: float, lang: str = "de") -> str:
    """A whole amount with the sheet language's digit grouping: 250.000 (de), 250,000 (en)."""
    text = f"{value:,.0f}"
    return text.replace(",", ".") if check_language(lang) == "de" else text


def mark_name(mark: Mark, lang: str = "de") -> str:
    return _MARK_NAMES[check_language(lang)][mark]


def attribute_name(attribute: str, lang: str = "de") -> str:
    return _ATTRIBUTE_NAMES[check_language(lang)][attribute]


def legend_entries(lang: str = "de") -> list[tuple[Mark | None, str, str]]:
    """(mark, glyph, text) for every cell state, white spot last."""
    entries: list[tuple[Mark | None, str, str]] = [(m, m.letter, mark_name(m, lang)) for m in Mark]
    entries.append((None, "", label("white", lang)))
    return entries
