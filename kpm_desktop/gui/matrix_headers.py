"""The matrix's headers: product columns, customer rows and the top-left legend.

* ``CustomerHeader`` (vertical): customer names, so they stay visible while scrolling
  sideways; each customer row also shows its white spots and coverage (summary column).
* ``ProductHeader`` (horizontal): three stacked bands: product group (one colour band per
  group), the product name rotated by 90 degrees, and five summary lines per product (counts
  of X / competitor / need / no need / white spots over the visible customers).
* ``CornerLegend``: the top-left corner explains those lines.

``MatrixView`` (matrix_view.py) puts them together; the sizes here are shared with it.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QHeaderView, QWidget

from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.gui.matrix_model import MatrixModel
from kpm_desktop.gui.palette import (
    FILL,
    LETTER,
    UiColors,
    mark_name,
    paint_swatch,
    ui_colors,
)

CELL_W = 24
CELL_H = 22
BAND_H = 20
NAME_H = 118
LINE_H = 13
SUMMARY_CODES = (int(Mark.OURS), int(Mark.COMPETITOR), int(Mark.NEED), int(Mark.NO_NEED), WHITE)
HEADER_H = BAND_H + NAME_H + LINE_H * len(SUMMARY_CODES) + 4
CUSTOMER_W = 290  # default width of the customer column (names + summary)
MIN_CUSTOMER_W = 160
MAX_CUSTOMER_W = 640
EDGE_GRIP = 5  # pixels at the right edge of the names that drag the column width
SUMMARY_W = 84  # right part of the customer header: white spots and coverage
_LEFT_VCENTER = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter  # resolved once
_RIGHT_VCENTER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ARROW_W = 18  # left part of a key account's header: the expand/collapse triangle


@runtime_checkable
class GroupToggle(Protocol):
    """The view under a ``CustomerHeader``: a click on a key account's triangle toggles it."""

    def toggle_group(self, view_row: int, expand: bool | None = None) -> bool: ...


def compact_number(n: int) -> str:
    """4-character counts for narrow columns: 950, 8.1k, 12k."""
    if n < 1000:
        return str(n)
    if n < 10_000:
        return f"{n / 1000:.1f}k".replace(".", QLocale().decimalPoint())  # 3,0k in German
    if n < 1_000_000:
        return f"{n // 1000}k"
    return f"{n // 1_000_000}M"


def small_font(base: QFont, delta: float = -1.5) -> QFont:
    """``base`` made ``delta`` points smaller (not below 6.5 pt)."""
    font = QFont(base)
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(max(6.5, size + delta))
    return font


