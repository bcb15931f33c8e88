"""``kpm insights FILE``: penetration, competitor and renewal radar, where to go next."""

from __future__ import annotations

import argparse
import json
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

from kpm_desktop.cli import CliError
from kpm_desktop.cli.i18n import translate
from kpm_desktop.cli.insights_common import (
    add_subset_options,
    check_output,
    hint_text,
    money,
    parse_day,
    step_texts,
    subset_rows,
)
from kpm_desktop.cli.language import add_lang_argument, chosen
from kpm_desktop.domain.insights import Bar, Insights, compute_insights
from kpm_desktop.domain.lookalike import LookAlike
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.matrix import MarkCounts, Matrix
from kpm_desktop.storage import history
from kpm_desktop.storage.counting import counting_matrix
from kpm_desktop.storage.database import BackgroundCheck
from kpm_desktop.storage.errors import DamagedFileError, StorageError
from kpm_desktop.storage.repository import Repository

_FIELDS = ("white", "ours", "competitor", "need", "no_need")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "insights", help="penetration, competitor/renewal radar and where to go next"
    )
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    # parsed in run(): an argparse type's error would be argparse's English line naming the
    # function ("invalid parse_day value"), not parse_day's translated one
    p.add_argument("--today", metavar="YYYY-MM-DD", help="reference date (default: today)")
    p.add_argument("--months", type=int, default=6, help="renewal horizon in months (6)")
    p.add_argument("--top", type=int, default=20, help="how many next steps to list (20)")
    p.add_argument(
        "--renewals-xlsx", type=Path, metavar="OUT", help="also export the renewal radar"
    )
    p.add_argument("--overwrite", action="store_true", help="replace an existing OUT")
    add_lang_argument(p, "language of the renewals XLSX")
    add_subset_options(p)
    p.set_defaults(handler=run)


def _counts(c: MarkCounts) -> dict[str, int]:
    return {f: getattr(c, f) for f in _FIELDS}


def _bar(b: Bar) -> dict:
    return {
        "key": b.key,
        "label": b.label,
        "customers": b.customers,
        "counts": _counts(b.counts),
        "customers_with": _counts(b.customers_with),
        "white_spots": b.white_spots,
        "coverage_percent": round(b.coverage, 2),
        "our_revenue": b.revenue,
        "potential": b.potential,
    }


def to_json(matrix: Matrix, ins: Insights, today: date, months: int, hints: dict) -> dict:
    products, customers = matrix.products, matrix.customers
    return {
        "today": today.isoformat(),
        "customers": ins.rows,
        "products": matrix.n_cols,
        "totals": _counts(ins.totals),
        "coverage_percent": round(ins.totals.coverage, 2),
        "our_revenue": ins.revenue,
        "potential": ins.potential,
        "bars": {dim: [_bar(b) for b in bars] for dim, bars in ins.bars.items()},
        "competitors": [
            {
                "id": p.competitor_id,
                "name": p.name,
                "cells": p.cells,
                "customers": len(p.customers),
                "products": len(p.products),
                "by_group": p.by_group,
                "by_region": p.by_region,
                "potential": p.potential,
            }
            for p in ins.competitors
        ],
        "renewal_months": months,
        "renewals": [
            {
                "customer": customers[x.row].name,
                "number": customers[x.row].number,
                "product": products[x.col].name,
                "competitor": x.competitor,
                "contract_end": x.contract_end.isoformat(),
                "days_left": x.days_left(today),
                "potential": x.potential,
            }
            for x in ins.renewals
        ],
        "next_steps": [
            {
                "rank": k + 1,
                "customer": customers[s.row].name,
                "number": customers[s.row].number,
                "value": s.value,
                "reasons": [
                    {
                        "kind": r.kind,
                        "count": r.count,
                        "value": r.value,
                        "products": [products[j].name for j in r.cols],
                        "evidence": [list(e) for e in r.evidence],
                        "next_date": r.next_date.isoformat() if r.next_date else None,
                        "text": text,
                    }
                    for r, text in zip(s.reasons, step_texts(matrix, s), strict=True)
                ],
                "lookalike": [
                    {
                        "product": products[h.col].name,
                        "support": h.support,
                        "neighbours": h.neighbours,
                        "text": hint_text(matrix, h),
                    }
                    for h in hints.get(s.row, [])
                ],
            }
            for k, s in enumerate(ins.next_steps)
        ],
    }


