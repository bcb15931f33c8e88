"""The trip pack: one PDF with everything for a day's visits.

1. the day plan: per visit its time, the customer, its address (street, postcode and city,
   as far as known) and phone number, and the top three questions of its ask-list;
2. per customer, in visit order: its visit one-pager (``report/visit_sheet.py``, reused as
   is), then a blank answer sheet listing its whole ask-list with boxes for X/W/B/K and
   "still true", and ruled lines for further answers.

Customer-safe mode applies to every page (no competitor names, amounts or notes). Pages are
measured first and painted second, so "page n of N" counts the whole pack.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPagedPaintDevice, QPainter

from kpm_desktop.domain.entities import Customer
from kpm_desktop.domain.trips import address_line, time_span
from kpm_desktop.import_export.export_labels import label
from kpm_desktop.import_export.export_model import ExportCancelled, Orientation, Progress
from kpm_desktop.import_export.trip_data import TripSnapshot, TripVisit
from kpm_desktop.import_export.trip_labels import question_text, trip_label
from kpm_desktop.report.pdf_matrix import _paint_pdf
from kpm_desktop.report.sheet_paint import MUTED_COLOR, Sheet, apply_page_layout
from kpm_desktop.report.visit_sheet import (
    ANSWER_LINE_PT,
    _Flow,
    measure_visit,
    paint_visit_pages,
)

TOP = 3
BOX_LETTERS = ("X", "W", "B", "K", "✓")


def _time_span(v: TripVisit) -> str:
    return time_span(v.scheduled.start, v.scheduled.end)


def _title(flow: _Flow, title: str, sub: str) -> None:
    s, pt = flow.sheet, flow.sheet.pt
    if flow.draw:
        size = 14.0
        while size > 10 and s.metrics(size, True).horizontalAdvance(title) > s.width:
            size -= 0.5
        s.text(QRectF(0, flow.y, s.width, pt(20)), title, size, bold=True)
    flow.y += pt(20)
    if flow.draw:
        s.text(QRectF(0, flow.y, s.width, pt(12)), sub, 8, color=MUTED_COLOR)
    flow.y += pt(14)


def _day_plan(flow: _Flow, snap: TripSnapshot) -> None:
    s, pt = flow.sheet, flow.sheet.pt
    trip, lang, safe = snap.trip, snap.options.lang, snap.options.customer_safe
    sub = [
        trip.day.isoformat(),
        f"{len(snap.visits)} {trip_label('visits', lang)}",
        trip_label("travel", lang, n=trip.travel_minutes),
        snap.file_name,
        f"{label('exported', lang)}: {snap.today.isoformat()}",
    ]
    if safe:
        sub.append(label("customer_safe", lang))
    _title(flow, f"{trip_label('trip', lang)}: {trip.name}", " · ".join(sub))
    if snap.missing:
        flow.paragraph(trip_label("missing", lang, n=snap.missing), 0, 8.5)
    flow.heading(trip_label("day_list", lang))
    time_w, place_w = pt(78), pt(165)
    name_x = time_w
    place_x = s.width - place_w
    q_x = name_x + pt(12)
    line = pt(13)
    if flow.draw:
        for x, key in ((0, "time"), (name_x, "customer"), (place_x, "address")):
            s.text(QRectF(x, flow.y, pt(120), line), trip_label(key, lang), 8, bold=True,
                   color=MUTED_COLOR)  # fmt: skip
    flow.y += line
    for v in snap.visits:
        c = v.scheduled.customer
        questions = [question_text(q, lang, customer_safe=safe) for q in v.questions[:TOP]]
        if not questions:
            questions = [trip_label("no_questions", lang)]
        q_heights = [flow.text_height(q, s.width - q_x - pt(12), 8) for q in questions]
        place = _address_lines(c, lang)
        head = max(line, pt(11) * len(place) + pt(2))
        flow.ensure(head + sum(q_heights) + pt(8))
        if flow.draw:
            s.painter.setPen(s.grid_pen(0.4))
            s.painter.drawLine(QPointF(0, flow.y), QPointF(s.width, flow.y))
            s.text(QRectF(0, flow.y + pt(2), time_w, line), _time_span(v), 9.5, bold=True)
            name = c.name + (f" ({c.number})" if c.number else "")
            s.text(QRectF(name_x, flow.y + pt(2), place_x - name_x - pt(6), line), name, 9.5,
                   bold=True)  # fmt: skip
            for k, text in enumerate(place):
                s.text(QRectF(place_x, flow.y + pt(2) + k * pt(11), place_w, pt(11)), text, 9)
        flow.y += head + pt(3)
        for text, h in zip(questions, q_heights, strict=True):
            if flow.draw:
                box = pt(6.5)
                s.box(QRectF(name_x, flow.y + pt(2), box, box), None, 0.6)
                s.wrapped(q_x, flow.y, s.width - q_x - pt(12), text, 8)
            flow.y += h + pt(1)
        more = len(v.questions) - TOP
        if more > 0:
            flow.paragraph(trip_label("more_questions", lang, n=more), q_x, 7.5)
        flow.gap(5)


def _address_lines(c: Customer, lang: str) -> list[str]:
    """The day plan's address column: street / postcode city / phone, as far as known."""
    place = " ".join(p for p in (c.postcode.strip(), c.city.strip()) if p)
    lines = [text for text in (c.street.strip(), place) if text]
    if c.phone.strip():
        lines.append(f"{trip_label('phone', lang)} {c.phone.strip()}")
    return lines or [label("visit_none", lang)]


