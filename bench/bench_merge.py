"""Merging a colleague's file (``kpm merge`` / File › Merge…) and the cost of tombstones.

    python bench/bench_merge.py [--size S] [--size M]

The colleague's copy differs by 1,000 changed marks, 20 new customers and 10 deleted ones;
mine by 1,000 changed marks of its own (the cells both sides edited are the true collisions).
Figures: the comparison (``plan_merge``: the entities read, the cells joined in SQL), writing it (one
transaction), undoing it; baseline in the same run: reading both files' entities
(``LocalStore.iter_all`` twice), the floor of any UUID-based comparison. Tombstones: deleting
20 customers one by one with the ``BEFORE DELETE`` triggers, against the same deletes in a
copy without them.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, copy_consistent, emit, matrix_file

sys.path.insert(0, str(ROOT))
BENCH = "merge"


def _copy(src: Path, dst: Path) -> Path:
    return copy_consistent(src, dst)


def run(size: str, tmp: Path) -> None:
    from kpm_desktop.domain.entities import Customer
    from kpm_desktop.domain.marks import Mark
    from kpm_desktop.storage.repository import Repository
    from kpm_desktop.team.local import LocalStore
    from kpm_desktop.team.merge import apply_merge, plan_merge, revert_merge

    src = matrix_file(size)
    work = tmp / size
    work.mkdir()
    mine = _copy(src, work / "mine.kpm")
    with Repository.open(mine):  # migrate once (the cached file may be an older format)
        pass
    theirs = _copy(mine, work / "theirs.kpm")
    rng = random.Random(7)
    with Repository.open(theirs) as repo:
        customers, products = repo.load_customers(), repo.load_products()
        cells = [
            (rng.choice(customers).id, rng.choice(products).id, rng.choice(list(Mark)))
            for _ in range(1000)
        ]
        repo.set_marks(cells)
        repo.add_customers([Customer(name=f"Neu {i}", region="Nord") for i in range(20)])
        for c in rng.sample(customers, 10):
            repo.delete_customer(c.id)
    mine_cells = [
        (rng.choice(customers).id, rng.choice(products).id, rng.choice(list(Mark)))
        for _ in range(1000)
    ]
    with Repository.open(mine) as repo:  # and 1,000 random edits of my own
        repo.set_marks(mine_cells)
    # cells both sides edited (a repeated mark confirms: an edit too): the true collisions
    both = len({(c, p) for c, p, _m in cells} & {(c, p) for c, p, _m in mine_cells})

    t, cpu = time.perf_counter(), time.process_time()
    with Repository.open(mine, read_only=True) as a, Repository.open(theirs, read_only=True) as b:
        n = sum(1 for _ in LocalStore(a).iter_all()) + sum(1 for _ in LocalStore(b).iter_all())
    base, base_cpu = time.perf_counter() - t, time.process_time() - cpu
    emit(
        BENCH,
        "read both files (baseline)",
        base,
        "s",
        size=size,
        entities=n,
        cpu_s=round(base_cpu, 2),
    )

    with Repository.open(mine, read_only=True) as repo:
        t, cpu = time.perf_counter(), time.process_time()
        plan = plan_merge(repo, theirs)
        planned, planned_cpu = time.perf_counter() - t, time.process_time() - cpu
    emit(
        BENCH,
        "compare (plan_merge)",
        planned,
        "s",
        size=size,
        ratio=round(planned / base, 2),
        cpu_s=round(planned_cpu, 2),
        cpu_ratio=round(planned_cpu / base_cpu, 2),
        added=plan.counts()[0],
        changed=plan.counts()[1],
        deleted=plan.counts()[2],
        cells_taken=len(plan.cells),
        conflicts=len(plan.conflicts),
        edited_on_both_sides=both,
    )
    with Repository.open(mine) as repo:
        t = time.perf_counter()
        old = apply_merge(repo, plan)
        emit(BENCH, "write the merge (one transaction)", time.perf_counter() - t, "s", size=size)
        t = time.perf_counter()
        revert_merge(repo, plan, old)
        emit(BENCH, "undo the merge (one transaction)", time.perf_counter() - t, "s", size=size)

    # tombstones: 20 single deletes with and without the triggers
    timings = {}
    for label in ("with tombstones", "without (baseline)"):
        copy = _copy(mine, work / f"del-{label[:4]}.kpm")
        with Repository.open(copy) as repo:
            if label.startswith("without"):  # (re-installed at the next open)
                for (name,) in repo.conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                    "AND name LIKE 'kpm_tomb_%'"
                ).fetchall():
                    repo.conn.execute(f"DROP TRIGGER {name}")
            victims = rng.sample(repo.load_customers(), 20)
            t = time.perf_counter()
            for c in victims:
                repo.delete_customer(c.id)
            timings[label] = (time.perf_counter() - t) / len(victims)
    emit(
        BENCH,
        "delete one customer",
        timings["with tombstones"] * 1000,
        "ms",
        size=size,
        baseline_ms=round(timings["without (baseline)"] * 1000, 2),
        ratio=round(timings["with tombstones"] / timings["without (baseline)"], 2),
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", action="append", choices=("S", "M", "L"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.size or ["S"]:
            run(size, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
