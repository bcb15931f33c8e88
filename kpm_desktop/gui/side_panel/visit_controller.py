"""Visit preparation for one customer, answerable in place: a ``VisitPrepView`` tied to a
workspace.

The side panel's Visit preparation tab and the trip debrief use the same view and this same
controller, so an answer is captured the same way in both: a mark key is one undo step
(``SetMarksCommand``), Enter/"Confirm as still true" refreshes the verified date
(``confirm_cells``), a quick note is a note dated today, "Goal achieved" updates the goal.
After every change the list is rebuilt (``domain.visit_prep.prepare_visit``) and shrinks.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QObject, Signal

from kpm_desktop.domain.entities import GoalStatus, Note
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.visit_prep import VisitPreparation, prepare_visit
from kpm_desktop.gui.side_panel.visit_prep_view import VisitPrepView
from kpm_desktop.storage.errors import StorageError
from kpm_desktop.workspace.commands import SetMarksCommand, mark_action_text
from kpm_desktop.workspace.customer_commands import (
    AddNoteCommand,
    UpdateGoalCommand,
    confirm_cells,
    customer_data,
)
from kpm_desktop.workspace.workspace import Workspace


def prepare_for(ws: Workspace, customer_id: int) -> VisitPreparation | None:
    """The visit preparation of one customer of ``ws`` (None if it is not in the file)."""
    if customer_id not in ws.matrix.row_of:
        return None
    data = customer_data(ws)
    repo = ws.repo
    m = ws.matrix
    return prepare_visit(
        m.customers[m.row_of[customer_id]],
        m.products,
        m.groups.values(),
        repo.cells_of_customer(customer_id),
        repo.goals_for(customer_id),
        repo.notes_for(customer_id),
        {k: c.name for k, c in ws.competitors().items()},
        data.today,
        data.stale_months(),
    )


class VisitPrepController(QObject):
    """Connects ``view`` to ``ws`` for the customer ``customer_id``.

    With ``follow=True`` it rebuilds the list itself when the customer's cells, notes, goals
    or the file's settings change; the side panel passes False because it refreshes all its
    tabs together.

    Signals:
        error(str): a change could not be stored (one line for the user).
    """

    error = Signal(str)

    def __init__(self, view: VisitPrepView, *, follow: bool = False) -> None:
        super().__init__(view)
        self.view = view
        self.follow = follow
        self.ws: Workspace | None = None
        self.customer_id: int | None = None
        view.set_mark_requested.connect(self.set_mark)
        view.confirm_requested.connect(self.confirm)
        view.add_note_requested.connect(self.add_note)
        view.goal_status_requested.connect(self.set_goal_status)

    # -- target --------------------------------------------------------------------------------
    def _signals(self) -> list:
        ws = self.ws
        assert ws is not None
        data = customer_data(ws)
        return [
            (ws.cells_changed, self._on_cells),
            (ws.structure_changed, self.refresh),
            (data.notes_changed, self._on_customer),
            (data.goals_changed, self._on_customer),
            (data.settings_changed, self._on_setting),
        ]

    def set_target(self, ws: Workspace | None, customer_id: int | None) -> None:
        """Show (and answer for) this customer of this file; None shows nothing."""
        if ws is not self.ws and self.follow:
            if self.ws is not None:
                for signal, slot in self._signals():
                    signal.disconnect(slot)
            if ws is not None:
                self.ws = ws
                for signal, slot in self._signals():
                    signal.connect(slot)
        self.ws = ws
        self.customer_id = customer_id
        self.refresh()

    def detach(self) -> None:
        """Stop following the workspace (the debrief closes)."""
        self.set_target(None, None)

    def preparation(self) -> VisitPreparation | None:
        ws, cid = self.ws, self.customer_id
        if ws is None or cid is None:
            return None
        return prepare_for(ws, cid)

    def refresh(self) -> None:
        self.view.set_preparation(self.preparation())

    @property
    def today(self) -> date:
        return customer_data(self.ws).today if self.ws is not None else date.today()

    def _on_cells(self, cells: list) -> None:
        ws, cid = self.ws, self.customer_id
        if ws is None or cid is None:
            return
        row = ws.matrix.row_of.get(cid)
        if any(r == row for r, _c in cells):
            self.refresh()

    def _on_customer(self, customer_id: int) -> None:
        if customer_id == self.customer_id:
            self.refresh()

    def _on_setting(self, _key: str) -> None:
        self.refresh()

    # -- answers -------------------------------------------------------------------------------
    def _run(self, fn) -> None:
        if self.ws is None or self.customer_id is None:
            return
        try:
            fn(self.ws, self.customer_id)
        except (StorageError, sqlite3.Error, KeyError) as exc:
            self.error.emit(str(exc) or type(exc).__name__)

    def set_mark(self, product_id: int, mark: Mark) -> None:
        self._run(
            lambda ws, cid: ws.push(
                SetMarksCommand(ws, [(cid, product_id, mark)], mark_action_text(mark, 1))
            )
        )

    def confirm(self, product_id: int) -> None:
        self._run(lambda ws, cid: confirm_cells(ws, [(cid, product_id)]))

    def add_note(self, text: str) -> None:
        day = self.today
        self._run(
            lambda ws, cid: ws.push(
                AddNoteCommand(ws, Note(customer_id=cid, text=text, note_date=day))
            )
        )

    def set_goal_status(self, goal_id: int, status: str) -> None:
        def run(ws: Workspace, cid: int) -> None:
            goal = next((g for g in ws.repo.goals_for(cid) if g.id == goal_id), None)
            if goal is not None:
                ws.push(UpdateGoalCommand(ws, replace(goal, status=GoalStatus(status))))

        self._run(run)

    def commit_pending(self) -> None:
        """A quick note typed and not added yet is added (before moving to another customer)."""
        if self.view.note_edit.text().strip() and self.ws is not None and not self.ws.read_only:
            self.view._add_note()
