"""Visit trips ("Besuchstouren"): a day's ordered customer visits, scheduled and asked about.

A trip is a name, a day, a start time, the gap for travelling between two visits and an
ordered list of stops (customer and visit duration). Times are *local* wall-clock times of the
rep; ``schedule`` turns the trip into start/end times per visit:

* the first visit starts at the trip's start time;
* every visit lasts its own duration; the next one starts ``travel_minutes`` after it ends.

Stops name customers by UUID, not by row id: a customer deleted and restored by undo keeps its
UUID (and the stop comes back with it), and a later customer never inherits an old stop. Stops
whose customer no longer exists are skipped.

"Order by postcode" is a simple proximity: German postcodes (and most others) are assigned
region by region, so sorting by postcode digits groups nearby customers; customers without a
postcode go last, sorted by city.

The **ask-list** of a customer is its visit preparation's questions (``domain.visit_prep``)
in the order a rep should raise them: competitor contracts ending (soonest first: time
runs out), needs without a goal (largest potential first), white spots (group order), stale
answers (oldest first). The day's list prints the first three of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from kpm_desktop.domain.entities import Customer, Product, new_uuid
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.visit_prep import VisitPreparation

DEFAULT_START = time(8, 0)
DEFAULT_MINUTES = 60
DEFAULT_TRAVEL_MINUTES = 30
MIN_MINUTES, MAX_MINUTES = 5, 600  # one visit
MAX_TRAVEL_MINUTES = 600
MAX_STOPS = 50
TOP_QUESTIONS = 3


@dataclass(frozen=True, slots=True)
class TripStop:
    customer_uuid: str
    minutes: int = DEFAULT_MINUTES


@dataclass(frozen=True, slots=True)
class RemovedVisit:
    """A visit taken off the trip after it may have gone into a calendar.

    The calendar export writes it as a cancelled event (same UID, higher SEQUENCE), so
    Outlook, Thunderbird and Google Calendar remove the event they imported; it keeps the
    times and name the visit had when it was removed (naive local times).
    """

    customer_uuid: str
    name: str
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class Trip:
    name: str
    day: date
    start: time = DEFAULT_START
    stops: tuple[TripStop, ...] = ()
    travel_minutes: int = DEFAULT_TRAVEL_MINUTES
    revision: int = 0  # bumped on every stored change (the calendar's SEQUENCE)
    id: int | None = None
    uuid: str = field(default_factory=new_uuid)
    # Visits removed from the trip (kept by storage; not part of what a trip *is*).
    removed: tuple[RemovedVisit, ...] = field(default=(), compare=False)

    @property
    def customer_uuids(self) -> tuple[str, ...]:
        return tuple(s.customer_uuid for s in self.stops)


class TripError(ValueError):
    """A trip that cannot be stored (one line for the user, in English; callers translate)."""


def validate(trip: Trip) -> None:
    """Raise ``TripError`` for an empty name, no stops, a repeated customer or bad minutes."""
    if not trip.name.strip():
        raise TripError("the trip needs a name")
    if not trip.stops:
        raise TripError("the trip has no customers")
    if len(trip.stops) > MAX_STOPS:
        raise TripError(f"a trip has at most {MAX_STOPS} customers")
    seen: set[str] = set()
    for s in trip.stops:
        if s.customer_uuid in seen:
            raise TripError("a customer is on the trip twice")
        seen.add(s.customer_uuid)
        if not MIN_MINUTES <= s.minutes <= MAX_MINUTES:
            raise TripError(
                f"a visit lasts {MIN_MINUTES} to {MAX_MINUTES} minutes (not {s.minutes})"
            )
    if not 0 <= trip.travel_minutes <= MAX_TRAVEL_MINUTES:
        raise TripError(f"travel time between visits is 0 to {MAX_TRAVEL_MINUTES} minutes")


@dataclass(frozen=True, slots=True)
class ScheduledVisit:
    position: int  # 0-based, among the visits that exist
    customer: Customer
    start: datetime  # naive local time
    end: datetime
    minutes: int


def schedule(trip: Trip, customers: Mapping[str, Customer]) -> list[ScheduledVisit]:
    """The trip's visits with local start/end times (stops of missing customers skipped)."""
    at = datetime.combine(trip.day, trip.start)
    out: list[ScheduledVisit] = []
    for stop in trip.stops:
        customer = customers.get(stop.customer_uuid)
        if customer is None:
            continue
        end = at + timedelta(minutes=stop.minutes)
        out.append(ScheduledVisit(len(out), customer, at, end, stop.minutes))
        at = end + timedelta(minutes=trip.travel_minutes)
    return out


