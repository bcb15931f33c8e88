"""The insights dock (filtering the matrix, snapshots) and its installation into the main window."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kpm_desktop.gui.insights_view.common import _int
from kpm_desktop.gui.insights_view.view import InsightsView
from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.storage import history
from kpm_desktop.workspace.workspace import Workspace

if TYPE_CHECKING:  # imported on first use: the dialog is rarely opened
    from kpm_desktop.gui.snapshot_diff import SnapshotDiffDialog


# -- the dock and its installation -------------------------------------------------------------
class InsightsDock(QDockWidget):
    """The insights view in a dock of the main window, wired to its model and workspace."""

    def __init__(self, window) -> None:
        super().__init__(QCoreApplication.translate("InsightsView", "Insights"), window)
        self.setObjectName("insights_dock")
        self.window_ = window
        # The view (charts, tables, the cell-detail load) is built when the dock is first
        # shown or asked for: the dock starts hidden, and building it cost start-up time.
        self._view: InsightsView | None = None
        self._ws: Workspace | None = None
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
        lay.addWidget(self.compare_button)
        self._body_layout = lay
        self.setWidget(body)
        self.diff_dialog: SnapshotDiffDialog | None = None
        self._dirty = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_if_visible)
        self.visibilityChanged.connect(lambda visible: self.schedule() if visible else None)

    @property
    def model(self):
        return self.window_.model

    @property
    def view(self) -> InsightsView:
        """The insights view, built on first use."""
        if self._view is None:
            view = self._view = InsightsView(self)
            self._body_layout.insertWidget(1, view, 1)
            view.rows_requested.connect(self.show_rows)
            view.cell_requested.connect(self.go_to_cell)
            view.set_workspace(self._ws)
        return self._view

    def set_workspace(self, ws: Workspace | None) -> None:
        self._ws = ws
        if ws is not None:
            ws.cells_changed.connect(self._cells_changed)
            ws.structure_changed.connect(self._structure_changed)
            ws.competitors_changed.connect(self.schedule)
        self._back_rows = False
        self.banner.hide()
        if self._view is not None:
            self._view.set_workspace(ws)
        self.compare_button.setEnabled(ws is not None)
        if self.diff_dialog is not None:
            self.diff_dialog.view.set_workspace(ws)
        self.schedule()

    def _cells_changed(self, cells: list) -> None:
        if self._view is not None:
            self._view.cells_changed(cells)
        self.schedule()

    def _structure_changed(self) -> None:
        if self._view is not None:
            self._view.structure_changed()
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
            self.model.set_visible(self._back_rows, self.model.visible_cols())
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
                QCoreApplication.translate("InsightsView", "No snapshot was taken"),
                storage_text(exc),
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
            text=QLocale().toString(date.today(), QLocale.FormatType.ShortFormat),  # type: ignore[call-overload]  # PySide6 converts date/datetime; its stubs list QDate/QDateTime only
        )
        if ok:
            self.take_snapshot(label)


def install(window) -> None:
    """Add the insights dock, its View toggle and the snapshot actions to the main window."""
    from kpm_desktop.gui.actions import MenuId

    dock = InsightsDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    # With the side panel open, the two docks share the right side as tabs, each with the
    # full height (stacked, on a 768-pixel laptop screen the insights' tables showed one
    # row and the side panel's key figures were cut).
    side = window.findChild(QDockWidget, "customerSidePanel")
    if side is not None:
        window.tabifyDockWidget(side, dock)
    dock.hide()
    toggle = dock.toggleViewAction()
    # Showing the insights brings their tab to the front.
    toggle.toggled.connect(lambda on: QTimer.singleShot(0, dock.raise_) if on else None)
    toggle.setText(QCoreApplication.translate("InsightsView", "Insi&ghts"))
    window.action_registry.add(
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
    take = window.action_registry.add(
        "tools.take_snapshot",
        QCoreApplication.translate("InsightsView", "Take &Snapshot…"),
        dock.take_snapshot_dialog,
        menu=MenuId.TOOLS,
        section="insights",
        tip=QCoreApplication.translate(
            "InsightsView", "Put a name on the current state, to compare with later"
        ),
    )
    compare = window.action_registry.add(
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
