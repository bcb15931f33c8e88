"""The dialog for unexpected errors (``gui.exception_hook`` shows it).

An uncaught exception (in a slot, a timer, a worker thread) is logged with its traceback to
the rotating log file and shown to the user as one message plus the path of the log file;
the app keeps running, because every edit is its own committed transaction: an error in the
middle of an action rolled that action back, and nothing else is pending. The error path
itself never writes to the matrix file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.storage.errors import StorageError


class ErrorDialog(QDialog):
    """Message, log file path, and (folded away) the technical details."""

    def __init__(
        self,
        message: str,
        details: str = "",
        log_file: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("error_dialog")
        self.setWindowTitle(self.tr("KPM Desktop — Error"))
        self.setMinimumWidth(480)
        self.details = details
        self.log_file = log_file

        icon = QLabel(self)
        from PySide6.QtWidgets import QStyle  # here: its enums cost ~10 ms of start-up

        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message_label = QLabel(message, self)
        self.message_label.setObjectName("error_message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        reassure = QLabel(
            self.tr(
                "Every completed change is saved in the matrix file; an action that failed "
                "in the middle was not saved at all. You can keep working; if something "
                "looks wrong, close and reopen the file."
            ),
            self,
        )
        reassure.setWordWrap(True)
        if log_file is not None:
            log_text = self.tr("Details were written to the log file:\n%1").replace(
                "%1", str(log_file)
            )
        else:
            log_text = self.tr("No log file could be written.")
        self.log_label = QLabel(log_text, self)
        self.log_label.setObjectName("error_log_path")
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details_view = QPlainTextEdit(details, self)
        self.details_view.setObjectName("error_details")
        self.details_view.setReadOnly(True)
        self.details_view.setTabChangesFocus(True)
        self.details_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details_view.setVisible(False)
        self.details_view.setMinimumHeight(160)

        text_box = QVBoxLayout()
        text_box.addWidget(self.message_label)
        text_box.addWidget(reassure)
        text_box.addWidget(self.log_label)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text_box, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.details_button = QPushButton(self.tr("Show &details"), self)
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        self.details_button.setEnabled(bool(details))
        copy = QPushButton(self.tr("&Copy to clipboard"), self)
        copy.clicked.connect(self.copy_to_clipboard)
        self.open_folder_button = QPushButton(self.tr("Open &log folder"), self)
        self.open_folder_button.setEnabled(log_file is not None)
        self.open_folder_button.clicked.connect(self._open_log_folder)
        for button in (self.details_button, copy, self.open_folder_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_view, 1)
        layout.addWidget(buttons)

    @Slot(bool)
    def _toggle_details(self, shown: bool) -> None:
        self.details_view.setVisible(shown)
        self.details_button.setText(self.tr("Hide &details") if shown else self.tr("Show &details"))
        self.adjustSize()

    def report_text(self) -> str:
        """What "Copy" puts on the clipboard: message, log path, details."""
        parts = [self.message_label.text()]
        if self.log_file is not None:
            parts.append(f"Log: {self.log_file}")
        if self.details:
            parts.append(self.details)
        return "\n\n".join(parts)

    @Slot()
    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())

    @Slot()
    def _open_log_folder(self) -> None:
        if self.log_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))


def user_message(exc: BaseException) -> str:
    """The one line the user reads for an exception nobody handled."""
    if isinstance(exc, StorageError):
        return storage_text(exc)
    if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc).lower():
        return QCoreApplication.translate(
            "ErrorDialog",
            "The disk is full: the last action was not saved. Free some space and try again.",
        )
    if isinstance(exc, sqlite3.DatabaseError):
        return QCoreApplication.translate(
            "ErrorDialog",
            "The matrix file could not be written (%1). The last action was not saved.",
        ).replace("%1", str(exc))
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate(
            "ErrorDialog", "Not enough memory for the last action; it was not applied."
        )
    return QCoreApplication.translate("ErrorDialog", "An unexpected error occurred: %1").replace(
        "%1", f"{type(exc).__name__}: {exc}"
    )
