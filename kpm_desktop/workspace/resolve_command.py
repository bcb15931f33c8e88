"""Settling conflicts (Team › Review Conflicts) as one undo step.

``do`` reads what the resolution may change (``team.resolve_undo.snapshot_for``) and then
settles the conflicts (``team.conflicts.resolve``); ``undo`` puts the snapshot back, so the
values and the open conflicts are as before (and the merge before it can be undone too).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kpm_desktop.team import conflicts
from kpm_desktop.team.resolve_undo import ResolveSnapshot, revert_resolve, snapshot_for
from kpm_desktop.workspace.commands import WorkspaceCommand
from kpm_desktop.workspace.workspace import Workspace


class ResolveCommand(WorkspaceCommand):
    def __init__(self, ws: Workspace, choices: dict[str, str]) -> None:
        super().__init__(ws, QCoreApplication.translate("commands", "Settle Conflicts"))
        self.choices = dict(choices)
        self._snapshot: ResolveSnapshot | None = None

    def do(self) -> None:
        snapshot = snapshot_for(self.repo, self.choices)
        try:
            conflicts.resolve(self.repo, self.choices)
            self._snapshot = snapshot
        finally:
            self.ws.reload()

    def undo_it(self) -> None:
        if self._snapshot is None:
            return
        try:
            revert_resolve(self.repo, self._snapshot)
        finally:
            self.ws.reload()
