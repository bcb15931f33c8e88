"""``kpm snapshot FILE``: label the current state (``--label``), list or delete snapshots."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kpm_desktop.cli import CliError
from kpm_desktop.cli.i18n import translate
from kpm_desktop.domain.entities import stored_id
from kpm_desktop.storage import history
from kpm_desktop.storage.repository import Repository


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("snapshot", help="take a named snapshot or list snapshots")
    p.add_argument("file", type=Path)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--label", help="take a snapshot of the current state under this name")
    group.add_argument("--list", action="store_true", help="list the snapshots")
    group.add_argument(
        "--delete", metavar="SNAPSHOT", help="delete a snapshot (id or label; history stays)"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run)


def _json(s: history.Snapshot) -> dict:
    return {
        "id": s.id,
        "label": s.label,
        "created_at": s.created_at.isoformat(),
        "history_id": s.history_id,
        "totals": s.totals,
    }


def run(args: argparse.Namespace) -> int:
    if args.list:
        with Repository.open(args.file, read_only=True) as repo:
            snaps = history.list_snapshots(repo)
        if args.json:
            print(json.dumps([_json(s) for s in snaps], ensure_ascii=False))
        else:
            for s in snaps:
                print(f"{s.id:>4}  {s.created_at:%Y-%m-%d %H:%M}  {s.label}")
            if not snaps:
                print(f"{args.file}: no snapshots")
        return 0
    if args.delete is not None:
        # Bad input (no such snapshot, not a matrix file) is found read-only: the file is
        # opened for writing only to apply the deletion, so it stays byte-identical otherwise.
        with Repository.open(args.file, read_only=True) as repo:
            wanted = stored_id(history.get_snapshot(repo, args.delete))
        with Repository.open(args.file) as repo:
            snap = history.delete_snapshot(repo, wanted)
        if args.json:
            print(json.dumps(_json(snap), ensure_ascii=False))
        else:
            print(f"snapshot {snap.id} {snap.label!r} deleted")
        return 0
    if not args.label.strip():
        raise CliError(translate("cli", "the label must not be empty"))
    with Repository.open(args.file) as repo:
        snap = history.create_snapshot(repo, args.label)
    if args.json:
        print(json.dumps(_json(snap), ensure_ascii=False))
    else:
        print(f"snapshot {snap.id} {snap.label!r} taken")
    return 0
