"""The insights dock: penetration bars, competitor and renewal radar, where to go next.

It follows the matrix: the insights are computed for the customers the matrix currently
shows (``MatrixModel.visible_rows()``), again after every edit, filter change or structure
change (debounced, and only while the dock is visible). Clicking a bar segment, a competitor
or a customer filters the matrix through ``MatrixModel.set_visible`` or moves the current
cell there; "Back" restores the rows shown before.

All numbers come from ``domain.insights`` over the compact grid and ``CellDetails``; the
details are loaded once and patched cell by cell after edits.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.insights import (
    UNNAMED_COMPETITOR,
    Bar,
    CellDetails,
    Insights,
    NextStep,
    Reason,
    compute_insights,
    rows_in_bar,
)
from kpm_desktop.domain.lookalike import LookAlike
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.gui.palette import (
    FILL,
    GLYPH,
    MARK_CODES_ORDER,
    draw_glyph,
    mark_name,
    swatch_pixmap,
    ui_colors,
)
from kpm_desktop.storage import history
from kpm_desktop.workspace.customer_commands import customer_data
from kpm_desktop.workspace.workspace import Workspace

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
BAR_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT_FLAG = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
RIGHT = int(RIGHT_FLAG)
# Above this many edited cells a full reload of the details is cheaper than patching.
PATCH_LIMIT = 2_000
# From this many matrix cells on, insights are computed in a worker (about 0.1 s per 1M cells).
BACKGROUND_CELLS = 1_500_000


class _JobSignals(QObject):
    finished = Signal(int, object)  # token, Insights or the exception


class _Job(QRunnable):
    """Runs one computation off the UI thread and reports it through a main-thread QObject."""

    def __init__(self, token: int, fn, sink: _JobSignals) -> None:
        super().__init__()
        self.token, self.fn, self.sink = token, fn, sink

    def run(self) -> None:
        """Override of QRunnable.run."""
        try:
            result = self.fn()
        except Exception as exc:  # shown to the user instead of vanishing in the thread
            result = exc
        self.sink.finished.emit(self.token, result)


def _money(value: float) -> str:
    return QLocale().toString(float(value), "f", 0)


def _int(value: int) -> str:
    return QLocale().toString(int(value))


def _pct(value: float) -> str:
    return QLocale().toString(float(value), "f", 1) + " %"


def dimension_names() -> dict[str, str]:
    return {
        "product": QCoreApplication.translate("InsightsView", "Product"),
        "group": QCoreApplication.translate("InsightsView", "Product group"),
        "region": QCoreApplication.translate("InsightsView", "Region"),
        "segment": QCoreApplication.translate("InsightsView", "Segment"),
        "owner": QCoreApplication.translate("InsightsView", "Owner"),
    }


def reason_text(reason: Reason, product_names: list[str], segment: str) -> str:
    """A translated sentence for one "where to go next" reason."""
    names = [product_names[j] for j in reason.cols[:3]]
    listed = ", ".join(names) + (", …" if len(reason.cols) > 3 else "")
    value = (
        QCoreApplication.translate("InsightsView", " (open value %1)").replace(
            "%1", _money(reason.value)
        )
        if reason.value
        else ""
    )
    if reason.kind == "needs":
        return (
            QCoreApplication.translate("InsightsView", "%1 need(s)%2: %3")
            .replace("%1", _int(reason.count))
            .replace("%2", value)
            .replace("%3", listed)
        )
    if reason.kind == "renewals":
        return (
            QCoreApplication.translate(
                "InsightsView", "%1 competitor contract(s) ending, next on %2%3: %4"
            )
            .replace("%1", _int(reason.count))
            .replace("%2", QLocale().toString(reason.next_date, QLocale.FormatType.ShortFormat))
            .replace("%3", value)
            .replace("%4", listed)
        )
    buying, peers = reason.evidence[0]
    return (
        QCoreApplication.translate(
            "InsightsView",
            "%1 white spot(s) in products most customers of segment %2 buy from us%3: %4 (%5 of %6)",
        )
        .replace("%1", _int(reason.count))
        .replace("%2", segment or QCoreApplication.translate("InsightsView", "(none)"))
        .replace("%3", value)
        .replace("%4", listed)
        .replace("%5", _int(buying))
        .replace("%6", _int(peers))
    )


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
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        return (
            QCoreApplication.translate("InsightsView", "Name"),
            QCoreApplication.translate("InsightsView", "Marks (share)"),
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


def bar_segments(bar: Bar, rect: QRectF) -> list[tuple[int, QRectF]]:
    """(grid code, rectangle) of each non-empty segment, in palette order."""
    total = bar.counts.total
    out = []
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
            if seg.width() >= 44:
                glyph = QRectF(seg.left() + 2, seg.top(), seg.height(), seg.height())
                draw_glyph(painter, glyph, code)
                painter.setPen(GLYPH[code] if code != WHITE else colors.text)
                painter.drawText(
                    seg.adjusted(seg.height() + 2, 0, -2, 0),
                    int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                    f"{share:.0f}%",
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
                code = self.segment_at(bar, QRectF(option.rect), event.position())  # type: ignore[attr-defined]
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


# -- the view ----------------------------------------------------------------------------------
class InsightsView(QWidget):
    """Tabs of insights for the customers the matrix shows.

    Signals:
        rows_requested: (matrix rows, description) to show in the matrix.
        cell_requested: (matrix row, matrix column or -1) to make current.
    """

    rows_requested = Signal(list, str)
    cell_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insights_view")
        self.ws: Workspace | None = None
        self.rows: list[int] | None = None
        self.today: date | None = None  # None: the real today (tests fix it)
        self.insights: Insights | None = None
        self._details: CellDetails | None = None
        self._lookalike: LookAlike | None = None
        self.background_cells = BACKGROUND_CELLS
        self._token = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._sink = _JobSignals(self)
        self._sink.finished.connect(self._show_result)

        self.summary = QLabel(self)
        self.summary.setObjectName("insights_summary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(QCoreApplication.translate("InsightsView", "Insights sections"))

        # penetration
        pen = QWidget(self)
        pl = QVBoxLayout(pen)
        top = QHBoxLayout()
        top.addWidget(QLabel(QCoreApplication.translate("InsightsView", "Bars by:"), pen))
        self.dimension = QComboBox(pen)
        self.dimension.setObjectName("insights_dimension")
        self.dimension.setAccessibleName(QCoreApplication.translate("InsightsView", "Bars by"))
        for key, label in dimension_names().items():
            self.dimension.addItem(label, key)
        self.dimension.setCurrentIndex(1)
        self.dimension.currentIndexChanged.connect(self._show_bars)
        top.addWidget(self.dimension)
        top.addStretch(1)
        pl.addLayout(top)
        self.bars_model = BarsModel(self)
        self.bars_view = QTableView(pen)
        self.bars_view.setObjectName("insights_bars")
        self.bars_view.setAccessibleName(
            QCoreApplication.translate("InsightsView", "Penetration bars")
        )
        self.bars_view.setAccessibleDescription(
            QCoreApplication.translate(
                "InsightsView",
                "One stacked bar per row: the share of each mark. "
                "Double-click a bar to show these customers in the matrix.",
            )
        )
        self.bars_view.setModel(self.bars_model)
        self.bar_delegate = StackedBarDelegate(self.bars_view)
        self.bars_view.setItemDelegateForColumn(BarsModel.BAR, self.bar_delegate)
        self.bars_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.bars_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.bars_view.verticalHeader().hide()
        self.bars_view.verticalHeader().setDefaultSectionSize(26)
        header = self.bars_view.horizontalHeader()
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BarsModel.NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(BarsModel.BAR, QHeaderView.ResizeMode.Stretch)
        self.bars_view.setColumnWidth(BarsModel.NAME, 150)
        self.bars_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.bars_view.setWordWrap(False)
        self.bar_delegate.segment_clicked.connect(self._bar_segment_clicked)
        self.bars_view.doubleClicked.connect(self._bar_double_clicked)
        pl.addWidget(self.bars_view, 1)
        pl.addWidget(self._legend(pen))
        self.tabs.addTab(pen, QCoreApplication.translate("InsightsView", "Penetration"))

        # competitors
        self.competitor_tree = QTreeWidget(self)
        self.competitor_tree.setObjectName("insights_competitors")
        self.competitor_tree.setAccessibleName(
            QCoreApplication.translate("InsightsView", "Competitors and where they deliver")
        )
        self.competitor_tree.setHeaderLabels(
            [
                QCoreApplication.translate("InsightsView", "Competitor"),
                QCoreApplication.translate("InsightsView", "Cells"),
                QCoreApplication.translate("InsightsView", "Customers"),
                QCoreApplication.translate("InsightsView", "Products"),
                QCoreApplication.translate("InsightsView", "Potential"),
            ]
        )
        self.competitor_tree.itemActivated.connect(self._competitor_activated)
        self.competitor_tree.itemClicked.connect(self._competitor_activated)
        self.tabs.addTab(
            self.competitor_tree, QCoreApplication.translate("InsightsView", "Competitors")
        )

        # renewals
        ren = QWidget(self)
        rl = QVBoxLayout(ren)
        rtop = QHBoxLayout()
        rtop.addWidget(
            QLabel(QCoreApplication.translate("InsightsView", "Contract ends within"), ren)
        )
        self.months = QSpinBox(ren)
        self.months.setObjectName("insights_months")
        self.months.setRange(0, 60)
        self.months.setValue(6)
        self.months.setSuffix(QCoreApplication.translate("InsightsView", " months"))
        self.months.setAccessibleName(
            QCoreApplication.translate("InsightsView", "Contract ends within months")
        )
        self.months.valueChanged.connect(self.refresh)
        rtop.addWidget(self.months)
        rtop.addStretch(1)
        self.export_button = QPushButton(
            QCoreApplication.translate("InsightsView", "Export XLSX…"), ren
        )
        self.export_button.setObjectName("insights_export_renewals")
        self.export_button.clicked.connect(self._export_renewals_dialog)
        rtop.addWidget(self.export_button)
        rl.addLayout(rtop)
        self.renewal_table = QTableWidget(0, 6, ren)
        self.renewal_table.setObjectName("insights_renewals")
        self.renewal_table.setAccessibleName(
            QCoreApplication.translate("InsightsView", "Competitor contracts ending soon")
        )
        self.renewal_table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("InsightsView", "Contract end"),
                QCoreApplication.translate("InsightsView", "Days left"),
                QCoreApplication.translate("InsightsView", "Customer"),
                QCoreApplication.translate("InsightsView", "Product"),
                QCoreApplication.translate("InsightsView", "Competitor"),
                QCoreApplication.translate("InsightsView", "Potential"),
            ]
        )
        self.renewal_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.renewal_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.renewal_table.verticalHeader().hide()
        self.renewal_table.verticalHeader().setDefaultSectionSize(24)
        self.renewal_table.horizontalHeader().setStretchLastSection(True)
        self.renewal_table.cellActivated.connect(self._renewal_activated)
        self.renewal_table.cellClicked.connect(self._renewal_activated)
        rl.addWidget(self.renewal_table, 1)
        self.tabs.addTab(ren, QCoreApplication.translate("InsightsView", "Renewals"))

        # where to go next
        self.next_tree = QTreeWidget(self)
        self.next_tree.setObjectName("insights_next")
        self.next_tree.setAccessibleName(
            QCoreApplication.translate("InsightsView", "Customers to visit next")
        )
        self.next_tree.setHeaderLabels(
            [
                QCoreApplication.translate("InsightsView", "Customer"),
                QCoreApplication.translate("InsightsView", "Open value"),
            ]
        )
        self.next_tree.setWordWrap(True)
        self.next_tree.itemExpanded.connect(self._add_hints)
        self.next_tree.itemClicked.connect(self._next_clicked)
        self.tabs.addTab(
            self.next_tree, QCoreApplication.translate("InsightsView", "Where to go next")
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

    def _legend(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        dpr = self.devicePixelRatioF()
        for code in MARK_CODES_ORDER:
            sw = QLabel(box)
            sw.setPixmap(swatch_pixmap(code, 14, 14, dpr, ui_colors(self.palette())))
            lay.addWidget(sw)
            lay.addWidget(QLabel(mark_name(code), box))
            lay.addSpacing(8)
        lay.addStretch(1)
        return box

    # -- data ----------------------------------------------------------------------------------
    def set_workspace(self, ws: Workspace | None) -> None:
        self.ws = ws
        self._token += 1  # a computation still running belongs to the old file
        self._details = None
        self._lookalike = None
        self.insights = None
        self.rows = None

    def details(self) -> CellDetails:
        assert self.ws is not None
        if self._details is None:
            self._details = history.load_cell_details(self.ws.repo, self.ws.matrix)
        return self._details

    def cells_changed(self, cells: list[tuple[int, int]]) -> None:
        """Patch the loaded details for edited cells (reload when many changed)."""
        self._lookalike = None
        if self._details is None or self.ws is None:
            return
        if len(cells) > PATCH_LIMIT:
            self._details = None
            return
        ws = self.ws
        self._details.patch([(r, c, ws.cell_record(r, c)) for r, c in cells])

    def structure_changed(self) -> None:
        self._details = None
        self._lookalike = None

    def refresh(self) -> None:
        """Recompute everything for ``self.rows`` (None = all customers)."""
        ws = self.ws
        if ws is None:
            self.insights = None
            self.summary.setText(QCoreApplication.translate("InsightsView", "No file open"))
            self.bars_model.set_bars([])
            self.competitor_tree.clear()
            self.renewal_table.setRowCount(0)
            self.next_tree.clear()
            return
        names = {cid: c.name for cid, c in ws.competitors().items()}
        # due "no need" re-checks count as white spots, as everywhere
        matrix = customer_data(ws).effective_matrix()
        args = {
            "today": self.today or date.today(),
            "rows": None if self.rows is None else list(self.rows),
            "months": self.months.value(),
            "limit": 50,
        }
        self._token += 1
        if matrix.n_rows * matrix.n_cols >= self.background_cells:
            # Large file: compute on a copy in a worker so that editing stays fluid; a newer
            # refresh makes this result stale (token).
            m_copy = Matrix(
                matrix.customers,
                matrix.products,
                list(matrix.groups.values()),
                bytearray(matrix.grid),
            )
            d_copy = self._details.copy() if self._details is not None else None
            path = ws.path

            def job() -> tuple[CellDetails, Insights]:
                # The first time, the details load in the worker too (own read-only connection).
                d = (
                    d_copy
                    if d_copy is not None
                    else history.load_cell_details_in_worker(path, m_copy)
                )
                return d, compute_insights(m_copy, d, names, **args)

            self.summary.setText(QCoreApplication.translate("InsightsView", "Computing…"))
            self._pool.start(_Job(self._token, job, self._sink))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = compute_insights(matrix, self.details(), names, **args)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_result(self._token, result)

    def _show_result(self, token: int, result: object) -> None:
        """Show a computation's result unless a newer one was started since."""
        if token != self._token or self.ws is None:
            return
        if isinstance(result, Exception):
            self.summary.setText(
                QCoreApplication.translate("InsightsView", "Insights failed: %1").replace(
                    "%1", str(result)
                )
            )
            return
        if isinstance(result, tuple):  # from the worker: (details loaded there, insights)
            details, result = result
            if self._details is None:
                self._details = details
        self.insights = result  # type: ignore[assignment]
        ins = self.insights
        assert ins is not None
        t = ins.totals
        self.summary.setText(
            QCoreApplication.translate(
                "InsightsView",
                "%1 customers · coverage %2 · white spots %3 · our revenue %4 · open potential %5",
            )
            .replace("%1", _int(ins.rows))
            .replace("%2", _pct(t.coverage))
            .replace("%3", _int(t.white))
            .replace("%4", _money(ins.revenue))
            .replace("%5", _money(ins.potential))
        )
        self._show_bars()
        self._show_competitors()
        self._show_renewals()
        self._show_next()

    def _show_bars(self) -> None:
        if self.insights is None:
            return
        self.bars_model.set_bars(self.insights.bars[self.dimension.currentData()])

    def _show_competitors(self) -> None:
        assert self.insights is not None and self.ws is not None
        tree = self.competitor_tree
        tree.clear()
        for p in self.insights.competitors:
            name = (
                p.name
                if p.competitor_id != UNNAMED_COMPETITOR
                else QCoreApplication.translate("InsightsView", "(not named)")
            )
            item = QTreeWidgetItem(
                [
                    name,
                    _int(p.cells),
                    _int(len(p.customers)),
                    _int(len(p.products)),
                    _money(p.potential),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, list(p.customers))
            item.setToolTip(
                0,
                QCoreApplication.translate(
                    "InsightsView", "Click to show these customers in the matrix"
                ),
            )
            for k in range(1, 5):
                item.setTextAlignment(k, Qt.AlignmentFlag.AlignRight)
            for title, counts in (
                (QCoreApplication.translate("InsightsView", "By product group"), p.by_group),
                (QCoreApplication.translate("InsightsView", "By region"), p.by_region),
            ):
                none = QCoreApplication.translate("InsightsView", "(none)")
                parts = [f"{label or none}: {_int(k)}" for label, k in counts.items()]
                child = QTreeWidgetItem([f"{title}: " + ", ".join(parts)])
                child.setToolTip(0, child.text(0))
                item.addChild(child)
            tree.addTopLevelItem(item)
            for k in range(item.childCount()):
                item.child(k).setFirstColumnSpanned(True)
        tree.expandAll()
        tree.resizeColumnToContents(0)

    def _show_renewals(self) -> None:
        assert self.insights is not None and self.ws is not None
        m = self.ws.matrix
        today = self.today or date.today()
        table = self.renewal_table
        table.setRowCount(len(self.insights.renewals))
        for k, x in enumerate(self.insights.renewals):
            values = [
                QLocale().toString(x.contract_end, QLocale.FormatType.ShortFormat),
                _int(x.days_left(today)),
                m.customers[x.row].name,
                m.products[x.col].name,
                x.competitor or QCoreApplication.translate("InsightsView", "(not named)"),
                "" if x.potential is None else _money(x.potential),
            ]
            for j, text in enumerate(values):
                item = QTableWidgetItem(text)
                if j in (1, 5):
                    item.setTextAlignment(RIGHT_FLAG)
                item.setData(Qt.ItemDataRole.UserRole, (x.row, x.col))
                table.setItem(k, j, item)
        table.resizeColumnsToContents()
        self.export_button.setEnabled(bool(self.insights.renewals))

    def _show_next(self) -> None:
        assert self.insights is not None and self.ws is not None
        m = self.ws.matrix
        names = [p.name for p in m.products]
        tree = self.next_tree
        tree.clear()
        for rank, step in enumerate(self.insights.next_steps, start=1):
            c = m.customers[step.row]
            item = QTreeWidgetItem([f"{rank}. {c.name}", _money(step.value)])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            item.setData(0, Qt.ItemDataRole.UserRole, step.row)
            for reason in step.reasons:
                child = QTreeWidgetItem([reason_text(reason, names, c.segment)])
                child.setToolTip(0, child.text(0))
                item.addChild(child)
            tree.addTopLevelItem(item)
            for k in range(item.childCount()):
                item.child(k).setFirstColumnSpanned(True)
        if tree.topLevelItemCount():
            tree.topLevelItem(0).setExpanded(True)
        tree.setColumnWidth(0, 360)

    def hint_texts(self, step: NextStep) -> list[str]:
        """Look-alike evidence for a ranked customer ("7 of 9 similar customers ...")."""
        assert self.ws is not None
        if self._lookalike is None:
            self._lookalike = LookAlike(self.ws.matrix)
        m = self.ws.matrix
        return [
            QCoreApplication.translate(
                "InsightsView", "Look-alike: %1 of %2 similar customers buy %3 from us"
            )
            .replace("%1", _int(h.support))
            .replace("%2", _int(h.neighbours))
            .replace("%3", m.products[h.col].name)
            for h in self._lookalike.hints(step.row)[:5]
        ]

    def _add_hints(self, item: QTreeWidgetItem) -> None:
        if (
            item.parent() is not None
            or item.data(1, Qt.ItemDataRole.UserRole)
            or self.insights is None
        ):
            return
        item.setData(1, Qt.ItemDataRole.UserRole, True)  # hints added once
        row = item.data(0, Qt.ItemDataRole.UserRole)
        step = next((s for s in self.insights.next_steps if s.row == row), None)
        if step is None:
            return
        for text in self.hint_texts(step):
            child = QTreeWidgetItem([text])
            child.setToolTip(
                0,
                QCoreApplication.translate(
                    "InsightsView",
                    "Similar customers: same segment, most products with the same known mark",
                ),
            )
            item.addChild(child)
            child.setFirstColumnSpanned(True)

    # -- clicks --------------------------------------------------------------------------------
    def _bar_segment_clicked(self, bar: Bar, code: int) -> None:
        if self.ws is None:
            return
        mark = None if code == WHITE else Mark(code)
        rows = rows_in_bar(self.ws.matrix, bar.dimension, bar.key, mark, self.rows)
        self.rows_requested.emit(
            rows,
            QCoreApplication.translate("InsightsView", "%1 “%2”: customers with %3")
            .replace("%1", dimension_names()[bar.dimension])
            .replace("%2", bar.label or QCoreApplication.translate("InsightsView", "(none)"))
            .replace("%3", mark_name(code)),
        )

    def _bar_double_clicked(self, index: QModelIndex) -> None:
        bar = index.data(BAR_ROLE)
        if self.ws is None or not isinstance(bar, Bar) or bar.dimension in ("product", "group"):
            return
        rows = rows_in_bar(self.ws.matrix, bar.dimension, bar.key, "any", self.rows)
        self.rows_requested.emit(
            rows,
            QCoreApplication.translate("InsightsView", "%1 “%2”")
            .replace("%1", dimension_names()[bar.dimension])
            .replace("%2", bar.label or QCoreApplication.translate("InsightsView", "(none)")),
        )

    def _competitor_activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        rows = item.data(0, Qt.ItemDataRole.UserRole)
        if rows is None:
            return
        self.rows_requested.emit(
            list(rows),
            QCoreApplication.translate("InsightsView", "customers of competitor %1").replace(
                "%1", item.text(0)
            ),
        )

    def _renewal_activated(self, row: int, column: int) -> None:
        item = self.renewal_table.item(row, 0)
        if item is not None:
            r, c = item.data(Qt.ItemDataRole.UserRole)
            self.cell_requested.emit(r, c)

    def _next_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        top = item if item.parent() is None else item.parent()
        self.cell_requested.emit(top.data(0, Qt.ItemDataRole.UserRole), -1)

    # -- export --------------------------------------------------------------------------------
    def export_renewals(self, path: Path) -> Path:
        from kpm_desktop.gui.i18n import current_language
        from kpm_desktop.import_export.insights_xlsx import write_renewals_xlsx

        assert self.ws is not None and self.insights is not None
        return write_renewals_xlsx(
            path,
            self.ws.matrix,
            self.insights.renewals,
            today=self.today or date.today(),
            language=current_language(),
        )

    def _export_renewals_dialog(self) -> None:
        if self.ws is None or self.insights is None:
            return
        suggestion = self.ws.path.with_name(self.ws.path.stem + "-renewals.xlsx")
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("InsightsView", "Export renewal radar"),
            str(suggestion),
            QCoreApplication.translate("InsightsView", "Excel workbook (*.xlsx)"),
        )
        if path:
            try:
                self.export_renewals(Path(path))
            except OSError as exc:
                from PySide6.QtWidgets import QMessageBox

                from kpm_desktop.gui.feedback import os_error_message

                QMessageBox.warning(
                    self,
                    QCoreApplication.translate("InsightsView", "Export failed"),
                    os_error_message(exc),
                )


