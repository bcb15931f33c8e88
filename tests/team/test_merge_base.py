"""A file merge's common base (issue 17): a cell or field changed on one side only since
the copy (or since the last merge with that colleague) is merged without a conflict; one
changed on both sides is a conflict."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

from kpm_desktop.cli import main as kpm
from kpm_desktop.domain.marks import Mark
from kpm_desktop.samples.synthetic import generate
from kpm_desktop.storage.backup import content_hash
from kpm_desktop.storage.convert import utc_now
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team.merge import apply_merge, plan_merge, revert_merge
from kpm_desktop.team.merge_cells import decide
from tests.helpers.merge import copies
from tests.helpers.team import entities


def _merge(capsys, mine: Path, theirs: Path, *extra: str) -> tuple[int, dict]:
    code = kpm(["merge", str(mine), str(theirs), "--json", *extra])
    return code, json.loads(capsys.readouterr().out)


def _other(mark: Mark | None) -> Mark:
    return Mark.NEED if mark != Mark.NEED else Mark.OURS


def _marked(repo: Repository) -> list[tuple[int, int]]:
    return [(cid, pid) for cid, pid, _rec in repo.iter_cells()]


def test_one_sided_edits_of_two_copies_merge_without_a_conflict(
    demo_file: Path, tmp_path: Path, capsys
) -> None:
    mine, theirs = copies(demo_file, tmp_path)
    with Repository.open(mine) as repo:
        marked = _marked(repo)
        customers = repo.load_customers()
        products = {p.id: p for p in repo.load_products()}
        note = next(n for c in customers for n in repo.notes_for(c.id))
        (note_uuid,) = repo.conn.execute(
            "SELECT uuid FROM notes WHERE id = ?", (note.id,)
        ).fetchone()
    by_id = {c.id: c for c in customers}
    (a, b, cleared, details, d_mine) = marked[:5]
    white = next(
        (c.id, p)
        for c in customers
        for p in products
        if (c.id, p) not in set(marked) and c.id not in (a[0], b[0])
    )
    with Repository.open(theirs) as repo:
        cells = repo.get_cells([a, cleared, details])
        repo.set_marks([(*a, _other(cells[a].mark)), (*cleared, None), (*white, Mark.NEED)])
        now = utc_now()
        rec = replace(cells[details], our_revenue=4321.0, note="von Kollegin", updated_at=now)
        repo.write_cells([(*details, rec)])  # a detail only: no history entry
        repo.update_customer(replace(customers[1], city="Kollegenstadt"))
        repo.update_note(replace(note, text="Kollegin war da"))
    with Repository.open(mine) as repo:
        cells = repo.get_cells([b, d_mine])
        repo.set_marks([(*b, _other(cells[b].mark))])
        rec = replace(cells[d_mine], competitor_id=None, potential=999.0, updated_at=utc_now())
        repo.write_cells([(*d_mine, rec)])
        repo.update_customer(replace(customers[2], phone="+49 30 1234"))
    want_theirs, want_mine = entities(theirs), entities(mine)
    code, result = _merge(capsys, mine, theirs)
    assert code == 0, result
    assert result["conflicts"] == []
    assert result["added"] == 1 and result["deleted"] == 1
    got = entities(mine)  # reopened from disk

    def key(cell: tuple[int, int]) -> tuple[str, str]:
        return ("cell", f"{by_id[cell[0]].uuid}/{products[cell[1]].uuid}")

    for cell in (a, details, white):
        assert got[key(cell)] == want_theirs[key(cell)]
    assert key(cleared) not in got
    for cell in (b, d_mine):
        assert got[key(cell)] == want_mine[key(cell)]
    assert got[("customer", customers[1].uuid)]["city"] == "Kollegenstadt"
    assert got[("customer", customers[2].uuid)]["phone"] == "+49 30 1234"
    assert got[("note", note_uuid)]["text"] == "Kollegin war da"
    changed = {k for k in got if got[k] != want_mine.get(k)} | (set(want_mine) - set(got))
    assert changed == {
        key(a),
        key(details),
        key(white),
        key(cleared),
        ("customer", customers[1].uuid),
        ("note", note_uuid),
    }
    # merging again finds nothing to do
    code, again = _merge(capsys, mine, theirs)
    assert code == 0 and (again["added"], again["changed"], again["deleted"]) == (0, 0, 0)


def test_undo_of_a_merge_puts_cells_history_and_bases_back_exactly(
    demo_file: Path, tmp_path: Path
) -> None:
    mine, theirs = copies(demo_file, tmp_path)
    with Repository.open(theirs) as repo:
        marked = _marked(repo)
        cell = marked[3]
        repo.set_marks([(*cell, _other(repo.get_cell(*cell).mark)), (*marked[5], None)])
        c = repo.load_customers()[7]
        repo.update_customer(replace(c, city="Anderswo"))
    before = content_hash(mine)
    with Repository.open(mine) as repo:
        plan = plan_merge(repo, theirs)
        assert plan.counts() == (0, 2, 1) and plan.conflicts == []
        applied = apply_merge(repo, plan)
        assert applied.history[1] > applied.history[0]  # the colleague's entries, copied
        revert_merge(repo, plan, applied)
    assert content_hash(mine) == before
    with Repository.open(mine) as repo:  # and the same merge is planned again
        again = plan_merge(repo, theirs)
    assert again.counts() == plan.counts()
    assert [c.key for c in again.cells] == [c.key for c in plan.cells]


def test_the_same_cell_changed_on_both_sides_is_a_conflict(
    demo_file: Path, tmp_path: Path, capsys
) -> None:
    mine, theirs = copies(demo_file, tmp_path)
    with Repository.open(mine) as repo:
        marked = _marked(repo)
        cells = repo.get_cells(marked[:2])
    mark_cell, note_cell = marked[0], marked[1]
    with Repository.open(theirs) as repo:
        repo.set_marks(
            [(*mark_cell, Mark.NEED if cells[mark_cell].mark != Mark.NEED else Mark.NO_NEED)]
        )
        repo.write_cells(
            [(*note_cell, replace(cells[note_cell], note="theirs", updated_at=utc_now()))]
        )
    with Repository.open(mine) as repo:
        repo.set_marks(
            [
                (
                    *mark_cell,
                    Mark.COMPETITOR if cells[mark_cell].mark != Mark.COMPETITOR else Mark.OURS,
                )
            ]
        )
        repo.write_cells(
            [(*note_cell, replace(cells[note_cell], note="mine", updated_at=utc_now()))]
        )
    want = entities(mine)
    code, result = _merge(capsys, mine, theirs)
    assert code == 1
    fields = {c["key"].split("/")[1]: c["fields"] for c in result["conflicts"]}
    assert len(result["conflicts"]) == 2
    assert sorted(fields.values()) == [["mark"], ["note"]]
    got = entities(mine)
    assert got == want  # mine kept until settled


def test_a_second_merge_with_the_same_colleague_lists_only_new_collisions(
    demo_file: Path, tmp_path: Path, capsys
) -> None:
    mine, theirs = copies(demo_file, tmp_path)
    with Repository.open(mine) as repo:
        c = repo.load_customers()[3]
        marked = _marked(repo)
        cells = repo.get_cells(marked[:4])
    both, later, theirs_only, mine_only = marked[:4]
    with Repository.open(theirs) as repo:
        repo.update_customer(replace(c, city="Kollegenstadt"))
        repo.set_marks([(*both, Mark.NEED if cells[both].mark != Mark.NEED else Mark.OURS)])
    with Repository.open(mine) as repo:
        repo.update_customer(replace(c, postcode="12345"))
        repo.set_marks(
            [(*both, Mark.NO_NEED if cells[both].mark != Mark.NO_NEED else Mark.COMPETITOR)]
        )
    code, first = _merge(capsys, mine, theirs)
    assert code == 1
    assert sorted(len(x["fields"]) for x in first["conflicts"]) == [1, 2]  # cell; city+postcode
    code, settled = _merge(capsys, mine, theirs, "--resolve", "all=mine")
    assert code == 0 and settled["conflicts"] == []
    kept = entities(mine)

    # after settling: the colleague changes one more field and two cells, I change another
    with Repository.open(theirs) as repo:
        cur = repo.get_customer(c.id)
        repo.update_customer(replace(cur, phone="0800 111"))
        repo.set_marks(
            [
                (*theirs_only, _other(cells[theirs_only].mark)),
                (*later, Mark.NEED if cells[later].mark != Mark.NEED else Mark.OURS),
            ]
        )
    with Repository.open(mine) as repo:
        cur = repo.get_customer(c.id)
        repo.update_customer(replace(cur, street="Hauptstraße 1"))
        repo.set_marks(
            [
                (*mine_only, _other(cells[mine_only].mark)),
                (*later, Mark.NO_NEED if cells[later].mark != Mark.NO_NEED else Mark.COMPETITOR),
            ]
        )
    code, second = _merge(capsys, mine, theirs)
    assert code == 1
    assert len(second["conflicts"]) == 1  # only the new collision
    got = entities(mine)
    customer = got[("customer", c.uuid)]
    assert customer["city"] == kept[("customer", c.uuid)]["city"]  # my settled value stays
    assert customer["postcode"] == "12345"
    assert customer["phone"] == "0800 111" and customer["street"] == "Hauptstraße 1"
    with Repository.open(mine) as repo:
        assert repo.get_cell(*theirs_only).mark == _other(cells[theirs_only].mark)
        assert repo.get_cell(*mine_only).mark == _other(cells[mine_only].mark)
        assert repo.get_cell(*both).mark == Mark(kept_mark(kept, repo, both))


def kept_mark(kept: dict, repo: Repository, cell: tuple[int, int]) -> int:
    cu = repo.get_customer(cell[0]).uuid
    pu = next(p.uuid for p in repo.load_products() if p.id == cell[1])
    return int(kept[("cell", f"{cu}/{pu}")]["mark"])


def test_my_cleared_cell_stays_cleared_and_a_change_taken_back_counts_as_none(
    demo_file: Path, tmp_path: Path, capsys
) -> None:
    mine, theirs = copies(demo_file, tmp_path)
    with Repository.open(mine) as repo:
        marked = _marked(repo)
        cells = repo.get_cells(marked[:2])
    cleared, undone = marked[:2]
    with Repository.open(theirs) as repo:
        repo.set_marks([(*undone, _other(cells[undone].mark))])
    with Repository.open(mine) as repo:
        repo.set_marks([(*cleared, None)])
        previous = repo.set_marks(
            [(*undone, Mark.NO_NEED if cells[undone].mark != Mark.NO_NEED else Mark.COMPETITOR)]
        )
        repo.write_cells(list(previous))  # what undo does: the old row back, with its stamp
    code, result = _merge(capsys, mine, theirs)
    assert code == 0 and result["conflicts"] == []
    with Repository.open(mine) as repo:
        assert repo.get_cell(*cleared) is None  # before, a merge brought it back
        assert repo.get_cell(*undone).mark == _other(cells[undone].mark)


def test_files_without_cell_history_merge_by_the_horizon(tmp_path: Path, capsys) -> None:
    mine = generate(tmp_path / "mine.kpm", customers=60, products=20, fill=0.4, seed=3)
    mine, theirs = copies(mine, tmp_path)
    with Repository.open(mine) as repo:
        marked = _marked(repo)
        cells = repo.get_cells(marked)
    rng = random.Random(5)
    picked = rng.sample(marked, 41)
    theirs_cells, mine_cells, both = picked[:20], picked[20:40], picked[40]
    with Repository.open(theirs) as repo:
        repo.set_marks([(*k, _other(cells[k].mark)) for k in [*theirs_cells, both]])
    with Repository.open(mine) as repo:
        repo.set_marks([(*k, _other(_other(cells[k].mark))) for k in mine_cells])
        repo.set_marks([(*both, None)])
    code, result = _merge(capsys, mine, theirs)
    assert code == 1
    assert len(result["conflicts"]) == 1  # only the cell both changed
    with Repository.open(mine) as repo:
        for k in theirs_cells:
            assert repo.get_cell(*k).mark == _other(cells[k].mark)
        for k in mine_cells:
            assert repo.get_cell(*k).mark == _other(_other(cells[k].mark))


def test_decide_follows_the_shared_history() -> None:
    row = (1, None, None, None, None, "", None, "", 100, None, 0)
    seed = (100, None, 1)
    changed = (2, *row[1:8], 200, None, 0)
    # only theirs moved after the shared entry
    assert decide(row, changed, [seed], [seed, (200, 1, 2)]) == "theirs"
    assert decide(changed, row, [seed, (200, 1, 2)], [seed]) == "mine"
    # both moved
    other = (3, *row[1:8], 300, None, 0)
    assert decide(other, changed, [seed, (300, 1, 3)], [seed, (200, 1, 2)]) == "conflict"
    # mine changed and taken back (the old row and stamp again): unchanged
    assert decide(row, changed, [seed, (150, 1, 3), (160, 3, 1)], [seed, (200, 1, 2)]) == "theirs"
    # a detail edited after the shared entry (a later stamp, same mark): mine moved too
    detail = (1, *row[1:7], "neu", 100, 180, 0)
    assert decide(detail, changed, [seed], [seed, (200, 1, 2)]) == "conflict"
    # no shared entry and no horizon: nothing is guessed
    assert decide(row, changed, [], [(200, 1, 2)]) == "conflict"
    # ... with a horizon after my row's stamp: mine is as it was, theirs is taken
    assert decide(row, changed, [], [(200, 1, 2)], lambda: 150) == "theirs"
    # their changes do not start from my mark: conflict
    assert decide(row, changed, [], [(200, 4, 2)], lambda: 150) == "conflict"


def test_a_new_customer_comes_with_its_cells_and_their_history(
    demo_file: Path, tmp_path: Path, capsys
) -> None:
    from kpm_desktop.domain.entities import Customer

    mine, theirs = copies(demo_file, tmp_path)
    with Repository.open(theirs) as repo:
        new = repo.add_customer(Customer(name="Neu GmbH", region="Nord"))
        p0, p1 = repo.load_products()[:2]
        repo.set_marks([(new.id, p0.id, Mark.NEED), (new.id, p1.id, Mark.OURS)])
    code, result = _merge(capsys, mine, theirs)
    assert code == 0 and result["added"] == 3
    with Repository.open(mine) as repo:
        here = next(c for c in repo.load_customers() if c.uuid == new.uuid)
        assert repo.get_cell(here.id, p0.id).mark == Mark.NEED
        assert len(repo.history(customer_id=here.id)) == 2  # the colleague's entries
    code, again = _merge(capsys, mine, theirs)  # nothing left to do
    assert (again["added"], again["changed"], again["deleted"]) == (0, 0, 0)


def test_a_colleague_file_without_its_own_id_keeps_the_old_rule(
    demo_file: Path, tmp_path: Path, capsys
) -> None:
    """A copy never opened for writing carries my id: no colleague to tell apart, so no base
    is used or recorded and a differing field is a conflict, never a guess."""
    import sqlite3

    mine, theirs = copies(demo_file, tmp_path)
    with Repository.open(mine) as repo:
        c = repo.load_customers()[2]
    conn = sqlite3.connect(theirs)  # changed by another program, never opened by KPM
    with conn:
        conn.execute(
            "UPDATE customers SET city = 'Anderswo', updated_at = '2026-12-01T10:00:00Z' "
            "WHERE id = ?",
            (c.id,),
        )
    conn.close()
    code, result = _merge(capsys, mine, theirs)
    assert code == 1
    assert [(x["key"], x["fields"]) for x in result["conflicts"]] == [(c.uuid, ["city"])]
    with Repository.open(mine, read_only=True) as repo:
        assert repo.conn.execute("SELECT count(*) FROM merge_bases").fetchone()[0] == 0
