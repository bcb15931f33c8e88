"""The ``sys.excepthook`` (and ``threading.excepthook``) of the GUI: log, then show.

Installed before the window's first frame, so it is kept light: the dialog
(``gui.error_dialog``) is imported when the first error is shown (issue 20).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from kpm_desktop.logging_setup import current_log_file, setup_held_logging

if TYPE_CHECKING:
    from kpm_desktop.gui.error_dialog import ErrorDialog

log = logging.getLogger(__name__)


class ExceptionHook(QObject):
    """Replaces ``sys.excepthook`` and ``threading.excepthook`` while installed.

    Each uncaught exception is logged with its traceback; the GUI shows one dialog at a time
    (further errors while it is open are logged and counted). Errors from other threads are
    handed to the GUI thread through a queued signal.
    """

    _from_thread = Signal(str, str)

    def __init__(self, parent_widget: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self._old_hook = sys.excepthook
        self._old_thread_hook = threading.excepthook
        self.dialog: ErrorDialog | None = None
        self.suppressed = 0
        self.shown = 0
        self._from_thread.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> ExceptionHook:
        self._old_hook, sys.excepthook = sys.excepthook, self.handle
        self._old_thread_hook, threading.excepthook = threading.excepthook, self._handle_thread
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._old_hook
        if threading.excepthook == self._handle_thread:
            threading.excepthook = self._old_thread_hook

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """The ``sys.excepthook``: log, then show (never raises)."""
        if issubclass(exc_type, KeyboardInterrupt):
            self._old_hook(exc_type, exc, tb)
            return
        try:
            setup_held_logging()  # an error during start-up: the log file is set up now
            log.error("uncaught exception", exc_info=(exc_type, exc, tb))
            details = "".join(traceback.format_exception(exc_type, exc, tb))
            from kpm_desktop.gui.error_dialog import user_message

            message = user_message(exc)
            if threading.current_thread() is threading.main_thread():
                self._show(message, details)
            else:
                self._from_thread.emit(message, details)
        except Exception:  # the hook must never raise: fall back to stderr
            traceback.print_exception(exc_type, exc, tb)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str, str)
    def _show(self, message: str, details: str) -> None:
        if QApplication.instance() is None:
            print(message, file=sys.stderr)
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.suppressed += 1  # one dialog at a time; the rest is in the log
            return
        from kpm_desktop.gui.error_dialog import ErrorDialog

        dialog = ErrorDialog(message, details, current_log_file(), self._parent_widget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_dialog)
        self.dialog = dialog
        self.shown += 1
        dialog.open()  # window-modal, no nested event loop inside the hook

    @Slot()
    def _forget_dialog(self) -> None:
        self.dialog = None
