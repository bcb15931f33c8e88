"""Reading and writing visit trips (tables ``trips`` and ``trip_stops``, migration 4).

Every write is one transaction through ``Repository.transaction()``; the write functions
return what undo needs (the previous trip), like the repository's own writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from kpm_desktop.domain.entities import Customer, Note, stored_id
from kpm_desktop.domain.history_diff import CellDiff, diff_keyed
from kpm_desktop.domain.trips import (
    RemovedVisit,
    Trip,
    TripError,
    TripStop,
    schedule,
    validate,
)
from kpm_desktop.storage import history
from kpm_desktop.storage.convert import ts_to_db, utc_now
from kpm_desktop.storage.repository import Repository

_COLS = "id, uuid, name, trip_date, start_time, travel_minutes, revision"


def _time_to_db(value: time) -> str:
    return value.strftime("%H:%M")


def _time_from_db(value: str) -> time:
    return time.fromisoformat(value)


def _stops(repo: Repository, trip_ids: Sequence[int]) -> dict[int, list[TripStop]]:
    out: dict[int, list[TripStop]] = {tid: [] for tid in trip_ids}
    if not trip_ids:
        return out
    marks = ",".join("?" * len(trip_ids))
    for tid, uuid, minutes in repo.conn.execute(
        f"SELECT trip_id, customer_uuid, minutes FROM trip_stops WHERE trip_id IN ({marks}) "
        "ORDER BY trip_id, position",
        list(trip_ids),
    ):
        out[tid].append(TripStop(uuid, minutes))
    return out


def _removed(repo: Repository, trip_ids: Sequence[int]) -> dict[int, list[RemovedVisit]]:
    out: dict[int, list[RemovedVisit]] = {tid: [] for tid in trip_ids}
    if not trip_ids:
        return out
    marks = ",".join("?" * len(trip_ids))
    for tid, uuid, name, start, end in repo.conn.execute(
        "SELECT trip_id, customer_uuid, name, start_at, end_at FROM trip_removed_visits "
        f"WHERE trip_id IN ({marks}) ORDER BY trip_id, start_at, customer_uuid",
        list(trip_ids),
    ):
        out[tid].append(
            RemovedVisit(uuid, name, datetime.fromisoformat(start), datetime.fromisoformat(end))
        )
    return out


def _trips(repo: Repository, where: str = "", params: Sequence[Any] = ()) -> list[Trip]:
    rows = repo.conn.execute(
        f"SELECT {_COLS} FROM trips {where} ORDER BY trip_date DESC, start_time, name",
        list(params),
    ).fetchall()
    stops = _stops(repo, [r[0] for r in rows])
    removed = _removed(repo, [r[0] for r in rows])
    return [
        Trip(
            id=r[0],
            uuid=r[1],
            name=r[2],
            day=date.fromisoformat(r[3]),
            start=_time_from_db(r[4]),
            travel_minutes=r[5],
            revision=r[6],
            stops=tuple(stops[r[0]]),
            removed=tuple(removed[r[0]]),
        )
        for r in rows
    ]


def list_trips(repo: Repository) -> list[Trip]:
    """All trips, newest day first."""
    return _trips(repo)


def get_trip(repo: Repository, trip_id: int) -> Trip | None:
    found = _trips(repo, "WHERE id = ?", (trip_id,))
    return found[0] if found else None


def trip_by_name(repo: Repository, name: str) -> Trip | None:
    """The trip of that name (case-insensitive), or None."""
    found = _trips(repo, "WHERE name = ? COLLATE NOCASE", (name.strip(),))
    return found[0] if found else None


def _check_name(conn: sqlite3.Connection, trip: Trip) -> None:
    row = conn.execute(
        "SELECT id FROM trips WHERE name = ? COLLATE NOCASE AND id IS NOT ?",
        (trip.name.strip(), trip.id),
    ).fetchone()
    if row is not None:
        raise TripError(f"a trip named {trip.name.strip()!r} exists already")


def _write_stops(conn: sqlite3.Connection, trip_id: int, stops: Sequence[TripStop]) -> None:
    conn.execute("DELETE FROM trip_stops WHERE trip_id = ?", (trip_id,))
    conn.executemany(
        "INSERT INTO trip_stops (trip_id, position, customer_uuid, minutes) VALUES (?, ?, ?, ?)",
        [(trip_id, i, s.customer_uuid, s.minutes) for i, s in enumerate(stops)],
    )


def add_trip(repo: Repository, trip: Trip) -> Trip:
    """Insert a trip (with its own id again when it has one: redo after undo).

    Raises:
        TripError: invalid trip or a name that is taken.
    """
    validate(trip)
    trip = replace(trip, name=trip.name.strip())
    stamp = ts_to_db(utc_now())
    with repo.transaction() as conn:
        _check_name(conn, replace(trip, id=None))
        cur = conn.execute(
            "INSERT INTO trips (id, uuid, name, trip_date, start_time, travel_minutes, revision, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                trip.id,
                trip.uuid,
                trip.name,
                trip.day.isoformat(),
                _time_to_db(trip.start),
                trip.travel_minutes,
                trip.revision,
                stamp,
                stamp,
            ),
        )
        trip_id = cur.lastrowid
        assert trip_id is not None
        _write_stops(conn, trip_id, trip.stops)
    return replace(trip, id=trip_id)


def update_trip(repo: Repository, trip: Trip) -> Trip:
    """Store a changed trip (revision + 1); returns the previous state (for undo).

    Raises:
        KeyError: no such trip. TripError: invalid trip or a name that is taken.
    """
    assert trip.id is not None
    old = get_trip(repo, trip.id)
    if old is None:
        raise KeyError(trip.id)
    validate(trip)
    new = replace(trip, name=trip.name.strip(), revision=max(trip.revision, old.revision) + 1)
    write_trip(repo, new)
    return old


def _customers_of(repo: Repository, uuids: Sequence[str]) -> dict[str, Customer]:
    wanted = set(uuids)
    return {c.uuid: c for c in repo.load_customers() if c.uuid in wanted}


def _note_removed(repo: Repository, conn: sqlite3.Connection, trip: Trip) -> None:
    """Keep the visits that ``trip`` no longer has (with their last times) for the calendar's
    cancelled events; a customer put back on the trip is no longer removed."""
    assert trip.id is not None
    old = get_trip(repo, trip.id)
    if old is None:
        return
    staying = set(trip.customer_uuids)
    gone = [u for u in old.customer_uuids if u not in staying]
    if gone:
        customers = _customers_of(repo, old.customer_uuids)
        conn.executemany(
            "INSERT OR REPLACE INTO trip_removed_visits "
            "(trip_id, customer_uuid, name, start_at, end_at) VALUES (?, ?, ?, ?, ?)",
            [
                (trip.id, v.customer.uuid, v.customer.name, v.start.isoformat(),
                 v.end.isoformat())
                for v in schedule(old, customers)
                if v.customer.uuid in gone
            ],
        )  # fmt: skip
    conn.executemany(
        "DELETE FROM trip_removed_visits WHERE trip_id = ? AND customer_uuid = ?",
        [(trip.id, u) for u in staying],
    )


def write_trip(repo: Repository, trip: Trip) -> None:
    """Overwrite a stored trip with exactly this state (undo passes the previous state).

    Visits the stored trip had and ``trip`` has not are kept as removed visits (the
    calendar export cancels their events); undo, which writes the previous state, brings
    them back and makes the visits the edit added the removed ones.
    """
    trip = replace(trip, name=trip.name.strip())
    assert trip.id is not None
    with repo.transaction() as conn:
        _note_removed(repo, conn, trip)
        _check_name(conn, trip)
        cur = conn.execute(
            "UPDATE trips SET uuid = ?, name = ?, trip_date = ?, start_time = ?, "
            "travel_minutes = ?, revision = ?, updated_at = ? WHERE id = ?",
            (
                trip.uuid,
                trip.name,
                trip.day.isoformat(),
                _time_to_db(trip.start),
                trip.travel_minutes,
                trip.revision,
                ts_to_db(utc_now()),
                trip.id,
            ),
        )
        if cur.rowcount != 1:
            raise KeyError(trip.id)
        _write_stops(conn, trip.id, trip.stops)


def delete_trip(repo: Repository, trip_id: int) -> Trip:
    """Delete a trip and its stops; returns it (undo adds it back with the same id)."""
    old = get_trip(repo, trip_id)
    if old is None:
        raise KeyError(trip_id)
    with repo.transaction() as conn:
        conn.execute("DELETE FROM trips WHERE id = ?", (trip_id,))
    return old


def customers_by_uuid(repo: Repository) -> dict[str, Customer]:
    return {c.uuid: c for c in repo.load_customers()}


@dataclass(slots=True)
class VisitChanges:
    """What changed at one customer of a trip since a moment (the debrief's summary)."""

    customer: Customer
    cells: list[CellDiff]  # net mark changes (undone edits are no change), like `kpm diff`
    confirmed: list[int]  # product ids confirmed as still true (verified, mark unchanged)
    notes: list[Note]  # notes written or edited since then

    @property
    def empty(self) -> bool:
        return not (self.cells or self.confirmed or self.notes)


def trip_changes(repo: Repository, trip: Trip, since: datetime) -> list[VisitChanges]:
    """Per visit of the trip (in visit order): mark changes, confirmations and notes since
    ``since`` (aware). The mark changes are exactly ``kpm diff FILE --since <since>`` for
    these customers."""
    customers = customers_by_uuid(repo)
    visits = [customers[u] for u in trip.customer_uuids if u in customers]
    ids = {stored_id(c) for c in visits}
    diff = diff_keyed(history.keyed_history_between_times(repo, since), ids)
    by_customer = diff.by_customer()
    stamp = ts_to_db(since)
    out = []
    for c in visits:
        assert c.id is not None
        cells = by_customer.get(c.id, [])
        changed = {d.product_id for d in cells}
        confirmed = [
            pid
            for pid, rec in repo.cells_of_customer(c.id).items()
            if rec.verified_at is not None and rec.verified_at >= since and pid not in changed
            and (rec.updated_at is None or rec.updated_at < since)
        ]  # fmt: skip
        added = {
            r[0]
            for r in repo.conn.execute(
                "SELECT id FROM notes WHERE customer_id = ? AND (created_at >= ? OR "
                "updated_at >= ?)",
                (c.id, stamp, stamp),
            )
        }
        notes = [n for n in repo.notes_for(c.id) if n.id in added]
        out.append(VisitChanges(c, list(cells), sorted(confirmed), notes))
    return out
