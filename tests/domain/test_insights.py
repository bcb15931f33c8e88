"""Insights on the demo and on random matrices, checked against a straightforward
re-implementation over the raw marks table (one Python dict entry per cell)."""

from __future__ import annotations

import math
import random
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest

from kpm_desktop.domain.entities import CellRecord, Customer, Product, ProductGroup
from kpm_desktop.domain.insights import (
    UNNAMED_COMPETITOR,
    CellDetails,
    add_months,
    attribute_bars,
    competitor_radar,
    compute_insights,
    group_bars,
    product_bars,
    renewal_radar,
    rows_in_bar,
    where_to_go_next,
)
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage import history as h
from kpm_desktop.storage.convert import date_from_db
from kpm_desktop.storage.repository import Repository
from tests.helpers.demo import DEMO_TODAY

MONTHS = 6


class Naive:
    """Everything read cell by cell from the marks table."""

    def __init__(self, repo: Repository) -> None:
        self.m = repo.load_matrix()
        self.names = repo.competitor_names()
        self.cells: dict[tuple[int, int], tuple] = {}
        for cid, pid, mark, comp, rev, pot, end in repo.conn.execute(
            "SELECT customer_id, product_id, mark, competitor_id, our_revenue, potential, "
            "contract_end FROM marks"
        ):
            r, c = self.m.row_of[cid], self.m.col_of[pid]
            self.cells[(r, c)] = (mark, comp, rev, pot, date_from_db(end))

    def code(self, r: int, c: int) -> int:
        return self.cells[(r, c)][0] if (r, c) in self.cells else 0

    def group_of(self, c: int) -> int | None:
        gid = self.m.products[c].group_id
        return gid if gid in self.m.groups else None

    def revenue(self, rows, cols) -> float:
        return sum(
            v[2]
            for (r, c), v in self.cells.items()
            if r in rows and c in cols and v[0] == 1 and v[2] is not None
        )

    def potential(self, rows, cols) -> float:
        return sum(
            v[3]
            for (r, c), v in self.cells.items()
            if r in rows and c in cols and v[0] in (2, 3) and v[3] is not None
        )

    def counts(self, rows, cols) -> tuple[list[int], list[int]]:
        cells = [0] * 5
        with_ = [0] * 5
        for r in rows:
            seen = set()
            for c in cols:
                cells[self.code(r, c)] += 1
                seen.add(self.code(r, c))
            for code in seen:
                with_[code] += 1
        return cells, with_


def _bar_tuple(bar) -> tuple:
    return (
        bar.key,
        list(
            bar.counts.__getattribute__(f)
            for f in ("white", "ours", "competitor", "need", "no_need")
        ),
        bar.customers,
        list(
            bar.customers_with.__getattribute__(f)
            for f in ("white", "ours", "competitor", "need", "no_need")
        ),
        round(bar.revenue, 6),
        round(bar.potential, 6),
    )


def check_bars(naive: Naive, rows: list[int], details: CellDetails) -> None:
    m = naive.m
    rset = set(rows)
    allcols = range(m.n_cols)
    got = [_bar_tuple(b) for b in product_bars(m, rows, details)]
    want = []
    for c, p in enumerate(m.products):
        cells, _ = naive.counts(rows, [c])
        want.append(
            (
                p.id,
                cells,
                len(rows),
                cells,
                round(naive.revenue(rset, {c}), 6),
                round(naive.potential(rset, {c}), 6),
            )
        )
    assert got == want
    # groups
    got = [_bar_tuple(b) for b in group_bars(m, rows, details)]
    want = []
    gids = sorted(
        {naive.group_of(c) for c in allcols},
        key=lambda g: (g is None, m.groups[g].sort_order if g else 0, g or 0),
    )
    for gid in gids:
        cols = [c for c in allcols if naive.group_of(c) == gid]
        cells, with_ = naive.counts(rows, cols)
        want.append(
            (
                gid,
                cells,
                len(rows),
                with_,
                round(naive.revenue(rset, set(cols)), 6),
                round(naive.potential(rset, set(cols)), 6),
            )
        )
    assert got == want
    # attributes
    for dim in ("region", "segment", "owner"):
        values = sorted(
            {getattr(m.customers[r], dim) for r in rows}, key=lambda v: (v == "", v.casefold())
        )
        want = []
        for v in values:
            members = [r for r in rows if getattr(m.customers[r], dim) == v]
            cells, with_ = naive.counts(members, allcols)
            want.append(
                (
                    v,
                    cells,
                    len(members),
                    with_,
                    round(naive.revenue(set(members), set(allcols)), 6),
                    round(naive.potential(set(members), set(allcols)), 6),
                )
            )
        assert [_bar_tuple(b) for b in attribute_bars(m, dim, rows, details)] == want


