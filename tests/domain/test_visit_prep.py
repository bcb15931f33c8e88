"""Visit preparation on the deterministic demo matrix, checked against plain SQL."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest

from kpm_desktop.domain.entities import HistoryEntry
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.visit_prep import changes_since
from kpm_desktop.samples.demo import write_demo
from kpm_desktop.storage.customer_views import load_changes_since, load_visit_preparation
from kpm_desktop.storage.repository import Repository

TODAY = date(2026, 11, 27)
# Müller (A class: goals incl. an achieved one, a "no need" whose re-check has passed) and
# Krüger (A class, many stale cells and renewals); addressed by their stable demo uuids.
CUSTOMERS = ("c0000000-0000-4000-8000-000000000000", "c0000000-0000-4000-8000-000000000006")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return write_demo(tmp_path_factory.mktemp("demo") / "demo.kpm", today=TODAY)


def expected_items(path, uuid: str) -> dict:
    """The visit list computed independently: plain SQL and loops over the raw tables."""
    db = sqlite3.connect(path)
    cid = db.execute("SELECT id FROM customers WHERE uuid = ?", (uuid,)).fetchone()[0]
    marks = {
        r[0]: r[1:]
        for r in db.execute(
            "SELECT product_id, mark, verified_at, contract_end, recheck_at, competitor_id "
            "FROM marks WHERE customer_id = ?",
            (cid,),
        )
    }
    products = db.execute(
        "SELECT p.id, p.name, coalesce(g.name, ''), coalesce(g.sort_order, 1e9) FROM products p "
        "LEFT JOIN product_groups g ON g.id = p.group_id ORDER BY p.slot"
    ).fetchall()
    today = TODAY.isoformat()
    white: dict[str, list[str]] = {}
    stale, renewals, needs = set(), set(), set()
    covered = {
        r[0]
        for r in db.execute(
            "SELECT gp.product_id FROM goal_products gp JOIN goals g ON g.id = gp.goal_id "
            "WHERE g.customer_id = ? AND g.status != 'dropped'",
            (cid,),
        )
    }
    for pid, pname, gname, _order in sorted(products, key=lambda r: (r[3], 0)):
        row = marks.get(pid)
        due = row is not None and row[0] == 4 and row[3] is not None and row[3] <= today
        if row is None or due:
            white.setdefault(gname, []).append(pname)
            continue
        mark, verified, contract_end, _recheck, comp = row
        if verified is None or verified < int(datetime(2025, 11, 27, tzinfo=UTC).timestamp()):
            stale.add(pname)
        if mark == 2 and contract_end is not None and today <= contract_end <= "2027-11-27":
            name = db.execute("SELECT name FROM competitors WHERE id = ?", (comp,)).fetchone()[0]
            renewals.add((pname, name, contract_end))
        if mark == 3 and pid not in covered:
            needs.add(pname)
    open_goals = [
        r[0]
        for r in db.execute(
            "SELECT title FROM goals WHERE customer_id = ? AND status = 'open' "
            "ORDER BY sort_order, id",
            (cid,),
        )
    ]
    notes = [
        r[0]
        for r in db.execute(
            "SELECT text FROM notes WHERE customer_id = ? ORDER BY note_date DESC, id DESC LIMIT 3",
            (cid,),
        )
    ]
    db.close()
    return {
        "id": cid,
        "white": white,
        "stale": stale,
        "renewals": renewals,
        "needs": needs,
        "open_goals": open_goals,
        "notes": notes,
    }


@pytest.mark.parametrize("uuid", CUSTOMERS)
def test_visit_preparation_lists_exactly_the_expected_items(demo, uuid):
    exp = expected_items(demo, uuid)
    with Repository.open(demo, read_only=True) as repo:
        prep = load_visit_preparation(repo, exp["id"], TODAY)
    assert {g.group_name: [p.name for p in g.products] for g in prep.white_spots} == exp["white"]
    assert [g.group_name for g in prep.white_spots] == list(exp["white"])  # group order
    assert {s.product.name for s in prep.stale_cells} == exp["stale"]
    assert len(prep.stale_cells) == len(exp["stale"])
    assert {
        (r.product.name, r.competitor_name, r.contract_end.isoformat()) for r in prep.renewals
    } == exp["renewals"]
    assert [r.contract_end for r in prep.renewals] == sorted(r.contract_end for r in prep.renewals)
    assert {n.product.name for n in prep.needs_without_goal} == exp["needs"]
    assert [g.title for g in prep.open_goals] == exp["open_goals"]
    assert [n.text for n in prep.last_notes] == exp["notes"]
    # the chosen customers exercise every section
    assert exp["white"] and exp["stale"] and exp["renewals"] and exp["needs"] and exp["open_goals"]
    assert len(exp["notes"]) == 3


def test_demo_customers_cover_the_special_rules(demo):
    """Müller has a passed re-check (listed as white spot) and a goal-covered need."""
    db = sqlite3.connect(demo)
    cid = db.execute("SELECT id FROM customers WHERE uuid = ?", (CUSTOMERS[0],)).fetchone()[0]
    due = db.execute(
        "SELECT p.name FROM marks m JOIN products p ON p.id = m.product_id WHERE m.customer_id = ? "
        "AND m.mark = 4 AND m.recheck_at <= ?",
        (cid, TODAY.isoformat()),
    ).fetchall()
    db.close()
    assert due
    with Repository.open(demo, read_only=True) as repo:
        prep = load_visit_preparation(repo, cid, TODAY)
    names = {p.name for p in prep.white_spot_products}
    assert {d[0] for d in due} <= names
    assert prep.open_items == len(names) + len(prep.stale_cells) + len(prep.renewals) + len(
        prep.needs_without_goal
    )


def test_answering_items_shrinks_the_list(tmp_path):
    path = write_demo(tmp_path / "d.kpm", today=TODAY)
    with Repository.open(path) as repo:
        cid = repo.load_customers()[0].id
        before = load_visit_preparation(repo, cid, TODAY)
        white = before.white_spot_products[0]
        stale = before.stale_cells[0].product
        repo.set_marks([(cid, white.id, Mark.OURS), (cid, stale.id, stale_mark(before))])
        after = load_visit_preparation(repo, cid, TODAY)
    assert white not in after.white_spot_products
    assert stale.id not in {s.product.id for s in after.stale_cells}  # verified now
    assert after.open_items == before.open_items - 2


def stale_mark(prep):
    return prep.stale_cells[0].mark


def test_changes_since_collapses_edits_and_drops_reverted():
    t0 = datetime(2026, 11, 1, 8, tzinfo=UTC)
    h = [
        HistoryEntry(1, 10, None, Mark.NEED, t0 - timedelta(days=5), "user", id=1),  # before
        HistoryEntry(1, 10, Mark.NEED, Mark.OURS, t0, "user", id=2),
        HistoryEntry(1, 10, Mark.OURS, Mark.COMPETITOR, t0 + timedelta(hours=1), "user", id=3),
        HistoryEntry(1, 11, None, Mark.NEED, t0, "user", id=4),
        HistoryEntry(1, 11, Mark.NEED, None, t0 + timedelta(hours=2), "undo", id=5),  # undone
        HistoryEntry(1, 12, Mark.OURS, None, t0 + timedelta(days=1), "user", id=6),
    ]
    out = changes_since(h, date(2026, 11, 1))
    assert [(c.product_id, c.before, c.after, c.edits) for c in out] == [
        (12, Mark.OURS, None, 1),
        (10, Mark.NEED, Mark.COMPETITOR, 2),
    ]
    assert {c.product_id for c in changes_since(h, date(2026, 11, 1), include_reverted=True)} == {
        10,
        11,
        12,
    }


def test_changes_since_from_the_file(tmp_path):
    # a demo dated in the past, so its history rows lie before the cut-off
    path = write_demo(tmp_path / "d.kpm", today=date(2026, 1, 5))
    with Repository.open(path) as repo:
        cid = repo.load_customers()[1].id
        products = repo.load_products()
        assert len(load_changes_since(repo, cid, date(2026, 1, 1))) > 0  # the demo's own marks
        assert load_changes_since(repo, cid, date(2026, 1, 6)) == []
        repo.set_marks([(cid, products[0].id, Mark.NEED)])
        repo.set_marks([(cid, products[0].id, Mark.OURS)])
        out = load_changes_since(repo, cid, date(2026, 1, 6))
    assert [(c.product_id, c.before, c.after, c.edits) for c in out] == [
        (products[0].id, None, Mark.OURS, 2)
    ]
