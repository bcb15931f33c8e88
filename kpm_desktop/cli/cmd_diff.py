"""``kpm diff FILE``: what changed between two dates or snapshots (state vs state)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kpm_desktop.cli import CliError
from kpm_desktop.cli.i18n import translate
from kpm_desktop.cli.insights_common import (
    add_subset_options,
    check_output,
    parse_moment,
    subset_rows,
)
from kpm_desktop.cli.language import add_lang_argument, chosen
from kpm_desktop.domain.history_diff import HistoryDiff, code_name, diff_keyed
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.storage import history
from kpm_desktop.storage.repository import Repository


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "diff", help="what changed between two dates or snapshots (undone edits are no change)"
    )
    p.add_argument("file", type=Path)
    p.add_argument("--since", help="start date YYYY-MM-DD (start of day) or ISO date-time")
    p.add_argument("--until", help="end date (inclusive, whole day) or ISO date-time; default now")
    p.add_argument("--snapshot", help="start at this snapshot (id or label)")
    p.add_argument("--to-snapshot", help="end at this snapshot (default now)")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.add_argument("--xlsx", type=Path, metavar="OUT", help="export the changes as XLSX")
    p.add_argument("--overwrite", action="store_true", help="replace an existing OUT")
    add_lang_argument(p, "language of the XLSX")
    p.add_argument("--limit", type=int, default=20, help="customers listed in text output")
    add_subset_options(p)
    p.set_defaults(handler=run)


def to_json(matrix: Matrix, diff: HistoryDiff, period: dict) -> dict:
    def customer(cid: int) -> dict:
        r = matrix.row_of.get(cid)
        if r is None:
            return {"customer_id": cid, "customer": None, "number": None}
        return {
            "customer_id": cid,
            "customer": matrix.customers[r].name,
            "number": matrix.customers[r].number,
        }

    def product(pid: int) -> str | None:
        c = matrix.col_of.get(pid)
        return matrix.products[c].name if c is not None else None

    by_customer = diff.by_customer()
    return {
        "period": period,
        "edits": diff.edits,
        "touched": diff.touched,
        "changed": diff.changed,
        "transitions": [
            {"from": code_name(old), "to": code_name(new), "cells": k}
            for (old, new), k in diff.transitions.items()
        ],
        "customers": [
            {
                **customer(cid),
                "changed": k,
                "cells": [
                    {
                        "product_id": d.product_id,
                        "product": product(d.product_id),
                        "from": code_name(d.old),
                        "to": code_name(d.new),
                    }
                    for d in by_customer[cid]
                ],
            }
            for cid, k in diff.per_customer.items()
        ],
    }


def run(args: argparse.Namespace) -> int:
    if not (args.since or args.snapshot):
        raise CliError(translate("cli", "give --since DATE or --snapshot NAME"))
    if args.since and (args.snapshot or args.to_snapshot):
        raise CliError(
            translate("cli", "use either dates (--since/--until) or snapshots, not both")
        )
    if args.until and not args.since:
        raise CliError(translate("cli", "--until needs --since"))
    if args.xlsx:
        check_output(args.xlsx, args.overwrite)
    with Repository.open(args.file, read_only=True) as repo:
        matrix = repo.load_matrix()
        if args.since:
            since = parse_moment(args.since)
            until = parse_moment(args.until, end_of_day=True) if args.until else None
            if until is not None and until < since:
                raise CliError(
                    translate("cli", "--until {until} lies before --since {since}"),
                    until=args.until,
                    since=args.since,
                )
            rows = history.keyed_history_between_times(repo, since, until)
            period = {
                "since": since.isoformat(),
                "until": until.isoformat() if until else None,
            }
        else:
            start = history.get_snapshot(repo, args.snapshot)
            end = history.get_snapshot(repo, args.to_snapshot) if args.to_snapshot else None
            if end is not None and end.history_id < start.history_id:
                start, end = end, start
            rows = history.keyed_history_between_ids(
                repo, start.history_id, end.history_id if end else None
            )
            period = {
                "snapshot": start.label,
                "snapshot_created_at": start.created_at.isoformat(),
                "to_snapshot": end.label if end else None,
            }
    subset = subset_rows(matrix, args)
    ids = (
        None
        if subset is None
        else {cid for i in subset if (cid := matrix.customers[i].id) is not None}
    )
    diff = diff_keyed(rows, ids)
    if args.xlsx:
        from kpm_desktop.import_export.insights_xlsx import write_diff_xlsx

        title = " – ".join(str(v) for v in period.values() if v)
        write_diff_xlsx(args.xlsx, matrix, diff, title=title, language=chosen(args.lang))
    data = to_json(matrix, diff, period)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    print(
        f"{args.file}: {diff.changed} cells changed at {len(diff.per_customer)} customers "
        f"({diff.edits} edits of {diff.touched} cells in the period)"
    )
    for t in data["transitions"]:
        print(f"  {t['from']:>10} -> {t['to']:<10} {t['cells']:>6}")
    for c in data["customers"][: args.limit]:
        name = c["customer"] or f"#{c['customer_id']} (deleted)"
        print(f"  {c['changed']:>5}  {name}")
    if args.xlsx:
        print(f"exported to {args.xlsx}")
    return 0
