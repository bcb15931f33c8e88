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
import threading
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal

from kpm_desktop.domain.entities import CellRecord, Competitor, Customer, Goal, Note, stored_id
from kpm_desktop.domain.marks import WHITE
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.domain.staleness import DEFAULT_STALE_MONTHS, CellAges
from kpm_desktop.domain.staleness import SETTING_KEY as STALE_MONTHS_KEY
from kpm_desktop.storage.convert import utc_now
from kpm_desktop.storage.repository import CellChange, CellKey, Repository
from kpm_desktop.workspace.commands import (
    UpdateCustomerCommand,
    WorkspaceCommand,
    WriteCellsCommand,
)
from kpm_desktop.workspace.workspace import Workspace

NO_NEED_REASONS_KEY = "no_need_reasons"  # settings table: JSON list of strings
_BULK_REFRESH = 2000  # above this many changed cells, re-query the ages instead
BACKGROUND_MARKS = 200_000  # from this many marks on, ages are computed on a worker thread


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
        recount_needed: which cells count as white spots changed beyond plain mark edits (a
            due re-check was edited, or everything was re-queried): counts must be redone.
    """

    notes_changed = Signal(int)
    goals_changed = Signal(int)
    settings_changed = Signal(str)
    ages_changed = Signal()
    recount_needed = Signal()
    _ages_ready = Signal(int, object)  # generation, CellAges | Exception (from the worker)

    def __init__(self, ws: Workspace, today: date | None = None) -> None:
        super().__init__(ws)
        self.ws = ws
        self._today = today
        self.ages: CellAges = CellAges(today=self.today, months=DEFAULT_STALE_MONTHS)
        self._mask: bytearray | None = None
        self._effective: Matrix | None = None
        # Background computation (large files): results of an older run are dropped, and
        # cells edited while it ran are re-read when it lands.
        self._generation = 0
        self._edited_meanwhile: set[CellKey] | None = None
        self._worker: threading.Thread | None = None
        self._ages_ready.connect(self._take_ages)
        ws.cells_changed.connect(self._on_cells_changed)
        ws.structure_changed.connect(self.refresh_ages)
        self.settings_changed.connect(self._on_setting)
        self.refresh_ages()

    @property
    def today(self) -> date:
        """The day staleness and re-checks are judged on (fixed in tests)."""
        return self._today or date.today()

    def set_today(self, day: date | None) -> None:
        self._today = day
        self.refresh_ages()

    @property
    def loading(self) -> bool:
        """True while the ages of a large file are computed in the background."""
        return self._edited_meanwhile is not None

    def refresh_ages(self) -> None:
        """Re-query stale cells and due re-checks (a new day, a new threshold, a new shape).

        Both queries scan the marks table (seconds at size L), so for large files they run
        on a worker thread with its own read-only connection; until the answer lands nothing
        is faded and counts are the stored marks.
        """
        self._generation += 1
        m = self.ws.matrix
        marks = len(m.grid) - m.grid.count(WHITE)
        if marks < BACKGROUND_MARKS or QCoreApplication.instance() is None:
            self._edited_meanwhile = None
            self._set_ages(self.ws.repo.cell_ages(self.today))
            return
        self._edited_meanwhile = set()
        generation, path, today = self._generation, self.ws.repo.path, self.today

        def work() -> None:
            try:
                with Repository.open(path, read_only=True) as repo:
                    result: object = repo.cell_ages(today)
            except Exception as exc:  # reported on the main thread
                result = exc
            try:
                self._ages_ready.emit(generation, result)
            except RuntimeError:  # the workspace was closed meanwhile
                pass

        self._worker = threading.Thread(target=work, name="kpm-cell-ages", daemon=True)
        self._worker.start()

    def wait_for_ages(self, timeout: float = 60.0) -> None:
        """Block until a background computation has landed (tests, scripts)."""
        if self._worker is not None:
            self._worker.join(timeout)
        QCoreApplication.processEvents()

    def _take_ages(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # a newer refresh is under way
        edited = self._edited_meanwhile or set()
        self._edited_meanwhile = None
        if isinstance(result, Exception):
            # Not fatal: without ages nothing is faded; the next refresh tries again.
            return
        assert isinstance(result, CellAges)
        for key in edited:
            result.update_cell(key, self.ws.repo.get_cell(*key))
        self._set_ages(result)

    def _set_ages(self, ages: CellAges) -> None:
        self.ages = ages
        self._mask = None
        self._effective = None
        self.ages_changed.emit()
        self.recount_needed.emit()

    def _on_setting(self, key: str) -> None:
        if key == STALE_MONTHS_KEY:
            self.refresh_ages()

    def _on_cells_changed(self, cells: Sequence[tuple[int, int]]) -> None:
        if len(cells) > _BULK_REFRESH:
            self.refresh_ages()
            return
        ws = self.ws
        repo = ws.repo
        eff = self._effective
        if eff is ws.matrix:
            eff = self._effective = None  # it was the matrix itself; rebuilt when a re-check is due
        n = ws.matrix.n_cols
        due_touched = False
        for row, col in cells:
            key = ws.cell_key(row, col)
            if self._edited_meanwhile is not None:
                self._edited_meanwhile.add(key)
            was_due = key in self.ages.recheck_due
            self.ages.update_cell(key, repo.get_cell(*key))
            due = key in self.ages.recheck_due
            due_touched = due_touched or was_due or due
            if eff is not None:
                eff.grid[row * n + col] = WHITE if due else ws.matrix.code(row, col)
        self._mask = None
        self.ages_changed.emit()
        if due_touched:
            # Counts kept up to date from plain mark changes would miss the white spot that
            # a due re-check counts as.
            self.recount_needed.emit()

    # -- queries for views (matrix indices) ---------------------------------------------------
    def effective_matrix(self) -> Matrix:
        """The matrix with due "no need" re-checks as white spots: what counts and filters use.

        The workspace's matrix itself while nothing is due; otherwise a copy kept current on
        every cell change (one byte per cell, rebuilt only after structure changes).
        """
        m = self.ws.matrix
        eff = self._effective
        if eff is None or len(eff.grid) != len(m.grid):
            eff = self._effective = self.ages.effective_matrix(m)
        return eff

    def stale_mask(self) -> bytearray:
        """One byte per matrix cell (row-major): 1 = stale or re-check due (drawn faded)."""
        m = self.ws.matrix
        if self._mask is None or len(self._mask) != len(m.grid):
            mask = self.ages.stale_mask(m)
            row_of, col_of, n = m.row_of, m.col_of, m.n_cols
            for cid, pid in self.ages.recheck_due:
                r, c = row_of.get(cid), col_of.get(pid)
                if r is not None and c is not None:
                    mask[r * n + c] = 1
            self._mask = mask
        return self._mask

    def is_stale(self, row: int, col: int) -> bool:
        return self.ages.is_stale(*self.ws.cell_key(row, col))

    def is_recheck_due(self, row: int, col: int) -> bool:
        return self.ages.is_recheck_due(*self.ws.cell_key(row, col))

    def stale_rows(self, cols: Iterable[int] | None = None) -> list[int]:
        """Matrix rows with a stale cell (the "stale cells" filter)."""
        return self.ages.rows_with_stale(self.ws.matrix, cols)

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
    return ws.part(CustomerData)


class _Command(WorkspaceCommand):
    """Runs ``do()`` before entering the stack (see ``WorkspaceCommand``)."""

    def __init__(self, ws: Workspace, text: str) -> None:
        super().__init__(ws, text)
        self.data = customer_data(ws)


# -- notes -------------------------------------------------------------------------------------
class AddNoteCommand(_Command):
    def __init__(self, ws: Workspace, note: Note) -> None:
        super().__init__(ws, QCoreApplication.translate("customer_commands", "Add note"))
        self.note = note

    def do(self) -> None:
        if self.note.id is None:
            self.note = self.repo.add_note(self.note)
        else:  # redo after undo: same id again
            self.repo.restore_note(self.note)
        self.data.notes_changed.emit(self.note.customer_id)

    def undo_it(self) -> None:
        assert self.note.id is not None
        self.repo.delete_note(self.note.id)
        self.data.notes_changed.emit(self.note.customer_id)


class UpdateNoteCommand(_Command):
    def __init__(self, ws: Workspace, note: Note) -> None:
        super().__init__(ws, QCoreApplication.translate("customer_commands", "Edit note"))
        self._new = note
        self._old: Note | None = None

    def do(self) -> None:
        self._old = self.repo.update_note(self._new)
        self.data.notes_changed.emit(self._new.customer_id)

    def undo_it(self) -> None:
        assert self._old is not None
        self.repo.update_note(self._old)
        self.data.notes_changed.emit(self._old.customer_id)


class DeleteNoteCommand(_Command):
    def __init__(self, ws: Workspace, note: Note) -> None:
        super().__init__(ws, QCoreApplication.translate("customer_commands", "Delete note"))
        self.note = note

    def do(self) -> None:
        assert self.note.id is not None
        self.note = self.repo.delete_note(self.note.id)
        self.data.notes_changed.emit(self.note.customer_id)

    def undo_it(self) -> None:
        self.repo.restore_note(self.note)
        self.data.notes_changed.emit(self.note.customer_id)


# -- goals -------------------------------------------------------------------------------------
class AddGoalCommand(_Command):
    def __init__(self, ws: Workspace, goal: Goal) -> None:
        super().__init__(
            ws,
            QCoreApplication.translate("customer_commands", "Add goal “%1”").replace(
                "%1", goal.title
            ),
        )
        self.goal = goal

    def do(self) -> None:
        if self.goal.id is None:
            self.goal = self.repo.add_goal(self.goal)
        else:
            self.repo.restore_goal(self.goal)
        self.data.goals_changed.emit(self.goal.customer_id)

    def undo_it(self) -> None:
        assert self.goal.id is not None
        self.repo.delete_goal(self.goal.id)
        self.data.goals_changed.emit(self.goal.customer_id)


class UpdateGoalCommand(_Command):
    def __init__(self, ws: Workspace, goal: Goal, text: str = "") -> None:
        super().__init__(
            ws,
            text
            or QCoreApplication.translate("customer_commands", "Edit goal “%1”").replace(
                "%1", goal.title
            ),
        )
        self._new = goal
        self._old: Goal | None = None

    def do(self) -> None:
        self._old = self.repo.update_goal(self._new)
        self.data.goals_changed.emit(self._new.customer_id)

    def undo_it(self) -> None:
        assert self._old is not None
        self.repo.update_goal(self._old)
        self.data.goals_changed.emit(self._old.customer_id)


class DeleteGoalCommand(_Command):
    def __init__(self, ws: Workspace, goal: Goal) -> None:
        super().__init__(
            ws,
            QCoreApplication.translate("customer_commands", "Delete goal “%1”").replace(
                "%1", goal.title
            ),
        )
        self.goal = goal

    def do(self) -> None:
        assert self.goal.id is not None
        self.goal = self.repo.delete_goal(self.goal.id)
        self.data.goals_changed.emit(self.goal.customer_id)

    def undo_it(self) -> None:
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
        goals = {stored_id(g): g for g in self.repo.goals_for(self._customer_id)}
        old = {gid: g.sort_order for gid, g in goals.items()}
        with self.repo.transaction():
            for gid, order in orders.items():
                if gid in goals and goals[gid].sort_order != order:
                    self.repo.update_goal(replace(goals[gid], sort_order=order))
        self.data.goals_changed.emit(self._customer_id)
        return old

    def do(self) -> None:
        self._old = self._apply({gid: i for i, gid in enumerate(self._order)})

    def undo_it(self) -> None:
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

    def do(self) -> None:
        self._old = self.repo.get_setting(self._key)
        self._set(self._new)

    def undo_it(self) -> None:
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
    return replace(old, verified_at=None, updated_at=None, source="user") != replace(
        new, verified_at=None, updated_at=None, source="user"
    )


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
    ws.push(EditCellCommand(ws, customer_id, product_id, record, name))
    return True


class EditCellCommand(_Command):
    """Write one cell's details; optionally add a new competitor and link it, atomically."""

    def __init__(
        self,
        ws: Workspace,
        customer_id: int,
        product_id: int,
        record: CellRecord | None,
        new_competitor: str = "",
    ) -> None:
        super().__init__(ws, QCoreApplication.translate("customer_commands", "Edit cell details"))
        self._key = (customer_id, product_id)
        self._record = record
        self._new_competitor = new_competitor
        self._competitor: Competitor | None = None
        self._old: list[CellChange] = []

    def do(self) -> None:
        cid, pid = self._key
        record = self._record
        with self.repo.transaction():
            if self._new_competitor:
                if self._competitor is None:
                    self._competitor = self.repo.add_competitor(self._new_competitor)
                else:  # redo after undo: the same id again
                    self.repo.restore_competitor(self._competitor, [])
                if record is not None:
                    record = replace(record, competitor_id=self._competitor.id)
            # Last, so the matrix mirror and signals follow right before the commit.
            self._old = self.ws.apply_cells([(cid, pid, record)])
        if self._new_competitor:
            self.ws.competitors_updated()

    def undo_it(self) -> None:
        with self.repo.transaction():
            self.ws.apply_cells(self._old, source="undo")
            if self._competitor is not None and self._competitor.id is not None:
                self.repo.delete_competitor(self._competitor.id)
        if self._competitor is not None:
            self.ws.competitors_updated()


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
    before = ws.repo.get_customer(customer.id)
    if before == customer:
        return False
    text = ""
    if before is not None and replace(before, parent_uuid=customer.parent_uuid) == customer:
        # Only the key account changed: say so in Edit › Undo.
        if customer.parent_uuid:
            head = next((c for c in ws.matrix.customers if c.uuid == customer.parent_uuid), None)
            text = (
                QCoreApplication.translate("commands", "Make “%1” a site of “%2”")
                .replace("%1", customer.name)
                .replace("%2", head.name if head is not None else "?")
            )
        else:
            text = QCoreApplication.translate(
                "commands", "Take “%1” out of its key account"
            ).replace("%1", customer.name)
    ws.push(UpdateCustomerCommand(ws, customer, text))
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
