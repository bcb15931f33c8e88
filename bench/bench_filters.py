"""Benchmark: every filter and sort of the filter bar at sizes M and L.

Prints one JSON line per figure: the median time of ``apply_filters`` (visible rows, columns
and the status-bar white-spot count) and, in the same run, a naive per-cell Python
implementation as the baseline, with the ratio. Matrices come from ``bench/common.py``
(``kpm generate``, cached in ``bench/.cache/``; L takes a minute or so to generate, once).

    python bench/bench_filters.py [--sizes M L] [--repeat 5] [--cases sort_need,sort_name]
        [--before TREE]

``--before TREE``: the ``domain/filters.py`` of an older source tree (a ``git worktree add
--detach``) is loaded beside ours and timed on the same matrix in the same rounds (interleaved
run by run); the figure then carries ``before_ms`` and ``ratio`` (ours / before).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import statistics
import sys
import time
from pathlib import Path

from common import emit, matrix_file

from kpm_desktop.domain.filters import FilterSpec, SortKey, apply_filters, fold
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.storage.repository import Repository

BUDGET_MS = {"S": 50, "M": 50, "L": 300}


def cases(m: Matrix) -> dict[str, FilterSpec]:
    group = sorted(m.groups)[len(m.groups) // 2]
    pid = m.products[m.n_cols // 3].id
    picked = frozenset(p.id for p in m.products[10:15])
    return {
        "none": FilterSpec(),
        "text": FilterSpec(text="kunde 12"),
        "text_umlaut_city": FilterSpec(text="stadt 4"),
        "only_white_spots": FilterSpec(only_white_spots=True),
        "white_spots_in_group": FilterSpec(only_white_spots=True, group_id=group),
        "white_spots_in_5_columns": FilterSpec(
            only_white_spots=True, white_spot_product_ids=picked
        ),
        "product_is_competitor": FilterSpec(product_id=pid, product_code=int(Mark.COMPETITOR)),
        "product_is_need": FilterSpec(product_id=pid, product_code=int(Mark.NEED)),
        "product_is_white": FilterSpec(product_id=pid, product_code=WHITE),
        "segment": FilterSpec(segment="Chemie"),
        "region": FilterSpec(region="Süd"),
        "owner": FilterSpec(owner="M. Schulz"),
        "abc_class": FilterSpec(abc_class="A"),
        "group_selector": FilterSpec(group_id=group),
        "sort_name": FilterSpec(sort_key=SortKey.NAME),
        "sort_white_spots": FilterSpec(sort_key=SortKey.WHITE_SPOTS, descending=True),
        "sort_competitor": FilterSpec(sort_key=SortKey.COMPETITOR, descending=True),
        "sort_need": FilterSpec(sort_key=SortKey.NEED, descending=True),
        "combined": FilterSpec(
            text="gmbh",
            region="Süd",
            abc_class="A",
            only_white_spots=True,
            group_id=group,
            product_id=pid,
            product_code=WHITE,
            sort_key=SortKey.COMPETITOR,
            descending=True,
        ),
    }


def naive(m: Matrix, spec: FilterSpec) -> tuple[list[int], int]:
    """The obvious per-cell implementation (baseline): Python visits every cell it needs."""
    n = m.n_cols
    grid = m.grid
    cols = [
        j
        for j, p in enumerate(m.products)
        if (p.active or spec.show_inactive_products)
        and (spec.group_id is None or (p.group_id or 0) == spec.group_id)
    ]
    words = fold(spec.text).split()
    scope = cols
    if spec.white_spot_product_ids is not None:
        scope = [j for j, p in enumerate(m.products) if p.id in spec.white_spot_product_ids]
    pcol = next((j for j, p in enumerate(m.products) if p.id == spec.product_id), None)
    rows, white_of, comp_of, need_of = [], {}, {}, {}
    for i, c in enumerate(m.customers):
        base = i * n
        white = comp = need = 0
        for j in cols:
            code = grid[base + j]
            if code == WHITE:
                white += 1
            elif code == 2:
                comp += 1
            elif code == 3:
                need += 1
        white_of[i], comp_of[i], need_of[i] = white, comp, need
        if not c.active and not spec.show_inactive_customers:
            continue
        if any(
            getattr(spec, a) is not None and getattr(c, a) != getattr(spec, a)
            for a in ("segment", "region", "owner", "abc_class")
        ):
            continue
        if words:
            hay = fold(f"{c.name}\n{c.number}\n{c.city}")
            if not all(w in hay for w in words):
                continue
        if spec.product_id is not None and (pcol is None or grid[base + pcol] != spec.product_code):
            continue
        if spec.only_white_spots and not any(grid[base + j] == WHITE for j in scope):
            continue
        rows.append(i)
    key = spec.sort_key
    sign = -1 if spec.descending else 1
    if key is SortKey.NAME:
        rows.sort(key=lambda i: fold(m.customers[i].name), reverse=spec.descending)
    elif key is not SortKey.NONE:
        counts = {SortKey.WHITE_SPOTS: white_of, SortKey.COMPETITOR: comp_of}.get(key, need_of)
        rows.sort(key=lambda i: (sign * counts[i], fold(m.customers[i].name)))
    return rows, sum(white_of[i] for i in rows)


def timings_ms(fn, repeat: int) -> tuple[float, float]:
    """(median, best) of ``repeat`` runs; the best run shows the cost on a quiet machine."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def interleaved_ms(fns, repeat: int) -> list[tuple[float, float]]:
    """(median, best) per function, the functions run alternately ``repeat`` times."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            times[k].append((time.perf_counter() - start) * 1000)
    return [(statistics.median(t), min(t)) for t in times]


def load_before(tree: Path):
    """``apply_filters`` of an older tree's ``domain/filters.py`` (its own module object; the
    modules it imports come from this tree)."""
    spec = importlib.util.spec_from_file_location(
        "before_filters", tree / "kpm_desktop" / "domain" / "filters.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["M", "L"], choices=sorted(BUDGET_MS))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--baseline-repeat", type=int, default=1)
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--before", type=Path, help="an older source tree, timed alongside")
    args = parser.parse_args()
    before = load_before(args.before) if args.before else None
    for size in args.sizes:
        path = matrix_file(size)
        start = time.perf_counter()
        with Repository.open(path, read_only=True) as repo:
            m = repo.load_matrix()
        emit("filters", f"open_load_{size}", (time.perf_counter() - start) * 1000, "ms")
        wanted = set(args.cases.split(",")) if args.cases else None
        for name, spec in cases(m).items():
            if wanted is not None and name not in wanted:
                continue
            start = time.perf_counter()
            result = apply_filters(m, spec)  # warms the fold cache, like the first keystroke
            first_ms = (time.perf_counter() - start) * 1000
            extra: dict[str, object] = {"first_ms": round(first_ms, 2)}
            if before is None:
                ms, best = timings_ms(lambda m=m, spec=spec: apply_filters(m, spec), args.repeat)
            else:
                old_spec = before.FilterSpec(
                    **{f.name: getattr(spec, f.name) for f in dataclasses.fields(spec)}
                )
                old = before.apply_filters(m, old_spec)
                if old.rows != result.rows:
                    raise SystemExit(f"{size}/{name}: before and after give other rows")
                (ms, best), (old_ms, old_best) = interleaved_ms(
                    [
                        lambda m=m, spec=spec: apply_filters(m, spec),
                        lambda m=m, s=old_spec: before.apply_filters(m, s),
                    ],
                    args.repeat,
                )
                extra.update(
                    before_ms=round(old_ms, 2),
                    before_best_ms=round(old_best, 2),
                    ratio=round(ms / old_ms, 2),
                )
            base_ms, _ = timings_ms(lambda m=m, spec=spec: naive(m, spec), args.baseline_repeat)
            rows, white = naive(m, spec)
            if set(rows) != set(result.rows) or white != result.white:
                raise SystemExit(f"{size}/{name}: fast and naive results differ")
            emit(
                "filters",
                f"{name}_{size}",
                ms,
                "ms",
                best_ms=round(best, 2),
                baseline_naive_ms=round(base_ms, 1),
                speedup=round(base_ms / ms, 1) if ms else None,
                visible_customers=len(result.rows),
                visible_products=len(result.cols),
                within_budget=ms < BUDGET_MS[size],
                **extra,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
