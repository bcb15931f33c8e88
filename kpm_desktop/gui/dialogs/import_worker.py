"""The import wizard's worker: reading a file and computing a plan off the GUI thread.

A thin layer over ``gui.workers.BackgroundTask``: one task at a time, the callbacks of the
page that started it, and every error turned into one translated line on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from kpm_desktop.gui.dialogs.import_common import tr_message
from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.gui.workers import BackgroundTask, TaskCancelled
from kpm_desktop.import_export.messages import ImportFailure
from kpm_desktop.storage.errors import StorageError

_log = logging.getLogger(__name__)

Callbacks = tuple[Callable[[object], None], Callable[[str], None], Callable[[int], None] | None]


class TaskRunner(QObject):
    """Runs one function at a time in a worker thread; results come back on the GUI thread.

    ``fn(tick)`` reports progress with ``tick(rows)``; after ``cancel()`` the next tick ends
    the task and ``on_failed`` gets "import cancelled; nothing was changed".
    """

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.task = BackgroundTask(self, name="kpm-import")
        self.task.progressed.connect(self._progressed)
        self.task.done.connect(self._done)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)
        self._callbacks: Callbacks | None = None

    @property
    def busy(self) -> bool:
        return self.task.busy

    def start(
        self,
        fn: Callable[[Callable[[int], None]], object],
        on_done: Callable[[object], None],
        on_failed: Callable[[str], None],
        on_progress: Callable[[int], None] | None = None,
    ) -> None:
        self.stop()
        self._callbacks = (on_done, on_failed, on_progress)
        self.task.start(lambda: fn(self._tick))

    def _tick(self, n: int) -> None:
        """Progress from the worker; ends the task once it was cancelled."""
        if not self.task.report(n):
            raise TaskCancelled

    def cancel(self) -> None:
        self.task.cancel()

    def stop(self) -> None:
        """Cancel and wait for a running task (its result is dropped)."""
        if not self.task.busy:
            return
        self._callbacks = None
        self.task.cancel()
        self.task.wait()

    def _take(self) -> Callbacks | None:
        callbacks, self._callbacks = self._callbacks, None
        return callbacks

    @Slot(object)
    def _progressed(self, value: object) -> None:
        if self._callbacks is not None and self._callbacks[2] is not None:
            assert isinstance(value, int)
            self._callbacks[2](value)

    @Slot(object)
    def _done(self, result: object) -> None:
        callbacks = self._take()
        if callbacks is not None:
            callbacks[0](result)
            self.finished.emit()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        callbacks = self._take()
        if callbacks is None:
            return
        if isinstance(exc, ImportFailure):
            message = tr_message(exc.key, exc.params)
        elif isinstance(exc, StorageError):
            message = storage_text(exc)
        else:  # shown to the user instead of dying silently in a thread
            _log.error("import task failed", exc_info=exc)
            message = QCoreApplication.translate(
                "ImportDialog",
                "The file could not be read. Save it again as .xlsx or CSV and import that.",
            )
        callbacks[1](message)
        self.finished.emit()

    @Slot()
    def _cancelled(self) -> None:
        callbacks = self._take()
        if callbacks is not None:
            callbacks[1](tr_message("cancelled", {}))
            self.finished.emit()
