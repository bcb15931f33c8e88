"""The insights view: tabs of bars, competitors, renewals and next steps for the shown customers."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.insights import Bar, CellDetails, Insights, compute_insights, rows_in_bar
from kpm_desktop.domain.lookalike import LookAlike
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.gui.insights_view.bars import BarsModel, StackedBarDelegate
from kpm_desktop.gui.insights_view.common import (
    BACKGROUND_CELLS,
    BAR_ROLE,
    PATCH_LIMIT,
    _int,
    _money,
    _pct,
    dimension_names,
)
from kpm_desktop.gui.insights_view.competitors import CompetitorsTab
from kpm_desktop.gui.insights_view.next_steps import NextStepsTab
from kpm_desktop.gui.insights_view.renewals import RenewalsTab
from kpm_desktop.gui.palette import MARK_CODES_ORDER, mark_name, swatch_pixmap, ui_colors
from kpm_desktop.gui.workers import BackgroundTask
from kpm_desktop.storage import history
from kpm_desktop.workspace.customer_commands import customer_data
from kpm_desktop.workspace.workspace import Workspace


# -- the view ----------------------------------------------------------------------------------
class InsightsView(CompetitorsTab, RenewalsTab, NextStepsTab, QWidget):
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
        # Large files compute here; a newer refresh replaces a running one.
        self._task = BackgroundTask(self, name="kpm-insights")
        self._task.done.connect(lambda outcome: self._show_result(*outcome))

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
        args: dict[str, Any] = {
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

            token = self._token

            def run() -> tuple[int, object]:
                try:
                    return token, job()
                except Exception as exc:  # shown to the user instead of vanishing
                    return token, exc

            self.summary.setText(QCoreApplication.translate("InsightsView", "Computing…"))
            self._task.start(run, replace=True)
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = compute_insights(matrix, self.details(), names, **args)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_result(self._token, result)

    def _show_result(
        self, token: int, result: Insights | tuple[CellDetails, Insights] | Exception
    ) -> None:
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
        self.insights = result
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
