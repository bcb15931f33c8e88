"""Frozen (PyInstaller) vs. source start-up: process start to first painted matrix on the demo.

Runs ``kpm-desktop --profile-startup DEMO`` of the built bundle and ``python -m kpm_desktop
--profile-startup DEMO`` of the source tree alternately in fresh processes (offscreen Qt, a
throw-away home), and prints one JSON line per figure: the median of each stage and the whole
process wall time. ``--cold`` drops the page cache before every run (root on Linux only), which
is what a double-click right after boot or install sees.

    python bench/bench_frozen_startup.py --frozen dist/kpm-desktop/kpm-desktop [--rounds 5] [--cold]

Use the interpreter the bundle was built with (build/venv) so both sides run the same Python
and Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, emit, machine

STAGES = ("qapplication", "file_opened", "matrix_loaded", "first_frame")


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KPM_DATA_DIR=str(home / "data"))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(home / var.lower())
    return env


def drop_caches() -> bool:
    """Empty the page cache so the next start reads every file from disk; False if not allowed."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def run_once(cmd: list[str], home: Path) -> dict[str, float]:
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=_env(home), timeout=120)
    wall = time.perf_counter() - t0
    if out.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({out.returncode}): {out.stderr.strip()[-500:]}")
    line = next(ln for ln in out.stdout.splitlines() if ln.startswith("{"))
    record = json.loads(line)
    return {**{k: float(record[k]) for k in STAGES}, "process_wall": wall}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frozen", type=Path, required=True, help="the bundle's kpm-desktop")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="drop the page cache before runs")
    args = parser.parse_args()

    from kpm_desktop.samples.demo import write_demo

    with tempfile.TemporaryDirectory(prefix="kpm-bench-startup-") as tmp:
        home = Path(tmp)
        demo = write_demo(home / "demo.kpm")
        variants = {
            "frozen": [str(args.frozen.resolve()), "--profile-startup", str(demo)],
            "source": [sys.executable, "-m", "kpm_desktop", "--profile-startup", str(demo)],
        }
        cold = args.cold and drop_caches()
        results: dict[str, list[dict[str, float]]] = {name: [] for name in variants}
        for _ in range(args.rounds):
            for name, cmd in variants.items():
                if cold:
                    drop_caches()
                results[name].append(run_once(cmd, home))
        extra = {"rounds": args.rounds, "cache": "cold" if cold else "warm", **machine()}
        for name, runs in results.items():
            for stage in (*STAGES, "process_wall"):
                value = statistics.median(r[stage] for r in runs)
                emit("frozen_startup", f"{name} {stage} (demo 60x24)", value, "s", **extra)
        ratio = statistics.median(r["first_frame"] for r in results["frozen"]) / statistics.median(
            r["first_frame"] for r in results["source"]
        )
        emit("frozen_startup", "frozen/source first_frame ratio", ratio, "x", **extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
