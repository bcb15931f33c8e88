"""``kpm sync FILE``: push local changes, pull the team's, list and settle conflicts."""

from __future__ import annotations

import argparse
import contextlib
import json
import sqlite3
from pathlib import Path

from kpm_desktop.cli import CliError, counted
from kpm_desktop.cli.i18n import error_line


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("sync", help="sync a team file with the team server")
    p.add_argument("file", type=Path)
    p.add_argument(
        "--resolve",
        action="append",
        default=[],
        metavar="ID=mine|theirs",
        help="settle a conflict (ID=mine, ID=theirs, all=mine or all=theirs), then sync",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kpm_desktop.storage.repository import Repository
    from kpm_desktop.team import conflicts, engine
    from kpm_desktop.team.connect import TeamError
    from kpm_desktop.team.resolve_check import check_resolutions, has_merge_conflicts

    try:
        choices = conflicts.parse_resolutions(args.resolve)
        # Refuse a file outside a team before opening it for writing: a writing open
        # stamps a session marker, and bad input must leave the file byte-identical.
        # (A file from before team sync has no sync tables yet: the writing open migrates it.)
        with (
            Repository.open(args.file, read_only=True) as probe,
            contextlib.suppress(sqlite3.Error),
        ):
            try:
                engine.prepare(probe)
            except TeamError as exc:
                if choices and exc.key == "not_in_team" and has_merge_conflicts(probe):
                    raise TeamError("merge_not_sync", file=str(args.file)) from exc
                raise
            if choices:
                check_resolutions(probe, choices)
        with Repository.open(args.file) as repo:
            engine.prepare(repo)  # a team file at all?
            if choices:
                conflicts.resolve(repo, choices)
            result = engine.sync_repo(repo)
    except TeamError as exc:
        raise CliError(error_line(exc)) from exc
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        print(
            f"{args.file.name}: pushed {result.pushed}, pulled {result.pulled}, "
            f"{counted(len(result.conflicts), 'open conflict', 'open conflicts')} ({result.server})"
        )
        if result.left_territory:
            print(
                f"{counted(result.left_territory, 'customer', 'customers')} left your "
                "territory and were removed from this file"
            )
        for c in result.conflicts:
            if c["reason"] == "left_territory":
                print(
                    f"  conflict {c['id']}: {c['label']} left your territory with unsent "
                    f"changes ({c['id']}=mine keeps a local copy, {c['id']}=theirs removes it)"
                )
                continue
            fields = ", ".join(c["fields"]) if c["fields"] != ["*"] else "all"
            print(
                f"  conflict {c['id']}: {c['label']} ({fields}) changed by {c['who']} {c['when']}"
            )
    return 1 if result.conflicts else 0
