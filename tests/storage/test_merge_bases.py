"""Migration 11: ``merge_bases`` (the common base of a file merge) and the file identity."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from kpm_desktop.storage import merge_base
from kpm_desktop.storage.backup import content_hash
from kpm_desktop.storage.migrations import SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository
from tests.helpers.schema import kill_inside_migration, migration_index, two_customers_at_schema

_M11 = migration_index("_m011_merge_bases")


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_file_of_the_previous_schema_gets_merge_bases_and_an_identity(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    two_customers_at_schema(path, _M11)
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert "merge_bases" in _tables(repo.conn)
        assert repo.conn.execute("SELECT count(*) FROM merge_bases").fetchone()[0] == 0
        first = merge_base.identity(repo.conn)
        assert first
        assert [c.name for c in repo.load_customers()] == ["Alpha", "Beta"]
    with Repository.open(path) as repo:  # the same place: the same id
        assert merge_base.identity(repo.conn) == first


def test_migration_killed_half_way_leaves_the_old_file_usable(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    two_customers_at_schema(path, _M11)
    proc = kill_inside_migration(path, _M11)
    assert proc.returncode != 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == _M11
    assert "merge_bases" not in _tables(conn)
    conn.close()
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert "merge_bases" in _tables(repo.conn)
        assert len(repo.load_customers()) == 2


def test_a_copy_opened_elsewhere_gets_its_own_id_and_the_content_hash_ignores_it(
    demo_file: Path, tmp_path: Path
) -> None:
    Repository.open(demo_file).close()
    copy = tmp_path / "copy.kpm"
    shutil.copyfile(demo_file, copy)
    with Repository.open(copy, read_only=True) as repo:  # reading changes nothing
        assert merge_base.identity(repo.conn) == _id(demo_file)
    Repository.open(copy).close()
    assert _id(copy) != _id(demo_file)
    assert content_hash(copy) == content_hash(demo_file)


def _id(path: Path) -> str | None:
    with Repository.open(path, read_only=True) as repo:
        return merge_base.identity(repo.conn)
