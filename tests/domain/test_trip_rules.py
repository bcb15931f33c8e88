"""Trip rules: schedule, order by postcode, the ask-list order."""

from __future__ import annotations

from datetime import date, datetime, time

from kpm_desktop.domain.entities import Customer
from kpm_desktop.domain.trips import (
    NEED,
    RENEWAL,
    STALE,
    WHITE_SPOT,
    Trip,
    TripStop,
    address_line,
    ask_list,
    order_by_postcode,
    schedule,
    top_questions,
    unique_name,
)
from kpm_desktop.import_export.export_model import ExportOptions
from kpm_desktop.import_export.visit_data import load_visit
from tests.helpers.demo import DEMO_TODAY


def test_schedule_durations_and_travel_and_missing_customers() -> None:
    a, b = Customer(name="A"), Customer(name="B")
    trip = Trip(
        "T",
        date(2026, 12, 8),
        time(8, 30),
        (TripStop(a.uuid, 45), TripStop("gone", 60), TripStop(b.uuid, 90)),
        travel_minutes=20,
    )
    visits = schedule(trip, {a.uuid: a, b.uuid: b})
    assert [(v.customer.name, v.start, v.end, v.position) for v in visits] == [
        ("A", datetime(2026, 12, 8, 8, 30), datetime(2026, 12, 8, 9, 15), 0),
        ("B", datetime(2026, 12, 8, 9, 35), datetime(2026, 12, 8, 11, 5), 1),
    ]


def test_order_by_postcode_groups_nearby_and_puts_unknown_last() -> None:
    cs = [
        Customer(name="München", postcode="80331", city="München"),
        Customer(name="none-b", city="Bremen"),
        Customer(name="Dresden", postcode="01067", city="Dresden"),
        Customer(name="Hamburg", postcode="20095", city="Hamburg"),
        Customer(name="Kiel", postcode="D-24103", city="Kiel"),
        Customer(name="none-a", city="Aachen"),
    ]
    assert [c.name for c in order_by_postcode(cs)] == [
        "Dresden", "Hamburg", "Kiel", "München", "none-a", "none-b",
    ]  # fmt: skip
    assert address_line(cs[0]) == "80331 München"
    assert address_line(cs[1]) == "Bremen"


def test_ask_list_order_renewals_needs_white_spots_stale(demo_template) -> None:
    visit = load_visit(demo_template, "100000", ExportOptions(), today=DEMO_TODAY)
    prep = visit.prep
    questions = ask_list(prep)
    kinds = [q.kind for q in questions]
    assert kinds == sorted(kinds, key=[RENEWAL, NEED, WHITE_SPOT, STALE].index)
    assert kinds.count(RENEWAL) == len(prep.renewals)
    assert kinds.count(NEED) == len(prep.needs_without_goal)
    assert kinds.count(WHITE_SPOT) == len(prep.white_spot_products)
    assert kinds.count(STALE) == len(prep.stale_cells)
    assert len(questions) == prep.open_items
    potentials = [q.potential or 0.0 for q in questions if q.kind == NEED]
    assert potentials == sorted(potentials, reverse=True)
    assert top_questions(prep) == questions[:3]


def test_unique_name() -> None:
    assert unique_name("Tour", []) == "Tour"
    assert unique_name("Tour", ["tour", "Tour (2)"]) == "Tour (3)"
