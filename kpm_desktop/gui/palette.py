"""Colours, glyphs and names of the five cell states.

The palette follows Okabe-Ito hues (safe for the common colour-vision deficiencies) and, more
importantly, a strict lightness ladder — ours darkest, then competitor, need, no need, white —
so the states stay apart in a greyscale print (grey values ~65 / 105 / 185 / 227 / 255). Colour never carries the meaning alone: every
mark also gets its own glyph (cross, triangle, plus, dash), drawn as vector shapes so no font
is needed, and a name for tooltips and screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from kpm_desktop.domain.marks import WHITE, Mark

# Fill and glyph colour per grid code (0 = white spot).
FILL: dict[int, QColor] = {
    WHITE: QColor("#ffffff"),
    int(Mark.OURS): QColor("#0b4f8a"),  # deep blue, greyscale ~70
    int(Mark.COMPETITOR): QColor("#c44f00"),  # dark vermillion (the method's "red"), ~105
    int(Mark.NEED): QColor("#86d6a8"),  # light bluish green (the method's "green"), ~185
    int(Mark.NO_NEED): QColor("#e3e3e3"),  # light grey (the method's "gray"), ~227
}
GLYPH: dict[int, QColor] = {
    WHITE: QColor("#000000"),
    int(Mark.OURS): QColor("#ffffff"),
    int(Mark.COMPETITOR): QColor("#ffffff"),
    int(Mark.NEED): QColor("#0c3b22"),
    int(Mark.NO_NEED): QColor("#3c3c3c"),
}
SELECTION_OVERLAY = QColor(48, 140, 255, 90)
SELECTION_BORDER = QColor("#1565c0")
GROUP_BAND = (QColor("#eef2f7"), QColor("#dde5ef"))  # alternating product-group bands

MARK_CODES_ORDER = (int(Mark.OURS), int(Mark.COMPETITOR), int(Mark.NEED), int(Mark.NO_NEED), WHITE)


def mark_name(code: int) -> str:
    """Translated name of a grid code ("Ours", "Competitor", ..., "White spot")."""
    return {
        WHITE: QCoreApplication.translate("palette", "White spot"),
        int(Mark.OURS): QCoreApplication.translate("palette", "Ours"),
        int(Mark.COMPETITOR): QCoreApplication.translate("palette", "Competitor"),
        int(Mark.NEED): QCoreApplication.translate("palette", "Need"),
        int(Mark.NO_NEED): QCoreApplication.translate("palette", "No need"),
    }[code]


def mark_description(code: int) -> str:
    """One-line explanation for tooltips and the legend."""
    return {
        WHITE: QCoreApplication.translate("palette", "Nobody knows yet: ask on the next visit"),
        int(Mark.OURS): QCoreApplication.translate("palette", "The customer buys this from us"),
        int(Mark.COMPETITOR): QCoreApplication.translate(
            "palette", "The customer buys this from a competitor"
        ),
        int(Mark.NEED): QCoreApplication.translate(
            "palette", "The customer needs this (opportunity)"
        ),
        int(Mark.NO_NEED): QCoreApplication.translate("palette", "The customer has no need"),
    }[code]


LETTER: dict[int, str] = {WHITE: "", **{int(m): m.letter for m in Mark}}


def draw_glyph(painter: QPainter, rect: QRectF, code: int) -> None:
    """Draw the glyph of ``code`` centred in ``rect`` (nothing for a white spot)."""
    if code == WHITE:
        return
    side = min(rect.width(), rect.height())
    s = side * 0.30  # half extent of the glyph
    c = rect.center()
    color = GLYPH[code]
    pen = QPen(color, max(1.5, side * 0.12))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if code == Mark.OURS:
        painter.drawLine(QPointF(c.x() - s, c.y() - s), QPointF(c.x() + s, c.y() + s))
        painter.drawLine(QPointF(c.x() - s, c.y() + s), QPointF(c.x() + s, c.y() - s))
    elif code == Mark.COMPETITOR:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        path = QPainterPath()
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(c.x(), c.y() - s * 1.1),
                    QPointF(c.x() + s * 1.1, c.y() + s * 0.9),
                    QPointF(c.x() - s * 1.1, c.y() + s * 0.9),
                ]
            )
        )
        painter.drawPath(path)
    elif code == Mark.NEED:
        painter.drawLine(QPointF(c.x() - s, c.y()), QPointF(c.x() + s, c.y()))
        painter.drawLine(QPointF(c.x(), c.y() - s), QPointF(c.x(), c.y() + s))
    elif code == Mark.NO_NEED:
        painter.drawLine(QPointF(c.x() - s, c.y()), QPointF(c.x() + s, c.y()))


def paint_swatch(painter: QPainter, rect: QRectF, code: int) -> None:
    """A filled cell with its glyph (also used for legend and toolbar icons)."""
    painter.fillRect(rect, FILL[code])
    draw_glyph(painter, rect, code)


def swatch_pixmap(code: int, width: int, height: int, dpr: float = 1.0) -> QPixmap:
    pix = QPixmap(max(1, round(width * dpr)), max(1, round(height * dpr)))
    pix.setDevicePixelRatio(dpr)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_swatch(p, QRectF(0, 0, width, height), code)
    if code == WHITE:
        p.setPen(QPen(QColor("#9e9e9e"), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(0.5, 0.5, width - 1, height - 1))
    p.end()
    return pix


def mark_icon(code: int) -> QIcon:
    """Icon for menus and the toolbar palette: the same swatch the matrix shows."""
    icon = QIcon()
    for size in (16, 24, 32):
        icon.addPixmap(swatch_pixmap(code, size, size))
    return icon
