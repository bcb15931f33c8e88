"""Paints matrix cells: colour and glyph of each mark, white spots empty.

The delegate never calls ``data()``: it reads the grid code straight from the model and blits
a pre-rendered pixmap per (state, cell size). Selection is an overlay, so the mark stays
readable in a selected block. ``MatrixView`` uses the same pixmaps to paint a whole page in
one Python loop (Qt's per-cell delegate dispatch costs ~30 µs per cell in PySide6).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kpm_desktop.gui.matrix_model import MatrixModel
from kpm_desktop.gui.palette import MARK_CODES_ORDER, UiColors, paint_swatch, ui_colors

_SELECTED = QStyle.StateFlag.State_Selected.value  # int: flag arithmetic on enums is slow


class MarkDelegate(QStyledItemDelegate):
    """Cell painter for ``MatrixModel``."""

    def __init__(self, model: MatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._pixmaps: dict[tuple[int, int], list[QPixmap]] = {}
        self._dpr = 1.0
        self._colors: UiColors = ui_colors(parent.palette() if parent is not None else None)

    def pixmaps_for(self, width: int, height: int) -> list[QPixmap]:
        """One pre-rendered cell per grid code (index = code) for a cell size."""
        key = (width, height)
        pix = self._pixmaps.get(key)
        if pix is None:
            pix = [QPixmap() for _ in range(5)]
            for code in MARK_CODES_ORDER:
                p = QPixmap(round(width * self._dpr), round(height * self._dpr))
                p.setDevicePixelRatio(self._dpr)
                painter = QPainter(p)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                paint_swatch(painter, QRectF(0, 0, width, height), code, self._colors)
                painter.end()
                pix[code] = p
            if len(self._pixmaps) > 8:  # sizes change only when the user resizes sections
                self._pixmaps.clear()
            self._pixmaps[key] = pix
        return pix

    @property
    def device_pixel_ratio(self) -> float:
        return self._dpr

    def set_device_pixel_ratio(self, dpr: float) -> None:
        """Render cached cells for this screen ratio (2.0 on a 200 % display)."""
        if dpr != self._dpr:
            self._dpr = dpr
            self._pixmaps.clear()

    def set_colors(self, colors: UiColors) -> None:
        """The light or dark scheme's colours (white spots are its Base colour)."""
        if colors != self._colors:
            self._colors = colors
            self._pixmaps.clear()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Override of QStyledItemDelegate.paint."""
        rect: QRect = option.rect
        code = self._model.code_at(index.row(), index.column())
        self.set_device_pixel_ratio(painter.device().devicePixelRatioF())
        painter.drawPixmap(rect.topLeft(), self.pixmaps_for(rect.width(), rect.height())[code])
        if option.state.value & _SELECTED:
            painter.fillRect(rect, self._colors.selection_overlay)
        if self._model.conflict_at(index.row(), index.column()) is not None:
            self.paint_conflict_badge(painter, rect)

    def paint_conflict_badge(self, painter: QPainter, rect: QRect) -> None:
        """An open sync/merge conflict: a small round badge with "!" in the cell's top-left
        corner (the note marker uses another corner); ``CONFLICT_ROLE`` says what differs."""
        size = max(8, min(rect.width(), rect.height()) // 2)
        badge = QRectF(rect.left() + 1, rect.top() + 1, size, size)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._colors.base, 1))
        painter.setBrush(self._colors.error_text)
        painter.drawEllipse(badge)
        stroke = max(1.0, size / 7)
        cx = badge.center().x()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colors.base)
        painter.drawRect(QRectF(cx - stroke / 2, badge.top() + size * 0.2, stroke, size * 0.38))
        painter.drawRect(QRectF(cx - stroke / 2, badge.top() + size * 0.68, stroke, stroke))
        painter.restore()

    def paint_conflict_badges(
        self,
        painter: QPainter,
        cells: list[tuple[int, int]],
        first_r: int,
        first_c: int,
        x0: int,
        y0: int,
        w: int,
        h: int,
    ) -> None:
        """Badges of the visible conflicted cells (view row, view column) on a page."""
        for r, c in cells:
            self.paint_conflict_badge(
                painter, QRect(x0 + (c - first_c) * w, y0 + (r - first_r) * h, w - 1, h - 1)
            )

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Override of QStyledItemDelegate.sizeHint: cells are small squares."""
        return QSize(24, 22)

    def createEditor(self, parent, option, index):
        """Override: marks are set with keys and actions, not an in-place editor."""
        return None
