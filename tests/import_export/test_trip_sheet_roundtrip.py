"""Trips in the XLSX round trip (issue 18): the "Touren"/"Trips" sheet of an internal export,
restored by trip UUID with ``kpm import --kind kpm`` (added, updated, unchanged; undo)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

import openpyxl

from kpm_desktop.cli import main
from kpm_desktop.domain.trips import Trip, TripStop
from kpm_desktop.import_export.apply import apply_plan, revert_import
from kpm_desktop.import_export.master_sheets import TRIP_COLUMNS
from kpm_desktop.import_export.plans import Target, build_plan
from kpm_desktop.import_export.plans.source import read_source
from kpm_desktop.storage import trips as store
from kpm_desktop.storage.repository import Repository


def _trips(path: Path) -> list[tuple]:
    with Repository.open(path, read_only=True) as repo:
        return sorted(
            (t.uuid, t.name, t.day, t.start, t.travel_minutes, t.stops)
            for t in store.list_trips(repo)
        )


def _add_trips(path: Path) -> list[Trip]:
    with Repository.open(path) as repo:
        cs = repo.load_customers()
        nord = store.add_trip(
            repo,
            Trip("Tour Nord", date(2026, 12, 8), time(8, 30),
                 (TripStop(cs[0].uuid, 45), TripStop(cs[3].uuid, 60), TripStop(cs[6].uuid, 30)),
                 travel_minutes=20),
        )  # fmt: skip
        sued = store.add_trip(
            repo, Trip("=Süd", date(2026, 12, 9), time(9, 0), (TripStop(cs[12].uuid, 90),))
        )
    return [nord, sued]


def _export(path: Path, out: Path) -> None:
    out.unlink(missing_ok=True)
    assert main(["export", str(path), "--xlsx", str(out), "--lang", "de"]) == 0


def test_trips_sheet_and_rebuild(demo_file: Path, tmp_path: Path, capsys) -> None:
    nord, _sued = _add_trips(demo_file)
    out = tmp_path / "export.xlsx"
    _export(demo_file, out)
    book = openpyxl.load_workbook(out, read_only=True)
    rows = list(book["Touren"].iter_rows(values_only=True))
    book.close()
    assert list(rows[0]) == [c.header_de for c in TRIP_COLUMNS]
    assert len(rows) == 1 + 4  # one row per visit
    first = next(r for r in rows[1:] if r[0] == nord.uuid)
    assert first[0] == nord.uuid and first[1] == "Tour Nord" and first[3] == "08:30"
    assert (first[4], first[5], first[8]) == (20, 1, 45)

    target = tmp_path / "target.kpm"
    Repository.create(target).close()
    assert main(["import", str(target), str(out), "--kind", "kpm"]) == 0
    assert _trips(target) == _trips(demo_file)  # "=Süd" comes back as typed, too
    # Importing again changes no trip.
    with Repository.open(target, read_only=True) as repo:
        plan = build_plan(read_source(out, "kpm"), Target.from_repository(repo))
    assert plan.trips == [] and plan.summary()["new_trips"] == 0
    capsys.readouterr()


def test_changed_trip_is_updated_by_uuid_and_undone(
    demo_file: Path, tmp_path: Path, capsys
) -> None:
    nord, _sued = _add_trips(demo_file)
    out = tmp_path / "export.xlsx"
    _export(demo_file, out)
    target = tmp_path / "target.kpm"
    Repository.create(target).close()
    assert main(["import", str(target), str(out), "--kind", "kpm"]) == 0
    before = _trips(target)
    # The source changes: later start, one visit fewer, a new name.
    with Repository.open(demo_file) as repo:
        stored = store.get_trip(repo, nord.id)  # type: ignore[arg-type]
        assert stored is not None
        store.update_trip(
            repo, replace(stored, name="Tour Nord II", start=time(10, 0), stops=stored.stops[:2])
        )
    _export(demo_file, out)
    with Repository.open(target) as repo:
        plan = build_plan(read_source(out, "kpm"), Target.from_repository(repo))
        assert [(t.is_new, t.after.uuid) for t in plan.trips] == [(False, nord.uuid)]
        applied = apply_plan(repo, plan, backup=None)
        [changed] = [t for t in store.list_trips(repo) if t.uuid == nord.uuid]
        assert (changed.name, changed.start, len(changed.stops)) == ("Tour Nord II", time(10), 2)
        assert changed.revision >= 1  # the calendar's SEQUENCE grows
        revert_import(repo, applied)
    assert _trips(target) == before
    capsys.readouterr()


def test_bad_trip_row_is_a_problem_and_the_rest_imports(demo_file: Path, tmp_path: Path) -> None:
    nord, sued = _add_trips(demo_file)
    out = tmp_path / "export.xlsx"
    _export(demo_file, out)
    book = openpyxl.load_workbook(out)
    sheet = book["Touren"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == sued.uuid:
            row[3].value = "25:99"
    book.save(out)
    target = tmp_path / "target.kpm"
    Repository.create(target).close()
    with Repository.open(target, read_only=True) as repo:
        plan = build_plan(read_source(out, "kpm"), Target.from_repository(repo))
    assert [t.after.uuid for t in plan.trips] == [nord.uuid]  # its customers are new, too
    problems = [p for p in plan.problems if p.key == "p_bad_trip"]
    assert len(problems) == 1 and problems[0].params["name"] == "=Süd"
    assert "25:99" in problems[0].params["reason"]
