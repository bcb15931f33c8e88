"""A trip as an iCalendar file (RFC 5545, written with the ``icalendar`` library).

One VEVENT per visit: start and end in UTC (converted from the rep's local wall-clock time
with the computer's time zone rules for that day, so no client guesses a zone), the
customer's address as LOCATION, the ask-list in the DESCRIPTION.

Re-exporting updates instead of duplicating: the UID of a visit is made of the trip's and
the customer's UUIDs (both stable in the file), and SEQUENCE is the trip's revision, which
grows with every stored change, so Outlook, Thunderbird and Google Calendar replace the
event they imported before. A visit removed from the trip is written once more, as a
cancelled event (STATUS:CANCELLED, same UID, the higher SEQUENCE, the times it had), so those
calendars remove it instead of keeping a visit that no longer happens.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from icalendar import Calendar, Event

from kpm_desktop import __version__
from kpm_desktop.domain.trips import address_line
from kpm_desktop.import_export.trip_data import TripSnapshot
from kpm_desktop.import_export.trip_labels import question_text, trip_label

PRODID = f"-//KPM Desktop//Visit trips {__version__}//EN"
UID_DOMAIN = "kpm-desktop.invalid"
MAX_DESCRIPTION_QUESTIONS = 25


def visit_uid(trip_uuid: str, customer_uuid: str) -> str:
    return f"{trip_uuid}.{customer_uuid}@{UID_DOMAIN}"


def _utc(local: datetime) -> datetime:
    """A naive local time as UTC (the system's rules for that date, DST included)."""
    return local.astimezone().astimezone(UTC)


def trip_calendar(snapshot: TripSnapshot, *, now: datetime | None = None) -> Calendar:
    trip = snapshot.trip
    opts = snapshot.options
    lang, safe = opts.lang, opts.customer_safe
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{trip_label('trip', lang)}: {trip.name}")
    for v in snapshot.visits:
        c = v.scheduled.customer
        event = Event()
        event.add("uid", visit_uid(trip.uuid, c.uuid))
        event.add("dtstamp", stamp)
        event.add("sequence", trip.revision)
        event.add("dtstart", _utc(v.scheduled.start))
        event.add("dtend", _utc(v.scheduled.end))
        number = f" ({c.number})" if c.number else ""
        event.add("summary", f"{trip_label('visit', lang)}: {c.name}{number}")
        place = address_line(c)
        if place:
            event.add("location", place)
        lines = [f"{trip_label('trip', lang)}: {trip.name}", "", f"{trip_label('ask', lang)}:"]
        questions = v.questions[:MAX_DESCRIPTION_QUESTIONS]
        lines += [f"- {question_text(q, lang, customer_safe=safe)}" for q in questions]
        if not v.questions:
            lines.append(f"- {trip_label('no_questions', lang)}")
        elif len(v.questions) > len(questions):
            lines.append(trip_label("more_questions", lang, n=len(v.questions) - len(questions)))
        event.add("description", "\n".join(lines))
        event.add("categories", [trip_label("trip", lang)])
        event.add("transp", "OPAQUE")
        event.add("status", "CONFIRMED")
        cal.add_component(event)
    on_trip = set(trip.customer_uuids)
    for removed in trip.removed:
        if removed.customer_uuid in on_trip:
            continue
        event = Event()
        event.add("uid", visit_uid(trip.uuid, removed.customer_uuid))
        event.add("dtstamp", stamp)
        event.add("sequence", trip.revision)
        event.add("dtstart", _utc(removed.start))
        event.add("dtend", _utc(removed.end))
        event.add("summary", f"{trip_label('cancelled', lang)}: {removed.name}")
        event.add("status", "CANCELLED")
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal


def write_trip_ics(snapshot: TripSnapshot, path: Path | str) -> int:
    """Write the calendar file (replaced only when complete); returns the number of visits
    (cancelled events of removed visits not counted)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(f"folder {path.parent} does not exist")
    data = trip_calendar(snapshot).to_ical()
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    finally:
        if partial.exists():
            partial.unlink()
    return len(snapshot.visits)