# -- the dock and its installation -------------------------------------------------------------
class InsightsDock(QDockWidget):
    """The insights view in a dock of the main window, wired to its model and workspace."""

    def __init__(self, window) -> None:
        super().__init__(QCoreApplication.translate("InsightsView", "Insights"), window)
        self.setObjectName("insights_dock")
        self.window_ = window
        self.view = InsightsView(self)
        self._back_rows: list[int] | bool | None = False  # False: no insights filter active
        self.banner = QWidget(self)
        bl = QHBoxLayout(self.banner)
        bl.setContentsMargins(4, 2, 4, 2)
        self.banner_label = QLabel(self.banner)
        self.banner_label.setObjectName("insights_filter_banner")
        self.banner_label.setWordWrap(True)
        self.back_button = QPushButton(
            QCoreApplication.translate("InsightsView", "Back"), self.banner
        )
        self.back_button.setObjectName("insights_back")
        self.back_button.setToolTip(
            QCoreApplication.translate("InsightsView", "Show the customers shown before this click")
        )
        self.back_button.clicked.connect(self.back)
        bl.addWidget(self.banner_label, 1)
        bl.addWidget(self.back_button)
        self.banner.hide()
        self.compare_button = QPushButton(
            QCoreApplication.translate("InsightsView", "Changes since a snapshot…"), self
        )
        self.compare_button.setObjectName("insights_compare")
        self.compare_button.clicked.connect(self.show_diff)
        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.banner)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.compare_button)
        self.setWidget(body)
        self.diff_dialog = None
        self._dirty = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_if_visible)
        self.view.rows_requested.connect(self.show_rows)
        self.view.cell_requested.connect(self.go_to_cell)
        self.visibilityChanged.connect(lambda visible: visible and self.schedule())

    @property
    def model(self):
        return self.window_.model

    def set_workspace(self, ws: Workspace | None) -> None:
        if ws is not None:
            ws.cells_changed.connect(self._cells_changed)
            ws.structure_changed.connect(self._structure_changed)
            ws.competitors_changed.connect(self.schedule)
        self._back_rows = False
        self.banner.hide()
        self.view.set_workspace(ws)
        self.compare_button.setEnabled(ws is not None)
        if self.diff_dialog is not None:
            self.diff_dialog.view.set_workspace(ws)
        self.schedule()

    def _cells_changed(self, cells: list) -> None:
        self.view.cells_changed(cells)
        self.schedule()

    def _structure_changed(self) -> None:
        self.view.structure_changed()
        self.schedule()

    def schedule(self) -> None:
        """Recompute soon (edits and filter changes come in bursts)."""
        self._dirty = True
        self._timer.start()

    def refresh_if_visible(self) -> None:
        if not self._dirty or not self.isVisible():
            return
        self._dirty = False
        self.view.rows = self.model.visible_rows()
        self.view.refresh()

    # -- filtering the matrix ----------------------------------------------------------------
    def show_rows(self, rows: list[int], description: str) -> None:
        """Show these customers in the matrix; Back returns to the rows shown before."""
        if self._back_rows is False:
            self._back_rows = self.model.visible_rows()
        self.model.set_visible(rows, self.model.visible_cols())
        self.banner_label.setText(
            QCoreApplication.translate("InsightsView", "Matrix shows %1 customers: %2")
            .replace("%1", _int(len(rows)))
            .replace("%2", description)
        )
        self.banner.show()

    def back(self) -> None:
        if self._back_rows is not False:
            self.model.set_visible(self._back_rows, self.model.visible_cols())  # type: ignore[arg-type]
        self._back_rows = False
        self.banner.hide()

    def go_to_cell(self, row: int, col: int) -> None:
        """Make a matrix cell current (col -1: keep the current column)."""
        model, view = self.model, self.window_.view
        vr = model.view_row(row)
        if vr < 0:
            self.window_.statusBar().showMessage(
                QCoreApplication.translate(
                    "InsightsView", "This customer is hidden by the current filter."
                ),
                5000,
            )
            return
        vc = model.view_col(col) if col >= 0 else max(0, view.currentIndex().column())
        if vc < 0:
            vc = 0
        index = model.index(vr, vc)
        view.setCurrentIndex(index)
        view.scrollTo(index)
        view.setFocus()

    # -- snapshots ---------------------------------------------------------------------------
    def show_diff(self) -> None:
        from kpm_desktop.gui.snapshot_diff import SnapshotDiffDialog

        if self.diff_dialog is None:
            self.diff_dialog = SnapshotDiffDialog(self.window_)
            self.diff_dialog.view.take.clicked.connect(self.take_snapshot_dialog)
            self.diff_dialog.view.cell_requested.connect(self.go_to_cell)
            self.diff_dialog.view.set_workspace(self.window_.workspace)
        self.diff_dialog.view.rows = self.model.visible_rows()
        self.diff_dialog.view.refresh()
        self.diff_dialog.show()
        if QGuiApplication.platformName() != "offscreen":  # offscreen warns on raise()
            self.diff_dialog.raise_()

    def take_snapshot(self, label: str):
        ws = self.window_.workspace
        if ws is None:
            return None
        from kpm_desktop.storage.errors import StorageError

        try:
            if self.diff_dialog is not None:
                snap = self.diff_dialog.view.take_snapshot(label)
            else:
                snap = history.create_snapshot(ws.repo, label, matrix=ws.matrix)
        except (StorageError, ValueError) as exc:
            self.window_.show_error(
                QCoreApplication.translate("InsightsView", "No snapshot was taken"), str(exc)
            )
            return None
        self.window_.statusBar().showMessage(
            QCoreApplication.translate("InsightsView", "Snapshot “%1” taken").replace(
                "%1", snap.label
            ),
            5000,
        )
        return snap

    def take_snapshot_dialog(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        if self.window_.workspace is None:
            return
        label, ok = QInputDialog.getText(
            self.window_,
            QCoreApplication.translate("InsightsView", "Take snapshot"),
            QCoreApplication.translate(
                "InsightsView", "Name of the snapshot (e.g. “Before the Q1 review”):"
            ),
            text=QLocale().toString(date.today(), QLocale.FormatType.ShortFormat),
        )
        if ok:
            self.take_snapshot(label)


def install(window) -> None:
    """Add the insights dock, its View toggle and the snapshot actions to the main window."""
    from kpm_desktop.gui.actions import MenuId

    dock = InsightsDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    toggle = dock.toggleViewAction()
    toggle.setText(QCoreApplication.translate("InsightsView", "Insi&ghts"))
    window.actions.add(
        "view.insights",
        toggle.text(),
        menu=MenuId.VIEW,
        section="panels",
        action=toggle,
        shortcut="Ctrl+Shift+I",
        tip=QCoreApplication.translate(
            "InsightsView", "Penetration, competitor and renewal radar, where to go next"
        ),
    )
    take = window.actions.add(
        "tools.take_snapshot",
        QCoreApplication.translate("InsightsView", "Take &Snapshot…"),
        dock.take_snapshot_dialog,
        menu=MenuId.TOOLS,
        section="insights",
        tip=QCoreApplication.translate(
            "InsightsView", "Put a name on the current state, to compare with later"
        ),
    )
    compare = window.actions.add(
        "tools.compare_snapshot",
        QCoreApplication.translate("InsightsView", "&Changes Since a Snapshot…"),
        dock.show_diff,
        menu=MenuId.TOOLS,
        section="insights",
    )
    window.workspace_changed.connect(dock.set_workspace)

    def follow_file(ws) -> None:  # a snapshot is written into the file
        take.setEnabled(ws is not None and not ws.read_only)
        compare.setEnabled(ws is not None)

    window.workspace_changed.connect(follow_file)
    follow_file(window.workspace)
    window.model.visible_changed.connect(dock.schedule)
    window.insights_dock = dock
    dock.set_workspace(window.workspace)
