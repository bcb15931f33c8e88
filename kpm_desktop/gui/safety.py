"""Data-safety features of the main window (installed through ``gui.extensions``).

- File ▸ Backups… (list, restore) and File ▸ Back up now.
- Automatic backups: after the first change of a session, then at most every 30 minutes
  while editing (``BackupPolicy``), written in a worker thread with its own read-only
  connection, so the window never waits for them.
- A banner when the file is open read-only (and why) or lives in a cloud-sync folder or on a
  network share.
- Opening a damaged file: the newest good backup is offered, and only with the user's
  consent is the damaged file moved aside (``NAME.damaged-DATE``) and the backup restored in
  its place.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from kpm_desktop.gui.actions import MenuId
from kpm_desktop.gui.feedback import blocking_progress, os_error_message
from kpm_desktop.gui.full_check import BackgroundCheck
from kpm_desktop.gui.palette import style_banner
from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.gui.workers import BackgroundTask
from kpm_desktop.storage.backup import (
    DEFAULT_RETENTION,
    REASON_AUTO,
    REASON_MANUAL,
    BackupError,
    BackupInfo,
    BackupPolicy,
    RetentionPolicy,
    backup_file,
    make_backup,
)
from kpm_desktop.storage.errors import DamagedFileError, StorageError
from kpm_desktop.storage.locations import WarningKind, location_warnings
from kpm_desktop.storage.messages import Message, msg
from kpm_desktop.storage.restore import (
    copy_aside,
    move_aside,
    newest_good_backup,
    restore_backup,
)
from kpm_desktop.workspace.workspace import Workspace

if TYPE_CHECKING:
    from kpm_desktop.gui.dialogs.backups_dialog import BackupsDialog
    from kpm_desktop.gui.main_window import MainWindow

log = logging.getLogger(__name__)


class SafetyAction(StrEnum):
    BACKUPS = "file.backups"
    BACKUP_NOW = "file.backup_now"


def _when(moment: datetime) -> str:
    return QLocale().toString(  # type: ignore[call-overload]  # PySide6 converts date/datetime; its stubs list QDate/QDateTime only
        moment.astimezone().replace(tzinfo=None), QLocale.FormatType.ShortFormat
    )


class SafetyController(QObject):
    """Per-window owner of the backup policy, the banner and the open-problem dialogs."""

    backup_finished = Signal(object, str)  # path or None, error message ("" on success)
    damage_found = Signal(object, object)  # path, problems (a backup's check failed)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("safety_controller")
        self.window = window
        self.policy = BackupPolicy()
        # Automatic backups run here, one at a time (``start_backup``).
        self.backup_task = BackgroundTask(self, name="kpm-backup")
        self.backup_task.done.connect(self._on_backup_written)
        self.backup_task.failed.connect(self._on_backup_failed)
        self._backup_path: Path | None = None
        self.last_backup: Path | None = None
        self.banner = QLabel(window)
        self.banner.setObjectName("safety_banner")
        self.banner.setWordWrap(True)
        self.banner.setMargin(6)
        style_banner(self.banner)
        self.banner.hide()
        central = window.centralWidget()
        central_layout = central.layout() if central is not None else None
        assert isinstance(central_layout, QVBoxLayout)  # MainWindow's central layout
        central_layout.insertWidget(0, self.banner)
        self.backup_finished.connect(self._on_backup_finished, Qt.ConnectionType.QueuedConnection)
        self.damage_found.connect(self._on_full_check_done, Qt.ConnectionType.QueuedConnection)
        self.full_check: BackgroundCheck | None = None
        self.damaged_copy: Path | None = None
        window.workspace_changed.connect(self._on_workspace_changed)
        self._on_workspace_changed(window.workspace)

    # -- workspace ---------------------------------------------------------------------------
    @Slot(object)
    def _on_workspace_changed(self, ws: Workspace | None) -> None:
        self.policy = BackupPolicy()
        enabled = ws is not None
        for key in (SafetyAction.BACKUPS, SafetyAction.BACKUP_NOW):
            if key in self.window.action_registry:
                self.window.action_registry[key].setEnabled(enabled)
        if ws is None:
            self.banner.hide()
            return
        ws.undo_stack.indexChanged.connect(self._on_edit)
        ws.backup_hooks.append(self.backup_before)
        ws.storage_warning.connect(self._on_storage_warning)
        self.update_banner(ws)
        wal_warning = getattr(ws.repo, "wal_warning", None)
        if wal_warning is not None:
            self.window.show_error(
                QCoreApplication.translate("Safety", "Recent changes may be missing"),
                storage_text(wal_warning),
            )
        if not ws.read_only and getattr(ws.repo, "full_check_due", False):
            self.start_full_check(ws)

    # -- the full check after opening (issue 16/20) ---------------------------------------------
    def start_full_check(self, ws: Workspace) -> BackgroundCheck:
        """Integrity + foreign-key check of a file that opened after the cheap checks only
        (closed cleanly): on a worker, while the user works; damage switches to read-only."""
        check = BackgroundCheck(ws.path, self)
        check.finished.connect(self._on_full_check_done, Qt.ConnectionType.QueuedConnection)
        self.full_check = check
        log.log(logging.INFO, "full check of %s started in the background", ws.path)
        check.start()
        return check

    @Slot(object, object)
    def _on_full_check_done(self, path: Path, problems: list[str]) -> None:
        ws = self.window.workspace
        if ws is None or ws.path != path:
            return  # another file by now; it gets its own check
        if not problems:
            log.log(logging.INFO, "full check of %s: ok", path)
            if ws.repo.checked is not None:
                ws.repo.checked = replace(ws.repo.checked, level="full")
            return
        self.switch_to_damaged(path, problems)

    def switch_to_damaged(self, path: Path, problems: list[str]) -> None:
        """The file turned out damaged while open: close it (every edit so far goes into the
        file), keep it as ``NAME.damaged-DATE``, show it read-only and offer the restore."""
        log.log(logging.ERROR, "%s is damaged: %s", path, "; ".join(problems[:5]))
        self.window.set_workspace(None)  # merges the change log: the edits are in the file
        kept: Path | None = None
        try:
            kept = copy_aside(path, "damaged")
            log.log(logging.WARNING, "damaged file %s kept as %s", path, kept)
        except OSError as exc:
            log.log(logging.ERROR, "cannot keep a copy of the damaged %s: %s", path, exc)
        problem = msg(
            "damaged_read_only",
            file=path.name,
            problem=problems[0],
            kept=kept.name if kept is not None else "—",
        )
        try:
            ws = Workspace.open(path, read_only=True, parent=self.window, check="cheap")
        except (StorageError, OSError, sqlite3.Error) as exc:
            log.log(logging.ERROR, "cannot show the damaged %s read-only: %s", path, exc)
        else:
            ws.repo.read_only_reason = str(problem)
            ws.repo.read_only_message = problem
            self.window.set_workspace(ws)
        self.damaged_copy = kept
        self._offer_restore(path, DamagedFileError(problem, problems), kept=kept)

    # -- storage warnings ----------------------------------------------------------------------

    @Slot(object)
    def _on_storage_warning(self, problem: Message | None) -> None:
        """A problem after a saved edit (full disk keeps the log from being merged): shown
        beside, never instead of, the edit; cleared when a retry succeeds."""
        ws = self.window.workspace
        if ws is None:
            return
        self.update_banner(ws)
        if problem is None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "Safety", "There is space again: all changes are merged into the file."
                ),
                8000,
            )
        else:
            self.window.statusBar().showMessage(storage_text(problem), 15000)

    def update_banner(self, ws: Workspace) -> None:
        lines: list[str] = []
        details: list[str] = []
        problem = getattr(ws.repo, "checkpoint_problem", None)
        if problem is not None:
            lines.append(storage_text(problem))
        wal_warning = getattr(ws.repo, "wal_warning", None)
        if wal_warning is not None:
            lines.append(storage_text(wal_warning))
        if ws.read_only:
            reason = ws.repo.read_only_reason
            special = getattr(ws.repo, "read_only_message", None)
            if special is not None and not special.key.startswith("ro_"):
                lines.append(storage_text(special))  # full disk, damage: say it as it is
                details.append(reason or "")
            elif reason:
                if special is not None:
                    reason = storage_text(special)
                lines.append(
                    QCoreApplication.translate(
                        "Safety",
                        "Read-only: the file, its folder or its drive cannot be written. "
                        "You can look at everything; to edit, save a copy in a writable folder.",
                    )
                )
                details.append(reason)
            else:
                lines.append(
                    QCoreApplication.translate(
                        "Safety", "Read-only: opened for viewing; changes are not possible."
                    )
                )
        for warning in location_warnings(ws.path):
            if warning.kind is WarningKind.CLOUD_SYNC:
                lines.append(
                    QCoreApplication.translate(
                        "Safety",
                        "This file is in a %1 folder. Syncing can copy it in the middle of a "
                        "change or create conflicting copies; keep matrix files in a local "
                        "folder (backups protect them).",
                    ).replace("%1", warning.service)
                )
            else:
                lines.append(
                    QCoreApplication.translate(
                        "Safety",
                        "This file is on a network share (%1). A dropped connection can damage "
                        "it; copy it to a local folder to edit it.",
                    ).replace("%1", warning.service)
                )
            details.append(warning.message)
        self.banner.setText("\n".join(lines))
        self.banner.setToolTip("\n".join(details))
        self.banner.setVisible(bool(lines))

    # -- automatic backups -------------------------------------------------------------------
    @Slot(int)
    def _on_edit(self, _index: int) -> None:
        ws = self.window.workspace
        if ws is None or ws.read_only:
            return
        now = datetime.now(UTC)
        self.policy.record_change(now)
        if self.policy.should_backup(now):
            self.start_backup(REASON_AUTO)

    def retention(self) -> RetentionPolicy:
        """The user's retention settings (Settings dialog), defaults if unreadable."""
        try:
            from kpm_desktop.gui.preferences import Preferences

            return Preferences.load(self.window.settings.qsettings).retention
        except Exception:  # settings from an older version: never block a backup
            log.log(logging.WARNING, "cannot read the backup retention settings", exc_info=True)
            return DEFAULT_RETENTION

    def start_backup(self, reason: str) -> bool:
        """Back up the open file in a worker thread (False if one is running already)."""
        ws = self.window.workspace
        if ws is None or self.backup_task.busy:
            return False
        path = ws.path
        retention = self.retention()
        # Counted as done now: a failure must not turn every later edit into a retry.
        self.policy.record_backup(datetime.now(UTC))
        self._backup_path = path
        self.backup_task.start(lambda: backup_file(path, reason, retention=retention))
        return True

    @Slot(object)
    def _on_backup_written(self, result: Path) -> None:
        log.log(logging.INFO, "backup of %s written to %s", self._backup_path, result)
        self.backup_finished.emit(result, "")

    @Slot(object)
    def _on_backup_failed(self, exc: BaseException) -> None:
        path = self._backup_path
        if not isinstance(exc, StorageError | OSError):
            raise exc  # a bug: the error dialog shows it (as it did from the thread)
        log.log(logging.WARNING, "automatic backup of %s failed: %s", path, exc)
        if isinstance(exc, BackupError) and exc.damaged:  # its full check found damage
            self.damage_found.emit(path, list(exc.problems))
        self.backup_finished.emit(None, storage_text(exc))

    def backup_before(self, reason: str) -> Path:
        """A verified backup right before a destructive action (raises: the action stops).

        Synchronous on purpose: the action must not start before its backup exists.
        """
        ws = self.window.workspace
        assert ws is not None
        self.backup_task.wait()  # never two backups of one file at once
        path = make_backup(ws.repo, reason, retention=self.retention())
        self.policy.record_backup(datetime.now(UTC))
        self.last_backup = path
        return path

    @Slot(object, str)
    def _on_backup_finished(self, path: Path | None, error: str) -> None:
        bar = self.window.statusBar()
        if path is not None:
            self.last_backup = path
            if not bar.currentMessage():  # routine: never over a sync's, trip's or merge's line
                bar.showMessage(QCoreApplication.translate("Safety", "Backup saved."), 4000)
        else:
            bar.showMessage(
                QCoreApplication.translate("Safety", "The backup failed: %1").replace("%1", error),
                10000,
            )

    def backup_now(self) -> Path | None:
        """A manual backup, synchronously (the user asked and waits for the answer)."""
        ws = self.window.workspace
        if ws is None:
            return None
        try:
            with blocking_progress(
                self.window, QCoreApplication.translate("Safety", "Making a backup…")
            ):
                path = backup_file(ws.path, REASON_MANUAL, retention=self.retention())
        except BackupError as exc:
            if exc.damaged:
                self.switch_to_damaged(ws.path, list(exc.problems))
                return None
            self.window.show_error(
                QCoreApplication.translate("Safety", "The backup failed"), storage_text(exc)
            )
            return None
        except (StorageError, OSError) as exc:
            reason = os_error_message(exc) if isinstance(exc, OSError) else storage_text(exc)
            self.window.show_error(
                QCoreApplication.translate("Safety", "The backup failed"), reason
            )
            return None
        self.last_backup = path
        self.window.statusBar().showMessage(
            QCoreApplication.translate("Safety", "Backup saved as %1").replace("%1", path.name),
            5000,
        )
        return path

    # -- restore -----------------------------------------------------------------------------
    def show_backups(self) -> BackupsDialog | None:
        from kpm_desktop.gui.dialogs.backups_dialog import BackupsDialog  # on first use

        ws = self.window.workspace
        if ws is None:
            return None
        dialog = BackupsDialog(
            ws.path,
            self.restore,
            None if ws.read_only else self.backup_now,
            self.window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def restore(self, info: BackupInfo, path: Path | None = None) -> bool:
        """Close the file, restore ``info`` into it (current state backed up), reopen it."""
        ws = self.window.workspace
        path = path or (ws.path if ws is not None else None)
        if path is None:
            return False
        self.window.set_workspace(None)  # releases the file and its lock
        try:
            with blocking_progress(
                self.window, QCoreApplication.translate("Safety", "Restoring the backup…")
            ):
                result = restore_backup(info, path)
        except (StorageError, OSError) as exc:
            reason = os_error_message(exc) if isinstance(exc, OSError) else storage_text(exc)
            self.window.show_error(
                QCoreApplication.translate("Safety", "The backup could not be restored"), reason
            )
            if path.exists():
                self.window.open_file(path)
            return False
        if not self.window.open_file(path):
            return False
        message = QCoreApplication.translate("Safety", "Restored the backup from %1.").replace(
            "%1", _when(info.created)
        )
        if result.safety_backup is not None:
            message += " " + QCoreApplication.translate(
                "Safety", "The previous state was backed up first."
            )
        self.window.statusBar().showMessage(message, 10000)
        return True

    # -- opening problems --------------------------------------------------------------------
    def handle_open_error(self, path: Path, exc: Exception) -> bool:
        """Offer a way forward for a file that did not open; True if handled here.

        (A file in use elsewhere is handled by ``MainWindow.open_file`` itself: it offers
        read-only viewing.)
        """
        if isinstance(exc, DamagedFileError):
            return self._offer_restore(path, exc)
        return False

    def ask(self, title: str, text: str, yes: str, no: str) -> bool:
        """A yes/no question with clear button labels (tests replace this)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.window)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes_button

    def _offer_restore(self, path: Path, exc: DamagedFileError, kept: Path | None = None) -> bool:
        """``kept``: the damaged file is kept already (found damaged while open)."""
        good = newest_good_backup(path)
        if good is None and kept is not None:
            self.window.show_error(
                QCoreApplication.translate("Safety", "%1 is damaged").replace("%1", path.name),
                QCoreApplication.translate(
                    "Safety",
                    "%1\n\nNo good backup of it was found. The file stays open read-only; "
                    "keep it for a rescue attempt.",
                ).replace("%1", storage_text(exc)),
            )
            return True
        if good is None:
            self.window.show_error(
                QCoreApplication.translate("Safety", "%1 is damaged").replace("%1", path.name),
                QCoreApplication.translate(
                    "Safety",
                    "%1\n\nThe file was not changed. No good backup of it was found; keep the "
                    "file for a rescue attempt.",
                ).replace("%1", str(exc)),
            )
            return True
        counts = good.counts()
        holds = (
            QCoreApplication.translate("Safety", "%1 customers, %2 products, %3 marks")
            .replace("%1", str(counts.get("customers", 0)))
            .replace("%2", str(counts.get("products", 0)))
            .replace("%3", str(counts.get("marks", 0)))
        )
        if kept is not None:  # found while open: the file, with the edits, is kept already
            question = QCoreApplication.translate(
                "Safety",
                "%1\n\nThe newest good backup is from %2 and holds %3.\n\nRestore it? "
                "Changes made since that backup are only in the kept copy.",
            )
        else:
            question = QCoreApplication.translate(
                "Safety",
                "%1\n\nThe file was not changed. The newest good backup is from %2 and holds "
                "%3.\n\nRestore it? The damaged file is kept beside it as "
                "\u201c%4.damaged-DATE\u201d.",
            )
        if not self.ask(
            QCoreApplication.translate("Safety", "%1 is damaged").replace("%1", path.name),
            question.replace("%1", storage_text(exc))
            .replace("%2", _when(good.created))
            .replace("%3", holds)
            .replace("%4", path.name),
            QCoreApplication.translate("Safety", "Restore backup"),
            QCoreApplication.translate("Safety", "Cancel"),
        ):
            return True
        try:
            if kept is not None:
                self.window.set_workspace(None)  # the read-only view releases the file
                aside = kept
                restore_backup(good, path, damaged_copy=kept)
            else:
                aside = move_aside(path, "damaged")
                log.log(logging.WARNING, "damaged file %s moved aside to %s", path, aside)
                restore_backup(good, path)
        except (StorageError, OSError) as err:
            self.window.show_error(
                QCoreApplication.translate("Safety", "The backup could not be restored"),
                storage_text(err),
            )
            return True
        if self.window.open_file(path):
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "Safety", "Restored the backup from %1; the damaged file is kept as %2."
                )
                .replace("%1", _when(good.created))
                .replace("%2", aside.name),
                15000,
            )
        return True


def controller(window: QWidget) -> SafetyController | None:
    return window.findChild(SafetyController, "safety_controller")


def install(window: MainWindow) -> None:
    ctl = SafetyController(window)
    a = window.action_registry
    a.add(
        SafetyAction.BACKUPS,
        QCoreApplication.translate("Safety", "&Backups…"),
        ctl.show_backups,
        menu=MenuId.FILE,
        section="safety",
        tip=QCoreApplication.translate("Safety", "List the backups of this file and restore one"),
    )
    a.add(
        SafetyAction.BACKUP_NOW,
        QCoreApplication.translate("Safety", "Back &up now"),
        ctl.backup_now,
        menu=MenuId.FILE,
        section="safety",
        tip=QCoreApplication.translate("Safety", "Write a verified backup of this file now"),
    )
    enabled = window.workspace is not None
    a[SafetyAction.BACKUPS].setEnabled(enabled)
    a[SafetyAction.BACKUP_NOW].setEnabled(enabled)
    window.open_error_handlers.append(ctl.handle_open_error)
