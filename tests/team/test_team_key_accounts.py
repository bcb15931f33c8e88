"""The key-account link (issue 18) travels with team sync and with a file merge."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kpm_desktop.storage.repository import Repository
from tests.helpers.team import run_json, team_with_demo


def _parents(path: Path) -> dict[str, str]:
    with Repository.open(path, read_only=True) as repo:
        return {c.uuid: c.parent_uuid for c in repo.load_customers() if c.parent_uuid}


def test_parent_link_is_synced_to_the_manager(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    files, _rep_url = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    with Repository.open(files["anna"]) as repo:
        head, site = [c for c in repo.load_customers() if c.region == "Nord"][:2]
        repo.update_customer(replace(site, parent_uuid=head.uuid))
    result = run_json(capsys, "sync", str(files["anna"]), "--json")
    assert result["pushed"] >= 1 and result["conflicts"] == []
    mgr = run_json(capsys, "sync", str(files["manager"]), "--json")
    assert mgr["pulled"] >= 1 and mgr["conflicts"] == []
    assert _parents(files["manager"]) == {site.uuid: head.uuid}
    # Taken out again: the manager follows.
    with Repository.open(files["anna"]) as repo:
        repo.update_customer(replace(repo.get_customer(site.id), parent_uuid=""))
    run_json(capsys, "sync", str(files["anna"]), "--json")
    run_json(capsys, "sync", str(files["manager"]), "--json")
    assert _parents(files["manager"]) == {}


def test_street_and_phone_are_synced_to_the_manager(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    """Street and phone (issue 18) travel in the customer JSON, only when known."""
    files, _rep_url = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    with Repository.open(files["anna"]) as repo:
        site = next(c for c in repo.load_customers() if c.region == "Nord")
        repo.update_customer(replace(site, street="Hafenstraße 12", phone="0431 55 66"))
    result = run_json(capsys, "sync", str(files["anna"]), "--json")
    assert result["pushed"] >= 1 and result["conflicts"] == []
    run_json(capsys, "sync", str(files["manager"]), "--json")
    with Repository.open(files["manager"], read_only=True) as repo:
        got = next(c for c in repo.load_customers() if c.uuid == site.uuid)
    assert (got.street, got.phone) == ("Hafenstraße 12", "0431 55 66")
