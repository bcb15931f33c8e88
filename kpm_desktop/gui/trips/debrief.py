"""Visits › Debrief trip: the trip's customers one by one, answered like visit preparation.

Each customer shows its visit preparation in the same ``VisitPrepView`` with the same
``VisitPrepController`` as the side panel: keys X/W/B/K (1-4) set the selected item's mark,
Enter confirms a stale answer as still true, a quick note is added for the customer. Every
answer is one undo step in the file at once (Ctrl+Z works inside the debrief). At the end a
summary lists what changed at each customer since the trip started: the net mark changes
(the same as ``kpm diff FILE --since <start>``), answers confirmed as still true and notes.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.marks import mark_from_code
from kpm_desktop.domain.trips import Trip, address_line, schedule, time_span
from kpm_desktop.gui.side_panel.common import fmt_date, mark_name
from kpm_desktop.gui.side_panel.visit_controller import VisitPrepController
from kpm_desktop.gui.side_panel.visit_prep_view import VisitPrepView
from kpm_desktop.storage import trips as trip_store
from kpm_desktop.storage.convert import utc_now
from kpm_desktop.workspace.workspace import Workspace


def debrief_since(trip: Trip, opened: datetime) -> datetime:
    """From when changes count for the trip: its start, or the debrief's opening if earlier
    (a trip debriefed before its planned start still shows what was entered)."""
    start = datetime.combine(trip.day, trip.start).astimezone()
    return min(start.astimezone(UTC), opened.astimezone(UTC))


class TripDebriefDialog(QDialog):
    """Walks the customers of ``trip``; ``summary_tree`` shows the result at the end."""

    def __init__(self, ws: Workspace, trip: Trip, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trip_debrief")
        self.ws = ws
        self.trip = trip
        self.since = debrief_since(trip, utc_now())
        self.visits = schedule(trip, trip_store.customers_by_uuid(ws.repo))
        self.index = 0
        self.setWindowTitle(self.tr("Debrief trip “%1”").replace("%1", trip.name))

        self.pages = QStackedWidget(self)
        # page 0: one customer
        visit_page = QWidget(self.pages)
        self.header = QLabel(visit_page)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.view = VisitPrepView(visit_page)
        self.controller = VisitPrepController(self.view, follow=True)
        self.controller.error.connect(self._show_error)
        self.error_label = QLabel(visit_page)
        self.error_label.setWordWrap(True)
        self.prev_button = QPushButton(self.tr("&Previous customer"), visit_page)
        self.next_button = QPushButton(self.tr("&Next customer"), visit_page)
        self.finish_button = QPushButton(self.tr("&Summary"), visit_page)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        nav.addWidget(self.finish_button)
        vl = QVBoxLayout(visit_page)
        vl.addWidget(self.header)
        vl.addWidget(self.view, 1)
        vl.addWidget(self.error_label)
        vl.addLayout(nav)
        self.pages.addWidget(visit_page)
        # page 1: the summary
        summary_page = QWidget(self.pages)
        self.summary_label = QLabel(summary_page)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_tree = QTreeWidget(summary_page)
        self.summary_tree.setHeaderHidden(True)
        self.summary_tree.setAccessibleName(self.tr("What changed on the trip"))
        self.back_button = QPushButton(self.tr("&Back to the customers"), summary_page)
        self.close_button = QPushButton(self.tr("&Close"), summary_page)
        end = QHBoxLayout()
        end.addWidget(self.back_button)
        end.addStretch(1)
        end.addWidget(self.close_button)
        sl = QVBoxLayout(summary_page)
        sl.addWidget(self.summary_label)
        sl.addWidget(self.summary_tree, 1)
        sl.addLayout(end)
        self.pages.addWidget(summary_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        # Undo inside the debrief too (the main window's Ctrl+Z does not reach a dialog).
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_action.triggered.connect(ws.undo_stack.undo)
        self.redo_action = QAction(self.tr("Redo"), self)
        self.redo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.redo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.redo_action.triggered.connect(ws.undo_stack.redo)
        self.addActions([self.undo_action, self.redo_action])

        self.prev_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.finish_button.clicked.connect(self.show_summary)
        self.back_button.clicked.connect(lambda: self.go(self.index))
        self.close_button.clicked.connect(self.close)
        self.finished.connect(lambda _r: self._leave())
        if ws.read_only:
            self.error_label.setText(
                self.tr("The file is open read-only: answers cannot be stored.")
            )
        self.resize(720, 620)
        if self.visits:
            self.go(0)
        else:
            self.show_summary()

    # -- walking -----------------------------------------------------------------------------
    def go(self, index: int) -> None:
        """Show the customer at ``index`` (a pending quick note is stored first)."""
        if not self.visits:
            return
        self.controller.commit_pending()
        self.index = max(0, min(index, len(self.visits) - 1))
        v = self.visits[self.index]
        c = v.customer
        if c.id not in self.ws.matrix.row_of:  # deleted meanwhile
            self.visits = schedule(self.trip, trip_store.customers_by_uuid(self.ws.repo))
            self.go(min(self.index, len(self.visits) - 1))
            return
        place = address_line(c)
        self.header.setText(
            self.tr("Customer %1 of %2: %3 (%4), %5 at %6")
            .replace("%1", str(self.index + 1))
            .replace("%2", str(len(self.visits)))
            .replace("%3", c.name)
            .replace("%4", c.number or "–")
            .replace("%5", time_span(v.start, v.end))
            .replace("%6", place or "–")
        )
        self.controller.set_target(self.ws, c.id)
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.visits) - 1)
        self.error_label.clear()
        self.pages.setCurrentIndex(0)
        self.view.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        leaves = self.view._leaves()
        if leaves and self.view.tree.currentItem() is None:
            self.view.tree.setCurrentItem(leaves[0])

    def customer_id(self) -> int | None:
        return self.controller.customer_id

    def _show_error(self, message: str) -> None:
        self.error_label.setText(self.tr("Change not saved: %1").replace("%1", message))

    # -- summary -----------------------------------------------------------------------------
    def show_summary(self) -> None:
        self.controller.commit_pending()
        changes = trip_store.trip_changes(self.ws.repo, self.trip, self.since)
        products = {p.id: p.name for p in self.ws.matrix.products}
        tree = self.summary_tree
        tree.clear()
        total_cells = total_confirmed = total_notes = 0
        for vc in changes:
            top = QTreeWidgetItem(tree, [vc.customer.name])
            for d in vc.cells:
                QTreeWidgetItem(
                    top,
                    [
                        self.tr("%1: %2 → %3")
                        .replace("%1", products.get(d.product_id, str(d.product_id)))
                        .replace("%2", mark_name(mark_from_code(d.old)))
                        .replace("%3", mark_name(mark_from_code(d.new)))
                    ],
                )
            for pid in vc.confirmed:
                QTreeWidgetItem(
                    top,
                    [
                        self.tr("%1: confirmed as still true").replace(
                            "%1", products.get(pid, str(pid))
                        )
                    ],
                )
            for note in vc.notes:
                QTreeWidgetItem(
                    top,
                    [
                        self.tr("Note %1: %2")
                        .replace("%1", fmt_date(note.note_date))
                        .replace("%2", note.text)
                    ],
                )
            if vc.empty:
                QTreeWidgetItem(top, [self.tr("nothing changed")])
            total_cells += len(vc.cells)
            total_confirmed += len(vc.confirmed)
            total_notes += len(vc.notes)
        tree.expandAll()
        local = self.since.astimezone()
        parts = [
            self.tr("Since %1 %2:")
            .replace("%1", fmt_date(local.date()))
            .replace("%2", f"{local:%H:%M}"),
            self.tr("%n answer(s) changed", "", total_cells) + ",",
            self.tr("%n confirmed as still true", "", total_confirmed) + ",",
            self.tr("%n note(s)", "", total_notes),
            self.tr("at %n customer(s).", "", len(changes)),
        ]
        self.summary_label.setText(
            " ".join(parts)
            + "\n"
            + self.tr('The same mark changes for the whole file: kpm diff "%1" --since %2')
            .replace("%1", self.ws.path.name)
            .replace("%2", local.strftime("%Y-%m-%dT%H:%M:%S"))
        )
        self.summary = changes
        self.pages.setCurrentIndex(1)
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _leave(self) -> None:
        self.controller.commit_pending()
        self.controller.detach()
