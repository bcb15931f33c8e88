"""Migration 7: tombstones of deleted entities (deletions travel in ``kpm merge``)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

from kpm_desktop.domain.entities import Note
from kpm_desktop.storage import tombstones
from kpm_desktop.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository

_M7 = next(i for i, m in enumerate(MIGRATIONS) if m.__name__ == "_m007_merge_tombstones")


def _old_file(path: Path) -> None:
    """A file as the schema before the tombstones wrote it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA application_id = 1263553841")
    conn.execute("PRAGMA journal_mode = WAL")
    for version in range(_M7):
        conn.execute("BEGIN")
        MIGRATIONS[version](conn)
        conn.execute(f"PRAGMA user_version = {version + 1}")
        conn.execute("COMMIT")
    stamp = "2026-01-01T00:00:00+00:00"
    conn.execute(
        "INSERT INTO customers (id, uuid, name, created_at, updated_at) VALUES "
        "(1, 'u1', 'Alpha', ?, ?), (2, 'u2', 'Beta', ?, ?)",
        (stamp,) * 4,
    )
    conn.execute(
        "INSERT INTO products (id, uuid, name, slot, created_at, updated_at) "
        "VALUES (1, 'p1', 'P', 0, ?, ?)",
        (stamp, stamp),
    )
    conn.execute("INSERT INTO marks (customer_id, product_id, mark) VALUES (1, 1, 1)")
    conn.execute("INSERT INTO status_rows VALUES (1, x'01'), (2, x'00')")
    conn.close()


def test_old_file_gets_tombstones_and_deletes_are_noted(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _old_file(path)
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert tombstones.deleted(repo.conn) == {}  # nothing back-filled
        print_before = tombstones.fingerprint(repo.conn, "customer", "u1")
        note = repo.add_note(Note(customer_id=2, text="n", note_date=date(2026, 1, 2)))
        repo.delete_note(note.id)  # type: ignore[arg-type]
        snap = repo.delete_customer(1)
        gone = tombstones.deleted(repo.conn)
        assert gone[("customer", "u1")] == print_before
        assert any(k[0] == "note" for k in gone)
        repo.restore_customer(snap)  # undo: no longer deleted
        assert ("customer", "u1") not in tombstones.deleted(repo.conn)
        repo.delete_customer(2)  # its notes go with it: the customer's tombstone covers them
        kinds = sorted(k[0] for k in tombstones.deleted(repo.conn))
        assert kinds == ["customer", "note"]


def test_triggers_come_back_when_a_later_migration_dropped_them(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _old_file(path)
    Repository.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER kpm_tomb_customers")
    conn.commit()
    conn.close()
    with Repository.open(path) as repo:
        repo.delete_customer(2)
        assert ("customer", "u2") in tombstones.deleted(repo.conn)


def test_migration_killed_half_way_leaves_the_old_file_usable(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _old_file(path)
    before = sqlite3.connect(path).execute("SELECT * FROM customers").fetchall()
    script = textwrap.dedent(
        f"""
        import os, signal
        from kpm_desktop.storage import migrations
        real = migrations.MIGRATIONS[{_M7}]
        def killed(conn):
            real(conn)
            os.kill(os.getpid(), signal.SIGKILL)
        migrations.MIGRATIONS = (*migrations.MIGRATIONS[:{_M7}], killed,
                                 *migrations.MIGRATIONS[{_M7} + 1:])
        from kpm_desktop.storage import database
        database.MIGRATIONS = migrations.MIGRATIONS
        from kpm_desktop.storage.repository import Repository
        Repository.open({str(path)!r})
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert proc.returncode != 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == _M7
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "merge_tombstones" not in tables
    assert conn.execute("SELECT * FROM customers").fetchall() == before
    conn.close()
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        repo.delete_customer(1)
        assert ("customer", "u1") in tombstones.deleted(repo.conn)
