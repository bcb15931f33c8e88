"""``kpm-desktop --profile-startup FILE``: when each stage of a start finished.

The profile watches the very start a user gets (``gui.entry.run``: language, logging, the
window, its desktop integration and exception hook, ``window.open_file``), so the figures
and the start-path test cannot drift from what a rep's double-click does. It prints one JSON
line once the window is complete (first frame painted, extensions installed, the file
announced to them) and quits. Times are seconds since the process started (since this
module's import where the process start cannot be read); nothing is printed for a file that
does not open (one line on stderr, exit code 2).
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from kpm_desktop.procinfo import peak_rss_mb, process_age

# Qt-free layers (import contracts): loaded before PySide6 by ``app.main`` (its docstring says
# why); the profile lists any of their modules first imported after PySide6 by the first frame.
QT_FREE_PREFIXES = ("kpm_desktop.domain.", "kpm_desktop.storage.", "kpm_desktop.assets")

_T_IMPORT = time.perf_counter()
_AGE_AT_IMPORT = process_age()


def since_start() -> float:
    """Seconds since process start (since this module's import where /proc is missing)."""
    base = _AGE_AT_IMPORT or 0.0
    return base + time.perf_counter() - _T_IMPORT


def imported_after_qt() -> list[str]:
    """Modules whose import began after PySide6's (``sys.modules`` keeps insertion order)."""
    names = list(sys.modules)
    try:
        return names[names.index("PySide6") + 1 :]
    except ValueError:
        return []


class StartupProfile:
    """Stage times of one start; ``watch(window)`` before the window is shown."""

    def __init__(self, path: Path, heavy_modules: Sequence[str]) -> None:
        self.path = path
        self.times: dict[str, float] = {}
        self._heavy_modules = tuple(heavy_modules)
        self._heavy: list[str] = []
        self._after_qt: list[str] = []
        self._first_rss: float | None = None
        self._gc_at_first_frame: bool | None = None
        self._announced = False
        self._window = None
        self._exit: Callable[[], None] = lambda: None

    def mark(self, stage: str) -> None:
        self.times[stage] = since_start()

    def watch(self, window, exit_app: Callable[[], None]) -> None:
        """Follow ``window``'s start; ``exit_app`` ends the event loop after the report."""
        self._window = window
        self._exit = exit_app
        window.persist_state = False  # a profile run leaves the user's window layout alone
        # First in line: a file that does not open is one line on stderr, not a dialog.
        window.open_error_handlers.insert(0, self._open_failed)
        # The model resets when the opened, loaded workspace reaches the window.
        window.model.modelAboutToBeReset.connect(self._file_loaded)
        window.view.first_paint.connect(self._first_paint)  # ahead of what waits for it
        window.view.painted.connect(self._painted)  # the first frame that shows the file
        window.workspace_changed.connect(self._workspace_announced)

    def opened(self) -> None:
        """``window.open_file`` returned (a file that did not open was reported already)."""
        self.mark("workspace_shown")
        ws = self._window.workspace if self._window is not None else None
        if ws is not None and ws.repo.read_only_reason:  # e.g. a full disk: say why
            print(f"kpm-desktop: {ws.repo.read_only_reason}", file=sys.stderr)

    # -- stages ---------------------------------------------------------------------------
    def _open_failed(self, path: Path, exc: Exception) -> bool:
        from kpm_desktop.gui.storage_text import storage_text

        print(f"kpm-desktop: {storage_text(exc)}", file=sys.stderr)
        return True  # handled: no dialog

    def _file_loaded(self) -> None:
        if "file_opened" not in self.times:
            self.mark("file_opened")
            self.times["matrix_loaded"] = self.times["file_opened"]  # one step in open_file

    def _first_paint(self) -> None:
        self._gc_at_first_frame = gc.isenabled()

    def _painted(self) -> None:
        if "first_frame" in self.times or "file_opened" not in self.times:
            return
        self.mark("first_frame")
        # CPU of the process (all threads) so far: steadier than wall time on a busy machine.
        self.times["cpu_first_frame"] = time.process_time()
        self._heavy = [m for m in self._heavy_modules if m in sys.modules]
        self._after_qt = imported_after_qt()
        self._first_rss = peak_rss_mb()
        if self._announced:
            self._later(self._report)

    def _workspace_announced(self, ws) -> None:
        if ws is None:
            return
        self._announced = True
        if "first_frame" in self.times:
            self._later(self._report)

    @staticmethod
    def _later(fn: Callable[[], None]) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, fn)

    def _report(self) -> None:
        if "extensions_ready" in self.times:
            return
        import json  # after the first frame: not part of what is measured

        # Docks and the filter bar took the file right after the first frame.
        self.mark("extensions_ready")
        ws = self._window.workspace if self._window is not None else None
        rss = peak_rss_mb()
        print(
            json.dumps(
                {
                    "file": str(self.path),
                    "customers": ws.matrix.n_rows if ws is not None else 0,
                    "products": ws.matrix.n_cols if ws is not None else 0,
                    **{k: round(v, 4) for k, v in self.times.items()},
                    "peak_rss_mb": None if rss is None else round(rss, 1),
                    "peak_rss_mb_at_first_frame": (
                        None if self._first_rss is None else round(self._first_rss, 1)
                    ),
                    "heavy_modules_at_first_frame": self._heavy,
                    "modules_after_qt_at_first_frame": len(self._after_qt),
                    "qt_free_modules_after_qt": [
                        m for m in self._after_qt if m.startswith(QT_FREE_PREFIXES)
                    ],
                    # held off by app.main until the first frame, on from then
                    "gc_enabled_at_first_frame": self._gc_at_first_frame,
                    "gc_enabled_after": gc.isenabled(),
                }
            ),
            flush=True,
        )
        self._later(self._exit)
