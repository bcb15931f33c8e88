"""``kpm merge MINE THEIRS``: offline teams get the same conflict rules as a sync."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

from kpm_desktop.cli import main as kpm
from kpm_desktop.domain.entities import Customer, Note
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository
from tests.helpers.merge import copies
from tests.helpers.team import content_hash, entities


def _pair(demo_file: Path, tmp_path: Path) -> tuple[Path, Path]:
    return copies(demo_file, tmp_path)


def test_merge_adds_merges_and_lists_conflicts(demo_file: Path, tmp_path: Path, capsys) -> None:
    mine, theirs = _pair(demo_file, tmp_path)
    with Repository.open(theirs) as repo:
        c0, c1 = repo.load_customers()[:2]
        p0, p1 = repo.load_products()[:2]
        repo.set_marks([(c0.id, p0.id, Mark.NEED), (c1.id, p1.id, Mark.OURS)])
        new = repo.add_customer(Customer(name="Neukunde Kollegin GmbH", region="Nord"))
        repo.add_note(
            Note(customer_id=new.id, text="von der Kollegin", note_date=date(2026, 12, 2))
        )
        repo.update_customer(replace(c1, city="Theirs-City"))
    with Repository.open(mine) as repo:
        repo.set_marks([(c0.id, p0.id, Mark.NO_NEED)])  # conflicts with theirs
        repo.update_customer(replace(c1, postcode="99999"))  # no conflict: other field
    before = entities(mine)
    assert kpm(["merge", str(mine), str(theirs), "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["added"] >= 2  # the customer and the note (and c1/p1 if white here)
    # Two files share no common base: every field that differs is listed, nothing guessed.
    by_key = {c["key"]: c for c in result["conflicts"]}
    assert by_key[c1.uuid]["fields"] == ["city", "postcode"]
    conflict = by_key[f"{c0.uuid}/{p0.uuid}"]
    assert conflict["fields"] == ["mark"]
    assert conflict["mine"]["mark"] == int(Mark.NO_NEED)
    assert conflict["theirs"]["mark"] == int(Mark.NEED)
    assert conflict["who"] == "theirs.kpm"
    after = entities(mine)
    key0 = ("cell", f"{c0.uuid}/{p0.uuid}")
    assert after[key0] == before[key0]  # mine kept until resolved
    assert after[("customer", c1.uuid)]["city"] == c1.city  # mine, until resolved
    assert after[("customer", c1.uuid)]["postcode"] == "99999"
    assert after[("customer", new.uuid)]["name"] == "Neukunde Kollegin GmbH"
    # merging again changes nothing and lists the same conflict
    assert kpm(["merge", str(mine), str(theirs), "--json"]) == 1
    again = json.loads(capsys.readouterr().out)
    assert again["added"] == 0 and again["changed"] == 0
    assert sorted(c["id"] for c in again["conflicts"]) == sorted(
        c["id"] for c in result["conflicts"]
    )
    assert kpm(["merge", str(mine), str(theirs), "--resolve", f"{conflict['id']}=theirs"]) == 1
    summary = capsys.readouterr().out.splitlines()[0]
    assert summary.endswith(", 1 open conflict")  # the customer's; English singular
    assert entities(mine)[key0]["mark"] == int(Mark.NEED)
    assert kpm(["merge", str(mine), str(theirs), "--resolve", "all=mine", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["conflicts"] == []
    assert entities(mine)[("customer", c1.uuid)]["postcode"] == "99999"


def test_merge_both_ways_converges(demo_file: Path, tmp_path: Path, capsys) -> None:
    mine, theirs = _pair(demo_file, tmp_path)
    with Repository.open(theirs) as repo:
        c = repo.load_customers()[5]
        p = repo.load_products()[7]
        repo.set_marks([(c.id, p.id, Mark.COMPETITOR)])
    with Repository.open(mine) as repo:
        repo.set_marks([(c.id, p.id, Mark.OURS)])
    kpm(["merge", str(mine), str(theirs), "--resolve", "all=mine"])
    kpm(["merge", str(theirs), str(mine), "--resolve", "all=theirs"])
    capsys.readouterr()
    assert content_hash(mine) == content_hash(theirs)


def test_merge_bad_input_is_one_line(demo_file: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "junk.kpm").write_bytes(b"not a matrix")
    assert kpm(["merge", str(demo_file), str(tmp_path / "junk.kpm")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert kpm(["merge", str(demo_file), str(demo_file)]) == 2
    assert "same file" in capsys.readouterr().err
    assert kpm(["merge", str(demo_file), str(demo_file), "--resolve", "x=y"]) == 2


def _notes_and_goals(repo: Repository, customer_id: int):
    return repo.notes_for(customer_id), repo.goals_for(customer_id)


def test_merge_carries_deletions_made_in_theirs(demo_file: Path, tmp_path: Path, capsys) -> None:
    """What the colleague deleted (and I left alone) is deleted here too; mine stays mine."""
    from kpm_desktop.domain.entities import Goal

    mine, theirs = _pair(demo_file, tmp_path)
    with Repository.open(mine) as repo:
        customers = repo.load_customers()
        gone, keeper, other = customers[3], customers[4], customers[6]
        product = repo.load_products()[-1]
        note = repo.add_note(Note(customer_id=keeper.id, text="alt", note_date=date(2026, 1, 5)))
        goal = repo.add_goal(Goal(customer_id=other.id, title="Ziel alt"))
    shutil.copyfile(mine, theirs)  # the colleague gets a copy (the common base)
    with Repository.open(theirs) as repo:
        repo.delete_customer(gone.id)
        repo.delete_product(product.id)
        repo.delete_note(note.id)
        repo.delete_goal(goal.id)
    with Repository.open(mine) as repo:  # an unrelated change of mine
        mine_note = repo.add_note(
            Note(customer_id=keeper.id, text="meine", note_date=date(2026, 12, 1))
        )
        note_uuid = repo.conn.execute("SELECT uuid FROM notes WHERE id = ?", (note.id,)).fetchone()
        goal_uuid = repo.conn.execute("SELECT uuid FROM goals WHERE id = ?", (goal.id,)).fetchone()
    result = run_merge(capsys, mine, theirs)
    assert result["deleted"] == 4 and result["conflicts"] == []
    after = entities(mine)
    assert ("customer", gone.uuid) not in after
    assert not any(k == "cell" and key.startswith(gone.uuid) for k, key in after)
    assert ("product", product.uuid) not in after
    assert ("note", note_uuid[0]) not in after and ("goal", goal_uuid[0]) not in after
    mine_key = next(k for k in after if k[0] == "note" and after[k]["text"] == "meine")
    assert after[mine_key]["customer"] == keeper.uuid and mine_note.id is not None
    # merged once more: nothing comes back, nothing else goes
    again = run_merge(capsys, mine, theirs)
    assert (again["added"], again["changed"], again["deleted"]) == (0, 0, 0)
    # and the other way round both files end equal
    run_merge(capsys, theirs, mine)
    assert content_hash(mine) == content_hash(theirs)


def test_merge_deletion_against_a_change_is_a_conflict(
    demo_file: Path, tmp_path: Path, capsys
) -> None:
    """They deleted what I changed (or I deleted what they changed): listed, never dropped."""
    mine, theirs = _pair(demo_file, tmp_path)
    with Repository.open(mine) as repo:
        customers = repo.load_customers()
        c_cell, c_field, c_mine_gone = customers[2], customers[8], customers[10]
        p0 = repo.load_products()[0]
    with Repository.open(theirs) as repo:
        repo.delete_customer(c_cell.id)
        repo.delete_customer(c_field.id)
        repo.update_customer(replace(c_mine_gone, city="Their-City"))
    with Repository.open(mine) as repo:
        old = repo.get_cell(c_cell.id, p0.id)
        new_mark = Mark.NEED if old is None or old.mark != Mark.NEED else Mark.OURS
        repo.set_marks([(c_cell.id, p0.id, new_mark)])  # a change of one of its cells
        repo.update_customer(replace(c_field, segment="Neu"))  # a change of the customer
        repo.delete_customer(c_mine_gone.id)
    before = entities(mine)
    result = run_merge(capsys, mine, theirs, code=1)
    by_key = {c["key"]: c for c in result["conflicts"]}
    assert set(by_key) == {c_cell.uuid, c_field.uuid, c_mine_gone.uuid}
    assert by_key[c_cell.uuid]["theirs"] is None and by_key[c_cell.uuid]["mine"] is not None
    assert by_key[c_field.uuid]["mine"]["segment"] == "Neu"
    assert by_key[c_mine_gone.uuid]["mine"] is None
    assert by_key[c_mine_gone.uuid]["theirs"]["city"] == "Their-City"
    assert by_key[c_field.uuid]["label"] == c_field.name
    assert by_key[c_mine_gone.uuid]["label"] == c_mine_gone.name
    assert result["deleted"] == 0
    after = entities(mine)
    assert after[("customer", c_cell.uuid)] == before[("customer", c_cell.uuid)]
    assert ("customer", c_mine_gone.uuid) not in after  # mine until resolved
    # take theirs: the customer they deleted goes, the one they changed comes back
    ids = {c["key"]: c["id"] for c in result["conflicts"]}
    settle = [f"{ids[c_cell.uuid]}=theirs", f"{ids[c_mine_gone.uuid]}=theirs"]
    args = [x for s in settle for x in ("--resolve", s)]
    assert kpm(["merge", str(mine), str(theirs), *args]) == 1  # c_field still open
    capsys.readouterr()
    after = entities(mine)
    assert ("customer", c_cell.uuid) not in after
    assert after[("customer", c_mine_gone.uuid)]["city"] == "Their-City"
    assert kpm(["merge", str(mine), str(theirs), "--resolve", "all=mine"]) == 0
    capsys.readouterr()
    assert entities(mine)[("customer", c_field.uuid)]["segment"] == "Neu"


def test_merge_keeps_my_deletion_when_they_did_not_change_it(
    demo_file: Path, tmp_path: Path, capsys
) -> None:
    mine, theirs = _pair(demo_file, tmp_path)
    with Repository.open(mine) as repo:
        gone = repo.load_customers()[7]
        notes, _ = _notes_and_goals(repo, repo.load_customers()[9].id)
        repo.delete_customer(gone.id)
        if notes:
            repo.delete_note(notes[0].id)
    result = run_merge(capsys, mine, theirs)
    assert result["added"] == 0 and result["conflicts"] == []
    assert ("customer", gone.uuid) not in entities(mine)


def run_merge(capsys, mine: Path, theirs: Path, code: int = 0) -> dict:
    assert kpm(["merge", str(mine), str(theirs), "--json"]) == code
    return json.loads(capsys.readouterr().out)


def test_settling_deletion_conflicts_can_be_taken_back_exactly(
    demo_file: Path, tmp_path: Path
) -> None:
    """Team › Review Conflicts is one undo step: taking 'theirs = deleted' removes the customer
    with its cells, notes and goals; reverting brings all of it and the conflicts back."""
    from kpm_desktop.team.conflicts import list_conflicts, resolve
    from kpm_desktop.team.merge import merge
    from kpm_desktop.team.resolve_undo import revert_resolve, snapshot_for

    mine, theirs = _pair(demo_file, tmp_path)
    with Repository.open(mine) as repo:
        customers = repo.load_customers()
        c_cell, c_mine_gone = customers[2], customers[10]
        p0 = repo.load_products()[0]
    with Repository.open(theirs) as repo:
        repo.delete_customer(c_cell.id)
        repo.update_customer(replace(c_mine_gone, city="Their-City"))
    with Repository.open(mine) as repo:
        old = repo.get_cell(c_cell.id, p0.id)
        new_mark = Mark.NEED if old is None or old.mark != Mark.NEED else Mark.OURS
        repo.set_marks([(c_cell.id, p0.id, new_mark)])
        repo.delete_customer(c_mine_gone.id)
    with Repository.open(mine) as repo:
        merge(repo, theirs)
        conflicts_before = sorted(repo.conn.execute("SELECT * FROM sync_conflicts").fetchall())
        assert len(conflicts_before) == 2
    before = content_hash(mine)
    with Repository.open(mine) as repo:
        snap = snapshot_for(repo, {"all": "theirs"})
        assert snap.count == 2
        resolve(repo, {"all": "theirs"})
        assert list_conflicts(repo) == []
    after = entities(mine)
    assert ("customer", c_cell.uuid) not in after
    assert not [k for k in after if k[0] == "cell" and k[1].startswith(c_cell.uuid)]
    assert after[("customer", c_mine_gone.uuid)]["city"] == "Their-City"
    with Repository.open(mine) as repo:
        revert_resolve(repo, snap)
        assert sorted(repo.conn.execute("SELECT * FROM sync_conflicts").fetchall()) == (
            conflicts_before
        )
    assert content_hash(mine) == before
    with Repository.open(mine) as repo:  # and settling again gives the same result
        resolve(repo, {"all": "theirs"})
    assert entities(mine) == after


def test_a_deletion_against_a_changed_street_or_phone_is_a_conflict(
    demo_file: Path, tmp_path: Path, capsys
) -> None:
    """The colleague deleted a customer whose street (or phone) alone I changed: listed."""
    mine, theirs = _pair(demo_file, tmp_path)
    with Repository.open(mine) as repo:
        customers = repo.load_customers()
        street_only, phone_only = customers[3], customers[4]
    with Repository.open(theirs) as repo:
        repo.delete_customer(street_only.id)
        repo.delete_customer(phone_only.id)
    with Repository.open(mine) as repo:
        repo.update_customer(replace(street_only, street="Neue Straße 1"))
        repo.update_customer(replace(phone_only, phone="+49 40 123456"))
    result = run_merge(capsys, mine, theirs, code=1)
    keys = {c["key"] for c in result["conflicts"]}
    assert {street_only.uuid, phone_only.uuid} <= keys
    assert result["deleted"] == 0
    after = entities(mine)
    assert ("customer", street_only.uuid) in after and ("customer", phone_only.uuid) in after
