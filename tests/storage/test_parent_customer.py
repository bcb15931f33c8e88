"""Migration 3: the parent-customer link (key accounts), on old files and killed half-way."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

from kpm_desktop.domain.entities import Customer, Product
from kpm_desktop.storage.migrations import SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash
from tests.helpers.schema import migration_index, open_at_schema

_M6 = migration_index("_m006_parent_customer")


def _old_file(path: Path) -> None:
    """A file as the schema before migration 3 wrote it, with customers and marks."""
    conn = open_at_schema(path, _M6)
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


def test_migration_3_upgrades_an_old_file(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _old_file(path)
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
    _old_file(path)
    before = sqlite3.connect(path).execute("SELECT * FROM customers").fetchall()
    # A child process runs the migration's first statement inside the migration's
    # transaction and is killed before COMMIT.
    script = textwrap.dedent(
        f"""
        import os, signal
        from kpm_desktop.storage import migrations
        real = migrations.MIGRATIONS[{_M6}]
        def killed(conn):
            real(conn)
            os.kill(os.getpid(), signal.SIGKILL)
        migrations.MIGRATIONS = (*migrations.MIGRATIONS[:{_M6}], killed,
                                 *migrations.MIGRATIONS[{_M6} + 1:])
        from kpm_desktop.storage import database
        database.MIGRATIONS = migrations.MIGRATIONS
        from kpm_desktop.storage.repository import Repository
        Repository.open({str(path)!r})
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
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
