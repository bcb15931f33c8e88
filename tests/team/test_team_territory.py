"""A rep's territory changing on the server (issue 17), against a real PostgreSQL.

Customers entering it later arrive whole at the rep's next sync: row-level security shows
such a customer at once, but its cells, notes and goals carry revisions older than the rep's
cursor (``last_rev``); the sync pulls them explicitly. Customers leaving it are removed from
the rep's file only (nothing deleted on the server, no tombstone for a later merge), unless
something of them is unsent or in conflict: then they stay and are listed
(``team/territory.py``).
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import engine, server, territory
from kpm_desktop.team.conflicts import Conflict, ResolveError, refuse_mine
from kpm_desktop.team.connect import connect
from kpm_desktop.team.merge import merge_files
from tests.helpers.team import entities, run_json, server_cells, team_with_demo


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


def _customers(path: Path, region: str | None = None) -> dict[str, dict]:
    return {
        k[1]: v
        for k, v in entities(path).items()
        if k[0] == "customer" and (region is None or v["region"] == region)
    }


def _move(manager: Path, uuids: list[str], region: str) -> None:
    """The manager moves customers to another region (and syncs)."""
    with Repository.open(manager) as repo:
        for c in repo.load_customers():
            if c.uuid in uuids:
                repo.update_customer(replace(c, region=region))
    assert engine.sync_file(manager).pushed == len(uuids)


def _local_only_state(path: Path) -> tuple[int, list]:
    with Repository.open(path, read_only=True) as repo:
        pending = repo.conn.execute("SELECT count(*) FROM sync_dirty").fetchone()[0]
        tombstones = repo.conn.execute("SELECT kind, key FROM merge_tombstones").fetchall()
    return pending, tombstones


def test_region_taken_away_is_removed_from_the_rep_file_only(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    with connect(team_url) as conn:
        server.add_user(conn, "anna", "rep", ("Nord", "Süd"), ())
    engine.sync_file(files["anna"])
    south = _customers(files["manager"], "Süd")
    assert south and set(south) <= set(_customers(files["anna"]))
    manager_before = entities(files["manager"])
    with connect(team_url) as conn:
        cells_before = server_cells(conn)
        server.add_user(conn, "anna", "rep", ("Nord",), ())  # the manager takes Süd away

    result = run_json(capsys, "sync", str(files["anna"]), "--json")
    assert result["left_territory"] == len(south)
    assert result["conflicts"] == [] and result["pending"] == 0 and result["pushed"] == 0
    anna = entities(files["anna"])
    for uuid in south:
        assert _of_customer(anna, uuid) == {}  # gone with its marks, notes and goals
    assert {v["region"] for v in _customers(files["anna"]).values()} == {"Nord"}
    assert _local_only_state(files["anna"]) == (0, [])  # no outbox row, no tombstone
    assert run_json(capsys, "sync", str(files["anna"]), "--json")["left_territory"] == 0

    # nothing deleted on the server: the manager still has every customer with its marks
    with connect(team_url) as conn:
        assert server_cells(conn) == cells_before
    assert engine.sync_file(files["manager"]).pulled == 0
    assert entities(files["manager"]) == manager_before
    # and a later file merge of anna's file deletes nothing in the manager's copy
    copy = tmp_path / "manager-copy.kpm"
    shutil.copyfile(files["manager"], copy)
    merged = merge_files(copy, files["anna"])
    assert merged["deleted"] == 0
    assert set(south) <= set(_customers(copy))


def test_moved_customer_with_unsent_changes_is_kept_and_listed(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    engine.sync_file(files["anna"])
    with Repository.open(files["anna"]) as repo:
        north = sorted(
            (c for c in repo.load_customers() if c.region == "Nord"),
            key=lambda c: -len(repo.cells_of_customer(c.id)),
        )
        keep, drop, quiet = north[:3]  # two with an unsent edit, one without
        product = repo.load_products()[0]
        edits = {}
        for c in (keep, drop):
            cell = repo.get_cell(c.id, product.id)
            mark = Mark.NEED if cell is None or cell.mark != Mark.NEED else Mark.NO_NEED
            repo.set_marks([(c.id, product.id, mark)])
            edits[c.uuid] = (f"{c.uuid}/{product.uuid}", int(mark))
    _move(files["manager"], [keep.uuid, drop.uuid, quiet.uuid], "Süd")
    with connect(team_url) as conn:
        cells_before = server_cells(conn)

    result = engine.sync_file(files["anna"])
    assert result.left_territory == 1 and result.pushed == 0
    listed = {c["key"]: c for c in result.conflicts}
    assert set(listed) == {keep.uuid, drop.uuid}
    assert {c["reason"] for c in listed.values()} == {"left_territory"}
    assert listed[keep.uuid]["label"] == keep.name and listed[keep.uuid]["theirs"] is None
    anna = entities(files["anna"])
    assert quiet.uuid not in _customers(files["anna"])
    for cell, mark in edits.values():
        assert anna[("cell", cell)]["mark"] == mark  # kept with the unsent edit
    assert result.pending == 2  # the edits wait for the rep's decision, nothing refused
    again = engine.sync_file(files["anna"])
    assert [c["reason"] for c in again.conflicts] == ["left_territory"] * 2
    assert again.pushed == 0 and again.pending == 2
    with connect(team_url) as conn:
        assert server_cells(conn) == cells_before  # nothing sent for them

    ids = {c["key"]: c["id"] for c in again.conflicts}
    out = run_json(
        capsys,
        "sync",
        str(files["anna"]),
        "--resolve",
        f"{ids[keep.uuid]}=mine",
        "--resolve",
        f"{ids[drop.uuid]}=theirs",
        "--json",
    )
    assert out["conflicts"] == [] and out["pending"] == 0 and out["pushed"] == 0
    customers = _customers(files["anna"])
    assert keep.uuid in customers and drop.uuid not in customers  # a local copy; removed
    cell, mark = edits[keep.uuid]
    assert entities(files["anna"])[("cell", cell)]["mark"] == mark
    with Repository.open(files["anna"]) as repo:  # the local copy stays local
        assert territory.local_copies(repo.conn) == {keep.uuid}
        cid = next(c.id for c in repo.load_customers() if c.uuid == keep.uuid)
        repo.set_marks([(cid, product.id, Mark.OURS)])
    later = engine.sync_file(files["anna"])
    assert (later.pushed, later.pending, later.conflicts, later.left_territory) == (0, 0, [], 0)
    assert keep.uuid in _customers(files["anna"])
    assert _local_only_state(files["anna"])[1] == []  # no tombstone for the removed one
    with connect(team_url) as conn:
        assert server_cells(conn) == cells_before
    assert engine.sync_file(files["manager"]).pulled == 0

    # the manager moves the local copy back: it is synced again, nothing overwritten
    _move(files["manager"], [keep.uuid], "Nord")
    back = engine.sync_file(files["anna"])
    assert [c["key"] for c in back.conflicts] == [cell]  # the cell differs: listed
    assert entities(files["anna"])[("cell", cell)]["mark"] == int(Mark.OURS)  # mine stays
    with Repository.open(files["anna"], read_only=True) as repo:
        assert territory.local_copies(repo.conn) == set()
    done = run_json(capsys, "sync", str(files["anna"]), "--resolve", "all=mine", "--json")
    assert done["conflicts"] == [] and done["pending"] == 0
    with connect(team_url) as conn:
        assert server_cells(conn)[("cell", cell)]["mark"] == int(Mark.OURS)


def test_a_refused_change_of_a_customer_that_left_settles_with_it() -> None:
    """``mine`` on a change the role may not make is refused, unless its customer left the
    territory and is settled in the same go (``kpm sync --resolve all=mine`` checks the same)."""

    def conflict(kind: str, key: str, reason: str, ident: int) -> Conflict:
        return Conflict(kind, key, ["*"], {"mark": 1}, None, "", "", 0, reason=reason, id=ident)

    left = conflict("customer", "c1", territory.REASON, 1)
    refused = conflict("cell", "c1/p1", "denied", 2)
    elsewhere = conflict("cell", "c2/p1", "denied", 3)
    refuse_mine([(left, "mine"), (refused, "mine")])  # settled with its customer
    refuse_mine([(refused, "theirs")])
    for chosen in ([(refused, "mine")], [(left, "mine"), (elsewhere, "mine")]):
        with pytest.raises(ResolveError):
            refuse_mine(chosen)
