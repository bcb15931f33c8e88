"""Key accounts (issue 18 loose ends) in the real window: the side panel's Visit tab on a key
account lists its sites' ask-lists and opens a site, and the filter bar's "Filtered: x of y"
tooltip counts sites (and says so)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kpm_desktop.domain.trips import ask_list
from kpm_desktop.gui.side_panel.visit_controller import prepare_for
from kpm_desktop.workspace.customer_commands import customer_data
from tests.helpers.key_accounts import link_sites

TODAY = date(2026, 11, 27)


@pytest.fixture
def win(qtbot, demo_file: Path, ui_settings, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from kpm_desktop.gui.main_window import MainWindow

    link_sites(demo_file, 2, [5, 9, 14])
    link_sites(demo_file, 20, [21, 22])
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    w = MainWindow(
        ui_settings,
        extensions=(
            "kpm_desktop.gui.side_panel.extension",
            "kpm_desktop.gui.key_accounts",
            "kpm_desktop.gui.filter_bar",
        ),
    )
    qtbot.addWidget(w)
    assert w.open_file(demo_file)
    customer_data(w.workspace).set_today(TODAY)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def test_visit_tab_on_a_key_account_lists_its_sites_questions(win, qtbot) -> None:
    ws, model, panel = win.workspace, win.model, win.side_panel.panel
    head_row = model.rows.index(2)
    assert model.is_group_row(head_row)
    win.view.setCurrentIndex(model.index(head_row, 0))
    panel.show_tab(panel.tab_visit)
    qtbot.wait(50)
    board = panel.key_account_visit
    assert not board.isHidden() and panel.visit.isHidden()
    head = ws.matrix.customers[2]
    assert head.name in board.heading.text() and "3" in board.heading.text()
    tree = board.tree
    sites = [ws.matrix.customers[r] for r in (5, 9, 14)]
    assert tree.topLevelItemCount() == 3
    for i, site in enumerate(sites):
        item = tree.topLevelItem(i)
        assert item is not None and item.text(0).startswith(site.name)
        prep = prepare_for(ws, site.id)
        assert prep is not None
        assert item.childCount() == len(ask_list(prep)) > 0
    # A question of the second site, opened with Enter: the matrix goes to that site and
    # product, and the Visit tab shows the site's own (answerable) preparation.
    question = tree.topLevelItem(1).child(0)
    rect = tree.visualItemRect(question)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tree.currentItem() is question
    focus = QApplication.focusWidget()
    assert focus is tree
    QTest.keyClick(focus, Qt.Key.Key_Return)
    product_id = ask_list(prepare_for(ws, sites[1].id))[0].product.id
    current = win.view.currentIndex()
    assert model.matrix_row(current.row()) == 9
    assert ws.matrix.products[model.matrix_col(current.column())].id == product_id
    assert panel.customer_id == sites[1].id
    assert not panel.visit.isHidden() and board.isHidden()
    assert panel.visit.tree.topLevelItemCount() > 0


def test_filtered_tooltip_counts_sites(win, qtbot) -> None:
    model, ws = win.model, win.workspace
    bar = win.filter_bar
    bar.search.setFocus()
    QApplication.processEvents()
    focus = QApplication.focusWidget()
    assert focus is bar.search
    QTest.keyClicks(focus, "GmbH")
    QTest.keyClick(focus, Qt.Key.Key_Return)
    bar.apply_now()
    tip = bar.clear_button.toolTip()
    counted = len(model.counted_rows())
    assert 0 < counted < ws.matrix.n_rows - 2
    assert f"Filtered: {counted} of {ws.matrix.n_rows - 2} sites and customers" in tip
    assert "key accounts not counted" in tip
    # Grouping off: plain customers again.
    model.set_grouping(False)
    bar.apply()
    assert f"of {ws.matrix.n_rows} customers" in bar.clear_button.toolTip()
