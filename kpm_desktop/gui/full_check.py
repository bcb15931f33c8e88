"""The full check of an open file on a worker thread (kept apart from ``workers``, which the
start-up path imports before Qt)."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal


class BackgroundCheck(QObject):
    """The full integrity check of an open file (integrity_check + foreign keys) on a worker
    thread with its own read-only connection; ``finished(path, problems)`` arrives on the GUI
    thread (an empty list: sound)."""

    finished = Signal(object, object)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._thread = threading.Thread(target=self._run, name="kpm-full-check", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        from kpm_desktop.storage.database import full_check

        try:
            problems = full_check(self.path)
        except Exception as exc:  # never let a check crash the app; report it as a problem
            problems = [str(exc) or type(exc).__name__]
        self.finished.emit(self.path, problems)

    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, seconds: float | None = None) -> None:
        if self._thread.ident is not None:
            self._thread.join(seconds)
