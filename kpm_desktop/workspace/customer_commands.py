"""Undoable edits of one customer's data: notes, goals, cell details, master data, settings.

Each edit is one ``QUndoCommand`` on the workspace's undo stack (the same stack as the matrix
marks) and is written to the file at once, one transaction per ``redo``/``undo``. Cell edits go
through the workspace's ``WriteCellsCommand`` so the matrix, the history and the derived grid
stay in step.

``CustomerData`` sits beside the workspace (a child QObject, one per workspace) and tells
views when notes, goals or per-file settings changed, and which cells are stale or have a due
"no need" re-check (``CellAges``), kept current on every cell edit.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand

from kpm_desktop.domain.entities import CellRecord, Customer, Goal, Note
from kpm_desktop.domain.staleness import SETTING_KEY as STALE_MONTHS_KEY
from kpm_desktop.domain.staleness import CellAges
from kpm_desktop.storage.convert import utc_now
from kpm_desktop.storage.repository import CellKey
from kpm_desktop.workspace.commands import (
    AddCompetitorCommand,
    UpdateCustomerCommand,
    WriteCellsCommand,
)
from kpm_desktop.workspace.workspace import Workspace

NO_NEED_REASONS_KEY = "no_need_reasons"  # settings table: JSON list of strings
_BULK_REFRESH = 2000  # above this many changed cells, re-query the ages instead


def default_no_need_reasons() -> list[str]:
    return [
        QCoreApplication.translate("customer_commands", "makes in-house"),
        QCoreApplication.translate("customer_commands", "long-term contract"),
        QCoreApplication.translate("customer_commands", "not relevant"),
    ]


class CustomerData(QObject):
    """Per-workspace notifications and cell ages for the side panel and the matrix view.

    Signals:
        notes_changed: customer id whose notes changed.
        goals_changed: customer id whose goals changed.
        settings_changed: key of a per-file setting that changed.
        ages_changed: the stale / due re-check sets changed (repaint faded cells).
    """

    notes_changed = Signal(int)
    goals_changed = Signal(int)
    settings_changed = Signal(str)
    ages_changed = Signal()

    def __init__(self, ws: Workspace, today: date | None = None) -> None:
        super().__init__(ws)
        self.ws = ws
        self._today = today
        self.ages: CellAges = ws.repo.cell_ages(self.today)
        self._mask: bytearray | None = None
        ws.cells_changed.connect(self._on_cells_changed)
        ws.structure_changed.connect(self.refresh_ages)
        self.settings_changed.connect(self._on_setting)

    @property
    def today(self) -> date:
        """The day staleness and re-checks are judged on (fixed in tests)."""
        return self._today or date.today()

    def set_today(self, day: date | None) -> None:
        self._today = day
        self.refresh_ages()

    def refresh_ages(self) -> None:
        self.ages = self.ws.repo.cell_ages(self.today)
        self._mask = None
        self.ages_changed.emit()

    def _on_setting(self, key: str) -> None:
        if key == STALE_MONTHS_KEY:
            self.refresh_ages()

    def _on_cells_changed(self, cells: Sequence[tuple[int, int]]) -> None:
        if len(cells) > _BULK_REFRESH:
            self.refresh_ages()
            return
        repo = self.ws.repo
        for row, col in cells:
            key = self.ws.cell_key(row, col)
            self.ages.update_cell(key, repo.get_cell(*key))
        self._mask = None
        self.ages_changed.emit()

    # -- queries for views (matrix indices) ---------------------------------------------------
    def stale_mask(self) -> bytearray:
        """One byte per matrix cell (row-major): 1 = stale; cached until the next change."""
        if self._mask is None or len(self._mask) != len(self.ws.matrix.grid):
            self._mask = self.ages.stale_mask(self.ws.matrix)
        return self._mask

    def is_stale(self, row: int, col: int) -> bool:
        return self.ages.is_stale(*self.ws.cell_key(row, col))

    def is_recheck_due(self, row: int, col: int) -> bool:
        return self.ages.is_recheck_due(*self.ws.cell_key(row, col))

    def stale_rows(self, cols: Iterable[int] | None = None) -> list[int]:
        """Matrix rows with a stale cell (the "stale cells" filter)."""
        return self.ages.rows_with_stale(self.ws.matrix, cols)

    def effective_matrix(self):
        """The matrix with due "no need" re-checks as white spots (for counts and filters)."""
        return self.ages.effective_matrix(self.ws.matrix)

    # -- settings ---------------------------------------------------------------------------
    def stale_months(self) -> int:
        return self.ages.months

    def no_need_reasons(self) -> list[str]:
        raw = self.ws.repo.get_setting(NO_NEED_REASONS_KEY)
        if raw is None:
            return default_no_need_reasons()
        try:
            value = json.loads(raw)
        except ValueError:
            return default_no_need_reasons()
        return [str(v) for v in value if str(v).strip()] if isinstance(value, list) else []


def customer_data(ws: Workspace) -> CustomerData:
    """The workspace's ``CustomerData`` (created on first use)."""
    found = getattr(ws, "_kpm_customer_data", None)
    if found is None:
        found = CustomerData(ws)
        ws._kpm_customer_data = found  # type: ignore[attr-defined]
    return found


