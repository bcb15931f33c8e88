"""Matrix window benchmarks: startup to first painted matrix, peak RSS, page-down repaint.

Prints one JSON line per figure. Baseline in the same run: a QTableWidget filled item by item
(one QTableWidgetItem with text and background per cell), the naive design, at S and M; it is
aborted after 60 s and reported as a ratio to the model/view window.

    python bench/bench_gui.py [--sizes S,M,L] [--repeat 3] [--no-baseline]

Every measurement runs in a fresh subprocess with the offscreen Qt platform, so peak RSS is
that of one app process and no run warms another's caches.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, emit, machine, matrix_file

BASELINE_LIMIT_S = 60.0

# Page-down repaint: open, show a 1400x900 window, press PageDown N times and time each
# press until the view has painted the new page.
_REPAINT = r"""
import json, resource, statistics, sys, time
sys.path.insert(0, {root!r})
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from kpm_desktop.gui.main_window import MainWindow
from kpm_desktop.gui.settings import UiSettings
settings = UiSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
w = MainWindow(settings, extensions=())
w.persist_state = False
w.resize(1400, 900)
assert w.open_file(sys.argv[1])
w.show()
view = w.view
while not view.painted_once:
    app.processEvents()
app.processEvents()
paints = [0]
orig = view.paintEvent
def counting(event):
    orig(event)
    paints[0] += 1
view.paintEvent = counting
view.setFocus()
times = []
for _ in range(int(sys.argv[3])):
    before = paints[0]
    t0 = time.perf_counter()
    QTest.keyClick(view, Qt.Key.Key_PageDown)
    while paints[0] == before:
        app.processEvents()
    times.append(time.perf_counter() - t0)
# Filter swap: show every third customer and the first 200 products, then everything again;
# each timed from set_visible until the page is painted (the row list is given, as the filter
# bar computes it in domain/filters.py).
m = w.model.matrix
swaps = []
for rows, cols in (
    (list(range(0, m.n_rows, 3)), list(range(min(200, m.n_cols)))),
    (None, None),
    (list(range(1, m.n_rows, 2)), None),
    (None, None),
):
    before = paints[0]
    t0 = time.perf_counter()
    w.model.set_visible(rows, cols)
    while paints[0] == before:
        app.processEvents()
    swaps.append(time.perf_counter() - t0)
# One mark typed on the current cell: key press to the repainted cell (written to the file
# in its own transaction). Undone afterwards, so the cached file keeps its marks.
w.model.set_visible(None, None)
view.setCurrentIndex(w.model.index(3, 3))
marks = []
for k in range(10):
    before = paints[0]
    t0 = time.perf_counter()
    QTest.keyClick(view, (Qt.Key.Key_X, Qt.Key.Key_W, Qt.Key.Key_B, Qt.Key.Key_K)[k % 4])
    while paints[0] == before:
        app.processEvents()
    marks.append(time.perf_counter() - t0)
for _ in range(10):
    w.workspace.undo_stack.undo()
