"""Files as an older schema wrote them, for migration tests (never hard-code a version number:
find the migration by name in ``MIGRATIONS``)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
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


def _alpha_and_beta(conn: sqlite3.Connection) -> str:
    """Customers Alpha (id 1, u1) and Beta (2, u2); returns their time stamp."""
    stamp = "2026-01-01T00:00:00+00:00"
    conn.execute(
        "INSERT INTO customers (id, uuid, name, created_at, updated_at) VALUES "
        "(1, 'u1', 'Alpha', ?, ?), (2, 'u2', 'Beta', ?, ?)",
        (stamp,) * 4,
    )
    return stamp


def two_by_two_at_schema(path: Path, version: int) -> sqlite3.Connection:
    """``open_at_schema`` with customers Alpha (id 1, u1) and Beta (2, u2) and products P
    (1, p1) and Q (2, p2), no marks yet; the caller adds its cells and closes."""
    conn = open_at_schema(path, version)
    stamp = _alpha_and_beta(conn)
    conn.execute(
        "INSERT INTO products (id, uuid, name, slot, created_at, updated_at) "
        "VALUES (1, 'p1', 'P', 0, ?, ?), (2, 'p2', 'Q', 1, ?, ?)",
        (stamp,) * 4,
    )
    return conn


def two_customers_at_schema(path: Path, version: int) -> Path:
    """``open_at_schema`` filled with customers Alpha (u1) and Beta (u2), product P (p1) and
    one mark (Alpha x P = ours), with their status rows."""
    conn = open_at_schema(path, version)
    stamp = _alpha_and_beta(conn)
    conn.execute(
        "INSERT INTO products (id, uuid, name, slot, created_at, updated_at) "
        "VALUES (1, 'p1', 'P', 0, ?, ?)",
        (stamp, stamp),
    )
    conn.execute("INSERT INTO marks (customer_id, product_id, mark) VALUES (1, 1, 1)")
    conn.execute("INSERT INTO status_rows VALUES (1, x'01'), (2, x'00')")
    conn.close()
    return path


def kill_inside_migration(path: Path, index: int) -> subprocess.CompletedProcess[bytes]:
    """Open ``path`` in a child that runs migration ``index`` inside the migration's
    transaction and is SIGKILLed before its COMMIT."""
    script = textwrap.dedent(
        f"""
        import os, signal
        from kpm_desktop.storage import migrations
        real = migrations.MIGRATIONS[{index}]
        def killed(conn):
            real(conn)
            os.kill(os.getpid(), signal.SIGKILL)
        migrations.MIGRATIONS = (*migrations.MIGRATIONS[:{index}], killed,
                                 *migrations.MIGRATIONS[{index} + 1:])
        from kpm_desktop.storage import database
        database.MIGRATIONS = migrations.MIGRATIONS
        from kpm_desktop.storage.repository import Repository
        Repository.open({str(path)!r})
        """
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)


def add_customer_with_notes_and_goal(
    conn: sqlite3.Connection, notes: tuple[str, ...], stamp: str = "2026-01-01T00:00:00+00:00"
) -> None:
    """Customer ``u1`` (id 1) with notes ``n1``, ``n2``, … (texts ``notes``, dated 1, 2, …
    January 2026) and goal ``g1``, written straight into a file of any schema since 1."""
    conn.execute(
        "INSERT INTO customers (id, uuid, name, created_at, updated_at) "
        "VALUES (1, 'u1', 'Alpha', ?, ?)",
        (stamp, stamp),
    )
    for i, text in enumerate(notes, start=1):
        conn.execute(
            "INSERT INTO notes (id, uuid, customer_id, note_date, text, created_at, updated_at) "
            "VALUES (?, ?, 1, ?, ?, ?, ?)",
            (i, f"n{i}", f"2026-01-{i:02d}", text, stamp, stamp),
        )
    conn.execute(
        "INSERT INTO goals (id, uuid, customer_id, title, created_at, updated_at) "
        "VALUES (1, 'g1', 1, 'Ziel', ?, ?)",
        (stamp, stamp),
    )
