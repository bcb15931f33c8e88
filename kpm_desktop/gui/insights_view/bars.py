"""The penetration bars: table model, tooltip and the stacked-bar delegate."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kpm_desktop.domain.insights import Bar
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.gui.insights_view.common import (
    ALIGN,
    BAR_ROLE,
    DISPLAY,
    RIGHT,
    TOOLTIP,
    _int,
    _money,
    _pct,
)
from kpm_desktop.gui.palette import FILL, GLYPH, MARK_CODES_ORDER, draw_glyph, mark_name, ui_colors


# -- penetration bars --------------------------------------------------------------------------
class BarsModel(QAbstractTableModel):
    """Bars of one dimension: name, stacked bar, customers, white spots, coverage, amounts."""

    NAME, BAR, CUSTOMERS, WHITE_SPOTS, COVERAGE, REVENUE, POTENTIAL = range(7)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []

    def set_bars(self, bars: list[Bar]) -> None:
        self.beginResetModel()
        self.bars = bars
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Override of QAbstractItemModel.rowCount."""
        return 0 if parent.isValid() else len(self.bars)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Override of QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        """Override of QAbstractItemModel.headerData."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == TOOLTIP and section == self.BAR:
            return QCoreApplication.translate(
                "InsightsView", "Share of each mark among the cells of this row"
            )
        if role != DISPLAY:
            return None
        return (
            QCoreApplication.translate("InsightsView", "Name"),
            # Short: the bar column is the one that narrows (the header read "rkierungen (Ante").
            QCoreApplication.translate("InsightsView", "Shares"),
            QCoreApplication.translate("InsightsView", "Customers"),
            QCoreApplication.translate("InsightsView", "White spots"),
            QCoreApplication.translate("InsightsView", "Coverage"),
            QCoreApplication.translate("InsightsView", "Our revenue"),
            QCoreApplication.translate("InsightsView", "Potential"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY):
        """Override of QAbstractItemModel.data."""
        if not index.isValid():
            return None
        bar = self.bars[index.row()]
        col = index.column()
        if role == BAR_ROLE:
            return bar
        if role == DISPLAY:
            if col == self.NAME:
                return bar.label or QCoreApplication.translate("InsightsView", "(none)")
            if col == self.BAR:
                return None
            return (
                None,
                None,
                _int(bar.customers),
                _int(bar.white_spots),
                _pct(bar.coverage),
                _money(bar.revenue),
                _money(bar.potential),
            )[col]
        if role == ALIGN and col >= self.CUSTOMERS:
            return RIGHT
        if role == TOOLTIP:
            return bar_tooltip(bar)
        return None


def bar_tooltip(bar: Bar) -> str:
    label = bar.label or QCoreApplication.translate("InsightsView", "(none)")
    lines = [f"<b>{_esc(label)}</b>"]
    for code in MARK_CODES_ORDER:
        mark = None if code == WHITE else Mark(code)
        lines.append(
            QCoreApplication.translate("InsightsView", "%1: %2 (%3); customers with it: %4")
            .replace("%1", mark_name(code))
            .replace("%2", _int(bar.counts.of(mark)))
            .replace("%3", _pct(bar.share(mark)))
            .replace("%4", _int(bar.customers_with.of(mark)))
        )
    lines.append(
        QCoreApplication.translate(
            "InsightsView", "Click a segment to show these customers in the matrix."
        )
    )
    return "<br>".join(lines)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def percent_text(share: float) -> str:
    """A whole percentage the UI's way: "60 %" (with the space German requires)."""
    return QLocale().toString(round(share)) + " %"


def bar_segments(bar: Bar, rect: QRectF) -> list[tuple[int, QRectF]]:
    """(grid code, rectangle) of each non-empty segment, in palette order."""
    total = bar.counts.total
    out: list[tuple[int, QRectF]] = []
    if not total:
        return out
    x = rect.left()
    for code in MARK_CODES_ORDER:
        k = bar.counts.of(None if code == WHITE else Mark(code))
        if not k:
            continue
        w = rect.width() * k / total
        out.append((code, QRectF(x, rect.top(), w, rect.height())))
        x += w
    return out


class StackedBarDelegate(QStyledItemDelegate):
    """Paints a Bar as stacked segments with QPainter; a click on a segment is reported.

    Segments wide enough carry the mark's glyph and percentage, so colour is never the only
    cue; the tooltip lists every number.
    """

    segment_clicked = Signal(object, int)  # Bar, grid code

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Override of QStyledItemDelegate.paint."""
        bar = index.data(BAR_ROLE)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        if not isinstance(bar, Bar):
            return
        rect = QRectF(option.rect).adjusted(3, 4, -3, -4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        colors = ui_colors(option.palette)
        for code, seg in bar_segments(bar, rect):
            painter.fillRect(seg, FILL[code] if code != WHITE else colors.base)
            share = bar.share(None if code == WHITE else Mark(code))
            if seg.width() >= 52:
                glyph = QRectF(seg.left() + 2, seg.top(), seg.height(), seg.height())
                draw_glyph(painter, glyph, code)
                painter.setPen(GLYPH[code] if code != WHITE else colors.text)
                painter.drawText(
                    seg.adjusted(seg.height() + 2, 0, -2, 0),
                    int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                    percent_text(share),
                )
            elif seg.width() >= 12:
                draw_glyph(painter, seg, code)
        painter.setPen(QPen(colors.bar_frame, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Override of QStyledItemDelegate.sizeHint."""
        return QSize(260, max(22, option.fontMetrics.height() + 10))

    def editorEvent(self, event: QEvent, model, option: QStyleOptionViewItem, index) -> bool:
        """Override of QAbstractItemDelegate.editorEvent: report clicks on segments."""
        if event.type() == QEvent.Type.MouseButtonRelease:
            bar = index.data(BAR_ROLE)
            if isinstance(bar, Bar):
                position = cast(QMouseEvent, event).position()  # a MouseButtonRelease event is one
                code = self.segment_at(bar, QRectF(option.rect), position)
                if code is not None:
                    self.segment_clicked.emit(bar, code)
                    return True
        return False

    @staticmethod
    def segment_at(bar: Bar, cell: QRectF, pos: QPointF) -> int | None:
        rect = cell.adjusted(3, 4, -3, -4)
        for code, seg in bar_segments(bar, rect):
            if seg.left() <= pos.x() <= seg.right():
                return code
        return None
