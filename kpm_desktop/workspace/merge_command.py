"""A merge of a colleague's file (File › Merge a Colleague's File…) as one undo step.

The plan is made on a worker (``team.merge.plan_merge`` with read-only connections); the
first ``do`` takes a backup and writes it in one transaction (if the file changed where the
merge writes since the plan was made, the plan is made again here first, so no edit of the
meantime is overwritten). ``undo`` puts back every touched entity and the conflict list
(cells, the history entries copied from
the colleague and the merge base included) as they were, again in one transaction; redo writes the same plan once more.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from kpm_desktop.storage.backup import REASON_IMPORT
from kpm_desktop.team.merge import (
    Applied,
    MergePlan,
    apply_merge,
    is_stale,
    plan_merge,
    revert_merge,
)
from kpm_desktop.workspace.commands import WorkspaceCommand
from kpm_desktop.workspace.workspace import Workspace


class MergeCommand(WorkspaceCommand):
    def __init__(self, ws: Workspace, plan: MergePlan, theirs: Path) -> None:
        super().__init__(
            ws,
            QCoreApplication.translate("commands", "Merge “%1”").replace("%1", theirs.name),
        )
        self.plan = plan
        self.theirs = theirs
        self._applied: Applied | None = None

    def do(self) -> None:
        first = self._applied is None
        if first:
            if is_stale(self.repo, self.plan):
                self.plan = plan_merge(self.repo, self.theirs)
            self.ws.backup_before(REASON_IMPORT)
        try:
            self._applied = apply_merge(self.repo, self.plan)
        finally:
            self.ws.reload()

    def undo_it(self) -> None:
        try:
            revert_merge(self.repo, self.plan, self._applied or Applied([]))
        finally:
            self.ws.reload()
