"""The Visits menu: plan trips, list/edit/delete them, print the pack, export the calendar,
debrief (extension module, listed in ``gui.extensions``).

The trips list is a non-modal window, so Edit › Undo (Ctrl+Z) in the main window undoes a
deleted or edited trip while it stays open; it follows every change of the file's trips.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.entities import stored_id
from kpm_desktop.domain.trips import Trip, schedule
from kpm_desktop.gui.actions import MenuId
from kpm_desktop.gui.feedback import undo_key
from kpm_desktop.gui.side_panel.common import fmt_date
from kpm_desktop.storage import trips as trip_store
from kpm_desktop.storage.errors import StorageError
from kpm_desktop.workspace.trip_commands import TripData, delete_trip, trip_data
from kpm_desktop.workspace.workspace import Workspace

if TYPE_CHECKING:
    # The dialogs and the export model load on first use (not before the first frame).
    from kpm_desktop.gui.export_menu import ExportActions
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.trips.debrief import TripDebriefDialog
    from kpm_desktop.gui.trips.planner import TripPlannerDialog
    from kpm_desktop.import_export.export_model import ExportOptions, Progress

ID_ROLE = Qt.ItemDataRole.UserRole


def pack_task(source: Path, trip_id: int, options: ExportOptions, target: Path):
    """Write the trip pack from plain data on the export worker (own read-only connection)."""

    def run(progress: Progress) -> tuple[str, Path]:
        from kpm_desktop.import_export.trip_data import load_trip
        from kpm_desktop.report.trip_pack import write_trip_pack

        snap = load_trip(source, trip_id, options)
        pages = write_trip_pack(snap, target, progress)
        message = (
            QCoreApplication.translate("TripsMenu", "Trip pack %1 written to %2 (pages: %3).")
            .replace("%1", snap.trip.name)
            .replace("%2", str(target))
            .replace("%3", str(pages))
        )
        return message, target

    return run


def calendar_task(source: Path, trip_id: int, options: ExportOptions, target: Path):
    def run(progress: Progress) -> tuple[str, Path]:
        from kpm_desktop.import_export.trip_data import load_trip
        from kpm_desktop.import_export.trip_ics import write_trip_ics

        progress(0, 1)
        snap = load_trip(source, trip_id, options)
        events = write_trip_ics(snap, target)
        progress(1, 1)
        message = (
            QCoreApplication.translate(
                "TripsMenu",
                "Calendar file %1 written (events: %2); importing it again updates them.",
            )
            .replace("%1", str(target))
            .replace("%2", str(events))
        )
        return message, target

    return run


class TripsWindow(QDialog):
    """Visits › Trips: the file's trips, newest day first."""

    def __init__(self, actions: TripActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trips_window")
        self.setWindowTitle(self.tr("Trips"))
        self.trip_actions = actions
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("trips_list")
        self.tree.setAccessibleName(self.tr("Trips"))
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [self.tr("Trip"), self.tr("Day"), self.tr("Start"), self.tr("Visits")]
        )
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(self.tr("No trips yet: plan one with New…"), self)
        self.new_button = QPushButton(self.tr("&New…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.pack_button = QPushButton(self.tr("Trip &pack (PDF)…"), self)
        self.ics_button = QPushButton(self.tr("&Calendar file (.ics)…"), self)
        self.debrief_button = QPushButton(self.tr("De&brief…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        side = QVBoxLayout()
        for b in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.pack_button,
            self.ics_button,
            self.debrief_button,
        ):
            side.addWidget(b)
        side.addStretch(1)
        side.addWidget(self.close_button)
        left = QVBoxLayout()
        left.addWidget(self.tree, 1)
        left.addWidget(self.empty_label)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(side)
        self.new_button.clicked.connect(lambda: actions.plan(parent=self))
        self.edit_button.clicked.connect(self._edit)
        self.tree.itemActivated.connect(lambda _i, _c: self._edit())
        self.delete_button.clicked.connect(self._delete)
        self.pack_button.clicked.connect(lambda: self._with_trip(actions.export_pack))
        self.ics_button.clicked.connect(lambda: self._with_trip(actions.export_calendar))
        self.debrief_button.clicked.connect(lambda: self._with_trip(actions.debrief))
        self.close_button.clicked.connect(self.close)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.resize(720, 420)
        self.refresh()

    def selected_trip(self) -> Trip | None:
        ws = self.trip_actions.window.workspace
        item = self.tree.currentItem()
        if ws is None or item is None:
            return None
        return trip_store.get_trip(ws.repo, item.data(0, ID_ROLE))

    def select(self, trip_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, ID_ROLE) == trip_id:
                self.tree.setCurrentItem(item)
                return

    def refresh(self, *_args: object) -> None:
        ws = self.trip_actions.window.workspace
        current = self.tree.currentItem()
        keep = current.data(0, ID_ROLE) if current is not None else None
        self.tree.clear()
        trips = trip_store.list_trips(ws.repo) if ws is not None else []
        customers = trip_store.customers_by_uuid(ws.repo) if ws is not None else {}
        for t in trips:
            item = QTreeWidgetItem(
                [t.name, fmt_date(t.day), f"{t.start:%H:%M}", str(len(schedule(t, customers)))]
            )
            item.setData(0, ID_ROLE, t.id)
            self.tree.addTopLevelItem(item)
        for col in (1, 2, 3):
            self.tree.resizeColumnToContents(col)
        if keep is not None:
            self.select(keep)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        self.empty_label.setVisible(not trips)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ws = self.trip_actions.window.workspace
        has = self.tree.currentItem() is not None
        writable = ws is not None and not ws.read_only
        self.new_button.setEnabled(writable)
        self.edit_button.setEnabled(has and writable)
        self.delete_button.setEnabled(has and writable)
        for b in (self.pack_button, self.ics_button, self.debrief_button):
            b.setEnabled(has)

    def _with_trip(self, fn) -> None:
        trip = self.selected_trip()
        if trip is not None:
            fn(trip)

    def _edit(self) -> None:
        trip = self.selected_trip()
        if trip is not None and self.edit_button.isEnabled():
            self.trip_actions.plan(trip, parent=self)

    def _delete(self) -> None:
        trip = self.selected_trip()
        ws = self.trip_actions.window.workspace
        if trip is None or ws is None:
            return
        try:
            delete_trip(ws, trip)
        except (StorageError, KeyError) as exc:
            self.trip_actions.window.show_error(self.tr("Trip not deleted"), str(exc))
            return
        self.trip_actions.window.statusBar().showMessage(
            self.tr("Trip “%1” deleted — %2 undoes.")
            .replace("%1", trip.name)
            .replace("%2", undo_key()),
            8000,
        )


class TripActions(QObject):
    """The Visits menu of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.trips_window: TripsWindow | None = None
        self.debrief_dialog: TripDebriefDialog | None = None
        self._data: TripData | None = None
        self.menu = QMenu(QCoreApplication.translate("TripsMenu", "V&isits"), window)
        self.menu.setObjectName("menu_visits")
        bar = window.menuBar()
        tools = window.action_registry.menu(MenuId.TOOLS).menuAction()
        bar.insertMenu(tools, self.menu)
        a = window.action_registry
        self.plan_action = a.add(
            "visits.plan_trip", QCoreApplication.translate("TripsMenu", "&Plan trip…"), lambda: self.plan(),
            tip=QCoreApplication.translate("TripsMenu", "A day's visits: customers, order, times; printed pack and calendar file"),
        )  # fmt: skip
        self.trips_action = a.add(
            "visits.trips", QCoreApplication.translate("TripsMenu", "&Trips…"), self.show_trips,
            tip=QCoreApplication.translate("TripsMenu", "The trips of this file: edit, delete, print, calendar, debrief"),
        )  # fmt: skip
        self.debrief_action = a.add(
            "visits.debrief", QCoreApplication.translate("TripsMenu", "&Debrief trip…"), lambda: self.debrief(),
            tip=QCoreApplication.translate("TripsMenu", "Go through a trip's customers and capture the answers"),
        )  # fmt: skip
        for act in (self.plan_action, self.trips_action, self.debrief_action):
            self.menu.addAction(act)
        window.workspace_changed.connect(self.set_workspace)
        self.set_workspace(window.workspace)

    # -- file ----------------------------------------------------------------------------------
    def set_workspace(self, ws: Workspace | None) -> None:
        if self._data is not None:
            try:
                self._data.trips_changed.disconnect(self._trips_changed)
            except RuntimeError:
                pass
        self._data = trip_data(ws) if ws is not None else None
        if self._data is not None:
            self._data.trips_changed.connect(self._trips_changed)
        writable = ws is not None and not ws.read_only
        self.plan_action.setEnabled(writable)
        self.trips_action.setEnabled(ws is not None)
        self.debrief_action.setEnabled(writable)
        if self.debrief_dialog is not None:
            self.debrief_dialog.close()
        if self.trips_window is not None:
            if ws is None:
                self.trips_window.close()
            else:
                self.trips_window.refresh()

    def _trips_changed(self, trip_id: int) -> None:
        if self.trips_window is not None:
            self.trips_window.refresh()
            if trip_id:
                self.trips_window.select(trip_id)

    # -- actions -------------------------------------------------------------------------------
    def _selected_customers(self) -> list[int]:
        ws = self.window.workspace
        if ws is None:
            return []
        model = self.window.model
        rows = sorted({i.row() for i in self.window.view.selectionModel().selectedIndexes()})
        return [stored_id(ws.matrix.customers[model.matrix_row(r)]) for r in rows]

    def plan(
        self, trip: Trip | None = None, parent: QWidget | None = None
    ) -> TripPlannerDialog | None:
        ws = self.window.workspace
        if ws is None or ws.read_only:
            return None
        from kpm_desktop.gui.trips.planner import TripPlannerDialog
        from kpm_desktop.workspace.customer_commands import customer_data

        dialog = TripPlannerDialog(
            ws,
            trip,
            preselected=self._selected_customers() if trip is None else (),
            ranked_rows=list(self.window.model.rows),
            today=customer_data(ws).today,
            parent=parent or self.window,
        )

        def done() -> None:
            saved = dialog.saved
            if saved is None:
                return
            text = (
                self.tr("Trip “%1” planned — %2 undoes.")
                if trip is None
                else self.tr("Trip “%1” changed — %2 undoes.")
            )
            self.window.statusBar().showMessage(
                text.replace("%1", saved.name).replace("%2", undo_key()), 8000
            )
            if self.trips_window is not None and saved.id is not None:
                self.trips_window.select(saved.id)

        dialog.accepted.connect(done)
        dialog.open()
        self.planner = dialog
        return dialog

    def show_trips(self) -> TripsWindow | None:
        if self.window.workspace is None:
            return None
        if self.trips_window is None:
            self.trips_window = TripsWindow(self, self.window)
            self.trips_window.destroyed.connect(lambda: setattr(self, "trips_window", None))
        self.trips_window.refresh()
        _bring_to_front(self.trips_window)
        return self.trips_window

    def _choose_trip(self) -> Trip | None:
        """The trip to debrief: the one selected in the trips list, else the latest begun."""
        ws = self.window.workspace
        if ws is None:
            return None
        if self.trips_window is not None and self.trips_window.isVisible():
            chosen = self.trips_window.selected_trip()
            if chosen is not None:
                return chosen
        trips = trip_store.list_trips(ws.repo)  # newest day first
        today = date.today()
        return next((t for t in trips if t.day <= today), trips[-1] if trips else None)

    def debrief(self, trip: Trip | None = None) -> TripDebriefDialog | None:
        ws = self.window.workspace
        if ws is None:
            return None
        trip = trip or self._choose_trip()
        if trip is None:
            self.window.statusBar().showMessage(
                self.tr("No trip to debrief yet: plan one under Visits › Plan trip."), 8000
            )
            self.show_trips()
            return None
        if self.debrief_dialog is not None:
            self.debrief_dialog.close()
        from kpm_desktop.gui.trips.debrief import TripDebriefDialog

        dialog = TripDebriefDialog(ws, trip, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "debrief_dialog", None))
        self.debrief_dialog = dialog
        _bring_to_front(dialog)
        return dialog

    def _export_actions(self) -> ExportActions | None:
        """The window's export part (None without the export extension)."""
        from kpm_desktop.gui.export_menu import ExportActions

        export = self.window.export_actions
        return export if isinstance(export, ExportActions) else None

    def _options(self) -> ExportOptions:
        from kpm_desktop.import_export.export_model import ExportOptions, Orientation

        export = self._export_actions()
        if export is not None:
            base = export.default_options(orientation=Orientation.PORTRAIT)
            return ExportOptions(
                paper=base.paper,
                orientation=Orientation.PORTRAIT,
                customer_safe=base.customer_safe,
                lang=base.lang,
            )
        return ExportOptions(orientation=Orientation.PORTRAIT)

    def _target(self, trip: Trip, suffix: str, title: str, pattern: str) -> Path | None:
        ws = self.window.workspace
        assert ws is not None
        from kpm_desktop.gui import folders

        safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in trip.name).strip("-")
        suggested = folders.start_folder(self.window, folders.EXPORT) / (
            f"{ws.path.stem}-{safe or 'trip'}{suffix}"
        )
        name, _ = QFileDialog.getSaveFileName(
            self.trips_window or self.window, title, str(suggested), pattern
        )
        if not name:
            return None
        folders.remember(self.window, folders.EXPORT, name)
        return Path(name)

    def _busy(self, export) -> bool:
        """True (and said in the status bar) while another export is still running."""
        if export.job is None:
            return False
        self.window.statusBar().showMessage(
            self.tr("Another export is still running; try again when it has finished."), 6000
        )
        return True

    def export_pack(self, trip: Trip, target: Path | None = None):
        ws = self.window.workspace
        export = self._export_actions()
        if ws is None or export is None or trip.id is None or self._busy(export):
            return None
        target = target or self._target(
            trip, ".pdf", self.tr("Trip pack"), self.tr("PDF document (*.pdf)")
        )
        if target is None:
            return None
        return export._start(
            pack_task(ws.path, trip.id, self._options(), target),
            self.tr("Writing the trip pack…"),
        )

    def export_calendar(self, trip: Trip, target: Path | None = None):
        ws = self.window.workspace
        export = self._export_actions()
        if ws is None or export is None or trip.id is None or self._busy(export):
            return None
        target = target or self._target(
            trip, ".ics", self.tr("Calendar file"), self.tr("iCalendar file (*.ics)")
        )
        if target is None:
            return None
        return export._start(
            calendar_task(ws.path, trip.id, self._options(), target),
            self.tr("Writing the calendar file…"),
        )


def _bring_to_front(widget: QWidget) -> None:
    widget.show()
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        widget.raise_()  # the offscreen platform warns that it cannot
    widget.activateWindow()


def install(window: MainWindow) -> None:
    window.trip_actions = TripActions(window)