def check_competitors(naive: Naive, rows: list[int], details: CellDetails) -> None:
    m = naive.m
    per: dict[int, list[tuple[int, int]]] = defaultdict(list)
    pot: dict[int, float] = defaultdict(float)
    for r in rows:
        for c in range(m.n_cols):
            if naive.code(r, c) != 2:
                continue
            v = naive.cells[(r, c)]
            key = v[1] if v[1] in naive.names else UNNAMED_COMPETITOR
            per[key].append((r, c))
            if v[3] is not None:
                pot[key] += v[3]
    got = competitor_radar(m, details, naive.names, rows)
    assert {p.competitor_id for p in got} == set(per)
    assert [p.cells for p in got] == sorted((len(v) for v in per.values()), reverse=True)
    for p in got:
        cells = per[p.competitor_id]
        assert p.name == naive.names.get(p.competitor_id, "")
        assert p.customers == tuple(sorted({r for r, _ in cells}))
        assert p.products == tuple(sorted({c for _, c in cells}))
        by_group: dict[str, int] = defaultdict(int)
        by_region: dict[str, int] = defaultdict(int)
        for r, c in cells:
            gid = naive.group_of(c)
            by_group[m.groups[gid].name if gid is not None else ""] += 1
            by_region[m.customers[r].region] += 1
        assert p.by_group == dict(sorted(by_group.items()))
        assert p.by_region == dict(sorted(by_region.items()))
        assert math.isclose(p.potential, pot[p.competitor_id])


def naive_renewals(naive: Naive, rows: list[int], today: date, months: int) -> list[tuple]:
    end_limit = add_months(today, months)
    out = []
    for r in rows:
        for c in range(naive.m.n_cols):
            v = naive.cells.get((r, c))
            if v and v[0] == 2 and v[4] is not None and today <= v[4] <= end_limit:
                out.append(
                    (
                        v[4],
                        naive.m.customers[r].name.casefold(),
                        naive.m.products[c].name.casefold(),
                        r,
                        c,
                    )
                )
    return sorted(out)


def naive_next(naive: Naive, rows: list[int], today: date, share=0.5, min_peers=5) -> list[tuple]:
    m = naive.m
    seg_rows: dict[str, list[int]] = defaultdict(list)
    for r, cust in enumerate(m.customers):
        seg_rows[cust.segment].append(r)
    revs: dict[int, list[float]] = defaultdict(list)
    for (_r, c), v in naive.cells.items():
        if v[0] == 1 and v[2] is not None:
            revs[c].append(v[2])
    mean = {c: sum(v) / len(v) for c, v in revs.items()}
    renewals = {(x[3], x[4]) for x in naive_renewals(naive, list(range(m.n_rows)), today, MONTHS)}
    out = []
    for r in rows:
        value, count = 0.0, 0
        for c in range(m.n_cols):
            v = naive.cells.get((r, c))
            if v and v[0] == 3:
                count += 1
                value += v[3] or 0.0
            if (r, c) in renewals:
                count += 1
                value += v[3] or 0.0  # type: ignore[index]
            if v is None:
                others = [o for o in seg_rows[m.customers[r].segment] if o != r]
                buying = sum(1 for o in others if naive.code(o, c) == 1)
                if len(others) >= min_peers and buying >= share * len(others):
                    count += 1
                    value += mean.get(c, 0.0)
        if count:
            out.append((round(-value, 6), -count, m.customers[r].name.casefold(), r))
    return sorted(out)


