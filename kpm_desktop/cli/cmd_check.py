"""``kpm check FILE``: the full integrity check, foreign keys and the derived status grid.

Reads only (nothing is written, no -wal/-shm is left beside the file) and never crashes: a
file too damaged to read is reported as damaged (exit 1), like any other damage.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
from pathlib import Path

from kpm_desktop.cli import EXIT_PROBLEMS
from kpm_desktop.storage.errors import DamagedFileError
from kpm_desktop.storage.repository import Repository
from kpm_desktop.storage.restore import newest_good_backup

log = logging.getLogger(__name__)

WHAT = "full integrity check: every page, row and index entry, foreign keys, status grid"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "check", help="run the full integrity check of a matrix file (exit 1 on problems)"
    )
    p.add_argument("file", type=Path)
    p.set_defaults(handler=run)


def _report_damage(file: Path, problems: list[str]) -> int:
    # Only report: moving the file aside or restoring is the user's decision.
    for problem in problems[:10]:
        print(f"{file}: damaged: {problem}")
    try:
        good = newest_good_backup(file)
    except Exception:  # the backup folder cannot be read: the damage report stands
        log.exception("cannot list the backups of %s", file)
        good = None
    if good:
        print(
            f"{file}: newest good backup: {good.path} "
            f"({good.created.astimezone():%Y-%m-%d %H:%M}); "
            f"restore with: kpm restore {file} {good.path}"
        )
    else:
        print(f"{file}: no good backup found")
    return EXIT_PROBLEMS


def run(args: argparse.Namespace) -> int:
    print(f"{args.file}: running the {WHAT} …", flush=True)
    try:
        repo = Repository.open(args.file, read_only=True, check="full")
    except DamagedFileError as exc:
        return _report_damage(args.file, exc.problems)
    try:
        with repo:
            problems = repo.status_grid_problems()
            if repo.wal_warning is not None:
                problems.append(str(repo.wal_warning))
    except (sqlite3.Error, KeyError, IndexError, ValueError, TypeError) as exc:
        # Damage the checks did not name, met while reading the content.
        return _report_damage(args.file, [f"the content cannot be read completely ({exc})"])
    if problems:
        for problem in problems:
            print(f"{args.file}: {problem}")
        return EXIT_PROBLEMS
    print(f"{args.file}: ok")
    return 0
