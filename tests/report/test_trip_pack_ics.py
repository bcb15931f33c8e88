"""The trip pack PDF (page count and text through pdftotext) and the .ics parsed back."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time
from pathlib import Path

import icalendar
import pytest

from kpm_desktop.domain.trips import Trip, TripStop, address_line
from kpm_desktop.import_export.export_model import ExportOptions, Orientation
from kpm_desktop.import_export.trip_data import trip_from_repository
from kpm_desktop.import_export.trip_ics import visit_uid, write_trip_ics
from kpm_desktop.import_export.trip_labels import question_text
from kpm_desktop.report.trip_pack import write_trip_pack
from kpm_desktop.report.visit_sheet import write_visit_pdf
from kpm_desktop.storage import trips as store
from kpm_desktop.storage.repository import Repository
from tests.helpers.demo import DEMO_TODAY
from tests.helpers.pdf import pdf_page_count, pdf_text

NUMBERS = ("100000", "100037", "100074")


def _trip(repo: Repository, name: str = "Tour Nord") -> Trip:
    by_number = {c.number: c for c in repo.load_customers()}
    stops = tuple(TripStop(by_number[n].uuid, 45) for n in NUMBERS)
    return store.add_trip(repo, Trip(name, date(2026, 12, 8), time(8, 30), stops))


def _options(**kw) -> ExportOptions:
    return ExportOptions(orientation=Orientation.PORTRAIT, **kw)


@pytest.mark.usefixtures("qapp")
def test_pack_pages_and_text(demo_file: Path, tmp_path: Path) -> None:
    with Repository.open(demo_file) as repo:
        trip = _trip(repo)
        snap = trip_from_repository(repo, trip, _options(), today=DEMO_TODAY)
    out = tmp_path / "pack.pdf"
    pages = write_trip_pack(snap, out)
    # Day plan, then per customer its one-pager and its answer sheet.
    one_pagers = []
    for v in snap.visits:
        single = tmp_path / f"{v.scheduled.customer.number}.pdf"
        one_pagers.append(write_visit_pdf(v.sheet, single))
    assert pages == pdf_page_count(out) == 1 + sum(one_pagers) + len(snap.visits)
    day = pdf_text(out, 1)
    assert "Besuchstour: Tour Nord" in day and "Tagesplan" in day
    for v, start in zip(snap.visits, ("08:30–09:15", "09:45–10:30", "11:00–11:45"), strict=True):
        c = v.scheduled.customer
        assert start in day and c.name in day
        # The full address and the phone (issue 18): street, postcode city, phone.
        assert c.street and c.phone
        assert c.street in day and f"{c.postcode} {c.city}" in day and f"Tel. {c.phone}" in day
        for q in v.questions[:3]:
            assert question_text(q, "de") in day
        if len(v.questions) > 3:
            assert f"und {len(v.questions) - 3} weitere" in day
    assert f"Seite 1 von {pages}" in day
    page = 2
    for v, n in zip(snap.visits, one_pagers, strict=True):
        c = v.scheduled.customer
        assert f"Besuchsvorbereitung – {c.name}" in pdf_text(out, page)
        page += n
        sheet = pdf_text(out, page)
        assert f"Antwortbogen – {c.name}" in sheet
        assert question_text(v.questions[0], "de") in " ".join(sheet.split())
        assert f"Seite {page} von {pages}" in sheet
        page += 1


@pytest.mark.usefixtures("qapp")
def test_customer_safe_pack_in_english(demo_file: Path, tmp_path: Path) -> None:
    with Repository.open(demo_file) as repo:
        trip = _trip(repo)
        snap = trip_from_repository(
            repo, trip, _options(customer_safe=True, lang="en"), today=DEMO_TODAY
        )
        competitors = [c.name for c in repo.load_competitors()]
    out = tmp_path / "safe.pdf"
    pages = write_trip_pack(snap, out)
    text = "\n".join(pdf_text(out, p) for p in range(1, pages + 1))
    assert "Visit trip: Tour Nord" in text and "Answer sheet" in text and "Customer view" in text
    assert not [name for name in competitors if name in text]
    assert "€" not in text and "Latest notes" not in text


def test_ics_parsed_back_with_stable_uids(demo_file: Path, tmp_path: Path) -> None:
    with Repository.open(demo_file) as repo:
        trip = _trip(repo)
        snap = trip_from_repository(repo, trip, _options(), today=DEMO_TODAY)
        out = tmp_path / "trip.ics"
        assert write_trip_ics(snap, out) == 3
        cal = icalendar.Calendar.from_ical(out.read_bytes())
        events = list(cal.walk("VEVENT"))
        assert cal["VERSION"] == "2.0" and "PRODID" in cal
        assert len(events) == 3
        for ev, v in zip(events, snap.visits, strict=True):
            c = v.scheduled.customer
            assert str(ev["UID"]) == visit_uid(trip.uuid, c.uuid)
            start = ev.decoded("DTSTART")
            assert start == v.scheduled.start.astimezone().astimezone(UTC)
            assert ev.decoded("DTEND") - start == v.scheduled.end - v.scheduled.start
            assert str(ev["LOCATION"]) == address_line(c)
            assert str(ev["LOCATION"]) == f"{c.street}, {c.postcode} {c.city}"
            assert str(ev["STATUS"]) == "CONFIRMED"
            assert c.name in str(ev["SUMMARY"])
            description = str(ev["DESCRIPTION"])
            for q in v.questions[:10]:
                assert question_text(q, "de") in description
            assert int(ev["SEQUENCE"]) == 0
        first_uids = [str(e["UID"]) for e in events]

        # Re-export after an edit: same UIDs, higher SEQUENCE, new times.
        store.update_trip(repo, replace(trip, start=time(10, 0)))
        changed = store.get_trip(repo, trip.id)  # type: ignore[arg-type]
        snap2 = trip_from_repository(repo, changed, _options(), today=DEMO_TODAY)  # type: ignore[arg-type]
    write_trip_ics(snap2, out)
    events2 = list(icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert [str(e["UID"]) for e in events2] == first_uids
    assert all(int(e["SEQUENCE"]) == 1 for e in events2)
    assert events2[0].decoded("DTSTART") == datetime(2026, 12, 8, 10, 0).astimezone().astimezone(
        UTC
    )


def test_removed_visit_is_cancelled_on_re_export(demo_file: Path, tmp_path: Path) -> None:
    """A visit taken off the trip comes back as STATUS:CANCELLED with its UID and a higher
    SEQUENCE (so calendars drop it); putting it back makes it a normal event again."""
    out = tmp_path / "trip.ics"
    with Repository.open(demo_file) as repo:
        trip = _trip(repo)
        write_trip_ics(trip_from_repository(repo, trip, _options(), today=DEMO_TODAY), out)
        first = {
            str(e["UID"]): e for e in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
        }
        removed_uuid = trip.stops[1].customer_uuid
        store.update_trip(repo, replace(trip, stops=(trip.stops[0], trip.stops[2])))
        changed = store.get_trip(repo, trip.id)  # type: ignore[arg-type]
        assert changed is not None and [r.customer_uuid for r in changed.removed] == [removed_uuid]
        write_trip_ics(trip_from_repository(repo, changed, _options(), today=DEMO_TODAY), out)
    events = list(icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert {str(e["UID"]) for e in events} == set(first)
    by_uid = {str(e["UID"]): e for e in events}
    gone = by_uid[visit_uid(trip.uuid, removed_uuid)]
    assert str(gone["STATUS"]) == "CANCELLED"
    assert int(gone["SEQUENCE"]) == 1 > int(first[str(gone["UID"])]["SEQUENCE"])
    # The cancelled event keeps the times the calendar has.
    assert gone.decoded("DTSTART") == first[str(gone["UID"])].decoded("DTSTART")
    assert gone.decoded("DTEND") == first[str(gone["UID"])].decoded("DTEND")
    others = [e for uid, e in by_uid.items() if uid != str(gone["UID"])]
    assert all(str(e["STATUS"]) == "CONFIRMED" and int(e["SEQUENCE"]) == 1 for e in others)

    # Put back: a normal event again (no cancelled duplicate), SEQUENCE higher still.
    with Repository.open(demo_file) as repo:
        store.update_trip(repo, replace(changed, stops=trip.stops))
        again = store.get_trip(repo, trip.id)  # type: ignore[arg-type]
        assert again is not None and again.removed == ()
        write_trip_ics(trip_from_repository(repo, again, _options(), today=DEMO_TODAY), out)
    events = list(icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert len(events) == 3
    assert all(str(e["STATUS"]) == "CONFIRMED" and int(e["SEQUENCE"]) == 2 for e in events)