def check_all(repo: Repository, today: date, rows: list[int] | None) -> None:
    naive = Naive(repo)
    m = naive.m
    rws = list(range(m.n_rows)) if rows is None else rows
    details = h.load_cell_details(repo, m)
    check_bars(naive, rws, details)
    check_competitors(naive, rws, details)
    got = [
        (
            x.contract_end,
            m.customers[x.row].name.casefold(),
            m.products[x.col].name.casefold(),
            x.row,
            x.col,
        )
        for x in renewal_radar(m, details, naive.names, today=today, months=MONTHS, rows=rows)
    ]
    assert got == naive_renewals(naive, rws, today, MONTHS)
    steps = where_to_go_next(m, details, today=today, rows=rows, months=MONTHS, limit=None)
    got = [
        (round(-s.value, 6), -s.reason_count, m.customers[s.row].name.casefold(), s.row)
        for s in steps
    ]
    assert got == naive_next(naive, rws, today)
    everything = compute_insights(
        m, details, naive.names, today=today, rows=rows, months=MONTHS, limit=None
    )
    cells, _ = naive.counts(rws, range(m.n_cols))
    assert (
        list(
            everything.totals.__getattribute__(f)
            for f in ("white", "ours", "competitor", "need", "no_need")
        )
        == cells
    )
    assert math.isclose(everything.revenue, naive.revenue(set(rws), set(range(m.n_cols))))
    assert math.isclose(everything.potential, naive.potential(set(rws), set(range(m.n_cols))))
    assert [s.row for s in everything.next_steps] == [s.row for s in steps]


@pytest.fixture(scope="module")
def demo_repo(demo_template: Path):
    with Repository.open(demo_template, read_only=True) as repo:
        yield repo


@pytest.mark.parametrize("subset", ["all", "odd", "region"])
def test_every_insight_on_the_demo(demo_repo: Repository, subset: str) -> None:
    m = demo_repo.load_matrix()
    rows = {
        "all": None,
        "odd": list(range(1, m.n_rows, 2)),
        "region": [i for i, c in enumerate(m.customers) if c.region == "Süd"],
    }[subset]
    check_all(demo_repo, DEMO_TODAY, rows)


def test_demo_has_something_in_every_insight(demo_repo: Repository) -> None:
    m = demo_repo.load_matrix()
    details = h.load_cell_details(demo_repo, m)
    names = demo_repo.competitor_names()
    ins = compute_insights(m, details, names, today=DEMO_TODAY)
    assert ins.revenue > 0 and ins.potential > 0
    assert len(ins.bars["group"]) == 5 and len(ins.bars["region"]) == 5
    assert {p.name for p in ins.competitors} == set(names.values())
    assert ins.renewals and all(x.contract_end >= DEMO_TODAY for x in ins.renewals)
    kinds = {r.kind for s in ins.next_steps for r in s.reasons}
    assert {"needs", "renewals"} <= kinds
    top = ins.next_steps[0]
    assert top.value == max(s.value for s in ins.next_steps)


def _random_file(path: Path, seed: int) -> Repository:
    rng = random.Random(seed)
    repo = Repository.create(path)
    groups = [repo.add_group(ProductGroup(name=f"G{g}", sort_order=3 - g)) for g in range(3)]
    n_products = rng.randint(1, 14)
    products = repo.add_products(
        [
            Product(name=f"P{j}", group_id=rng.choice([*(g.id for g in groups), None]))
            for j in range(n_products)
        ]
    )
    customers = repo.add_customers(
        [
            Customer(
                name=f"C{rng.randrange(40):02d}",
                segment=rng.choice(["A", "B", ""]),
                region=rng.choice(["Nord", "Süd", ""]),
                owner=rng.choice(["x", "y"]),
            )
            for _ in range(rng.randint(1, 40))
        ]
    )
    comps = [repo.add_competitor(f"Comp {k}") for k in range(3)]
    today = DEMO_TODAY
    changes = []
    for c in customers:
        for p in products:
            if rng.random() < 0.3:
                continue
            mark = rng.choice(list(Mark))
            money = float(rng.randrange(1, 50) * 100) if rng.random() < 0.6 else None
            end = today + timedelta(days=rng.randrange(-40, 400)) if rng.random() < 0.6 else None
            rec = CellRecord(
                mark=mark,
                competitor_id=rng.choice([*(x.id for x in comps), None])
                if rng.random() < 0.7
                else None,
                our_revenue=money if rng.random() < 0.7 else None,
                potential=money if rng.random() < 0.7 else None,
                contract_end=end,
            )
            changes.append((c.id, p.id, rec))
    repo.write_cells(changes)  # type: ignore[arg-type]
    if rng.random() < 0.5:
        repo.delete_competitor(comps[0].id)  # type: ignore[arg-type]
    return repo


