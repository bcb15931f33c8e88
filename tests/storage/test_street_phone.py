"""Migration: customers' street and phone, on a file of the previous schema and killed half-way."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from kpm_desktop.domain.entities import Customer, Product
from kpm_desktop.storage.migrations import SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash
from tests.helpers.schema import kill_inside_migration, migration_index, open_at_schema

_M = migration_index("_m009_street_phone_removed_visits")


def _old_file(path: Path) -> None:
    """A file as the schema before the street/phone migration wrote it."""
    conn = open_at_schema(path, _M)
    stamp = "2026-01-01T00:00:00+00:00"
    conn.execute(
        "INSERT INTO customers (id, uuid, name, city, postcode, parent_uuid, created_at, "
        "updated_at) VALUES (1, 'u1', 'Alpha', 'Kiel', '24103', '', ?, ?), "
        "(2, 'u2', 'Beta', 'Kiel', '24105', 'u1', ?, ?)",
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


def test_migration_adds_street_and_phone_to_an_old_file(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _old_file(path)
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        customers = repo.load_customers()
        assert [(c.name, c.postcode, c.parent_uuid, c.street, c.phone) for c in customers] == [
            ("Alpha", "24103", "", "", ""),
            ("Beta", "24105", "u1", "", ""),
        ]
        assert repo.load_matrix().grid == bytearray(b"\x01\x00")
        repo.update_customer(replace(customers[1], street="Hafenstraße 12", phone="0431 123"))
    with Repository.open(path) as repo:
        beta = repo.get_customer(2)
        assert beta is not None
        assert (beta.street, beta.phone, beta.parent_uuid) == ("Hafenstraße 12", "0431 123", "u1")


def test_migration_killed_half_way_leaves_the_old_file_usable(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _old_file(path)
    before = sqlite3.connect(path).execute("SELECT * FROM customers").fetchall()
    proc = kill_inside_migration(path, _M)  # SIGKILL before the migration's COMMIT
    assert proc.returncode != 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == _M
    cols = [r[1] for r in conn.execute("PRAGMA table_info(customers)")]
    assert "street" not in cols and "phone" not in cols
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "trip_removed_visits" not in tables
    assert conn.execute("SELECT * FROM customers").fetchall() == before
    conn.close()
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [(c.street, c.phone) for c in repo.load_customers()] == [("", ""), ("", "")]


def test_street_and_phone_survive_delete_and_restore(tmp_path: Path) -> None:
    path = tmp_path / "k.kpm"
    with Repository.create(path) as repo:
        repo.add_products([Product(name="P")])
        (site,) = repo.add_customers(
            [Customer(name="Site", street="Am Markt 1", phone="+49 431 555")]
        )
        snap = repo.delete_customer(site.id)  # type: ignore[arg-type]
        repo.restore_customer(snap)
        again = repo.get_customer(site.id)  # type: ignore[arg-type]
        assert again is not None and (again.street, again.phone) == ("Am Markt 1", "+49 431 555")
    digest = file_hash(path)
    with Repository.open(path, read_only=True) as repo:
        assert [c.phone for c in repo.load_customers()] == ["+49 431 555"]
    assert file_hash(path) == digest
