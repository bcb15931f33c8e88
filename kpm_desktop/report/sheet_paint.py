"""Drawing helpers shared by the printed sheets (matrix, blank worksheet, visit one-pager).

Painting works on any ``QPagedPaintDevice`` (``QPdfWriter`` for files, ``QPrinter`` for
printing and the print preview), in device units; ``Sheet.pt`` converts typographic points.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)

from kpm_desktop.domain.marks import Mark
from kpm_desktop.import_export.export_labels import label, legend_entries
from kpm_desktop.import_export.export_model import Orientation, Paper
from kpm_desktop.import_export.xlsx_export import GROUP_FILL, HEADER_FILL, MARK_FILLS

PAGE_SIZES = {Paper.A4: QPageSize.PageSizeId.A4, Paper.A3: QPageSize.PageSizeId.A3}
MARGIN_MM = 10.0
FONT_FAMILY = "DejaVu Sans"  # metric-stable and shipped by every Linux; Qt falls back elsewhere

MARK_COLORS = {m: QColor("#" + MARK_FILLS[m]) for m in Mark}
GROUP_COLOR = QColor("#" + GROUP_FILL)
HEADER_COLOR = QColor("#" + HEADER_FILL)
GRID_COLOR = QColor("#808080")
TEXT_COLOR = QColor("#000000")
MUTED_COLOR = QColor("#555555")


def apply_page_layout(device: QPagedPaintDevice, paper: Paper, orientation: Orientation) -> None:
    layout = QPageLayout(
        QPageSize(PAGE_SIZES[paper]),
        QPageLayout.Orientation.Landscape
        if orientation is Orientation.LANDSCAPE
        else QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    device.setPageLayout(layout)


class Sheet:
    """A painter on a paged device plus fonts and measurements in points."""

    def __init__(self, device: QPagedPaintDevice, painter: QPainter) -> None:
        self.device = device
        self.painter = painter
        self.scale = device.logicalDpiY() / 72.0
        rect = device.pageLayout().paintRectPixels(device.logicalDpiY())
        self.width = float(rect.width())
        self.height = float(rect.height())
        self._fonts: dict[tuple[float, bool], QFont] = {}

    def pt(self, points: float) -> float:
        return points * self.scale

    def font(self, size: float, bold: bool = False) -> QFont:
        key = (size, bold)
        font = self._fonts.get(key)
        if font is None:
            font = QFont(FONT_FAMILY)
            font.setPointSizeF(size)
            font.setBold(bold)
            self._fonts[key] = font
        return font

    def metrics(self, size: float, bold: bool = False) -> QFontMetricsF:
        return QFontMetricsF(self.font(size, bold), self.device)

    def text(
        self,
        rect: QRectF,
        text: str,
        size: float = 8,
        *,
        bold: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        color: QColor = TEXT_COLOR,
        elide: bool = True,
    ) -> None:
        p = self.painter
        p.setFont(self.font(size, bold))
        p.setPen(color)
        if elide:
            text = self.metrics(size, bold).elidedText(
                text, Qt.TextElideMode.ElideRight, max(rect.width(), 0.0)
            )
        p.drawText(rect, int(align), text)

    def wrapped(
        self, x: float, y: float, width: float, text: str, size: float = 8, bold: bool = False
    ) -> float:
        """Draw word-wrapped text from (x, y); returns the height used."""
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
            Qt.TextFlag.TextWordWrap
        )
        bound = self.metrics(size, bold).boundingRect(QRectF(x, y, width, 1e6), flags, text)
        self.painter.setFont(self.font(size, bold))
        self.painter.setPen(TEXT_COLOR)
        self.painter.drawText(QRectF(x, y, width, bound.height()), flags, text)
        return bound.height()

    def grid_pen(self, width_pt: float = 0.4) -> QPen:
        pen = QPen(GRID_COLOR)
        pen.setWidthF(self.pt(width_pt))
        return pen

    def box(self, rect: QRectF, fill: QColor | None = None, width_pt: float = 0.4) -> None:
        p = self.painter
        p.setPen(self.grid_pen(width_pt))
        if fill is None:
            p.setBrush(Qt.BrushStyle.NoBrush)
        else:
            p.setBrush(fill)
        p.drawRect(rect)

    def mark_cell(self, rect: QRectF, mark: Mark | None, size: float = 7) -> None:
        """A cell with fill *and* glyph (readable in black and white); white spot = empty."""
        self.box(rect, MARK_COLORS[mark] if mark is not None else None)
        if mark is not None:
            self.text(
                rect,
                mark.letter,
                size,
                bold=True,
                align=Qt.AlignmentFlag.AlignCenter,
                elide=False,
            )

    def rotated_text(self, rect: QRectF, text: str, size: float = 7) -> None:
        """Text reading bottom-to-top inside ``rect`` (product names over narrow columns)."""
        p = self.painter
        p.save()
        p.translate(QPointF(rect.left(), rect.bottom()))
        p.rotate(-90)
        inner = QRectF(self.pt(2), 0, rect.height() - self.pt(4), rect.width())
        self.text(inner, text, size)
        p.restore()

    def legend(self, x: float, y: float, lang: str, size: float = 7) -> float:
        """One line of swatches with glyph and meaning; returns its height."""
        h = self.pt(size + 4)
        self.text(QRectF(x, y, self.pt(60), h), f"{label('legend', lang)}:", size, bold=True)
        x += self.metrics(size, True).horizontalAdvance(f"{label('legend', lang)}:") + self.pt(6)
        for mark, _glyph, text in legend_entries(lang):
            self.mark_cell(QRectF(x, y + self.pt(1), h - self.pt(2), h - self.pt(2)), mark, size)
            x += h + self.pt(2)
            width = self.metrics(size).horizontalAdvance(text) + self.pt(2)
            self.text(QRectF(x, y, width, h), text, size, elide=False)
            x += width + self.pt(8)
        return h

    def footer(self, page: int, pages: int, left: str, lang: str) -> None:
        h = self.pt(10)
        y = self.height - h
        self.painter.setPen(self.grid_pen(0.3))
        self.painter.drawLine(QPointF(0, y), QPointF(self.width, y))
        self.text(QRectF(0, y, self.width * 0.6, h), left, 7, color=MUTED_COLOR)
        self.text(
            QRectF(self.width * 0.6, y, self.width * 0.4, h),
            f"{label('page', lang)} {page} {label('of', lang)} {pages}",
            7,
            align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            color=MUTED_COLOR,
        )
