from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpm_desktop.domain.entities import (
    CellRecord,
    Customer,
    Goal,
    GoalStatus,
    Note,
    Product,
    ProductGroup,
)
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository


@pytest.fixture
def repo(tmp_path: Path):
    r = Repository.create(tmp_path / "t.kpm")
    group = r.add_group(ProductGroup(name="G"))
    r.add_products([Product(name=f"P{i}", group_id=group.id) for i in range(4)])
    r.add_customers([Customer(name=f"C{i}", number=str(i)) for i in range(3)])
    yield r
    r.close()


def test_pragmas(repo: Repository) -> None:
    conn = repo.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x4B504D31


@pytest.mark.parametrize("mark", [*Mark, None])
def test_every_mark_round_trips_through_the_file(repo: Repository, mark: Mark | None) -> None:
    m = repo.load_matrix()
    cid, pid = m.customers[1].id, m.products[2].id
    repo.set_marks([(cid, pid, Mark.NEED)])
    repo.set_marks([(cid, pid, mark)])
    path = repo.path
    repo.close()
    with Repository.open(path) as again:
        m2 = again.load_matrix()
        assert m2.mark(1, 2) is mark
        rec = again.get_cell(cid, pid)
        assert (rec.mark if rec else None) is mark
        assert again.verify() == []


def test_details_round_trip_exactly(repo: Repository) -> None:
    m = repo.load_matrix()
    comp = repo.add_competitor("Wettbewerber AG")
    rec = CellRecord(
        mark=Mark.COMPETITOR,
        competitor_id=comp.id,
        our_revenue=None,
        potential=12345.5,
        contract_end=date(2027, 3, 31),
        no_need_reason="",
        recheck_at=None,
        note="Vertrag läuft aus; =SUMME(A1)",
        verified_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        updated_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        source="user",
    )
    key = (m.customers[0].id, m.products[0].id)
    repo.write_cells([(*key, rec)])
    assert repo.get_cell(*key) == rec


def test_history_rows_written(repo: Repository) -> None:
    m = repo.load_matrix()
    cid, pid = m.customers[0].id, m.products[0].id
    repo.set_marks([(cid, pid, Mark.OURS)])
    repo.set_marks([(cid, pid, Mark.COMPETITOR)])
    repo.set_marks([(cid, pid, Mark.COMPETITOR)])  # confirmation: no transition, no history
    repo.set_marks([(cid, pid, None)])
    hist = repo.history(customer_id=cid)
    assert [(h.old_mark, h.new_mark) for h in reversed(hist)] == [
        (None, Mark.OURS),
        (Mark.OURS, Mark.COMPETITOR),
        (Mark.COMPETITOR, None),
    ]


def test_set_marks_keeps_details_and_undo_restores(repo: Repository) -> None:
    m = repo.load_matrix()
    key = (m.customers[0].id, m.products[1].id)
    repo.write_cells([(*key, CellRecord(mark=Mark.NEED, potential=500.0, note="n"))])
    before = repo.get_cell(*key)
    old = repo.set_marks([(*key, Mark.OURS)])
    after = repo.get_cell(*key)
    assert after.mark is Mark.OURS and after.potential == 500.0 and after.note == "n"
    repo.write_cells(old)
    assert repo.get_cell(*key) == before


def test_multi_cell_write_is_all_or_nothing(repo: Repository) -> None:
    m = repo.load_matrix()
    good = (m.customers[0].id, m.products[0].id, CellRecord(mark=Mark.OURS))
    bad = (m.customers[0].id, m.products[1].id, CellRecord(mark=Mark.NEED, competitor_id=999))
    with pytest.raises(sqlite3.IntegrityError):
        repo.write_cells([good, bad])  # foreign key violation on the second cell
    assert repo.get_cell(*good[:2]) is None
    assert repo.load_matrix().totals().known == 0
    assert repo.verify() == []


def test_customer_delete_and_restore(repo: Repository) -> None:
    m = repo.load_matrix()
    cid = m.customers[1].id
    repo.set_marks([(cid, p.id, Mark.NEED) for p in m.products])
    repo.add_note(Note(customer_id=cid, text="hallo", note_date=date(2026, 1, 1)))
    repo.add_goal(Goal(customer_id=cid, title="Ziel", product_ids=(m.products[0].id,)))
    snap = repo.delete_customer(cid)
    assert repo.get_customer(cid) is None and repo.counts()["notes"] == 0
    assert repo.verify() == []
    repo.restore_customer(snap)
    m2 = repo.load_matrix()
    assert m2.row_codes(1) == bytes([3, 3, 3, 3])
    assert repo.notes_for(cid)[0].text == "hallo"
    assert repo.goals_for(cid)[0].product_ids == (m.products[0].id,)
    assert repo.verify() == []


