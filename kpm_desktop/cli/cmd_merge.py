"""``kpm merge MINE.kpm THEIRS.kpm``: merge a colleague's file into mine by stable UUIDs."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kpm_desktop.cli import CliError, counted
from kpm_desktop.cli.i18n import error_line, translate


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("merge", help="merge a colleague's matrix file into yours")
    p.add_argument("mine", type=Path, help="your matrix file (changed)")
    p.add_argument("theirs", type=Path, help="the colleague's file (only read)")
    p.add_argument(
        "--resolve",
        action="append",
        default=[],
        metavar="ID=mine|theirs",
        help="settle conflicts by the ids a previous run listed (see --json): ID=mine, "
        "ID=theirs, all=mine or all=theirs; a bad choice changes nothing",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kpm_desktop.team.conflicts import parse_resolutions
    from kpm_desktop.team.connect import TeamError
    from kpm_desktop.team.merge import merge_files

    if args.mine.resolve() == args.theirs.resolve():
        raise CliError(translate("cli", "MINE and THEIRS are the same file"))
    try:
        choices = parse_resolutions(args.resolve)
        result = merge_files(args.mine, args.theirs, choices)
    except TeamError as exc:
        raise CliError(error_line(exc)) from exc
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(
            f"{args.mine.name}: {result['added']} added, {result['changed']} merged, "
            f"{result['deleted']} deleted, "
            f"{counted(len(result['conflicts']), 'open conflict', 'open conflicts')}"
        )
        for c in result["conflicts"]:
            fields = ", ".join(c["fields"]) if c["fields"] != ["*"] else "all"
            print(f"  conflict {c['id']}: {c['label']} ({fields})")
    return 1 if result["conflicts"] else 0
