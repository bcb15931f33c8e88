"""``kpm export FILE``: printable sheets without the GUI.

kpm export demo.kpm --xlsx matrix.xlsx [--group Service] [--white-spots-only]
kpm export demo.kpm --pdf matrix.pdf [--paper A3] [--portrait] [--blank]
kpm export demo.kpm --visit 100037 --pdf visit.pdf [--customer-safe] [--lang en]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kpm_desktop.cli import CliError
from kpm_desktop.cli.i18n import translate
from kpm_desktop.cli.language import add_lang_argument, chosen
from kpm_desktop.import_export.export_labels import ATTRIBUTES
from kpm_desktop.import_export.export_model import (
    ExportOptions,
    Orientation,
    Paper,
    load_snapshot,
    open_snapshot,
    scope_from_filters,
)
from kpm_desktop.storage.repository import Repository


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export",
        help="write the matrix as XLSX or PDF, a blank worksheet or a visit one-pager",
        description="Write printable sheets of a matrix file. The target is replaced only "
        "when the new file is complete.",
    )
    p.add_argument("file", type=Path, help="the .kpm matrix file (opened read-only)")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--xlsx", type=Path, metavar="OUT", help="Excel workbook (OUT.xlsx)")
    target.add_argument("--pdf", type=Path, metavar="OUT", help="PDF document (OUT.pdf)")
    kind = p.add_mutually_exclusive_group()
    kind.add_argument(
        "--visit", metavar="CUSTOMER", help="visit one-pager of one customer (number or name)"
    )
    kind.add_argument(
        "--blank", action="store_true", help="blank worksheet to fill in by hand (PDF)"
    )
    p.add_argument(
        "--group",
        action="append",
        default=[],
        metavar="NAME",
        help="only products of this group (repeatable)",
    )
    p.add_argument(
        "--white-spots-only",
        action="store_true",
        help="only customers with at least one white spot",
    )
    p.add_argument("--paper", choices=[p.value for p in Paper], default="A4")
    orient = p.add_mutually_exclusive_group()
    orient.add_argument("--landscape", dest="orientation", action="store_const", const="landscape")
    orient.add_argument("--portrait", dest="orientation", action="store_const", const="portrait")
    p.add_argument(
        "--attributes",
        default="number",
        metavar="LIST",
        help=f"customer columns, comma-separated ({', '.join(ATTRIBUTES)}); '' for none",
    )
    p.add_argument(
        "--customer-safe",
        action="store_true",
        help="leave out competitor names, revenues, potentials and internal notes",
    )
    add_lang_argument(p, "language of the sheet")
    p.set_defaults(handler=run)


# The suffix each output option writes: the option names the format, and a name that says
# another one is refused (the GUI's export dialog gives the name its format's suffix itself).
SUFFIXES = {"xlsx": ".xlsx", "pdf": ".pdf"}


def _check_suffix(option: str, out: Path) -> None:
    suffix = SUFFIXES[option]
    if out.suffix.lower() != suffix:
        if option == "xlsx":
            what = translate("cli", "an Excel workbook")
        else:
            what = translate("cli", "a PDF document")
        raise CliError(
            translate(
                "cli",
                "--{option} writes {what}, so the output name must end in {suffix} "
                "({name} does not); nothing was written",
            ),
            option=option,
            what=what,
            suffix=suffix,
            name=out.name,
        )


def _check_target(source: Path, out: Path) -> None:
    if out.exists() and out.is_dir():
        raise CliError(translate("cli", "{path} is a folder, not a file"), path=out)
    if not out.parent.is_dir():
        raise CliError(translate("cli", "folder {folder} does not exist"), folder=out.parent)
    if source.exists() and out.exists() and out.resolve() == source.resolve():
        raise CliError(
            translate("cli", "{path} is the matrix file itself; choose another output name"),
            path=out,
        )


def run(args: argparse.Namespace) -> int:
    from kpm_desktop.storage.errors import FileMissingError
    from kpm_desktop.storage.messages import msg

    out: Path = args.xlsx or args.pdf
    if not args.file.exists():
        raise FileMissingError(msg("file_missing", path=str(args.file)))
    _check_target(args.file, out)
    _check_suffix("xlsx" if args.xlsx else "pdf", out)
    if args.xlsx and (args.visit or args.blank):
        raise CliError(translate("cli", "--visit and --blank write PDF: use --pdf OUT"))
    attributes = tuple(a.strip() for a in args.attributes.split(",") if a.strip())
    args.lang = chosen(args.lang)
    if args.visit:
        return _run_visit(args, out, attributes)

    with Repository.open(args.file, read_only=True) as repo:
        matrix = repo.load_matrix()
    scope = scope_from_filters(
        matrix, groups=args.group, white_spots_only=args.white_spots_only, lang=args.lang
    )
    options = ExportOptions(
        paper=Paper(args.paper),
        orientation=Orientation(args.orientation or "landscape"),
        customer_ids=scope.customer_ids,
        product_ids=scope.product_ids,
        attributes=attributes,
        customer_safe=args.customer_safe,
        lang=args.lang,
        filters=scope.description,
    )
    if args.xlsx:
        from kpm_desktop.import_export.xlsx_export import write_xlsx

        with open_snapshot(args.file, options) as snapshot:
            written = write_xlsx(snapshot, out)
        print(
            f"wrote {out}: {snapshot.n_rows} customers x {snapshot.n_cols} products"
            f" ({snapshot.marked_cells()} marked cells in the data sheet"
            + _continued(written.continuations)
            + ")"
        )
        return 0

    from kpm_desktop.report.pdf_matrix import write_matrix_pdf
    from kpm_desktop.report.qt_app import ensure_gui_app

    ensure_gui_app()
    snapshot = load_snapshot(args.file, options, with_details=False)
    pages = write_matrix_pdf(snapshot, out, blank=args.blank)
    what = "blank worksheet" if args.blank else "matrix"
    print(
        f"wrote {out}: {what}, {snapshot.n_rows} customers x {snapshot.n_cols} products, "
        f"{pages} pages"
    )
    return 0


def _continued(sheets: tuple[str, ...]) -> str:
    """ "; data continues on Daten (2) – Daten (8)" when the data sheet has continuations."""
    if not sheets:
        return ""
    return f"; data continues on {sheets[0]}" + (f" – {sheets[-1]}" if len(sheets) > 1 else "")


def _run_visit(args: argparse.Namespace, out: Path, attributes: tuple[str, ...]) -> int:
    from kpm_desktop.import_export.visit_data import load_visit
    from kpm_desktop.report.qt_app import ensure_gui_app
    from kpm_desktop.report.visit_sheet import write_visit_pdf

    options = ExportOptions(
        paper=Paper(args.paper),
        orientation=Orientation(args.orientation or "portrait"),
        attributes=attributes,
        customer_safe=args.customer_safe,
        lang=args.lang,
    )
    visit = load_visit(args.file, args.visit, options)
    ensure_gui_app()
    pages = write_visit_pdf(visit, out)
    print(f"wrote {out}: visit one-pager for {visit.customer.name}, {pages} page(s)")
    return 0
