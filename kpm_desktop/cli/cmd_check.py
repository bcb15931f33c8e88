"""``kpm check FILE``: integrity, foreign keys and the derived status grid."""

from __future__ import annotations

import argparse
from pathlib import Path

from kpm_desktop.cli import EXIT_PROBLEMS
from kpm_desktop.storage.backup import newest_good_backup
from kpm_desktop.storage.errors import DamagedFileError
from kpm_desktop.storage.repository import Repository


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("check", help="verify a matrix file (exit 1 on problems)")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        repo = Repository.open(args.file, read_only=True)
    except DamagedFileError as exc:
        # Only report: moving the file aside or restoring is the user's decision.
        for problem in exc.problems[:10]:
            print(f"{args.file}: damaged: {problem}")
        good = newest_good_backup(args.file)
        if good:
            print(
                f"{args.file}: newest good backup: {good.path} "
                f"({good.created.astimezone():%Y-%m-%d %H:%M}); "
                f"restore with: kpm restore {args.file} {good.path}"
            )
        else:
            print(f"{args.file}: no good backup found")
        return EXIT_PROBLEMS
    with repo:
        problems = repo.verify()
    if problems:
        for problem in problems:
            print(f"{args.file}: {problem}")
        return EXIT_PROBLEMS
    print(f"{args.file}: ok")
    return 0
