"""``kpm info FILE``: counts per mark, white spots, coverage, top customers by white spots."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from kpm_desktop.cli import counted
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.matrix import coverage_percent
from kpm_desktop.storage.counting import count_totals, counted_rows, counting_matrix
from kpm_desktop.storage.repository import Repository


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("info", help="summary of a matrix file")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--top", type=int, default=10, help="how many customers to list")
    p.set_defaults(handler=run)


def summary(repo: Repository, top: int = 10) -> dict:
    # A "no need" whose re-check date has come counts as a white spot again, and a key
    # account's own row does not count (its figures are its sites').
    today = date.today()
    due = repo.due_rechecks(today)
    matrix = counting_matrix(repo, today)
    rows = counted_rows(matrix)
    totals = count_totals(matrix, rows)
    per_row = matrix.all_row_counts()
    order = sorted(
        range(matrix.n_rows) if rows is None else rows,
        key=lambda i: (-per_row[i].white, matrix.customers[i].name),
    )
    counts = repo.counts()
    return {
        "file": str(repo.path),
        "customers": matrix.n_rows,
        "key_accounts": 0 if rows is None else matrix.n_rows - len(rows),
        "products": matrix.n_cols,
        "product_groups": counts["product_groups"],
        "competitors": counts["competitors"],
        "notes": counts["notes"],
        "goals": counts["goals"],
        "cells": totals.total,
        "marks": {m.name.lower(): totals.of(m) for m in Mark},
        "white_spots": totals.white,
        "rechecks_due": len(due),
        "coverage_percent": round(totals.coverage, 2),
        "top_white_spots": [
            {
                "customer": matrix.customers[i].name,
                "number": matrix.customers[i].number,
                "white_spots": per_row[i].white,
            }
            for i in order[:top]
        ],
    }


def run(args: argparse.Namespace) -> int:
    with Repository.open(args.file, read_only=True) as repo:
        data = summary(repo, args.top)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    # the counted rows (sites and customers), as the status bar and kpm insights say
    rows = counted(data["customers"] - data["key_accounts"], "customer", "customers")
    print(f"{args.file}: {rows} x {counted(data['products'], 'product', 'products')}")
    if data["key_accounts"]:
        accounts = counted(data["key_accounts"], "key account", "key accounts")
        print(f"  plus {accounts}, counted by their sites")
    # one rounding only (the JSON keeps two places): 47.948 shows as 47.9 like the window
    coverage = coverage_percent(data["cells"], data["white_spots"])  # MarkCounts.coverage's
    print(f"  {data['cells']} cells, coverage {coverage:.1f} %")
    labels = {"ours": "X (ours)", "competitor": "competitor", "need": "need", "no_need": "no need"}
    for key, label in labels.items():
        print(f"  {label:<12} {data['marks'][key]:>10}")
    print(f"  {'white spots':<12} {data['white_spots']:>10}")
    if data["top_white_spots"]:
        print("Customers with the most white spots:")
        for row in data["top_white_spots"]:
            print(f"  {row['white_spots']:>6}  {row['customer']} ({row['number']})")
    return 0
