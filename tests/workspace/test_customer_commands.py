"""Notes, goals, cell details and settings as undo steps; every state checked in the file."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from kpm_desktop.domain.entities import CellRecord, Goal, GoalStatus, Note
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.staleness import effective_grid
from kpm_desktop.storage.repository import Repository
from kpm_desktop.workspace.customer_commands import (
    AddGoalCommand,
    AddNoteCommand,
    DeleteGoalCommand,
    DeleteNoteCommand,
    ReorderGoalsCommand,
    UpdateGoalCommand,
    UpdateNoteCommand,
    confirm_cells,
    customer_data,
    edit_cell,
    set_no_need_reasons,
    set_stale_months,
    update_customer,
)
from kpm_desktop.workspace.workspace import Workspace
from tests.helpers.files import reopen

TODAY = date(2026, 11, 27)


@pytest.fixture
def ws(demo_workspace):
    customer_data(demo_workspace).set_today(TODAY)
    return demo_workspace


def test_note_add_edit_delete_with_undo(ws, demo_file):
    cid = ws.matrix.customers[0].id
    before = [n.text for n in ws.repo.notes_for(cid)]
    events = []
    customer_data(ws).notes_changed.connect(events.append)
    ws.push(AddNoteCommand(ws, Note(customer_id=cid, text="Neu", note_date=TODAY)))
    with reopen(demo_file) as r:
        notes = r.notes_for(cid)
    assert notes[0].text == "Neu"
    added = notes[0]
    ws.push(UpdateNoteCommand(ws, replace(added, text="Geändert")))
    with reopen(demo_file) as r:
        assert r.notes_for(cid)[0].text == "Geändert"
    ws.push(DeleteNoteCommand(ws, replace(added, text="Geändert")))
    with reopen(demo_file) as r:
        assert [n.text for n in r.notes_for(cid)] == before
    ws.undo_stack.undo()  # delete
    ws.undo_stack.undo()  # edit
    with reopen(demo_file) as r:
        assert r.notes_for(cid)[0] == added
    ws.undo_stack.undo()  # add
    with reopen(demo_file) as r:
        assert [n.text for n in r.notes_for(cid)] == before
    ws.undo_stack.redo()
    with reopen(demo_file) as r:
        assert r.notes_for(cid)[0] == added  # same id again
    assert events and set(events) == {cid}


def test_goal_add_edit_reorder_delete_with_undo(ws, demo_file):
    cid = ws.matrix.customers[0].id
    pid = ws.matrix.products[3].id
    original = ws.repo.goals_for(cid)
    ws.push(
        AddGoalCommand(ws, Goal(customer_id=cid, title="Ziel", sort_order=9, product_ids=(pid,)))
    )
    with reopen(demo_file) as r:
        goals = r.goals_for(cid)
    new = goals[-1]
    assert (new.title, new.product_ids) == ("Ziel", (pid,))
    ws.push(UpdateGoalCommand(ws, replace(new, status=GoalStatus.ACHIEVED, product_ids=())))
    with reopen(demo_file) as r:
        assert r.goals_for(cid)[-1].status is GoalStatus.ACHIEVED
    ids = [g.id for g in goals]
    ws.push(ReorderGoalsCommand(ws, cid, [ids[-1], *ids[:-1]]))
    with reopen(demo_file) as r:
        assert [g.id for g in r.goals_for(cid)] == [ids[-1], *ids[:-1]]
    ws.push(DeleteGoalCommand(ws, ws.repo.goals_for(cid)[0]))
    with reopen(demo_file) as r:
        assert [g.id for g in r.goals_for(cid)] == ids[:-1]
    for _ in range(4):
        ws.undo_stack.undo()
    with reopen(demo_file) as r:
        assert r.goals_for(cid) == original


def test_edit_cell_sets_verified_and_undo_restores(ws, demo_file):
    cid, pid = ws.matrix.customers[1].id, ws.matrix.products[0].id
    old = ws.repo.get_cell(cid, pid)
    at = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
    rec = CellRecord(Mark.COMPETITOR, potential=1234.5, contract_end=date(2027, 5, 1), note="n")
    assert edit_cell(ws, cid, pid, rec, new_competitor="Neuer Wettbewerber GmbH", at=at)
    assert ws.undo_stack.count() == 1  # the new competitor and the cell: one step
    with reopen(demo_file) as r:
        got = r.get_cell(cid, pid)
        comp = r.competitor_by_name("Neuer Wettbewerber GmbH")
    assert comp is not None and got.competitor_id == comp.id
    assert (got.mark, got.potential, got.contract_end, got.note) == (
        Mark.COMPETITOR,
        1234.5,
        date(2027, 5, 1),
        "n",
    )
    assert got.verified_at == at
    assert ws.matrix.mark(1, 0) is Mark.COMPETITOR
    # nothing changed: no undo step
    assert not edit_cell(ws, cid, pid, got)
    ws.undo_stack.undo()
    with reopen(demo_file) as r:
        assert r.get_cell(cid, pid) == old
        assert r.competitor_by_name("Neuer Wettbewerber GmbH") is None
    ws.undo_stack.redo()
    with reopen(demo_file) as r:
        assert r.get_cell(cid, pid).competitor_id == comp.id


def test_confirm_only_refreshes_verified_at(ws, demo_file):
    data = customer_data(ws)
    cid, pid = next(iter(sorted(data.ages.stale)))
    old = ws.repo.get_cell(cid, pid)
    at = datetime(2026, 11, 27, 11, 0, tzinfo=UTC)
    assert confirm_cells(ws, [(cid, pid)], at=at) == 1
    with reopen(demo_file) as r:
        new = r.get_cell(cid, pid)
        history = r.history(customer_id=cid, product_id=pid)
    assert new == replace(old, verified_at=at)
    assert len(history) == 1  # no mark change, no history row
    assert not data.ages.is_stale(cid, pid)
    ws.undo_stack.undo()
    with reopen(demo_file) as r:
        assert r.get_cell(cid, pid) == old
    assert data.ages.is_stale(cid, pid)


def test_settings_and_master_data_are_undoable(ws, demo_file):
    data = customer_data(ws)
    stale_12 = set(data.ages.stale)
    set_stale_months(ws, 24)
    assert data.ages.months == 24 and data.ages.stale < stale_12
    set_no_need_reasons(ws, ["selbst", " ", "Vertrag", "selbst"])
    assert data.no_need_reasons() == ["selbst", "Vertrag"]
    customer = ws.repo.get_customer(ws.matrix.customers[0].id)
    assert update_customer(ws, replace(customer, city="Lübeck"))
    assert not update_customer(ws, replace(customer, city="Lübeck"))
    with reopen(demo_file) as r:
        assert r.get_setting("stale_months") == "24"
        assert r.get_customer(customer.id).city == "Lübeck"
    for _ in range(3):
        ws.undo_stack.undo()
    with reopen(demo_file) as r:
        assert r.get_setting("stale_months") == "12"
        assert r.get_setting("no_need_reasons") is None
        assert r.get_customer(customer.id) == customer
    assert data.ages.stale == stale_12
    assert len(data.no_need_reasons()) == 3  # the translated defaults


def test_ages_follow_marks_from_the_matrix(ws):
    data = customer_data(ws)
    cid, pid = next(iter(sorted(data.ages.recheck_due)))
    r, c = ws.matrix.row_of[cid], ws.matrix.col_of[pid]
    assert data.effective_matrix().code(r, c) == 0
    assert ws.set_marks([(r, c)], Mark.NEED)
    assert not data.ages.is_recheck_due(cid, pid) and not data.ages.is_stale(cid, pid)
    assert data.effective_matrix().mark(r, c) is Mark.NEED
    ws.undo_stack.undo()
    assert data.ages.is_recheck_due(cid, pid)
    assert data.stale_mask()[r * ws.matrix.n_cols + c] == 1  # due re-checks are drawn faded
    # the incrementally kept effective grid equals a fresh computation after edits
    assert ws.set_marks([(0, 0), (1, 1), (r, c)], None)
    ws.undo_stack.undo()
    assert data.effective_matrix().grid == effective_grid(ws.matrix, data.ages.recheck_due)
    assert data.effective_matrix().code(r, c) == 0
    stale_rows = data.stale_rows()
    assert stale_rows == sorted({ws.matrix.row_of[k[0]] for k in data.ages.stale})


def test_large_files_compute_ages_in_the_background(qapp, demo_file, monkeypatch):
    """Above the size threshold the scan runs on a worker; edits made meanwhile survive."""
    import kpm_desktop.workspace.customer_commands as cc

    with Repository.open(demo_file, read_only=True) as repo:
        expected = repo.cell_ages(TODAY)
    monkeypatch.setattr(cc, "BACKGROUND_MARKS", 0)
    w = Workspace.open(demo_file)
    try:
        data = cc.customer_data(w)
        assert data.loading
        data.set_today(TODAY)  # a second run: the first one's answer is dropped
        assert data.loading
        cid, pid = sorted(expected.stale)[0]
        # confirmed while the worker runs: must not come back as stale when it lands
        confirm_cells(w, [(cid, pid)])
        data.wait_for_ages()
        assert not data.loading
        assert data.ages.stale == expected.stale - {(cid, pid)}
        assert data.ages.recheck_due == expected.recheck_due
    finally:
        w.close()
