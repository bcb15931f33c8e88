"""The matrix file format's fixed facts, shared by opening (``database``) and backups.

What identifies a KPM matrix file (SQLite header, application id), the open-session marker
key, and SQLite's integrity check in the app's terms. Kept apart from ``database`` so that
``backup`` (which ``database`` uses before a migration) does not import ``database``.
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

from kpm_desktop.storage.errors import NotAMatrixFileError
from kpm_desktop.storage.messages import msg

APPLICATION_ID = 0x4B504D31  # "KPM1": marks the SQLite file as a KPM matrix
SQLITE_MAGIC = b"SQLite format 3\x00"


def read_header(path: Path) -> tuple[int, int]:
    """Return (application_id, user_version) straight from the file header (no SQLite open).

    Raises:
        NotAMatrixFileError: the file is not an SQLite database at all.
    """
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotAMatrixFileError(msg("not_sqlite", file=path.name))
    user_version, application_id = struct.unpack(">i4xi", header[60:72])
    return application_id, user_version


# The open-session marker: while a writer has the file open, the main database file says
# "1" and the write-ahead log says "2"; a clean close removes it. Finding "1" with no -wal
# (or an empty one) beside the file means the log holding the latest changes was lost: the
# file was copied alone while open, or the -wal was deleted after a crash. A complete copy
# made with the backup API carries "2" and is fine. Automatic checkpoints are off on the
# writer so that the main file never receives "2"; ``checkpoint`` does the dance instead.
SESSION_KEY = "_kpm_session_open"


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """SQLite's quick_check; an empty list means the file is sound."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else problem_lines(rows)


def problem_lines(rows: list[str]) -> list[str]:
    """SQLite's check output as one problem per line (rows may hold several lines)."""
    lines = [line.strip() for row in rows for line in str(row).splitlines()]
    return [line for line in lines if line and not line.startswith("*** in database")]


def wal_side_files(path: Path) -> bool:
    """Whether a -wal or -shm file lies beside the file (a writer has or had it open)."""
    return any(path.with_name(path.name + s).exists() for s in ("-wal", "-shm"))
