"""Item 14: the XLSX export carries what is needed to rebuild the matrix, and
``kpm import EMPTY.kpm EXPORT.xlsx --kind kpm`` reproduces it (content hash by UUID)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl

from kpm_desktop.cli import main
from kpm_desktop.domain.entities import Customer, Goal, GoalStatus, Note, ProductKind
from kpm_desktop.storage.repository import Repository
from tests.helpers.roundtrip import content, digest


def test_export_rebuilds_customers_products_and_cells(demo_file: Path, tmp_path: Path) -> None:
    with Repository.open(demo_file) as repo:
        first = repo.load_customers()[0]
        repo.update_customer(replace(first, tags=("Key account", "=Rabatt"), owner="@Meyer"))
        repo.add_customers([Customer(name="Ohne Markierung GmbH", number="999", city="Ulm")])
        product = repo.load_products()[0]
        repo.update_product(replace(product, kind=ProductKind.SERVICE))
        repo.add_competitor("Nur-im-Verzeichnis AG")  # a competitor without a marked cell
        repo.add_note(
            Note(customer_id=first.id, text="-Rabatt\nzweite Zeile", note_date=date(2026, 3, 1))
        )
        repo.add_goal(
            Goal(
                customer_id=first.id,
                title="=Pumpen verkaufen",
                detail="bis Q3",
                due_date=date(2026, 9, 30),
                status=GoalStatus.ACHIEVED,
                sort_order=3,
                product_ids=(product.id,),
            )
        )
    out = tmp_path / "export.xlsx"
    assert main(["export", str(demo_file), "--xlsx", str(out), "--lang", "de"]) == 0
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames[2:] == ["Daten", "Kunden", "Produkte", "Wettbewerber", "Notizen", "Ziele"]
    wb.close()
    target = tmp_path / "empty.kpm"
    Repository.create(target).close()
    assert main(["import", str(target), str(out), "--kind", "kpm"]) == 0
    assert content(target) == content(demo_file)
    assert digest(target) == digest(demo_file)
    # Importing the same export again changes nothing.
    before = digest(target)
    assert main(["import", str(target), str(out), "--kind", "kpm"]) == 0
    assert digest(target) == before
    content_after = content(target)
    assert len(content_after["notes"]) == len(content(demo_file)["notes"]) > 1


def test_english_export_rebuilds_too(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "en.xlsx"
    assert main(["export", str(demo_file), "--xlsx", str(out), "--lang", "en"]) == 0
    wb = openpyxl.load_workbook(out, read_only=True)
    assert {"Customers", "Products", "Competitors", "Notes", "Goals"} <= set(wb.sheetnames)
    wb.close()
    target = tmp_path / "empty.kpm"
    Repository.create(target).close()
    assert main(["import", str(target), str(out), "--kind", "kpm"]) == 0
    assert digest(target) == digest(demo_file)


def test_uuids_of_groups_competitors_notes_and_goals_come_back(
    demo_file: Path, tmp_path: Path
) -> None:
    """Item 15 remainder: the master sheets carry the UUIDs of groups, competitors, notes
    and goals (migration 5), and the import restores them (not new ones)."""
    with Repository.open(demo_file) as repo:
        first = repo.load_customers()[0]
        repo.add_note(Note(customer_id=first.id, text="Besuch", note_date=date(2026, 3, 1)))
        repo.add_goal(Goal(customer_id=first.id, title="Rahmenvertrag"))
        repo.add_competitor("Ohne Zelle GmbH")
        before = {t: set(repo.entity_uuids(t).values()) for t in repo.UUID_TABLES}
    assert all(before.values())
    out = tmp_path / "export.xlsx"
    assert main(["export", str(demo_file), "--xlsx", str(out), "--lang", "de"]) == 0
    target = tmp_path / "empty.kpm"
    Repository.create(target).close()
    assert main(["import", str(target), str(out), "--kind", "kpm"]) == 0
    with Repository.open(target, read_only=True) as repo:
        after = {t: set(repo.entity_uuids(t).values()) for t in repo.UUID_TABLES}
    assert after == before


def test_export_without_uuid_columns_still_imports(demo_file: Path, tmp_path: Path) -> None:
    """An export written before the UUID columns existed: same content, new UUIDs."""
    out = tmp_path / "export.xlsx"
    assert main(["export", str(demo_file), "--xlsx", str(out), "--lang", "en"]) == 0
    wb = openpyxl.load_workbook(out)
    for name, header in (
        ("Products", "Group UUID"),
        ("Competitors", "UUID"),
        ("Notes", "UUID"),
        ("Goals", "UUID"),
    ):
        ws = wb[name]
        col = next(c.column for c in ws[1] if c.value == header)
        ws.delete_cols(col)
    wb.save(out)
    target = tmp_path / "empty.kpm"
    Repository.create(target).close()
    assert main(["import", str(target), str(out), "--kind", "kpm"]) == 0
    old, new = content(demo_file), content(target)
    for key in ("customers", "products", "cells"):
        assert new[key] == old[key]
    strip = {"competitors": 1, "groups": 1, "notes": 1, "goals": 1}
    for key, skip in strip.items():
        assert sorted(x[skip:] for x in new[key]) == sorted(x[skip:] for x in old[key])  # type: ignore[attr-defined]
    with Repository.open(target, read_only=True) as repo:
        assert not set(repo.entity_uuids("product_groups").values()) & {
            u
            for u, *_ in old["groups"]  # type: ignore[attr-defined]
        }
