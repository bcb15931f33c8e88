"""Migration 8: the partial index of cells with a note (the matrix's corner markers), on a
file made by the previous schema and killed half-way; ``Repository.noted_cells``."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from kpm_desktop.domain.entities import CellRecord, Customer, Product
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.migrations import SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository
from tests.helpers.schema import kill_inside_migration, migration_index, two_by_two_at_schema

_M8 = migration_index("_m008_noted_cells")


def _old_file(path: Path) -> None:
    """A file as the schema before migration 8 wrote it, with marks, one with a note."""
    conn = two_by_two_at_schema(path, _M8)
    conn.execute(
        "INSERT INTO marks (customer_id, product_id, mark, note) VALUES "
        "(1, 1, 1, ''), (1, 2, 2, 'Vertrag läuft aus'), (2, 2, 3, '')"
    )
    conn.execute("INSERT INTO status_rows VALUES (1, x'0102'), (2, x'0003')")
    conn.close()


def _indexes(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_migration_8_upgrades_an_old_file(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _old_file(path)
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert "marks_noted" in _indexes(repo.conn)
        assert repo.noted_cells() == [(1, 2)]
        plan = repo.conn.execute(
            "EXPLAIN QUERY PLAN SELECT customer_id, product_id FROM marks WHERE note != ''"
        ).fetchall()
        # The index covers the query: no scan of every marked cell, no look-up per note.
        assert "COVERING INDEX marks_noted" in str(plan)
        assert repo.load_matrix().grid == bytearray(b"\x01\x02\x00\x03")


def test_migration_8_killed_half_way_leaves_the_old_file_usable(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _old_file(path)
    before = sqlite3.connect(path).execute("SELECT * FROM marks").fetchall()
    proc = kill_inside_migration(path, _M8)  # SIGKILL before the migration's COMMIT
    assert proc.returncode != 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == _M8
    assert "marks_noted" not in _indexes(conn)
    assert conn.execute("SELECT * FROM marks").fetchall() == before
    conn.close()
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert repo.noted_cells() == [(1, 2)]


def test_noted_cells_follow_writes(tmp_path: Path) -> None:
    path = tmp_path / "n.kpm"
    now = datetime.now(UTC)
    with Repository.create(path) as repo:
        c1, c2 = repo.add_customers([Customer(name="A"), Customer(name="B")])
        (p1,) = repo.add_products([Product(name="P")])
        repo.write_cells(
            [
                (c1.id, p1.id, CellRecord(mark=Mark.NEED, note="Nachfragen", verified_at=now)),
                (c2.id, p1.id, CellRecord(mark=Mark.OURS, verified_at=now)),
            ],
            source="test",
            at=now,
        )
        assert repo.noted_cells() == [(c1.id, p1.id)]
        assert repo.noted_cells([(c2.id, p1.id), (c1.id, p1.id)]) == [(c1.id, p1.id)]
        repo.write_cells([(c1.id, p1.id, None)], source="test", at=now)  # a white spot now
        assert repo.noted_cells() == []
