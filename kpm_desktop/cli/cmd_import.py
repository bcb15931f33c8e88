"""``kpm import FILE SOURCE --kind KIND``: import a CSV/XLSX source into a matrix file.

Reads and checks the source first (a broken source never opens the matrix for writing),
computes the plan with no writes, prints it, and unless ``--dry-run`` applies it in one
transaction after a verified backup.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kpm_desktop.cli import CliError
from kpm_desktop.import_export.apply import apply_plan
from kpm_desktop.import_export.mapping import FIELDS, KINDS
from kpm_desktop.import_export.messages import ImportFailure
from kpm_desktop.import_export.plans import (
    ImportPlan,
    SourceData,
    Target,
    build_plan,
    read_source,
    write_problems_csv,
)
from kpm_desktop.storage.lock import WriterLock
from kpm_desktop.storage.repository import Repository

SHOW = 20  # problems/conflicts listed in text output


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "import",
        help="import customers, products, sales, a matrix sheet or a KPM export",
        description="Import a CSV or XLSX file into a matrix file. Nothing is written with "
        "--dry-run; otherwise a backup is taken and the import is one transaction.",
    )
    p.add_argument("file", type=Path, help="the matrix file (.kpm)")
    p.add_argument("source", type=Path, help="the CSV or XLSX file to import")
    p.add_argument("--kind", required=True, choices=KINDS, help="what the source holds")
    p.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--sheet", help="XLSX sheet to read (default: active sheet / Daten)")
    p.add_argument(
        "--conflicts",
        choices=("keep", "take"),
        default="keep",
        help="for cells where the matrix and the import disagree: keep mine (default) or "
        "take the imported value",
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="map a field to a column (header text, 1-based number or letter); "
        "FIELD= to leave a field out. Repeatable.",
    )
    p.add_argument(
        "--accept-suggestions",
        action="store_true",
        help="treat similar names as the existing customers/products they resemble",
    )
    p.add_argument("--problems-csv", type=Path, help="save the problem list as CSV")
    p.set_defaults(handler=run)


def _column_index(spec: str, headers: list[str]) -> int:
    folded = [h.casefold() for h in headers]
    if spec.casefold() in folded:
        return folded.index(spec.casefold())
    if spec.isdigit():
        return int(spec) - 1
    if spec.isalpha() and spec.isupper() and len(spec) <= 3:
        n = 0
        for ch in spec:
            n = n * 26 + ord(ch) - 64
        return n - 1
    raise CliError(f"column '{spec}' not found (columns: {', '.join(headers)})")


def apply_overrides(source: SourceData, specs: list[str]) -> SourceData:
    keys = {f.key for f in FIELDS[source.kind]}
    overrides: dict[str, int | None] = {}
    for spec in specs:
        key, sep, column = spec.partition("=")
        key = key.strip()
        if not sep or key not in keys:
            raise CliError(
                f"--map {spec}: use FIELD=COLUMN with FIELD one of {', '.join(sorted(keys))}"
            )
        overrides[key] = _column_index(column.strip(), source.headers) if column.strip() else None
    return source.with_mapping(overrides) if overrides else source


def _plan(source: SourceData, repo: Repository, args: argparse.Namespace) -> ImportPlan:
    target = Target.from_repository(repo)
    plan = build_plan(source, target, conflicts=args.conflicts)
    if args.accept_suggestions and plan.suggestions:
        confirmed = {(s.entity, s.source_key): s.candidate_id for s in plan.suggestions}
        plan = build_plan(source, target, confirmed=confirmed, conflicts=args.conflicts)
    return plan


def _print_text(plan: ImportPlan, source: SourceData) -> None:
    print(f"{plan.source}" + (f" [{plan.sheet}]" if plan.sheet else "") + f": {plan.kind}")
    mapped = ", ".join(
        f"{key}={source.headers[col] or '#' + str(col + 1)}"
        for key, col in sorted(source.mapping.items(), key=lambda kv: kv[1])
        if col < len(source.headers)
    )
    print(f"  columns: {mapped}")
    print(f"  {plan.summary_text()}")
    if plan.ignored_columns:
        print(f"  ignored columns: {', '.join(plan.ignored_columns)}")
    for p in plan.problems[:SHOW]:
        where = f"row {p.row}" + (f", column {p.column} ({p.column_name})" if p.column else "")
        print(f"  problem: {where}: {p.message}")
    if len(plan.problems) > SHOW:
        print(f"  ... {len(plan.problems) - SHOW} more problems (--problems-csv saves all)")
    for c in plan.conflicts[:SHOW]:
        choice = "take imported" if c.take else "keep mine"
        print(f"  conflict: {c.customer} / {c.product}: {c.message} -> {choice}")
    if len(plan.conflicts) > SHOW:
        print(f"  ... {len(plan.conflicts) - SHOW} more conflicts")
    for s in plan.suggestions[:SHOW]:
        print(
            f"  suggestion: {s.entity} '{s.source_name}' may be '{s.candidate_name}' "
            f"({s.score:.0%}); --accept-suggestions to merge"
        )


def run(args: argparse.Namespace) -> int:
    if not args.file.exists():
        raise CliError(f"{args.file} does not exist")
    try:
        source = apply_overrides(read_source(args.source, args.kind, sheet=args.sheet), args.map)
        if args.dry_run:
            with Repository.open(args.file, read_only=True) as repo:
                plan = _plan(source, repo, args)
                applied = None
        else:
            with WriterLock.acquire(args.file), Repository.open(args.file) as repo:
                plan = _plan(source, repo, args)
                applied = apply_plan(repo, plan)
    except ImportFailure as exc:
        raise CliError(str(exc)) from None
    if args.problems_csv is not None:
        write_problems_csv(plan.problems, args.problems_csv)
    if args.json:
        data = plan.to_json()
        data["dry_run"] = bool(args.dry_run)
        data["applied"] = applied is not None and not plan.is_empty
        data["cells_written"] = applied.cells_written if applied else 0
        data["backup"] = str(applied.backup) if applied and applied.backup else None
        print(json.dumps(data, ensure_ascii=False, default=str))
        return 0
    _print_text(plan, source)
    if args.dry_run:
        print("dry run: nothing written")
    elif applied is not None and plan.is_empty:
        print("nothing to change")
    elif applied is not None:
        print(
            f"imported: {applied.cells_written} cells written, "
            f"{len(applied.customer_ids)} customers and {len(applied.product_ids)} products "
            f"added; backup: {applied.backup}"
        )
    sys.stdout.flush()
    return 0