class ProductHeader(QHeaderView):
    """Horizontal header: group band, rotated product name, per-product summary lines.

    Signals:
        product_clicked: (view column, global position) of a left click on a product (the
            filter bar offers sorting and filtering by it there).
    """

    product_clicked = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultSectionSize(CELL_W)
        self.setMinimumSectionSize(14)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setHighlightSections(True)
        # per view column: (run start, run no, run end)
        self._runs: list[tuple[int, int, int]] | None = None
        self._bodies: dict[tuple, QPixmap] = {}  # rendered name + summary part per section
        self._small = small_font(self.font())
        self.current_section = -1
        self.colors: UiColors = ui_colors(self.palette())

    def changeEvent(self, event: QEvent) -> None:
        """Override: a new palette (light/dark scheme switch) re-renders the cached bodies."""
        if event.type() == QEvent.Type.PaletteChange:
            self.colors = ui_colors(self.palette())
            self._bodies.clear()
            self.viewport().update()
        super().changeEvent(event)

    def setModel(self, model) -> None:
        """Override: invalidate the group runs whenever the columns change."""
        old = self.model()
        if isinstance(old, MatrixModel):
            for sig in (old.modelReset, old.layoutChanged, old.headerDataChanged):
                sig.disconnect(self._invalidate)
        super().setModel(model)
        if isinstance(model, MatrixModel):
            for sig in (model.modelReset, model.layoutChanged, model.headerDataChanged):
                sig.connect(self._invalidate)
        self._runs = None

    def _invalidate(self, *args) -> None:
        self._runs = None

    def _group_runs(self, model: MatrixModel) -> list[tuple[int, int, int]]:
        if self._runs is None:
            starts: list[tuple[int, int]] = []
            prev: object = object()
            start = -1
            run_no = -1
            for j in range(model.columnCount()):
                gid = model.group_id(j)
                if gid != prev:
                    start, prev, run_no = j, gid, run_no + 1
                starts.append((start, run_no))
            ends: dict[int, int] = {}
            for j, (start, _no) in enumerate(starts):
                ends[start] = j
            self._runs = [(start, no, ends[start]) for start, no in starts]
        return self._runs

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Override: a left click on a product asks for its menu (sort, filter)."""
        if event.button() == Qt.MouseButton.LeftButton:
            col = self.logicalIndexAt(event.position().toPoint())
            if col >= 0:
                self.product_clicked.emit(col, event.globalPosition().toPoint())
                event.accept()
                return
        super().mousePressEvent(event)

    def _run_width(self, start: int, end: int) -> int:
        return self.sectionPosition(end) + self.sectionSize(end) - self.sectionPosition(start)

    def band_label(self, logicalIndex: int) -> str:
        """The group name as the band shows it: elided in the middle to its run's width."""
        model = self.model()
        if not isinstance(model, MatrixModel) or not 0 <= logicalIndex < model.columnCount():
            return ""
        start, _no, end = self._group_runs(model)[logicalIndex]
        width = max(0, self._run_width(start, end) - 6)
        return QFontMetrics(self._small).elidedText(
            model.group_name(logicalIndex), Qt.TextElideMode.ElideMiddle, width
        )

    def sizeHint(self) -> QSize:
        """Override: fixed height for band + rotated names + summary lines.

        Not the base implementation: it asks the model for the header data of many sections
        to measure text, ~3 ms per call at 5,000 rows.
        """
        return QSize(CELL_W, HEADER_H)

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        """Override of QHeaderView.paintSection."""
        model = self.model()
        if not isinstance(model, MatrixModel) or not rect.isValid():
            return
        if logicalIndex >= model.columnCount():
            return
        painter.save()
        painter.setClipRect(rect)
        x, w = rect.x(), rect.width()
        runs = self._group_runs(model)
        start, run_no, end = runs[logicalIndex]
        band = QRect(x, rect.y(), w, BAND_H)
        colors = self.colors
        painter.fillRect(band, colors.group_band[run_no % 2])
        # The group label spans its run of columns (each section paints its own part of it);
        # a name longer than the run loses its middle ("Finanz…Dienste"), not its end.
        start_x = self.sectionViewportPosition(start)
        painter.setPen(colors.band_text)
        painter.setFont(self._small)
        label_rect = QRect(start_x + 3, rect.y(), self._run_width(start, end) - 6, BAND_H)
        painter.drawText(
            label_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.band_label(logicalIndex),
        )
        if start == logicalIndex and logicalIndex > 0:
            painter.setPen(QPen(colors.band_edge, 1))
            painter.drawLine(x, rect.y(), x, rect.bottom())
        # Name and summary lines come from a pixmap cache: rotated text is slow to draw, and
        # the same product looks the same until its counts or the current column change.
        name = model.headerData(logicalIndex, Qt.Orientation.Horizontal) or ""
        counts = model.col_counts(logicalIndex)
        values = (counts.ours, counts.competitor, counts.need, counts.no_need, counts.white)
        current = logicalIndex == self.current_section
        dpr = self.devicePixelRatioF()
        key = (name, values, current, w, dpr)
        body = self._bodies.get(key)
        if body is None:
            if len(self._bodies) > 4000:
                self._bodies.clear()
            body = self._render_body(name, values, current, w, dpr)
            self._bodies[key] = body
        painter.drawPixmap(x, rect.y() + BAND_H, body)
        painter.restore()

    def _render_body(
        self, name: str, values: tuple[int, ...], current: bool, w: int, dpr: float
    ) -> QPixmap:
        height = HEADER_H - BAND_H
        pix = QPixmap(max(1, round(w * dpr)), max(1, round(height * dpr)))
        pix.setDevicePixelRatio(dpr)
        colors = self.colors
        pix.fill(colors.base)
        painter = QPainter(pix)
        painter.fillRect(
            QRect(0, 0, w, NAME_H), colors.header_current if current else colors.header
        )
        painter.setPen(colors.text)
        painter.setFont(self.font())
        fm = QFontMetrics(self.font())
        text = fm.elidedText(name, Qt.TextElideMode.ElideRight, NAME_H - 8)
        painter.translate(w / 2 + fm.ascent() / 2 - 2, NAME_H - 4)
        painter.rotate(-90)
        painter.drawText(0, 0, text)
        painter.resetTransform()
        painter.setFont(self._small)
        small = QFontMetrics(self._small)
        total = sum(values) or 1
        for k, value in enumerate(values):
            line = QRect(0, NAME_H + k * LINE_H, w, LINE_H)
            painter.fillRect(line, colors.stripes[k % 2])
            text = compact_number(value)
            if small.horizontalAdvance(text) <= w - 2:
                painter.setPen(colors.text)
                painter.drawText(line, Qt.AlignmentFlag.AlignCenter, text)
            else:
                # Too narrow for digits (zoomed out): a bar of the share in the mark's colour;
                # the tooltip has the numbers.
                code = SUMMARY_CODES[k]
                bar = round((w - 2) * value / total)
                painter.fillRect(
                    QRect(1, line.y() + 2, bar, LINE_H - 4),
                    FILL[code] if code != WHITE else colors.white_outline,
                )
        painter.setPen(QPen(colors.grid, 1))
        painter.drawLine(w - 1, 0, w - 1, height)
        painter.drawLine(0, NAME_H, w - 1, NAME_H)
        painter.end()
        return pix


