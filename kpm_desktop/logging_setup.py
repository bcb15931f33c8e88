"""Logging to a rotating file in the per-user log folder (platformdirs).

The GUI holds the start's log records in memory (``hold_early_records``) and calls
``setup_logging()`` right after its first frame, which writes them to the file first: finding
the log folder (platformdirs) and the rotating handler (``logging.handlers``) are not on the
start path (issue 20). The error dialog names ``current_log_file()`` so that a user can send
it, and sets the log up itself if an error comes earlier. The log never receives matrix
content beyond file names and counts, and writing it never touches a matrix file.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

from kpm_desktop import __version__

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(process)d]: %(message)s"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5

_handler: logging.Handler | None = None


class _EarlyRecords(logging.Handler):
    """The records logged before ``setup_logging``, kept for the log file."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_early: _EarlyRecords | None = None


def hold_early_records(level: int = logging.INFO) -> None:
    """Keep what the ``kpm_desktop`` loggers say until ``setup_logging`` (start-up)."""
    global _early
    if _handler is not None or _early is not None:
        return
    _early = _EarlyRecords()
    root = logging.getLogger("kpm_desktop")
    root.setLevel(level)
    root.addHandler(_early)


def _take_early_records() -> list[logging.LogRecord]:
    """Stop holding; the records held so far, in order."""
    global _early
    early, _early = _early, None
    if early is None:
        return []
    logging.getLogger("kpm_desktop").removeHandler(early)
    return early.records


_setup_lock = threading.Lock()  # the exception hook may set up from a worker thread


def setup_logging(
    level: int = logging.INFO, *, log_file: Path | None = None, console: bool = False
) -> Path | None:
    """Send the ``kpm_desktop`` loggers (and warnings) to a rotating log file.

    Idempotent, also across threads. Returns the log file, or None if no log file could be
    opened (read-only home, full disk): the app then runs without a log rather than not at all.
    """
    with _setup_lock:
        return _setup_logging(level, log_file, console)


def _setup_logging(level: int, log_file: Path | None, console: bool) -> Path | None:
    global _handler
    import logging.handlers

    from kpm_desktop import paths

    root = logging.getLogger("kpm_desktop")
    root.setLevel(level)
    if _handler is not None:
        return current_log_file()
    target = log_file or paths.log_file()
    early = _take_early_records()
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
    for record in early:  # what was said before the log file was set up (start-up)
        handler.handle(record)
    return target


def setup_held_logging() -> Path | None:
    """Set the log file up now if the start is still holding records (an error came before
    the first frame); the current log file either way."""
    return setup_logging() if _early is not None else current_log_file()


def current_log_file() -> Path | None:
    """The file the log is written to (None before ``setup_logging`` or without a log)."""
    if isinstance(_handler, logging.FileHandler):
        return Path(_handler.baseFilename)
    return None


def shutdown_logging() -> None:
    """Detach and close the file handler (tests; the app just exits)."""
    global _handler
    _take_early_records()
    if _handler is None:
        return
    logging.getLogger("kpm_desktop").removeHandler(_handler)
    logging.getLogger("py.warnings").removeHandler(_handler)
    logging.captureWarnings(False)
    _handler.close()
    _handler = None
