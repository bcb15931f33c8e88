"""XLSX exports of the renewal radar and of a history diff (openpyxl, no Qt).

Headers come in German or English (``language`` "de"/"en", like the data sheet). Files are
written under a temporary name and renamed into place, so an interrupted export never
leaves a half-written workbook under the user's chosen name.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kpm_desktop.domain.history_diff import HistoryDiff
from kpm_desktop.domain.insights import Renewal
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import Matrix

_T = {
    "renewals": ("Vertragsenden", "Renewals"),
    "customer": ("Kunde", "Customer"),
    "number": ("Kundennummer", "Customer number"),
    "region": ("Region", "Region"),
    "owner": ("Betreuer", "Owner"),
    "product": ("Produkt", "Product"),
    "competitor": ("Wettbewerber", "Competitor"),
    "contract_end": ("Vertragsende", "Contract end"),
    "days_left": ("Tage bis Ende", "Days left"),
    "potential": ("Potenzial", "Potential"),
    "changes": ("Änderungen", "Changes"),
    "matrix": ("Matrix", "Matrix"),
    "before": ("Vorher", "Before"),
    "after": ("Nachher", "After"),
    "white": ("weißer Fleck", "white spot"),
    "ours": ("X (wir)", "X (ours)"),
    "competitor_mark": ("Wettbewerb", "competitor"),
    "need": ("Bedarf", "need"),
    "no_need": ("kein Bedarf", "no need"),
    "deleted": ("gelöscht", "deleted"),
}

_HEADER_FONT = Font(bold=True)
_CHANGED_FILL = PatternFill("solid", fgColor="FFF2A8")  # highlighted changed cell
_MARK_KEYS = {WHITE: "white", 1: "ours", 2: "competitor_mark", 3: "need", 4: "no_need"}


def _t(key: str, language: str) -> str:
    de, en = _T[key]
    return de if language.startswith("de") else en


def mark_label(code: int, language: str = "de") -> str:
    return _t(_MARK_KEYS[code], language)


def _cell_text(code: int, language: str) -> str:
    """Letter for a mark (as in the matrix sheet), a dash for a white spot."""
    return "–" if code == WHITE else Mark(code).letter


def _save(wb: Workbook, path: Path) -> Path:
    path = Path(path)
    tmp = path.with_name(path.name + ".partial")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _first_sheet(wb: Workbook) -> Worksheet:
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook has one worksheet
    return ws


def _header(ws: Worksheet, titles: Sequence[str]) -> None:
    ws.append(list(titles))
    for cell in ws[1]:
        cell.font = _HEADER_FONT
    ws.freeze_panes = "A2"


def _widths(ws: Worksheet, widths: Sequence[int]) -> None:
    for k, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(k)].width = w


def write_renewals_xlsx(
    path: Path,
    matrix: Matrix,
    renewals: Sequence[Renewal],
    *,
    today: date,
    language: str = "de",
) -> Path:
    """One row per competitor cell up for renewal, soonest first (as given)."""
    wb = Workbook()
    ws = _first_sheet(wb)
    ws.title = _t("renewals", language)
    keys = ("customer", "number", "region", "owner", "product", "competitor", "contract_end")
    _header(ws, [_t(k, language) for k in (*keys, "days_left", "potential")])
    for x in renewals:
        c = matrix.customers[x.row]
        ws.append(
            [
                c.name,
                c.number,
                c.region,
                c.owner,
                matrix.products[x.col].name,
                x.competitor,
                x.contract_end,
                x.days_left(today),
                x.potential,
            ]
        )
        ws.cell(ws.max_row, 7).number_format = "yyyy-mm-dd"
        ws.cell(ws.max_row, 9).number_format = "#,##0"
    _widths(ws, (36, 14, 10, 18, 26, 26, 14, 12, 12))
    ws.auto_filter.ref = ws.dimensions
    return _save(wb, path)


def write_diff_xlsx(
    path: Path,
    matrix: Matrix,
    diff: HistoryDiff,
    *,
    title: str = "",
    language: str = "de",
) -> Path:
    """A sheet listing every changed cell and a matrix sheet with changed cells highlighted.

    The matrix sheet shows the customers and products that changed, each cell with its
    current letter; changed cells are filled and carry "before -> after" as text and comment.
    Customers or products deleted since are listed by id on the first sheet only.
    """
    wb = Workbook()
    ws = _first_sheet(wb)
    ws.title = _t("changes", language)
    if title:
        ws.append([title])
        ws["A1"].font = Font(bold=True, size=12)
        ws.append([])
    ws.append([_t(k, language) for k in ("customer", "number", "product", "before", "after")])
    for cell in ws[ws.max_row]:
        cell.font = _HEADER_FONT
    deleted = _t("deleted", language)
    for d in diff.changes:
        r = matrix.row_of.get(d.customer_id)
        c = matrix.col_of.get(d.product_id)
        cust = matrix.customers[r] if r is not None else None
        ws.append(
            [
                cust.name if cust else f"#{d.customer_id} ({deleted})",
                cust.number if cust else "",
                matrix.products[c].name if c is not None else f"#{d.product_id} ({deleted})",
                mark_label(d.old, language),
                mark_label(d.new, language),
            ]
        )
    _widths(ws, (36, 14, 26, 16, 16))

    grid_ws = wb.create_sheet(_t("matrix", language))
    rows = sorted(
        {matrix.row_of[d.customer_id] for d in diff.changes if d.customer_id in matrix.row_of}
    )
    cols = sorted(
        {matrix.col_of[d.product_id] for d in diff.changes if d.product_id in matrix.col_of}
    )
    changed = {
        (matrix.row_of[d.customer_id], matrix.col_of[d.product_id]): d
        for d in diff.changes
        if d.customer_id in matrix.row_of and d.product_id in matrix.col_of
    }
    grid_ws.append([_t("customer", language), *(matrix.products[c].name for c in cols)])
    for cell in grid_ws[1]:
        cell.font = _HEADER_FONT
        cell.alignment = Alignment(text_rotation=90 if cell.column > 1 else 0)
    for r in rows:
        grid_ws.append(
            [matrix.customers[r].name, *(_cell_text(matrix.code(r, c), language) for c in cols)]
        )
        for k, c in enumerate(cols, start=2):
            change = changed.get((r, c))
            cell = grid_ws.cell(grid_ws.max_row, k)
            cell.alignment = Alignment(horizontal="center")
            if change is not None:
                cell.fill = _CHANGED_FILL
                cell.value = (
                    f"{_cell_text(change.old, language)} → {_cell_text(change.new, language)}"
                )
                cell.comment = Comment(
                    f"{mark_label(d.old, language)} → {mark_label(d.new, language)}", "KPM"
                )
    grid_ws.freeze_panes = "B2"
    grid_ws.column_dimensions["A"].width = 36
    return _save(wb, path)
