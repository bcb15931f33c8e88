"""Corner markers for cells with a note (issue 19, item 16): what they cost at start-up.

    python bench/bench_note_marker.py [--sizes M,L] [--repeat 3] [--share 0.01] [--reads-only]

On a copy of the cached synthetic matrix with a note on ``share`` of its marked cells:

- ``noted_cells_*``: reading the noted cells (``Workspace.noted_cells``: the partial index
  ``marks_noted`` of migration 8, then a dict of sets), against the baseline in the same run,
  the same query forced to scan every marked cell (what it would cost without the
  index). This read runs on the GUI thread right after the first frame.
- ``start_to_first_frame_*``: ``kpm-desktop --profile-startup`` on that file against the bare
  PySide6 floor of ``bench_gui.py``, interleaved run by run (the first frame never waits
  for the noted cells).

Prints one JSON line per figure.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench_gui import floor, startup
from common import emit, matrix_file

_NOTE = "Rückruf vereinbart: Angebot zur Modernisierung, Entscheidung im Herbst."


def noted_copy(size: str, share: float, folder: Path) -> tuple[Path, int]:
    """The cached matrix of ``size`` with a note on every 1/share-th marked cell."""
    path = folder / f"noted-{size}.kpm"
    shutil.copyfile(matrix_file(size), path)
    step = max(1, round(1 / share))
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "UPDATE marks SET note = ? WHERE (customer_id * 7919 + product_id) % ? = 0",
            (_NOTE, step),
        )
    n = conn.execute("SELECT count(*) FROM marks WHERE note != ''").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path, n


def read_times(path: Path, repeat: int) -> tuple[float, float, int]:
    """Best-of-``repeat`` seconds: ``Workspace.noted_cells`` and the full-scan baseline."""
    from kpm_desktop.workspace.workspace import Workspace

    ours: list[float] = []
    scan: list[float] = []
    count = 0
    for _ in range(repeat):
        ws = Workspace.open(path, read_only=True)
        try:
            t0 = time.perf_counter()
            noted = ws.noted_cells()
            ours.append(time.perf_counter() - t0)
            count = sum(len(p) for p in noted.values())
            t0 = time.perf_counter()
            rows = ws.repo.conn.execute(
                # ``note || ''`` keeps SQLite from using the partial index: a full scan.
                "SELECT customer_id, product_id FROM marks WHERE note || '' != ''"
            ).fetchall()
            baseline: dict[int, set[int]] = {}
            for cid, pid in rows:
                baseline.setdefault(cid, set()).add(pid)
            scan.append(time.perf_counter() - t0)
        finally:
            ws.close()
    return min(ours), min(scan), count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="M,L")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--share", type=float, default=0.01)
    parser.add_argument("--reads-only", action="store_true", help="skip the start-up runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kpm-bench-notes-") as tmp:
        for size in args.sizes.split(","):
            path, n_notes = noted_copy(size.strip(), args.share, Path(tmp))
            ours, scan, count = read_times(path, args.repeat)
            assert count == n_notes
            load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
            emit(
                "note_marker",
                f"noted_cells_{size}",
                ours,
                "s",
                notes=n_notes,
                baseline_full_scan_s=round(scan, 4),
                ratio_to_scan=round(ours / scan, 3) if scan else None,
                load_avg=load,
            )
            if args.reads_only:
                continue
            floors, firsts = [], []
            for _ in range(args.repeat):
                floors.append(floor(tmp)["first_frame"])
                firsts.append(startup(path, tmp)["first_frame"])
            f, first = statistics.median(floors), statistics.median(firsts)
            emit(
                "note_marker",
                f"start_to_first_frame_{size}",
                first,
                "s",
                floor_s=round(f, 4),
                ratio_to_floor=round(first / f, 2),
                notes=n_notes,
                load_avg=os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
            )


if __name__ == "__main__":
    main()
