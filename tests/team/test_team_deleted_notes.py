"""A rep's deleted note or goal, against a real PostgreSQL (issue 17, s4 "worth knowing").

A deletion used to reach the outbox (``sync_dirty``) with the note's or goal's UUID only: the
row is gone, so nothing said which customer it belonged to. Territory handling
(``team/territory.py``) could not attribute it: a customer that left the rep's territory with
such an unsent deletion counted as "nothing pending" and was removed, while the deletion
stayed queued for a customer the server no longer shows.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import engine, territory
from tests.helpers.team import entities, run_json, team_with_demo


def _customer_with_notes_and_goals(path: Path, region: str):
    with Repository.open(path, read_only=True) as repo:
        return max(
            (c for c in repo.load_customers() if c.region == region),
            key=lambda c: (bool(repo.goals_for(c.id)), len(repo.notes_for(c.id))),
        )


def _delete_first_note_and_goal(path: Path, customer_uuid: str) -> tuple[str, ...]:
    with Repository.open(path) as repo:
        cid = next(c.id for c in repo.load_customers() if c.uuid == customer_uuid)
        note, goal = repo.notes_for(cid)[0], repo.goals_for(cid)[0]
        keys = tuple(
            repo.conn.execute(f"SELECT uuid FROM {table} WHERE id = ?", (ident,)).fetchone()[0]
            for table, ident in (("notes", note.id), ("goals", goal.id))
        )
        repo.delete_note(note.id)
        repo.delete_goal(goal.id)
    return keys


def test_a_reps_deleted_note_and_goal_are_deleted_for_the_team(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    customer = _customer_with_notes_and_goals(files["anna"], "Nord")
    note, goal = _delete_first_note_and_goal(files["anna"], customer.uuid)
    assert {("note", note), ("goal", goal)} <= set(entities(files["manager"]))

    out = run_json(capsys, "sync", str(files["anna"]), "--json")
    assert out["pushed"] == 2 and out["conflicts"] == [] and out["pending"] == 0
    assert run_json(capsys, "sync", str(files["manager"]), "--json")["pulled"] == 2
    manager = entities(files["manager"])
    assert ("note", note) not in manager and ("goal", goal) not in manager  # gone for him
    assert ("customer", customer.uuid) in manager  # the customer stays


def test_a_customer_leaving_with_an_unsent_deletion_is_kept_and_listed(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    customer = _customer_with_notes_and_goals(files["anna"], "Nord")
    note, goal = _delete_first_note_and_goal(files["anna"], customer.uuid)
    with Repository.open(files["manager"]) as repo:  # the manager moves it to Süd
        c = next(c for c in repo.load_customers() if c.uuid == customer.uuid)
        repo.update_customer(replace(c, region="Süd"))
    assert engine.sync_file(files["manager"]).pushed == 1

    out = run_json(capsys, "sync", str(files["anna"]), "--json")
    # The unsent deletions are the rep's: the customer stays, listed once, nothing refused.
    assert [(c["kind"], c["key"], c["reason"]) for c in out["conflicts"]] == [
        ("customer", customer.uuid, territory.REASON)
    ]
    assert out["left_territory"] == 0 and out["pushed"] == 0 and out["pending"] == 2
    assert ("customer", customer.uuid) in entities(files["anna"])
    # Keep mine: a local copy without the note and goal; nothing deleted on the server.
    ident = out["conflicts"][0]["id"]
    done = run_json(capsys, "sync", str(files["anna"]), "--resolve", f"{ident}=mine", "--json")
    assert done["conflicts"] == [] and done["pending"] == 0 and done["pushed"] == 0
    anna = entities(files["anna"])
    assert ("customer", customer.uuid) in anna and ("note", note) not in anna
    assert engine.sync_file(files["manager"]).pulled == 0
    manager = entities(files["manager"])
    assert ("note", note) in manager and ("goal", goal) in manager


def test_a_deletion_queued_without_its_customer_finds_it_on_the_server(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    """An outbox row written before file migration 13 has no customer: the server's newest
    version of the note names it, so the deletion still goes through."""
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    customer = _customer_with_notes_and_goals(files["anna"], "Nord")
    note, goal = _delete_first_note_and_goal(files["anna"], customer.uuid)
    with Repository.open(files["anna"]) as repo:
        repo.conn.execute("UPDATE sync_dirty SET customer = NULL")
    out = run_json(capsys, "sync", str(files["anna"]), "--json")
    assert out["pushed"] == 2 and out["conflicts"] == [] and out["pending"] == 0
    engine.sync_file(files["manager"])
    manager = entities(files["manager"])
    assert ("note", note) not in manager and ("goal", goal) not in manager


def test_a_rep_deleting_a_customer_deletes_its_notes_and_goals_for_the_team(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    customer = _customer_with_notes_and_goals(files["anna"], "Nord")
    before = entities(files["manager"])
    owned = {
        k for k, v in before.items() if k[0] in ("note", "goal") and v["customer"] == customer.uuid
    }
    assert owned
    with Repository.open(files["anna"]) as repo:
        repo.delete_customer(customer.id)
    out = run_json(capsys, "sync", str(files["anna"]), "--json")
    assert out["conflicts"] == [] and out["pending"] == 0
    engine.sync_file(files["manager"])
    manager = entities(files["manager"])
    assert ("customer", customer.uuid) not in manager
    assert not owned & set(manager)


def test_a_rep_deleting_a_customer_with_an_unsent_new_note_leaves_no_conflict(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    """The note never reached the server, and the customer's deletion removes it after the
    customer's own row: its outbox row keeps the customer, so the server accepts it (review
    of session 5: it came back as "denied")."""
    from datetime import date

    from kpm_desktop.domain.entities import Note

    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    customer = _customer_with_notes_and_goals(files["anna"], "Nord")
    with Repository.open(files["anna"]) as repo:
        added = repo.add_note(Note(customer.id, "Neu, noch nicht gesendet", date(2026, 12, 7)))
        key = repo.conn.execute("SELECT uuid FROM notes WHERE id = ?", (added.id,)).fetchone()[0]
        repo.delete_customer(customer.id)
        assert repo.conn.execute(
            "SELECT customer FROM sync_dirty WHERE kind = 'note' AND key = ?", (key,)
        ).fetchone() == (customer.uuid,)  # the notes the server has: it names their customer
    out = run_json(capsys, "sync", str(files["anna"]), "--json")
    assert out["conflicts"] == [] and out["pending"] == 0
    engine.sync_file(files["manager"])
    assert ("customer", customer.uuid) not in entities(files["manager"])
