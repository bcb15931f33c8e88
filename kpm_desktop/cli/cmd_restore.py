"""``kpm restore FILE BACKUP``: put a backup back (the current state is backed up first)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kpm_desktop.cli import add_force_unlock, warn_force_unlock
from kpm_desktop.storage.restore import resolve_backup, restore_backup


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "restore", help="restore a matrix file from a backup (backs up the current state first)"
    )
    p.add_argument("file", type=Path, help="the matrix file to restore")
    p.add_argument(
        "backup", help="backup file, its number in `kpm backup FILE --list` (1 = newest), or latest"
    )
    add_force_unlock(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    backup = resolve_backup(args.file, args.backup)
    warn_force_unlock("restore", args.file, args.force_unlock)
    result = restore_backup(backup, args.file, force_lock=args.force_unlock)
    print(f"restored {args.file} from {backup.name}")
    if result.safety_backup:
        print(f"the previous state was backed up to {result.safety_backup}")
    if result.moved_aside:
        print(f"the damaged file was kept as {result.moved_aside}")
    return 0