def _due_rechecks(path: Path, today: date) -> list[tuple[int, int]]:
    with Repository.open(path, read_only=True, check="cheap") as repo:
        return repo.due_rechecks(today)


def run(args: argparse.Namespace) -> int:
    try:
        today = date.today() if args.today is None else parse_day(args.today)
    except ValueError as exc:
        raise CliError(str(exc)) from None  # parse_day's line is translated
    if args.months < 0 or args.top < 0:
        raise CliError(translate("cli", "--months and --top must not be negative"))
    if args.renewals_xlsx:
        check_output(args.renewals_xlsx, args.overwrite)
    # A read-only command on a file closed cleanly runs only the cheap checks (header,
    # application id, schema version, change-log state, clean-shutdown flag), as the GUI
    # does before its first frame: SQLite checks every page it reads, a damaged one ends
    # the run with the message below, and nothing is written, so a damage the scans would
    # have found cannot spread. A file not closed cleanly (a crash, or open elsewhere) gets
    # SQLite's quick_check and the foreign keys on a thread while it is loaded and the
    # insights computed; nothing is printed before they have passed. The full check of a
    # clean file is `kpm check` and the GUI's background check after opening it.
    full_check: BackgroundCheck | None = None
    # Counted as everywhere else: a due "no need" re-check is a white spot again
    # (storage.counting). Finding them reads every mark (~0.5 s at 20,000 x 1,000, SQLite
    # releases the GIL): on a thread with its own connection while the file is loaded.
    pool = ThreadPoolExecutor(1)
    try:
        due = pool.submit(_due_rechecks, args.file, today)
        with Repository.open(args.file, read_only=True, check="cheap") as repo:
            if repo.checked is None or not repo.checked.clean:
                full_check = BackgroundCheck(args.file)
            matrix = repo.load_matrix()
            details = history.load_cell_details(repo, matrix)  # by ids: same for both grids
            names = repo.competitor_names()
        matrix = counting_matrix(repo, today, matrix, recheck_due=due.result())
    except (StorageError, sqlite3.DatabaseError) as exc:
        # The damage the quick check finds is the clearer message.
        (full_check or BackgroundCheck(args.file)).result()
        if isinstance(exc, StorageError):
            raise
        raise DamagedFileError(
            f"{args.file.name} is damaged and cannot be read (kpm restore brings back a backup)",
            [str(exc)],
        ) from exc
    finally:
        pool.shutdown(wait=True)
    rows = subset_rows(matrix, args)
    ins = compute_insights(
        matrix, details, names, today=today, rows=rows, months=args.months, limit=args.top
    )
    look = LookAlike(matrix)
    hints = {s.row: look.hints(s.row)[:5] for s in ins.next_steps}
    if full_check is not None:
        full_check.result()
    if args.renewals_xlsx:
        from kpm_desktop.import_export.insights_xlsx import write_renewals_xlsx

        write_renewals_xlsx(
            args.renewals_xlsx, matrix, ins.renewals, today=today, language=chosen(args.lang)
        )
    data = to_json(matrix, ins, today, args.months, hints)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    t = ins.totals
    print(
        f"{args.file}: {ins.rows} customers x {matrix.n_cols} products, coverage {t.coverage:.1f} %"
    )
    print(f"  our revenue {money(ins.revenue)}, open potential {money(ins.potential)}")
    print("Product groups (X / competitor / need / no need / white, share of cells):")
    for b in ins.bars["group"]:
        shares = " / ".join(f"{b.share(m):4.1f}" for m in (*Mark, None))
        print(f"  {b.label or '(no group)':<28} {shares}  white spots {b.white_spots}")
    print("Competitors:")
    for p in ins.competitors[:10]:
        print(
            f"  {p.name or '(not named)':<28} {p.cells:>6} cells at {len(p.customers)} customers,"
            f" {len(p.products)} products"
        )
    print(f"Contracts of competitors ending within {args.months} months: {len(ins.renewals)}")
    for x in ins.renewals[:10]:
        print(
            f"  {x.contract_end}  {matrix.customers[x.row].name} / {matrix.products[x.col].name}"
            f" ({x.competitor or 'competitor not named'})"
        )
    if args.renewals_xlsx:
        print(f"  exported to {args.renewals_xlsx}")
    print("Where to go next:")
    for step in data["next_steps"]:
        print(f"  {step['rank']:>3}. {step['customer']} ({step['number']})")
        for r in step["reasons"]:
            print(f"       - {r['text']}")
        for h in step["lookalike"][:3]:
            print(f"       - look-alike: {h['text']}")
    return 0
