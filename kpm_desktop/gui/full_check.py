"""The full check of an open file on a worker thread (a ``BackgroundTask``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kpm_desktop.gui.workers import BackgroundTask


class BackgroundCheck(QObject):
    """The full integrity check of an open file (integrity_check + foreign keys) on a worker
    thread with its own read-only connection; ``finished(path, problems)`` arrives on the GUI
    thread (an empty list: sound; a check that could not run reports why as its problem)."""

    finished = Signal(object, object)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.task = BackgroundTask(self, name="kpm-full-check")
        self.task.done.connect(lambda problems: self.finished.emit(self.path, problems))
        # Never let a check crash the app: what went wrong is reported as a problem.
        self.task.failed.connect(
            lambda exc: self.finished.emit(self.path, [str(exc) or type(exc).__name__])
        )

    def start(self) -> None:
        path = self.path

        def check() -> list[str]:
            from kpm_desktop.storage.database import full_check

            return full_check(path)

        self.task.start(check)

    def running(self) -> bool:
        return self.task.task.running()

    def wait(self, seconds: float | None = None) -> None:
        self.task.wait(seconds)
