"""Customers entering a rep's territory later arrive whole at the rep's next sync (issue 17).

Row-level security shows such a customer at once, but its cells, notes and goals carry
revisions older than the rep's cursor (``last_rev``); the sync pulls them explicitly.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import engine, server
from kpm_desktop.team.connect import connect
from tests.helpers.team import entities, team_with_demo


def _of_customer(items: dict, uuid: str) -> dict:
    return {
        k: v
        for k, v in items.items()
        if (k[0] == "customer" and k[1] == uuid)
        or (k[0] == "cell" and k[1].startswith(uuid + "/"))
        or (k[0] in ("note", "goal") and v.get("customer") == uuid)
    }


def test_customer_moved_into_my_territory_arrives_with_its_marks_and_notes(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path
) -> None:
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    with Repository.open(files["manager"], read_only=True) as repo:
        south = [c for c in repo.load_customers() if c.region == "Süd"]
        moved = max(
            south, key=lambda c: len(repo.cells_of_customer(c.id)) + len(repo.notes_for(c.id))
        )
        assert repo.cells_of_customer(moved.id)  # it has marks (published before anna's clone)
    assert ("customer", moved.uuid) not in entities(files["anna"])
    engine.sync_file(files["anna"])  # anna is up to date before the move
    with Repository.open(files["manager"]) as repo:  # the manager moves it to Nord
        repo.update_customer(replace(moved, region="Nord"))
    assert engine.sync_file(files["manager"]).pushed == 1
    result = engine.sync_file(files["anna"])
    expected = _of_customer(entities(files["manager"]), moved.uuid)
    got = _of_customer(entities(files["anna"]), moved.uuid)
    assert len(expected) > 2 and got == expected  # the customer with every mark and note
    assert result.pulled == len(expected)
    assert engine.sync_file(files["anna"]).pulled == 0  # nothing twice


def test_widened_territory_pulls_the_customers_of_the_new_region(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path
) -> None:
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    engine.sync_file(files["anna"])
    with connect(team_url) as conn:
        server.add_user(conn, "anna", "rep", ("Nord", "Süd"), ())
    engine.sync_file(files["anna"])
    manager = entities(files["manager"])
    anna = entities(files["anna"])
    south = [k[1] for k, v in manager.items() if k[0] == "customer" and v["region"] == "Süd"]
    assert south
    for uuid in south:
        assert _of_customer(anna, uuid) == _of_customer(manager, uuid)
    assert {v["region"] for k, v in anna.items() if k[0] == "customer"} == {"Nord", "Süd"}
