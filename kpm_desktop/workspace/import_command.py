"""An applied import as one undo step.

The first ``do`` takes the backup and applies the plan in one transaction; ``undo`` reverts
exactly what was written (created customers/products/groups/competitors removed, changed
ones and every touched cell restored), again in one transaction; redo applies the same plan
once more (its 'before' states hold again after the undo). The matrix is reloaded after each
step because an import may add rows and columns anywhere.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from kpm_desktop.import_export.apply import AppliedImport, apply_plan, revert_import
from kpm_desktop.import_export.plans import ImportPlan
from kpm_desktop.storage.backup import make_backup
from kpm_desktop.workspace.commands import WorkspaceCommand
from kpm_desktop.workspace.workspace import Workspace


class ImportCommand(WorkspaceCommand):
    def __init__(
        self,
        ws: Workspace,
        plan: ImportPlan,
        *,
        progress: Callable[[int, int], None] | None = None,
        backup: bool = True,
    ) -> None:
        super().__init__(
            ws, QCoreApplication.translate("commands", "Import “%1”").replace("%1", plan.source)
        )
        self.plan = plan
        self.applied: AppliedImport | None = None
        self._progress = progress
        self._backup = backup

    def do(self) -> None:
        first = self.applied is None
        try:
            self.applied = apply_plan(
                self.repo,
                self.plan,
                backup=make_backup if first and self._backup else None,
                progress=self._progress if first else None,
            )
        finally:
            self._progress = None
            self.ws.reload()

    def undo_it(self) -> None:
        assert self.applied is not None
        try:
            revert_import(self.repo, self.applied)
        finally:
            self.ws.reload()
