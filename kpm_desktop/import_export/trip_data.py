"""Plain data of one trip for its printed pack (``report/trip_pack.py``) and calendar file
(``import_export/trip_ics.py``): the schedule and, per visit, the visit one-pager's data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from kpm_desktop.domain.entities import stored_id
from kpm_desktop.domain.trips import Question, ScheduledVisit, Trip, ask_list, schedule
from kpm_desktop.import_export.export_model import ExportOptions
from kpm_desktop.import_export.visit_data import VisitSnapshot, visit_from_repository
from kpm_desktop.storage import trips as trip_store
from kpm_desktop.storage.repository import Repository


@dataclass(slots=True)
class TripVisit:
    scheduled: ScheduledVisit
    sheet: VisitSnapshot  # the visit one-pager's data
    questions: list[Question]  # the whole ask-list, in asking order


@dataclass(slots=True)
class TripSnapshot:
    trip: Trip
    file_name: str
    options: ExportOptions
    visits: list[TripVisit]
    missing: int  # stops whose customer no longer exists
    exported_at: datetime
    today: date


def prep_day(trip: Trip, today: date) -> date:
    """The day questions are judged on: the trip's day, or today for a past trip."""
    return max(trip.day, today)


def trip_from_repository(
    repo: Repository, trip: Trip, options: ExportOptions, *, today: date | None = None
) -> TripSnapshot:
    today = today or date.today()
    day = prep_day(trip, today)
    customers = trip_store.customers_by_uuid(repo)
    visits = []
    for sv in schedule(trip, customers):
        sheet = visit_from_repository(repo, stored_id(sv.customer), options, today=day)
        visits.append(TripVisit(sv, sheet, ask_list(sheet.prep)))
    return TripSnapshot(
        trip=trip,
        file_name=repo.path.name,
        options=options,
        visits=visits,
        missing=len(trip.stops) - len(visits),
        exported_at=datetime.now(UTC).replace(microsecond=0),
        today=today,
    )


def load_trip(
    path: Path | str, trip_id: int, options: ExportOptions, *, today: date | None = None
) -> TripSnapshot:
    """The trip's data through an own read-only connection (safe on a worker thread).

    Raises:
        KeyError: the trip does not exist (any more).
    """
    with Repository.open(Path(path), read_only=True) as repo:
        trip = trip_store.get_trip(repo, trip_id)
        if trip is None:
            raise KeyError(trip_id)
        return trip_from_repository(repo, trip, options, today=today)
