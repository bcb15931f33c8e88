"""The import wizard's worker: reading a file and computing a plan off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from kpm_desktop.gui.dialogs.import_common import tr_message
from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.import_export.messages import ImportFailure
from kpm_desktop.storage.errors import StorageError

_log = logging.getLogger(__name__)


class _Worker(QObject):
    done = Signal(object)
    failed = Signal(str)
    progress = Signal(int)

    def __init__(self, fn: Callable[[Callable[[int], None]], object]) -> None:
        super().__init__()
        self._fn = fn
        self.cancelled = False

    def _tick(self, n: int) -> None:
        if self.cancelled:
            raise ImportFailure("cancelled")
        self.progress.emit(n)

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self._tick)
        except ImportFailure as exc:
            self.failed.emit(tr_message(exc.key, exc.params))
        except StorageError as exc:
            self.failed.emit(storage_text(exc))
        except Exception:  # shown to the user instead of dying silently in a thread
            _log.exception("import task failed")
            self.failed.emit(
                QCoreApplication.translate(
                    "ImportDialog",
                    "The file could not be read. Save it again as .xlsx or CSV and import that.",
                )
            )
        else:
            self.done.emit(result)


class TaskRunner(QObject):
    """Runs one function at a time in a worker thread; results come back on the GUI thread."""

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(
        self,
        fn: Callable[[Callable[[int], None]], object],
        on_done: Callable[[object], None],
        on_failed: Callable[[str], None],
        on_progress: Callable[[int], None] | None = None,
    ) -> None:
        self.stop()
        thread = QThread()
        worker = _Worker(fn)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.done.connect(on_done)
        worker.failed.connect(on_failed)
        if on_progress is not None:
            worker.progress.connect(on_progress)
        worker.done.connect(self._cleanup)
        worker.failed.connect(self._cleanup)
        self._thread, self._worker = thread, worker
        thread.start()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancelled = True

    def stop(self) -> None:
        """Cancel and wait for a running task (its result is dropped)."""
        if self._thread is None:
            return
        assert self._worker is not None
        self._worker.cancelled = True
        for signal in (self._worker.done, self._worker.failed, self._worker.progress):
            try:
                signal.disconnect()
            except (RuntimeError, TypeError):
                pass
        self._thread.quit()
        self._thread.wait()
        self._thread = self._worker = None

    @Slot()
    def _cleanup(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._thread = self._worker = None
        self.finished.emit()
