"""Trip edits are one undo step each, in the file at once; undo/redo restore the file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from kpm_desktop.domain.trips import Trip, TripError, TripStop
from kpm_desktop.storage import trips as store
from kpm_desktop.storage.repository import Repository
from kpm_desktop.workspace.trip_commands import add_trip, delete_trip, trip_data, update_trip
from kpm_desktop.workspace.workspace import Workspace


def _stored(path: Path) -> list[Trip]:
    with Repository.open(path, read_only=True) as repo:
        return store.list_trips(repo)


def test_add_edit_delete_undo_redo(qapp, demo_file: Path) -> None:
    ws = Workspace.open(demo_file)
    try:
        changes: list[int] = []
        trip_data(ws).trips_changed.connect(changes.append)
        uuids = [c.uuid for c in ws.matrix.customers[:3]]
        stack = ws.undo_stack
        trip = add_trip(ws, Trip("Nord", date(2026, 12, 8), stops=(TripStop(uuids[0]),)))
        assert stack.count() == 1 and stack.undoText() == "Plan trip “Nord”"
        assert [t.name for t in _stored(demo_file)] == ["Nord"]

        edited = replace(trip, start=time(9, 0), stops=tuple(TripStop(u, 30) for u in uuids))
        assert update_trip(ws, edited)
        assert not update_trip(ws, edited)  # nothing changed: no step
        assert stack.count() == 2
        after_edit = _stored(demo_file)[0]
        assert after_edit.stops == edited.stops and after_edit.revision == 1

        delete_trip(ws, after_edit)
        assert stack.count() == 3 and _stored(demo_file) == []

        stack.undo()  # delete undone: the same trip, same id
        assert _stored(demo_file) == [after_edit]
        stack.undo()  # edit undone: the old stops, a new revision (calendar must update)
        back = _stored(demo_file)[0]
        assert back.stops == trip.stops and back.start == trip.start and back.revision == 2
        stack.undo()  # add undone
        assert _stored(demo_file) == []
        for _ in range(3):
            stack.redo()
        assert _stored(demo_file) == []  # re-added, re-edited, re-deleted
        stack.undo()
        assert _stored(demo_file)[0].stops == edited.stops
        assert changes and all(c == trip.id for c in changes)

        with pytest.raises(TripError):
            add_trip(ws, Trip("nord", date(2026, 12, 9), stops=(TripStop(uuids[1]),)))
        assert stack.count() == 3  # a refused trip leaves no undo step
    finally:
        ws.close()
    assert _stored(demo_file)[0].stops == edited.stops  # reopened from disk
