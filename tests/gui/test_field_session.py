"""Issue 19: the field test of the daily loop, replayed through real events on the real window.

A rep prepares tomorrow's visits on a 1366x768 laptop: clicks cells, moves with the arrow
keys, marks with letters, searches a customer, clicks names, sorts, undoes and redoes, types
a goal and a master-data change and closes the window without saving. Every step is a real
mouse click or key press (keys go to ``QApplication.focusWidget()``, as on a desktop); the
checks are on the focus and, at the end, on the file reopened from disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.gui.filter_bar import SEARCH_DELAY_MS
from kpm_desktop.workspace.workspace import Workspace
from tests.helpers.keys import (
    LEFT,
    NO_MOD,
    click_cell,
    click_name,
    focused,
    press,
    press_sequence,
)


@pytest.fixture
def rep_window(main_window_factory, demo_file: Path):
    """The real main window (every extension) on the demo, 1366x768, message boxes recorded."""
    # settle: the docks take the file after the first frame
    return main_window_factory(demo_file, size=(1366, 768), activate=True, settle_ms=50)


def code(win, row: int, col: int) -> int:
    return win.model.code_at(row, col)


def customer_at(win, row: int):
    return win.workspace.matrix.customers[win.model.matrix_row(row)]


def white_cell_in(win, row: int, start: int = 0) -> int:
    return next(c for c in range(start, win.model.columnCount()) if code(win, row, c) == WHITE)


def test_marking_keeps_working_after_moving_to_another_customer(qtbot, rep_window) -> None:
    """Item 1: X after Down or after a click into another customer's row marks the cell."""
    win = rep_window
    panel = win.side_panel.panel
    col = white_cell_in(win, 2)
    click_cell(win, 2, col)
    assert focused() is win.view
    assert panel.customer_id == customer_at(win, 2).id
    press(Qt.Key.Key_X)
    assert code(win, 2, col) == Mark.OURS
    # Down into the next customer: the panel follows, the keyboard stays in the matrix.
    press(Qt.Key.Key_Down)
    assert focused() is win.view
    assert panel.customer_id == customer_at(win, 3).id
    before = code(win, 3, col)
    press(Qt.Key.Key_W)
    assert code(win, 3, col) == Mark.COMPETITOR
    # A click into a third customer's row, then a mark.
    other = white_cell_in(win, 7)
    click_cell(win, 7, other)
    assert focused() is win.view
    assert panel.customer_id == customer_at(win, 7).id
    press(Qt.Key.Key_B)
    assert code(win, 7, other) == Mark.NEED
    # Undo reaches the matrix's file, twice.
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert code(win, 7, other) == WHITE
    assert code(win, 3, col) == before
    assert focused() is win.view
    assert win.messages == []


def test_search_keeps_focus_and_enter_jumps_to_the_first_hit(qtbot, rep_window) -> None:
    """Items 1 and 2: typing keeps focus in the search box while the list changes; Enter
    jumps to the first hit, ready to mark."""
    win = rep_window
    bar = win.filter_bar
    click_cell(win, 4, 2)
    press_sequence(QKeySequence(QKeySequence.StandardKey.Find))
    assert focused() is bar.search
    name = customer_at(win, 10).name
    word = name.split()[0]
    for letter in word:
        QTest.keyClick(focused(), letter)
        qtbot.wait(SEARCH_DELAY_MS + 60)  # the list refilters after each pause
        assert focused() is bar.search, letter
    assert bar.search.text() == word
    hits = win.model.rowCount()
    assert 0 < hits < win.workspace.matrix.n_rows
    press(Qt.Key.Key_Return)
    assert focused() is win.view
    assert win.view.currentIndex().row() == 0
    first = customer_at(win, 0)
    assert word.lower() in first.name.lower()
    assert win.side_panel.panel.customer_id == first.id
    col = win.view.currentIndex().column()
    before = code(win, 0, col)
    press(Qt.Key.Key_K)
    assert code(win, 0, col) == Mark.NO_NEED != before


def test_clicking_a_name_selects_the_customer(qtbot, rep_window) -> None:
    """Item 2: a click on the customer's name (row header) makes it the current customer."""
    win = rep_window
    panel = win.side_panel.panel
    click_cell(win, 1, 1)
    click_name(win, 12)
    assert win.view.currentIndex().row() == 12
    assert panel.customer_id == customer_at(win, 12).id
    assert panel.master.name.text() == customer_at(win, 12).name
    assert focused() is win.view


