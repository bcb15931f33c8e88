"""Work that runs beside the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from kpm_desktop.storage.database import FileCheck


class FileChecker:
    """Runs the integrity checks of opening a file on a worker thread.

    The checks read the whole file (seconds at 20,000 x 1,000) and SQLite releases the GIL
    meanwhile, so they overlap with importing Qt and building the window. ``result()`` is a
    ``FileCheck`` for ``Repository.open(checked=...)``, or None when the check failed or could
    not run (the normal open then checks again and reports any problem).
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._result: FileCheck | None = None
        self._thread: threading.Thread | None = None
        if path is not None and path.is_file():
            self._thread = threading.Thread(target=self._run, name="kpm-file-check", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        from kpm_desktop.storage.database import check_file

        try:
            # Cheap checks for a file closed cleanly (its full check follows on a worker
            # once the window shows it); a full check for one that was not.
            self._result = check_file(self.path, "auto")  # type: ignore[arg-type]
        except Exception:  # reported by the real open on the main thread
            self._result = None

    def wait(self, seconds: float) -> None:
        if self._thread is not None:
            self._thread.join(seconds)

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def result(self) -> FileCheck | None:
        if self._thread is not None:
            self._thread.join()
        return self._result


class FileUpgrader:
    """Updates a file of an older format on a worker thread (see ``storage.migrations``).

    Opening the file for writing runs the backup and the migrations, reporting the fraction
    done in ``fraction``; the connection is closed again at once and the main thread opens
    the updated file as usual. ``error`` holds what went wrong (the main thread's own open
    then reports it in the usual way).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fraction = 0.0
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kpm-file-upgrade", daemon=True)
        self._thread.start()

    def _progress(self, fraction: float) -> None:
        self.fraction = fraction

    def _run(self) -> None:
        from kpm_desktop.storage.repository import Repository

        try:
            Repository.open(self.path, progress=self._progress).close()
        except Exception as exc:  # reported by the open on the main thread
            self.error = exc

    def wait(self, seconds: float) -> None:
        self._thread.join(seconds)

    def running(self) -> bool:
        return self._thread.is_alive()


class BackgroundTask(QObject):
    """Runs one function on a worker thread; its result or exception comes back on the GUI
    thread as ``done(result)`` / ``failed(exception)``.

    The worker touches no Qt object (the GUI thread polls it), so any plain function can run
    there. ``cancel()`` stops waiting: the result is dropped when it arrives (team sync is
    safe to abandon at any moment; the next sync repeats what was not confirmed).
    """

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None, interval_ms: int = 50) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._outcome: tuple[bool, object] | None = None
        self._cancelled = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._poll)

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(self, fn: Callable[[], object]) -> None:
        if self._thread is not None:
            raise RuntimeError("a task is running already")
        self._outcome = None
        self._cancelled = False
        self._thread = threading.Thread(target=self._run, args=(fn,), name="kpm-task", daemon=True)
        self._thread.start()
        self._timer.start()

    def _run(self, fn: Callable[[], object]) -> None:
        try:
            self._outcome = (True, fn())
        except BaseException as exc:  # handed to the GUI thread
            self._outcome = (False, exc)

    def cancel(self) -> None:
        self._cancelled = True

    def wait(self, seconds: float) -> bool:
        """Block until the task ends (True) or the time is up; then deliver its outcome."""
        if self._thread is not None:
            self._thread.join(seconds)
        self._poll()
        return self._thread is None

    def _poll(self) -> None:
        if self._thread is None or self._thread.is_alive():
            return
        self._thread.join()
        self._thread = None
        self._timer.stop()
        outcome, self._outcome = self._outcome, None
        if self._cancelled or outcome is None:
            return
        ok, value = outcome
        (self.done if ok else self.failed).emit(value)
