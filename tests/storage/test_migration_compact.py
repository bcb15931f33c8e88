"""Migration 3 (compact marks and history) on a file made by the release before it.

``fixtures/release_v2.kpm`` was written by the code of commit ea8bbb7 (schema 2): the demo
matrix of 2026-11-20, a snapshot, three user edits and one cell confirmed later than it was
changed (so its verified and updated times differ), closed cleanly.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.backup import REASON_MIGRATION, content_hash, list_backups
from kpm_desktop.storage.history import history_rows_between_times, list_snapshots
from kpm_desktop.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository

FIXTURE = Path(__file__).parent / "fixtures" / "release_v2.kpm"


def _mark_bytes(path: Path) -> int:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name IN ('marks', 'mark_history') "
            "OR name IN (SELECT name FROM sqlite_master WHERE tbl_name IN "
            "('marks', 'mark_history'))"
        ).fetchone()[0]
    finally:
        conn.close()


M003 = [m.__name__ for m in MIGRATIONS].index("_m003_compact_marks") + 1


def _old_rows(path: Path) -> tuple[list[tuple], list[tuple]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        marks = conn.execute(
            "SELECT customer_id, product_id, mark, competitor_id, our_revenue, potential, "
            "contract_end, no_need_reason, recheck_at, note, verified_at, updated_at, source "
            "FROM marks ORDER BY 1, 2"
        ).fetchall()
        history = conn.execute(
            "SELECT id, customer_id, product_id, old_mark, new_mark, changed_at, source "
            "FROM mark_history ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    return marks, history


def _iso(dt: datetime | None) -> str | None:
    return None if dt is None else dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    target = tmp_path / "release.kpm"
    shutil.copyfile(FIXTURE, target)
    return target


def test_fixture_is_a_file_of_the_previous_schema() -> None:
    conn = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == M003 - 1
    finally:
        conn.close()


def test_migration_keeps_every_cell_and_history_row(old_file: Path) -> None:
    marks, history = _old_rows(old_file)
    fractions: list[float] = []
    with Repository.open(old_file, progress=fractions.append) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert repo.verify() == []
        # every cell reads back as the old text columns said
        got = [
            (
                cid,
                pid,
                int(rec.mark),
                rec.competitor_id,
                rec.our_revenue,
                rec.potential,
                None if rec.contract_end is None else rec.contract_end.isoformat(),
                rec.no_need_reason,
                None if rec.recheck_at is None else rec.recheck_at.isoformat(),
                rec.note,
                _iso(rec.verified_at),
                _iso(rec.updated_at),
                rec.source,
            )
            for cid, pid, rec in repo.iter_cells()
        ]
        assert got == marks
        entries = sorted(repo.history(), key=lambda e: e.id)
        assert [
            (
                e.id,
                e.customer_id,
                e.product_id,
                None if e.old_mark is None else int(e.old_mark),
                None if e.new_mark is None else int(e.new_mark),
                _iso(e.changed_at),
                e.source,
            )
            for e in entries
        ] == history
        # the confirmed cell keeps both of its times
        rec = repo.get_cell(3, 3)
        assert rec is not None and rec.mark == Mark.COMPETITOR
        assert rec.verified_at == datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
        assert rec.updated_at == datetime(2026, 11, 22, 10, 30, 15, tzinfo=UTC)
        assert rec.contract_end == date(2027, 3, 31) and rec.note == "Vertrag bis 2027"
        # time queries work on the integer column
        since = history_rows_between_times(repo, datetime(2026, 11, 22, tzinfo=UTC))
        assert [r[0] for r in since] == [650, 651, 652]
        assert [s.label for s in list_snapshots(repo)] == ["before visit"]
        # compact columns and indexes
        columns = {r[1]: r[2] for r in repo.conn.execute("PRAGMA table_info(marks)")}
        assert columns["verified_at"] == "INTEGER" and columns["source"] == "INTEGER"
        indexes = {
            r[0]
            for r in repo.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            )
        }
        assert "marks_product" not in indexes and "mark_history_changed" not in indexes
        assert {"marks_details", "marks_competitor", "mark_history_customer"} <= indexes
        # edits after the migration write the compact form
        repo.set_marks([(1, 2, Mark.OURS)])
        stored = repo.conn.execute(
            "SELECT typeof(verified_at), updated_at, source FROM marks "
            "WHERE customer_id = 1 AND product_id = 2"
        ).fetchone()
        assert stored == ("integer", None, 0)
    assert fractions[-1] == 1.0 and fractions == sorted(fractions)
    # compacted (VACUUM): the two big tables and their indexes take fewer pages (later
    # migrations may add small tables of their own, so the whole file is not compared)
    assert _mark_bytes(old_file) < _mark_bytes(FIXTURE)


def test_migration_is_preceded_by_a_backup_of_the_old_file(old_file: Path) -> None:
    before = content_hash(old_file)
    Repository.open(old_file).close()
    [info] = [b for b in list_backups(old_file) if b.reason == REASON_MIGRATION]
    assert content_hash(info.path) == before


_CHILD = textwrap.dedent(
    """
    import os, sys
    from kpm_desktop.storage import database
    from kpm_desktop.storage.repository import Repository

    path, where, value = sys.argv[1], sys.argv[2], float(sys.argv[3])

    def die(*_a):
        os._exit(9)  # like a kill: no cleanup, no rollback, lock and -wal stay behind

    if where == "progress":
        # ``value`` is the overall progress when migration 3 was the last one (its part:
        # 1/2); later migrations shrink that part to 1/(pending + 1).
        from kpm_desktop.storage.migrations import SCHEMA_VERSION
        share = 2 / (SCHEMA_VERSION - 2 + 1)
        def progress(f):
            if f >= value * share:
                die()
        Repository.open(path, progress=progress)
    else:  # during or right before the compaction after the commit
        original = database.compact_if_sparse

        def compact(conn, *a, **k):
            if value == 0:
                die()
            conn.set_progress_handler(die, int(value))
            # always compact here: whether the file is sparse enough depends on what later
            # migrations allocate from the free pages; this test is about a kill mid-VACUUM
            return original(conn, free_share=0.0)

        database.compact_if_sparse = compact
        Repository.open(path)
    sys.exit(3)  # not killed: the test's kill point was never reached
    """
)


def _in_migration_3(fraction: float) -> float:
    """The overall progress value at ``fraction`` of migration 3 (see connect_database:
    backup 40 %, then the pending migrations and the compaction share the rest)."""
    pending = SCHEMA_VERSION - (M003 - 1)
    return 0.4 + 0.6 * fraction / (pending + 1)


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("progress", 0.2),  # during the backup
        ("progress", _in_migration_3(0.0)),  # tables created, nothing copied
        ("progress", _in_migration_3(0.4)),  # part-way through the marks
        ("progress", _in_migration_3(0.9)),  # history copied, old tables not yet dropped
        ("compact", 0),  # committed, before VACUUM
        ("compact", 2000),  # in the middle of VACUUM
    ],
)
def test_migration_killed_at_any_point_leaves_a_usable_file(
    old_file: Path, tmp_path: Path, where: str, value: float
) -> None:
    clean = tmp_path / "clean.kpm"
    shutil.copyfile(FIXTURE, clean)
    Repository.open(clean).close()
    expected = content_hash(clean)

    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(old_file), where, str(value)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == 9, child.stderr
    # the file still opens: either still the old format (migrated now) or already the new one
    version = sqlite3.connect(f"file:{old_file}?mode=ro", uri=True)
    try:
        # later migrations (each its own transaction) may have committed too
        assert M003 - 1 <= version.execute("PRAGMA user_version").fetchone()[0] <= SCHEMA_VERSION
        assert version.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        version.close()
    with Repository.open(old_file) as repo:
        assert repo.verify() == []
    assert content_hash(old_file) == expected
