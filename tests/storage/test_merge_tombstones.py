"""Migration 7: tombstones of deleted entities (deletions travel in ``kpm merge``)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from kpm_desktop.domain.entities import Note
from kpm_desktop.storage import tombstones
from kpm_desktop.storage.migrations import SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository
from tests.helpers.schema import kill_inside_migration, migration_index, two_customers_at_schema

_M7 = migration_index("_m007_merge_tombstones")


def test_old_file_gets_tombstones_and_deletes_are_noted(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    two_customers_at_schema(path, _M7)
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
    two_customers_at_schema(path, _M7)
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
    two_customers_at_schema(path, _M7)
    before = sqlite3.connect(path).execute("SELECT * FROM customers").fetchall()
    proc = kill_inside_migration(path, _M7)
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


_M10 = migration_index("_m010_tombstone_street_phone")


def _customer_trigger(conn: sqlite3.Connection) -> str:
    return conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'kpm_tomb_customers'"
    ).fetchone()[0]


def test_migration_10_fingerprints_street_and_phone(tmp_path: Path) -> None:
    """A file of the previous schema: its customer trigger is re-created with street and
    phone, so a changed street makes the fingerprint differ (a merge lists a conflict)."""
    path = tmp_path / "old.kpm"
    two_customers_at_schema(path, _M10)
    conn = sqlite3.connect(path)
    assert "street" not in _customer_trigger(conn)  # as migration 7 made it
    conn.close()
    with Repository.open(path) as repo:
        assert "street" in _customer_trigger(repo.conn)
        before = tombstones.fingerprint(repo.conn, "customer", "u1")
        repo.conn.execute("UPDATE customers SET street = 'Hafenstraße 12' WHERE id = 1")
        repo.conn.commit()
        assert tombstones.fingerprint(repo.conn, "customer", "u1") != before
        print_now = tombstones.fingerprint(repo.conn, "customer", "u1")
        repo.delete_customer(1)
        assert tombstones.deleted(repo.conn)[("customer", "u1")] == print_now


def test_migration_10_killed_half_way_leaves_the_old_file_usable(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    two_customers_at_schema(path, _M10)
    proc = kill_inside_migration(path, _M10)
    assert proc.returncode != 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == _M10
    assert "street" not in _customer_trigger(conn)  # the old trigger is still there
    conn.close()
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert "street" in _customer_trigger(repo.conn)
