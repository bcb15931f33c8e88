"""Migration 3 (team sync): UUIDs for groups, competitors, notes, goals; the sync tables."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from kpm_desktop.domain.entities import Note
from kpm_desktop.storage import migrations
from kpm_desktop.storage.migrations import SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository
from tests.helpers.schema import migration_index, open_at_schema

INDEX = migration_index("_m005_team_sync")


def _file_before(path: Path) -> None:
    """A file made by the schema just before the team-sync migration, with some rows."""
    conn = open_at_schema(path, INDEX)
    stamp = "2026-01-01T00:00:00Z"
    conn.execute("INSERT INTO product_groups (name) VALUES ('A'), ('B')")
    conn.execute("INSERT INTO competitors (name) VALUES ('X'), ('Y')")
    conn.execute(
        "INSERT INTO customers (uuid, name, created_at, updated_at) VALUES ('c1', 'K', ?, ?)",
        (stamp, stamp),
    )
    conn.execute(
        "INSERT INTO notes (customer_id, note_date, text, created_at, updated_at) "
        "VALUES (1, '2026-01-01', 'n', ?, ?)",
        (stamp, stamp),
    )
    conn.execute(
        "INSERT INTO goals (customer_id, title, created_at, updated_at) VALUES (1, 'g', ?, ?)",
        (stamp, stamp),
    )
    conn.close()


def test_upgrades_a_file_of_the_previous_schema(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _file_before(path)
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        for table in ("product_groups", "competitors", "notes", "goals"):
            uuids = [r[0] for r in repo.conn.execute(f"SELECT uuid FROM {table}")]
            assert all(u and len(u) == 36 for u in uuids), uuids
            assert len(set(uuids)) == len(uuids)
        tables = {r[0] for r in repo.conn.execute("SELECT name FROM sqlite_master")}
        assert {"sync_state", "sync_dirty", "sync_conflicts", "sync_graveyard"} <= tables
        # deterministic: name-based (copies of one file agree on a group's identity)
        import uuid as uuid_mod

        group_a = repo.conn.execute("SELECT uuid FROM product_groups WHERE name = 'A'").fetchone()
        assert group_a[0] == str(uuid_mod.uuid5(migrations._UUID_NAMESPACE, "group:A"))
        # new rows get a UUID from the trigger; an undone delete gets its UUID back
        note = repo.add_note(Note(customer_id=1, text="neu", note_date=date(2026, 2, 1)))
        uuid = repo.conn.execute("SELECT uuid FROM notes WHERE id = ?", (note.id,)).fetchone()[0]
        assert uuid
        gone = repo.delete_note(note.id)  # type: ignore[arg-type]
        repo.restore_note(gone)
        assert (
            repo.conn.execute("SELECT uuid FROM notes WHERE id = ?", (note.id,)).fetchone()[0]
            == uuid
        )
        # not a team file: no capture triggers, nothing noted
        assert repo.conn.execute("SELECT count(*) FROM sync_dirty").fetchone()[0] == 0


def test_killed_half_way_leaves_the_previous_schema(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _file_before(path)
    code = (
        "import os, sqlite3, sys\n"
        "from kpm_desktop.storage.migrations import MIGRATIONS\n"
        f"conn = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        "conn.execute('BEGIN IMMEDIATE')\n"
        f"MIGRATIONS[{INDEX}](conn)\n"
        "os._exit(9)  # killed before COMMIT\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parents[2])
    assert result.returncode == 9
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == INDEX
    cols = [r[1] for r in conn.execute("PRAGMA table_info(notes)")]
    assert "uuid" not in cols
    conn.close()
    with Repository.open(path) as repo:  # and the next open completes it
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert repo.conn.execute("SELECT count(uuid) FROM notes").fetchone()[0] == 1


def test_sql_uuid_is_version_4() -> None:
    conn = sqlite3.connect(":memory:")
    values = {conn.execute(f"SELECT {migrations.SQL_NEW_UUID}").fetchone()[0] for _ in range(50)}
    assert len(values) == 50
    for v in values:
        parts = v.split("-")
        assert [len(p) for p in parts] == [8, 4, 4, 4, 12]
        assert parts[2][0] == "4" and parts[3][0] in "89ab"
