"""Paints matrix cells: colour and glyph of each mark, white spots empty.

The delegate never calls ``data()``: it reads the grid code straight from the model and blits
a pre-rendered pixmap per (state, cell size). Selection is an overlay, so the mark stays
readable in a selected block. ``MatrixView`` uses the same pixmaps to paint a whole page in
one Python loop (Qt's per-cell delegate dispatch costs ~30 µs per cell in PySide6).

A cell that carries a note gets a small triangle in its top-right corner, like a spreadsheet
comment (``note_marker``: one cached pixmap per cell size, blitted over the mark).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QWidget

from kpm_desktop.domain.entities import stored_id
from kpm_desktop.gui.matrix_model import MatrixModel
from kpm_desktop.gui.palette import MARK_CODES_ORDER, UiColors, paint_swatch, ui_colors

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem  # annotations only (start-up)


@cache
def _selected_flag() -> int:
    """``QStyle.StateFlag.State_Selected`` as an int (flag arithmetic on enums is slow), read
    at the first delegate paint: QStyle's enums cost ~10 ms and the first frame needs none."""
    from PySide6.QtWidgets import QStyle

    return QStyle.StateFlag.State_Selected.value


class MarkDelegate(QStyledItemDelegate):
    """Cell painter for ``MatrixModel``."""

    def __init__(self, model: MatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._pixmaps: dict[tuple[int, int], list[QPixmap]] = {}
        self._markers: dict[tuple[int, int], QPixmap] = {}
        self._notes_pending = False
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

    def note_marker(self, width: int, height: int) -> QPixmap:
        """The corner marker of a cell with a note, as big as the cell (transparent but for
        a triangle in the top-right corner with an edge in the background colour)."""
        key = (width, height)
        pix = self._markers.get(key)
        if pix is None:
            pix = QPixmap(round(width * self._dpr), round(height * self._dpr))
            pix.setDevicePixelRatio(self._dpr)
            pix.fill(Qt.GlobalColor.transparent)
            size = max(5.0, min(width, height) * 0.45)
            triangle = QPolygonF(
                [QPointF(width - size, 0), QPointF(width, 0), QPointF(width, size)]
            )
            painter = QPainter(pix)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self._colors.base, 1.0))
            painter.setBrush(self._colors.text)
            painter.drawPolygon(triangle)
            painter.end()
            if len(self._markers) > 8:
                self._markers.clear()
            self._markers[key] = pix
        return pix

    def paint_note_markers(
        self,
        painter: QPainter,
        rows: range,
        cols: range,
        x0: int,
        y0: int,
        w: int,
        h: int,
    ) -> None:
        """Corner markers of the noted cells among the visible view ``rows`` x ``cols``
        (cells of ``w`` x ``h`` pixels from ``x0``/``y0``, the grid line included).

        The noted cells are read after the first frame (a timer), never while painting it;
        until then nothing is drawn.
        """
        model = self._model
        ws = model.workspace
        if ws is None:
            return
        if not ws.noted_loaded:
            if not self._notes_pending:
                self._notes_pending = True
                QTimer.singleShot(0, self._load_notes)
            return
        noted = ws.noted_cells()
        if not noted:
            return
        m = model.matrix
        customers, col_of = m.customers, m.col_of
        pix = None
        for vr in rows:
            r = model.matrix_row(vr)
            pids = noted.get(stored_id(customers[r]))
            if not pids or model.is_group(r):
                continue
            for pid in pids:
                c = col_of.get(pid)
                vc = -1 if c is None else model.view_col(c)
                if vc in cols:
                    if pix is None:
                        pix = self.note_marker(w - 1, h - 1)
                    painter.drawPixmap(x0 + (vc - cols.start) * w, y0 + (vr - rows.start) * h, pix)

    def _load_notes(self) -> None:
        self._notes_pending = False
        ws = self._model.workspace
        if ws is not None:
            ws.noted_cells()
            parent = self.parent()
            if isinstance(parent, QAbstractItemView) and parent.viewport() is not None:
                parent.viewport().update()

    @property
    def device_pixel_ratio(self) -> float:
        return self._dpr

    def set_device_pixel_ratio(self, dpr: float) -> None:
        """Render cached cells for this screen ratio (2.0 on a 200 % display)."""
        if dpr != self._dpr:
            self._dpr = dpr
            self._pixmaps.clear()
            self._markers.clear()

    def set_colors(self, colors: UiColors) -> None:
        """The light or dark scheme's colours (white spots are its Base colour)."""
        if colors != self._colors:
            self._colors = colors
            self._pixmaps.clear()
            self._markers.clear()

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
        ws = self._model.workspace
        if ws is not None and ws.noted_loaded and self._model.has_note(index.row(), index.column()):
            painter.drawPixmap(rect.topLeft(), self.note_marker(rect.width(), rect.height()))
        if option.state.value & _selected_flag():
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
