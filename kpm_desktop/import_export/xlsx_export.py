"""The XLSX export: a print-ready matrix sheet, KPIs per product and a long-format data sheet.

The matrix sheet is meant for people: every mark has a fill *and* a glyph (readable in black
and white), a product-group band over the columns, chosen customer attributes, counts per
row and per column, a legend and a title with file name, date and filters. Print setup:
landscape (or as chosen), A4/A3, fit to page width, group band + header row and the customer
column repeated on every page, frozen panes, header/footer with page numbers and date.

The data sheet ("Daten"/"Data", columns from ``data_sheet``) is meant for the importer: one
row per marked cell with all details, so export → import gives back the same marks.

Every user string passes ``formula_guard.neutralise`` so that it can never become a formula.
The file is written next to the target as ``.partial`` and renamed at the end, so a cancelled
or failed export never leaves half a file or destroys an existing one.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import Outline, PageSetupProperties

from kpm_desktop.domain.entities import Customer
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import MarkCounts, coverage_percent
from kpm_desktop.import_export.data_sheet import (
    DATA_COLUMNS,
    RECORD_PROPERTY,
    DataColumn,
    data_sheet_name,
    record_value,
)
from kpm_desktop.import_export.export_labels import (
    attribute_name,
    label,
    legend_entries,
    mark_name,
)
from kpm_desktop.import_export.export_model import (
    ExportCancelled,
    MatrixSnapshot,
    Orientation,
    Paper,
    Progress,
)
from kpm_desktop.import_export.formula_guard import neutralise
from kpm_desktop.import_export.master_sheets import write_master_sheets
from kpm_desktop.import_export.xlsx_data_rows import SheetChain, write_data_rows
from kpm_desktop.import_export.xlsx_rows import CellSpec, FastRows

# Fills chosen light enough that the black glyph stays readable in colour and in grey print.
MARK_FILLS: dict[Mark, str] = {
    Mark.OURS: "9DC3E6",  # blue
    Mark.COMPETITOR: "F4A09C",  # red
    Mark.NEED: "A9D18E",  # green
    Mark.NO_NEED: "D0D0D0",  # gray
}
GROUP_FILL = "E7E6E6"
HEADER_FILL = "F2F2F2"

# Rows per sheet, header included: Excel's limit (and LibreOffice's since 7.4). The data
# sheet continues on "Daten (2)", ... beyond it (``xlsx_data_rows.SheetChain``); tests lower it.
MAX_SHEET_ROWS = 1_048_576

# Columns of the data sheet that customer-safe exports leave out.
SAFE_OMITTED = frozenset({"competitor", "our_revenue", "potential", "note"})

# Layout of the matrix sheet (1-based rows).
TITLE_ROW, SUBTITLE_ROW, LEGEND_ROW = 1, 2, 3
LEGEND_ROWS = len(Mark) + 1
BAND_ROW = LEGEND_ROW + LEGEND_ROWS + 1
HEADER_ROW = BAND_ROW + 1
FIRST_DATA_ROW = HEADER_ROW + 1
COUNT_KEYS: tuple[Mark | None, ...] = (*Mark, None)  # per-row/column count columns, white last

_PAPER_SIZE = {Paper.A4: 9, Paper.A3: 8}  # OOXML paperSize codes
_PROGRESS_EVERY = 200


def _user(text: str) -> str:
    return neutralise(text)


def attribute_value(customer: Customer, attribute: str) -> str | float | None:
    if attribute == "tags":
        return _user(", ".join(customer.tags))
    value: str | float | None = getattr(customer, attribute)
    if isinstance(value, str):
        return _user(value)
    return value


class _Progress:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = max(total, 1)
        self.done = 0
        self._next = _PROGRESS_EVERY

    def step(self, n: int = 1) -> None:
        """``n`` more done; reported every ``_PROGRESS_EVERY`` and at the end."""
        self.done += n
        if self.progress is not None and (self.done >= self._next or self.done >= self.total):
            self._next = self.done - self.done % _PROGRESS_EVERY + _PROGRESS_EVERY
            self.report()

    def report(self) -> None:
        if self.progress is not None and not self.progress(min(self.done, self.total), self.total):
            raise ExportCancelled


@dataclass(frozen=True, slots=True)
class WrittenWorkbook:
    """What ``write_xlsx`` wrote: the file, and the data sheet with its continuations
    ("Daten", "Daten (2)", ...; empty without a data sheet)."""

    path: Path
    data_sheets: tuple[str, ...] = ()

    @property
    def continuations(self) -> tuple[str, ...]:
        """The sheets the data continues on beyond the data sheet (Excel's row limit)."""
        return self.data_sheets[1:]


def write_xlsx(
    snapshot: MatrixSnapshot,
    path: Path | str,
    progress: Progress | None = None,
    *,
    raw_rows: bool = True,
) -> WrittenWorkbook:
    """Write the workbook to ``path`` (replaced only when complete).

    When the data rows continue on further sheets, the workbook records its data sheets in
    the custom document property ``data_sheet.RECORD_PROPERTY``; the import reads exactly
    those. A workbook that fits on one sheet has no record (and is as it was before there
    was one).

    Raises:
        ExportCancelled: ``progress`` returned False (nothing written).
        FileNotFoundError: the target folder does not exist.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(f"folder {path.parent} does not exist")
    opts = snapshot.options
    counted = snapshot.counted_grid()
    marked = len(counted) - counted.count(WHITE)
    total = snapshot.n_rows + (marked if opts.include_data_sheet else 0)
    tracker = _Progress(progress, total)
    tracker.report()
    wb = Workbook(write_only=True)
    data_sheets: list[str] = []
    try:
        _matrix_sheet(wb, snapshot, tracker, raw_rows)
        if opts.include_kpi_sheet:
            _kpi_sheet(wb, snapshot, raw_rows)
        if opts.include_data_sheet:
            data_sheets = _data_sheet(wb, snapshot, tracker, raw_rows)
            if len(data_sheets) > 1:
                record = StringProperty(name=RECORD_PROPERTY, value=record_value(data_sheets))
                props = wb.custom_doc_props  # type: ignore[attr-defined]  # types-openpyxl lacks Workbook.custom_doc_props (public API since openpyxl 3.1)
                props.append(record)
            if not opts.customer_safe:  # customer master data stays in internal exports
                write_master_sheets(wb, snapshot, raw_rows)
    except BaseException:
        _discard(wb)
        raise
    partial = path.with_name(path.name + ".partial")
    try:
        try:
            wb.save(partial)
        except BaseException:  # e.g. the temp file cannot be created: no sheet left open
            _discard(wb)
            raise
        tracker.report()
        os.replace(partial, path)
    finally:
        if partial.exists():
            partial.unlink()
    return WrittenWorkbook(path, tuple(data_sheets))


def _discard(wb: Workbook) -> None:
    """Close the half-written sheets of a cancelled export and delete their temp files."""
    for ws in wb.worksheets:
        rows = getattr(ws, "_rows", None)
        if rows is not None:
            rows.close()
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            writer.close()
            writer.cleanup()


# -- the matrix sheet ------------------------------------------------------------------------------
def _thin_border(color: str = "808080") -> Border:
    side = Side(style="thin", color=color)
    return Border(left=side, right=side, top=side, bottom=side)


def _page_setup(ws: Any, snapshot: MatrixSnapshot, *, fit_width: bool = True) -> None:
    opts = snapshot.options
    ws.page_setup.orientation = (
        "landscape" if opts.orientation is Orientation.LANDSCAPE else "portrait"
    )
    ws.page_setup.paperSize = _PAPER_SIZE[opts.paper]
    if fit_width:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages down as needed
    ws.print_options.gridLines = True  # white spots are empty cells: the grid shows them
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    lang = opts.lang
    hf = ws.HeaderFooter
    hf.oddHeader.left.text = _hf_escape(snapshot.title())
    hf.oddHeader.right.text = "&D"
    hf.oddFooter.left.text = _hf_escape(snapshot.file_name)
    hf.oddFooter.center.text = f"{label('page', lang)} &P {label('of', lang)} &N"
    hf.oddFooter.right.text = "&D &T"


def _hf_escape(text: str) -> str:
    return neutralise(text).replace("&", "&&")  # "&" starts a header/footer code


# Data sheet column widths (characters): dates and the verified time stamp wide enough to
# show in full (a narrower column shows "###" on screen and on paper).
DATA_WIDTHS = {
    "customer_number": 13,
    "customer_name": 34,
    "customer_uuid": 37,
    "product_number": 13,
    "product_name": 24,
    "product_uuid": 37,
    "mark": 11,
    "competitor": 22,
    "our_revenue": 13,
    "potential": 13,
    "contract_end": 12,
    "no_need_reason": 22,
    "recheck_at": 14,
    "note": 30,
    "verified_at": 20,
}
PRODUCT_COL_WIDTH = 3.6  # characters: a mark glyph in a square-ish cell
BAND_LINE_HEIGHT = 15.0  # points per line of group band text
# Width of bold band text in column-width units (the width of "0" in the default font): an
# upper bound per character, so that Excel and LibreOffice (Calibri or its metric twin
# Carlito) never cut a label, plus the cell's padding.
_BOLD_CHAR = 1.15
_CELL_PAD = 1.2


def _text_width(text: str) -> float:
    return _BOLD_CHAR * len(text) + _CELL_PAD


def _two_lines(text: str) -> tuple[str, str] | None:
    """``text`` split at the space that makes the longer of the two lines shortest."""
    spaces = [k for k, ch in enumerate(text) if ch == " "]
    if not spaces:
        return None
    k = min(spaces, key=lambda k: max(k, len(text) - k - 1))
    return text[:k], text[k + 1 :]


def band_layout(labels: Sequence[tuple[str, int]]) -> tuple[list[float], bool]:
    """Product column widths and whether the band wraps, so that no group label is cut.

    ``labels``: per group band its label and number of product columns. A label that does
    not fit on one line over its columns is wrapped onto two lines (the band row gets
    taller); if even that does not fit (a long word over one or two columns), that band's
    columns are widened just enough.
    """
    widths: list[float] = []
    wrap = False
    for text, count in labels:
        room = PRODUCT_COL_WIDTH * count
        need = _text_width(text)
        if need > room:
            halves = _two_lines(text)
            if halves is not None:
                wrap = True
                need = max(_text_width(h) for h in halves)
        widths += [max(PRODUCT_COL_WIDTH, round(need / count + 0.05, 1))] * count
    return widths, wrap


def _matrix_sheet(wb: Workbook, s: MatrixSnapshot, tracker: _Progress, raw: bool) -> None:
    opts = s.options
    lang = opts.lang
    ws = wb.create_sheet(label("sheet_matrix", lang))
    rows = FastRows(ws, raw=raw)
    attrs = opts.visible_attributes
    if s.rollup_rows and "parent" not in attrs:
        attrs = (*attrs, "parent")  # key accounts: the link travels with the sheet
    first_product_col = 2 + len(attrs)  # 1-based
    first_count_col = first_product_col + s.n_cols
    n_total_cols = first_count_col + len(COUNT_KEYS)  # + coverage

    border = _thin_border()
    center = Alignment(horizontal="center", vertical="center")
    st_title = rows.style(font=Font(bold=True, size=14))
    st_plain = rows.style()
    st_name = rows.style(border=border)
    st_name_group = rows.style(border=border, font=Font(bold=True))
    st_name_site = rows.style(border=border, alignment=Alignment(indent=1))
    st_attr = rows.style(border=border, alignment=Alignment(horizontal="left"))
    st_money = rows.style(border=border, number_format="#,##0")
    st_mark = {
        m: rows.style(
            fill=PatternFill("solid", fgColor=MARK_FILLS[m]),
            font=Font(bold=True),
            alignment=center,
            border=border,
        )
        for m in Mark
    }
    st_white_legend = rows.style(alignment=center, border=border)
    band_labels = [(b.name or label("no_group", lang), b.count) for b in s.bands()]
    product_widths, band_wraps = band_layout(band_labels)
    st_band = rows.style(
        fill=PatternFill("solid", fgColor=GROUP_FILL),
        font=Font(bold=True),
        alignment=Alignment(horizontal="center", vertical="center", wrap_text=band_wraps),
        border=border,
    )
    st_header = rows.style(
        fill=PatternFill("solid", fgColor=HEADER_FILL),
        font=Font(bold=True),
        alignment=Alignment(vertical="bottom", wrap_text=True),
        border=border,
    )
    st_product = rows.style(
        fill=PatternFill("solid", fgColor=HEADER_FILL),
        alignment=Alignment(horizontal="center", vertical="bottom", text_rotation=90),
        border=border,
    )
    st_count = rows.style(border=border, alignment=center)
    st_count_bold = rows.style(border=border, alignment=center, font=Font(bold=True))
    st_pct = rows.style(border=border, alignment=center, number_format="0")

    # Column widths (before any row is written: write-only sheets emit <cols> first).
    ws.column_dimensions["A"].width = 34
    for k, attr in enumerate(attrs):
        ws.column_dimensions[get_column_letter(2 + k)].width = (
            14 if attr in ("annual_revenue", "segment", "owner", "city", "tags") else 10
        )
    for j in range(s.n_cols):
        ws.column_dimensions[get_column_letter(first_product_col + j)].width = product_widths[j]
    for k in range(len(COUNT_KEYS) + 1):
        ws.column_dimensions[get_column_letter(first_count_col + k)].width = 5.5

    _page_setup(ws, s)
    if s.rollup_rows:
        # Excel's row outline: each key account's sites are one group that Excel and
        # LibreOffice can collapse; the key account's row (the summary) sits above them.
        ws.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=True)
        ws.sheet_format.outlineLevelRow = 1
    if s.n_rows and s.n_cols:
        ws.freeze_panes = f"{get_column_letter(first_product_col)}{FIRST_DATA_ROW}"
    ws.print_title_rows = f"{BAND_ROW}:{HEADER_ROW}"
    ws.print_title_cols = "A:A"
    ws.sheet_view.tabSelected = True  # printing the workbook prints the matrix (see the end)

    # Title, subtitle, legend.
    rows.append([(_user(s.title()), st_title)], height=20)
    rows.append([(_user(s.subtitle()), st_plain)])
    for mark, glyph, text in legend_entries(lang):
        if mark is None:
            rows.append([("", st_white_legend), (text, st_plain)])
        else:
            rows.append([(glyph, st_mark[mark]), (text, st_plain)])
    rows.append([])

    # Group band: one merged cell per run of same-group columns.
    band: list[CellSpec] = [(label("group", lang), st_band)]
    band += [("", st_band)] * len(attrs)
    for b in s.bands():
        band.append((_user(b.name or label("no_group", lang)), st_band))
        band.extend([("", st_band)] * (b.count - 1))
        if b.count > 1:
            start = first_product_col + b.start
            ws.merged_cells.add(
                f"{get_column_letter(start)}{BAND_ROW}:"
                f"{get_column_letter(start + b.count - 1)}{BAND_ROW}"
            )
    band.append((label("count_total", lang), st_band))
    band.extend([("", st_band)] * len(COUNT_KEYS))
    ws.merged_cells.add(
        f"{get_column_letter(first_count_col)}{BAND_ROW}:"
        f"{get_column_letter(n_total_cols)}{BAND_ROW}"
    )
    rows.append(band, height=2 * BAND_LINE_HEIGHT + 3 if band_wraps else 18)

    # Header row: customer, attributes, product names (rotated), count columns.
    header: list[CellSpec] = [(label("customer", lang), st_header)]
    header += [(attribute_name(a, lang), st_header) for a in attrs]
    header += [(_user(p.name), st_product) for p in s.products]
    header += [(m.letter if m else label("white_short", lang), st_count_bold) for m in COUNT_KEYS]
    header.append((label("coverage", lang), st_product))
    rows.append(header, height=120)

    # One row per customer.
    cell_of: dict[int, CellSpec] = {int(m): (m.letter, st_mark[m]) for m in Mark}
    cell_of[WHITE] = None
    attr_cells = [(a, st_money if a == "annual_revenue" else st_attr) for a in attrs]
    n = s.n_cols
    grid = s.grid
    rollups = s.rollup_rows
    for i, customer in enumerate(s.customers):
        codes = grid[i * n : (i + 1) * n]
        level = s.level(i)
        style = st_name_group if i in rollups else st_name_site if level else st_name
        line: list[CellSpec] = [(_user(customer.name), style)]
        line += [
            (s.parent_label(customer) if a == "parent" else attribute_value(customer, a), st)
            for a, st in attr_cells
        ]
        line += [cell_of[c] for c in codes]
        if i in rollups:  # a key account counts its sites (its cells are their roll-up)
            rc = s.row_counts(i)
            line += [(rc.of(m), st_count) for m in COUNT_KEYS]
            line.append((round(rc.coverage), st_pct))
        else:
            counted = s.counted_row(i)  # a due "no need" re-check counts as a white spot
            line += [(counted.count(int(m) if m else WHITE), st_count) for m in COUNT_KEYS]
            line.append((round(coverage_percent(n, counted.count(WHITE))), st_pct))
        rows.append(line, outline=level)
        tracker.step()

    # Count rows per product (one per state) and the grand totals under the count columns.
    totals = s.totals()
    col_counts = [s.col_counts(j) for j in range(n)]
    for m in COUNT_KEYS:
        text = f"{m.letter} – {mark_name(m, lang)}" if m else label("white", lang)
        line = [(text, st_count_bold)]
        line += [("", st_count)] * len(attrs)
        line += [(c.of(m), st_count) for c in col_counts]
        line += [("", st_count)] * len(COUNT_KEYS)
        line[first_count_col - 1 + COUNT_KEYS.index(m)] = (totals.of(m), st_count_bold)
        line.append(("", st_count))
        rows.append(line)
    line = [(label("coverage", lang), st_count_bold)]
    line += [("", st_count)] * len(attrs)
    line += [(round(c.coverage), st_pct) for c in col_counts]
    line += [("", st_count)] * len(COUNT_KEYS)
    line.append((round(totals.coverage), st_pct))
    rows.append(line)
    # Printing the workbook prints this sheet (the selected one), exactly this table.
    last_row = FIRST_DATA_ROW - 1 + s.n_rows + len(COUNT_KEYS) + 1
    ws.print_area = f"A1:{get_column_letter(n_total_cols)}{last_row}"


# -- KPIs per product ------------------------------------------------------------------------------
def _kpi_sheet(wb: Workbook, s: MatrixSnapshot, raw: bool) -> None:
    lang = s.options.lang
    ws = wb.create_sheet(label("sheet_kpi", lang))
    rows = FastRows(ws, raw=raw)
    border = _thin_border()
    st_title = rows.style(font=Font(bold=True, size=14))
    st_plain = rows.style()
    st_head = rows.style(
        font=Font(bold=True),
        fill=PatternFill("solid", fgColor=HEADER_FILL),
        alignment=Alignment(wrap_text=True, vertical="bottom"),
        border=border,
    )
    st_text = rows.style(border=border)
    st_int = rows.style(border=border, number_format="0")
    st_pct = rows.style(border=border, number_format="0.0")
    st_bold = rows.style(border=border, font=Font(bold=True))
    widths = [22, 8, 28] + [12] * 5 + [13] * 7
    for k, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(k)].width = w
    _page_setup(ws, s)
    ws.freeze_panes = "D5"
    ws.print_title_rows = "4:4"

    rows.append([(_user(f"{label('kpi_title', lang)} – {s.file_name}"), st_title)], height=20)
    rows.append([(_user(s.subtitle()), st_plain)])
    rows.append([])
    names = [mark_name(m, lang) for m in Mark] + [label("white_short", lang)]
    head = [label("group", lang), "Nr." if lang == "de" else "No.", label("product", lang)]
    head += [f"{m.letter if m else '–'} {name}" for m, name in zip(COUNT_KEYS, names, strict=True)]
    head += [f"% {name}" for name in names]
    head += [label("coverage", lang), label("competitor_occupancy", lang)]
    rows.append([(h, st_head) for h in head], height=45)

    def kpi_line(first: Sequence[CellSpec], counts: MarkCounts) -> list[CellSpec]:
        total = counts.total or 1
        installed = counts.ours + counts.competitor
        line = list(first)
        line += [(counts.of(m), st_int) for m in COUNT_KEYS]
        line += [(round(100 * counts.of(m) / total, 1), st_pct) for m in COUNT_KEYS]
        line.append((round(counts.coverage, 1), st_pct))
        line.append((round(100 * counts.competitor / installed, 1) if installed else "", st_pct))
        return line

    for j, product in enumerate(s.products):
        first = [
            (_user(s.group_names[j] or label("no_group", lang)), st_text),
            (_user(product.number), st_text),
            (_user(product.name), st_text),
        ]
        rows.append(kpi_line(first, s.col_counts(j)))
    rows.append(kpi_line([(label("count_total", lang), st_bold), None, None], s.totals()))
    ws.print_area = f"A1:{get_column_letter(len(widths))}{4 + s.n_cols + 1}"


# -- long-format data sheet ------------------------------------------------------------------------
def _data_sheet(wb: Workbook, s: MatrixSnapshot, tracker: _Progress, raw: bool) -> list[str]:
    """Write the data sheet and its continuations; returns their names in order."""
    opts = s.options
    columns = [c for c in DATA_COLUMNS if not (opts.customer_safe and c.key in SAFE_OMITTED)]
    keys = [c.key for c in columns]
    first, style = _open_data_sheet(wb, s, columns, 1, raw)

    def open_next(part: int) -> FastRows:
        rows, again = _open_data_sheet(wb, s, columns, part, raw)
        assert again == style  # style ids are the workbook's: the same on every sheet
        return rows

    def finish(rows: FastRows) -> None:
        rows.ws.print_area = f"A1:{get_column_letter(len(columns))}{rows.rows_written}"

    sheets = SheetChain(first, open_next, finish, MAX_SHEET_ROWS)
    write_data_rows(sheets, s, keys, style, tracker.step)
    return [data_sheet_name(s.options.lang, part) for part in range(1, sheets.sheets + 1)]


def _open_data_sheet(
    wb: Workbook, s: MatrixSnapshot, columns: list[DataColumn], part: int, raw: bool
) -> tuple[FastRows, dict[str, int]]:
    """Data sheet ``part`` (1, or a continuation "Daten (2)", ...) with its header row."""
    lang = s.options.lang
    ws = wb.create_sheet(data_sheet_name(lang, part))
    rows = FastRows(ws, raw=raw)
    st_head = rows.style(
        font=Font(bold=True), alignment=Alignment(wrap_text=True, vertical="bottom")
    )
    st_text = rows.style()
    st_num = rows.style(number_format="0.00")
    st_date = rows.style(number_format="yyyy-mm-dd")
    st_ts = rows.style(number_format="yyyy-mm-dd hh:mm:ss")
    for k, c in enumerate(columns, 1):
        dim = ws.column_dimensions[get_column_letter(k)]
        dim.width = DATA_WIDTHS.get(c.key, 14)
        if c.key.endswith("_uuid"):
            # For the importer (export → import keeps identities), not for reading or
            # printing: hidden in a column outline that Excel and LibreOffice can expand.
            dim.hidden = True
            dim.outline_level = 1
    ws.freeze_panes = "A2"
    _page_setup(ws, s)
    ws.print_title_rows = "1:1"
    rows.append([(c.header(lang), st_head) for c in columns], height=30)
    style = {c.key: st_text for c in columns}
    style.update(
        our_revenue=st_num,
        potential=st_num,
        contract_end=st_date,
        recheck_at=st_date,
        verified_at=st_ts,
    )
    return rows, style
