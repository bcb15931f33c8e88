"""Work that runs beside the GUI thread: the one way the GUI runs background work.

* ``Task``: one plain function on a worker thread (no Qt: it also runs before the
  QApplication exists, e.g. the file check at start-up). The function reports progress with
  ``task.report(value)`` and sees a cancel request there (``report`` returns False, and
  ``task.check()`` raises ``TaskCancelled``).
* ``BackgroundTask``: a ``Task`` for the GUI. The worker touches no Qt object; the GUI thread
  polls it and delivers ``progressed(value)`` (the latest value only), then exactly one of
  ``done(result)``, ``failed(exception)`` or ``cancelled()``, all on the GUI thread, where
  the exception is turned into a translated message.
* ``wait_with_events``: a synchronous caller (opening a file) waits for a task behind a modal
  progress dialog while the window keeps repainting.

Users: export (``export_menu``), the import wizard (``dialogs/import_worker``), backups and
the full check after opening (``safety``, ``full_check``), the file check and format update
before opening (``FileChecker``, ``FileUpgrader``), insights on large files and team sync.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal

from kpm_desktop.storage.database import FileCheck

_NOTHING = object()


class TaskCancelled(Exception):
    """Raised in a task's thread by ``Task.check`` once the task was asked to stop."""


class Task:
    """One function on a worker thread, with progress, cancel and its outcome (Qt-free).

    ``start(fn)`` runs ``fn()`` on a daemon thread; ``fn`` reaches this object through its
    closure to ``report`` progress and to ``check`` for a cancel request. After the thread
    ended, ``outcome`` is ``(True, result)`` or ``(False, exception)``.
    """

    def __init__(self, name: str = "kpm-task") -> None:
        self.name = name
        self.outcome: tuple[bool, object] | None = None
        self.latest: object = None  # the last reported progress value
        self.reports = 0  # how many values were reported (the GUI shows new ones only)
        self.cancel_requested = False
        self._thread: threading.Thread | None = None

    def start(self, fn: Callable[[], object]) -> Task:
        if self.running():
            raise RuntimeError("a task is running already")
        self.outcome = None
        self.latest, self.reports = None, 0
        self.cancel_requested = False
        self._thread = threading.Thread(target=self._run, args=(fn,), name=self.name, daemon=True)
        self._thread.start()
        return self

    def _run(self, fn: Callable[[], object]) -> None:
        try:
            self.outcome = (True, fn())
        except BaseException as exc:  # handed to the thread that waits for the outcome
            self.outcome = (False, exc)

    # -- called from the worker ------------------------------------------------------------
    def report(self, value: object) -> bool:
        """Progress from the worker; False once the task was asked to stop."""
        self.latest = value
        self.reports += 1
        return not self.cancel_requested

    def check(self) -> None:
        """Raise ``TaskCancelled`` in the worker once the task was asked to stop."""
        if self.cancel_requested:
            raise TaskCancelled

    # -- called from the owner -------------------------------------------------------------
    def cancel(self) -> None:
        self.cancel_requested = True

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def started(self) -> bool:
        return self._thread is not None

    def wait(self, seconds: float | None = None) -> bool:
        """Block until the thread ends (True) or the time is up (False)."""
        if self._thread is not None:
            self._thread.join(seconds)
        return not self.running()

    def result(self) -> object:
        """Wait for the end; the function's result, or its exception raised here."""
        self.wait()
        if self.outcome is None:
            raise RuntimeError("the task was not started")
        ok, value = self.outcome
        if not ok:
            assert isinstance(value, BaseException)
            raise value
        return value


def wait_with_events(
    task: Task, on_progress: Callable[[object], None] | None = None, step_ms: int = 50
) -> None:
    """Wait on the GUI thread for ``task`` to end, processing events meanwhile (the window
    repaints behind a modal progress dialog); ``on_progress(latest)`` after every step."""
    while task.running():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, step_ms)
        task.wait(0.02)
        if on_progress is not None:
            on_progress(task.latest)