def test_product_delete_compacts_slots_and_restore(repo: Repository) -> None:
    m = repo.load_matrix()
    edits = [
        (c.id, p.id, Mark((i + j) % 4 + 1))
        for i, c in enumerate(m.customers)
        for j, p in enumerate(m.products)
    ]
    repo.set_marks(edits)
    before = repo.load_matrix()
    snap = repo.delete_product(m.products[1].id)
    after = repo.load_matrix()
    assert after.n_cols == 3
    for i in range(3):
        row = before.row_codes(i)
        assert after.row_codes(i) == row[:1] + row[2:]
    assert repo.verify() == []
    repo.restore_product(snap)
    again = repo.load_matrix()
    assert [p.id for p in again.products] == [p.id for p in before.products]
    assert again.grid == before.grid
    assert repo.verify() == []


def test_adding_a_product_after_marks_keeps_grid_consistent(repo: Repository) -> None:
    m = repo.load_matrix()
    repo.set_marks([(m.customers[0].id, m.products[3].id, Mark.OURS)])
    new = repo.add_product(Product(name="neu"))
    repo.set_marks([(m.customers[2].id, new.id, Mark.NEED)])
    m2 = repo.load_matrix()
    assert m2.n_cols == 5 and m2.mark(0, 3) is Mark.OURS and m2.mark(2, 4) is Mark.NEED
    assert m2.mark(0, 4) is None and repo.verify() == []


def test_notes_goals_competitors_crud(repo: Repository) -> None:
    cid = repo.load_customers()[0].id
    n1 = repo.add_note(Note(customer_id=cid, text="alt", note_date=date(2026, 1, 1)))
    n2 = repo.add_note(Note(customer_id=cid, text="neu", note_date=date(2026, 5, 1)))
    assert [n.text for n in repo.notes_for(cid)] == ["neu", "alt"]
    prev = repo.update_note(replace(n1, text="geändert"))
    assert prev.text == "alt"
    deleted = repo.delete_note(n2.id)
    repo.restore_note(deleted)
    assert {n.text for n in repo.notes_for(cid)} == {"neu", "geändert"}
    g = repo.add_goal(Goal(customer_id=cid, title="A", due_date=date(2027, 1, 1)))
    repo.update_goal(replace(g, status=GoalStatus.ACHIEVED))
    assert repo.goals_for(cid)[0].status is GoalStatus.ACHIEVED
    c = repo.add_competitor("ElektroTec")
    assert repo.competitor_by_name("ElektroTec") == c
    repo.rename_competitor(c.id, "ElektroTec GmbH")
    assert [x.name for x in repo.load_competitors()] == ["ElektroTec GmbH"]


def test_read_only_refuses_writes(repo: Repository) -> None:
    from kpm_desktop.storage.errors import ReadOnlyError

    path = repo.path
    repo.close()
    with Repository.open(path, read_only=True) as ro, pytest.raises(ReadOnlyError):
        ro.set_setting("x", "y")


cell_edits = st.lists(
    st.tuples(st.integers(0, 2), st.integers(0, 3), st.sampled_from([*Mark, None])),
    min_size=1,
    max_size=6,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.sampled_from(["set", "undo", "addp", "delp", "delc"]), cell_edits), max_size=12
    )
)
def test_grid_equals_marks_after_random_edit_sequences(tmp_path_factory, ops) -> None:
    path = tmp_path_factory.mktemp("h") / "h.kpm"
    with Repository.create(path) as repo:
        repo.add_products([Product(name=f"P{i}") for i in range(4)])
        repo.add_customers([Customer(name=f"C{i}") for i in range(3)])
        undo: list = []
        for op, edits in ops:
            m = repo.load_matrix()
            if op == "set" and m.n_rows and m.n_cols:
                undo.append(
                    repo.set_marks(
                        [
                            (m.customers[r % m.n_rows].id, m.products[c % m.n_cols].id, mk)
                            for r, c, mk in edits
                        ]
                    )
                )
            elif op == "undo" and undo:
                repo.write_cells(undo.pop())
            elif op == "addp":
                repo.add_product(Product(name="x"))
            elif op == "delp" and m.n_cols > 1:
                repo.delete_product(m.products[edits[0][1] % m.n_cols].id)
                undo.clear()
            elif op == "delc" and m.n_rows > 1:
                repo.delete_customer(m.customers[edits[0][0] % m.n_rows].id)
                undo.clear()
            assert repo.status_grid_problems() == []
        # The loaded grid equals a grid rebuilt from the marks table.
        m = repo.load_matrix()
        expected = bytearray(m.n_rows * m.n_cols)
        for cid, pid, mark in repo.conn.execute("SELECT customer_id, product_id, mark FROM marks"):
            expected[m.row_of[cid] * m.n_cols + m.col_of[pid]] = mark
        assert m.grid == expected