def test_sort_control_says_what_it_does_and_counts_start_with_the_most(qtbot, rep_window) -> None:
    """Item 3: sort by white spots lists the most first and the button says so."""
    win = rep_window
    bar = win.filter_bar
    bar.sort.setFocus(Qt.FocusReason.TabFocusReason)
    press(Qt.Key.Key_Down)  # order of entry -> name
    assert bar.descending.text() == "A to Z"
    press(Qt.Key.Key_Down)  # -> white spots
    assert bar.sort.currentData() == "white_spots"
    assert bar.descending.text() == "Most first"
    whites = [win.model.row_counts(r).white for r in range(win.model.rowCount())]
    assert whites == sorted(whites, reverse=True) and whites[0] > whites[-1]
    QTest.mouseClick(bar.descending, LEFT)
    assert bar.descending.text() == "Fewest first"
    whites = [win.model.row_counts(r).white for r in range(win.model.rowCount())]
    assert whites == sorted(whites)
    for _ in range(2):
        bar.sort.setFocus(Qt.FocusReason.TabFocusReason)
        press(Qt.Key.Key_Down)  # competitor cells, then needs: most first again
        assert bar.descending.text() == "Most first"
    needs = [win.model.row_counts(r).need for r in range(win.model.rowCount())]
    assert needs == sorted(needs, reverse=True)


@pytest.mark.parametrize("platform_key", [False, True])
def test_redo_with_ctrl_y_and_the_platform_key(qtbot, rep_window, platform_key: bool) -> None:
    """Item 4: Ctrl+Y redoes on every platform, and so does the platform's own redo key."""
    win = rep_window
    col = white_cell_in(win, 5)
    click_cell(win, 5, col)
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert code(win, 5, col) == WHITE
    if platform_key:
        press_sequence(QKeySequence(QKeySequence.StandardKey.Redo))
    else:
        press(Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert code(win, 5, col) == Mark.OURS
    assert focused() is win.view


def _type(qtbot, widget, text: str) -> None:
    QTest.mouseClick(widget, LEFT)
    assert focused() is widget
    QTest.keyClicks(widget, text)


def test_typed_text_survives_customer_switch_and_window_close(
    qtbot, rep_window, demo_file: Path
) -> None:
    """Item 5: a new goal's title typed and not saved is kept when the rep moves on; a
    master-data field typed and not saved is kept when the window closes."""
    win = rep_window
    panel = win.side_panel.panel
    click_cell(win, 3, 0)
    first = customer_at(win, 3)
    panel.tabs.setCurrentIndex(panel.tab_goals)
    QTest.mouseClick(panel.goals.new_button, LEFT)
    assert focused() is panel.goals.title  # asked for: the rep clicked "New goal"
    QTest.keyClicks(focused(), "Demo day in spring")
    click_cell(win, 9, 0)  # next customer, nothing saved by hand
    assert focused() is win.view
    panel.tabs.setCurrentIndex(panel.tab_customer)
    second = customer_at(win, 9)
    _type(qtbot, panel.master.city, " Nord")
    col = white_cell_in(win, 9)
    win.view.setFocus()
    click_cell(win, 9, col)  # same customer: the city stays in the form
    press(Qt.Key.Key_X)
    assert panel.master.city.text() == second.city + " Nord"
    product_col = win.model.matrix_col(col)
    win.close()
    assert not win.isVisible()
    ws = Workspace.open(demo_file, read_only=True)
    try:
        titles = [g.title for g in ws.repo.goals_for(first.id)]
        assert "Demo day in spring" in titles
        assert ws.repo.get_customer(second.id).city == second.city + " Nord"
        assert ws.matrix.code(ws.matrix.row_of[second.id], product_col) == Mark.OURS
    finally:
        ws.close()


def test_close_with_an_unreadable_amount_asks(qtbot, rep_window, monkeypatch) -> None:
    """Item 5: text that cannot be saved (an amount that is no number) is not dropped
    silently: closing asks, and Cancel keeps the window and the text."""
    win = rep_window
    panel = win.side_panel.panel
    click_cell(win, 2, 0)
    asked: list[str] = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    panel.master.revenue.setValidator(None)  # a pasted "12 Mio" gets past the validator
    _type(qtbot, panel.master.revenue, "")
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(focused(), "12 Mio")
    win.close()
    assert win.isVisible() and len(asked) == 1
    assert panel.master.revenue.text() == "12 Mio"
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    win.close()
    assert not win.isVisible()


def test_shift_and_ctrl_click_on_names_select_whole_customers(qtbot, rep_window) -> None:
    """Item 2: Shift+click on a name selects the customers in between, Ctrl+click adds one."""
    win = rep_window
    n_cols = win.model.columnCount()
    click_name(win, 3)
    assert win.view.selection_size() == 1
    header = win.view.verticalHeader()
    y = header.sectionViewportPosition(5) + header.sectionSize(5) // 2
    QTest.mouseClick(header.viewport(), LEFT, Qt.KeyboardModifier.ShiftModifier, QPoint(40, y))
    assert win.view.selection_size() == 3 * n_cols
    y = header.sectionViewportPosition(8) + header.sectionSize(8) // 2
    QTest.mouseClick(header.viewport(), LEFT, Qt.KeyboardModifier.ControlModifier, QPoint(40, y))
    assert win.view.selection_size() == 4 * n_cols
    assert win.side_panel.panel.customer_id == customer_at(win, 8).id
    assert focused() is win.view


def _header_menu(qtbot, win, col: int):
    header = win.view.horizontalHeader()
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    QTest.mouseClick(header.viewport(), LEFT, NO_MOD, QPoint(x, 60))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=3000)
    return QApplication.activePopupWidget()


