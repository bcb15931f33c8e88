"""Snapshots (migration 2), history queries and the compact cell-detail load."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kpm_desktop.domain.entities import CellRecord, Customer, Product, ProductGroup
from kpm_desktop.domain.history_diff import diff_history, diff_keyed
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage import history as h
from kpm_desktop.storage.errors import ReadOnlyError
from kpm_desktop.storage.migrations import MIGRATIONS
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash

T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def repo(tmp_path: Path):
    r = Repository.create(tmp_path / "h.kpm")
    g = r.add_group(ProductGroup(name="G"))
    r.add_products([Product(name=f"P{i}", group_id=g.id) for i in range(5)])
    r.add_customers([Customer(name=f"C{i}", segment="S") for i in range(4)])
    yield r
    r.close()


def _ids(repo: Repository) -> tuple[list[int], list[int]]:
    m = repo.load_matrix()
    return [c.id for c in m.customers], [p.id for p in m.products]  # type: ignore[misc]


def test_migration_2_adds_snapshots_and_detail_index(repo: Repository) -> None:
    assert MIGRATIONS[1].__name__ == "_m002_snapshots"
    cols = [r[1] for r in repo.conn.execute("PRAGMA table_info(snapshots)")]
    assert cols == ["id", "label", "created_at", "history_id", "totals"]
    plan = repo.conn.execute("EXPLAIN QUERY PLAN " + h._DETAIL_SQL).fetchall()
    assert "marks_details" in plan[0][3]


def test_migration_2_upgrades_a_version_1_file(tmp_path: Path) -> None:
    path = tmp_path / "v1.kpm"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA application_id = 1263553841")
    conn.execute("BEGIN")
    MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("COMMIT")
    conn.close()
    with Repository.open(path) as repo:
        assert h.list_snapshots(repo) == []
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_snapshot_create_list_get_rename_delete_restore(repo: Repository) -> None:
    cids, pids = _ids(repo)
    first = h.create_snapshot(repo, "  Start  ", at=T0)
    assert first.label == "Start" and first.history_id == 0
    assert first.totals["white"] == 20
    repo.set_marks([(cids[0], pids[0], Mark.OURS)], at=T0 + timedelta(hours=1))
    second = h.create_snapshot(repo, "Q1 review", at=T0 + timedelta(days=90))
    assert second.history_id == h.max_history_id(repo) == 1
    assert second.totals["ours"] == 1
    assert [s.label for s in h.list_snapshots(repo)] == ["Start", "Q1 review"]
    assert h.get_snapshot(repo, "Q1 review") == second
    assert h.get_snapshot(repo, second.id) == second  # type: ignore[arg-type]
    assert h.get_snapshot(repo, str(first.id)) == first
    assert h.rename_snapshot(repo, first.id, "Kickoff") == "Start"  # type: ignore[arg-type]
    removed = h.delete_snapshot(repo, first.id)  # type: ignore[arg-type]
    assert removed.label == "Kickoff"
    assert [s.label for s in h.list_snapshots(repo)] == ["Q1 review"]
    h.restore_snapshot(repo, removed)
    assert h.get_snapshot(repo, "Kickoff") == removed
    with pytest.raises(h.SnapshotNotFoundError, match="no snapshot 'nope'"):
        h.get_snapshot(repo, "nope")
    with pytest.raises(ValueError, match="label"):
        h.create_snapshot(repo, "   ")


def test_snapshot_on_read_only_file_is_refused_and_file_unchanged(repo: Repository) -> None:
    path = repo.path
    repo.close()
    before = file_hash(path)
    with Repository.open(path, read_only=True) as ro, pytest.raises(ReadOnlyError):
        h.create_snapshot(ro, "x")
    assert file_hash(path) == before


def test_diff_between_snapshots_ignores_undone_edits(repo: Repository) -> None:
    cids, pids = _ids(repo)
    a, b, c = (cids[0], pids[0]), (cids[1], pids[1]), (cids[2], pids[2])
    repo.set_marks([(*a, Mark.NEED)], at=T0)
    snap1 = h.create_snapshot(repo, "one")
    # a: NEED -> OURS (a real change); b: white -> COMPETITOR and undone; c: two edits
    repo.set_marks([(*a, Mark.OURS)], at=T0 + timedelta(minutes=1))
    old = repo.set_marks([(*b, Mark.COMPETITOR)], at=T0 + timedelta(minutes=2))
    repo.write_cells(old, at=T0 + timedelta(minutes=3))  # undo
    repo.set_marks([(*c, Mark.NEED)], at=T0 + timedelta(minutes=4))
    repo.set_marks([(*c, Mark.NO_NEED)], at=T0 + timedelta(minutes=5))
    snap2 = h.create_snapshot(repo, "two")
    diff = diff_history(h.history_rows_between_ids(repo, snap1.history_id, snap2.history_id))
    assert diff.edits == 5 and diff.touched == 3
    assert [(d.customer_id, d.product_id, d.old, d.new) for d in diff.changes] == [
        (*a, 3, 1),
        (*c, 0, 4),
    ]
    assert diff.transitions == {(0, 4): 1, (3, 1): 1}
    # snapshot vs now: a later edit shows up, nothing before the snapshot does
    repo.set_marks([(*b, Mark.OURS)], at=T0 + timedelta(minutes=6))
    now = diff_history(h.history_rows_between_ids(repo, snap2.history_id))
    assert [(d.customer_id, d.new) for d in now.changes] == [(b[0], 1)]


def test_diff_between_dates_uses_state_at_each_date(repo: Repository) -> None:
    cids, pids = _ids(repo)
    cell = (cids[3], pids[4])
    for k, mark in enumerate([Mark.NEED, Mark.COMPETITOR, Mark.OURS, None]):
        repo.set_marks([(*cell, mark)], at=T0 + timedelta(days=k))
    rows = h.history_rows_between_times(repo, T0, T0 + timedelta(days=2))
    # state at T0 is white (the edit stamped T0 is inside the period), at T0+2d COMPETITOR
    assert [(d.old, d.new) for d in diff_history(rows).changes] == [(0, 2)]
    rows = h.history_rows_between_times(repo, T0 + timedelta(days=1), T0 + timedelta(days=3))
    assert [(d.old, d.new) for d in diff_history(rows).changes] == [(3, 1)]
    keyed = h.keyed_history_between_times(repo, T0 + timedelta(days=1), T0 + timedelta(days=3))
    assert diff_keyed(keyed) == diff_history(rows)
    upto = h.keyed_history_between_times(repo, T0, upto_id=2)
    assert [(d.old, d.new) for d in diff_keyed(upto).changes] == [(0, 2)]
    everything = h.history_rows_between_times(repo, T0 - timedelta(days=1))
    assert diff_history(everything).changes == ()  # white at the start, white now
    assert h.history_id_at(repo, T0 + timedelta(days=1, hours=1)) == 2
    with pytest.raises(ValueError, match="before its start"):
        h.history_rows_between_times(repo, T0, T0 - timedelta(days=1))


def test_random_edit_sequences_with_undo_match_state_comparison(repo: Repository) -> None:
    """Diff == compare the matrix states before and after, for random edits and undos."""
    cids, pids = _ids(repo)
    rng = random.Random(7)
    marks = [*Mark, None]
    for round_ in range(4):
        before = repo.load_matrix().grid[:]
        hid = h.max_history_id(repo)
        undo_stack = []
        for step in range(25):
            if undo_stack and rng.random() < 0.3:
                repo.write_cells(undo_stack.pop(), source="undo")
                continue
            edits = [
                (rng.choice(cids), rng.choice(pids), rng.choice(marks))
                for _ in range(rng.randint(1, 3))
            ]
            edits = list({(c, p): (c, p, m) for c, p, m in edits}.values())
            undo_stack.append(repo.set_marks(edits, at=T0 + timedelta(minutes=round_ * 100 + step)))
        after = repo.load_matrix()
        diff = diff_history(h.history_rows_between_ids(repo, hid))
        expected = sorted(
            (after.customers[k // 5].id, after.products[k % 5].id, before[k], after.grid[k])
            for k in range(len(before))
            if before[k] != after.grid[k]
        )
        got = sorted((d.customer_id, d.product_id, d.old, d.new) for d in diff.changes)
        assert got == expected
        keyed = diff_keyed(h.keyed_history_between_ids(repo, hid))
        assert keyed == diff
        some = set(cids[:2])
        assert diff_keyed(h.keyed_history_between_ids(repo, hid), some) == diff_history(
            h.history_rows_between_ids(repo, hid), some
        )


def test_load_cell_details_reads_only_cells_with_details(repo: Repository) -> None:
    cids, pids = _ids(repo)
    comp = repo.add_competitor("Rival AG")
    repo.write_cells(
        [
            (cids[0], pids[0], CellRecord(Mark.OURS, our_revenue=1500.0)),
            (cids[1], pids[2], CellRecord(Mark.COMPETITOR, competitor_id=comp.id, potential=9.5)),
            (cids[2], pids[3], CellRecord(Mark.COMPETITOR, contract_end=date(2027, 2, 28))),
            (cids[3], pids[4], CellRecord(Mark.NO_NEED)),  # no details: not loaded
        ]
    )
    m = repo.load_matrix()
    d = h.load_cell_details(repo, m)
    got = sorted(
        zip(
            d.rows,
            d.cols,
            d.marks,
            d.competitor,
            d.revenue,
            d.potential,
            d.contract_end,
            strict=True,
        )
    )
    nan_free = [tuple("-" if (isinstance(v, float) and v != v) else v for v in row) for row in got]
    assert nan_free == [
        (0, 0, 1, 0, 1500.0, "-", 0),
        (1, 2, 2, comp.id, "-", 9.5, 0),
        (2, 3, 2, 0, "-", "-", date(2027, 2, 28).toordinal()),
    ]
    assert repo.competitor_names() == {comp.id: "Rival AG"}
    # a cell whose detail is cleared leaves the detail load
    repo.write_cells([(cids[0], pids[0], replace(CellRecord(Mark.OURS), our_revenue=None))])
    assert len(h.load_cell_details(repo, repo.load_matrix())) == 2
