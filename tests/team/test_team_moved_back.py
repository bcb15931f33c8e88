"""A local copy that moves back into the territory and away again, against a real PostgreSQL.

Field test #8 (session 4): the rep kept a customer that left the territory as a local copy
(*Keep Mine*); the manager moved it back, so the sync listed the copy's differing mark; the
manager moved it away again before the rep decided. Review Conflicts then listed the
customer twice: its mark and "left your territory". The customer's listing decides its
marks, notes and goals too, so it is the only one; settling it once settles everything.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import engine, territory
from kpm_desktop.team.connect import connect
from tests.helpers.team import entities, run_json, server_cells, team_with_demo


def _move(manager: Path, uuid: str, region: str) -> None:
    with Repository.open(manager) as repo:
        c = next(c for c in repo.load_customers() if c.uuid == uuid)
        repo.update_customer(replace(c, region=region))
    assert engine.sync_file(manager).pushed == 1


@pytest.mark.parametrize("choice", ["mine", "theirs"])
def test_a_copy_moved_back_and_away_again_is_listed_once_and_settled_once(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys, choice: str
) -> None:
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    anna, manager = files["anna"], files["manager"]
    with Repository.open(anna) as repo:
        keep = next(c for c in repo.load_customers() if c.region == "Nord")
        product = repo.load_products()[0]
        cell = repo.get_cell(keep.id, product.id)
        mark = Mark.NEED if cell is None or cell.mark != Mark.NEED else Mark.NO_NEED
        repo.set_marks([(keep.id, product.id, mark)])  # unsent when the customer leaves
    cell_key = f"{keep.uuid}/{product.uuid}"
    _move(manager, keep.uuid, "Süd")
    first = run_json(capsys, "sync", str(anna), "--json")
    ident = first["conflicts"][0]["id"]
    run_json(capsys, "sync", str(anna), "--resolve", f"{ident}=mine", "--json")  # a local copy
    _move(manager, keep.uuid, "Nord")  # back: the copy's mark differs from the team's
    back = run_json(capsys, "sync", str(anna), "--json")
    assert [c["key"] for c in back["conflicts"]] == [cell_key]
    _move(manager, keep.uuid, "Süd")  # and away again before anna decided

    away = run_json(capsys, "sync", str(anna), "--json")
    listed = [(c["kind"], c["key"], c["reason"]) for c in away["conflicts"]]
    assert listed == [("customer", keep.uuid, territory.REASON)]  # once
    again = run_json(capsys, "sync", str(anna), "--json")
    assert [c["key"] for c in again["conflicts"]] == [keep.uuid]  # and stays once
    with connect(team_url) as conn:
        before = server_cells(conn)

    ident = again["conflicts"][0]["id"]
    code_out = run_json(capsys, "sync", str(anna), "--resolve", f"{ident}={choice}", "--json")
    assert code_out["conflicts"] == [] and code_out["pending"] == 0  # settled once: all
    later = run_json(capsys, "sync", str(anna), "--json")
    assert later["conflicts"] == [] and later["pushed"] == 0 and later["left_territory"] == 0
    mine = entities(anna)
    if choice == "mine":  # the local copy with its mark, no longer synced
        assert mine[("cell", cell_key)]["mark"] == int(mark)
        with Repository.open(anna, read_only=True) as repo:
            assert territory.local_copies(repo.conn) == {keep.uuid}
    else:  # removed from this file only
        assert ("customer", keep.uuid) not in mine and ("cell", cell_key) not in mine
    with connect(team_url) as conn:
        assert server_cells(conn) == before  # nothing sent for it
