"""Visit one-pager: content, customer-safe mode, one page for the demo customers, lookup."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpm_desktop.import_export.export_model import ExportOptions, Orientation
from kpm_desktop.import_export.visit_data import find_customer, load_visit
from kpm_desktop.report.visit_sheet import write_visit_pdf
from kpm_desktop.storage.repository import Repository
from tests.helpers.demo import DEMO_TODAY
from tests.helpers.pdf import pdf_page_count, pdf_text, render_page

pytestmark = pytest.mark.usefixtures("qapp")

PORTRAIT = ExportOptions(orientation=Orientation.PORTRAIT)


def test_visit_sheet_content(demo_template: Path, tmp_path: Path) -> None:
    visit = load_visit(demo_template, "Graf Logistik", PORTRAIT, today=DEMO_TODAY)
    out = tmp_path / "visit.pdf"
    assert write_visit_pdf(visit, out) == 1
    assert pdf_page_count(out) == 1
    text = pdf_text(out, 1)
    c = visit.customer
    assert f"Besuchsvorbereitung – {c.name}" in text
    assert c.number in text and c.city in text
    for heading in (
        "Kundendaten",
        "Produkte und Lösungen",
        "Ziele des Kunden",
        "Fragen für diesen Besuch",
        "Letzte Notizen",
        "Antworten und Notizen",
    ):
        assert heading in text
    prep = visit.prep
    assert prep.open_items > 0
    for group in prep.white_spots:
        for product in group.products:
            assert product.name in text
    for renewal in prep.renewals:
        assert renewal.contract_end.isoformat() in text and renewal.competitor_name in text
    for goal in visit.goals:
        assert goal.title in text
    for note in prep.last_notes:
        assert note.note_date.isoformat() in text
    assert "Seite 1 von 1" in text


def test_customer_safe_visit_sheet_hides_internal_data(demo_template, tmp_path) -> None:
    options = ExportOptions(orientation=Orientation.PORTRAIT, customer_safe=True, lang="en")
    visit = load_visit(demo_template, "Graf Logistik", options, today=DEMO_TODAY)
    out = tmp_path / "safe.pdf"
    write_visit_pdf(visit, out)
    text = pdf_text(out, 1)
    assert "Visit preparation" in text and "Customer view" in text
    for name in visit.competitors.values():
        assert name not in text
    assert "Latest notes" not in text
    for note in visit.notes:
        assert note.text[:30] not in text
    assert "Annual revenue" not in text and "Owner" in text


def test_every_demo_customer_fits_one_page(demo_template: Path, tmp_path: Path) -> None:
    with Repository.open(demo_template, read_only=True) as repo:
        numbers = [c.number for c in repo.load_customers()]
    for number in numbers[::6]:
        visit = load_visit(demo_template, number, PORTRAIT, today=DEMO_TODAY)
        assert write_visit_pdf(visit, tmp_path / f"{number}.pdf") == 1


def test_page_one_renders(demo_template: Path, tmp_path: Path) -> None:
    visit = load_visit(demo_template, "Graf Logistik", PORTRAIT, today=DEMO_TODAY)
    write_visit_pdf(visit, tmp_path / "v.pdf")
    png = render_page(tmp_path / "v.pdf", 1, tmp_path / "v1")
    assert png.stat().st_size > 5_000


def test_find_customer(demo_template: Path) -> None:
    with Repository.open(demo_template, read_only=True) as repo:
        customers = repo.load_customers()
    graf = next(c for c in customers if c.name.startswith("Graf"))
    assert find_customer(customers, graf.number) is graf
    assert find_customer(customers, graf.name.upper()) is graf
    assert find_customer(customers, "graf log") is graf
    with pytest.raises(ValueError, match="no customer"):
        find_customer(customers, "Niemand GmbH")
    with pytest.raises(ValueError, match="customers match 'Logistik'"):
        find_customer(customers, "Logistik")
