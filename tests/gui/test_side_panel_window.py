"""The side panel inside the main window: follows the current cell, fades stale cells, counts
due re-checks as white spots, and its actions work."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QWidget

from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import MarkCounts
from kpm_desktop.domain.staleness import effective_grid
from kpm_desktop.storage.repository import Repository
from kpm_desktop.workspace.customer_commands import customer_data

TODAY = date(2026, 11, 27)
EXTENSION = "kpm_desktop.gui.side_panel.extension"


@pytest.fixture
def win(main_window_factory, demo_file: Path):
    return main_window_factory(demo_file, extensions=(EXTENSION,), today=TODAY)


def go(win, row: int, col: int) -> None:
    win.view.setCurrentIndex(win.model.index(row, col))


def test_dock_follows_current_cell(win):
    panel = win.side_panel.panel
    ws = win.workspace
    go(win, 6, 3)
    assert panel.customer_id == ws.matrix.customers[6].id
    assert panel.product_id == ws.matrix.products[3].id
    assert panel.master.name.text() == ws.matrix.customers[6].name
    assert panel.cell.heading.text().startswith(
        f"{ws.matrix.customers[6].name} × {ws.matrix.products[3].name}"
    )
    # the visit preparation's selection moves the matrix
    panel.visit.select("white", panel.visit.items("white")[0][0])
    cur = win.view.currentIndex()
    assert (
        ws.matrix.products[win.model.matrix_col(cur.column())].id
        == panel.visit.items("white")[0][0]
    )


def test_stale_and_due_cells_are_faded_and_due_counts_white(win):
    ws = win.workspace
    data = customer_data(ws)
    m = ws.matrix
    cid, pid = sorted(data.ages.stale)[0]
    r, c = m.row_of[cid], m.col_of[pid]
    delegate = win.side_panel_glue
    assert delegate.faded(win.model.view_row(r), win.model.view_col(c))
    fresh = next(
        (i, j)
        for i in range(m.n_rows)
        for j in range(m.n_cols)
        if m.code(i, j) != WHITE
        and not data.ages.is_stale(*ws.cell_key(i, j))
        and not data.ages.is_recheck_due(*ws.cell_key(i, j))
    )
    assert not delegate.faded(*fresh)
    # a due "no need" is shown as K, faded, but counted as a white spot
    dcid, dpid = sorted(data.ages.recheck_due)[0]
    dr, dc = m.row_of[dcid], m.col_of[dpid]
    assert m.mark(dr, dc) is Mark.NO_NEED
    assert delegate.faded(dr, dc)
    counts = win.model.row_counts(win.model.view_row(dr))
    stored = m.row_counts(dr)
    due_in_row = sum(1 for k in data.ages.recheck_due if k[0] == dcid)
    assert counts.white == stored.white + due_in_row
    assert counts.no_need == stored.no_need - due_in_row
    assert win.model.visible_totals().white == m.totals().white + len(data.ages.recheck_due)
    # editing the due cell keeps the status counts right (they are kept incrementally)
    index = win.model.index(win.model.view_row(dr), win.model.view_col(dc))
    win.view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert win.mark_selection(int(Mark.OURS))
    fresh_counts = MarkCounts.from_codes(effective_grid(m, data.ages.recheck_due))
    assert win.model.visible_totals() == fresh_counts
    win.undo_group.undo()
    assert win.model.visible_totals() == MarkCounts.from_codes(
        effective_grid(m, data.ages.recheck_due)
    )
    assert win.model.visible_totals().white == fresh_counts.white + 1


def test_stale_cells_are_painted_lighter(win, qtbot):
    ws = win.workspace
    data = customer_data(ws)
    m = ws.matrix
    view = win.view
    win.resize(1400, 1000)
    qtbot.wait(10)

    def visible(r: int, c: int) -> bool:
        rect = view.visualRect(win.model.index(r, c))
        return view.viewport().rect().contains(rect)

    ours = [
        (r, c)
        for r in range(m.n_rows)
        for c in range(m.n_cols)
        if m.mark(r, c) is Mark.OURS and visible(r, c)
    ]
    stale = next(rc for rc in ours if data.ages.is_stale(*ws.cell_key(*rc)))
    fresh = next(rc for rc in ours if not data.ages.is_stale(*ws.cell_key(*rc)))
    image = view.viewport().grab().toImage()

    def corner_lightness(rc) -> int:
        rect = view.visualRect(win.model.index(*rc))
        dpr = image.devicePixelRatio()
        return image.pixelColor(
            int((rect.left() + 2) * dpr), int((rect.top() + 2) * dpr)
        ).lightness()

    assert corner_lightness(stale) > corner_lightness(fresh) + 40


def test_confirm_selection_action(win, demo_file):
    ws = win.workspace
    data = customer_data(ws)
    cid, pid = sorted(data.ages.stale)[0]
    r, c = ws.matrix.row_of[cid], ws.matrix.col_of[pid]
    index = win.model.index(win.model.view_row(r), win.model.view_col(c))
    win.view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    old = ws.repo.get_cell(cid, pid)
    win.action_registry["mark.confirm"].trigger()
    with Repository.open(demo_file, read_only=True) as repo:
        new = repo.get_cell(cid, pid)
    assert new.verified_at > old.verified_at and new.mark == old.mark
    assert not win.side_panel_glue.faded(index.row(), index.column())
    assert win.undo_group.undoText()  # one undo step
    win.undo_group.undo()
    assert win.side_panel_glue.faded(index.row(), index.column())


def test_visit_preparation_action_and_panel_toggle(win):
    win.action_registry["view.visit_preparation"].trigger()
    panel = win.side_panel.panel
    assert win.side_panel.isVisible()
    assert panel.tabs.currentIndex() == panel.tab_visit
    win.action_registry["view.side_panel"].trigger()
    assert not win.side_panel.isVisible()


def test_closing_the_file_empties_the_panel(win):
    panel = win.side_panel.panel
    go(win, 2, 2)
    win.close_file()
    assert panel.ws is None and panel.customer_id is None
    assert not panel.tabs.isEnabled()
    assert win.side_panel_glue.faded(0, 0) is False


def test_stale_cells_filter_in_the_filter_bar(main_window_factory, demo_file):
    w = main_window_factory(
        demo_file, extensions=("kpm_desktop.gui.filter_bar", EXTENSION), show=False
    )
    data = customer_data(w.workspace)
    data.set_today(TODAY)
    bar = w.findChild(QWidget, "filter_bar")
    bar.only_stale.setChecked(True)
    m = w.workspace.matrix
    expected = sorted({m.row_of[c] for c, _p in data.ages.stale})
    assert sorted(w.model.rows) == expected and 0 < len(expected) < m.n_rows
    # with a product group shown, only stale answers in that group count
    group = sorted(m.groups)[0]
    bar.group.setCurrentIndex(bar.group.findData(group))
    in_group = {j for j, p in enumerate(m.products) if p.group_id == group}
    expected = sorted({m.row_of[c] for c, p in data.ages.stale if m.col_of[p] in in_group})
    assert sorted(w.model.rows) == expected
    bar.clear()
    assert w.model.rowCount() == m.n_rows
    w.close()
