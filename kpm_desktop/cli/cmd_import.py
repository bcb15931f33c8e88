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

from kpm_desktop.cli import CliError, add_force_unlock, warn_force_unlock
from kpm_desktop.cli.i18n import error_line, language, translate
from kpm_desktop.import_export.apply import apply_plan
from kpm_desktop.import_export.mapping import FIELDS, KINDS
from kpm_desktop.import_export.messages import ImportFailure, text
from kpm_desktop.import_export.plans import (
    ImportPlan,
    SourceData,
    Target,
    build_plan,
    check_mapping,
    read_source,
    write_problems_csv,
)
from kpm_desktop.storage.database import check_file
from kpm_desktop.storage.lock import WriterLock
from kpm_desktop.storage.migrations import SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository

SHOW = 20  # problems/conflicts listed in text output


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "import",
        help="import customers, products, sales, a matrix sheet or a KPM export",
        description="Import a CSV file or a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods) into a "
        "matrix file. Nothing is written with --dry-run (the matrix is opened read-only); "
        "otherwise a backup is taken and the import is one transaction.",
    )
    p.add_argument("file", type=Path, help="the matrix file (.kpm)")
    p.add_argument(
        "source", type=Path, help="the file to import: CSV, .xlsx, .xlsm, .xlsb, .xls or .ods"
    )
    p.add_argument("--kind", required=True, choices=KINDS, help="what the source holds")
    p.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--sheet",
        help="workbook sheet to read (default: the active sheet, or the first with data "
        "when it is a chart or empty; Daten/Data for --kind kpm)",
    )
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
        "--accept",
        action="append",
        default=[],
        metavar="ROW[,ROW...]",
        help="merge the suggestions of these source rows: treat the similar name as the "
        "existing customer/product it resembles (the dry run lists the rows). Repeatable.",
    )
    p.add_argument(
        "--create-customers",
        action="store_true",
        help="sales: create customers whose number is not in the matrix and has no name "
        "column (named by their number)",
    )
    p.add_argument("--problems-csv", type=Path, help="save the problem list as CSV")
    add_force_unlock(p)
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
    raise CliError(
        translate("cli", "column '{column}' not found (columns: {columns})"),
        column=spec,
        columns=", ".join(headers),
    )


def apply_overrides(source: SourceData, specs: list[str]) -> SourceData:
    keys = {f.key for f in FIELDS[source.kind]}
    overrides: dict[str, int | None] = {}
    for spec in specs:
        key, sep, column = spec.partition("=")
        key = key.strip()
        if not sep or key not in keys:
            raise CliError(
                translate("cli", "--map {spec}: use FIELD=COLUMN with FIELD one of {fields}"),
                spec=spec,
                fields=", ".join(sorted(keys)),
            )
        overrides[key] = _column_index(column.strip(), source.headers) if column.strip() else None
    return source.with_mapping(overrides) if overrides else source


def accepted_rows(specs: list[str]) -> set[int]:
    rows: set[int] = set()
    for spec in specs:
        for part in spec.split(","):
            part = part.strip()
            if not part.isdigit() or int(part) < 1:
                raise CliError(
                    translate(
                        "cli",
                        "--accept {spec}: give source row numbers, e.g. --accept 5 or --accept 5,9",
                    ),
                    spec=spec,
                )
            rows.add(int(part))
    return rows


def _plan(source: SourceData, repo: Repository, args: argparse.Namespace) -> ImportPlan:
    target = Target.from_repository(repo)
    create = bool(getattr(args, "create_customers", False))
    plan = build_plan(source, target, conflicts=args.conflicts, create_customers=create)
    wanted = accepted_rows(args.accept)
    if wanted:
        chosen = [s for s in plan.suggestions if wanted & set(s.rows)]
        unknown = wanted - {r for s in chosen for r in s.rows}
        if unknown:
            rows = ", ".join(str(r) for s in plan.suggestions for r in s.rows[:1]) or "–"
            raise CliError(
                translate(
                    "cli",
                    "--accept: no suggestion for row {rows} (rows with suggestions: {with_suggestions})",
                ),
                rows=", ".join(map(str, sorted(unknown))),
                with_suggestions=rows,
            )
        confirmed = {(s.entity, s.source_key): s.candidate_id for s in chosen}
        plan = build_plan(
            source, target, confirmed=confirmed, conflicts=args.conflicts, create_customers=create
        )
    return plan


def _field_hint(exc: ImportFailure, source: SourceData) -> str:
    """``mapping_missing`` for the command line: what to type."""
    keys = exc.params.get("keys") or ()
    columns = exc.params.get("columns", "")
    labels = {f.key: f.label for f in FIELDS[source.kind]}  # the wizard's ("import" context)
    english = language() == "en"  # "the customer name" (German nouns keep their capital)
    named = translate("cli", " or ").join(
        (label.lower() if english else label)
        for label in (
            translate("import", labels[k]) if k in labels else k  # i18n: dynamic (field labels)
            for k in keys
        )
    )
    maps = translate("cli", " or ").join(f"--map {k}=COLUMN" for k in keys)
    text = translate(
        "cli", "no column for the {fields}; choose one with {maps} (columns: {columns})"
    )
    return text.format(fields=named, maps=maps, columns=columns)


