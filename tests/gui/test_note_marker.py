"""Issue 19, item 16: a cell that carries a note shows a corner marker (like a spreadsheet
comment) and its tooltip shows the note.

Driven through real events on the real window: a click on a cell, a click on the side
panel's Cell tab, typing the note and a click on "Save cell details"; the marker is on the
screen (``grab()``) right after, and gone after Ctrl+Z; the file reopened from disk agrees.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kpm_desktop.domain.marks import WHITE
from kpm_desktop.gui.matrix_model import HAS_NOTE_ROLE, TOOLTIP_ROLE
from kpm_desktop.samples.demo import CELL_NOTES
from kpm_desktop.storage.repository import Repository

LEFT = Qt.MouseButton.LeftButton
NOTE = "Rueckruf im Maerz: Angebot fuer Linie 3"


@pytest.fixture
def rep_window(main_window_factory, demo_file: Path):
    """The real main window (every extension) on the demo at 1366x768, active."""
    return main_window_factory(demo_file, size=(1366, 768), activate=True)


def marker_pixel(win, row: int, col: int) -> QColor:
    """The colour where the corner marker sits (top-right corner of the cell)."""
    view = win.view
    view.viewport().repaint()
    rect = view.visualRect(win.model.index(row, col))
    image = view.viewport().grab().toImage()
    dpr = image.devicePixelRatio()
    return image.pixelColor(round((rect.right() - 3) * dpr), round((rect.top() + 2) * dpr))


def test_note_marker_appears_after_saving_a_note_and_goes_with_undo(
    rep_window, qtbot, demo_file: Path
) -> None:
    win = rep_window
    model, view, ws = win.model, win.view, win.workspace
    # The noted cells are read after the first frame, not while painting it.
    qtbot.waitUntil(lambda: ws.noted_loaded, timeout=5_000)
    row, col = next(
        (r, c)
        for r in range(2, 12)
        for c in range(3, 10)
        if model.code_at(r, c) != WHITE and not model.has_note(r, c)  # the demo notes some
    )
    index = model.index(row, col)
    assert model.data(index, HAS_NOTE_ROLE) is False
    plain = marker_pixel(win, row, col)

    # Click the cell, then the side panel's Cell tab, type the note and save it.
    QTest.mouseClick(view.viewport(), LEFT, pos=view.visualRect(index).center())
    assert view.currentIndex() == index
    panel = win.side_panel.panel
    bar = panel.tabs.tabBar()
    QTest.mouseClick(bar, LEFT, pos=bar.tabRect(panel.tab_cell).center())
    cell = panel.cell
    qtbot.waitUntil(cell.note.isVisible, timeout=5_000)
    QTest.mouseClick(cell.note.viewport(), LEFT, pos=QPoint(5, 5))
    QTest.keyClicks(QApplication.focusWidget(), NOTE)
    QTest.mouseClick(cell.save_button, LEFT)

    assert model.data(index, HAS_NOTE_ROLE) is True
    # Back to the matrix, a few rows down (the current cell's frame would cover the corner).
    QTest.mouseClick(view.viewport(), LEFT, pos=view.visualRect(model.index(row + 3, col)).center())
    colors = view.colors
    marked = marker_pixel(win, row, col)
    assert marked == colors.text, (marked.name(), plain.name())
    assert plain != colors.text
    tip = model.data(index, TOOLTIP_ROLE)
    assert NOTE in tip and ("Note:" in tip or "Notiz:" in tip)
    # The neighbour has no marker.
    assert model.data(model.index(row, col + 1), HAS_NOTE_ROLE) is False

    # Ctrl+Z where the keyboard focus is: the note and its marker are gone.
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.data(index, HAS_NOTE_ROLE) is False
    assert marker_pixel(win, row, col) == plain
    assert NOTE not in model.data(index, TOOLTIP_ROLE)

    # Redo brings it back; the file on disk has the note.
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert model.data(index, HAS_NOTE_ROLE) is True
    cid, pid = ws.cell_key(model.matrix_row(row), model.matrix_col(col))
    win.close()
    with Repository.open(demo_file, read_only=True) as repo:
        assert repo.get_cell(cid, pid).note == NOTE  # type: ignore[union-attr]
        noted = repo.noted_cells()
        assert (cid, pid) in noted and len(noted) == len(CELL_NOTES) + 1  # the demo notes a few


def test_key_account_rows_and_white_spots_never_show_a_marker(rep_window, qtbot) -> None:
    model = rep_window.model
    qtbot.waitUntil(lambda: rep_window.workspace.noted_loaded, timeout=5_000)
    noted = [
        (r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.data(model.index(r, c), HAS_NOTE_ROLE)
    ]
    assert len(noted) == len(CELL_NOTES)  # the demo's noted cells
    assert all(model.code_at(r, c) != WHITE and not model.is_group_row(r) for r, c in noted)
    # a key account's row (a roll-up of its sites) never shows one
    groups = [r for r in range(model.rowCount()) if model.is_group_row(r)]
    assert not any(
        model.data(model.index(r, c), HAS_NOTE_ROLE)
        for r in groups
        for c in range(model.columnCount())
    )
