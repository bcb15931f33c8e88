"""``kpm trip FILE``: plan a visit trip and write its pack (PDF) and/or calendar file (.ics).

kpm trip demo.kpm --customers 100000,100037 --date 2026-12-08 --start 08:30 --minutes 45 \\
    --name "Tour Nord" --pdf tour.pdf --ics tour.ics
kpm trip demo.kpm --trip "Tour Nord" --ics tour.ics --lang en

Without ``--lang`` the command speaks the app's UI language, as the window would: the
language saved in the settings (Settings › Language), else German on a German system and
English elsewhere. That language names a new trip ("Tour 2026-12-08" / "Trip 2026-12-08",
the same default name the planner gives) and writes the pack and the calendar events.

Everything is checked before the file is opened for writing: bad input leaves the file
byte-identical (exit code 2, one line on stderr).
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from kpm_desktop.cli import CliError
from kpm_desktop.cli.i18n import error_line, translate
from kpm_desktop.cli.insights_common import check_output, parse_day
from kpm_desktop.cli.language import add_lang_argument, chosen
from kpm_desktop.domain.entities import Customer
from kpm_desktop.domain.trips import (
    DEFAULT_MINUTES,
    DEFAULT_START,
    MAX_MINUTES,
    MAX_STOPS,
    MIN_MINUTES,
    Trip,
    TripStop,
    schedule,
    unique_name,
)
from kpm_desktop.import_export.export_model import ExportOptions, Orientation
from kpm_desktop.import_export.trip_labels import trip_label
from kpm_desktop.import_export.visit_data import find_customer
from kpm_desktop.storage import trips as trip_store
from kpm_desktop.storage.errors import FileMissingError
from kpm_desktop.storage.file_format import read_header
from kpm_desktop.storage.messages import msg
from kpm_desktop.storage.migrations import SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "trip",
        help="plan a visit trip; write its pack (PDF) and calendar file (.ics)",
        description="Create a trip of customer visits on one day (or reuse a stored one with "
        "--trip) and write the trip pack as PDF and/or the visits as an iCalendar file.",
    )
    p.add_argument("file", type=Path, help="the .kpm matrix file")
    p.add_argument(
        "--customers", metavar="NUM[,NUM…]", help="customer numbers in visit order, comma-separated"
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day of the trip")
    p.add_argument("--start", metavar="HH:MM", help="start of the first visit (default 08:00)")
    p.add_argument(
        "--minutes",
        type=int,
        metavar="N",
        help=f"duration of each visit in minutes (default {DEFAULT_MINUTES})",
    )
    p.add_argument("--name", metavar="TEXT", help="name of the new trip (default: trip + date)")
    p.add_argument("--trip", metavar="NAME", help="reuse the stored trip of this name")
    p.add_argument("--pdf", type=Path, metavar="OUT", help="write the trip pack as PDF")
    p.add_argument("--ics", type=Path, metavar="OUT", help="write the visits as .ics calendar")
    p.add_argument("--overwrite", action="store_true", help="replace existing output files")
    p.add_argument(
        "--customer-safe",
        action="store_true",
        help="leave out competitor names, revenues, potentials and internal notes",
    )
    add_lang_argument(p, "language of the trip's default name, the pack and the calendar")
    p.set_defaults(handler=run)


@dataclass(slots=True)
class _Plan:
    numbers: list[str]
    day: date
    start: time
    minutes: int
    name: str | None


def parse_time(text: str) -> time:
    if not re.fullmatch(r"\d{1,2}:\d{2}", text.strip()):
        raise CliError(translate("cli", "not a time (HH:MM): '{text}'"), text=text)
    hours, minutes = (int(x) for x in text.strip().split(":"))
    if hours > 23 or minutes > 59:
        raise CliError(translate("cli", "not a time (HH:MM): '{text}'"), text=text)
    return time(hours, minutes)


def _plan(args: argparse.Namespace) -> _Plan | None:
    """The new trip asked for (None with --trip); raises CliError on bad input."""
    given = [
        opt
        for opt, value in (
            ("--customers", args.customers),
            ("--date", args.date),
            ("--start", args.start),
            ("--minutes", args.minutes),
            ("--name", args.name),
        )
        if value is not None
    ]
    if args.trip is not None:
        if given:
            raise CliError(
                translate("cli", "--trip reuses a stored trip as it is: leave out {option}"),
                option=given[0],
            )
        if not args.trip.strip():
            raise CliError(translate("cli", "--trip needs the name of a stored trip"))
        return None
    if args.customers is None or args.date is None:
        raise CliError(
            translate("cli", "give --customers NUM[,NUM…] and --date YYYY-MM-DD (or --trip NAME)")
        )
    numbers = [n.strip() for n in args.customers.split(",")]
    if not all(numbers):
        raise CliError(
            translate("cli", "--customers has an empty entry: '{customers}'"),
            customers=args.customers,
        )
    if len(numbers) > MAX_STOPS:
        raise CliError(
            translate("cli", "a trip has at most {most} customers (got {count})"),
            most=MAX_STOPS,
            count=len(numbers),
        )
    seen: set[str] = set()
    for n in numbers:
        if n in seen:
            raise CliError(translate("cli", "customer {number} is listed twice"), number=n)
        seen.add(n)
    try:
        day = parse_day(args.date)
    except ValueError as exc:
        raise CliError(str(exc)) from None  # parse_day's line is translated
    minutes = DEFAULT_MINUTES if args.minutes is None else args.minutes
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise CliError(
            translate("cli", "--minutes must be {low} to {high} (got {minutes})"),
            low=MIN_MINUTES,
            high=MAX_MINUTES,
            minutes=minutes,
        )
    if args.name is not None and not args.name.strip():
        raise CliError(translate("cli", "--name must not be empty"))
    start = DEFAULT_START if args.start is None else parse_time(args.start)
    return _Plan(numbers, day, start, minutes, args.name.strip() if args.name else None)


def _build(repo: Repository, plan: _Plan, lang: str) -> Trip:
    """The new trip, checked against the file (customers exist, name free)."""
    customers = repo.load_customers()
    chosen: list[Customer] = []
    for ref in plan.numbers:
        try:
            chosen.append(find_customer(customers, ref))
        except ValueError as exc:
            raise CliError(error_line(exc)) from None
    if len({c.uuid for c in chosen}) != len(chosen):
        raise CliError(translate("cli", "the same customer is listed twice"))
    taken = [t.name for t in trip_store.list_trips(repo)]
    if plan.name is not None:
        name = plan.name
        if name.casefold() in {t.casefold() for t in taken}:
            raise CliError(
                translate(
                    "cli", "a trip named '{name}' exists already; use --trip '{name}' to reuse it"
                ),
                name=name,
            )
    else:
        name = unique_name(trip_label("default_name", lang, day=plan.day.isoformat()), taken)
    return Trip(
        name=name,
        day=plan.day,
        start=plan.start,
        stops=tuple(TripStop(c.uuid, plan.minutes) for c in chosen),
    )


def _check_outputs(args: argparse.Namespace) -> None:
    outs = [o for o in (args.pdf, args.ics) if o is not None]
    for out in outs:
        if out.exists() and out.is_dir():
            raise CliError(translate("cli", "{path} is a folder, not a file"), path=out)
        check_output(out, args.overwrite)
        if args.file.exists() and out.exists() and out.resolve() == args.file.resolve():
            raise CliError(
                translate("cli", "{path} is the matrix file itself; choose another output name"),
                path=out,
            )
    if len(outs) == 2 and outs[0].resolve() == outs[1].resolve():
        raise CliError(translate("cli", "--pdf and --ics name the same file"))


def _needs_migration(path: Path) -> bool:
    return read_header(path)[1] < SCHEMA_VERSION


def run(args: argparse.Namespace) -> int:
    if not args.file.exists():
        raise FileMissingError(msg("file_missing", path=str(args.file)))
    plan = _plan(args)
    _check_outputs(args)
    args.lang = chosen(args.lang)
    options = ExportOptions(
        orientation=Orientation.PORTRAIT, customer_safe=args.customer_safe, lang=args.lang
    )

    if plan is None:  # reuse: nothing is written to the matrix file
        with Repository.open(args.file, read_only=True) as repo:
            trip = trip_store.trip_by_name(repo, args.trip)
            if trip is None:
                raise CliError(
                    translate("cli", "no trip named '{name}' in {file}"),
                    name=args.trip,
                    file=args.file.name,
                )
            return _write(args, repo, trip, options, created=False)

    # Check everything read-only first (a file in an older format is checked after its
    # migration, which the writable open does anyway).
    if not _needs_migration(args.file):
        with Repository.open(args.file, read_only=True) as repo:
            _build(repo, plan, args.lang)
    with Repository.open(args.file) as repo:
        if repo.read_only:
            raise CliError(
                translate("cli", "{file} cannot be written ({reason})"),
                file=args.file,
                reason=repo.read_only_reason,
            )
        trip = trip_store.add_trip(repo, _build(repo, plan, args.lang))
        return _write(args, repo, trip, options, created=True)


def _write(
    args: argparse.Namespace, repo: Repository, trip: Trip, options: ExportOptions, created: bool
) -> int:
    from kpm_desktop.import_export.trip_data import trip_from_repository

    customers = trip_store.customers_by_uuid(repo)
    visits = schedule(trip, customers)
    verb = "created" if created else "reused"
    print(f"trip {trip.name!r} {verb}: {trip.day.isoformat()}, {len(visits)} visit(s)")
    for v in visits:
        print(f"  {v.start:%H:%M}-{v.end:%H:%M}  {v.customer.name} ({v.customer.number})")
    if args.pdf is None and args.ics is None:
        return 0
    snap = trip_from_repository(repo, trip, options)
    try:
        if args.pdf is not None:
            from kpm_desktop.report.qt_app import ensure_gui_app
            from kpm_desktop.report.trip_pack import write_trip_pack

            ensure_gui_app()
            pages = write_trip_pack(snap, args.pdf)
            print(f"wrote {args.pdf}: trip pack, {pages} pages")
        if args.ics is not None:
            from kpm_desktop.import_export.trip_ics import write_trip_ics

            events = write_trip_ics(snap, args.ics)
            print(f"wrote {args.ics}: {events} calendar event(s)")
    except OSError as exc:
        if created:
            text = translate(
                "cli",
                "the trip '{name}' is saved in {file}, but an output file could not be "
                "written ({problem}); check the folder and try again with --trip '{name}'",
            )
        else:
            text = translate(
                "cli",
                "an output file could not be written ({problem}); check the folder and try "
                "again with --trip '{name}'",
            )
        raise CliError(text, name=trip.name, file=args.file.name, problem=error_line(exc)) from None
    return 0
