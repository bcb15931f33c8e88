"""Customer KPIs on the demo matrix against plain SQL, and the edge cases of the shares."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from kpm_desktop.domain.customer_kpis import customer_kpis
from kpm_desktop.domain.entities import CellRecord, Product
from kpm_desktop.domain.marks import Mark
from kpm_desktop.samples.demo import write_demo
from kpm_desktop.storage.customer_views import load_customer_kpis
from kpm_desktop.storage.repository import Repository

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return write_demo(tmp_path_factory.mktemp("demo") / "demo.kpm", today=TODAY)


@pytest.mark.parametrize("index", [0, 3, 6])
def test_demo_customer_kpis_match_sql(demo, index):
    db = sqlite3.connect(demo)
    cid = db.execute("SELECT id FROM customers ORDER BY id LIMIT 1 OFFSET ?", (index,)).fetchone()[
        0
    ]
    n_products = db.execute("SELECT count(*) FROM products").fetchone()[0]
    due = "(mark = 4 AND recheck_at IS NOT NULL AND recheck_at <= '2026-11-27')"

    def one(sql: str):
        return db.execute(sql, (cid,)).fetchone()[0]

    counts = {
        m: one(f"SELECT count(*) FROM marks WHERE customer_id = ? AND mark = {m} AND NOT {due}")
        for m in (1, 2, 3, 4)
    }
    ours = one("SELECT sum(our_revenue) FROM marks WHERE customer_id = ? AND mark = 1")
    comp = one("SELECT sum(potential) FROM marks WHERE customer_id = ? AND mark = 2")
    potential = one("SELECT sum(potential) FROM marks WHERE customer_id = ?")
    revenue = one("SELECT sum(our_revenue) FROM marks WHERE customer_id = ?")
    comp_names = {
        r[0]
        for r in db.execute(
            "SELECT c.name FROM marks m JOIN competitors c ON c.id = m.competitor_id "
            "WHERE m.customer_id = ? AND m.mark = 2",
            (cid,),
        )
    }
    db.close()
    with Repository.open(demo, read_only=True) as repo:
        k = load_customer_kpis(repo, cid, TODAY)
    assert k.counts.ours == counts[1] == len(k.ours_products)
    assert k.counts.competitor == counts[2] == len(k.competitor_cells)
    assert k.counts.need == counts[3] == len(k.need_products)
    assert k.counts.no_need == counts[4]
    assert k.white_spots == n_products - sum(counts.values())
    assert k.coverage == pytest.approx(100 * sum(counts.values()) / n_products)
    assert k.potential_sum == pytest.approx(potential)
    assert k.our_revenue_sum == pytest.approx(revenue)
    assert set(k.competitor_names()) == comp_names
    if counts[1] + counts[2]:
        assert k.share_of_wallet_count == pytest.approx(100 * counts[1] / (counts[1] + counts[2]))
    assert k.share_of_wallet_amount == pytest.approx(
        100 * (ours or 0) / ((ours or 0) + (comp or 0))
    )


def test_shares_without_data_are_none():
    products = [Product(name="A", id=1), Product(name="B", id=2)]
    k = customer_kpis(products, {}, {}, TODAY)
    assert (k.white_spots, k.coverage) == (2, 0.0)
    assert k.share_of_wallet_count is None and k.share_of_wallet_amount is None
    assert k.potential_sum is None and k.our_revenue_sum is None
    k = customer_kpis(products, {1: CellRecord(Mark.OURS), 2: CellRecord(Mark.NEED)}, {}, TODAY)
    assert k.share_of_wallet_count == 100.0 and k.share_of_wallet_amount is None
    k = customer_kpis(
        products,
        {1: CellRecord(Mark.OURS), 2: CellRecord(Mark.COMPETITOR, competitor_id=7, potential=500)},
        {7: "Rival"},
        TODAY,
    )
    assert k.share_of_wallet_count == 50.0 and k.share_of_wallet_amount == 0.0
    assert k.competitor_cells[0].competitor_name == "Rival"
