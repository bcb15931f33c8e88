"""Every user-facing import message, as English format strings under stable keys.

The GUI translates them with ``QCoreApplication.translate("import", MESSAGES[key])`` and then
formats the parameters; the CLI does the same in the user's language (``cli.i18n``). Keys never change meaning; add a
new key instead of rewording one into something else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MESSAGES: dict[str, str] = {
    # -- whole-file failures (the import stops, nothing is written) ---------------------------
    "file_missing": "{file}: file not found",
    "file_unreadable": "{file} cannot be read: {detail}",
    "file_empty": "{file} is empty",
    "file_too_large": "{file} is larger than {limit_mb} MB; split it or export fewer columns",
    "not_a_table": "{file} is not a CSV or Excel file (it looks like {what})",
    "binary_text": "{file} contains binary data, not text, so it is not a CSV file",
    "mixed_encodings": (
        "{file} mixes text encodings (line {utf8_line} is UTF-8, line {other_line} is not); "
        "save it again as UTF-8 and import that"
    ),
    "xls_legacy": (
        "{file} is an old Excel 97-2003 workbook (.xls); open it in Excel or LibreOffice, "
        "save it as .xlsx or CSV and import that"
    ),
    "colours_xlsx_only": (
        "{file}: colours can only be read from .xlsx: save it as .xlsx, or use letters "
        "(X, W, B, K) in the cells"
    ),
    "colours_strict": (
        "{file} is a Strict Open XML workbook, whose colours cannot be read: save it as "
        '"Excel Workbook (.xlsx)", or use letters (X, W, B, K) in the cells'
    ),
    "sheet_empty": (
        "{file}: sheet '{sheet}' has no values (it is empty or holds only error values such "
        "as #REF!); choose another sheet (sheets: {sheets})"
    ),
    "sheet_chart": (
        "{file}: sheet '{sheet}' is a chart, not a table; choose another sheet (sheets: {sheets})"
    ),
    "sheet_chosen_chart": (
        "read sheet '{sheet}': the active sheet '{active}' is a chart (sheets: {sheets})"
    ),
    "sheet_chosen_empty": (
        "read sheet '{sheet}': the active sheet '{active}' is empty (sheets: {sheets})"
    ),
    "xlsx_encrypted": (
        "{file} is password-protected; remove the password in Excel and import it again"
    ),
    "zip_bomb": (
        "{file} would expand to more than {limit_mb} MB (a damaged or malicious workbook); refused"
    ),
    "xlsx_too_large": (
        "{file} holds {size_mb} MB of sheet data, more than the {limit_mb} MB an import reads; "
        "export or import fewer customers or products at a time"
    ),
    "xml_forbidden": (
        "{file} contains XML entity or DTD declarations, which a workbook never needs; "
        "refused for safety"
    ),
    "xlsx_damaged": (
        "{file} is damaged or not a valid Excel workbook; open it in Excel or LibreOffice, "
        "save it again and import that"
    ),
    "defusedxml_inactive": (
        "Excel files cannot be read safely on this installation (defusedxml is not active); "
        "import a CSV file instead"
    ),
    "sheet_missing": "{file} has no sheet named '{sheet}' (sheets: {sheets})",
    "no_data": "{file} contains no data rows",
    "continuation_columns": (
        "{file}: sheet '{sheet}' is named as a continuation of '{first}' but has other "
        "columns; nothing was imported. Rename that sheet, or give it the header of '{first}'"
    ),
    "continuation_missing": (
        "{file}: the data of '{first}' continues on {sheets}, but '{missing}' is missing; "
        "nothing was imported. Import the workbook as it was exported"
    ),
    "data_sheet_not_first": (
        "{file}: the exported data is on the sheets {sheets}, and '{sheet}' is not the first "
        "of them (was '{first}' renamed?); nothing was imported. Import '{first}', or give "
        "the sheet its exported name again"
    ),
    "continuation_unrecorded": (
        "{file}: '{sheet}' is full and '{next}' follows it, but the workbook does not say "
        "whether the data continues there (its list of data sheets is missing); nothing was "
        "imported. If '{next}' is a copy, rename it; else export the matrix again"
    ),
    "data_record_unreadable": (
        "{file}: the document property '{name}', which lists the sheets the data is on, "
        "cannot be read; nothing was imported. Import the workbook as it was exported"
    ),
    "too_many_rows": ("{file} has more than {limit} rows; split it or filter it before importing"),
    "too_many_columns": (
        "{file} has more than {limit} columns; this is not a customer or product table"
    ),
    "cell_too_large_csv": (
        "{file}, row {row}: a cell is larger than {limit} characters; this is not a table export"
    ),
    "csv_malformed": "{file}, row {row}: {detail}",
    "no_header": "no header row found in the first {rows} rows of {file}",
    "mapping_missing": "no column for '{field}' (columns: {columns}); choose one in the mapping",
    "mapping_bad_column": "column '{column}' for '{field}' does not exist (columns: {columns})",
    "data_sheet_missing": (
        "{file} has no '{sheets}' sheet with the columns of a KPM export (needed: {needed})"
    ),
    "unknown_kind": "unknown import kind '{kind}' (use {kinds})",
    "stale_plan": ("the matrix changed since the preview was computed; compute the preview again"),
    "cancelled": "import cancelled; nothing was changed",
    # -- a customer, attribute or group named on the command line (kpm trip, kpm export) -----
    "customer_unknown": "no customer with number or name {ref}",
    "customers_match": "{count} customers match {ref}: {names}; use the number",
    "customers_match_more": (
        "{count} customers match {ref}: {names} and {more} more; use the number"
    ),
    "customer_id_unknown": "customer {id} does not exist",
    "attribute_unknown": "unknown customer attribute {name}",
    "group_unknown": "no product group named {name} (groups: {groups})",
    # -- an export that cannot be made as asked (kpm export, File › Export…) ------------------
    "paper_too_small": (
        "the matrix sheet does not fit on the paper: show fewer customer columns, or choose "
        "landscape or A3"
    ),
    # -- problems of single rows or cells (the row or cell is skipped) ------------------------
    "p_cell_too_long": "text longer than {limit} characters ignored",
    "p_formula": "formula not imported ({text}); replace formulas by their values",
    "p_bad_number": "'{text}' is not a number",
    "p_bad_date": "'{text}' is not a date",
    "p_bad_trip": "trip '{name}' not imported: {reason}",
    "p_bad_mark": "'{text}' is not a mark (use X, W, B, K or Wettbewerb, Bedarf, kein Bedarf)",
    "p_bad_fill": (
        "fill colour {colour} has no meaning here (red = competitor, green = need, gray = no need)"
    ),
    "p_missing_customer": "no customer number or name",
    "p_unknown_customer_number": (
        "customer number {number} is not in the matrix; import customers first or add a "
        "column with the customer name"
    ),
    "p_zero_quantity": "quantity 0: not counted as a sale",
    "p_missing_product": "no product number or name",
    "p_ambiguous_customer": "'{name}' matches {count} customers; add the customer number",
    "p_ambiguous_product": "'{name}' matches {count} products; add the product number",
    "p_unknown_parent": (
        "parent customer '{text}' is neither in the matrix nor in this file; link not set"
    ),
    "p_parent_self": "'{name}' names itself as its parent customer; link not set",
    "p_parent_is_site": (
        "'{parent}' is a site of another key account itself (one level only); '{name}' not linked"
    ),
    "p_parent_has_sites": (
        "'{name}' has sites of its own and cannot be a site (one level only); link not set"
    ),
    "p_key_account_row": (
        "'{name}' is a key account with sites in this file: its marks are the sites' "
        "roll-up and are not imported"
    ),
    "p_duplicate_row": "same {what} as row {first}; row ignored",
    "p_same_customer_number": (
        "rows {first} and {this} both have customer number {number}, so they are the same "
        "customer; row {this} ignored"
    ),
    "p_same_customer_name": (
        "rows {first} and {this} both name '{name}' (the same name once case, umlauts and "
        "legal forms are ignored) without different numbers; row {this} ignored"
    ),
    "p_same_customer_uuid": (
        "rows {first} and {this} carry the same customer ID {uuid}; row {this} ignored"
    ),
    "p_same_product_number": (
        "rows {first} and {this} both have product number {number}, so they are the same "
        "product; row {this} ignored"
    ),
    "p_same_product_name": (
        "rows {first} and {this} both name the product '{name}' (the same name once case and "
        "umlauts are ignored) without different numbers; row {this} ignored"
    ),
    "p_same_product_uuid": (
        "rows {first} and {this} carry the same product ID {uuid}; row {this} ignored"
    ),
    "p_conflicting_duplicate": "says {mark} but row {first} says {other} for the same cell; ignored",
    "p_ragged_row": "row has {count} cells but the header has {expected}; extra cells ignored",
    "p_totals_row": "totals row skipped",
    "p_product_header_empty": "column has marks but no product name in the header; ignored",
    "p_revenue_without_mark": "revenue for a cell marked {mark} is not imported",
    # -- conflicts (listed for a decision: keep mine / take imported) -------------------------
    "c_mark": "marked {mine} in the matrix, the import says {theirs}",
    "c_details": "{fields} differ between the matrix and the import",
    "c_number": "number {mine} in the matrix, the import says {theirs}",
    # -- possible duplicates (added as new, but named like an existing customer) -----------------
    "d_same_name": (
        "row {row}: '{name}' (number {number}) would be a new customer, but '{existing}' "
        "(number {existing_number}) has the same name; check that they are different companies"
    ),
    # -- summary ---------------------------------------------------------------------------------
    "summary": (
        "customers: {new_customers} new, {updated_customers} updated, "
        "{unchanged_customers} unchanged; products: {new_products} new, "
        "{updated_products} updated, {unchanged_products} unchanged; "
        "cells: {cells} to write, {unchanged_cells} unchanged; "
        "conflicts: {conflicts}; problems: {problems}; possible duplicates: {duplicates}"
    ),
}


def text(key: str, **params: Any) -> str:
    """The English message for ``key`` with its parameters filled in."""
    return MESSAGES[key].format(**params)


class ImportFailure(Exception):
    """The whole import cannot go on. ``str(exc)`` is the English one-line message."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(text(key, **params))


class MessageError(ValueError):
    """Bad input outside an import (a customer reference, an export option), under a key of
    ``MESSAGES``: ``str(exc)`` is the English line; callers that catch ``ValueError`` still
    do, and the CLI prints it translated (``cli.i18n``)."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(text(key, **params))


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in one row or cell of the source that was skipped.

    ``row`` is the 1-based row of the source file or sheet, ``column`` the 1-based column
    (0 when the problem concerns the whole row). ``sheet`` names the sheet the row is on when
    the data is on several sheets (an export continued on "Daten (2)", ...), else "".
    """

    row: int
    column: int
    column_name: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    sheet: str = ""

    @property
    def row_label(self) -> str:
        """The row as a person looks for it: "12", or "Daten (2): 12" on a continuation."""
        return f"{self.sheet}: {self.row}" if self.sheet else str(self.row)

    @property
    def message(self) -> str:
        return text(self.key, **self.params)