def _answer_sheet(flow: _Flow, snap: TripSnapshot, v: TripVisit) -> None:
    s, pt = flow.sheet, flow.sheet.pt
    lang, safe = snap.options.lang, snap.options.customer_safe
    c = v.scheduled.customer
    sub = [snap.trip.name, f"{snap.trip.day.isoformat()} {_time_span(v)}"]
    if address_line(c):
        sub.append(address_line(c))
    if c.phone:
        sub.append(f"{trip_label('phone', lang)} {c.phone}")
    if c.number:
        sub.append(c.number)
    if safe:
        sub.append(label("customer_safe", lang))
    _title(flow, f"{trip_label('answer_sheet', lang)} – {c.name}", " · ".join(sub))
    flow.paragraph(trip_label("answer_hint", lang), 0, 8)
    flow.gap(3)
    flow.heading(trip_label("ask", lang))
    box = pt(11)
    boxes_w = len(BOX_LETTERS) * (box + pt(4))
    text_w = s.width - boxes_w - pt(8)
    if not v.questions:
        flow.paragraph(trip_label("no_questions", lang), pt(4), 8.5)
    for q in v.questions:
        text = question_text(q, lang, customer_safe=safe)
        h = max(flow.text_height(text, text_w, 8.5), box) + pt(5)
        flow.ensure(h)
        if flow.draw:
            s.wrapped(pt(2), flow.y + pt(1.5), text_w, text, 8.5)
            x = s.width - boxes_w
            for letter in BOX_LETTERS:
                rect = QRectF(x, flow.y + pt(1), box, box)
                s.box(rect, None, 0.6)
                s.text(rect, letter, 6.5, align=Qt.AlignmentFlag.AlignCenter, color=MUTED_COLOR,
                       elide=False)  # fmt: skip
                x += box + pt(4)
            s.painter.setPen(s.grid_pen(0.2))
            s.painter.drawLine(QPointF(0, flow.y + h), QPointF(s.width, flow.y + h))
        flow.y += h
    line = pt(ANSWER_LINE_PT)
    if flow.y + pt(20) + 4 * line > flow.bottom:
        flow.new_page()
    flow.heading(trip_label("answer_other", lang))
    while flow.y + 2 * line <= flow.bottom:
        flow.y += line
        if flow.draw:
            s.painter.setPen(s.grid_pen(0.4))
            s.painter.drawLine(QPointF(0, flow.y), QPointF(s.width, flow.y))
    flow.y += line
    if flow.draw:
        half = s.width / 2
        for x, key in ((0, "date"), (half + pt(10), "signature")):
            s.text(QRectF(x, flow.y - pt(12), pt(80), pt(12)), trip_label(key, lang), 8,
                   color=MUTED_COLOR)  # fmt: skip
            s.painter.setPen(s.grid_pen(0.4))
            s.painter.drawLine(QPointF(x + pt(60), flow.y), QPointF(x + half - pt(20), flow.y))


Section = tuple[str, Callable[[_Flow], None] | None, TripVisit | None]


def _sections(snap: TripSnapshot) -> list[Section]:
    """(footer text, layout or None for a one-pager, visit) in pack order."""
    lang = snap.options.lang
    out: list[Section] = [
        (f"{snap.trip.name} · {trip_label('day_list', lang)}", lambda f: _day_plan(f, snap), None)
    ]
    for v in snap.visits:
        name = v.scheduled.customer.name
        out.append((f"{snap.trip.name} · {name}", None, v))
        out.append(
            (
                f"{snap.trip.name} · {trip_label('answer_sheet', lang)} · {name}",
                partial(_answer_sheet, snap=snap, v=v),
                v,
            )
        )
    return out


def paint_trip_pack(
    device: QPagedPaintDevice,
    snap: TripSnapshot,
    progress: Progress | None = None,
    *,
    layout: bool = True,
) -> int:
    """Paint the whole pack on ``device`` (PDF writer or printer); returns the page count."""
    if layout:
        apply_page_layout(device, snap.options.paper, Orientation.PORTRAIT)
    sections = _sections(snap)
    total_steps = len(sections) + 1
    if progress is not None and not progress(0, total_steps):
        raise ExportCancelled
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting (is the output file writable?)")
    try:
        sheet = Sheet(device, painter)
        counts = []
        for _footer, lay, visit in sections:
            if lay is None:
                assert visit is not None
                counts.append(measure_visit(sheet, visit.sheet))
            else:
                flow = _Flow(sheet, device, draw=False)
                lay(flow)
                counts.append(flow.page)
        total = sum(counts)
        base = 0
        lang = snap.options.lang
        for k, ((footer, lay, visit), count) in enumerate(zip(sections, counts, strict=True)):
            if progress is not None and not progress(k + 1, total_steps):
                raise ExportCancelled
            if k:
                device.newPage()

            def finish(page: int, footer: str = footer, base: int = base) -> None:
                sheet.footer(base + page, total, footer, lang)

            if lay is None:
                assert visit is not None
                paint_visit_pages(sheet, visit.sheet, finish)
            else:
                flow = _Flow(sheet, device, draw=True)
                flow.on_new_page = lambda flow=flow, finish=finish: finish(flow.page)
                lay(flow)
                finish(flow.page)
            base += count
    finally:
        painter.end()
    if progress is not None:
        progress(total_steps, total_steps)
    return total


def write_trip_pack(snap: TripSnapshot, path: Path | str, progress: Progress | None = None) -> int:
    """Write the pack as PDF (replaced only when complete); returns the page count."""
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(f"folder {path.parent} does not exist")
    partial = path.with_name(path.name + ".partial")
    title = f"{trip_label('trip', snap.options.lang)}: {snap.trip.name}"
    try:
        pages = _paint_pdf(partial, title, paint_trip_pack, snap, progress)
        os.replace(partial, path)
    finally:
        if partial.exists():
            partial.unlink()
    return pages
