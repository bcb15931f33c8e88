"""The main window: the matrix in the middle, filter slot above it, status bar below.

Its parts: opening, creating and copying files in ``file_actions``, the action declarations
in ``main_actions``, marking, copy and paste in ``marking``.

Extension points for other parts of the app (filter bar, side panel, import/export, ...):

* ``window.action_registry`` — the action registry (``ActionRegistry.add`` puts an action in a menu
  section and/or toolbar).
* ``window.set_filter_widget(widget)`` — the slot above the matrix.
* ``window.model.set_visible(rows, cols)`` — show matrix rows/columns in a given order.
* ``window.workspace`` and the ``workspace_changed`` signal — the open file (or None).
* ``window.context_menu_actions`` — extra actions for the matrix context menu.
* ``kpm_desktop.gui.extensions.EXTENSION_MODULES`` — modules whose ``install(window)`` is
  called once the window is built.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QLocale,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop import APP_NAME, __version__
from kpm_desktop.domain.matrix import coverage_percent
from kpm_desktop.gui.actions import ActionId, ActionRegistry, MenuId
from kpm_desktop.gui.file_actions import FileActionsMixin
from kpm_desktop.gui.main_actions import MARK_ACTIONS, MainActionsMixin
from kpm_desktop.gui.marking import MarkingMixin
from kpm_desktop.gui.matrix_model import MatrixModel
from kpm_desktop.gui.matrix_view import DEFAULT_ZOOM, MatrixView
from kpm_desktop.gui.palette import mark_icon, ui_colors
from kpm_desktop.gui.settings import UiSettings
from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.workspace.workspace import Workspace

log = logging.getLogger(__name__)


class MainWindow(FileActionsMixin, MainActionsMixin, MarkingMixin, QMainWindow):
    """KPM Desktop's main window.

    Signals:
        workspace_changed: a file was opened or closed (the Workspace or None). At start-up
            (window shown, matrix not yet painted) it follows the first painted frame.
    """

    workspace_changed = Signal(object)

    def __init__(
        self,
        settings: UiSettings | None = None,
        *,
        extensions: Sequence[str] | None = None,
        first_frame_first: bool = False,
    ) -> None:
        """``first_frame_first`` (the start path): the extensions outside
        ``extensions.BEFORE_FIRST_FRAME`` are installed right after the first painted frame."""
        super().__init__()
        self.setObjectName("MainWindow")
        self.settings = settings or UiSettings()
        self.workspace: Workspace | None = None
        self.persist_state = True  # False: do not write window layout on close (profiling)
        self._pending_announce: Workspace | None = None
        self.undo_group = QUndoGroup(self)
        self.model = MatrixModel(parent=self)
        self.view = MatrixView(self.model, self)
        self.view.setObjectName("matrix_view")
        self.context_menu_actions: list[QAction] = []
        # Called with (path, error) when a file does not open; True = handled (data safety:
        # offer read-only viewing of a file in use, or a restore for a damaged one).
        self.open_error_handlers: list[Callable[[Path, Exception], bool]] = []
        # Called before the open file is closed or replaced (File › Close, opening another
        # file, closing the window): each saves what was typed and not saved yet, or asks;
        # False = keep the file open.
        self.close_hooks: list[Callable[[], bool]] = []
        # The parts the extensions (``gui/extensions.py``) add, declared here: nothing sets an
        # attribute on the window from outside. None until (or without) that extension. Typed
        # by their Qt base class: the extensions import this module, so naming their classes
        # here would be an import cycle; a use that needs more narrows with isinstance.
        self.filter_bar: QWidget | None = None  # gui.filter_bar.FilterBar
        self.side_panel: QDockWidget | None = None  # gui.side_panel.dock.SidePanelDock
        self.side_panel_glue: object | None = None  # gui.side_panel.extension's connections
        self.insights_dock: QDockWidget | None = None  # gui.insights_view.dock.InsightsDock
        self.export_actions: QObject | None = None  # gui.export_menu.ExportActions
        self.trip_actions: QObject | None = None  # gui.trips.extension.TripActions
        self.team: QObject | None = None  # gui.team_menu.TeamController
        self.merge: QObject | None = None  # gui.merge_menu.MergeController

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.filter_slot = QWidget(central)
        self.filter_slot.setObjectName("filter_slot")
        self._filter_layout = QVBoxLayout(self.filter_slot)
        self._filter_layout.setContentsMargins(0, 0, 0, 0)
        self.filter_slot.hide()
        layout.addWidget(self.filter_slot)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_summary")
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().messageChanged.connect(self._message_changed)
        # The status counts follow the repaint a change triggers (the matrix answers first);
        # the timer is the fallback when nothing is painted (hidden window).
        self._status_dirty = False
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(250)
        self._status_timer.timeout.connect(self._update_status)

        self.action_registry = ActionRegistry(self)
        self._declare_actions()
        self.action_registry.build(
            self.menuBar(),
            {
                MenuId.FILE: self.tr("&File"),
                MenuId.EDIT: self.tr("&Edit"),
                MenuId.VIEW: self.tr("&View"),
                MenuId.MARK: self.tr("&Mark"),
                MenuId.DATA: self.tr("&Data"),
                MenuId.TOOLS: self.tr("&Tools"),
                MenuId.HELP: self.tr("&Help"),
            },
        )
        self._recent_menu = QMenu(self.tr("Open &Recent"), self)
        self._recent_menu.setObjectName("menu_recent")
        self._recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu = self.action_registry.menu(MenuId.FILE)
        file_menu.insertMenu(self.action_registry[ActionId.SAVE_COPY], self._recent_menu)
        main_bar = self.action_registry.add_toolbar("main", self.tr("Main toolbar"))
        main_bar.addAction(self.action_registry[ActionId.OPEN])
        main_bar.addSeparator()
        main_bar.addAction(self.action_registry[ActionId.UNDO])
        main_bar.addAction(self.action_registry[ActionId.REDO])
        self.action_registry.add_toolbar("marks", self.tr("Mark palette"))
        for bar in (main_bar, self.action_registry.toolbar("marks")):
            bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # Hide empty menus until an extension fills them.
        for menu_id in (MenuId.DATA, MenuId.TOOLS, MenuId.VIEW):
            menu = self.action_registry.menu(menu_id)
            menu.menuAction().setVisible(bool(menu.actions()))

        # Queued: the first frame reaches the screen (and start-up profiling notes it)
        # before the docks start their work.
        self.view.first_paint.connect(self._announce_pending, Qt.ConnectionType.QueuedConnection)
        self.view.mark_requested.connect(self.mark_selection)
        self.view.copy_requested.connect(self.copy_selection)
        self.view.paste_requested.connect(self.paste)
        self.view.current_cell_changed.connect(self._on_current_cell)
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        self.model.visible_changed.connect(self._status_changed)
        self.view.painted.connect(self._after_paint)

        if extensions is None:
            from kpm_desktop.gui.extensions import EXTENSION_MODULES

            extensions = EXTENSION_MODULES
        self._late_extensions: list[str] = []
        if first_frame_first:
            from kpm_desktop.gui.extensions import BEFORE_FIRST_FRAME

            self._late_extensions = [m for m in extensions if m not in BEFORE_FIRST_FRAME]
        self._install_extensions([m for m in extensions if m not in self._late_extensions])
        self._restore_window_state()
        self.view.set_zoom(self.settings.zoom(DEFAULT_ZOOM))
        self.view.zoom_changed.connect(self.settings.set_zoom)
        self._update_enabled()
        self._update_title()
        self._update_status()

    def focus_matrix(self) -> None:
        """Keyboard focus to the matrix; the current cell is kept (or the first one set)."""
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _install_extensions(self, modules: Sequence[str]) -> None:
        for name in modules:
            importlib.import_module(name).install(self)
        for menu_id in (MenuId.DATA, MenuId.TOOLS, MenuId.VIEW):
            menu = self.action_registry.menu(menu_id)
            menu.menuAction().setVisible(bool(menu.actions()))

    @property
    def extensions_pending(self) -> bool:
        """True until the extensions held back for the first frame are installed."""
        return bool(self._late_extensions)

    def install_pending_extensions(self, announce_follows: bool = False) -> None:
        """Install the extensions held back for the first frame (once).

        ``announce_follows``: ``workspace_changed`` announces the open file right after, so the
        extensions see no file while they install (else they would load it twice).
        """
        late, self._late_extensions = self._late_extensions, []
        if not late:
            return
        docks = set(self.findChildren(QDockWidget))
        ws = self.workspace
        if announce_follows:
            self.workspace = None
        try:
            self._install_extensions(late)
        finally:
            self.workspace = ws
        new = [dock for dock in self.findChildren(QDockWidget) if dock not in docks]
        for dock in new:
            # added to a visible window: shown as they would have been with it, unless hidden
            if not dock.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
                dock.show()
        state = self.settings.window_state()
        if new and state is not None:
            self.restoreState(state)  # the saved place and visibility of the new docks

    # -- files -----------------------------------------------------------------------------
    def set_workspace(self, ws: Workspace | None) -> None:
        """Show an open workspace (the window takes ownership) or nothing."""
        old = self.workspace
        if old is not None:
            self.undo_group.removeStack(old.undo_stack)
        self.workspace = ws
        self.model.set_workspace(ws)
        if ws is not None:
            self.undo_group.addStack(ws.undo_stack)
            self.undo_group.setActiveStack(ws.undo_stack)
            ws.error.connect(self._on_workspace_error)
        if old is not None:
            old.close()
            old.deleteLater()
        self._update_enabled()
        self._update_title()
        if ws is None:
            self._update_status()  # nothing to count
        if ws is not None and self.isVisible() and not self.view.painted_once:
            # Start-up: paint the matrix first, then let the docks and the filter bar take
            # the file (they need 0.3-1 s at L); the event loop runs nothing else between.
            self._pending_announce = ws
            QTimer.singleShot(500, self._announce_pending)  # in case no paint comes
            self.status_label.clear()  # counted right after the first frame, never "No file open"
        else:
            self._pending_announce = None
            self.workspace_changed.emit(ws)
        reason = getattr(ws.repo, "read_only_reason", None) if ws is not None else None
        special = getattr(ws.repo, "read_only_message", None) if ws is not None else None
        if special is not None:
            reason = storage_text(special)
        if ws is not None and ws.read_only:
            self.statusBar().showMessage(
                self.tr("Opened read-only: %1").replace("%1", reason or self.tr("viewing only"))
            )
        if ws is not None and self.model.rowCount() and self.model.columnCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _announce_pending(self) -> None:
        ws, self._pending_announce = self._pending_announce, None
        announce = ws is not None and ws is self.workspace
        # right after the first frame, before any key typed after it
        self.install_pending_extensions(announce_follows=announce)
        if announce:
            self.workspace_changed.emit(ws)

    def confirm_close_file(self) -> bool:
        """May the open file be closed? The close hooks save typed text (or ask) first."""
        if self.workspace is None:
            return True
        return all(hook() for hook in list(self.close_hooks))

    def close_file(self) -> bool:
        """Close the open file (after the close hooks); False = the user kept it open."""
        if not self.confirm_close_file():
            return False
        self.set_workspace(None)
        return True

    # -- filter slot and status ------------------------------------------------------------
    def set_filter_widget(self, widget: QWidget) -> None:
        """Place a widget (the filter bar) above the matrix (it wraps its rows to the width)."""
        while self._filter_layout.count():
            item = self._filter_layout.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.setParent(None)
        self._filter_layout.addWidget(widget)
        self.filter_slot.show()

    def _on_current_cell(self, row: int, col: int) -> None:
        ws = self.workspace
        if ws is None:
            return
        if row < 0 or row >= self.model.rowCount():
            ws.set_current_customer(None)
            return
        ws.set_current_customer(ws.matrix.customers[self.model.matrix_row(row)].id)

    def status_text(self, compact: bool = False) -> str:
        """The counts of the status bar; ``compact``: white spots and coverage only (while a
        temporary message needs the room)."""
        ws = self.workspace
        if ws is None:
            return self.tr("No file open")
        m = self.model
        cells = m.rowCount() * m.columnCount()
        white = m.visible_white()
        loc = QLocale()  # German UI: 1.234 and 45,1 %
        if m.grouping_active:
            # Counts run over sites (and customers without key account), never roll-ups.
            counted = len(m.counted_rows())
            cells = counted * m.columnCount()
        coverage = coverage_percent(cells, white)
        if compact:
            return (
                self.tr("White spots: %1 · Coverage: %2 %")
                .replace("%1", loc.toString(white))
                .replace("%2", loc.toString(coverage, "f", 1))
            )
        if m.grouping_active:
            return (
                self.tr(
                    "Sites and customers: %1 of %2 · Key accounts: %7 (counted by their sites) "
                    "· Products: %3 of %4 · White spots: %5 · Coverage: %6 %"
                )
                .replace("%1", loc.toString(counted))
                .replace("%2", loc.toString(m.key_accounts.n_members))
                .replace("%3", loc.toString(m.columnCount()))
                .replace("%4", loc.toString(ws.matrix.n_cols))
                .replace("%5", loc.toString(white))
                .replace("%6", loc.toString(coverage, "f", 1))
                .replace("%7", loc.toString(len(m.key_accounts.sites)))
            )
        return (
            self.tr("Customers: %1 of %2 · Products: %3 of %4 · White spots: %5 · Coverage: %6 %")
            .replace("%1", loc.toString(m.rowCount()))
            .replace("%2", loc.toString(ws.matrix.n_rows))
            .replace("%3", loc.toString(m.columnCount()))
            .replace("%4", loc.toString(ws.matrix.n_cols))
            .replace("%5", loc.toString(white))
            .replace("%6", loc.toString(coverage, "f", 1))
        )

    def _status_changed(self) -> None:
        self._status_dirty = True
        self._status_timer.start(250 if self.isVisible() else 0)

    def _after_paint(self) -> None:
        if self._status_dirty:
            QTimer.singleShot(0, self._update_status)

    def _update_status(self) -> None:
        self._status_timer.stop()
        self._status_dirty = False
        full = self.status_text()
        compact = bool(self.statusBar().currentMessage())
        self.status_label.setText(self.status_text(compact=True) if compact else full)
        self.status_label.setToolTip(full)

    def _message_changed(self, message: str) -> None:
        """A temporary message gets the room it needs: while it shows, the permanent counts
        shrink to white spots and coverage (all counts stay in their tooltip), and the whole
        message is the status bar's tooltip (at 1366 px wide the full counts took half the bar
        and cut the message off)."""
        self.statusBar().setToolTip(message)
        if not self._status_dirty:  # else the pending update (after the paint) picks the form
            self._update_status()

    def _update_title(self) -> None:
        ws = self.workspace
        if ws is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowFilePath("")
        else:
            suffix = self.tr(" (read-only)") if ws.read_only else ""
            self.setWindowTitle(
                self.tr("%1%2 — KPM Desktop").replace("%1", ws.path.name).replace("%2", suffix)
            )
            self.setWindowFilePath(str(ws.path))

    def _update_enabled(self) -> None:
        has = self.workspace is not None
        writable = self.workspace is not None and not self.workspace.read_only
        for key in (ActionId.SAVE_COPY, ActionId.CLOSE, ActionId.COPY, ActionId.SELECT_ALL):
            self.action_registry[key].setEnabled(has)
        for key, _, _ in MARK_ACTIONS:
            self.action_registry[key].setEnabled(writable)
        self.action_registry[ActionId.PASTE].setEnabled(writable)

    def _report_undo(self) -> None:
        done = self.undo_group.redoText()  # the step just undone is now the one to redo
        if done:
            self.statusBar().showMessage(self.tr("Undone: %1").replace("%1", done), 5000)

    def _report_redo(self) -> None:
        done = self.undo_group.undoText()
        if done:
            self.statusBar().showMessage(self.tr("Redone: %1").replace("%1", done), 5000)

    def _on_workspace_error(self, failure: BaseException) -> None:
        self.show_error(
            self.tr("Undo/redo failed; the file was not changed"),
            storage_text(failure),
        )

    def show_error(self, title: str, message: str) -> None:
        """A warning box (and the status bar) with one user-facing message."""
        line = message  # some messages name the outcome already ("Nothing was pasted: …")
        if not message.startswith(title):
            line = self.tr("%1: %2").replace("%1", title).replace("%2", message)
        self.statusBar().showMessage(line, 10000)
        from PySide6.QtWidgets import QMessageBox  # here: not on the start path

        QMessageBox.warning(self, title, message)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # here: not on the start path

        QMessageBox.about(
            self,
            self.tr("About KPM Desktop"),
            self.tr(
                "<b>KPM Desktop %1</b><p>Customer/product matrix for B2B field sales: see white "
                "spots, competitor occupancy and potential at a glance.</p>"
            ).replace("%1", __version__),
        )

    # -- window state ----------------------------------------------------------------------
    def _restore_window_state(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            # 1280 x 800 (wider if the filter rows need it) where it fits: a 1366 x 768
            # laptop would otherwise hide the status bar.
            avail = self.screen().availableGeometry()
            width = max(1280, self.sizeHint().width())
            self.resize(min(width, avail.width()), min(800, avail.height() * 9 // 10))
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def save_window_state(self) -> None:
        self.settings.save_window(QByteArray(self.saveGeometry()), QByteArray(self.saveState()))
        self.settings.sync()

    def changeEvent(self, event: QEvent) -> None:
        """Override: mark icons follow a light/dark palette switch (white spot = Base)."""
        # (a palette change can arrive before the registry exists)
        registry = getattr(self, "action_registry", None)
        if event.type() == QEvent.Type.PaletteChange and isinstance(registry, ActionRegistry):
            colors = ui_colors(self.palette())
            for key, code, _ in MARK_ACTIONS:
                registry[key].setIcon(mark_icon(code, colors))
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override: save typed text (close hooks), remember the layout, close the file."""
        if not self.confirm_close_file():
            event.ignore()
            return
        if self.persist_state and not self.extensions_pending:  # else: their docks are missing
            self.save_window_state()
        self.set_workspace(None)
        event.accept()
