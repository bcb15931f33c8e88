"""``kpm backup FILE [--reason R]`` writes a verified backup; ``--list`` shows them."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path

from kpm_desktop.storage.backup import REASON_MANUAL, backup_file, list_backups


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "backup", help="write a verified backup of a matrix file, or list its backups"
    )
    p.add_argument("file", type=Path)
    p.add_argument("--reason", default=REASON_MANUAL, help="short word saved in the name")
    p.add_argument("--list", action="store_true", help="list the backups instead, newest first")
    p.add_argument("--json", action="store_true", help="with --list: one JSON object per line")
    p.set_defaults(handler=run)


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def run(args: argparse.Namespace) -> int:
    if args.list:
        infos = list_backups(args.file)
        if not infos and not args.json:
            print(f"{args.file}: no backups")
        for number, info in enumerate(infos, start=1):
            counts = info.counts()
            local = info.created.astimezone()
            if args.json:
                print(
                    json.dumps(
                        {
                            "number": number,
                            "path": str(info.path),
                            "created": info.created.isoformat(),
                            "reason": info.reason,
                            "size": info.size,
                            "counts": counts,
                        }
                    )
                )
                continue
            print(
                f"{number:>3}  {local:%Y-%m-%d %H:%M:%S}  {info.reason:<20} {_size(info.size):>9}  "
                f"{counts.get('customers', 0)} customers, {counts.get('products', 0)} products, "
                f"{counts.get('marks', 0)} marks  {info.path.name}"
            )
        return 0
    start = datetime.now()
    path = backup_file(args.file, args.reason)
    seconds = (datetime.now() - start).total_seconds()
    print(f"backup of {args.file} verified and written to {path} in {seconds:.1f} s")
    return 0