class _Command(QUndoCommand):
    def __init__(self, ws: Workspace, text: str) -> None:
        super().__init__(text)
        self.ws = ws
        self.repo = ws.repo
        self.data = customer_data(ws)


# -- notes -------------------------------------------------------------------------------------
class AddNoteCommand(_Command):
    def __init__(self, ws: Workspace, note: Note) -> None:
        super().__init__(ws, QCoreApplication.translate("customer_commands", "Add note"))
        self.note = note

    def redo(self) -> None:
        if self.note.id is None:
            self.note = self.repo.add_note(self.note)
        else:  # redo after undo: same id again
            self.repo.restore_note(self.note)
        self.data.notes_changed.emit(self.note.customer_id)

    def undo(self) -> None:
        assert self.note.id is not None
        self.repo.delete_note(self.note.id)
        self.data.notes_changed.emit(self.note.customer_id)


class UpdateNoteCommand(_Command):
    def __init__(self, ws: Workspace, note: Note) -> None:
        super().__init__(ws, QCoreApplication.translate("customer_commands", "Edit note"))
        self._new = note
        self._old: Note | None = None

    def redo(self) -> None:
        self._old = self.repo.update_note(self._new)
        self.data.notes_changed.emit(self._new.customer_id)

    def undo(self) -> None:
        assert self._old is not None
        self.repo.update_note(self._old)
        self.data.notes_changed.emit(self._old.customer_id)


class DeleteNoteCommand(_Command):
    def __init__(self, ws: Workspace, note: Note) -> None:
        super().__init__(ws, QCoreApplication.translate("customer_commands", "Delete note"))
        self.note = note

    def redo(self) -> None:
        assert self.note.id is not None
        self.note = self.repo.delete_note(self.note.id)
        self.data.notes_changed.emit(self.note.customer_id)

    def undo(self) -> None:
        self.repo.restore_note(self.note)
        self.data.notes_changed.emit(self.note.customer_id)


# -- goals -------------------------------------------------------------------------------------
class AddGoalCommand(_Command):
    def __init__(self, ws: Workspace, goal: Goal) -> None:
        super().__init__(
            ws,
            QCoreApplication.translate("customer_commands", "Add goal %1").replace(
                "%1", goal.title
            ),
        )
        self.goal = goal

    def redo(self) -> None:
        if self.goal.id is None:
            self.goal = self.repo.add_goal(self.goal)
        else:
            self.repo.restore_goal(self.goal)
        self.data.goals_changed.emit(self.goal.customer_id)

    def undo(self) -> None:
        assert self.goal.id is not None
        self.repo.delete_goal(self.goal.id)
        self.data.goals_changed.emit(self.goal.customer_id)


class UpdateGoalCommand(_Command):
    def __init__(self, ws: Workspace, goal: Goal, text: str = "") -> None:
        super().__init__(
            ws,
            text
            or QCoreApplication.translate("customer_commands", "Edit goal %1").replace(
                "%1", goal.title
            ),
        )
        self._new = goal
        self._old: Goal | None = None

    def redo(self) -> None:
        self._old = self.repo.update_goal(self._new)
        self.data.goals_changed.emit(self._new.customer_id)

    def undo(self) -> None:
        assert self._old is not None
        self.repo.update_goal(self._old)
        self.data.goals_changed.emit(self._old.customer_id)


class DeleteGoalCommand(_Command):
    def __init__(self, ws: Workspace, goal: Goal) -> None:
        super().__init__(
            ws,
            QCoreApplication.translate("customer_commands", "Delete goal %1").replace(
                "%1", goal.title
            ),
        )
        self.goal = goal

    def redo(self) -> None:
        assert self.goal.id is not None
        self.goal = self.repo.delete_goal(self.goal.id)
        self.data.goals_changed.emit(self.goal.customer_id)

    def undo(self) -> None:
        self.repo.restore_goal(self.goal)
        self.data.goals_changed.emit(self.goal.customer_id)


class ReorderGoalsCommand(_Command):
    """Give a customer's goals a new order (sort_order = position), in one transaction."""

    def __init__(self, ws: Workspace, customer_id: int, goal_ids: Sequence[int]) -> None:
        super().__init__(ws, QCoreApplication.translate("customer_commands", "Reorder goals"))
        self._customer_id = customer_id
        self._order = list(goal_ids)
        self._old: dict[int, int] = {}

    def _apply(self, orders: dict[int, int]) -> dict[int, int]:
        goals = {g.id: g for g in self.repo.goals_for(self._customer_id)}
        old = {gid: g.sort_order for gid, g in goals.items()}  # type: ignore[misc]
        with self.repo.transaction():
            for gid, order in orders.items():
                if gid in goals and goals[gid].sort_order != order:
                    self.repo.update_goal(replace(goals[gid], sort_order=order))
        self.data.goals_changed.emit(self._customer_id)
        return old  # type: ignore[return-value]

    def redo(self) -> None:
        self._old = self._apply({gid: i for i, gid in enumerate(self._order)})

    def undo(self) -> None:
        self._apply(self._old)


