"""Key accounts: collapse/expand all at L with 2,000 key accounts, and the roll-up itself.

    python bench/bench_key_accounts.py [--sizes M,L] [--repeat 5]

The synthetic matrix of a size (cached, 40 % marked) is copied and every tenth customer
becomes a key account with the next nine as its sites (L: 2,000 key accounts, 18,000 sites).
In one offscreen process with the bare main window (1400x900):

* ``collapse_all_ms`` / ``expand_all_ms``: View › Collapse/Expand All Key Accounts until the
  view has painted (median of ``--repeat``; budget 100 ms at L);
* ``toggle_one_ms``: "-" / "+" on one key account's row, until painted;
* baseline in the same run: ``filter_swap_ms``, a ``set_visible`` of all rows (the layout
  change every filter makes, measured in bench_gui.py) until painted;
* ``rollup_all_ms``: the roll-up of all key accounts with bytes operations, against
  ``rollup_naive_ms``, a per-cell Python loop over the same rows (checked equal).

One JSON line per figure.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, copy_matrix, emit, machine

SITES_PER_GROUP = 9

_CHILD = r"""
import json, statistics, sys, time
sys.path.insert(0, {root!r})
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from kpm_desktop.domain.key_accounts import rollup_of_rows
from kpm_desktop.gui.main_window import MainWindow
from kpm_desktop.gui.settings import UiSettings
settings = UiSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
repeat = int(sys.argv[3])
w = MainWindow(settings, extensions=("kpm_desktop.gui.key_accounts",))
w.persist_state = False
w.resize(1400, 900)
t0 = time.perf_counter()
assert w.open_file(sys.argv[1])
open_s = time.perf_counter() - t0
w.show()
view, model = w.view, w.model
while not view.painted_once:
    app.processEvents()
app.processEvents()
paints = [0]
orig = view.paintEvent
def counting(event):
    orig(event)
    paints[0] += 1
view.paintEvent = counting

def until_painted(fn):
    before = paints[0]
    t = time.perf_counter()
    fn()
    while paints[0] == before:
        app.processEvents()
    return (time.perf_counter() - t) * 1000

out = {{"open_s": open_s, "groups": len(model.key_accounts.sites),
        "rows": model.matrix.n_rows, "cols": model.matrix.n_cols}}
collapse = w.action_registry["view.key_accounts.collapse_all"]
expand = w.action_registry["view.key_accounts.expand_all"]
c_times, e_times, t_times, f_times = [], [], [], []
for _ in range(repeat):
    c_times.append(until_painted(collapse.trigger))
    e_times.append(until_painted(expand.trigger))
view.setFocus()
view.setCurrentIndex(model.index(0, 0))
for _ in range(repeat):
    t_times.append(until_painted(lambda: QTest.keyClick(view, Qt.Key.Key_Minus)))
    t_times.append(until_painted(lambda: QTest.keyClick(view, Qt.Key.Key_Plus)))
rows = model.visible_rows()
for _ in range(repeat):
    f_times.append(until_painted(lambda: model.set_visible(list(reversed(rows)), None)))
    f_times.append(until_painted(lambda: model.set_visible(None, None)))
out.update(collapse_all_ms=c_times, expand_all_ms=e_times, toggle_one_ms=t_times,
           filter_swap_ms=f_times)
# The roll-up of every key account, bytes operations vs a per-cell loop.
m = model.matrix
grid, n = m.grid, m.n_cols
groups = model.key_accounts.sites
t = time.perf_counter()
fast = {{g: rollup_of_rows(grid, n, s) for g, s in groups.items()}}
out["rollup_all_ms"] = (time.perf_counter() - t) * 1000
order = (1, 2, 3, 4)
def naive(sites):
    res = bytearray(n)
    for j in range(n):
        states = {{grid[r * n + j] for r in sites}}
        res[j] = next((code for code in order if code in states), 0)
    return bytes(res)
sample = list(groups.items())[:200]  # the naive loop is slow: 200 groups, scaled up
t = time.perf_counter()
slow = {{g: naive(s) for g, s in sample}}
out["rollup_naive_ms"] = (time.perf_counter() - t) * 1000 * len(groups) / len(sample)
assert all(fast[g] == slow[g] for g, _ in sample)
print(json.dumps(out))
w.close()
"""


def grouped_file(size: str, tmp: Path) -> Path:
    """A copy of the cached matrix with every tenth customer a key account of the next nine."""
    from kpm_desktop.storage.repository import Repository

    path = tmp / f"{size}-grouped.kpm"
    copy_matrix(size, path)
    Repository.open(path).close()  # a cached file of an older schema is migrated first
    conn = sqlite3.connect(path)
    ids = [r[0] for r in conn.execute("SELECT id FROM customers ORDER BY id")]
    uuid = dict(conn.execute("SELECT id, uuid FROM customers"))
    step = SITES_PER_GROUP + 1
    links = [
        (uuid[ids[g]], site) for g in range(0, len(ids), step) for site in ids[g + 1 : g + step]
    ]
    with conn:
        conn.executemany("UPDATE customers SET parent_uuid = ? WHERE id = ?", links)
    conn.close()
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="M,L")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    for size in args.sizes.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            path = grouped_file(size, Path(tmp))
            proc = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    _CHILD.format(root=str(ROOT)),
                    str(path),
                    str(Path(tmp) / "ui.ini"),
                    str(args.repeat),
                ],
                capture_output=True,
                text=True,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                timeout=1800,
            )
            if proc.returncode != 0:
                print(proc.stderr[-3000:], file=sys.stderr)
                return 1
            data = json.loads(proc.stdout.strip().splitlines()[-1])
            extra = {"size": size, "groups": data["groups"], **machine()}
            for key in ("collapse_all_ms", "expand_all_ms", "toggle_one_ms", "filter_swap_ms"):
                values = data[key]
                emit(
                    "key_accounts",
                    key,
                    statistics.median(values),
                    "ms",
                    max_ms=round(max(values), 1),
                    **extra,
                )
            switch = max(
                statistics.median(data["collapse_all_ms"]),
                statistics.median(data["expand_all_ms"]),
            )
            emit(
                "key_accounts",
                "switch_vs_filter_swap",
                switch / statistics.median(data["filter_swap_ms"]),
                "ratio",
                within_budget=switch <= 100.0,
                **extra,
            )
            emit("key_accounts", "rollup_all_ms", data["rollup_all_ms"], "ms", **extra)
            emit(
                "key_accounts",
                "rollup_speedup",
                data["rollup_naive_ms"] / max(data["rollup_all_ms"], 1e-6),
                "x",
                naive_ms=round(data["rollup_naive_ms"], 1),
                **extra,
            )
            emit("key_accounts", "open_s", data["open_s"], "s", **extra)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
