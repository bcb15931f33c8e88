"""Foundation benchmarks: generate, open+load, peak RSS, single-cell write, white-spot queries.

Prints one JSON line per figure. The baseline in the same run is loading the marks table into a
Python dict (what a naive design would do); ratios survive a noisy machine, absolute times don't.

    python bench/run.py [--sizes S,M,L]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import CACHE, ROOT, SIZES, emit, matrix_file

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
mode, path = sys.argv[1], sys.argv[2]
t_import = time.perf_counter()
if mode == "load":
    from kpm_desktop.storage.repository import Repository
start = time.perf_counter()
if mode == "load":
    repo = Repository.open(path)
    opened = time.perf_counter()
    matrix = repo.load_matrix()
    n = matrix.n_rows * matrix.n_cols
    repo.close()
else:
    import sqlite3
    conn = sqlite3.connect(path)
    opened = time.perf_counter()
    marks = {{(c, p): m for c, p, m in conn.execute("SELECT customer_id, product_id, mark FROM marks")}}
    n = len(marks)
end = time.perf_counter()
print(json.dumps({{"import": start - t_import, "open": opened - start, "total": end - start, "cells": n,
                   "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def child(mode: str, path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD.format(root=str(ROOT)), mode, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def bench_size(size: str) -> None:
    from kpm_desktop.samples.synthetic import generate
    from kpm_desktop.storage.repository import Repository

    customers, products = SIZES[size]
    cached = (CACHE / f"{size}-{customers}x{products}.kpm").exists()
    t0 = time.perf_counter()
    path = matrix_file(size)
    if not cached:
        emit("foundation", f"generate_{size}", time.perf_counter() - t0, "s")
    elif size != "L":  # regenerate small sizes for the figure; L is too slow to repeat every run
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            generate(Path(tmp) / "g.kpm", customers=customers, products=products, fill=0.4)
            emit("foundation", f"generate_{size}", time.perf_counter() - t0, "s")

    runs = [child("load", path) for _ in range(3)]
    best = min(runs, key=lambda r: r["total"])
    base = min(
        (child("dict", path) for _ in range(2 if size != "L" else 1)), key=lambda r: r["total"]
    )
    emit(
        "foundation",
        f"open_load_{size}",
        best["total"],
        "s",
        open_s=round(best["open"], 4),
        import_s=round(best["import"], 4),
    )
    emit("foundation", f"peak_rss_load_{size}", best["rss_mb"], "MB")
    emit(
        "foundation",
        f"baseline_dict_load_{size}",
        base["total"],
        "s",
        rss_mb=round(base["rss_mb"], 1),
    )
    emit("foundation", f"load_speedup_vs_dict_{size}", base["total"] / best["total"], "x")

    if size in ("M", "L"):
        with Repository.open(path) as repo:
            m = repo.load_matrix()
            t0 = time.perf_counter()
            reps = 200
            for i in range(reps):
                m.white_spots_in_row(i % m.n_rows)
            emit(
                "foundation",
                f"white_spots_per_customer_{size}",
                (time.perf_counter() - t0) / reps * 1e6,
                "us",
            )
            t0 = time.perf_counter()
            reps = 50
            for j in range(reps):
                m.white_spots_in_col(j % m.n_cols)
            emit(
                "foundation",
                f"white_spots_per_product_{size}",
                (time.perf_counter() - t0) / reps * 1e3,
                "ms",
            )
            t0 = time.perf_counter()
            m.all_row_counts()
            emit("foundation", f"all_row_counts_{size}", (time.perf_counter() - t0) * 1e3, "ms")

    if size == "L":
        # Committed single-cell writes on a copy (WAL, synchronous=FULL).
        with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
            copy = Path(tmp) / "w.kpm"
            with Repository.open(path) as src:
                src.conn.execute(f"VACUUM INTO '{copy}'")
            with Repository.open(copy) as repo:
                m = repo.load_matrix()
                times = []
                marks = [1, 2, 3, 4, None]
                for k in range(300):
                    cid = m.customers[(k * 7919) % m.n_rows].id
                    pid = m.products[(k * 104729) % m.n_cols].id
                    t0 = time.perf_counter()
                    repo.set_marks([(cid, pid, marks[k % 5])])
                    times.append(time.perf_counter() - t0)
                emit(
                    "foundation",
                    "single_cell_write_median_L",
                    statistics.median(times) * 1e3,
                    "ms",
                    p95_ms=round(sorted(times)[int(len(times) * 0.95)] * 1e3, 3),
                )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="S,M,L")
    args = parser.parse_args()
    for size in args.sizes.split(","):
        bench_size(size.strip())


if __name__ == "__main__":
    main()
