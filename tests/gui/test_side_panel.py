"""The customer side panel driven like a user; every result checked by reopening the file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt

from kpm_desktop.domain.entities import GoalStatus
from kpm_desktop.domain.marks import Mark
from kpm_desktop.gui.side_panel import SidePanel
from kpm_desktop.gui.side_panel.visit_prep_view import STALE, WHITE
from kpm_desktop.workspace.customer_commands import customer_data
from kpm_desktop.workspace.workspace import Workspace
from tests.helpers.files import reopen
from tests.helpers.keys import type_into

TODAY = date(2026, 11, 27)
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def ws(demo_workspace):
    customer_data(demo_workspace).set_today(TODAY)
    return demo_workspace


@pytest.fixture
def panel(qtbot, ws):
    p = SidePanel(ws)
    qtbot.addWidget(p)
    p.resize(520, 820)
    p.show()
    cid = ws.matrix.customers[0].id
    p.set_current_cell(cid, ws.matrix.products[0].id)
    return p


def test_panel_follows_current_customer(panel, ws):
    c0, c6 = ws.matrix.customers[0], ws.matrix.customers[6]
    assert panel.master.name.text() == c0.name
    ws.set_current_customer(c6.id)
    assert panel.master.name.text() == c6.name
    assert panel.visit.prep.customer.id == c6.id
    assert int(panel.kpis.text_of("white")) == ws.matrix.row_counts(6).white


def test_goal_add_edit_reorder_delete_and_undo(qtbot, panel, ws, demo_file):
    cid = panel.customer_id
    panel.tabs.setCurrentIndex(panel.tab_goals)
    g = panel.goals
    before = ws.repo.goals_for(cid)
    # add
    qtbot.mouseClick(g.new_button, LEFT)
    type_into(qtbot, g.title, "Lieferzeiten verkürzen", clear=False)
    g.products.item(2).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(g.save_button, LEFT)
    with reopen(demo_file) as r:
        goals = r.goals_for(cid)
    assert [x.title for x in goals][-1] == "Lieferzeiten verkürzen"
    assert goals[-1].product_ids == (ws.matrix.products[2].id,)
    assert g.list.count() == len(before) + 1
    # edit: select it, change title and status
    g.list.setCurrentRow(g.list.count() - 1)
    type_into(qtbot, g.title, "Lieferzeit halbieren")
    g.status.setCurrentIndex(g.status.findData("achieved"))
    qtbot.mouseClick(g.save_button, LEFT)
    with reopen(demo_file) as r:
        edited = r.goals_for(cid)[-1]
    assert (edited.title, edited.status) == ("Lieferzeit halbieren", GoalStatus.ACHIEVED)
    # move it up
    qtbot.mouseClick(g.up_button, LEFT)
    with reopen(demo_file) as r:
        order = [x.id for x in r.goals_for(cid)]
    assert order[-2] == edited.id
    assert g.current_goal().id == edited.id  # the moved goal stays selected
    # delete
    qtbot.mouseClick(g.delete_button, LEFT)
    with reopen(demo_file) as r:
        assert edited.id not in [x.id for x in r.goals_for(cid)]
    # undo each step, checking the file every time
    ws.undo_stack.undo()
    with reopen(demo_file) as r:
        assert [x.id for x in r.goals_for(cid)] == order
    ws.undo_stack.undo()
    with reopen(demo_file) as r:
        assert r.goals_for(cid)[-1] == edited
    ws.undo_stack.undo()
    with reopen(demo_file) as r:
        assert r.goals_for(cid)[-1].title == "Lieferzeiten verkürzen"
    ws.undo_stack.undo()
    with reopen(demo_file) as r:
        assert r.goals_for(cid) == before
    assert g.list.count() == len(before)


def test_note_add_edit_search_delete_and_undo(qtbot, panel, ws, demo_file):
    cid = panel.customer_id
    panel.tabs.setCurrentIndex(panel.tab_notes)
    n = panel.notes
    before = ws.repo.notes_for(cid)
    qtbot.mouseClick(n.new_button, LEFT)
    type_into(qtbot, n.text, "Einkäufer Herr Brandt wünscht Rückruf", clear=False)
    qtbot.mouseClick(n.save_button, LEFT)
    with reopen(demo_file) as r:
        notes = r.notes_for(cid)
    assert notes[0].text == "Einkäufer Herr Brandt wünscht Rückruf"
    assert n.shown_notes()[0].text == notes[0].text  # newest first
    # search narrows the timeline
    type_into(qtbot, n.search, "brandt rückruf", clear=False)
    assert [x.text for x in n.shown_notes()] == ["Einkäufer Herr Brandt wünscht Rückruf"]
    # edit the found note
    n.list.setCurrentRow(0)
    type_into(qtbot, n.text, "Rückruf erledigt")
    qtbot.mouseClick(n.save_button, LEFT)
    with reopen(demo_file) as r:
        assert r.notes_for(cid)[0].text == "Rückruf erledigt"
    n.search.clear()
    assert len(n.shown_notes()) == len(before) + 1
    n.list.setCurrentRow(0)
    qtbot.mouseClick(n.delete_button, LEFT)
    with reopen(demo_file) as r:
        assert r.notes_for(cid) == before
    ws.undo_stack.undo()
    with reopen(demo_file) as r:
        assert r.notes_for(cid)[0].text == "Rückruf erledigt"
    ws.undo_stack.undo()
    with reopen(demo_file) as r:
        assert r.notes_for(cid)[0].text == "Einkäufer Herr Brandt wünscht Rückruf"
    ws.undo_stack.undo()
    with reopen(demo_file) as r:
        assert r.notes_for(cid) == before


def test_edit_cell_details_and_undo(qtbot, panel, ws, demo_file):
    cid = panel.customer_id
    # a white spot of this customer
    row = ws.matrix.row_of[cid]
    col = ws.matrix.white_spot_cols(row)[0]
    pid = ws.matrix.products[col].id
    panel.set_current_cell(cid, pid)
    panel.tabs.setCurrentIndex(panel.tab_cell)
    cell = panel.cell
    assert cell.selected_mark() is None and not cell.confirm_button.isEnabled()
    cell.mark.setCurrentIndex(cell.mark.findData(int(Mark.COMPETITOR)))
    assert cell.competitor.isEnabled() and not cell.reason.isEnabled()
    cell.competitor.setCurrentIndex(cell.competitor.findText("Antriebe Süd KG"))
    type_into(qtbot, cell.potential, "25000", clear=False)
    cell.contract_end.check.setChecked(True)
    cell.contract_end.edit.setDate(
        cell.contract_end.edit.date().fromString("2027-03-31", "yyyy-MM-dd")
    )
    type_into(qtbot, cell.note, "Rahmenvertrag läuft aus", clear=False)
    qtbot.mouseClick(cell.save_button, LEFT)
    with reopen(demo_file) as r:
        rec = r.get_cell(cid, pid)
        comp = r.competitor_by_name("Antriebe Süd KG")
        hist = r.history(customer_id=cid, product_id=pid)
    assert rec.mark is Mark.COMPETITOR and rec.competitor_id == comp.id
    assert (rec.potential, rec.contract_end, rec.note) == (
        25000.0,
        date(2027, 3, 31),
        "Rahmenvertrag läuft aus",
    )
    assert rec.verified_at is not None  # set automatically
    assert hist[0].new_mark is Mark.COMPETITOR
    assert ws.matrix.mark(row, col) is Mark.COMPETITOR
    assert cell.history.count() == 1  # the panel shows the cell's history
    # a brand-new competitor typed in: added and linked in one step
    cell.competitor.setEditText("Nordlicht Antriebe GmbH")
    qtbot.mouseClick(cell.save_button, LEFT)
    with reopen(demo_file) as r:
        new_comp = r.competitor_by_name("Nordlicht Antriebe GmbH")
        assert r.get_cell(cid, pid).competitor_id == new_comp.id
    ws.undo_stack.undo()
    with reopen(demo_file) as r:
        assert r.competitor_by_name("Nordlicht Antriebe GmbH") is None
        assert r.get_cell(cid, pid) == rec
    ws.undo_stack.undo()
    with reopen(demo_file) as r:
        assert r.get_cell(cid, pid) is None
    assert ws.matrix.mark(row, col) is None
    assert cell.selected_mark() is None  # the panel followed the undo


def test_no_need_reason_and_recheck(qtbot, panel, ws, demo_file):
    cid = panel.customer_id
    row = ws.matrix.row_of[cid]
    col = ws.matrix.white_spot_cols(row)[0]
    pid = ws.matrix.products[col].id
    panel.set_current_cell(cid, pid)
    cell = panel.cell
    cell.mark.setCurrentIndex(cell.mark.findData(int(Mark.NO_NEED)))
    assert cell.reason.isEnabled() and cell.recheck.isEnabled()
    cell.reason.setCurrentIndex(cell.reason.findText("long-term contract"))
    cell.recheck.check.setChecked(True)
    cell.recheck.edit.setDate(cell.recheck.edit.date().fromString("2026-11-01", "yyyy-MM-dd"))
    qtbot.mouseClick(cell.save_button, LEFT)
    with reopen(demo_file) as r:
        rec = r.get_cell(cid, pid)
    assert (rec.mark, rec.no_need_reason, rec.recheck_at) == (
        Mark.NO_NEED,
        "long-term contract",
        date(2026, 11, 1),
    )
    # the re-check date has passed: it is a white spot again in the panel's counts and list
    assert customer_data(ws).ages.is_recheck_due(cid, pid)
    assert pid in {p.id for p in panel.visit.prep.white_spot_products}
    assert "counts as a white spot" in cell.heading.text()


def test_confirm_as_true_only_updates_verified_date(qtbot, panel, ws, demo_file):
    cid = panel.customer_id
    data = customer_data(ws)
    pid = sorted(p for c, p in data.ages.stale if c == cid)[0]
    panel.set_current_cell(cid, pid)
    with reopen(demo_file) as r:
        old = r.get_cell(cid, pid)
        old_hist = r.history(customer_id=cid, product_id=pid)
    assert "Stale" in panel.cell.heading.text()
    qtbot.mouseClick(panel.cell.confirm_button, LEFT)
    with reopen(demo_file) as r:
        new = r.get_cell(cid, pid)
        assert r.history(customer_id=cid, product_id=pid) == old_hist
    assert new.verified_at > old.verified_at
    assert new == replace(old, verified_at=new.verified_at)
    assert "Stale" not in panel.cell.heading.text()
    ws.undo_stack.undo()
    with reopen(demo_file) as r:
        assert r.get_cell(cid, pid) == old


def test_master_data_edit_and_undo(qtbot, panel, ws, demo_file):
    cid = panel.customer_id
    before = ws.repo.get_customer(cid)
    type_into(qtbot, panel.master.city, "Lübeck")
    type_into(qtbot, panel.master.tags, "Schlüsselkunde, Messe 2027")
    qtbot.mouseClick(panel.master.save_button, LEFT)
    with reopen(demo_file) as r:
        c = r.get_customer(cid)
    assert (c.city, c.tags) == ("Lübeck", ("Schlüsselkunde", "Messe 2027"))
    ws.undo_stack.undo()
    with reopen(demo_file) as r:
        assert r.get_customer(cid) == before
    assert panel.master.city.text() == before.city


def test_visit_preparation_answers_in_place(qtbot, panel, ws, demo_file):
    cid = panel.customer_id
    panel.tabs.setCurrentIndex(panel.tab_visit)
    v = panel.visit
    whites = v.items(WHITE)
    stale = v.items(STALE)
    open_before = v.prep.open_items
    # answer a white spot with the keyboard
    assert v.select(WHITE, whites[0][0])
    assert panel.cell.heading.text().startswith(ws.matrix.customers[0].name)  # details follow
    v.tree.setFocus()
    qtbot.keyClick(v.tree, Qt.Key.Key_X)
    with reopen(demo_file) as r:
        assert r.get_cell(cid, whites[0][0]).mark is Mark.OURS
    assert [i for i, _ in v.items(WHITE)] == [i for i, _ in whites[1:]]
    assert v.current() == (WHITE, whites[1][0])  # the next question is selected
    # confirm a stale answer
    assert v.select(STALE, stale[0][0])
    qtbot.mouseClick(v.confirm_button, LEFT)
    assert stale[0][0] not in [i for i, _ in v.items(STALE)]
    # a quick note
    type_into(qtbot, v.note_edit, "Besuch: Interesse an Leasing", clear=False)
    qtbot.keyClick(v.note_edit, Qt.Key.Key_Return)
    with reopen(demo_file) as r:
        assert r.notes_for(cid)[0].text == "Besuch: Interesse an Leasing"
    assert v.prep.last_notes[0].text == "Besuch: Interesse an Leasing"
    assert v.prep.open_items == open_before - 2
    # each answer was one undo step
    for _ in range(3):
        ws.undo_stack.undo()
    assert v.prep.open_items == open_before
    with reopen(demo_file) as r:
        assert r.get_cell(cid, whites[0][0]) is None


def test_changed_since_lists_new_changes(qtbot, panel, ws):
    panel.tabs.setCurrentIndex(panel.tab_changed)
    row = ws.matrix.row_of[panel.customer_id]
    col = ws.matrix.white_spot_cols(row)[0]
    panel.changed.set_since(date.today())
    base = panel.changed.list.count()
    ws.set_marks([(row, col)], Mark.NEED)
    assert panel.changed.list.count() == base + 1
    name = ws.matrix.products[col].name
    assert any(name in panel.changed.list.item(i).text() for i in range(panel.changed.list.count()))


def test_no_need_reasons_list_is_editable_and_undoable(qtbot, panel, ws, demo_file, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from kpm_desktop.gui.side_panel.cell_details import ReasonsDialog

    def fake_exec(dialog):
        dialog.edit.setPlainText("fertigt selbst\nRahmenvertrag mit Konzern\n\n")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReasonsDialog, "exec", fake_exec)
    qtbot.mouseClick(panel.cell.edit_reasons, LEFT)
    with reopen(demo_file) as r:
        assert r.get_setting("no_need_reasons") == '["fertigt selbst", "Rahmenvertrag mit Konzern"]'
    reasons = [panel.cell.reason.itemText(i) for i in range(panel.cell.reason.count())]
    assert "Rahmenvertrag mit Konzern" in reasons
    ws.undo_stack.undo()
    with reopen(demo_file) as r:
        assert r.get_setting("no_need_reasons") is None


def test_read_only_file_shows_data_without_edit_buttons(qtbot, demo_file):
    w = Workspace.open(demo_file, read_only=True)
    try:
        p = SidePanel(w)
        qtbot.addWidget(p)
        p.show()
        cid = w.matrix.customers[0].id
        p.set_current_cell(cid, w.matrix.products[0].id)
        assert p.master.name.text() == w.matrix.customers[0].name
        assert p.notes.list.count() == len(w.repo.notes_for(cid)) > 0
        assert p.visit.prep is not None and p.visit.prep.open_items > 0
        assert not p.master.save_button.isVisible()
        assert not p.goals.save_button.isVisible() and not p.notes.save_button.isVisible()
        assert not p.visit.note_button.isVisible()
        errors = []
        p.error.connect(errors.append)
        # a key in the visit list still asks; the read-only file refuses with a message
        p.visit.select("white", p.visit.items("white")[0][0])
        p.visit.tree.setFocus()
        qtbot.keyClick(p.visit.tree, Qt.Key.Key_X)
        assert errors and "read-only" in errors[0]
    finally:
        w.close()


def test_create_goal_for_a_need_without_goal(qtbot, panel, ws, demo_file):
    cid = panel.customer_id
    v = panel.visit
    need_pid = v.items("need")[0][0]
    assert v.select("need", need_pid)
    qtbot.mouseClick(v.create_goal_button, LEFT)
    assert panel.tabs.currentIndex() == panel.tab_goals
    type_into(qtbot, panel.goals.title, "Bedarf klaeren")
    qtbot.mouseClick(panel.goals.save_button, LEFT)
    with reopen(demo_file) as r:
        goal = r.goals_for(cid)[-1]
    assert (goal.title, goal.product_ids) == ("Bedarf klaeren", (need_pid,))
    assert need_pid not in [i for i, _ in v.items("need")]  # the need now has a goal
