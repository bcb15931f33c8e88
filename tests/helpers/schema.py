"""Files as an older schema wrote them, for migration tests (never hard-code a version number:
find the migration by name in ``MIGRATIONS``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kpm_desktop.storage.file_format import APPLICATION_ID
from kpm_desktop.storage.migrations import MIGRATIONS


def migration_index(name: str) -> int:
    """The position of the migration function ``name`` in ``MIGRATIONS``."""
    return next(i for i, m in enumerate(MIGRATIONS) if m.__name__ == name)


def open_at_schema(path: Path, version: int) -> sqlite3.Connection:
    """A new KPM file (WAL) with the first ``version`` migrations applied and committed one by
    one, as the release with that schema left it; an autocommit connection the caller fills
    with rows and closes."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode = WAL")
    for k in range(version):
        conn.execute("BEGIN")
        MIGRATIONS[k](conn)
        conn.execute(f"PRAGMA user_version = {k + 1}")
        conn.execute("COMMIT")
    return conn
