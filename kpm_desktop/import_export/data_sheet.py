"""The long-format data sheet shared by the XLSX export and the ``kpm`` import kind.

An exported workbook carries, besides the coloured matrix sheet meant for people, one sheet
named "Daten" (German UI) or "Data" (English UI) with one row per marked cell. Export and
import both use the columns named here, so a round trip gives back the same marks and
details. Headers are matched case-insensitively in either language, so a workbook exported
in German imports into an English UI and vice versa.

Cell values: ``mark`` holds the letter (``Mark.letter``: X, W, B, K); dates are real dates
(or ISO text ``YYYY-MM-DD``); ``verified_at`` is a datetime in UTC (or ISO text); amounts are
numbers. Empty cells mean "no value". The column order below is the order the export writes;
the import finds columns by header, not position.
"""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DataColumn:
    key: str  # stable identifier used in code
    header_de: str
    header_en: str

    def header(self, language: str = "de") -> str:
        return self.header_de if language.startswith("de") else self.header_en


DATA_COLUMNS: tuple[DataColumn, ...] = (
    DataColumn("customer_number", "Kundennummer", "Customer number"),
    DataColumn("customer_name", "Kunde", "Customer"),
    DataColumn("customer_uuid", "Kunden-UUID", "Customer UUID"),
    DataColumn("product_number", "Produktnummer", "Product number"),
    DataColumn("product_name", "Produkt", "Product"),
    DataColumn("product_uuid", "Produkt-UUID", "Product UUID"),
    DataColumn("mark", "Markierung", "Mark"),
    DataColumn("competitor", "Wettbewerber", "Competitor"),
    DataColumn("our_revenue", "Unser Umsatz", "Our revenue"),
    DataColumn("potential", "Potenzial", "Potential"),
    DataColumn("contract_end", "Vertragsende", "Contract end"),
    DataColumn("no_need_reason", "Grund kein Bedarf", "No-need reason"),
    DataColumn("recheck_at", "Wiedervorlage", "Recheck date"),
    DataColumn("note", "Notiz", "Note"),
    DataColumn("verified_at", "Geprüft am", "Verified at"),
)

DATA_KEYS: tuple[str, ...] = tuple(c.key for c in DATA_COLUMNS)

# Sheet names the import looks for, in this order.
DATA_SHEET_NAMES: tuple[str, ...] = ("Daten", "Data")

# Columns a data sheet must have to be recognised (identity of the cell and its mark).
REQUIRED_KEYS: frozenset[str] = frozenset({"customer_name", "product_name", "mark"})


def data_sheet_name(language: str = "de", part: int = 1) -> str:
    """The data sheet's name; ``part`` 2, 3, ... names its continuations ("Daten (2)"),
    which a workbook has when the rows do not fit into one sheet (Excel's row limit)."""
    name = DATA_SHEET_NAMES[0] if language.startswith("de") else DATA_SHEET_NAMES[1]
    return name if part == 1 else f"{name} ({part})"


# The custom document property in which the export records its data sheets, when the rows
# continue on further sheets: a JSON list of the sheet names in order, the data sheet first
# (["Daten", "Daten (2)", ...]). The import reads exactly the sheets it names, so a sheet a
# user made (Excel names a copy of "Daten" "Daten (2)") is never read as a continuation, and a
# workbook without it (every workbook that fits on one sheet) has no continuations. A document
# property rather than a defined name: Excel and LibreOffice keep it as it is when sheets are
# copied, moved, renamed or deleted (a defined name would follow a rename or turn into #REF!,
# and it is listed with the user's own names); and it is plain text, no reference to parse.
RECORD_PROPERTY = "KPM data sheets"


def record_value(sheets: list[str]) -> str:
    """The record's value for the data sheet and its continuations, in order."""
    return json.dumps(sheets, ensure_ascii=False)


def parse_record(text: str) -> list[str] | None:
    """The sheet names a record holds (data sheet first), or None when it is not a list of at
    least one name."""
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        return None
    return value


def headers(language: str = "de") -> list[str]:
    """The header row the export writes, in column order."""
    return [c.header(language) for c in DATA_COLUMNS]


_BY_HEADER: dict[str, str] = {
    h.casefold(): c.key for c in DATA_COLUMNS for h in (c.header_de, c.header_en, c.key)
}


def key_for_header(text: object) -> str | None:
    """The column key a header cell names (either language, or the key itself), else None."""
    if not isinstance(text, str):
        return None
    return _BY_HEADER.get(" ".join(text.split()).casefold())


def column_keys(header_row: list[object]) -> dict[str, int]:
    """Map column keys to their 0-based positions in a header row (first occurrence wins)."""
    found: dict[str, int] = {}
    for i, cell in enumerate(header_row):
        key = key_for_header(cell)
        if key is not None and key not in found:
            found[key] = i
    return found
