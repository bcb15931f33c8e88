"""Migration 14: a deleted customer's notes and goals keep their customer in the outbox.

They are deleted after the customer's own row (``ON DELETE CASCADE``), when the capture
triggers can no longer look the customer up; the triggers now keep the customer the outbox
row already names (review of session 5: the server refused such deletions as "denied").
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from unittest.mock import patch

from kpm_desktop.storage import sync_capture
from kpm_desktop.storage.migrations import SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository
from tests.helpers.schema import (
    add_customer_with_notes_and_goal,
    kill_inside_migration,
    migration_index,
    open_at_schema,
)

_M14 = migration_index("_m014_outbox_owner_kept")
STAMP = "2026-01-01T00:00:00+00:00"


def _team_file_at_13(path: Path) -> None:
    """A team file as schema 13 left it: customer u1 with a note and a goal whose changes
    are queued (with their customer), and the capture triggers of that release."""
    conn = open_at_schema(path, _M14)
    conn.execute("INSERT INTO sync_state (key, value) VALUES ('team_url', 'host=example')")
    conn.execute("BEGIN")
    for statement in _schema_13_triggers():
        conn.execute(statement)
    conn.execute("COMMIT")
    add_customer_with_notes_and_goal(conn, ("eins",), STAMP)
    conn.close()


def _schema_13_triggers() -> list[str]:
    """The capture triggers of schema 13 (the customer looked up only, never kept)."""
    with patch.object(sync_capture, "_note_keeping_owner", sync_capture._note):
        return sync_capture.trigger_statements()


def _outbox(conn: sqlite3.Connection) -> list[tuple]:
    return conn.execute("SELECT kind, key, customer FROM sync_dirty ORDER BY seq").fetchall()


def _delete_customer(repo: Repository) -> list[tuple]:
    repo.delete_customer(1)
    return sorted(_outbox(repo.conn))


def test_schema_13_triggers_lose_the_customer_of_a_cascade(tmp_path: Path) -> None:
    """The defect itself, on the previous release's triggers."""
    path = tmp_path / "old.kpm"
    _team_file_at_13(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    assert ("note", "n1", "u1") in _outbox(conn)
    conn.execute("DELETE FROM customers WHERE id = 1")
    assert ("note", "n1", None) in _outbox(conn) and ("goal", "g1", None) in _outbox(conn)
    conn.close()


def test_a_deleted_customers_notes_and_goals_keep_their_customer(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _team_file_at_13(path)
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        triggers = repo.conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'kpm_sync_notes_delete'"
        ).fetchone()[0]
        assert "note:held" in triggers  # re-created by ensure_installed with the new SQL
        assert _delete_customer(repo) == [
            ("customer", "u1", None),
            ("goal", "g1", "u1"),
            ("note", "n1", "u1"),
        ]


def test_migration_killed_half_way_leaves_the_old_file_usable(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _team_file_at_13(path)
    proc = kill_inside_migration(path, _M14)
    assert proc.returncode != 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == _M14
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert "kpm_sync_notes_delete" in names  # the old trigger is still there
    conn.close()
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert _delete_customer(repo)[1:] == [("goal", "g1", "u1"), ("note", "n1", "u1")]
