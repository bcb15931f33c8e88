"""The visit one-pager: everything a rep takes to one customer, on one sheet of paper.

Customer data, the customer's matrix row grouped by product group, goals, the visit
preparation (white spots, stale entries, competitor renewals, needs without a goal, open
goals; see ``domain/visit_prep.py``), the latest notes and ruled lines for handwritten
answers. Customer-safe sheets leave out competitor names, revenues, potentials and notes.

Layout is measured first and painted second, so "page n of N" is right when the content
runs over one page.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPagedPaintDevice, QPainter

from kpm_desktop.domain.entities import stored_id
from kpm_desktop.import_export.export_labels import attribute_name, format_amount, label, mark_name
from kpm_desktop.import_export.export_model import ExportCancelled, Progress
from kpm_desktop.import_export.visit_data import VisitSnapshot
from kpm_desktop.report.pdf_matrix import _paint_pdf
from kpm_desktop.report.sheet_paint import (
    GROUP_COLOR,
    MUTED_COLOR,
    Sheet,
    apply_page_layout,
)

MIN_ANSWER_LINES = 5
ANSWER_LINE_PT = 18.0
CUSTOMER_FIELDS = ("number", "segment", "region", "city", "owner", "abc_class", "annual_revenue")


class _Flow:
    """A top-to-bottom cursor over pages; ``draw=False`` only measures."""

    def __init__(self, sheet: Sheet, device: QPagedPaintDevice, draw: bool) -> None:
        self.sheet = sheet
        self.device = device
        self.draw = draw
        self.y = 0.0
        self.page = 1
        self.bottom = sheet.height - sheet.pt(16)  # room for the footer
        self.on_new_page: Callable[[], None] | None = None

    def ensure(self, height: float) -> None:
        if self.y + height > self.bottom and self.y > 0:
            self.new_page()

    def new_page(self) -> None:
        if self.on_new_page is not None:
            self.on_new_page()
        if self.draw:
            self.device.newPage()
        self.page += 1
        self.y = 0.0

    def text_height(self, text: str, width: float, size: float, bold: bool = False) -> float:
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
            Qt.TextFlag.TextWordWrap
        )
        rect = self.sheet.metrics(size, bold).boundingRect(QRectF(0, 0, width, 1e6), flags, text)
        return rect.height()

    def paragraph(self, text: str, x: float = 0.0, size: float = 8.5, bold: bool = False) -> None:
        width = self.sheet.width - x
        h = self.text_height(text, width, size, bold)
        self.ensure(h)
        if self.draw:
            self.sheet.wrapped(x, self.y, width, text, size, bold)
        self.y += h

    def heading(self, text: str) -> None:
        pt = self.sheet.pt
        h = pt(16)
        self.ensure(h + pt(24))  # keep a heading with its first lines
        self.y += pt(4)
        if self.draw:
            rect = QRectF(0, self.y, self.sheet.width, pt(13))
            self.sheet.painter.fillRect(rect, GROUP_COLOR)
            self.sheet.text(rect.adjusted(pt(3), 0, 0, 0), text, 9.5, bold=True)
        self.y += h

    def gap(self, points: float) -> None:
        self.y += self.sheet.pt(points)

    def checkbox_item(self, text: str, size: float = 8.5) -> None:
        """A bullet with an empty box to tick by hand."""
        pt = self.sheet.pt
        x = pt(14)
        h = self.text_height(text, self.sheet.width - x, size)
        self.ensure(h)
        if self.draw:
            box = pt(7)
            self.sheet.box(QRectF(pt(3), self.y + pt(2), box, box), None, 0.6)
            self.sheet.wrapped(x, self.y, self.sheet.width - x, text, size)
        self.y += h + pt(1.5)

    def checkbox_grid(self, items: list[str], columns: int = 2, size: float = 8.5) -> None:
        """Short items with boxes, ``columns`` per line (elided to the column width)."""
        pt = self.sheet.pt
        col_w = self.sheet.width / columns
        h = self.sheet.metrics(size).height() + pt(1.5)
        for k in range(0, len(items), columns):
            self.ensure(h)
            if self.draw:
                for m, text in enumerate(items[k : k + columns]):
                    x = m * col_w
                    box = pt(7)
                    self.sheet.box(QRectF(x + pt(3), self.y + pt(2), box, box), None, 0.6)
                    rect = QRectF(x + pt(14), self.y, col_w - pt(18), h)
                    self.sheet.text(
                        rect,
                        text,
                        size,
                        align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                    )
            self.y += h


def _layout(flow: _Flow, v: VisitSnapshot) -> None:
    s = flow.sheet
    pt = s.pt
    opts = v.options
    lang = opts.lang
    safe = opts.customer_safe
    c = v.customer

    # Title.
    if flow.draw:
        title = f"{label('visit_title', lang)} – {c.name}"
        size = 14.0  # smaller for long names (down to 10 pt) before anything is cut
        while size > 10 and s.metrics(size, True).horizontalAdvance(title) > s.width:
            size -= 0.5
        s.text(QRectF(0, 0, s.width, pt(20)), title, size, bold=True)
    flow.y = pt(20)
    sub = [f"{v.file_name}", f"{label('exported', lang)}: {v.today.isoformat()}"]
    if safe:
        sub.append(label("customer_safe", lang))
    if flow.draw:
        s.text(QRectF(0, flow.y, s.width, pt(12)), " · ".join(sub), 8, color=MUTED_COLOR)
    flow.y += pt(14)

    # Customer data: label/value pairs in two columns.
    flow.heading(label("visit_customer_data", lang))
    fields = [f for f in CUSTOMER_FIELDS if not (safe and f == "annual_revenue")]
    pairs: list[tuple[str, str]] = []
    for f in fields:
        value = getattr(c, f)
        if f == "annual_revenue":
            value = "" if value is None else f"{format_amount(value, lang)} €"
        if f == "city" and c.postcode:
            value = f"{c.postcode} {value}"
        pairs.append((attribute_name(f, lang), str(value or label("visit_none", lang))))
    if c.tags:
        pairs.append((attribute_name("tags", lang), ", ".join(c.tags)))
    col_w = s.width / 2
    line_h = pt(12)
    for k in range(0, len(pairs), 2):
        flow.ensure(line_h)
        if flow.draw:
            for m, (name, value) in enumerate(pairs[k : k + 2]):
                x = m * col_w
                s.text(QRectF(x, flow.y, pt(80), line_h), name, 8.5, bold=True)
                s.text(QRectF(x + pt(82), flow.y, col_w - pt(86), line_h), value, 8.5)
        flow.y += line_h

    # The customer's matrix row, grouped by product group: glyph cell + product name.
    flow.heading(label("visit_matrix_row", lang))
    per_line = 3
    chip_w = s.width / per_line
    chip_h = pt(13)
    groups: list[tuple[str, list[int]]] = []
    for j, name in enumerate(v.group_names):
        if groups and groups[-1][0] == name:
            groups[-1][1].append(j)
        else:
            groups.append((name, [j]))
    for name, cols in groups:
        flow.ensure(pt(12) + chip_h)
        if flow.draw:
            s.text(
                QRectF(0, flow.y, s.width, pt(12)), name or label("no_group", lang), 8.5, bold=True
            )
        flow.y += pt(12)
        for k in range(0, len(cols), per_line):
            flow.ensure(chip_h)
            if flow.draw:
                for m, j in enumerate(cols[k : k + per_line]):
                    product = v.products[j]
                    rec = v.cells.get(stored_id(product))
                    x = m * chip_w
                    s.mark_cell(
                        QRectF(x + pt(4), flow.y + pt(1), pt(11), pt(11)),
                        rec.mark if rec else None,
                        7,
                    )
                    text = product.name
                    competitor = v.competitor_name(rec)
                    if competitor:
                        text += f" ({competitor})"
                    s.text(QRectF(x + pt(18), flow.y, chip_w - pt(20), chip_h), text, 8)
            flow.y += chip_h
        flow.gap(2)

    # A key account: its sites, each with what is still unknown there.
    if v.sites:
        flow.heading(label("visit_sites", lang).format(n=len(v.sites)))
        for site in v.sites:
            where = f" – {site.customer.city}" if site.customer.city else ""
            count = label("visit_site_white", lang).format(n=len(site.white_spots))
            flow.paragraph(f"{site.customer.name}{where}: {count}", pt(4), 8.5, bold=True)
            if site.white_spots:
                flow.checkbox_item(", ".join(p.name for p in site.white_spots))
            flow.gap(2)

    # Goals.
    flow.heading(label("visit_goals", lang))
    if not v.goals:
        flow.paragraph(label("visit_none", lang), pt(4))
    for goal in v.goals:
        bits = [goal.title]
        if goal.due_date:
            bits.append(f"{label('due', lang)} {goal.due_date.isoformat()}")
        bits.append(label(f"status_{goal.status.value}", lang))
        text = " – ".join(bits)
        if goal.detail:
            text += f": {goal.detail}"
        flow.checkbox_item(text)

    # Visit preparation: questions to ask, each with a box to tick.
    prep = v.prep
    flow.heading(label("visit_prep", lang))
    if prep.white_spots:
        flow.paragraph(label("prep_white_spots", lang), pt(4), 8.5, bold=True)
        for group in prep.white_spots:
            names = ", ".join(p.name for p in group.products)
            flow.checkbox_item(f"{group.group_name or label('no_group', lang)}: {names}")
    if prep.stale_cells:
        flow.paragraph(label("prep_stale", lang), pt(4), 8.5, bold=True)
        flow.checkbox_grid(
            [
                f"{item.product.name}: {item.mark.letter} {mark_name(item.mark, lang)}"
                f" ({item.verified_at.date().isoformat() if item.verified_at else '–'})"
                for item in prep.stale_cells
            ]
        )
    if prep.renewals:
        flow.paragraph(label("prep_renewals", lang), pt(4), 8.5, bold=True)
        for r in prep.renewals:
            who = "" if safe or not r.competitor_name else f" – {r.competitor_name}"
            flow.checkbox_item(
                f"{r.product.name}{who}: {label('contract_end', lang)} {r.contract_end.isoformat()}"
            )
    if prep.needs_without_goal:
        flow.paragraph(label("prep_needs", lang), pt(4), 8.5, bold=True)
        flow.checkbox_grid([need.product.name for need in prep.needs_without_goal], 3)
    if prep.open_goals:  # listed in full under the goals above: one line to tick here
        flow.paragraph(label("prep_open_goals", lang), pt(4), 8.5, bold=True)
        flow.checkbox_item("; ".join(goal.title for goal in prep.open_goals))
    if not prep.open_items and not prep.open_goals:
        flow.paragraph(label("visit_none", lang), pt(4))

    # Latest notes (internal: not on customer-safe sheets).
    if not safe:
        flow.heading(label("visit_notes", lang))
        if not prep.last_notes:
            flow.paragraph(label("visit_none", lang), pt(4))
        for note in prep.last_notes:
            flow.paragraph(f"{note.note_date.isoformat()}: {note.text}", pt(4), 8.5)
            flow.gap(2)

    # Ruled lines for handwritten answers down to the bottom of the page.
    line = pt(ANSWER_LINE_PT)
    if flow.y + pt(20) + MIN_ANSWER_LINES * line > flow.bottom:
        flow.new_page()
    flow.heading(label("visit_answers", lang))
    while flow.y + line <= flow.bottom:
        flow.y += line
        if flow.draw:
            s.painter.setPen(s.grid_pen(0.4))
            s.painter.drawLine(QPointF(0, flow.y), QPointF(s.width, flow.y))


def measure_visit(sheet: Sheet, visit: VisitSnapshot) -> int:
    """How many pages the one-pager takes on this sheet (nothing is drawn)."""
    flow = _Flow(sheet, sheet.device, draw=False)
    _layout(flow, visit)
    return flow.page


def paint_visit_pages(
    sheet: Sheet, visit: VisitSnapshot, finish_page: Callable[[int], None]
) -> int:
    """Paint the one-pager from the top of the current page with an active painter.

    ``finish_page(n)`` is called at the end of each of its pages (n = 1, 2, …: the footer);
    the trip pack paints several one-pagers into one PDF this way. Returns the page count.
    """
    flow = _Flow(sheet, sheet.device, draw=True)
    flow.on_new_page = lambda: finish_page(flow.page)
    _layout(flow, visit)
    finish_page(flow.page)
    return flow.page


def paint_visit(
    device: QPagedPaintDevice,
    visit: VisitSnapshot,
    progress: Progress | None = None,
    *,
    layout: bool = True,
) -> int:
    """Paint the one-pager on ``device`` (PDF writer or printer); returns the page count."""
    opts = visit.options
    if layout:
        apply_page_layout(device, opts.paper, opts.orientation)
    if progress is not None and not progress(0, 1):
        raise ExportCancelled
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting (is the output file writable?)")
    try:
        sheet = Sheet(device, painter)
        pages = measure_visit(sheet, visit)
        footer = f"{visit.file_name} · {visit.customer.name}"
        paint_visit_pages(sheet, visit, lambda page: sheet.footer(page, pages, footer, opts.lang))
    finally:
        painter.end()
    if progress is not None:
        progress(1, 1)
    return pages


def write_visit_pdf(
    visit: VisitSnapshot, path: Path | str, progress: Progress | None = None
) -> int:
    """Write the visit one-pager as PDF (replaced only when complete); returns the page count."""
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(f"folder {path.parent} does not exist")
    partial = path.with_name(path.name + ".partial")
    title = f"{label('visit_title', visit.options.lang)} – {visit.customer.name}"
    try:
        pages = _paint_pdf(partial, title, paint_visit, visit, progress)
        os.replace(partial, path)
    finally:
        if partial.exists():
            partial.unlink()
    return pages
