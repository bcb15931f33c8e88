"""Opening, creating and copying matrix files in the main window (part of ``MainWindow``).

Opening a file may first update an older format and check the file's integrity, each on a
worker (``gui.workers``) behind a progress dialog; a file another instance has open asks
whether to view it read-only or take over its lock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import QMainWindow, QMenu, QProgressDialog

from kpm_desktop import FILE_SUFFIX
from kpm_desktop.gui import folders
from kpm_desktop.gui.feedback import blocking_progress, os_error_message
from kpm_desktop.gui.settings import UiSettings
from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.gui.workers import (
    FileChecker,
    FileUpgrader,
    checks_in_background,
    wait_with_events,
)
from kpm_desktop.storage.database import FileCheck
from kpm_desktop.storage.errors import StorageError
from kpm_desktop.storage.lock import FileLockedError
from kpm_desktop.storage.repository import Repository
from kpm_desktop.workspace.workspace import Workspace

if TYPE_CHECKING:  # the mixin is only ever part of MainWindow (a QMainWindow)
    _WindowBase = QMainWindow
else:
    _WindowBase = object

log = logging.getLogger("kpm_desktop.gui.main_window")


class FileActionsMixin(_WindowBase):
    """File › New, Open, Open Recent and Save a Copy, and opening a file; part of ``MainWindow``."""

    settings: UiSettings
    workspace: Workspace | None
    open_error_handlers: list[Callable[[Path, Exception], bool]]
    _recent_menu: QMenu
    # MainWindow's methods used here
    confirm_close_file: Callable[[], bool]
    set_workspace: Callable[[Workspace | None], None]
    show_error: Callable[[str, str], None]
    install_pending_extensions: Callable[[], None]

    def open_file(
        self,
        path: Path | str,
        checked: FileCheck | None = None,
        checker: FileChecker | None = None,
    ) -> bool:
        """Open a matrix file in this window; on failure show why and keep the current one.

        A file closed cleanly gets the cheap checks and opens editable at once; its full
        integrity check runs on a worker after the first frame (``gui.safety``). A file not
        closed cleanly is fully checked first, behind a progress window.

        ``checked``: integrity checks of this file already run; ``checker``: a running
        ``gui.workers.FileChecker`` of it (start-up), waited for with visible progress.
        """
        path = Path(path)
        if not self.confirm_close_file():
            return False
        if self._upgrade_with_progress(path, checked):
            checked, checker = None, None  # the file has changed: check it again
        if checked is None and (checker is not None or checks_in_background(path)):
            checked = self._check_with_progress(path, checker)
        try:
            try:
                ws = (
                    Workspace.open(path, parent=self, check="auto")
                    if checked is None
                    else Workspace.open(path, parent=self, check="auto", checked=checked)
                )
            except FileLockedError as exc:
                choice = self._ask_file_in_use(exc)
                if choice == "take_over":
                    log.log(logging.WARNING, "taking over the lock of %s from %s", path, exc.owner)
                    ws = Workspace.open(
                        path, parent=self, check="auto", force_lock=True, checked=checked
                    )
                elif choice == "read_only":
                    ws = Workspace.open(path, read_only=True, parent=self, check="auto")
                else:
                    return False
        except (StorageError, OSError) as exc:
            # At start-up the handlers (gui.safety) may still be waiting for the first frame.
            self.install_pending_extensions()
            for handler in self.open_error_handlers:
                if handler(path, exc):  # e.g. offered read-only viewing or a restore
                    now_open = self.workspace
                    return now_open is not None and now_open.path.resolve() == path.resolve()
            self.show_error(self.tr("Cannot open %1").replace("%1", path.name), storage_text(exc))
            self.settings.remove_recent_file(path)
            return False
        self.set_workspace(ws)
        self.settings.add_recent_file(path)
        if not ws.read_only:  # a read-only file has its own message (set_workspace)
            self.statusBar().showMessage(self.tr("Opened %1").replace("%1", str(path)), 5000)
        return True

    def _ask_file_in_use(self, exc: FileLockedError) -> str:
        """ "take_over", "read_only" or "cancel" for a file another instance has open.

        Taking over is offered only for a lock naming another computer whose OS lock is
        free here (left by a crash there); the question names user, computer and time.
        """
        from PySide6.QtWidgets import QMessageBox  # here: not on the start path

        if not exc.can_force or exc.owner is None:
            answer = QMessageBox.question(
                self,
                self.tr("File is in use"),
                self.tr("%1\n\nOpen it read-only to look at it?").replace("%1", storage_text(exc)),
            )
            return "read_only" if answer == QMessageBox.StandardButton.Yes else "cancel"
        owner = exc.owner
        since = QDateTime.fromString(owner.started, Qt.DateFormat.ISODate)
        when = (
            QLocale().toString(since.toLocalTime(), QLocale.FormatType.ShortFormat)
            if since.isValid()
            else owner.started
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("File is open on another computer"),
            self.tr(
                "%1 is marked as open for editing by %2 on the computer %3 since %4.\n\n"
                "If it is no longer open there (that computer crashed or was switched off), "
                "you can take over editing here. If it is still open there, changes made "
                "there can be lost."
            )
            .replace("%1", exc.path.name)
            .replace("%2", owner.user or self.tr("an unknown user"))
            .replace("%3", owner.hostname)
            .replace("%4", when),
            parent=self,
        )
        box.setObjectName("take_over_lock")
        take = box.addButton(self.tr("&Take over editing"), QMessageBox.ButtonRole.AcceptRole)
        view = box.addButton(self.tr("Open &read-only"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(view)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is take:
            return "take_over"
        return "read_only" if clicked is view else "cancel"

    def _check_with_progress(
        self, path: Path, checker: FileChecker | None = None
    ) -> FileCheck | None:
        """Run the integrity checks of a file on a worker thread behind a busy dialog.

        The window keeps repainting (SQLite releases the GIL) and the modal dialog keeps the
        user from starting anything else meanwhile. It shows only when the checks take
        longer than a moment (a full check of a file that was not closed cleanly).
        """
        checker = checker or FileChecker(path)
        if not checker.running():
            # Done already (at start-up the cheap checks of a file closed cleanly end while
            # the window is built): no dialog, and no events processed before the matrix is
            # in the window, or the first frame would show an empty window and install the
            # extensions ahead of the matrix (issue 20).
            return checker.result()
        dialog = QProgressDialog(
            self.tr("Checking %1 before opening it…").replace("%1", path.name), "", 0, 0, self
        )
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setValue(0)
        try:
            wait_with_events(checker)
        finally:
            dialog.reset()
            dialog.deleteLater()
        return checker.result()

    def _upgrade_with_progress(self, path: Path, checked: FileCheck | None) -> bool:
        """Update a file of an older format on a worker thread behind a progress bar.

        Returns whether the file was updated. A backup is written first, and killed half-way
        the old file stays usable (see ``storage.migrations``); any problem is left to the
        normal open, which reports it.
        """
        from kpm_desktop.storage.file_format import read_header
        from kpm_desktop.storage.locations import read_only_reason
        from kpm_desktop.storage.migrations import SCHEMA_VERSION

        try:
            version = checked.user_version if checked is not None else read_header(path)[1]
        except (StorageError, OSError):
            return False
        if not 0 < version < SCHEMA_VERSION or read_only_reason(path):
            return False
        upgrader = FileUpgrader(path)
        dialog = QProgressDialog(
            self.tr("Updating %1 to the new file format (a backup is made first)…").replace(
                "%1", path.name
            ),
            "",
            0,
            1000,
            self,
        )
        dialog.setObjectName("upgrade_progress")
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        try:
            wait_with_events(
                upgrader, lambda _latest: dialog.setValue(int(upgrader.fraction * 1000))
            )
        finally:
            dialog.reset()
            dialog.deleteLater()
        return upgrader.error is None

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # here: not on the start path

        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open matrix file"),
            str(folders.start_folder(self, folders.MATRIX)),
            self.tr("KPM matrix files (*%1);;All files (*)").replace("%1", FILE_SUFFIX),
        )
        if path:
            folders.remember(self, folders.MATRIX, path)
            self.open_file(Path(path))

    def new_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # here: not on the start path

        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New matrix file"),
            str(folders.start_folder(self, folders.MATRIX)),
            self.tr("KPM matrix files (*%1)").replace("%1", FILE_SUFFIX),
        )
        if path:
            folders.remember(self, folders.MATRIX, path)
            self.create_file(Path(path))

    def create_file(self, path: Path) -> bool:
        """Create an empty matrix file and open it (an existing file is never replaced)."""
        if path.suffix != FILE_SUFFIX:
            path = path.with_name(path.name + FILE_SUFFIX)
        if path.exists():
            self.show_error(
                self.tr("Cannot create %1").replace("%1", path.name),
                self.tr("The file exists already; choose another name."),
            )
            return False
        try:
            Repository.create(path).close()
        except OSError as exc:
            self.show_error(
                self.tr("Cannot create %1").replace("%1", path.name), os_error_message(exc)
            )
            return False
        except StorageError as exc:
            self.show_error(self.tr("Cannot create %1").replace("%1", path.name), storage_text(exc))
            return False
        return self.open_file(path)

    def save_copy_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # here: not on the start path

        if self.workspace is None:
            return
        name = self.workspace.path.stem + "-copy" + FILE_SUFFIX
        suggestion = folders.start_folder(self, folders.MATRIX) / name
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a copy as"),
            str(suggestion),
            self.tr("KPM matrix files (*%1)").replace("%1", FILE_SUFFIX),
        )
        if path:
            folders.remember(self, folders.MATRIX, path)
            self.save_copy(Path(path))

    def save_copy(self, path: Path) -> bool:
        """Write a verified copy of the open file (a progress window while it runs)."""
        assert self.workspace is not None
        path = Path(path)
        if path.resolve() == self.workspace.path.resolve():
            self.show_error(
                self.tr("Cannot save a copy"),
                self.tr("A copy cannot replace the open file itself. Choose another name."),
            )
            return False
        try:
            with blocking_progress(self, self.tr("Saving a copy as %1…").replace("%1", path.name)):
                self.workspace.save_copy(path)
        except OSError as exc:
            self.show_error(self.tr("Cannot save a copy"), os_error_message(exc))
            return False
        except (StorageError, ValueError) as exc:
            self.show_error(self.tr("Cannot save a copy"), storage_text(exc))
            return False
        self.statusBar().showMessage(self.tr("Copy saved as %1").replace("%1", str(path)), 5000)
        return True

    def _fill_recent_menu(self) -> None:
        menu = self._recent_menu
        menu.clear()
        files = self.settings.recent_files()
        for i, path in enumerate(files):
            act = menu.addAction(f"&{(i + 1) % 10} {path.name}")  # not user-visible: a file name
            act.setToolTip(str(path))
            act.setStatusTip(str(path))
            act.triggered.connect(lambda checked=False, p=path: self.open_file(p))
        if not files:
            empty = menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(self.tr("Clear list"), self.settings.clear_recent_files)
