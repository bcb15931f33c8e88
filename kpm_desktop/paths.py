"""Where KPM Desktop keeps its own files (platformdirs): data, backups, logs, config.

The user's matrix files live wherever the user puts them; these folders hold what the app
writes on its own behalf. ``KPM_DATA_DIR`` (tests, portable installs) moves all of them under
one folder. Nothing here creates a folder until it is asked for with ``ensure=True``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

from kpm_desktop import APP_ID, ORG_NAME

ENV_DATA_DIR = "KPM_DATA_DIR"


def _dirs() -> PlatformDirs:
    # appauthor only matters on Windows (%LOCALAPPDATA%\KPM\kpm-desktop).
    return PlatformDirs(appname=APP_ID, appauthor=ORG_NAME, roaming=False)


def _override() -> Path | None:
    value = os.environ.get(ENV_DATA_DIR, "").strip()
    return Path(value).expanduser() if value else None


def _ready(path: Path, ensure: bool) -> Path:
    if ensure:
        path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir(*, ensure: bool = False) -> Path:
    """The per-user data folder (backups live below it)."""
    root = _override()
    return _ready(root if root else _dirs().user_data_path, ensure)


def backup_dir(*, ensure: bool = False) -> Path:
    """Root of all automatic and manual backups (one sub-folder per matrix file)."""
    return _ready(data_dir() / "backups", ensure)


def log_dir(*, ensure: bool = False) -> Path:
    """Folder of the rotating log file."""
    root = _override()
    return _ready(root / "logs" if root else _dirs().user_log_path, ensure)


def log_file() -> Path:
    """The current log file (``kpm-desktop.log``; rotated copies get ``.1``, ``.2``, ...)."""
    return log_dir() / f"{APP_ID}.log"


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))
