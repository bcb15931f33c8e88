"""Key accounts in the side panel and in Data › Customers…: figures, goals, setting the link."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from kpm_desktop.domain.entities import GoalStatus
from kpm_desktop.domain.key_accounts import key_account_kpis
from kpm_desktop.gui.dialogs.manage_customers import CustomerEditor, ManageCustomersDialog
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash
from tests.helpers.key_accounts import link_sites

TODAY = date(2026, 11, 27)


@pytest.fixture
def win(main_window_factory, demo_file: Path):
    link_sites(demo_file, 0, [3, 6, 12])
    return main_window_factory(
        demo_file,
        extensions=("kpm_desktop.gui.side_panel.extension", "kpm_desktop.gui.key_accounts"),
        today=TODAY,
    )


def test_panel_on_a_key_account_shows_figures_over_its_sites(win) -> None:
    panel = win.side_panel.panel
    ws, model = win.workspace, win.model
    assert model.rows[:5] == [0, 3, 6, 12, 1]
    win.view.setCurrentIndex(model.index(0, 2))
    box = panel.key_account
    assert box.isVisibleTo(panel) and not panel.kpis.isVisibleTo(panel)
    sites = [ws.matrix.customers[r] for r in (3, 6, 12)]
    repo = ws.repo
    names = {k: c.name for k, c in ws.competitors().items()}
    expected = key_account_kpis(
        sites,
        ws.matrix.products,
        {s.id: repo.cells_of_customer(s.id) for s in sites},
        names,
        TODAY,
    )
    # Independent check of the summed counts: straight from the grid of the three sites.
    grid, n = ws.matrix.grid, ws.matrix.n_cols
    codes = b"".join(grid[r * n : (r + 1) * n] for r in (3, 6, 12))
    assert expected.counts.ours == codes.count(1)
    assert box.text_of("sites") == "3"
    assert box.text_of("white") == str(expected.counts.white)
    assert box.text_of("ours") == str(codes.count(1))
    assert box.site_list.topLevelItemCount() == 3
    assert [box.site_list.topLevelItem(i).text(0) for i in range(3)] == [s.name for s in sites]
    open_goals = [g for s in sites for g in repo.goals_for(s.id) if g.status is GoalStatus.OPEN]
    shown = [box.goal_list.item(i).text() for i in range(box.goal_list.count())]
    assert len(shown) == max(1, len(open_goals))
    for g in open_goals:
        assert any(t.startswith(g.title) for t in shown)
    # A double-click on a site goes to its row.
    item = box.site_list.topLevelItem(1)
    box.site_list.itemActivated.emit(item, 0)
    assert model.matrix_row(win.view.currentIndex().row()) == 6
    assert box.isHidden() or not box.isVisibleTo(panel)
    assert panel.kpis.isVisibleTo(panel)
    assert panel.master.key_account.currentText().startswith(ws.matrix.customers[0].name)


def test_master_data_sets_and_clears_the_key_account_with_undo(win) -> None:
    panel = win.side_panel.panel
    ws, model = win.workspace, win.model
    path = ws.path
    target = ws.matrix.customers[0]
    win.view.setCurrentIndex(model.index(model.view_row(20), 1))
    assert panel.customer_id == ws.matrix.customers[20].id
    picker = panel.master.key_account
    picker.setEditText(picker.itemText(picker.findText(target.name, flags=picker_flags())))
    panel.master.save_button.click()
    assert (
        ws.undo_stack.undoText()
        == f"Make “{ws.matrix.customers[20].name}” a site of “{target.name}”"
    )
    with Repository.open(path, read_only=True) as repo:
        assert repo.get_customer(ws.matrix.customers[20].id).parent_uuid == target.uuid
    assert model.parent_row(20) == 0 and 20 in model.site_rows(0)
    ws.undo_stack.undo()
    with Repository.open(path, read_only=True) as repo:
        assert repo.get_customer(ws.matrix.customers[20].id).parent_uuid == ""
    assert model.parent_row(20) == -1
    win.view.setCurrentIndex(model.index(model.view_row(20), 1))
    assert panel.master.isEnabled()
    # Sites are not offered as key accounts (one level only); a name that matches no
    # offered customer stores nothing and says so in one line.
    site = ws.matrix.customers[3]
    assert picker.findText(site.name, flags=picker_flags()) < 0
    picker.setEditText(site.name)
    panel.master.save_button.click()
    assert win.messages and "No customer has that name" in win.messages[-1][1]
    with Repository.open(path, read_only=True) as repo:
        assert repo.get_customer(ws.matrix.customers[20].id).parent_uuid == ""
    # A key account cannot become a site itself.
    win.view.setCurrentIndex(model.index(0, 1))
    other = ws.matrix.customers[1]
    picker.setEditText(picker.itemText(picker.findText(other.name, flags=picker_flags())))
    before = file_hash(path)
    panel.master.save_button.click()
    assert "sites of its own" in win.messages[-1][1]
    assert file_hash(path) == before


def picker_flags():
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchStartsWith


def test_customers_dialog_sets_the_key_account(win, qtbot) -> None:
    ws = win.workspace
    dialog = ManageCustomersDialog(ws, win)
    qtbot.addWidget(dialog)
    head, site = ws.matrix.customers[0], ws.matrix.customers[3]
    assert dialog.select_customer(site.id)
    col = dialog.model.columnCount() - 2
    assert dialog.model.index(dialog.table.currentIndex().row(), col).data() == head.name
    other = ws.matrix.customers[30]
    dialog.select_customer(other.id)
    editor = CustomerEditor(other, ws.matrix.customers, dialog)
    qtbot.addWidget(editor)
    ok = editor.buttons.button(QDialogButtonBox.StandardButton.Ok)
    editor.key_account.setEditText("Nobody of that name")
    assert not ok.isEnabled() and editor.key_account_problem.text()
    editor.key_account.setEditText(
        editor.key_account.itemText(editor.key_account.findText(head.name, flags=picker_flags()))
    )
    assert ok.isEnabled()
    assert dialog.edit_selected(editor.customer())
    assert ws.repo.get_customer(other.id).parent_uuid == head.uuid
    # The key account itself cannot become a site.
    editor2 = CustomerEditor(head, ws.matrix.customers, dialog)
    qtbot.addWidget(editor2)
    editor2.key_account.setEditText(
        editor2.key_account.itemText(
            editor2.key_account.findText(ws.matrix.customers[1].name, flags=picker_flags())
        )
    )
    assert "sites of its own" in editor2.key_account_problem.text()
    assert not editor2.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    ws.undo_stack.undo()
    assert ws.repo.get_customer(other.id) == replace(other)
