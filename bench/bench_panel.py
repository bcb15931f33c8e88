"""Benchmark: the side panel's figures at sizes M and L.

One JSON line per figure:

* ``cell_ages`` — the two scans behind staleness (stale cells, due re-checks), with today's
  answers (nothing stale) and two years later (every answer stale: the worst case, which
  must stay within memory), plus the peak RSS after it;
* ``stale_mask`` / ``stale_rows`` — the faded-cell mask for the view and the "stale cells"
  filter, from the per-customer bitmaps;
* ``panel_refresh`` — the side panel following a new current customer (KPIs, goals, notes,
  cell details, visit preparation, changed since), median over 20 customers;
* ``prepare_visit`` — the visit preparation alone (pure domain function).

    python bench/bench_panel.py [--sizes M L]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from datetime import date, timedelta

from common import emit, machine, matrix_file

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(size: str) -> None:
    from PySide6.QtWidgets import QApplication

    from kpm_desktop.domain.visit_prep import prepare_visit
    from kpm_desktop.gui.side_panel import SidePanel
    from kpm_desktop.storage.repository import Repository
    from kpm_desktop.workspace.customer_commands import customer_data
    from kpm_desktop.workspace.workspace import Workspace

    app = QApplication.instance() or QApplication([])
    path = matrix_file(size)
    today = date.today()
    with Repository.open(path, read_only=True) as repo:
        t = time.perf_counter()
        ages = repo.cell_ages(today)
        emit("panel", "cell_ages_fresh", time.perf_counter() - t, "s", size=size,
             stale=ages.stale_count())  # fmt: skip
        later = today + timedelta(days=2 * 366)
        t = time.perf_counter()
        old = repo.cell_ages(later)
        emit("panel", "cell_ages_all_stale", time.perf_counter() - t, "s", size=size,
             stale=old.stale_count(), peak_rss_mb=round(rss_mb()))  # fmt: skip
        matrix = repo.load_matrix()
        t = time.perf_counter()
        old.stale_mask(matrix)
        emit("panel", "stale_mask_all_stale", (time.perf_counter() - t) * 1000, "ms", size=size)
        t = time.perf_counter()
        rows = old.rows_with_stale(matrix)
        emit("panel", "stale_rows_filter", (time.perf_counter() - t) * 1000, "ms", size=size,
             rows=len(rows))  # fmt: skip
        del old

    ws = Workspace.open(path)
    data = customer_data(ws)
    data.wait_for_ages()
    panel = SidePanel(ws)
    m = ws.matrix
    step = max(1, m.n_rows // 20)
    customers = [m.customers[i].id for i in range(0, m.n_rows, step)][:20]
    panel.set_current_cell(customers[0], m.products[0].id)  # first fill (product lists)
    times, prep_times = [], []
    for k, cid in enumerate(customers[1:]):
        t = time.perf_counter()
        panel.set_current_cell(cid, m.products[k % m.n_cols].id)
        app.processEvents()
        times.append(time.perf_counter() - t)
        cells = ws.repo.cells_of_customer(cid)
        t = time.perf_counter()
        prepare_visit(
            m.customers[m.row_of[cid]], m.products, m.groups.values(), cells, [], [], {}, today
        )
        prep_times.append(time.perf_counter() - t)
    emit("panel", "panel_refresh_median", statistics.median(times) * 1000, "ms", size=size)
    emit("panel", "prepare_visit_median", statistics.median(prep_times) * 1000, "ms", size=size)
    ws.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", default=["M", "L"])
    args = parser.parse_args()
    emit("panel", "machine", 0, "", **machine())
    for size in args.sizes:
        run(size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