class CustomerHeader(QHeaderView):
    """Vertical header: customer name and, at the right, white spots and coverage.

    Signals:
        name_clicked: (view row, keyboard modifiers) of a left click on a customer's name.
    """

    name_clicked = Signal(int, object)
    width_dragged = Signal(int)  # the rep drags the right edge: the new width
    width_chosen = Signal(int)  # the drag ended at this width

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self._drag_from: tuple[int, int] | None = None  # (press x, width at press)
        self.setMouseTracking(True)
        self.setDefaultSectionSize(CELL_H)
        self.setMinimumSectionSize(14)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setHighlightSections(True)
        self._small = small_font(self.font(), -1.0)
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._fm = QFontMetrics(self.font())
        self._fm_bold = QFontMetrics(self._bold)
        self.current_section = -1
        self.colors: UiColors = ui_colors(self.palette())

    def changeEvent(self, event: QEvent) -> None:
        """Override: follow a light/dark palette switch."""
        if event.type() == QEvent.Type.PaletteChange:
            self.colors = ui_colors(self.palette())
            self.viewport().update()
        super().changeEvent(event)

    def _on_edge(self, x: float) -> bool:
        return self.width() - EDGE_GRIP <= x <= self.width()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Override: a click on a name selects that customer (the view decides how); the
        right edge drags the column wider or narrower; a click on a key account's triangle
        expands or collapses it."""
        x = event.position().x()
        if event.button() == Qt.MouseButton.LeftButton and self._on_edge(x):
            self._drag_from = (round(event.globalPosition().x()), self.width())
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            row = self.logicalIndexAt(event.position().toPoint())
            view = self.parent()
            if (
                row >= 0
                and event.position().x() < ARROW_W
                and isinstance(view, GroupToggle)
                and view.toggle_group(row)
            ):
                event.accept()
                return
            if row >= 0:
                self.name_clicked.emit(row, event.modifiers())
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Override: drag the right edge; the cursor shows where it can be grabbed."""
        if self._drag_from is not None:
            start_x, start_w = self._drag_from
            width = start_w + round(event.globalPosition().x()) - start_x
            self.width_dragged.emit(max(MIN_CUSTOMER_W, min(MAX_CUSTOMER_W, width)))
            event.accept()
            return
        if self._on_edge(event.position().x()):
            self.setCursor(Qt.CursorShape.SplitHCursor)
        else:
            self.unsetCursor()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Override: the end of an edge drag."""
        if self._drag_from is not None and event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = None
            self.width_chosen.emit(self.width())
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def sizeHint(self) -> QSize:
        """Override: a fixed width for names plus the summary (no text measuring)."""
        return QSize(CUSTOMER_W, CELL_H)

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        """Override of QHeaderView.paintSection."""
        model = self.model()
        if not isinstance(model, MatrixModel) or logicalIndex >= model.rowCount():
            return
        painter.save()
        painter.setClipRect(rect)
        current = logicalIndex == self.current_section
        colors = self.colors
        painter.fillRect(rect, colors.header_current if current else colors.header)
        name_rect = rect.adjusted(6, 0, -SUMMARY_W - 4, 0)
        font = self.font()
        name = model.headerData(logicalIndex, Qt.Orientation.Vertical) or ""
        r = model.matrix_row(logicalIndex)
        if model.is_group(r):
            font = self._bold
            # A disclosure triangle: right = collapsed, down = expanded (click toggles).
            tri = QRectF(rect.x() + 4, rect.center().y() - 4, 8, 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors.text)
            if model.is_collapsed(r):
                points = [tri.topLeft(), tri.bottomLeft(), QPointF(tri.right(), tri.center().y())]
            else:
                points = [tri.topLeft(), tri.topRight(), QPointF(tri.center().x(), tri.bottom())]
            painter.drawPolygon(QPolygonF(points))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            name_rect = rect.adjusted(ARROW_W, 0, -SUMMARY_W - 4, 0)
            # The number of sites stays readable: the name is cut before it, not it.
            suffix = " " + self.tr("(%n site(s))", "", len(model.site_rows(r)))
            fm = self._fm_bold
            room = max(0, name_rect.width() - fm.horizontalAdvance(suffix))
            name = fm.elidedText(name, Qt.TextElideMode.ElideRight, room) + suffix
        elif model.parent_row(r) >= 0:
            name_rect = rect.adjusted(ARROW_W + 8, 0, -SUMMARY_W - 4, 0)
        fm = self._fm_bold if font is self._bold else self._fm
        painter.setFont(font)
        painter.setPen(colors.text)
        painter.drawText(
            name_rect,
            _LEFT_VCENTER,
            fm.elidedText(name, Qt.TextElideMode.ElideRight, name_rect.width()),
        )
        counts = model.row_counts(logicalIndex)
        summary = QRect(rect.right() - SUMMARY_W, rect.y(), SUMMARY_W, rect.height())
        painter.fillRect(summary, colors.summary)
        painter.setFont(self._small)
        white_rect = QRect(summary.x() + 2, summary.y(), 34, summary.height())
        painter.drawText(
            white_rect,
            _RIGHT_VCENTER,
            str(counts.white),
        )
        # A tiny empty square: "white spots".
        sq = QRectF(white_rect.right() + 3, summary.center().y() - 3.5, 7, 7)
        painter.setPen(QPen(colors.white_outline, 1))
        painter.drawRect(sq)
        cov_rect = QRect(summary.x() + 46, summary.y(), SUMMARY_W - 50, summary.height())
        painter.setPen(colors.text)
        painter.drawText(
            cov_rect,
            _RIGHT_VCENTER,
            f"{counts.coverage:.0f} %",
        )
        painter.setPen(QPen(colors.grid, 1))
        painter.drawLine(rect.x(), rect.bottom(), rect.right(), rect.bottom())
        painter.restore()


class CornerLegend(QWidget):
    """Top-left corner: labels for the header bands and the summary lines.

    A click collapses the header block to its group band (and back): ``clicked``. Collapsed,
    the corner names the current product instead (its rotated name is hidden then).
    """

    clicked = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._small = small_font(self.font())
        self.setAutoFillBackground(False)
        self.compact = False
        self.current_product = ""
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Override: a click toggles the header block."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
            event.accept()
            return
        super().mousePressEvent(event)

    def update_tooltip(self) -> None:
        self.setToolTip(
            self.tr("Click to show product names and counts again (View › Compact Header)")
            if self.compact
            else self.tr("Click to collapse the header to one line (View › Compact Header)")
        )

    def paintEvent(self, event) -> None:
        """Override of QWidget.paintEvent."""
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = self.width()
        colors = ui_colors(self.palette())
        p.fillRect(self.rect(), colors.header)
        p.fillRect(QRect(0, 0, w, BAND_H), colors.group_band[0])
        p.setFont(self._small)
        p.setPen(colors.band_text)
        if self.compact:
            label = (
                self.tr("▸ Product: %1").replace("%1", self.current_product)
                if self.current_product
                else self.tr("▸ Products")
            )
        else:
            label = self.tr("▾ Product group")
        p.drawText(
            QRect(6, 0, w - 12, BAND_H),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(self._small).elidedText(label, Qt.TextElideMode.ElideRight, w - 12),
        )
        if self.compact:
            p.end()
            return
        # Legend of the marks in the name band.
        y = BAND_H + 6
        for code in SUMMARY_CODES:
            paint_swatch(p, QRectF(8, y, 16, 14), code, colors)
            if code == WHITE:
                p.setPen(QPen(colors.white_outline, 1))
                p.drawRect(QRectF(8.5, y + 0.5, 15, 13))
            p.setPen(colors.text)
            letter = LETTER[code]
            text = f"{mark_name(code)} ({letter})" if letter else mark_name(code)
            p.drawText(
                QRect(30, int(y) - 1, w - 36, 16),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            y += 19
        p.drawText(
            QRect(6, BAND_H + NAME_H - 18, w - 12, 16),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            self.tr("Per customer: white spots · coverage"),
        )
        y0 = BAND_H + NAME_H
        for k, code in enumerate(SUMMARY_CODES):
            line = QRect(0, y0 + k * LINE_H, w, LINE_H)
            p.fillRect(line, colors.stripes[k % 2])
            p.fillRect(
                QRect(w - 14, line.y() + 2, 10, LINE_H - 4),
                FILL[code] if code != WHITE else colors.white_outline,
            )
            p.setPen(colors.text)
            p.drawText(
                line.adjusted(6, 0, -18, 0),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.tr("Count: %1").replace("%1", mark_name(code)),
            )
        p.setPen(QPen(colors.grid, 1))
        p.drawLine(w - 1, 0, w - 1, self.height())
        p.end()
