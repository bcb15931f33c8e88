"""Long session at M through the Workspace API: memory, edit latency and file growth.

    python bench/bench_soak.py [--before OLD_TREE] [--singles 6000] [--bulks 300]

6,000 single-cell edits and 300 bulk edits of 3,000 cells (a block of 100 customers x 30
products, as a selection is) on a copy of the cached M matrix (5,000 x 300, 40 % marked),
each one undo step on the workspace's undo stack (unbounded, as in the app). Every 1,000
edits one JSON line: RSS, median/p95 latency of the single and the bulk edits in that
stretch. At the end: RSS growth, file growth per cell write and the history's bytes per
row (SQLite's dbstat). With ``--before`` the same workload runs with an older source tree
(its own cached M file, its own file format) right after, in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, emit, matrix_file

_CHILD = r"""
import gc, json, os, random, shutil, statistics, sys, time
tree, src, dst, singles, bulks = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
sys.path.insert(0, tree)
from PySide6.QtCore import QCoreApplication
app = QCoreApplication(sys.argv[:1])
from kpm_desktop.domain.marks import Mark
from kpm_desktop.procinfo import peak_rss_mb
from kpm_desktop.storage.repository import Repository
from kpm_desktop.workspace.workspace import Workspace

def rss_mb():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

shutil.copyfile(src, dst)
for s in ("-wal", "-shm"):
    if os.path.exists(dst + s):
        os.remove(dst + s)
if os.path.exists(src + "-wal"):
    shutil.copyfile(src + "-wal", dst + "-wal")
ws = Workspace(Repository.open(dst))
ws.undo_stack.setUndoLimit(0)  # unbounded, as in the app
gc.collect()
rss0 = rss_mb()
size0 = os.path.getsize(dst) + (os.path.getsize(dst + "-wal") if os.path.exists(dst + "-wal") else 0)
rows, cols = ws.matrix.n_rows, ws.matrix.n_cols
marks = [Mark.OURS, Mark.COMPETITOR, Mark.NEED, Mark.NO_NEED, None]
rng = random.Random(7)
# interleave: one bulk edit every singles/bulks single edits
plan = ["s"] * singles + ["b"] * bulks
every = max(1, (singles + bulks) // max(bulks, 1))
plan = []
s_left, b_left = singles, bulks
while s_left or b_left:
    take = min(every - 1, s_left)
    plan += ["s"] * take
    s_left -= take
    if b_left:
        plan.append("b")
        b_left -= 1
    elif not take:
        break
t_single, t_bulk, writes = [], [], 0
for k, kind in enumerate(plan, 1):
    if kind == "s":
        cells = [(rng.randrange(rows), rng.randrange(cols))]
    else:
        r0, c0 = rng.randrange(rows - 100), rng.randrange(cols - 30)
        cells = [(r0 + i, c0 + j) for i in range(100) for j in range(30)]
    mark = marks[k % 5]
    t = time.perf_counter()
    ws.set_marks(cells, mark)
    (t_single if kind == "s" else t_bulk).append((time.perf_counter() - t) * 1000)
    writes += len(cells)
    if k % 1000 == 0 or k == len(plan):
        print(json.dumps({"edits": k, "cell_writes": writes, "rss_mb": round(rss_mb(), 1),
                          "single_median_ms": round(statistics.median(t_single), 2) if t_single else None,
                          "bulk_median_ms": round(statistics.median(t_bulk), 1) if t_bulk else None,
                          "bulk_p95_ms": round(sorted(t_bulk)[int(0.95 * (len(t_bulk) - 1))], 1) if t_bulk else None,
                          "undo_steps": ws.undo_stack.count()}), flush=True)
        t_single, t_bulk = [], []
conn = ws.repo.conn
size1 = os.path.getsize(dst) + (os.path.getsize(dst + "-wal") if os.path.exists(dst + "-wal") else 0)
page = conn.execute("PRAGMA page_size").fetchone()[0]
used = (conn.execute("PRAGMA page_count").fetchone()[0] - conn.execute("PRAGMA freelist_count").fetchone()[0]) * page
n_hist = conn.execute("SELECT count(*) FROM mark_history").fetchone()[0]
try:
    hist_bytes = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'mark_history%'").fetchone()[0]
except Exception:
    hist_bytes = None
gc.collect()
# one undo of the newest bulk edit and one redo, timed
t = time.perf_counter(); ws.undo_stack.undo(); t_undo = (time.perf_counter() - t) * 1000
t = time.perf_counter(); ws.undo_stack.redo(); t_redo = (time.perf_counter() - t) * 1000
print(json.dumps({"final": True, "rss_start_mb": round(rss0, 1), "rss_end_mb": round(rss_mb(), 1),
                  "cell_writes": writes, "undo_steps": ws.undo_stack.count(),
                  "file_growth_mb": round((size1 - size0) / 2**20, 1),
                  "used_bytes": used, "history_rows": n_hist, "history_bytes": hist_bytes,
                  "undo_ms": round(t_undo, 1), "redo_ms": round(t_redo, 1)}), flush=True)
ws.repo.close()
"""


def run(tree: Path, src: Path, singles: int, bulks: int, label: str) -> None:
    with tempfile.TemporaryDirectory(prefix="kpm-soak-") as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": tmp,
               "PYTHONPATH": str(tree)}  # fmt: skip
        proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                _CHILD,
                str(tree),
                str(src),
                str(Path(tmp) / "m.kpm"),
                str(singles),
                str(bulks),
            ],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=tree,
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            rec = json.loads(line)
            if rec.get("final"):
                growth = rec["rss_end_mb"] - rec["rss_start_mb"]
                emit("soak", f"rss_growth_{label}", growth, "MB", **rec,
                     load_avg=os.getloadavg()[0])  # fmt: skip
                if rec["history_bytes"]:
                    emit("soak", f"history_bytes_per_row_{label}",
                         rec["history_bytes"] / max(rec["history_rows"], 1), "B")  # fmt: skip
                emit("soak", f"file_growth_per_cell_write_{label}",
                     rec["file_growth_mb"] * 2**20 / rec["cell_writes"], "B")  # fmt: skip
            else:
                emit("soak", f"progress_{label}", rec["edits"], "edits", **rec)
        if proc.wait() != 0:
            raise SystemExit(f"soak child failed ({label})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--singles", type=int, default=6000)
    parser.add_argument("--bulks", type=int, default=300)
    parser.add_argument("--before", type=Path, help="an older source tree, run after ours")
    args = parser.parse_args()
    run(ROOT, matrix_file("M"), args.singles, args.bulks, "after")
    if args.before is not None:
        old = args.before / "bench" / ".cache" / "M-5000x300.kpm"
        run(args.before, old, args.singles, args.bulks, "before")


if __name__ == "__main__":
    main()
