"""File > Import…: a wizard over ``import_export`` (source, columns, preview, conflicts).

All logic lives in ``kpm_desktop.import_export``; this module only collects choices and shows
results. Reading the file and computing the plan run in a worker thread (with its own
read-only connection), so the window stays responsive and both can be cancelled. Applying
is one ``ImportCommand`` on the workspace: one transaction, one undo step, with a backup
taken just before.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget, QWizard

from kpm_desktop.gui.dialogs.import_common import tr_message
from kpm_desktop.gui.dialogs.import_conflicts import ConflictsPage
from kpm_desktop.gui.dialogs.import_preview import PreviewPage
from kpm_desktop.gui.dialogs.import_source import MappingPage, SourcePage
from kpm_desktop.gui.dialogs.import_worker import TaskRunner
from kpm_desktop.gui.feedback import undo_key
from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.import_export.messages import ImportFailure
from kpm_desktop.storage.errors import StorageError
from kpm_desktop.workspace.import_command import ImportCommand
from kpm_desktop.workspace.workspace import Workspace


class ImportDialog(QWizard):
    """The import wizard for one open workspace."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(QCoreApplication.translate("ImportDialog", "Import"))
        self.setObjectName("import_dialog")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(
            QWizard.WizardButton.FinishButton, QCoreApplication.translate("ImportDialog", "&Import")
        )
        self.runner = TaskRunner(self)
        self.source_page = SourcePage()
        self.mapping_page = MappingPage(self.runner, self.source_page)
        self.preview_page = PreviewPage(self.runner, self.mapping_page, workspace)
        self.conflicts_page = ConflictsPage(self.preview_page)
        for page in (self.source_page, self.mapping_page, self.preview_page, self.conflicts_page):
            self.addPage(page)
        self.command: ImportCommand | None = None
        self.resize(960, 680)  # fits a 1366 x 768 laptop screen with the task bar

    def apply(self) -> bool:
        """Apply the plan as one undo step; False (dialog stays open) if it failed."""
        plan = self.preview_page.plan
        if plan is None:
            return False
        self.conflicts_page.apply_choices(plan)
        if plan.is_empty:
            return True
        total = plan.count_to_write()
        progress = QProgressDialog(
            QCoreApplication.translate("ImportDialog", "Importing…"),
            QCoreApplication.translate("ImportDialog", "Cancel"),
            0,
            max(total, 1),
            self,
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def tick(done: int, _total: int) -> None:
            progress.setValue(done)
            QCoreApplication.processEvents()
            if progress.wasCanceled():
                raise ImportFailure("cancelled")

        command = ImportCommand(self.workspace, plan, progress=tick)
        try:
            self.workspace.push(command)
        except ImportFailure as exc:
            self.conflicts_page.status.setText(tr_message(exc.key, exc.params))
            return False
        except StorageError as exc:
            self.conflicts_page.status.setText(storage_text(exc))
            return False
        finally:
            progress.reset()
            progress.deleteLater()
        self.command = command
        return True

    def accept(self) -> None:
        """Override of QDialog.accept: apply first; stay open when that fails."""
        if self.apply():
            super().accept()

    def done(self, result: int) -> None:
        """Override of QDialog.done: never leave a worker thread running."""
        self.runner.stop()
        super().done(result)


def show_import_dialog(window: Any) -> ImportDialog | None:
    """File > Import…: open the wizard for the window's workspace (modeless)."""
    ws = window.workspace
    if ws is None or ws.read_only:
        return None
    dialog = ImportDialog(ws, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def done() -> None:
        if dialog.command is None:
            return  # nothing to import: the plan was empty
        window.statusBar().showMessage(
            QCoreApplication.translate("ImportDialog", "Imported %1 — %2 undoes the import")
            .replace("%1", dialog.source_page.path_edit.text())
            .replace("%2", undo_key()),
            10000,
        )

    dialog.accepted.connect(done)
    dialog.show()
    return dialog
