"""Benchmark: the crash harness at scale (default 1,000 SIGKILL cycles).

A child process edits a copy of the demo matrix (or a synthetic S/M matrix) through the
Repository: single cells, bulk marks, notes, goals and small CSV imports, reporting every
action before and after its commit over a pipe. The parent SIGKILLs it at random moments,
reopens the file and checks integrity, that every acknowledged action is present and that
the action in flight is all-or-nothing. Prints one JSON line per figure.

    python bench/bench_crash.py [--cycles 1000] [--size demo|S|M] [--seed 1]
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from common import copy_matrix, emit, machine

from kpm_desktop.samples.demo import write_demo
from tests.safety.crash_harness import run_crash_cycles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=1000)
    parser.add_argument("--size", default="demo", choices=("demo", "S", "M"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay", type=float, default=0.05, help="seconds, kill window")
    args = parser.parse_args(argv)
    # Every cycle takes over the killed child's lock; that warning is expected here.
    logging.getLogger("kpm_desktop.storage.lock").setLevel(logging.ERROR)
    work = Path(tempfile.mkdtemp(prefix="kpm-bench-crash-"))
    try:
        target = work / "crash.kpm"
        if args.size == "demo":
            write_demo(target)
        else:
            copy_matrix(args.size, target)
        report = run_crash_cycles(
            target, cycles=args.cycles, seed=args.seed, max_delay=args.max_delay
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    figures = report.figures()
    info = {"size": args.size, "seed": args.seed, **machine()}
    for key in (
        "cycles",
        "acknowledged_actions",
        "lost_acknowledged",
        "half_applied",
        "integrity_failures",
        "in_flight_committed",
        "in_flight_absent",
        "killed_before_ready",
    ):
        emit("crash", key, figures[key], "count", **info)
    for kind, n in figures["actions_by_kind"].items():
        emit("crash", f"acknowledged_{kind}", n, "count", **info)
    emit("crash", "reopen_verify_median", figures["reopen_verify_ms_median"], "ms", **info)
    emit("crash", "reopen_verify_max", figures["reopen_verify_ms_max"], "ms", **info)
    emit("crash", "total", figures["seconds"], "s", **info)
    for failure in report.failures[:20]:
        print(failure, file=sys.stderr)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
