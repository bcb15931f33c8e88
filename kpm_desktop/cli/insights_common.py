"""Options and text shared by ``kpm insights``, ``kpm diff`` and ``kpm snapshot``."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time
from pathlib import Path

from kpm_desktop.cli import CliError
from kpm_desktop.cli.i18n import translate
from kpm_desktop.domain.insights import NextStep, Reason
from kpm_desktop.domain.key_accounts import KeyAccounts
from kpm_desktop.domain.lookalike import Hint
from kpm_desktop.domain.matrix import Matrix


def add_subset_options(p: argparse.ArgumentParser) -> None:
    """Customer filters: the headless counterpart of the GUI's filter bar (AND-combined)."""
    p.add_argument("--region", action="append", help="only customers of this region (repeatable)")
    p.add_argument("--segment", action="append", help="only customers of this segment")
    p.add_argument("--owner", action="append", help="only customers of this owner")


def subset_rows(matrix: Matrix, args: argparse.Namespace) -> list[int] | None:
    """Matrix rows selected by the subset options (None = all customers).

    Key accounts' own rows are left out, as in the matrix window: a key account's figures
    are its sites'.
    """
    filters = [
        (dim, set(getattr(args, dim)))
        for dim in ("region", "segment", "owner")
        if getattr(args, dim)
    ]
    ka = KeyAccounts.build(matrix.customers)
    if not filters:
        return ka.members() if ka else None
    return [
        i
        for i, c in enumerate(matrix.customers)
        if all(getattr(c, dim) in values for dim, values in filters) and not ka.is_group(i)
    ]


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            translate("cli", "not a date (YYYY-MM-DD): '{text}'").format(text=text)
        ) from None


def parse_moment(text: str, *, end_of_day: bool = False) -> datetime:
    """A date (start of that local day; the next day's start with ``end_of_day``) or an ISO
    date-time (local time unless it names a zone)."""
    text = text.strip()
    if len(text) == 10:
        day = parse_day(text)
        if end_of_day:
            day = date.fromordinal(day.toordinal() + 1)
        return datetime.combine(day, time(0)).astimezone()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            translate("cli", "not a date or date-time: '{text}'").format(text=text)
        ) from None
    return moment if moment.tzinfo else moment.astimezone()


def check_output(path: Path, overwrite: bool) -> None:
    if path.exists() and not overwrite:
        raise CliError(
            translate("cli", "{path} exists already (use --overwrite to replace it)"), path=path
        )
    if not path.parent.is_dir():
        raise CliError(translate("cli", "folder {folder} does not exist"), folder=path.parent)


def money(value: float) -> str:
    return f"{value:,.0f}"


def reason_text(matrix: Matrix, reason: Reason, segment: str) -> str:
    """English one-liner for a reason (the GUI formats its own, translated)."""
    names = [matrix.products[j].name for j in reason.cols[:3]]
    more = ", ..." if len(reason.cols) > 3 else ""
    value = f", open value {money(reason.value)}" if reason.value else ""
    if reason.kind == "needs":
        return f"{reason.count} need(s){value}: {', '.join(names)}{more}"
    if reason.kind == "renewals":
        return (
            f"{reason.count} competitor contract(s) ending, next {reason.next_date}{value}: "
            f"{', '.join(names)}{more}"
        )
    buying, peers = reason.evidence[0]
    return (
        f"{reason.count} white spot(s) that most {segment or 'other'} customers buy from us"
        f"{value}: {names[0]} ({buying} of {peers}){', ' if len(names) > 1 else ''}"
        f"{', '.join(names[1:])}{more}"
    )


def hint_text(matrix: Matrix, hint: Hint) -> str:
    return (
        f"{hint.support} of {hint.neighbours} similar customers buy "
        f"{matrix.products[hint.col].name} from us"
    )


def step_texts(matrix: Matrix, step: NextStep) -> list[str]:
    seg = matrix.customers[step.row].segment
    return [reason_text(matrix, r, seg) for r in step.reasons]
