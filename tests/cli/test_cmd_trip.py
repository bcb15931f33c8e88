"""``kpm trip``: create or reuse a trip, write pack and calendar; bad input changes nothing."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from kpm_desktop.cli import main
from kpm_desktop.storage import trips as store
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash
from tests.helpers.pdf import pdf_page_count, pdf_text


def test_create_then_reuse(qapp, demo_file: Path, tmp_path: Path, capsys) -> None:
    pdf, ics = tmp_path / "tour.pdf", tmp_path / "tour.ics"
    code = main(
        [
            "trip", str(demo_file), "--customers", "100037,100000", "--date", "2026-12-08",
            "--start", "09:15", "--minutes", "40", "--name", "Tour Nord",
            "--pdf", str(pdf), "--ics", str(ics), "--lang", "de",
        ]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0, out
    assert "trip 'Tour Nord' created: 2026-12-08, 2 visit(s)" in out
    assert "09:15-09:55  Schäfer Chemie GmbH" in out and "10:25-11:05  Müller" in out
    assert pdf_page_count(pdf) >= 5
    assert "Besuchstour: Tour Nord" in pdf_text(pdf, 1)
    events = list(icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == [
        "Besuch: Schäfer Chemie GmbH (100037)",
        "Besuch: Müller Maschinenbau GmbH (100000)",
    ]
    with Repository.open(demo_file, read_only=True) as repo:
        trip = store.trip_by_name(repo, "Tour Nord")
        assert trip is not None and [s.minutes for s in trip.stops] == [40, 40]

    # Reuse: the file is not written; an English, customer-safe calendar.
    before = file_hash(demo_file)
    ics_en = tmp_path / "en.ics"
    assert main(["trip", str(demo_file), "--trip", "tour nord", "--ics", str(ics_en),
                 "--lang", "en", "--customer-safe"]) == 0  # fmt: skip
    assert "reused" in capsys.readouterr().out
    assert file_hash(demo_file) == before
    events_en = list(icalendar.Calendar.from_ical(ics_en.read_bytes()).walk("VEVENT"))
    assert [str(e["UID"]) for e in events_en] == [str(e["UID"]) for e in events]
    assert str(events_en[0]["SUMMARY"]).startswith("Visit: ")


def _trip_names(path: Path) -> list[str]:
    with Repository.open(path, read_only=True) as repo:
        return sorted(t.name for t in store.list_trips(repo))


def test_without_lang_the_ui_language_names_the_trip(
    demo_file: Path, tmp_path: Path, saved_language, capsys
) -> None:
    """Issue 18: no --lang means the app's UI language (saved setting, else the system's),
    for the default name (the planner's "Tour <day>" / "Trip <day>") and the calendar alike."""
    from kpm_desktop.cli.language import LANGUAGE_KEY, ui_language
    from kpm_desktop.gui.i18n import LANGUAGE_KEY as GUI_KEY
    from kpm_desktop.gui.i18n import choose_language

    assert LANGUAGE_KEY == GUI_KEY
    ics = tmp_path / "t.ics"
    saved_language("en")
    for _ in range(2):
        assert main(["trip", str(demo_file), "--customers", "100000", "--date", "2026-12-09",
                     "--ics", str(ics), "--overwrite"]) == 0  # fmt: skip
    assert _trip_names(demo_file) == ["Trip 2026-12-09", "Trip 2026-12-09 (2)"]
    [event] = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("Visit: ")
    saved_language("de")
    assert main(["trip", str(demo_file), "--customers", "100000", "--date", "2026-12-10",
                 "--ics", str(ics), "--overwrite"]) == 0  # fmt: skip
    assert "Tour 2026-12-10" in _trip_names(demo_file)
    [event] = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("Besuch: ")
    # --lang wins over the setting.
    assert main(["trip", str(demo_file), "--customers", "100000", "--date", "2026-12-11",
                 "--lang", "en"]) == 0  # fmt: skip
    assert "Trip 2026-12-11" in _trip_names(demo_file)
    # Nothing saved ("system"): the window's rule for the system locale.
    saved_language(None)
    assert ui_language() == choose_language(None)
    saved_language("system")
    assert ui_language() == choose_language("system")
    capsys.readouterr()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--date", "2026-12-08"], "give --customers"),
        (["--customers", "100000"], "give --customers"),
        (["--customers", "100000", "--date", "2026-13-01"], "not a date"),
        (["--customers", "100000", "--date", "2026-12-08", "--start", "25:00"], "not a time"),
        (["--customers", "100000", "--date", "2026-12-08", "--start", "8"], "not a time"),
        (["--customers", "100000", "--date", "2026-12-08", "--minutes", "0"], "--minutes"),
        (["--customers", "100000,,100037", "--date", "2026-12-08"], "empty entry"),
        (["--customers", "100000,100000", "--date", "2026-12-08"], "twice"),
        (["--customers", "999999", "--date", "2026-12-08"], "no customer"),
        (["--customers", "100000", "--date", "2026-12-08", "--name", " "], "--name"),
        (["--trip", "nope"], "no trip named"),
        (["--trip", "x", "--date", "2026-12-08"], "leave out --date"),
        (["--customers", "100000", "--date", "2026-12-08", "--pdf", "/nonexistent/x.pdf"],
         "does not exist"),
    ],
)  # fmt: skip
def test_bad_input_one_line_exit_2_file_unchanged(
    demo_file: Path, args: list[str], message: str, capsys
) -> None:
    before = file_hash(demo_file)
    assert main(["trip", str(demo_file), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kpm trip: error: ") and message in err
    assert err.count("\n") == 1
    assert file_hash(demo_file) == before


def test_taken_name_and_existing_output(demo_file: Path, tmp_path: Path, capsys) -> None:
    base = ["trip", str(demo_file), "--customers", "100000", "--date", "2026-12-08"]
    assert main([*base, "--name", "Nord"]) == 0
    capsys.readouterr()
    before = file_hash(demo_file)
    assert main([*base, "--name", "NORD"]) == 2
    assert "exists already; use --trip" in capsys.readouterr().err
    existing = tmp_path / "x.ics"
    existing.write_text("keep")
    assert main([*base, "--ics", str(existing)]) == 2
    assert "--overwrite" in capsys.readouterr().err
    assert existing.read_text() == "keep"
    assert file_hash(demo_file) == before