def trip_start(trip: Trip) -> datetime:
    """Local start of the trip (naive)."""
    return datetime.combine(trip.day, trip.start)


def _postcode_key(postcode: str) -> tuple[int, str]:
    digits = re.sub(r"\D", "", postcode)
    return (0, digits.ljust(10, "0")) if digits else (1, "")


def order_by_postcode(customers: Iterable[Customer]) -> list[Customer]:
    """Customers sorted by postcode (a simple proximity), those without one last by city."""
    return sorted(
        customers,
        key=lambda c: (*_postcode_key(c.postcode), c.city.casefold(), c.name.casefold()),
    )


def place_line(customer: Customer) -> str:
    """Where the customer is, short: "postcode city" (what is known of it)."""
    return " ".join(p for p in (customer.postcode.strip(), customer.city.strip()) if p)


def address_line(customer: Customer) -> str:
    """The customer's address on one line: "street, postcode city" (what is known of it)."""
    return ", ".join(p for p in (customer.street.strip(), place_line(customer)) if p)


# -- the ask-list ---------------------------------------------------------------------------------
RENEWAL, NEED, WHITE_SPOT, STALE = "renewal", "need", "white_spot", "stale"


@dataclass(frozen=True, slots=True)
class Question:
    """One thing to ask: ``kind`` (see constants), the product and what is known."""

    kind: str
    product: Product
    mark: Mark | None = None  # the stored mark (stale answers)
    competitor: str = ""  # renewals: the competitor's name ("" = not named)
    day: date | None = None  # renewals: contract end; stale: last verified
    potential: float | None = None  # needs
    group: str = ""  # white spots: product group name


def ask_list(prep: VisitPreparation) -> list[Question]:
    """All questions of a visit preparation in asking order (module docstring)."""
    out: list[Question] = [
        Question(RENEWAL, r.product, Mark.COMPETITOR, r.competitor_name, r.contract_end)
        for r in prep.renewals
    ]
    needs = sorted(
        prep.needs_without_goal,
        key=lambda n: (-(n.potential or 0.0), n.product.name.casefold()),
    )
    out.extend(Question(NEED, n.product, Mark.NEED, potential=n.potential) for n in needs)
    for g in prep.white_spots:
        out.extend(Question(WHITE_SPOT, p, group=g.group_name) for p in g.products)
    out.extend(
        Question(
            STALE,
            s.product,
            s.mark,
            day=s.verified_at.date() if s.verified_at is not None else None,
        )
        for s in prep.stale_cells
    )
    return out


def top_questions(prep: VisitPreparation, limit: int = TOP_QUESTIONS) -> list[Question]:
    return ask_list(prep)[:limit]


def unique_name(wanted: str, taken: Sequence[str]) -> str:
    """``wanted``, or ``wanted (2)``, ``(3)``… when another trip has that name (any case)."""
    names = {t.casefold() for t in taken}
    if wanted.casefold() not in names:
        return wanted
    k = 2
    while f"{wanted} ({k})".casefold() in names:
        k += 1
    return f"{wanted} ({k})"


def time_span(start: datetime, end: datetime) -> str:
    """ "08:30–09:15" (24-hour clock, as on the printed day plan and in the planner)."""
    return f"{start:%H:%M}\u2013{end:%H:%M}"