class BackgroundTask(QObject):
    """Runs one function on a worker thread; progress and the outcome arrive on the GUI thread.

    Signals (all on the GUI thread):
        progressed(value): the latest value the task reported (intermediate ones may be
            skipped; the last one always arrives before the outcome).
        done(result) / failed(exception): how the function ended.
        cancelled(): after ``cancel()``, instead of ``done``/``failed``: the task raised
            (``TaskCancelled`` or anything else), or it returned and ``keep_result`` is off
            (team sync drops a late result; an export that finished keeps it).

    ``start(fn, replace=True)`` while a task runs asks that one to stop and starts ``fn`` once
    it ended (the newest request wins; insights use it on every edit).
    """

    progressed = Signal(object)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        interval_ms: int = 50,
        name: str = "kpm-task",
        keep_result: bool = False,
    ) -> None:
        super().__init__(parent)
        self.task = Task(name)
        self.keep_result = keep_result
        self._shown_reports = 0
        self._pending: Callable[[], object] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._poll)

    @property
    def busy(self) -> bool:
        """A task runs or its outcome was not delivered yet."""
        return self.task.started() and self._timer.isActive()

    def start(self, fn: Callable[[], object], replace: bool = False) -> None:
        if self.busy:
            if not replace:
                raise RuntimeError("a task is running already")
            self.task.cancel()
            self._pending = fn
            return
        self._shown_reports = 0
        self.task.start(fn)
        self._timer.start()

    def report(self, value: object) -> bool:
        """For the worker: progress; False once cancelled (see ``Task.report``)."""
        return self.task.report(value)

    def check(self) -> None:
        """For the worker: raise ``TaskCancelled`` once cancelled."""
        self.task.check()

    def cancel(self) -> None:
        """Ask the running task to stop; it ends with ``cancelled`` (see the class)."""
        self._pending = None
        if self.busy:
            self.task.cancel()

    def wait(self, seconds: float | None = None) -> bool:
        """Block until the task ends (True) or the time is up; then deliver its outcome."""
        self.task.wait(seconds)
        self._poll()
        return not self.busy

    def wait_with_events(self) -> None:
        """Wait for the end processing events (see ``wait_with_events``); deliver the outcome."""
        wait_with_events(self.task, lambda _latest: self._deliver_progress())
        self._poll()

    def _deliver_progress(self) -> None:
        if self.task.reports != self._shown_reports:
            self._shown_reports = self.task.reports
            self.progressed.emit(self.task.latest)

    def _poll(self) -> None:
        if not self.busy:
            return
        self._deliver_progress()
        if self.task.running():
            return
        self.task.wait()
        self._timer.stop()
        outcome, self.task.outcome = self.task.outcome, None
        assert outcome is not None
        ok, value = outcome
        pending, self._pending = self._pending, None
        if self.task.cancel_requested and (not ok or not self.keep_result):
            self.cancelled.emit()
        else:
            (self.done if ok else self.failed).emit(value)
        if pending is not None and not self.busy:
            self.start(pending)


# Files larger than this are checked on a worker beside the UI (with visible progress while a
# full check runs). A smaller file's checks take milliseconds and run on the main thread: at
# start-up a checking thread competed with the start for the GIL and cost more than it
# overlapped (the demo's first frame 5-6 ms later, issue 20).
CHECK_IN_BACKGROUND_BYTES = 32 * 1024 * 1024


def checks_in_background(path: Path) -> bool:
    """Whether ``path`` with its change log (``-wal``: a full check reads both) is large
    enough for its checks to run on a worker."""
    from kpm_desktop.storage.database import wal_path  # (loaded before Qt: app.BEFORE_QT)

    size = 0
    for part in (path, wal_path(path)):
        try:
            size += part.stat().st_size
        except OSError:
            pass
    return size > CHECK_IN_BACKGROUND_BYTES


class FileChecker(Task):
    """Runs the integrity checks of opening a file on a worker thread.

    The checks read the whole file (seconds at 20,000 x 1,000) and SQLite releases the GIL
    meanwhile, so they overlap with importing Qt and building the window. ``result()`` is a
    ``FileCheck`` for ``Repository.open(checked=...)``, or None when the check failed or could
    not run (the normal open then checks again and reports any problem).
    """

    def __init__(self, path: Path | None) -> None:
        super().__init__("kpm-file-check")
        self.path = path
        if path is not None and path.is_file():
            self.start(lambda: self._check(path))

    @staticmethod
    def _check(path: Path) -> FileCheck:
        from kpm_desktop.storage.database import check_file

        # Cheap checks for a file closed cleanly (its full check follows on a worker once the
        # window shows it); a full check for one that was not.
        return check_file(path, "auto")

    def result(self) -> FileCheck | None:
        self.wait()
        if self.outcome is None or not self.outcome[0]:
            return None  # not run, or failed: reported by the real open on the main thread
        value = self.outcome[1]
        assert isinstance(value, FileCheck)
        return value


class FileUpgrader(Task):
    """Updates a file of an older format on a worker thread (see ``storage.migrations``).

    Opening the file for writing runs the backup and the migrations, reporting the fraction
    done (``fraction``); the connection is closed again at once and the main thread opens
    the updated file as usual. ``error`` holds what went wrong (the main thread's own open
    then reports it in the usual way).
    """

    def __init__(self, path: Path) -> None:
        super().__init__("kpm-file-upgrade")
        self.path = path
        self.start(self._upgrade)

    def _progress(self, fraction: float) -> None:
        self.report(fraction)

    def _upgrade(self) -> None:
        from kpm_desktop.storage.repository import Repository

        Repository.open(self.path, progress=self._progress).close()

    @property
    def fraction(self) -> float:
        latest = self.latest
        return float(latest) if isinstance(latest, int | float) else 0.0

    @property
    def error(self) -> BaseException | None:
        if self.outcome is None or self.outcome[0]:
            return None
        value = self.outcome[1]
        assert isinstance(value, BaseException)
        return value
