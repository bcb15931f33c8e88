"""The app must start on Windows: no Unix-only module may be needed to import or run it.

``resource``, ``fcntl``, ``pwd``, ``grp`` and ``termios`` do not exist on Windows. A subprocess
blocks them in ``sys.modules`` (an import then raises ImportError, as on Windows), reports
``sys.platform`` as ``win32`` to our code (third-party libraries are imported first, with the real
platform, since they pick their implementation at import time), gives the lock file's Windows
branch a ``msvcrt`` stand-in backed by real POSIX record locks, imports every module of the
package and runs the smoke test: the main window built offscreen on the demo matrix, rendered,
exported and printed. The first release imported ``resource`` in ``gui/entry.py`` at start-up, so
the Windows app could not start at all.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

GUARD = textwrap.dedent(
    """
    import importlib, os, pkgutil, sys

    # Third-party libraries with the real platform (they choose their backends on import).
    import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets, PySide6.QtPrintSupport
    import platformdirs, sqlite_utils, openpyxl, python_calamine, defusedxml  # noqa: F401
    # Standard-library modules that pick a platform backend when imported, likewise.
    for name in ("subprocess", "shutil", "tempfile", "getpass", "socket", "uuid", "ctypes",
                 "mimetypes", "webbrowser", "zipfile", "sqlite3", "locale", "platform",
                 "concurrent.futures", "multiprocessing", "asyncio", "urllib.request"):
        importlib.import_module(name)

    import fcntl as _posix_fcntl
    import types

    # msvcrt stand-in: Windows byte-range locks (locking() at the current file position) mapped
    # onto POSIX record locks, so the lock file's Windows branch runs with real OS locks.
    msvcrt = types.ModuleType("msvcrt")
    msvcrt.LK_UNLCK, msvcrt.LK_NBLCK = 0, 2

    def _locking(fd, mode, nbytes):
        start = os.lseek(fd, 0, os.SEEK_CUR)
        cmd = _posix_fcntl.LOCK_UN if mode == msvcrt.LK_UNLCK else _posix_fcntl.LOCK_EX | _posix_fcntl.LOCK_NB
        _posix_fcntl.lockf(fd, cmd, nbytes, start, os.SEEK_SET)

    msvcrt.locking = _locking
    sys.modules["msvcrt"] = msvcrt

    BLOCKED = ("resource", "fcntl", "pwd", "grp", "termios")
    for name in BLOCKED:
        sys.modules[name] = None  # 'import name' now raises ImportError, as on Windows
    os.environ.setdefault("USERNAME", "rep")  # Windows always has it; getpass reads it
    sys.platform = "win32"

    import kpm_desktop

    imported = 0
    for info in pkgutil.walk_packages(kpm_desktop.__path__, "kpm_desktop."):
        if info.name.rsplit(".", 1)[-1] == "__main__":
            continue  # runs the program when imported
        importlib.import_module(info.name)
        imported += 1
    for name in BLOCKED:
        assert sys.modules[name] is None, f"{name} was imported"
    print("imported", imported, flush=True)

    from kpm_desktop.gui.smoke import run_smoke_test

    sys.exit(run_smoke_test())
    """
)


def test_package_imports_and_window_starts_without_unix_modules(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    env.pop("USER", None)
    env.pop("LOGNAME", None)
    proc = subprocess.run(
        [sys.executable, "-c", GUARD],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    count = int(proc.stdout.split("imported", 1)[1].split()[0])
    assert count > 100  # every module of the package, not a handful


def test_peak_memory_and_process_age_read_on_this_platform() -> None:
    from kpm_desktop.procinfo import peak_rss_mb, process_age

    rss = peak_rss_mb()
    assert rss is not None and 5 < rss < 4096  # MiB, not KiB or bytes
    age = process_age()
    assert age is not None and 0 <= age < 24 * 3600
