"""Benchmark: integrity on open, verified backup and restore at a size (default M).

Prints one JSON line per figure (median of ``--repeat`` runs):

- open for writing / read-only, including ``quick_check`` + ``foreign_key_check`` (budget at
  M: 1.5 s), and the two checks alone;
- ``make_backup`` (backup API + full ``integrity_check`` of the copy + rotation);
- ``restore_backup`` (verify the backup, back up the current state, copy pages in);
- baseline in the same run: a plain ``shutil.copyfile`` of the closed file (what a careless
  backup would do, unverified).

    python bench/bench_backup.py [--size M] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import copy_matrix, emit, machine

from kpm_desktop.storage.backup import content_hash, make_backup
from kpm_desktop.storage.repository import Repository
from kpm_desktop.storage.restore import restore_backup


def _median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="M", choices=("S", "M", "L"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kpm-bench-backup-"))
    os.environ["KPM_DATA_DIR"] = str(work / "appdata")
    info = {"size": args.size, **machine()}
    try:
        target = work / "bench.kpm"
        copy_matrix(args.size, target)
        mb = target.stat().st_size / 1e6

        def open_close(read_only: bool) -> None:
            Repository.open(target, read_only=read_only).close()

        open_close(False)  # first write-open sets WAL/marker; not timed
        emit(
            "backup",
            "open_write_incl_checks",
            _median(lambda: open_close(False), args.repeat),
            "s",
            file_mb=round(mb, 1),
            budget_s=1.5,
            **info,
        )
        emit(
            "backup",
            "open_read_only_incl_checks",
            _median(lambda: open_close(True), args.repeat),
            "s",
            **info,
        )
        conn = sqlite3.connect(target.resolve().as_uri() + "?mode=ro", uri=True)
        emit(
            "backup",
            "quick_check",
            _median(lambda: conn.execute("PRAGMA quick_check").fetchall(), args.repeat),
            "s",
            **info,
        )
        emit(
            "backup",
            "foreign_key_check",
            _median(lambda: conn.execute("PRAGMA foreign_key_check").fetchall(), args.repeat),
            "s",
            **info,
        )
        conn.close()

        made: list[Path] = []
        with Repository.open(target) as repo:
            emit(
                "backup",
                "make_backup_verified",
                _median(
                    lambda: made.append(make_backup(repo, "manual", retention=None)), args.repeat
                ),
                "s",
                **info,
            )
            expected = content_hash(repo.conn)
        emit(
            "backup",
            "baseline_plain_file_copy",
            _median(lambda: shutil.copyfile(target, work / "copy.kpm"), args.repeat),
            "s",
            **info,
        )
        emit(
            "backup",
            "restore_backup",
            _median(lambda: restore_backup(made[0], target, retention=None), args.repeat),
            "s",
            **info,
        )
        emit(
            "backup",
            "restored_content_identical",
            float(content_hash(target) == expected),
            "bool",
            **info,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
