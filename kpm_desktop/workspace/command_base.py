"""The base of undoable workspace actions, and the one command the workspace itself pushes.

``Workspace`` pushes ``SetMarksCommand`` (marking, paste) and runs any ``CommandBase`` before
it enters the undo stack, so this module must not import ``workspace.py``: the commands see
the workspace through ``CommandHost``. Commands elsewhere subclass
``commands.WorkspaceCommand``, which types ``ws`` as the full ``Workspace``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.packed_cells import PackedChanges
from kpm_desktop.storage.repository import CellChange, Repository


class CommandHost(Protocol):
    """What the base command needs of the workspace (``Workspace`` is one)."""

    repo: Repository

    def report_failure(self, failure: BaseException | str) -> None: ...

    def apply_marks(
        self, edits: Sequence[tuple[int, int, Mark | None]], source: str = "user"
    ) -> Sequence[CellChange]: ...

    def apply_cells(
        self, changes: Sequence[CellChange], source: str = "user"
    ) -> Sequence[CellChange]: ...


def mark_action_text(mark: Mark | None, count: int) -> str:
    """Undo text such as "Mark 3 cells as competitor"."""
    names = {
        None: QCoreApplication.translate("commands", "white spot"),
        Mark.OURS: QCoreApplication.translate("commands", "ours"),
        Mark.COMPETITOR: QCoreApplication.translate("commands", "competitor"),
        Mark.NEED: QCoreApplication.translate("commands", "need"),
        Mark.NO_NEED: QCoreApplication.translate("commands", "no need"),
    }
    if count == 1:
        return QCoreApplication.translate("commands", "Mark cell as %1").replace("%1", names[mark])
    return (
        QCoreApplication.translate("commands", "Mark %1 cells as %2")
        .replace("%1", str(count))
        .replace("%2", names[mark])
    )


class CommandBase(QUndoCommand):
    """Base of undoable workspace actions: subclasses implement ``do()`` and ``undo_it()``.

    ``Workspace.push`` calls ``do()`` itself *before* the command enters the stack, so a
    failed first write (read-only file, disk full) raises to the caller and leaves no undo
    step behind. Failures of later undo/redo runs cannot raise through Qt: they are reported
    through ``Workspace.error`` and the undo history is dropped (the file is unchanged, the
    transaction was rolled back).
    """

    def __init__(self, ws: CommandHost, text: str) -> None:
        super().__init__(text)
        self.ws = ws
        self.repo = ws.repo
        self.skip_next_redo = False

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        """Override of QUndoCommand.redo."""
        if self.skip_next_redo:
            self.skip_next_redo = False
            return
        self._guard(self.do)

    def undo(self) -> None:
        """Override of QUndoCommand.undo."""
        self._guard(self.undo_it)

    def _guard(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception as exc:
            self.ws.report_failure(exc)


def pack_changes(changes: Sequence[CellChange]) -> Sequence[CellChange]:
    return changes if isinstance(changes, PackedChanges) else PackedChanges(changes)


class SetMarksCommand(CommandBase):
    """Set marks on cells given as (customer_id, product_id, mark or None)."""

    def __init__(
        self, ws: CommandHost, edits: Sequence[tuple[int, int, Mark | None]], text: str = ""
    ) -> None:
        marks = {m for _, _, m in edits}
        if not text:
            text = (
                mark_action_text(next(iter(marks)), len(edits))
                if len(marks) == 1
                else QCoreApplication.translate("commands", "Paste %1 cells").replace(
                    "%1", str(len(edits))
                )
            )
        super().__init__(ws, text)
        self._edits: list[tuple[int, int, Mark | None]] | None = list(edits)
        # Undo data packed into arrays (``domain.packed_cells``): ~20 bytes per cell instead
        # of a record object; the edit list itself is dropped once it is done.
        self._old: Sequence[CellChange] | None = None
        self._new: Sequence[CellChange] | None = None

    def do(self) -> None:
        if self._new is None:
            assert self._edits is not None
            self._old = pack_changes(self.ws.apply_marks(self._edits))
            self._edits = None
        else:
            self._old = pack_changes(self.ws.apply_cells(self._new, source="redo"))

    def undo_it(self) -> None:
        assert self._old is not None
        self._new = pack_changes(self.ws.apply_cells(self._old, source="undo"))
