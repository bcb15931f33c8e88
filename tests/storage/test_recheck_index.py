"""The partial index of cells with a re-check date (``marks_recheck``): on a file made by the
previous schema, killed half-way, and the due re-checks read through it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from kpm_desktop.domain.entities import CellRecord, Customer, Product
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.migrations import SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository
from tests.helpers.schema import kill_inside_migration, migration_index, two_by_two_at_schema

_M = migration_index("_m012_recheck_index")
TODAY = date(2026, 6, 1)


def _old_file(path: Path) -> None:
    """A file as the schema before the index wrote it: no-need cells with a re-check date
    due, one not yet due, one without a date, and a need cell with a (stale) date."""
    conn = two_by_two_at_schema(path, _M)
    conn.execute(
        "INSERT INTO marks (customer_id, product_id, mark, recheck_at) VALUES "
        "(1, 1, 4, '2026-05-01'), (1, 2, 4, '2026-09-01'), (2, 1, 4, NULL), "
        "(2, 2, 3, '2026-01-01')"
    )
    conn.execute("INSERT INTO status_rows VALUES (1, x'0404'), (2, x'0403')")
    conn.close()


def _indexes(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def _plan(repo: Repository) -> str:
    return str(
        repo.conn.execute(
            "EXPLAIN QUERY PLAN SELECT customer_id, product_id FROM marks "
            "WHERE mark = ? AND recheck_at IS NOT NULL AND recheck_at <= ?",
            (int(Mark.NO_NEED), TODAY.isoformat()),
        ).fetchall()
    )


def test_the_index_is_added_to_an_old_file_and_covers_the_due_rechecks(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _old_file(path)
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert "marks_recheck" in _indexes(repo.conn)
        assert repo.due_rechecks(TODAY) == [(1, 1)]
        # no scan of every marked cell, no look-up per cell
        assert "COVERING INDEX marks_recheck" in _plan(repo)
        ages = repo.cell_ages(TODAY)  # the window's cell ages read the same
        assert ages.is_recheck_due(1, 1) and not ages.is_recheck_due(1, 2)
        assert repo.load_matrix().grid == bytearray(b"\x04\x04\x04\x03")


def test_killed_half_way_the_old_file_stays_usable_and_upgrades_next_time(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.kpm"
    _old_file(path)
    before = sqlite3.connect(path).execute("SELECT * FROM marks").fetchall()
    proc = kill_inside_migration(path, _M)  # SIGKILL before the migration's COMMIT
    assert proc.returncode != 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == _M
    assert "marks_recheck" not in _indexes(conn)
    assert conn.execute("SELECT * FROM marks").fetchall() == before
    conn.close()
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert "marks_recheck" in _indexes(repo.conn)
        assert repo.due_rechecks(TODAY) == [(1, 1)]


def test_due_rechecks_follow_writes(tmp_path: Path) -> None:
    path = tmp_path / "r.kpm"
    now = datetime.now(UTC)
    with Repository.create(path) as repo:
        a, b = repo.add_customers([Customer(name="A"), Customer(name="B")])
        (p,) = repo.add_products([Product(name="P")])
        due = CellRecord(mark=Mark.NO_NEED, recheck_at=date(2026, 5, 1), verified_at=now)
        later = CellRecord(mark=Mark.NO_NEED, recheck_at=date(2027, 1, 1), verified_at=now)
        repo.write_cells([(a.id, p.id, due), (b.id, p.id, later)], source="test", at=now)
        assert repo.due_rechecks(TODAY) == [(a.id, p.id)]
        assert "COVERING INDEX marks_recheck" in _plan(repo)
        repo.write_cells([(a.id, p.id, None)], source="test", at=now)  # a white spot now
        assert repo.due_rechecks(TODAY) == []
        assert repo.due_rechecks(date(2027, 1, 1)) == [(b.id, p.id)]
