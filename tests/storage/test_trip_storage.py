"""Trips in the matrix file: the migration (on an older file, and killed half-way), storage."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, time
from pathlib import Path

import pytest

from kpm_desktop.domain.entities import Customer
from kpm_desktop.domain.trips import Trip, TripError, TripStop, schedule
from kpm_desktop.storage import trips as store
from kpm_desktop.storage.migrations import MIGRATIONS, SCHEMA_VERSION, _m004_trips
from kpm_desktop.storage.repository import Repository
from tests.helpers.schema import open_at_schema

TRIPS_INDEX = MIGRATIONS.index(_m004_trips)  # others' migrations may come before it


def _old_file(path: Path) -> None:
    """A file in the format right before the trips migration, with a customer in it."""
    conn = open_at_schema(path, TRIPS_INDEX)
    conn.execute(
        "INSERT INTO customers (uuid, name, number, city, postcode, created_at, updated_at) "
        "VALUES ('u-1', 'Alpha GmbH', '100', 'Kiel', '24103', '2026-01-01', '2026-01-01')"
    )
    conn.close()


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def test_trips_migration_upgrades_an_older_file(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _old_file(path)
    assert "trips" not in _tables(path)
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.list_trips(repo) == []
        customer = repo.load_customers()[0]
        trip = store.add_trip(
            repo, Trip("Nord", date(2026, 12, 8), stops=(TripStop(customer.uuid, 45),))
        )
        assert repo.verify() == []
    with Repository.open(path, read_only=True) as repo:
        assert store.get_trip(repo, trip.id) == trip  # type: ignore[arg-type]


_KILL_CHILD = textwrap.dedent(
    """
    import os, signal, sqlite3, sys
    from kpm_desktop.storage.migrations import MIGRATIONS
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    MIGRATIONS[int(sys.argv[2])](conn)  # tables created, not committed
    conn.execute("INSERT INTO trips (uuid, name, trip_date, created_at, updated_at) "
                 "VALUES ('t', 'half', '2026-12-08', 'x', 'x')")
    sys.stdout.write("migrated\\n"); sys.stdout.flush()
    if hasattr(signal, "SIGKILL"):
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(9)  # no clean-up, no commit (Windows)
    """
)


def test_trips_migration_killed_half_way_leaves_the_old_file_and_retries(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _old_file(path)
    proc = subprocess.run(
        [sys.executable, "-c", _KILL_CHILD, str(path), str(TRIPS_INDEX)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )
    assert proc.stdout == "migrated\n", proc.stderr
    assert proc.returncode in (-signal.SIGKILL if hasattr(signal, "SIGKILL") else 9, 9)
    # Nothing of the half-done migration is in the file: same version, no trips table.
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == TRIPS_INDEX
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert "trips" not in _tables(path)
    # The next open migrates for real and keeps the data.
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [c.name for c in repo.load_customers()] == ["Alpha GmbH"]
        assert store.list_trips(repo) == []
        assert repo.verify() == []


@pytest.fixture
def repo(tmp_path: Path):
    r = Repository.create(tmp_path / "t.kpm")
    r.add_customers(
        [
            Customer(name="Alpha", number="1", postcode="24103", city="Kiel"),
            Customer(name="Beta", number="2", postcode="20095", city="Hamburg"),
            Customer(name="Gamma", number="3", city="Bremen"),
        ]
    )
    yield r
    r.close()


def _uuids(repo: Repository) -> list[str]:
    return [c.uuid for c in repo.load_customers()]


def test_add_get_update_delete(repo: Repository) -> None:
    a, b, c = _uuids(repo)
    trip = store.add_trip(
        repo,
        Trip("  Tour Nord ", date(2026, 12, 8), time(8, 30), (TripStop(b, 45), TripStop(a, 90))),
    )
    assert trip.id is not None and trip.name == "Tour Nord"
    assert store.get_trip(repo, trip.id) == trip
    assert store.trip_by_name(repo, "tour nord") == trip
    with pytest.raises(TripError, match="exists already"):
        store.add_trip(repo, Trip("TOUR NORD", date(2026, 12, 9), stops=(TripStop(a),)))
    edited = Trip(
        "Tour Nord",
        date(2026, 12, 9),
        time(9, 0),
        (TripStop(c, 30), TripStop(a, 60), TripStop(b, 60)),
        travel_minutes=15,
        id=trip.id,
        uuid=trip.uuid,
    )
    old = store.update_trip(repo, edited)
    assert old == trip
    stored = store.get_trip(repo, trip.id)
    assert stored is not None and stored.revision == 1
    assert stored.stops == edited.stops and stored.travel_minutes == 15
    second = store.add_trip(repo, Trip("Tour Süd", date(2026, 12, 10), stops=(TripStop(c),)))
    assert [t.name for t in store.list_trips(repo)] == ["Tour Süd", "Tour Nord"]  # newest first
    gone = store.delete_trip(repo, trip.id)
    assert gone == stored
    assert store.list_trips(repo) == [second]
    assert repo.conn.execute("SELECT count(*) FROM trip_stops").fetchone()[0] == 1
    store.add_trip(repo, gone)  # undo: the same id and uuid again
    assert store.get_trip(repo, trip.id) == gone
    assert repo.verify() == []


@pytest.mark.parametrize(
    "trip, message",
    [
        (Trip(" ", date(2026, 1, 1), stops=(TripStop("x"),)), "name"),
        (Trip("T", date(2026, 1, 1)), "no customers"),
        (Trip("T", date(2026, 1, 1), stops=(TripStop("x"), TripStop("x"))), "twice"),
        (Trip("T", date(2026, 1, 1), stops=(TripStop("x", 0),)), "minutes"),
        (Trip("T", date(2026, 1, 1), stops=(TripStop("x"),), travel_minutes=-1), "travel"),
    ],
)
def test_invalid_trips_are_refused_and_nothing_is_written(
    repo: Repository, trip: Trip, message: str
) -> None:
    with pytest.raises(TripError, match=message):
        store.add_trip(repo, trip)
    assert repo.conn.execute("SELECT count(*) FROM trips").fetchone()[0] == 0


def test_stops_follow_customer_deletion_and_restore(repo: Repository) -> None:
    a, b, _c = _uuids(repo)
    trip = store.add_trip(repo, Trip("T", date(2026, 12, 8), stops=(TripStop(a), TripStop(b))))
    customers = repo.load_customers()
    snap = repo.delete_customer(customers[0].id)  # type: ignore[arg-type]
    visits = schedule(store.get_trip(repo, trip.id), store.customers_by_uuid(repo))  # type: ignore[arg-type]
    assert [v.customer.name for v in visits] == ["Beta"]
    assert visits[0].start.time() == time(8, 0)
    repo.restore_customer(snap)
    visits = schedule(store.get_trip(repo, trip.id), store.customers_by_uuid(repo))  # type: ignore[arg-type]
    assert [v.customer.name for v in visits] == ["Alpha", "Beta"]
    assert repo.verify() == []


def test_removed_visits_are_kept_and_undo_swaps_them(tmp_path: Path) -> None:
    """A stop taken off a stored trip is kept (with its times) for the calendar's cancelled
    event; writing the previous state back (undo) restores it and removes the added one."""
    with Repository.create(tmp_path / "r.kpm") as repo:
        a, b, c = repo.add_customers([Customer(name=n) for n in ("A", "B", "C")])
        trip = store.add_trip(
            repo,
            Trip(
                "Tour", date(2026, 12, 8), time(8, 0), (TripStop(a.uuid, 60), TripStop(b.uuid, 30))
            ),
        )
        assert trip.removed == ()
        edited = store.get_trip(repo, trip.id)  # type: ignore[arg-type]
        assert edited is not None
        edited = Trip(
            edited.name, edited.day, edited.start, (TripStop(a.uuid, 60), TripStop(c.uuid, 45)),
            id=edited.id, uuid=edited.uuid,
        )  # fmt: skip
        old = store.update_trip(repo, edited)
        now = store.get_trip(repo, trip.id)  # type: ignore[arg-type]
        assert now is not None
        [gone] = now.removed
        assert (gone.customer_uuid, gone.name) == (b.uuid, "B")
        # B was second: 08:00-09:00, 30 min travel, 09:30-10:00.
        assert (gone.start.time(), gone.end.time()) == (time(9, 30), time(10, 0))
        store.write_trip(repo, old)  # what undo does
        back = store.get_trip(repo, trip.id)  # type: ignore[arg-type]
        assert back is not None and [r.customer_uuid for r in back.removed] == [c.uuid]
        store.delete_trip(repo, trip.id)  # type: ignore[arg-type]
        assert repo.conn.execute("SELECT count(*) FROM trip_removed_visits").fetchone()[0] == 0
