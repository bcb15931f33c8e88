"""The matrix sheet and the blank worksheet as PDF or on a printer.

The matrix is cut into pages down, then across: the customer column, the product-group band
and the product header repeat on every page, each page has the legend and "page n of N".
Per-row counts stand at the right of every page, per-product counts below the last customer.
The blank worksheet is the same grid with empty, larger cells to fill in by hand.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPagedPaintDevice, QPainter, QPdfWriter

from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import coverage_percent
from kpm_desktop.import_export.export_labels import (
    attribute_name,
    format_amount,
    label,
    mark_name,
)
from kpm_desktop.import_export.export_model import ExportCancelled, MatrixSnapshot, Progress
from kpm_desktop.import_export.messages import MessageError
from kpm_desktop.import_export.xlsx_export import COUNT_KEYS
from kpm_desktop.report.sheet_paint import (
    GROUP_COLOR,
    HEADER_COLOR,
    MUTED_COLOR,
    Sheet,
    apply_page_layout,
)

PDF_RESOLUTION = 300
MAX_WIDEN = 1.6  # product columns may grow to this factor when the page has room


@dataclass(frozen=True, slots=True)
class Geometry:
    """Sizes in points of one sheet kind."""

    row_h: float
    cell_w: float
    name_w: float = 150.0
    attr_w: float = 52.0
    count_w: float = 15.0
    title_h: float = 38.0
    band_h: float = 12.0
    header_h: float = 90.0
    footer_h: float = 30.0  # legend line + page line
    counts: bool = True


MATRIX = Geometry(row_h=11.0, cell_w=13.0)
BLANK = Geometry(row_h=18.0, cell_w=20.0, counts=False)


@dataclass(frozen=True, slots=True)
class PagePlan:
    """Which rows (customers, then count lines) and product columns each page shows."""

    row_chunks: tuple[range, ...]
    col_chunks: tuple[range, ...]
    cell_w: float  # product column width in points (widened when everything fits)

    @property
    def pages(self) -> int:
        return len(self.row_chunks) * len(self.col_chunks)

    def page(self, n: int) -> tuple[range, range]:
        """Rows and columns of page ``n`` (0-based): down first, then across."""
        c, r = divmod(n, len(self.row_chunks))
        return self.row_chunks[r], self.col_chunks[c]


def _chunks(total: int, size: int) -> tuple[range, ...]:
    size = max(size, 1)
    if total == 0:
        return (range(0),)
    return tuple(range(i, min(i + size, total)) for i in range(0, total, size))


def count_lines(geometry: Geometry) -> int:
    """Extra lines under the customers: one per state plus coverage."""
    return len(COUNT_KEYS) + 1 if geometry.counts else 0


def plan_pages(
    snapshot: MatrixSnapshot, width_pt: float, height_pt: float, geometry: Geometry
) -> PagePlan:
    """Split rows and columns to fit a paintable area of ``width_pt`` x ``height_pt``.

    Raises ``MessageError("paper_too_small")`` when not one row or column fits (too many
    customer columns for the paper): the CLI and the export window say it translated."""
    g = geometry
    fixed_w = g.name_w + g.attr_w * len(snapshot.options.visible_attributes)
    if g.counts:
        fixed_w += g.count_w * (len(COUNT_KEYS) + 1)
    per_page_cols = int((width_pt - fixed_w) // g.cell_w)
    fixed_h = g.title_h + g.band_h + g.header_h + g.footer_h
    per_page_rows = int((height_pt - fixed_h) // g.row_h)
    if per_page_cols < 1 or per_page_rows < 1:
        raise MessageError("paper_too_small")
    lines = snapshot.n_rows + count_lines(g)
    cell_w = g.cell_w
    if 0 < snapshot.n_cols <= per_page_cols:  # one page wide: use the paper's width
        cell_w = min(g.cell_w * MAX_WIDEN, (width_pt - fixed_w) / snapshot.n_cols)
    return PagePlan(_chunks(lines, per_page_rows), _chunks(snapshot.n_cols, per_page_cols), cell_w)


def paint_matrix(
    device: QPagedPaintDevice,
    snapshot: MatrixSnapshot,
    blank: bool = False,
    progress: Progress | None = None,
    *,
    layout: bool = True,
) -> int:
    """Paint the matrix sheet (or the blank worksheet) on ``device``; returns the page count.

    ``layout=False`` keeps the device's page layout (the print dialog already chose it).
    """
    opts = snapshot.options
    if layout:
        apply_page_layout(device, opts.paper, opts.orientation)
    g = BLANK if blank else MATRIX
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting (is the output file writable?)")
    try:
        sheet = Sheet(device, painter)
        plan = plan_pages(snapshot, sheet.width / sheet.scale, sheet.height / sheet.scale, g)
        if progress is not None and not progress(0, plan.pages):
            raise ExportCancelled
        for n in range(plan.pages):
            if n:
                device.newPage()
            rows, cols = plan.page(n)
            _paint_page(sheet, snapshot, g, plan.cell_w, rows, cols, n + 1, plan.pages, blank)
            if progress is not None and not progress(n + 1, plan.pages):
                raise ExportCancelled
        return plan.pages
    finally:
        painter.end()


class MatrixPages:
    """The matrix sheet page by page, for a preview that paints only the pages it shows
    (issue 20: painting all ~1,000 pages of M took ~16 s before the first one showed).

    The page plan comes from ``device`` (its page layout and resolution, e.g. the printer
    the preview is for); :meth:`paint` draws page ``n`` with any painter in that device's
    coordinates - on an image whose resolution is the device's, scaled down to screen size.
    """

    def __init__(
        self, device: QPagedPaintDevice, snapshot: MatrixSnapshot, blank: bool = False
    ) -> None:
        self.device = device
        self.snapshot = snapshot
        self.blank = blank
        self.geometry = BLANK if blank else MATRIX
        dpi = device.logicalDpiY()
        self.resolution = dpi
        rect = device.pageLayout().paintRectPixels(dpi)
        scale = dpi / 72.0
        self.plan = plan_pages(snapshot, rect.width() / scale, rect.height() / scale, self.geometry)

    @property
    def pages(self) -> int:
        return self.plan.pages

    def paint(self, painter: QPainter, n: int) -> None:
        """Page ``n`` (0-based) in device coordinates of the paintable area."""
        rows, cols = self.plan.page(n)
        sheet = Sheet(self.device, painter)
        _paint_page(
            sheet,
            self.snapshot,
            self.geometry,
            self.plan.cell_w,
            rows,
            cols,
            n + 1,
            self.plan.pages,
            self.blank,
        )


def _paint_page(
    sheet: Sheet,
    s: MatrixSnapshot,
    g: Geometry,
    cell_w: float,
    rows: range,
    cols: range,
    page: int,
    pages: int,
    blank: bool,
) -> None:
    pt = sheet.pt
    lang = s.options.lang
    attrs = s.options.visible_attributes
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    center = Qt.AlignmentFlag.AlignCenter

    # Title block.
    title = s.title() if not blank else f"{label('worksheet_title', lang)} – {s.file_name}"
    sheet.text(QRectF(0, 0, sheet.width, pt(20)), title, 13, bold=True)
    sub = s.subtitle() if not blank else f"{s.subtitle()} · {label('worksheet_hint', lang)}"
    sheet.text(QRectF(0, pt(20), sheet.width, pt(12)), sub, 7.5, color=MUTED_COLOR)

    y_band = pt(g.title_h)
    y_head = y_band + pt(g.band_h)
    y_rows = y_head + pt(g.header_h)
    x_attr = pt(g.name_w)
    x_cells = x_attr + pt(g.attr_w) * len(attrs)
    cw, rh = pt(cell_w), pt(g.row_h)
    x_counts = x_cells + cw * len(cols)

    # Band and header: customer, attributes, rotated product names, count columns.
    sheet.box(QRectF(0, y_band, x_cells, pt(g.band_h)), GROUP_COLOR)
    sheet.text(
        QRectF(pt(2), y_band, x_cells - pt(4), pt(g.band_h)), label("group", lang), 7, bold=True
    )
    for band in s.bands():
        start, stop = max(band.start, cols.start), min(band.start + band.count, cols.stop)
        if start >= stop:
            continue
        rect = QRectF(
            x_cells + (start - cols.start) * cw, y_band, (stop - start) * cw, pt(g.band_h)
        )
        sheet.box(rect, GROUP_COLOR)
        sheet.text(
            rect.adjusted(pt(1), 0, -pt(1), 0),
            band.name or label("no_group", lang),
            7,
            bold=True,
            align=center,
        )
    head = QRectF(0, y_head, pt(g.name_w), pt(g.header_h))
    sheet.box(head, HEADER_COLOR)
    sheet.text(
        head.adjusted(pt(2), 0, -pt(2), -pt(2)),
        label("customer", lang),
        8,
        bold=True,
        align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
    )
    for k, attr in enumerate(attrs):
        rect = QRectF(x_attr + k * pt(g.attr_w), y_head, pt(g.attr_w), pt(g.header_h))
        sheet.box(rect, HEADER_COLOR)
        sheet.text(
            rect.adjusted(pt(2), 0, -pt(2), -pt(2)),
            attribute_name(attr, lang),
            7,
            bold=True,
            align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
        )
    for k, j in enumerate(cols):
        rect = QRectF(x_cells + k * cw, y_head, cw, pt(g.header_h))
        sheet.box(rect, HEADER_COLOR)
        sheet.rotated_text(rect, s.products[j].name, 7)
    if g.counts:
        for k, m in enumerate((*COUNT_KEYS, "%")):
            rect = QRectF(x_counts + k * pt(g.count_w), y_head, pt(g.count_w), pt(g.header_h))
            sheet.box(rect, HEADER_COLOR)
            if isinstance(m, Mark):
                sheet.rotated_text(rect, f"{m.letter}  {mark_name(m, lang)}", 7)
            elif m is None:
                sheet.rotated_text(rect, label("white", lang), 7)
            else:
                sheet.rotated_text(rect, label("coverage", lang), 7)
        rect = QRectF(x_counts, y_band, pt(g.count_w) * (len(COUNT_KEYS) + 1), pt(g.band_h))
        sheet.box(rect, GROUP_COLOR)
        sheet.text(rect, label("count_total", lang), 7, bold=True, align=center)

    # Body: customers, then (on the last row page) the count lines.
    n = s.n_cols
    for k, line in enumerate(rows):
        y = y_rows + k * rh
        if line < s.n_rows:
            customer = s.customers[line]
            rect = QRectF(0, y, pt(g.name_w), rh)
            sheet.box(rect)
            group = line in s.rollup_rows  # a key account: its sites' roll-up, in bold
            indent = pt(8) if s.level(line) else 0  # a site, under its key account
            sheet.text(
                rect.adjusted(pt(2) + indent, 0, -pt(2), 0),
                customer.name,
                7,
                align=left,
                bold=group,
            )
            for a, attr in enumerate(attrs):
                rect = QRectF(x_attr + a * pt(g.attr_w), y, pt(g.attr_w), rh)
                sheet.box(rect)
                text = (
                    s.parent_label(customer)
                    if attr == "parent"
                    else _attr_text(customer, attr, lang)
                )
                sheet.text(rect.adjusted(pt(2), 0, -pt(2), 0), text, 6.5)
            codes = s.grid[line * n : (line + 1) * n]
            for c, j in enumerate(cols):
                code = codes[j]
                sheet.mark_cell(
                    QRectF(x_cells + c * cw, y, cw, rh),
                    None if blank or code == WHITE else Mark(code),
                )
            if g.counts:
                if group:
                    rc = s.row_counts(line)
                    counts = [rc.of(m) for m in COUNT_KEYS]
                    counts.append(round(rc.coverage))
                else:
                    counted = s.counted_row(line)  # a due "no need" re-check is a white spot
                    counts = [counted.count(int(m) if m else WHITE) for m in COUNT_KEYS]
                    counts.append(round(coverage_percent(n, counted.count(WHITE))))
                for c, value in enumerate(counts):
                    rect = QRectF(x_counts + c * pt(g.count_w), y, pt(g.count_w), rh)
                    sheet.box(rect)
                    sheet.text(rect, str(value), 6.5, align=center, elide=False)
        else:
            _count_line(sheet, s, g, cw, line - s.n_rows, y, cols, x_cells, x_counts)

    # Footer: legend and page numbers.
    footer_y = sheet.height - pt(g.footer_h)
    if not blank:
        sheet.legend(0, footer_y + pt(2), lang)
    else:
        sheet.text(
            QRectF(0, footer_y + pt(2), sheet.width, pt(11)), label("worksheet_hint", lang), 7
        )
    stamp = s.exported_at.astimezone().strftime("%Y-%m-%d")
    sheet.footer(page, pages, f"{s.file_name} · {stamp}", lang)


def _count_line(
    sheet: Sheet,
    s: MatrixSnapshot,
    g: Geometry,
    cw: float,
    index: int,
    y: float,
    cols: range,
    x_cells: float,
    x_counts: float,
) -> None:
    pt = sheet.pt
    lang = s.options.lang
    rh = pt(g.row_h)
    center = Qt.AlignmentFlag.AlignCenter
    if index < len(COUNT_KEYS):
        m = COUNT_KEYS[index]
        title = f"{m.letter} – {mark_name(m, lang)}" if m else label("white", lang)
        values = [s.col_counts(j).of(m) for j in cols]
        total: int | str = s.totals().of(m)
    else:
        title = label("coverage", lang)
        values = [round(s.col_counts(j).coverage) for j in cols]
        total = round(s.totals().coverage)
    rect = QRectF(0, y, x_cells, rh)
    sheet.box(rect, HEADER_COLOR)
    sheet.text(rect.adjusted(pt(2), 0, -pt(2), 0), title, 7, bold=True)
    for c, value in enumerate(values):
        rect = QRectF(x_cells + c * cw, y, cw, rh)
        sheet.box(rect, HEADER_COLOR)
        sheet.text(rect, str(value), 6, align=center, elide=False)
    slot = index if index < len(COUNT_KEYS) else len(COUNT_KEYS)
    rect = QRectF(x_counts + slot * pt(g.count_w), y, pt(g.count_w), rh)
    sheet.box(rect, HEADER_COLOR)
    sheet.text(rect, str(total), 6, bold=True, align=center, elide=False)


def _attr_text(customer, attr: str, lang: str) -> str:
    value = getattr(customer, attr)
    if attr == "tags":
        return ", ".join(value)
    if attr == "annual_revenue":
        return "" if value is None else format_amount(value, lang)
    return str(value)


def write_matrix_pdf(
    snapshot: MatrixSnapshot,
    path: Path | str,
    *,
    blank: bool = False,
    progress: Progress | None = None,
) -> int:
    """Write the matrix sheet (or blank worksheet) as PDF; returns the page count.

    The file appears only when complete (written as ``.partial``, then renamed).

    Raises:
        ExportCancelled: ``progress`` returned False (nothing written).
        FileNotFoundError: the target folder does not exist.
        MessageError: the sheet does not fit on the paper (``paper_too_small``).
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(f"folder {path.parent} does not exist")
    partial = path.with_name(path.name + ".partial")
    try:
        pages = _paint_pdf(partial, snapshot.title(), paint_matrix, snapshot, blank, progress)
        os.replace(partial, path)
    finally:
        if partial.exists():
            partial.unlink()
    return pages


def _paint_pdf(partial: Path, title: str, paint, *args) -> int:
    """Paint into a new PDF file; the writer is gone (file closed) when this returns.

    The file is created with ``open`` first: a folder that cannot take it raises a real
    ``OSError`` (errno and file name, translated for the user) instead of QPainter's bare
    refusal to begin (and Qt's own "QPainter::begin(): Returned false" line on stderr).
    """
    with open(partial, "wb"):
        pass
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator("KPM Desktop")
    writer.setTitle(title)
    try:
        return paint(writer, *args)
    finally:
        del writer  # flushes and closes the file before it is renamed or removed
