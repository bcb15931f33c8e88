"""Side panel › Cell: the "no need" reason follows the cell's current mark (field test: after
K with a reason and then X, the tab still showed the greyed reason).

The reason stays stored with the cell (the history shows K → X; K again brings it back), but
for X the tab shows no reason. Driven by real keys on the matrix, then reopened from disk.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from kpm_desktop.domain.marks import Mark
from tests.helpers.files import reopen
from tests.helpers.keys import first_white_spot, mark_key_in_matrix

EXTENSION = "kpm_desktop.gui.side_panel.extension"


def test_reason_follows_the_mark_after_k_then_x_and_after_reopening(
    main_window_factory, demo_file: Path, qtbot
) -> None:
    win = main_window_factory(demo_file, extensions=(EXTENSION,), size=(1366, 768), activate=True)
    row, col, cid, pid = first_white_spot(win)
    win.view.setCurrentIndex(win.model.index(row, col))
    mark_key_in_matrix(win, Qt.Key.Key_K)
    panel = win.side_panel.panel
    panel.tabs.setCurrentIndex(panel.tab_cell)
    cell = panel.cell
    assert cell.selected_mark() is Mark.NO_NEED and cell.reason.isEnabled()
    reason = cell.reason.itemText(1)
    assert reason
    cell.reason.setCurrentIndex(1)
    qtbot.mouseClick(cell.save_button, Qt.MouseButton.LeftButton)
    assert win.workspace.repo.get_cell(cid, pid).no_need_reason == reason

    mark_key_in_matrix(win, Qt.Key.Key_X)  # the rep's answer changes: we sell it now
    assert cell.selected_mark() is Mark.OURS
    assert cell.reason.currentText() == "" and not cell.reason.isEnabled()
    assert cell.recheck.value() is None
    # the stored reason is kept: the form's own mark back to K shows it, X hides it again
    cell.mark.setCurrentIndex(cell.mark.findData(int(Mark.NO_NEED)))
    assert cell.reason.currentText() == reason and cell.reason.isEnabled()
    cell.mark.setCurrentIndex(cell.mark.findData(int(Mark.OURS)))
    assert cell.reason.currentText() == ""
    # saving the X cell's other details does not lose the reason either
    qtbot.mouseClick(cell.save_button, Qt.MouseButton.LeftButton)
    stored = win.workspace.repo.get_cell(cid, pid)
    assert (stored.mark, stored.no_need_reason) == (Mark.OURS, reason)
    assert cell.reason.currentText() == ""

    # K again by key: the reason is back; X: gone from the tab again
    mark_key_in_matrix(win, Qt.Key.Key_K)
    assert cell.reason.currentText() == reason
    mark_key_in_matrix(win, Qt.Key.Key_X)
    assert cell.reason.currentText() == ""
    history = [cell.history.item(i).text() for i in range(cell.history.count())]
    assert len(history) >= 3  # white → K, K → X, X → K, K → X

    path = win.workspace.path
    win.close_file()
    with reopen(path) as repo:
        record = repo.get_cell(cid, pid)
        assert (record.mark, record.no_need_reason) == (Mark.OURS, reason)

    again = main_window_factory(path, extensions=(EXTENSION,), size=(1366, 768), activate=True)
    again.view.setCurrentIndex(again.model.index(row, col))
    panel = again.side_panel.panel
    panel.tabs.setCurrentIndex(panel.tab_cell)
    assert panel.cell.selected_mark() is Mark.OURS
    assert panel.cell.reason.currentText() == "" and not panel.cell.reason.isEnabled()
    mark_key_in_matrix(again, Qt.Key.Key_K)
    assert panel.cell.reason.currentText() == reason


def test_competitor_follows_the_mark_too(main_window_factory, demo_file: Path) -> None:
    win = main_window_factory(demo_file, extensions=(EXTENSION,), activate=True)
    row, col, cid, pid = first_white_spot(win)
    win.view.setCurrentIndex(win.model.index(row, col))
    mark_key_in_matrix(win, Qt.Key.Key_W)
    cell = win.side_panel.panel.cell
    cell.competitor.setCurrentIndex(1)
    name = cell.competitor.currentText()
    cell.save_button.click()
    assert win.workspace.repo.get_cell(cid, pid).competitor_id is not None
    mark_key_in_matrix(win, Qt.Key.Key_B)
    assert cell.competitor.currentText() == "" and not cell.competitor.isEnabled()
    mark_key_in_matrix(win, Qt.Key.Key_W)
    assert cell.competitor.currentText() == name
