"""Logging to a rotating file in the per-user log folder (platformdirs).

The GUI calls ``setup_logging()`` once at start; the error dialog names ``current_log_file()``
so that a user can send it. The log never receives matrix content beyond file names and
counts, and writing it never touches a matrix file.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from kpm_desktop import __version__, paths

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(process)d]: %(message)s"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5

_handler: logging.Handler | None = None


def setup_logging(
    level: int = logging.INFO, *, log_file: Path | None = None, console: bool = False
) -> Path | None:
    """Send the ``kpm_desktop`` loggers (and warnings) to a rotating log file.

    Idempotent. Returns the log file, or None if no log file could be opened (read-only
    home, full disk): the app then runs without a log rather than not at all.
    """
    global _handler
    root = logging.getLogger("kpm_desktop")
    root.setLevel(level)
    if _handler is not None:
        return current_log_file()
    target = log_file or paths.log_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=False
        )
    except OSError as exc:
        print(f"kpm-desktop: cannot write the log file {target}: {exc}", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    _handler = handler
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(stream)
    logging.captureWarnings(True)
    logging.getLogger("py.warnings").addHandler(handler)
    root.info("KPM Desktop %s started (Python %s)", __version__, sys.version.split()[0])
    return target


def current_log_file() -> Path | None:
    """The file the log is written to (None before ``setup_logging`` or without a log)."""
    if isinstance(_handler, logging.FileHandler):
        return Path(_handler.baseFilename)
    return None


def shutdown_logging() -> None:
    """Detach and close the file handler (tests; the app just exits)."""
    global _handler
    if _handler is None:
        return
    logging.getLogger("kpm_desktop").removeHandler(_handler)
    logging.getLogger("py.warnings").removeHandler(_handler)
    logging.captureWarnings(False)
    _handler.close()
    _handler = None