@pytest.mark.qt_log_ignore("This plugin does not support.*")  # popup menus offscreen
def test_product_header_click_sorts_and_filters_by_that_product(qtbot, rep_window) -> None:
    """Item 15: a click on a product's header offers sorting by its mark and its filter."""
    win = rep_window
    bar = win.filter_bar
    col = 4
    product = win.workspace.matrix.products[win.model.matrix_col(col)]
    menu = _header_menu(qtbot, win, col)
    sort_action = menu.actions()[0]
    assert product.name in sort_action.text()
    sort_action.trigger()
    menu.close()
    legend = [1, 2, 3, 4, 0]  # X, W, B, K, white spot
    j = win.model.view_col(win.workspace.matrix.col_of[product.id])
    ranks = [legend.index(code(win, r, j)) for r in range(win.model.rowCount())]
    assert ranks == sorted(ranks) and ranks[0] < ranks[-1]
    assert bar.sort.currentData() == "product" and product.name in bar.sort.currentText()
    assert bar.descending.text() == "Ours first"
    QTest.mouseClick(bar.descending, LEFT)
    ranks = [legend.index(code(win, r, j)) for r in range(win.model.rowCount())]
    assert ranks == sorted(ranks, reverse=True)
    # Filter: this product is a competitor.
    menu = _header_menu(qtbot, win, j)
    states = menu.actions()[1].menu()
    competitor = next(a for a in states.actions() if "(W)" in a.text())
    competitor.trigger()
    menu.close()
    shown = {code(win, r, j) for r in range(win.model.rowCount())}
    assert shown == {int(Mark.COMPETITOR)}
    assert bar.product.currentData() == product.id


def test_demo_only_white_spots_filters_on_first_use(
    qtbot, main_window_factory, demo_ka_file: Path
) -> None:
    """Item 12: the demo as a user gets it (key accounts included) has fully covered
    customers, so a click on "Only customers with white spots" visibly hides rows."""
    from kpm_desktop.gui.filter_bar import FilterBar
    from kpm_desktop.samples.demo import FULLY_COVERED

    win = main_window_factory(demo_ka_file, size=(1366, 768))
    model = win.model
    before = model.rowCount()
    names = {model.headerData(v, Qt.Orientation.Vertical) for v in range(before)}
    covered = [win.workspace.matrix.customers[i].name for i in FULLY_COVERED]
    assert set(covered) <= names
    bar = win.findChild(FilterBar, "filter_bar")
    qtbot.mouseClick(bar.only_white, LEFT)
    assert bar.only_white.isChecked()
    after = model.rowCount()
    assert after < before
    shown = {win.workspace.matrix.customers[model.matrix_row(v)].name for v in range(after)}
    assert not set(covered) & shown
