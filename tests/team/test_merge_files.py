"""``kpm merge MINE THEIRS``: offline teams get the same conflict rules as a sync."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

from helpers import content_hash, entities

from kpm_desktop.cli import main as kpm
from kpm_desktop.domain.entities import Customer, Note
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository


def _pair(demo_file: Path, tmp_path: Path) -> tuple[Path, Path]:
    theirs = tmp_path / "theirs.kpm"
    shutil.copyfile(demo_file, theirs)
    return demo_file, theirs


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
    capsys.readouterr()
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
