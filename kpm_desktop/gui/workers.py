"""Work that runs beside the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

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
            self._result = check_file(self.path)  # type: ignore[arg-type]
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
