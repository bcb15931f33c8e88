"""Key accounts in the matrix window, driven through real key and mouse events."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kpm_desktop.domain.key_accounts import rollup_of_rows
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.gui.key_accounts import COLLAPSE_ALL, EXPAND_ALL, GROUPING
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash, marks_in_file
from tests.helpers.key_accounts import link_sites
from tests.helpers.keys import press


@pytest.fixture
def ka_window(main_window_factory, demo_file: Path):
    from kpm_desktop.gui.extensions import EXTENSION_MODULES

    link_sites(demo_file, 2, [5, 9, 14])
    link_sites(demo_file, 20, [21, 22])
    return main_window_factory(
        demo_file,
        extensions=tuple(
            m for m in EXTENSION_MODULES if m.endswith(("key_accounts", "filter_bar"))
        ),
    )


def test_group_rows_roll_up_and_fold_with_keys_and_clicks(ka_window) -> None:
    win = ka_window
    view, model, ws = win.view, win.model, win.workspace
    path = ws.path
    grid, n = ws.matrix.grid, ws.matrix.n_cols
    assert model.grouping_active
    # Storage rows 0, 1, then key account 2 with its sites 5, 9, 14, then 3, 4, 6, ...
    assert model.rows[:7] == [0, 1, 2, 5, 9, 14, 3]
    assert model.rows.count(5) == 1 and 20 in model.rows
    assert model.is_group_row(2) and not model.is_group_row(3)
    expected = rollup_of_rows(grid, n, [5, 9, 14])
    assert bytes(model.code_at(2, c) for c in range(n)) == expected
    counted = model.counted_rows()
    assert 2 not in counted and 20 not in counted and len(counted) == ws.matrix.n_rows - 2
    assert "Sites and customers" in win.status_text()

    # A click on the key account's cell in the viewport makes it current.
    view.setFocus()
    rect = view.visualRect(model.index(2, 1))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.currentIndex().row() == 2 and view.currentIndex().column() == 1
    view.setCurrentIndex(model.index(2, 0))
    assert QApplication.focusWidget() is view
    # A mark key on a key account's row writes nothing and says why.
    before = file_hash(path)
    press(Qt.Key.Key_X)
    assert file_hash(path) == before and ws.undo_stack.count() == 0
    assert "Marks belong to the sites" in win.statusBar().currentMessage()

    # "-" collapses: the sites leave the view, counts stay on the sites.
    white = model.visible_white()
    press(Qt.Key.Key_Minus)
    assert model.rows[:4] == [0, 1, 2, 3]
    assert model.is_collapsed(2)
    assert model.counted_rows() == counted and model.visible_white() == white
    assert view.currentIndex().row() == 2

    # Collapsed, the next row below the key account is the next customer: a click there
    # and Up come back to the key account's row.
    rect = view.visualRect(model.index(3, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert model.matrix_row(view.currentIndex().row()) == 3
    press(Qt.Key.Key_Up)
    assert view.currentIndex().row() == 2
    # A click on the triangle in the customer header expands it again.
    header = view.verticalHeader()
    y = header.sectionViewportPosition(2) + header.sectionSize(2) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(8, y))
    assert model.rows[:6] == [0, 1, 2, 5, 9, 14] and not model.is_collapsed(2)

    # Mark a site with the keyboard: the key account's roll-up follows.
    col = next(c for c in range(n) if expected[c] != int(Mark.OURS))
    view.setCurrentIndex(model.index(4, col))  # site storage row 9
    press(Qt.Key.Key_X)
    assert model.code_at(2, col) == int(Mark.OURS)
    assert model.code_at(4, col) == int(Mark.OURS)
    counts = model.group_cell_counts(2, col)
    assert counts[int(Mark.OURS)] >= 1
    assert "Roll-up of 3 site" in model.group_cell_tooltip(2, col)
    press(Qt.Key.Key_Delete)
    assert model.code_at(2, col) == expected[col]

    # A selection over a site and its key account marks only the site.
    view.setCurrentIndex(model.index(3, col))
    view.selectionModel().select(model.index(2, col), view.selectionModel().SelectionFlag.Select)
    press(Qt.Key.Key_B)
    site5 = ws.cell_key(5, model.matrix_col(col))
    head = ws.cell_key(2, model.matrix_col(col))
    head_before = marks_in_file(path).get(head)

    # All at once from the View menu.
    win.action_registry[COLLAPSE_ALL].trigger()
    assert model.is_collapsed(2) and model.is_collapsed(20)
    assert 5 not in model.rows and 21 not in model.rows
    win.action_registry[EXPAND_ALL].trigger()
    assert 5 in model.rows and 21 in model.rows
    win.action_registry[GROUPING].trigger()  # off: every customer a plain, editable row
    assert not model.grouping_active and model.rows == list(range(ws.matrix.n_rows))
    assert model.code_at(2, col) == grid[2 * n + model.matrix_col(col)]
    win.action_registry[GROUPING].trigger()
    assert model.grouping_active

    win.close_file()
    marks = marks_in_file(path)
    assert marks.get(site5) == int(Mark.NEED)
    assert marks.get(head) == head_before
    with Repository.open(path, read_only=True) as repo:
        assert repo.verify() == []
    # Reopened: the key account and its sites are still there.
    assert win.open_file(path)
    assert win.model.grouping_active and win.model.rows[:6] == [0, 1, 2, 5, 9, 14]
    assert win.model.code_at(3, col) == int(Mark.NEED)


def test_paste_over_a_key_account_row_is_refused(ka_window) -> None:
    win = ka_window
    view, model = win.view, win.model
    before = file_hash(win.workspace.path)
    view.setCurrentIndex(model.index(1, 0))
    assert not win.paste("X\nX\nX")
    assert win.messages and "key account" in win.messages[-1][1]
    assert file_hash(win.workspace.path) == before


def test_filter_works_on_sites(ka_window) -> None:
    win = ka_window
    model, ws = win.model, win.workspace
    # Show only two sites of the first key account and one other customer.
    model.set_visible([14, 0, 5], None)
    assert model.rows == [0, 2, 5, 14] or model.rows == [14, 0, 5] or model.rows[0] == 2
    assert model.rows == [2, 14, 5, 0]
    assert model.visible_rows() == [14, 5, 0]
    n = ws.matrix.n_cols
    totals = model.visible_totals()
    assert totals.total == 3 * n
    assert model.row_counts(0).total == 2 * n  # the key account sums its shown sites
    assert model.code_at(0, 0) == rollup_of_rows(ws.matrix.grid, n, [5, 9, 14])[0]
    assert WHITE in (0, WHITE)


def test_plus_typed_with_shift_expands_a_key_account(ka_window) -> None:
    """On US/UK layouts "+" is Shift+=: Shift must not stop it from expanding."""
    win = ka_window
    view, model = win.view, win.model
    view.setFocus()
    view.setCurrentIndex(model.index(2, 0))
    press(Qt.Key.Key_Minus)
    assert model.is_collapsed(2)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Plus, Qt.KeyboardModifier.ShiftModifier)
    assert not model.is_collapsed(2)
    assert model.rows[:4] == [0, 1, 2, 5]