# -- settings ----------------------------------------------------------------------------------
class SetSettingCommand(_Command):
    """Change one per-file setting (None removes it, back to the default)."""

    def __init__(self, ws: Workspace, key: str, value: str | None, text: str) -> None:
        super().__init__(ws, text)
        self._key = key
        self._new = value
        self._old: str | None = None

    def _set(self, value: str | None) -> None:
        if value is None:
            self.repo.delete_setting(self._key)
        else:
            self.repo.set_setting(self._key, value)
        self.data.settings_changed.emit(self._key)

    def redo(self) -> None:
        self._old = self.repo.get_setting(self._key)
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


def set_stale_months(ws: Workspace, months: int) -> None:
    ws.push(
        SetSettingCommand(
            ws,
            STALE_MONTHS_KEY,
            str(int(months)),
            QCoreApplication.translate(
                "customer_commands", "Set stale threshold to %1 months"
            ).replace("%1", str(int(months))),
        )
    )


def set_no_need_reasons(ws: Workspace, reasons: Sequence[str]) -> None:
    clean = [r.strip() for r in reasons if r.strip()]
    ws.push(
        SetSettingCommand(
            ws,
            NO_NEED_REASONS_KEY,
            json.dumps(list(dict.fromkeys(clean)), ensure_ascii=False),
            QCoreApplication.translate("customer_commands", "Edit no-need reasons"),
        )
    )


# -- cells -------------------------------------------------------------------------------------
def details_changed(old: CellRecord | None, new: CellRecord | None) -> bool:
    """True when anything the user edits differs (timestamps and source do not count)."""
    if old is None or new is None:
        return old is not new
    keep = {"verified_at": None, "updated_at": None, "source": "user"}
    return replace(old, **keep) != replace(new, **keep)  # type: ignore[arg-type]


def edit_cell(
    ws: Workspace,
    customer_id: int,
    product_id: int,
    record: CellRecord | None,
    *,
    new_competitor: str = "",
    at: datetime | None = None,
) -> bool:
    """Store edited cell details as one undo step; the verified date is set to now.

    ``new_competitor`` names a competitor to add first and to link (one undo step for both).
    Returns False when nothing changed.
    """
    old = ws.repo.get_cell(customer_id, product_id)
    name = new_competitor.strip()
    existing = ws.repo.competitor_by_name(name) if name else None
    if existing is not None and record is not None:
        record = replace(record, competitor_id=existing.id)
        name = ""
    if not name and not details_changed(old, record):
        return False
    now = at or utc_now()
    if record is not None:
        record = replace(record, verified_at=now, updated_at=now, source="user")
    text = QCoreApplication.translate("customer_commands", "Edit cell details")
    if not name:
        ws.push(WriteCellsCommand(ws, [(customer_id, product_id, record)], text))
        return True
    stack = ws.undo_stack
    stack.beginMacro(text)
    try:
        add = AddCompetitorCommand(ws, name)
        ws.push(add)
        assert add.added is not None
        if record is not None:
            record = replace(record, competitor_id=add.added.id)
        ws.push(WriteCellsCommand(ws, [(customer_id, product_id, record)], text))
    finally:
        stack.endMacro()
    return True


def confirm_cells(ws: Workspace, keys: Iterable[CellKey], at: datetime | None = None) -> int:
    """ "Confirm as still true": refresh only ``verified_at`` of marked cells (one undo step).

    Returns the number of cells confirmed (white spots have nothing to confirm).
    """
    now = at or utc_now()
    changes = []
    for cid, pid in keys:
        rec = ws.repo.get_cell(cid, pid)
        if rec is not None:
            changes.append((cid, pid, replace(rec, verified_at=now)))
    if not changes:
        return 0
    text = (
        QCoreApplication.translate("customer_commands", "Confirm cell as still true")
        if len(changes) == 1
        else QCoreApplication.translate(
            "customer_commands", "Confirm %1 cells as still true"
        ).replace("%1", str(len(changes)))
    )
    ws.push(WriteCellsCommand(ws, changes, text))
    return len(changes)


def update_customer(ws: Workspace, customer: Customer) -> bool:
    """Store edited master data as one undo step; False when nothing changed."""
    assert customer.id is not None
    if ws.repo.get_customer(customer.id) == customer:
        return False
    ws.push(UpdateCustomerCommand(ws, customer))
    return True


__all__ = [
    "NO_NEED_REASONS_KEY",
    "AddGoalCommand",
    "AddNoteCommand",
    "CustomerData",
    "DeleteGoalCommand",
    "DeleteNoteCommand",
    "ReorderGoalsCommand",
    "SetSettingCommand",
    "UpdateGoalCommand",
    "UpdateNoteCommand",
    "confirm_cells",
    "customer_data",
    "default_no_need_reasons",
    "details_changed",
    "edit_cell",
    "set_no_need_reasons",
    "set_stale_months",
    "update_customer",
]
