"""Benchmark: portfolio insights at M and L, and the history diff over 100,000 history rows.

One JSON line per figure, each with a baseline measured in the same run:

* ``insights``: ``compute_insights`` over all customers and over one region (penetration bars
  by product/group/region/segment/owner, competitor and renewal radar, where to go next);
  baseline = the same bars and radar computed by a per-cell Python loop (what a naive design
  does). Acceptance: M < 300 ms, L < 2 s.
* ``details``: loading amounts/competitors/contract ends as flat arrays through the partial
  index vs as a dict of ``CellRecord`` objects. Measured on a copy of the size with details on
  every X, competitor and need cell (M) or on one in ten of them (L), built once and cached.
* ``lookalike``: look-alike hints for the 50 top "where to go next" customers.
* ``diff``: state-vs-state diff over 100,000 history rows (by dates and by snapshot) vs
  replaying the whole history into per-cell states at both dates. Acceptance: < 1 s.
* ``due_rechecks``: the due "no need" re-checks (insights' counts, the window's cell ages,
  ``kpm insights``) through the partial index ``marks_recheck`` vs the same rows by a full
  scan of every mark (what the query did before that index), on the generated file (no re-check
  dates) and with a date on 1 in 10 "no need" cells (set in a transaction rolled back).

    python bench/bench_insights.py [--sizes M L] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import tracemalloc
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from common import CACHE, copy_matrix, emit, machine, matrix_file

from kpm_desktop.domain.history_diff import diff_keyed
from kpm_desktop.domain.insights import compute_insights
from kpm_desktop.domain.lookalike import LookAlike
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.storage import history
from kpm_desktop.storage.convert import epoch_to_db, ts_to_db
from kpm_desktop.storage.repository import Repository, _cell_from_row

TODAY = date(2026, 11, 27)
BUDGET_S = {"S": 0.3, "M": 0.3, "L": 2.0}
BENCH = "insights"


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def _traced_mb(fn) -> float:
    """Memory held by the result of ``fn`` (traced Python allocations, MB)."""
    tracemalloc.start()
    result = fn()
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del result
    return held / 1e6


def details_file(size: str) -> str:
    """A copy of the size's matrix with details: every ours/competitor/need cell at M, 1 in 10
    at L (deterministic from the cell ids)."""
    path = CACHE / f"{size}-details.kpm"
    if path.exists():
        return str(path)
    tmp = path.with_name(path.name + ".partial")
    copy_matrix(size, tmp)
    keep = "1 = 1" if size != "L" else "(customer_id * 31 + product_id) % 10 = 0"
    with Repository.open(tmp) as repo, repo.transaction() as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO competitors (id, name) VALUES (?, ?)",
            [(k, f"Wettbewerber {k}") for k in range(1, 9)],
        )
        conn.execute(
            f"UPDATE marks SET our_revenue = ((customer_id * 7 + product_id) % 80 + 1) * 500 "
            f"WHERE mark = 1 AND {keep}"
        )
        conn.execute(
            f"UPDATE marks SET potential = ((customer_id + product_id * 3) % 60 + 2) * 1000, "
            f"competitor_id = (customer_id + product_id) % 8 + 1, "
            f"contract_end = date('2026-11-27', '+' || ((customer_id * 13 + product_id) % 900) "
            f"|| ' days') WHERE mark = 2 AND {keep}"
        )
        conn.execute(
            f"UPDATE marks SET potential = ((customer_id + product_id) % 120 + 2) * 500 "
            f"WHERE mark = 3 AND {keep}"
        )
    tmp.replace(path)
    return str(path)


def naive_insights(repo: Repository, m: Matrix, rows: list[int]) -> dict:
    """Baseline: per-cell Python loops over a dict of the marks table."""
    cells = {}
    for cid, pid, mark, comp, rev, pot in repo.conn.execute(
        "SELECT customer_id, product_id, mark, competitor_id, our_revenue, potential FROM marks"
    ):
        cells[(cid, pid)] = (mark, comp, rev, pot)
    per_product = defaultdict(lambda: [0] * 5)
    per_group = defaultdict(lambda: [0] * 5)
    per_attr = {d: defaultdict(lambda: [0] * 5) for d in ("region", "segment", "owner")}
    per_comp = defaultdict(int)
    revenue = potential = 0.0
    for i in rows:
        c = m.customers[i]
        for p in m.products:
            v = cells.get((c.id, p.id))
            code = v[0] if v else 0
            per_product[p.id][code] += 1
            per_group[p.group_id][code] += 1
            for d in per_attr:
                per_attr[d][getattr(c, d)][code] += 1
            if v:
                if code == 1 and v[2] is not None:
                    revenue += v[2]
                elif code in (2, 3) and v[3] is not None:
                    potential += v[3]
                if code == 2:
                    per_comp[v[1]] += 1
    return {"products": per_product, "revenue": revenue, "potential": potential}


def bench_size(size: str, repeat: int, variant: str) -> None:
    """``variant`` "plain": the generated file (marks only); "details": the same with amounts,
    competitors and contract ends on many cells (see ``details_file``)."""
    budget = BUDGET_S[size]
    path = matrix_file(size) if variant == "plain" else details_file(size)
    tag = {"size": size, "variant": variant}
    with Repository.open(path, read_only=True) as repo:
        t_load, m = timed(repo.load_matrix, 1)
        emit(BENCH, "load_matrix", t_load, "s", **tag)
        names = repo.competitor_names()
        # Time first, memory in a separate run: tracemalloc slows allocations down a lot.
        t_details, details = timed(lambda: history.load_cell_details(repo, m), repeat)
        details_mb = _traced_mb(lambda: history.load_cell_details(repo, m))
        emit(
            BENCH,
            "load_details_compact",
            t_details,
            "s",
            cells=len(details),
            mb=round(details_mb, 1),
            **tag,
        )

        def as_records() -> dict:
            return {
                (r[0], r[1]): _cell_from_row(r[2:])
                for r in repo.conn.execute(
                    "SELECT customer_id, product_id, mark, competitor_id, our_revenue, potential, "
                    "contract_end, no_need_reason, recheck_at, note, verified_at, updated_at, "
                    "source FROM marks WHERE our_revenue IS NOT NULL OR potential IS NOT NULL "
                    "OR competitor_id IS NOT NULL OR contract_end IS NOT NULL"
                )
            }

        if variant == "details":
            t_records, records = timed(as_records, 1)
            del records
            emit(
                BENCH,
                "baseline_details_as_cellrecord_dict",
                t_records,
                "s",
                mb=round(_traced_mb(as_records), 1),
                **tag,
            )

        # cold: first computation on freshly loaded (or just edited) details, incl. the one
        # pass over them; warm: again, with the per-file sums cached.
        fresh = history.load_cell_details(repo, m)
        t0 = time.perf_counter()
        compute_insights(m, fresh, names, today=TODAY)
        t_cold = time.perf_counter() - t0
        emit(
            BENCH,
            "compute_insights_all_cold",
            t_cold,
            "s",
            customers=m.n_rows,
            budget_s=budget,
            within_budget=t_cold < budget,
            **tag,
        )
        t_all, ins = timed(lambda: compute_insights(m, details, names, today=TODAY), repeat)
        emit(
            BENCH,
            "compute_insights_all",
            t_all,
            "s",
            customers=m.n_rows,
            budget_s=budget,
            within_budget=t_all < budget,
            **tag,
        )
        region = [i for i, c in enumerate(m.customers) if c.region == "Süd"]
        t_reg, ins_reg = timed(
            lambda: compute_insights(m, details, names, today=TODAY, rows=region), repeat
        )
        emit(
            BENCH,
            "compute_insights_one_region",
            t_reg,
            "s",
            customers=ins_reg.rows,
            budget_s=budget,
            within_budget=t_reg < budget,
            **tag,
        )  # type: ignore[attr-defined]

        if variant == "plain":
            t_naive, naive = timed(lambda: naive_insights(repo, m, list(range(m.n_rows))), 1)
            same = [b.counts.ours for b in ins.bars["product"]] == [  # type: ignore[attr-defined]
                naive["products"][p.id][1]
                for p in m.products  # type: ignore[index]
            ]
            emit(
                BENCH,
                "baseline_naive_per_cell",
                t_naive,
                "s",
                same_result=same,
                speedup=round(t_naive / max(1e-9, t_all), 1),
                **tag,
            )

        look = LookAlike(m)
        t_hint, _ = timed(lambda: [look.hints(s.row) for s in ins.next_steps[:50]], 1)  # type: ignore[attr-defined]
        emit(BENCH, "lookalike_hints_top50", t_hint, "s", **tag)


def history_file(n_rows: int = 100_000) -> str:
    """An M-shaped file (500 x 200) with ``n_rows`` consistent history rows over 100 days."""
    path = CACHE / f"history-{n_rows}.kpm"
    if path.exists():
        return str(path)
    from kpm_desktop.samples.synthetic import generate

    tmp = path.with_name(path.name + ".build")
    tmp.unlink(missing_ok=True)
    generate(tmp, customers=500, products=200, fill=0.0, seed=3)
    rng = random.Random(5)
    with Repository.open(tmp) as repo:
        cids = [r[0] for r in repo.conn.execute("SELECT id FROM customers")]
        pids = [r[0] for r in repo.conn.execute("SELECT id FROM products")]
        state: dict[tuple[int, int], int] = {}
        start = datetime(2026, 8, 1, tzinfo=UTC)
        rows = []
        for k in range(n_rows):
            key = (rng.choice(cids), rng.choice(pids))
            old = state.get(key, 0)
            new = rng.choice([c for c in range(5) if c != old])
            state[key] = new
            stamp = epoch_to_db(start + timedelta(seconds=k * 86.4))  # 100 days
            rows.append((*key, old or None, new or None, stamp, "bench"))
        with repo.transaction() as conn:
            conn.executemany(
                "INSERT INTO mark_history (customer_id, product_id, old_mark, new_mark, "
                "changed_at, source) VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
            conn.execute(
                "INSERT INTO snapshots (label, created_at, history_id) VALUES ('start', ?, 0)",
                (ts_to_db(start),),
            )
    tmp.replace(path)
    return str(path)


def bench_diff(repeat: int) -> None:
    with Repository.open(history_file(), read_only=True) as repo:
        since = datetime(2026, 8, 1, tzinfo=UTC)
        until = datetime(2026, 11, 9, tzinfo=UTC)

        def by_dates():
            return diff_keyed(history.keyed_history_between_times(repo, since, until))

        t, diff = timed(by_dates, repeat)
        emit(
            BENCH,
            "diff_100k_history_rows_by_dates",
            t,
            "s",
            edits=diff.edits,
            changed=diff.changed,
            budget_s=1.0,
            within_budget=t < 1.0,
        )  # type: ignore[attr-defined]
        snap = history.get_snapshot(repo, "start")
        t2, diff2 = timed(
            lambda: diff_keyed(history.keyed_history_between_ids(repo, snap.history_id)), repeat
        )
        emit(
            BENCH,
            "diff_100k_history_rows_snapshot_vs_now",
            t2,
            "s",
            changed=diff2.changed,
            within_budget=t2 < 1.0,
        )  # type: ignore[attr-defined]

        def replay() -> int:
            """Baseline: state of every cell at both dates by replaying all history rows."""
            at1: dict = {}
            at2: dict = {}
            s1, s2 = epoch_to_db(since), epoch_to_db(until)
            for cid, pid, old, new, stamp in repo.conn.execute(
                "SELECT customer_id, product_id, old_mark, new_mark, changed_at FROM mark_history "
                "ORDER BY id"
            ):
                if stamp < s1:  # type: ignore[operator]
                    at1[(cid, pid)] = new or 0
                if stamp < s2:  # type: ignore[operator]
                    at2[(cid, pid)] = new or 0
                at1.setdefault((cid, pid), old or 0)
                at2.setdefault((cid, pid), old or 0)
            return sum(1 for k in at2 if at1.get(k, 0) != at2[k])

        t3, changed = timed(replay, 1)
        emit(
            BENCH,
            "baseline_replay_all_history",
            t3,
            "s",
            changed=changed,
            same_result=changed == diff.changed,
        )  # type: ignore[attr-defined]


def bench_due_rechecks(size: str, repeat: int) -> None:
    """``Repository.due_rechecks`` through the index against a full scan (module docstring)."""
    # The same rows by a condition no index answers (SQLite 3.40 still takes the partial
    # index for NOT INDEXED or +recheck_at): the full scan the query did before the index.
    scan = (
        "SELECT customer_id, product_id FROM marks "
        "WHERE mark = ? AND ifnull(recheck_at, '9999-12-31') <= ?"
    )
    args = (int(Mark.NO_NEED), TODAY.isoformat())
    with Repository.open(matrix_file(size)) as repo:
        conn = repo.conn
        for dated in ("none", "one_in_ten_no_need"):
            if dated != "none":
                conn.execute("BEGIN")  # rolled back below: the cached file stays as generated
                conn.execute(
                    "UPDATE marks SET recheck_at = date(?, ((customer_id * 7 + product_id) "
                    "% 400 - 200) || ' days') WHERE mark = ? AND (customer_id * 31 + product_id) "
                    "% 10 = 0",
                    (TODAY.isoformat(), int(Mark.NO_NEED)),
                )
            n_dated = conn.execute(
                "SELECT count(*) FROM marks WHERE recheck_at IS NOT NULL"
            ).fetchone()[0]
            t_index, due = timed(lambda: repo.due_rechecks(TODAY), repeat)
            t_scan, scanned = timed(lambda: conn.execute(scan, args).fetchall(), repeat)
            emit(
                BENCH,
                "due_rechecks",
                t_index,
                "s",
                size=size,
                dated=dated,
                cells_with_date=n_dated,
                due=len(due),
                baseline_full_scan_s=round(t_scan, 4),
                ratio=round(t_index / t_scan, 4),
                same_result=sorted(due) == sorted(tuple(r) for r in scanned),
            )
            if dated != "none":
                conn.execute("ROLLBACK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["M", "L"], choices=["S", "M", "L"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--variants", nargs="+", default=["plain", "details"])
    parser.add_argument("--skip-diff", action="store_true")
    parser.add_argument(
        "--due-only", action="store_true", help="only the due re-checks (index vs full scan)"
    )
    args = parser.parse_args()
    emit(BENCH, "machine", 0, "", **machine())
    for size in args.sizes:
        bench_due_rechecks(size, args.repeat)
    if args.due_only:
        return
    for size in args.sizes:
        for variant in args.variants:
            bench_size(size, args.repeat, variant)
    if not args.skip_diff:
        bench_diff(args.repeat)


if __name__ == "__main__":
    main()
