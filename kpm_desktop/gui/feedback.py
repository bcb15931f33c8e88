"""Feedback helpers: a progress window for blocking work, readable OS errors, the undo key.

Long work that must stay on the main thread (the SQLite connection lives there) cannot be
cancelled half-way safely and cannot animate a bar; the user still sees at once what the app
is doing and that it is busy, instead of a frozen window.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from kpm_desktop.storage.errors import os_error_file


@contextmanager
def blocking_progress(parent: QWidget | None, label: str) -> Iterator[QProgressDialog]:
    """A modal "busy" progress window (no Cancel: the work cannot stop half-way safely)."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setObjectName("blocking_progress")
    dialog.setWindowTitle(QCoreApplication.translate("Feedback", "Please wait"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.show()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    # Paint the window before the work blocks the event loop.
    QApplication.processEvents()
    try:
        yield dialog
    finally:
        QApplication.restoreOverrideCursor()
        dialog.close()
        dialog.deleteLater()


def undo_key() -> str:
    """The Undo key as the user sees it in menus (Ctrl+Z, ⌘Z)."""
    return QKeySequence(QKeySequence.StandardKey.Undo).toString(
        QKeySequence.SequenceFormat.NativeText
    )


def os_error_message(exc: OSError) -> str:
    """What went wrong writing or reading a file, and what to do next (translated).

    Names the user's file: a rename's target, never the ``.partial`` copy written first."""
    where = os_error_file(exc)
    if exc.errno in (errno.EACCES, errno.EPERM):
        text = QCoreApplication.translate(
            "Feedback",
            "No permission to write to %1. Choose another folder, for example your Documents "
            "folder.",
        )
    elif exc.errno == errno.ENOSPC:
        text = QCoreApplication.translate(
            "Feedback", "The disk is full (%1). Free some space or choose another drive."
        )
    elif exc.errno == errno.ENOENT:
        text = QCoreApplication.translate(
            "Feedback", "The folder of %1 does not exist (any more). Choose another folder."
        )
    elif exc.errno == errno.EROFS:
        text = QCoreApplication.translate(
            "Feedback", "%1 is on a read-only drive. Choose a folder on a writable drive."
        )
    else:
        text = QCoreApplication.translate(
            "Feedback", "The system reported: %2 (%1). Check the place and try again."
        )
    return text.replace("%1", str(where)).replace("%2", exc.strerror or str(exc))
