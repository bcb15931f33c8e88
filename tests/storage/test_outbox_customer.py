"""Migration 13: the team outbox (``sync_dirty``) keeps the customer of a note or goal.

A deleted note or goal is gone from the file; the outbox row is all that is left of it, so
it must say whose it was (the server's access rules and territory handling need the
customer; ``tests/team/test_team_deleted_notes.py`` shows both against a real server).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kpm_desktop.storage.migrations import SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository
from tests.helpers.schema import (
    add_customer_with_notes_and_goal,
    kill_inside_migration,
    migration_index,
    open_at_schema,
)

_M13 = migration_index("_m013_outbox_customer")
STAMP = "2026-01-01T00:00:00+00:00"

# The capture trigger of a deleted note as team files of the previous schema carry it.
_OLD_NOTE_DELETE = (
    "CREATE TRIGGER kpm_sync_notes_delete AFTER DELETE ON notes BEGIN "
    "DELETE FROM sync_dirty WHERE kind = 'note' AND key = OLD.uuid; "
    "INSERT INTO sync_dirty (kind, key) SELECT 'note', k FROM (SELECT OLD.uuid AS k) "
    "WHERE k IS NOT NULL; END"
)


def _old_team_file(path: Path) -> None:
    """A team file of the previous schema: customer u1 with two notes and a goal, one note
    edited and not yet sent."""
    conn = open_at_schema(path, _M13)
    add_customer_with_notes_and_goal(conn, ("eins", "zwei"), STAMP)
    conn.execute("INSERT INTO sync_state (key, value) VALUES ('team_url', 'host=example')")
    conn.execute(_OLD_NOTE_DELETE)
    conn.execute("INSERT INTO sync_dirty (kind, key) VALUES ('note', 'n1')")
    conn.close()


def _outbox(conn: sqlite3.Connection) -> list[tuple]:
    return conn.execute("SELECT kind, key, customer FROM sync_dirty ORDER BY seq").fetchall()


def test_the_outbox_of_a_previous_schema_team_file_gets_customers(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _old_team_file(path)
    with Repository.open(path) as repo:
        conn = repo.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert _outbox(conn) == [("note", "n1", "u1")]  # the queued note's customer
        notes = {n.text: n for n in repo.notes_for(1)}
        repo.delete_note(notes["zwei"].id)  # the capture trigger now keeps the customer
        repo.delete_goal(repo.goals_for(1)[0].id)
        assert _outbox(conn) == [("note", "n1", "u1"), ("note", "n2", "u1"), ("goal", "g1", "u1")]


def test_migration_killed_half_way_leaves_the_old_file_usable(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _old_team_file(path)
    proc = kill_inside_migration(path, _M13)
    assert proc.returncode != 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == _M13
    columns = [r[1] for r in conn.execute("PRAGMA table_info(sync_dirty)")]
    assert "customer" not in columns
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert "kpm_sync_notes_delete" in names  # the old trigger is still there
    conn.close()
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert _outbox(repo.conn) == [("note", "n1", "u1")]
        repo.delete_note(next(n.id for n in repo.notes_for(1) if n.text == "zwei"))
        assert _outbox(repo.conn)[-1] == ("note", "n2", "u1")
