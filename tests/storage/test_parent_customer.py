"""Migration 3: the parent-customer link (key accounts), on old files and killed half-way."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from kpm_desktop.domain.entities import Customer, Product
from kpm_desktop.storage.migrations import SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash
from tests.helpers.schema import kill_inside_migration, migration_index, two_customers_at_schema

_M6 = migration_index("_m006_parent_customer")


def test_migration_3_upgrades_an_old_file(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    two_customers_at_schema(path, _M6)
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        customers = repo.load_customers()
        assert [(c.name, c.parent_uuid) for c in customers] == [("Alpha", ""), ("Beta", "")]
        assert repo.load_matrix().grid == bytearray(b"\x01\x00")
        repo.update_customer(replace(customers[1], parent_uuid="u1"))
    with Repository.open(path) as repo:
        assert repo.get_customer(2).parent_uuid == "u1"  # type: ignore[union-attr]


def test_migration_3_killed_half_way_leaves_the_old_file_usable(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    two_customers_at_schema(path, _M6)
    before = sqlite3.connect(path).execute("SELECT * FROM customers").fetchall()
    # A child process runs the migration's first statement inside the migration's
    # transaction and is killed before COMMIT.
    proc = kill_inside_migration(path, _M6)
    assert proc.returncode != 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == _M6
    cols = [r[1] for r in conn.execute("PRAGMA table_info(customers)")]
    assert "parent_uuid" not in cols
    assert conn.execute("SELECT * FROM customers").fetchall() == before
    conn.close()
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [c.parent_uuid for c in repo.load_customers()] == ["", ""]


def test_parent_link_round_trip_and_read_only_open(tmp_path: Path) -> None:
    path = tmp_path / "k.kpm"
    with Repository.create(path) as repo:
        repo.add_products([Product(name="P")])
        group, site = repo.add_customers([Customer(name="Group"), Customer(name="Site")])
        repo.update_customer(replace(site, parent_uuid=group.uuid))
        snap = repo.delete_customer(site.id)  # type: ignore[arg-type]
        repo.restore_customer(snap)
        assert repo.get_customer(site.id).parent_uuid == group.uuid  # type: ignore[arg-type,union-attr]
    digest = file_hash(path)
    with Repository.open(path, read_only=True) as repo:
        assert [c.parent_uuid for c in repo.load_customers()] == ["", group.uuid]
    assert file_hash(path) == digest
