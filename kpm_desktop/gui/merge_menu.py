"""File › Merge a Colleague's File…: the GUI of ``kpm merge MINE THEIRS``.

The colleague's file is chosen in a file dialog (opened with ``open()``, never ``exec()``);
both files are read and compared on a worker (``BackgroundTask``: two read-only SQLite
connections, none of the window's). The result is written on the GUI thread as one undo
step (``MergeCommand``), then a short report says what was added, changed, deleted and how
many conflicts wait; those go to the same review dialog as a team sync's
(Team › Review Conflicts…).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from kpm_desktop import FILE_SUFFIX
from kpm_desktop.gui import folders
from kpm_desktop.gui.actions import MenuId
from kpm_desktop.gui.team_text import error_text
from kpm_desktop.gui.workers import BackgroundTask

if TYPE_CHECKING:
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.team.merge import MergePlan

MERGE_ACTION = "file.merge"


class MergeController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task = BackgroundTask(self)
        self.task.done.connect(self._planned)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self.update)
        self.file_dialog: QFileDialog | None = None
        self.result_box: QMessageBox | None = None
        self._progress: QProgressDialog | None = None
        self._theirs: Path | None = None
        self._mine: Path | None = None
        self.last_plan: MergePlan | None = None
        self.action = window.action_registry.add(
            MERGE_ACTION,
            QCoreApplication.translate("MergeMenu", "&Merge a Colleague's File…"),
            self.choose_file,
            menu=MenuId.FILE,
            section="import",
            tip=QCoreApplication.translate(
                "MergeMenu",
                "Bring a colleague's copy of this matrix into yours: what is new or changed "
                "there is taken over, what both changed is listed for review",
            ),
        )
        window.workspace_changed.connect(lambda _ws: self.update())
        self.update()

    def update(self) -> None:
        ws = self.window.workspace
        self.action.setEnabled(ws is not None and not ws.read_only and not self.task.busy)

    # -- choose ------------------------------------------------------------------------------
    def choose_file(self) -> QFileDialog | None:
        ws = self.window.workspace
        if ws is None or ws.read_only or self.task.busy:
            return None
        dialog = QFileDialog(
            self.window,
            QCoreApplication.translate("MergeMenu", "Merge a colleague's file"),
            str(folders.start_folder_near(self.window, folders.MERGE, ws.path)),
            QCoreApplication.translate(
                "MergeMenu", "KPM matrix files (*%1);;All files (*)"
            ).replace("%1", FILE_SUFFIX),
        )
        dialog.setObjectName("merge_file_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.fileSelected.connect(lambda path: self.merge_file(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    # -- plan on the worker ----------------------------------------------------------------------
    def merge_file(self, theirs: Path) -> bool:
        """Compare ``theirs`` with the open file on a worker; the result arrives later."""
        from kpm_desktop.storage.repository import Repository
        from kpm_desktop.team.merge import plan_merge

        ws = self.window.workspace
        if ws is None or ws.read_only or self.task.busy:
            return False
        folders.remember(self.window, folders.MERGE, str(theirs))
        mine = ws.path
        if theirs.resolve() == mine.resolve():
            self.window.show_error(
                QCoreApplication.translate("MergeMenu", "Cannot merge"),
                QCoreApplication.translate(
                    "MergeMenu", "This is the open file itself; choose the colleague's copy."
                ),
            )
            return False
        self._theirs = theirs
        self._mine = mine

        def work() -> MergePlan:
            with Repository.open(mine, read_only=True) as repo:
                return plan_merge(repo, theirs)

        self._progress = QProgressDialog(
            QCoreApplication.translate("MergeMenu", "Comparing %1 with your file…").replace(
                "%1", theirs.name
            ),
            QCoreApplication.translate("MergeMenu", "Cancel"),
            0,
            0,
            self.window,
        )
        self._progress.setObjectName("merge_progress")
        self._progress.setWindowTitle(QCoreApplication.translate("MergeMenu", "Merge"))
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(400)
        self._progress.canceled.connect(self.cancel)
        self.task.start(work)
        self.update()
        return True

    def cancel(self) -> None:
        """Stop waiting: nothing was written (the comparison only reads)."""
        self.task.cancel()
        self._close_progress()
        self.window.statusBar().showMessage(
            QCoreApplication.translate("MergeMenu", "Merge cancelled; nothing was changed."), 6000
        )
        self.update()

    def wait(self, seconds: float = 60) -> None:
        """Tests: wait for the comparison and deliver its result."""
        self.task.wait(seconds)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect(self.cancel)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        self.update()
        self.window.show_error(
            QCoreApplication.translate("MergeMenu", "Cannot merge"), error_text(exc)
        )

    # -- write on the GUI thread -------------------------------------------------------------
    def _planned(self, plan: MergePlan) -> None:
        from kpm_desktop.workspace.merge_command import MergeCommand

        self._close_progress()
        self.update()
        ws = self.window.workspace
        if ws is None or ws.read_only or self._theirs is None or ws.path != self._mine:
            return  # closed (or another file opened) meanwhile: nothing to write
        command = MergeCommand(ws, plan, self._theirs)
        try:
            ws.push(command)
        except Exception as exc:
            self.window.show_error(
                QCoreApplication.translate("MergeMenu", "Cannot merge"), error_text(exc)
            )
            return
        self.last_plan = command.plan
        team = self._team()
        if team is not None:
            team.update()
        self._show_result(command.plan)

    def _show_result(self, plan: MergePlan) -> None:
        n_conflicts = len(plan.conflicts)
        n_added, n_changed, n_deleted = plan.counts()
        lines = [
            self.tr("%n added", "", n_added),
            self.tr("%n changed", "", n_changed),
            self.tr("%n deleted", "", n_deleted),
            self.tr("%n conflict(s) to review", "", n_conflicts),
        ]
        summary = " · ".join(lines)
        self.window.statusBar().showMessage(
            QCoreApplication.translate("MergeMenu", "Merged “%1”: %2")
            .replace("%1", plan.source)
            .replace("%2", summary),
            10000,
        )
        box = QMessageBox(self.window)
        box.setObjectName("merge_result")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("MergeMenu", "Merge"))
        box.setText(
            QCoreApplication.translate("MergeMenu", "%1 is merged into your file.").replace(
                "%1", plan.source
            )
        )
        detail = summary
        if n_conflicts:
            detail += "\n\n" + QCoreApplication.translate(
                "MergeMenu",
                "Where you and your colleague changed the same thing, your version stays "
                "until you decide (Team › Review Conflicts…).",
            )
        detail += "\n" + QCoreApplication.translate(
            "MergeMenu", "Edit › Undo takes back the whole merge."
        )
        box.setInformativeText(detail)
        self.review_button = None
        if n_conflicts:
            self.review_button = box.addButton(
                QCoreApplication.translate("MergeMenu", "&Review Conflicts…"),
                QMessageBox.ButtonRole.AcceptRole,
            )
            self.review_button.setObjectName("merge_review")
            self.review_button.clicked.connect(self._review)
        box.addButton(QMessageBox.StandardButton.Close)
        box.finished.connect(box.deleteLater)
        self.result_box = box
        box.open()

    def _team(self):
        from kpm_desktop.gui.team_menu import TeamController

        team = self.window.team
        return team if isinstance(team, TeamController) else None

    def _review(self) -> None:
        team = self._team()
        if team is not None:
            self.conflict_dialog = team.review()


def install(window: MainWindow) -> None:
    window.merge = MergeController(window)