def _describe(number: str, city: str) -> str:
    return f"no. {number or '-'}, {city or 'no city'}"


def _print_text(plan: ImportPlan, source: SourceData) -> None:
    print(f"{plan.source}" + (f" [{plan.sheet}]" if plan.sheet else "") + f": {plan.kind}")
    mapped = ", ".join(
        f"{key}={source.headers[col] or '#' + str(col + 1)}"
        for key, col in sorted(source.mapping.items(), key=lambda kv: kv[1])
        if col < len(source.headers)
    )
    print(f"  columns: {mapped}")
    note = plan.sheet_note
    if note is not None:
        print(f"  {text(note[0], **note[1])}; read another with --sheet NAME")
    print(f"  {plan.summary_text()}")
    if plan.notes or plan.goals:
        print(f"  notes: {len(plan.notes)} new; goals: {len(plan.goals)} new")
    if plan.ignored_columns:
        print(
            f"  ignored columns: {', '.join(plan.ignored_columns)} "
            "(import one with --map FIELD=COLUMN)"
        )
    if plan.products_from_groups:
        col = source.headers[source.mapping["group"]]
        print(f"  products: no product column; each product group in '{col}' becomes a product")
    for p in plan.problems[:SHOW]:
        where = (
            (f"{p.sheet}, " if p.sheet else "")
            + f"row {p.row}"
            + (f", column {p.column} ({p.column_name})" if p.column else "")
        )
        hint = " or use --create-customers" if p.key == "p_unknown_customer_number" else ""
        print(f"  problem: {where}: {p.message}{hint}")
    if len(plan.problems) > SHOW:
        print(f"  ... {len(plan.problems) - SHOW} more problems (--problems-csv saves all)")
    for c in plan.conflicts[:SHOW]:
        choice = "take imported" if c.take else "keep mine"
        print(f"  conflict: {c.customer} / {c.product}: {c.message} -> {choice}")
    if len(plan.conflicts) > SHOW:
        print(f"  ... {len(plan.conflicts) - SHOW} more conflicts")
    for f in plan.field_conflicts[:SHOW]:
        choice = "take imported" if f.take else "keep mine"
        print(f"  conflict: row {f.row}: {f.entity} {f.name}: {f.message} -> {choice}")
    for d in plan.duplicates[:SHOW]:
        print(f"  possible duplicate: {d.message}")
    for s in plan.suggestions[:SHOW]:
        row = s.rows[0]
        print(
            f"  suggestion: row {row}: {s.entity} '{s.source_name}' "
            f"({_describe(s.source_number, s.source_city)}) may be '{s.candidate_name}' "
            f"({_describe(s.candidate_number, s.candidate_city)}), {s.score:.0%} similar; "
            f"--accept {row} to merge"
        )
        for name, old, new in s.changes:
            print(f"    would change {name}: '{old}' -> '{new}'")


def run(args: argparse.Namespace) -> int:
    if not args.file.exists():
        raise CliError(translate("cli", "{path} does not exist"), path=args.file)
    source: SourceData | None = None
    try:
        source = apply_overrides(read_source(args.source, args.kind, sheet=args.sheet), args.map)
        check_mapping(source)  # before the matrix file is opened at all
        applied = None
        if check_file(args.file).user_version < SCHEMA_VERSION and not args.dry_run:
            # An older file format is updated by the first write-open; plan and apply there.
            warn_force_unlock("import", args.file, args.force_unlock)
            with (
                WriterLock.acquire(args.file, force=args.force_unlock),
                Repository.open(args.file) as repo,
            ):
                plan = _plan(source, repo, args)
                applied = apply_plan(repo, plan)
        else:
            # The plan comes from a read-only connection: a dry run, a failed plan or one
            # with nothing to change leaves the file byte-identical. apply_plan checks again,
            # inside its transaction, that the file still is what the plan was computed on.
            with Repository.open(args.file, read_only=True) as repo:
                plan = _plan(source, repo, args)
            if not args.dry_run and not plan.is_empty:
                warn_force_unlock("import", args.file, args.force_unlock)
                with (
                    WriterLock.acquire(args.file, force=args.force_unlock),
                    Repository.open(args.file) as repo,
                ):
                    applied = apply_plan(repo, plan)
    except ImportFailure as exc:
        if exc.key == "mapping_missing" and source is not None:
            raise CliError(_field_hint(exc, source)) from None
        raise CliError(error_line(exc)) from None
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
    elif plan.is_empty:
        print("nothing to change")
    elif applied is not None:
        print(
            f"imported: {applied.cells_written} cells written, "
            f"{len(applied.customer_ids)} customers and {len(applied.product_ids)} products "
            f"added; backup: {applied.backup}"
        )
    sys.stdout.flush()
    return 0
