"""Answering modal dialogs without a test ever blocking in ``exec()``.

A modal ``QDialog.exec()``/``QMessageBox.exec()`` runs its own event loop; offscreen nobody
clicks, so a test that reaches one waits forever. Schedule the answer *before* starting what
opens the dialog: the answer runs from that event loop, and when the expected button is
missing the dialog is rejected (and the test fails) instead of hanging.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox, QWidget

POLL_MS = 50


def button_texts(dialog: QWidget) -> list[str]:
    return [b.text().replace("&", "") for b in dialog.findChildren(QAbstractButton)]


def click_button(dialog: QWidget, label: str) -> None:
    """Click the button reading ``label`` (mnemonic '&' ignored); a missing one rejects the
    dialog, so nothing hangs, and fails the test with the labels that were there."""
    for button in dialog.findChildren(QAbstractButton):
        if button.text().replace("&", "") == label and button.isVisible():
            button.click()
            return
    texts = button_texts(dialog)
    if isinstance(dialog, QDialog):
        dialog.reject()
    raise AssertionError(f"no button {label!r} in the dialog; it has {texts}")


def when_modal(
    handle: Callable[[QWidget], object],
    *,
    kind: type[QWidget] = QWidget,
    timeout_ms: int = 20000,
) -> None:
    """Call ``handle(dialog)`` once a modal widget of ``kind`` is up (polled from the event
    loop; gives up after ``timeout_ms``). Schedule it before triggering the dialog."""
    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            handle(dialog)
            return
        waited[0] += POLL_MS
        if waited[0] < timeout_ms:
            QTimer.singleShot(POLL_MS, poll)

    QTimer.singleShot(0, poll)


def answer_message_box(label: str, seen: list[str] | None = None) -> None:
    """Answer the next message box with the button ``label``; its text goes into ``seen``."""

    def handle(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        if seen is not None:
            seen.append(box.text())
        click_button(box, label)

    when_modal(handle, kind=QMessageBox)