@pytest.mark.parametrize("seed", range(12))
def test_every_insight_on_random_matrices(tmp_path: Path, seed: int) -> None:
    repo = _random_file(tmp_path / f"r{seed}.kpm", seed)
    try:
        m = repo.load_matrix()
        rng = random.Random(seed)
        subset = sorted(rng.sample(range(m.n_rows), rng.randint(0, m.n_rows)))
        check_all(repo, DEMO_TODAY, None)
        check_all(repo, DEMO_TODAY, subset)
    finally:
        repo.close()


def test_rows_in_bar_filters_to_the_customers_behind_a_bar(demo_repo: Repository) -> None:
    m = demo_repo.load_matrix()
    p = m.products[3]
    got = rows_in_bar(m, "product", p.id, Mark.COMPETITOR)
    assert got == [i for i in range(m.n_rows) if m.mark(i, 3) is Mark.COMPETITOR]
    gid = p.group_id
    cols = m.cols_in_group(gid)
    assert rows_in_bar(m, "group", gid, None) == [
        i for i in range(m.n_rows) if any(m.mark(i, j) is None for j in cols)
    ]
    assert rows_in_bar(m, "region", "Nord") == [
        i for i, c in enumerate(m.customers) if c.region == "Nord"
    ]
    subset = list(range(0, m.n_rows, 3))
    assert rows_in_bar(m, "segment", "Metall", Mark.OURS, rows=subset) == [
        i for i in subset if m.customers[i].segment == "Metall" and m.row_counts(i).ours
    ]
    with pytest.raises(ValueError, match="unknown dimension"):
        rows_in_bar(m, "colour", "x")


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2026, 11, 27), 0) == date(2026, 11, 27)
    assert add_months(date(2026, 11, 27), 14) == date(2028, 1, 27)


def test_empty_matrix_and_empty_subset(tmp_path: Path) -> None:
    with Repository.create(tmp_path / "e.kpm") as repo:
        m = repo.load_matrix()
        ins = compute_insights(m, today=DEMO_TODAY)
        assert ins.rows == 0 and ins.totals.total == 0 and ins.next_steps == []
    with Repository.open(tmp_path / "e.kpm", read_only=True) as repo:
        assert h.load_cell_details(repo, repo.load_matrix()).rows.tolist() == []


def test_patching_details_after_edits_equals_a_reload(demo_file: Path) -> None:
    with Repository.open(demo_file) as repo:
        m = repo.load_matrix()
        details = h.load_cell_details(repo, m)
        comp = repo.competitor_names()
        rng = random.Random(3)
        for _ in range(30):
            r, c = rng.randrange(m.n_rows), rng.randrange(m.n_cols)
            cid, pid = m.customers[r].id, m.products[c].id
            rec = rng.choice(
                [
                    None,
                    CellRecord(Mark.OURS, our_revenue=float(rng.randrange(9000))),
                    CellRecord(
                        Mark.COMPETITOR,
                        competitor_id=next(iter(comp)),
                        contract_end=DEMO_TODAY + timedelta(days=rng.randrange(200)),
                    ),
                    CellRecord(Mark.NEED, potential=1234.0),
                    CellRecord(Mark.NO_NEED),
                ]
            )
            repo.write_cells([(cid, pid, rec)])  # type: ignore[list-item]
            m.set_code(r, c, 0 if rec is None else int(rec.mark))
            details.patch([(r, c, rec)])
        fresh = h.load_cell_details(repo, m)
        assert len(details) == len(fresh)
        a = compute_insights(m, details, comp, today=DEMO_TODAY, limit=None)
        b = compute_insights(m, fresh, comp, today=DEMO_TODAY, limit=None)
        assert a.bars == b.bars and a.competitors == b.competitors
        assert a.renewals == b.renewals and a.next_steps == b.next_steps
