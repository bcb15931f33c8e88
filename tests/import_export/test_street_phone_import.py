"""Street and phone (issue 18) come in by import (header synonyms) and make the XLSX round
trip through the customers master sheet, hostile text included."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl

from kpm_desktop.cli import main
from kpm_desktop.storage.repository import Repository


def _addresses(path: Path) -> dict[str, tuple[str, str]]:
    with Repository.open(path, read_only=True) as repo:
        return {c.uuid: (c.street, c.phone) for c in repo.load_customers()}


def test_customers_import_reads_street_and_phone(tmp_path: Path, capsys) -> None:
    source = tmp_path / "crm.csv"
    source.write_text(
        "Kundennummer;Firma;Strasse;PLZ;Ort;Tel.\n"
        "4711;Neu AG;Hafenstraße 12;24103;Kiel;0431 123456\n"
        "4712;Alt GmbH;;10115;Berlin;\n",
        encoding="utf-8",
    )
    target = tmp_path / "t.kpm"
    Repository.create(target).close()
    assert main(["import", str(target), str(source), "--kind", "customers"]) == 0
    with Repository.open(target, read_only=True) as repo:
        got = {c.number: (c.street, c.postcode, c.city, c.phone) for c in repo.load_customers()}
    assert got == {
        "4711": ("Hafenstraße 12", "24103", "Kiel", "0431 123456"),
        "4712": ("", "10115", "Berlin", ""),
    }
    # A second list with only the phone updates it and keeps the street.
    update = tmp_path / "phones.csv"
    update.write_text("Customer No.;Name;Phone\n4711;Neu AG;+49 431 999\n", encoding="utf-8")
    assert main(["import", str(target), str(update), "--kind", "customers"]) == 0
    with Repository.open(target, read_only=True) as repo:
        first = next(c for c in repo.load_customers() if c.number == "4711")
    assert (first.street, first.phone) == ("Hafenstraße 12", "+49 431 999")
    capsys.readouterr()


def test_xlsx_round_trip_keeps_street_and_phone(demo_file: Path, tmp_path: Path, capsys) -> None:
    with Repository.open(demo_file) as repo:
        a, b = repo.load_customers()[:2]
        # Text a spreadsheet would run as a formula comes back as typed.
        repo.update_customer(replace(a, street="=HYPERLINK(1)", phone="+49 431 1"))
        repo.update_customer(replace(b, street="", phone=""))
    out = tmp_path / "export.xlsx"
    assert main(["export", str(demo_file), "--xlsx", str(out), "--lang", "de"]) == 0
    book = openpyxl.load_workbook(out, read_only=True)
    headers = next(book["Kunden"].iter_rows(max_row=1, values_only=True))
    assert "Straße" in headers and "Telefon" in headers
    book.close()
    target = tmp_path / "target.kpm"
    Repository.create(target).close()
    assert main(["import", str(target), str(out), "--kind", "kpm"]) == 0
    expected = _addresses(demo_file)
    assert _addresses(target) == expected
    assert expected[a.uuid] == ("=HYPERLINK(1)", "+49 431 1")
    assert all(
        street and phone for u, (street, phone) in expected.items() if u not in (a.uuid, b.uuid)
    )
    capsys.readouterr()
