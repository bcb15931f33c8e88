"""The Backups dialog: the verified backups of the open file, newest first, and restore.

Lists date, reason, size and what each backup holds (customers, products, marks, notes).
"Restore" asks for confirmation and hands the chosen backup to the caller, which closes the
file, restores (backing up the current state first) and reopens it. "Back up now" writes a
manual backup. No SQL here: everything goes through ``storage.backup``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.storage.backup import (
    REASON_AUTO,
    REASON_BULK_DELETE,
    REASON_IMPORT,
    REASON_MANUAL,
    REASON_MIGRATION,
    REASON_RESTORE,
    BackupInfo,
    backup_folder,
    list_backups,
)

log = logging.getLogger(__name__)

COLUMNS = ("date", "reason", "size", "customers", "products", "marks", "notes")


class BackupsDialog(QDialog):
    """Lists the backups of ``matrix_path``.

    Args:
        restore: called with the chosen backup after the user confirmed; returns True on
            success (the dialog then closes).
        backup_now: writes a manual backup (None hides the button, e.g. read-only files).
    """

    def __init__(
        self,
        matrix_path: Path,
        restore: Callable[[BackupInfo], bool],
        backup_now: Callable[[], Path | None] | None = None,
        parent: QWidget | None = None,
        *,
        root: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backups_dialog")
        self.setWindowTitle(self.tr("Backups of %1").replace("%1", matrix_path.name))
        self.resize(760, 420)
        self.matrix_path = matrix_path
        self._restore = restore
        self._backup_now = backup_now
        self._root = root
        self.backups: list[BackupInfo] = []

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("backups_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Reason"),
                self.tr("Size"),
                self.tr("Customers"),
                self.tr("Products"),
                self.tr("Marks"),
                self.tr("Notes"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("&Restore…"), self)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.clicked.connect(self.restore_selected)
        self.backup_button = QPushButton(self.tr("&Back up now"), self)
        self.backup_button.setObjectName("backup_now_button")
        self.backup_button.clicked.connect(self.make_backup_now)
        self.backup_button.setVisible(backup_now is not None)
        folder_button = QPushButton(self.tr("Open &folder"), self)
        folder_button.clicked.connect(self._open_folder)
        for button in (self.restore_button, self.backup_button, folder_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.refresh()

    # -- content -----------------------------------------------------------------------------
    def reason_label(self, reason: str) -> str:
        labels = {
            REASON_AUTO: self.tr("Automatic"),
            REASON_MANUAL: self.tr("Manual"),
            REASON_IMPORT: self.tr("Before an import"),
            REASON_MIGRATION: self.tr("Before a file format update"),
            REASON_RESTORE: self.tr("Before a restore"),
            REASON_BULK_DELETE: self.tr("Before deleting"),
        }
        return labels.get(reason, reason)

    @Slot()
    def refresh(self) -> None:
        self.backups = list_backups(self.matrix_path, root=self._root)
        locale = QLocale()
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            try:
                counts = info.counts()
            except Exception:  # an unreadable backup still shows, without counts
                log.log(
                    logging.WARNING, "cannot read counts of backup %s", info.path, exc_info=True
                )
                counts = {}
            local = info.created.astimezone()
            values = [
                locale.toString(local.replace(tzinfo=None), QLocale.FormatType.ShortFormat),  # type: ignore[call-overload]  # PySide6 converts date/datetime; its stubs list QDate/QDateTime only
                self.reason_label(info.reason),
                locale.formattedDataSize(info.size),
                *(
                    locale.toString(counts[key]) if key in counts else "–"
                    for key in ("customers", "products", "marks", "notes")
                ),
            ]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setToolTip(str(info.path))
                self.table.setItem(row, col, item)
        if self.backups:
            self.intro.setText(
                self.tr(
                    "%1 backups, newest first. Each was checked when it was made. Restoring "
                    "one replaces the current content; the current state is backed up first."
                ).replace("%1", str(len(self.backups)))
            )
            self.table.selectRow(0)
        else:
            self.intro.setText(
                self.tr(
                    "No backups yet. KPM Desktop makes one after the first change of a session, "
                    "then at most every 30 minutes while you edit, and before imports."
                )
            )
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    @Slot()
    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # -- actions -----------------------------------------------------------------------------
    def confirm_restore(self, info: BackupInfo) -> bool:
        """Ask before restoring (tests replace this)."""
        when = QLocale().toString(  # type: ignore[call-overload]  # PySide6 converts date/datetime; its stubs list QDate/QDateTime only
            info.created.astimezone().replace(tzinfo=None), QLocale.FormatType.LongFormat
        )
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup"),
            self.tr(
                "Replace the content of %1 with the backup from %2?\n\nThe current state is "
                "backed up first, so this can be undone from this list."
            )
            .replace("%1", self.matrix_path.name)
            .replace("%2", when),
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def restore_selected(self) -> bool:
        info = self.selected()
        if info is None or not self.confirm_restore(info):
            return False
        if self._restore(info):
            self.accept()
            return True
        self.refresh()
        return False

    @Slot()
    def make_backup_now(self) -> Path | None:
        if self._backup_now is None:
            return None
        path = self._backup_now()
        self.refresh()
        return path

    @Slot()
    def _open_folder(self) -> None:
        folder = backup_folder(self.matrix_path, self._root)
        if folder.is_dir():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
