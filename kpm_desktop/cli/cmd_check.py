"""``kpm check FILE``: integrity, foreign keys and the derived status grid."""

from __future__ import annotations

import argparse
from pathlib import Path

from kpm_desktop.cli import EXIT_PROBLEMS
from kpm_desktop.storage.repository import Repository


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("check", help="verify a matrix file (exit 1 on problems)")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with Repository.open(args.file, read_only=True) as repo:
        problems = repo.verify()
    if problems:
        for problem in problems:
            print(f"{args.file}: {problem}")
        return EXIT_PROBLEMS
    print(f"{args.file}: ok")
    return 0
