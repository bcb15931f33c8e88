"""Undoable trip edits: add, change and delete a visit trip, each one step on the workspace's
undo stack (the same stack as the marks), written to the file at once.

``TripData`` (one per workspace, like ``CustomerData``) tells views that the trips changed.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Signal

from kpm_desktop.domain.trips import Trip, validate
from kpm_desktop.storage import trips as trip_store
from kpm_desktop.workspace.commands import WorkspaceCommand
from kpm_desktop.workspace.workspace import Workspace


class TripData(QObject):
    """Signals: trips_changed(trip id or 0 for "several")."""

    trips_changed = Signal(int)

    def __init__(self, ws: Workspace) -> None:
        super().__init__(ws)
        self.ws = ws

    def trips(self) -> list[Trip]:
        return trip_store.list_trips(self.ws.repo)

    def trip(self, trip_id: int) -> Trip | None:
        return trip_store.get_trip(self.ws.repo, trip_id)


def trip_data(ws: Workspace) -> TripData:
    """The workspace's ``TripData`` (created on first use)."""
    return ws.part(TripData)


class _TripCommand(WorkspaceCommand):
    def __init__(self, ws: Workspace, text: str) -> None:
        super().__init__(ws, text)
        self.data = trip_data(ws)

    def _changed(self, trip: Trip) -> None:
        self.data.trips_changed.emit(trip.id or 0)


class AddTripCommand(_TripCommand):
    def __init__(self, ws: Workspace, trip: Trip) -> None:
        super().__init__(
            ws,
            QCoreApplication.translate("trip_commands", "Plan trip “%1”").replace("%1", trip.name),
        )
        self.trip = trip

    def do(self) -> None:
        # First run: a new id; redo after undo: the same id again.
        self.trip = trip_store.add_trip(self.repo, self.trip)
        self._changed(self.trip)

    def undo_it(self) -> None:
        assert self.trip.id is not None
        trip_store.delete_trip(self.repo, self.trip.id)
        self._changed(self.trip)


class UpdateTripCommand(_TripCommand):
    def __init__(self, ws: Workspace, trip: Trip) -> None:
        super().__init__(
            ws,
            QCoreApplication.translate("trip_commands", "Edit trip “%1”").replace("%1", trip.name),
        )
        self._new = trip
        self._old: Trip | None = None

    def _write(self, state: Trip) -> Trip:
        """Write ``state`` with a revision above the stored one (undo is a change too: the
        calendar must take the restored times); returns the state it replaced."""
        assert state.id is not None
        current = trip_store.get_trip(self.repo, state.id)
        if current is None:
            raise KeyError(state.id)
        trip_store.write_trip(self.repo, replace(state, revision=current.revision + 1))
        self._changed(state)
        return current

    def do(self) -> None:
        validate(self._new)
        self._old = self._write(self._new)

    def undo_it(self) -> None:
        assert self._old is not None
        self._write(self._old)


class DeleteTripCommand(_TripCommand):
    def __init__(self, ws: Workspace, trip: Trip) -> None:
        super().__init__(
            ws,
            QCoreApplication.translate("trip_commands", "Delete trip “%1”").replace(
                "%1", trip.name
            ),
        )
        self.trip = trip

    def do(self) -> None:
        assert self.trip.id is not None
        self.trip = trip_store.delete_trip(self.repo, self.trip.id)
        self._changed(self.trip)

    def undo_it(self) -> None:
        trip_store.add_trip(self.repo, self.trip)
        self._changed(self.trip)


def add_trip(ws: Workspace, trip: Trip) -> Trip:
    """Store a new trip as one undo step; returns it with its id.

    Raises:
        TripError: invalid trip or name taken (nothing written, no undo step).
    """
    cmd = AddTripCommand(ws, trip)
    ws.push(cmd)
    return cmd.trip


def update_trip(ws: Workspace, trip: Trip) -> bool:
    """Store an edited trip as one undo step; False when nothing changed."""
    assert trip.id is not None
    stored = trip_store.get_trip(ws.repo, trip.id)
    if stored is not None and replace(stored, revision=trip.revision) == trip:
        return False
    ws.push(UpdateTripCommand(ws, trip))
    return True


def delete_trip(ws: Workspace, trip: Trip) -> None:
    ws.push(DeleteTripCommand(ws, trip))