visible = view.viewport().height() // view.rowHeight(0), view.viewport().width() // view.columnWidth(0)
print(json.dumps({{"median_ms": statistics.median(times) * 1e3,
                   "p95_ms": sorted(times)[int(len(times) * 0.95)] * 1e3,
                   "max_ms": max(times) * 1e3, "visible_cells": visible[0] * visible[1],
                   "swap_median_ms": statistics.median(swaps) * 1e3, "swap_max_ms": max(swaps) * 1e3,
                   "mark_median_ms": statistics.median(marks) * 1e3, "mark_max_ms": max(marks) * 1e3,
                   "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
w.close()
"""

# Naive baseline: QTableWidget, one item per cell, until first paint (or the time limit).
_TABLE_WIDGET = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
t_start = time.perf_counter()
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem
app = QApplication(sys.argv[:1])
from kpm_desktop.storage.repository import Repository
repo = Repository.open(sys.argv[1])
m = repo.load_matrix()
limit = float(sys.argv[2])
table = QTableWidget(m.n_rows, m.n_cols)
table.setHorizontalHeaderLabels([p.name for p in m.products])
table.setVerticalHeaderLabels([c.name for c in m.customers])
letters = {{0: "", 1: "X", 2: "W", 3: "B", 4: "K"}}
brushes = {{c: QBrush(QColor(col)) for c, col in
           {{0: "#ffffff", 1: "#0b4f8a", 2: "#c44f00", 3: "#86d6a8", 4: "#e3e3e3"}}.items()}}
done = 0
aborted = False
t0 = time.perf_counter()
for r in range(m.n_rows):
    for c in range(m.n_cols):
        code = m.code(r, c)
        item = QTableWidgetItem(letters[code])
        item.setBackground(brushes[code])
        table.setItem(r, c, item)
    done += m.n_cols
    if time.perf_counter() - t0 > limit:
        aborted = True
        break
filled = time.perf_counter()
painted = []
table.resize(1400, 900)
table.show()
from PySide6.QtCore import QEvent, QObject
class Filter(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and not painted:
            painted.append(True)
        return False
f = Filter()
table.viewport().installEventFilter(f)
while not painted:
    app.processEvents()
app.processEvents()
end = time.perf_counter()
print(json.dumps({{"seconds": end - t_start, "fill_s": filled - t0, "aborted": aborted,
                   "cells_filled": done, "cells": m.n_rows * m.n_cols,
                   "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


# The floor: a bare PySide6 app — QApplication, QMainWindow and a QTableView over a 5,000 x 300
# model — timed like ``--profile-startup`` (seconds since process start to the first paint).
_FLOOR = r"""
import json, os, sys, time
def age():
    with open("/proc/self/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return time.clock_gettime(time.CLOCK_BOOTTIME) - int(fields[19]) / os.sysconf("SC_CLK_TCK")
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 5000
    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 300
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return "X" if (index.row() + index.column()) % 3 == 0 else None
        return None
app = QApplication(sys.argv[:1])
w = QMainWindow()
view = QTableView()
model = Model()
view.setModel(model)
w.setCentralWidget(view)
done = []
cpu = []
class Painted(QTableView):
    pass
orig = view.viewport().paintEvent
def report():
    import resource
    print(json.dumps({"first_frame": done[0], "cpu_first_frame": cpu[0],
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    app.exit()
from PySide6.QtCore import QObject, QEvent
class Watch(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and not done:
            QTimer.singleShot(0, lambda: (done.append(age()), cpu.append(time.process_time()), report()))
        return False
watch = Watch()
view.viewport().installEventFilter(watch)
w.resize(1366, 768)
w.show()
app.exec()
"""


def floor(tmp: str) -> dict:
    """The bare-PySide6 floor (see ``_FLOOR``)."""
    out = subprocess.run(
        [sys.executable, "-c", _FLOOR],
        capture_output=True,
        text=True,
        check=True,
        env=_env(tmp),
    )
    return _json_line(out.stdout)


def _env(tmp: str) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KPM_DATA_DIR": tmp,
        "XDG_CONFIG_HOME": tmp,
        "XDG_RUNTIME_DIR": tmp,
    }


def _json_line(stdout: str) -> dict:
    return json.loads([line for line in stdout.splitlines() if line.startswith("{")][-1])


def startup(path: Path, tmp: str, tree: Path = ROOT) -> dict:
    """``kpm-desktop --profile-startup``: seconds since process start per stage.

    ``tree``: the source tree to run (``--before`` runs an older checkout the same way).
    """
    env = _env(tmp)
    env["PYTHONPATH"] = str(tree)
    out = subprocess.run(
        [sys.executable, "-m", "kpm_desktop", "--profile-startup", str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tree,
        env=env,
    )
    return _json_line(out.stdout)


def demo_file(root: Path = ROOT) -> Path:
    """The demo matrix (60 x 24) written by the tree at ``root``, cached."""
    path = root / "bench" / ".cache" / "demo.kpm"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "kpm_desktop.cli", "demo", str(path)],
            check=True,
            cwd=root,
            env={**os.environ, "PYTHONPATH": str(root)},
            capture_output=True,
        )
    return path


def _size_file(size: str, root: Path = ROOT) -> Path:
    if size == "demo":
        return demo_file(root)
    if root == ROOT:
        return matrix_file(size)
    from common import SIZES

    customers, products = SIZES[size]
    path = root / "bench" / ".cache" / f"{size}-{customers}x{products}.kpm"
    if not path.exists():
        raise SystemExit(f"--before: generate {path} with that tree first (bench/common.py)")
    return path


def bench_startup(size: str, repeat: int, before: Path | None) -> None:
    """Start-up against the bare-PySide6 floor, interleaved run by run (ratios per run).

    With ``before``, the older tree runs in the same rounds on its own cached file (its own
    file format), so before/after/floor share the machine's load.
    """
    path = _size_file(size)
    old_path = _size_file(size, before) if before is not None else None
    with tempfile.TemporaryDirectory(prefix="kpm-bench-") as tmp:
        floors, ours, olds = [], [], []
        for _ in range(repeat):
            floors.append(floor(tmp))
            ours.append(startup(path, tmp))
            if old_path is not None:
                olds.append(startup(old_path, tmp, before))  # type: ignore[arg-type]
        f = statistics.median(r["first_frame"] for r in floors)
        f_cpu = statistics.median(r["cpu_first_frame"] for r in floors)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        emit("gui", "floor_bare_pyside6", f, "s", cpu_s=round(f_cpu, 3), runs=repeat, load_avg=load)
        for label, runs in (("after", ours), ("before", olds)):
            if not runs:
                continue
            first = statistics.median(r["first_frame"] for r in runs)
            best = min(runs, key=lambda r: r["first_frame"])
            emit(
                "gui",
                f"start_to_first_frame_{size}_{label}",
                first,
                "s",
                ratio_to_floor=round(first / f, 2),
                cpu_s=round(statistics.median(r.get("cpu_first_frame", 0) for r in runs), 3),
                cpu_ratio_to_floor=round(
                    statistics.median(r.get("cpu_first_frame", 0) for r in runs) / f_cpu, 2
                ),
                best_ratio_to_floor=round(
                    min(r["first_frame"] for r in runs) / min(x["first_frame"] for x in floors), 2
                ),
                best_s=round(best["first_frame"], 4),
                qapplication_s=best["qapplication"],
                window_built_s=best.get("window_built"),
                file_opened_s=best["file_opened"],
                matrix_loaded_s=best["matrix_loaded"],
                extensions_ready_s=best.get("extensions_ready"),
                peak_rss_mb=max(r["peak_rss_mb"] for r in runs),
                file_mb=round((path if label == "after" else old_path).stat().st_size / 1e6, 1),  # type: ignore[union-attr]
                load_avg=load,
            )


def repaint(path: Path, tmp: str, presses: int) -> dict:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            _REPAINT.format(root=str(ROOT)),
            str(path),
            str(Path(tmp) / "ui.ini"),
            str(presses),
        ],
        capture_output=True,
        text=True,
        check=True,
        env=_env(tmp),
    )
    return _json_line(out.stdout)


def table_widget(path: Path, tmp: str) -> dict:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            _TABLE_WIDGET.format(root=str(ROOT)),
            str(path),
            str(BASELINE_LIMIT_S),
        ],
        capture_output=True,
        text=True,
        check=True,
        env=_env(tmp),
    )
    return _json_line(out.stdout)


def bench_size(size: str, repeat: int, baseline: bool) -> None:
    path = matrix_file(size)
    with tempfile.TemporaryDirectory(prefix="kpm-bench-") as tmp:
        runs = [startup(path, tmp) for _ in range(repeat)]
        firsts = sorted(r["first_frame"] for r in runs)
        best = min(runs, key=lambda r: r["first_frame"])
        emit(
            "gui",
            f"start_to_first_frame_{size}",
            statistics.median(firsts),
            "s",
            best_s=round(firsts[0], 4),
            runs=repeat,
            qapplication_s=best["qapplication"],
            file_opened_s=best["file_opened"],
            matrix_loaded_s=best["matrix_loaded"],
            window_built_s=best.get("window_built"),
            workspace_shown_s=best.get("workspace_shown"),
            extensions_ready_s=best.get("extensions_ready"),
            budget_s={"M": 1.5, "L": 4.0}.get(size),
        )
        emit("gui", f"peak_rss_startup_{size}", max(r["peak_rss_mb"] for r in runs), "MB")
        if size in ("M", "L"):
            rp = repaint(path, tmp, 30)
            emit(
                "gui",
                f"page_down_repaint_{size}",
                rp["median_ms"],
                "ms",
                p95_ms=round(rp["p95_ms"], 2),
                max_ms=round(rp["max_ms"], 2),
                visible_cells=rp["visible_cells"],
                budget_ms=50,
            )
            emit(
                "gui",
                f"filter_swap_repaint_{size}",
                rp["swap_median_ms"],
                "ms",
                max_ms=round(rp["swap_max_ms"], 2),
                budget_ms={"M": 50, "L": 300}[size],
            )
            emit(
                "gui",
                f"mark_key_to_repaint_{size}",
                rp["mark_median_ms"],
                "ms",
                max_ms=round(rp["mark_max_ms"], 2),
            )
            emit("gui", f"peak_rss_after_scrolling_{size}", rp["rss_mb"], "MB", budget_mb=400)
        if baseline and size in ("S", "M"):
            base = table_widget(path, tmp)
            # Ours, comparable span: process start to the first painted matrix (the baseline
            # counts from its script start, so it is favoured by the interpreter start-up).
            ours = statistics.median(r["first_frame"] for r in runs)
            emit(
                "gui",
                f"baseline_qtablewidget_{size}",
                base["seconds"],
                "s",
                aborted_after_60s=base["aborted"],
                cells_filled=base["cells_filled"],
                cells=base["cells"],
                rss_mb=round(base["rss_mb"], 1),
            )
            emit(
                "gui",
                f"speedup_vs_qtablewidget_{size}",
                base["seconds"] / ours,
                "x",
                ours_s=round(ours, 4),
                note="lower bound" if base["aborted"] else "",
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="S,M,L")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument(
        "--startup-only",
        action="store_true",
        help="only start-up against the floor (sizes may include 'demo')",
    )
    parser.add_argument(
        "--before",
        type=Path,
        help="an older source tree (git worktree) to run in the same rounds, for before/after",
    )
    args = parser.parse_args()
    # An installed app has byte-code caches; without them every run compiles ~60 modules
    # (0.3-0.5 s here, where PYTHONDONTWRITEBYTECODE is set). Existing caches are still read.
    compileall.compile_dir(ROOT / "kpm_desktop", quiet=1)
    print(json.dumps({"bench": "gui", "machine": machine()}), flush=True)
    if args.before is not None:
        compileall.compile_dir(args.before / "kpm_desktop", quiet=1)
    for size in args.sizes.split(","):
        bench_startup(size.strip(), args.repeat, args.before)
        if not args.startup_only and size.strip() != "demo":
            bench_size(size.strip(), args.repeat, not args.no_baseline)


if __name__ == "__main__":
    main()
