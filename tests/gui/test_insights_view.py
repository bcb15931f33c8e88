"""The insights dock and the snapshot diff dialog in the main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QRectF, Qt

from kpm_desktop.domain.insights import compute_insights, rows_in_bar
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.gui.insights_view import BarsModel, StackedBarDelegate, bar_segments
from kpm_desktop.storage import history
from kpm_desktop.workspace.customer_commands import customer_data
from tests.helpers.demo import DEMO_TODAY

INSIGHTS = ("kpm_desktop.gui.insights_view",)


@pytest.fixture
def win(qtbot, main_window_factory, demo_file: Path):
    w = main_window_factory(demo_file, extensions=INSIGHTS, size=(1400, 900), persist_state=False)
    dock = w.insights_dock  # type: ignore[attr-defined]
    dock.view.today = DEMO_TODAY
    dock.show()
    qtbot.waitUntil(lambda: dock.view.insights is not None)
    return w


def _expected(w, rows=None):
    ws = w.workspace
    details = history.load_cell_details(ws.repo, ws.matrix)
    names = {cid: c.name for cid, c in ws.competitors().items()}
    # Due "no need" re-checks count as white spots (the side panel's effective matrix).
    matrix = customer_data(ws).effective_matrix()
    return compute_insights(matrix, details, names, today=DEMO_TODAY, rows=rows, limit=50)


def test_dock_is_installed_with_actions_and_shows_all_insights(win) -> None:
    dock = win.insights_dock
    assert "view.insights" in win.action_registry
    assert "tools.take_snapshot" in win.action_registry
    view = dock.view
    want = _expected(win)
    assert view.insights.bars == want.bars
    assert view.bars_model.rowCount() == 5  # product groups
    view.dimension.setCurrentIndex(view.dimension.findData("region"))
    assert [b.label for b in view.bars_model.bars] == [b.label for b in want.bars["region"]]
    assert view.competitor_tree.topLevelItemCount() == len(want.competitors)
    assert view.renewal_table.rowCount() == len(want.renewals) > 0
    assert view.next_tree.topLevelItemCount() == len(want.next_steps)
    first = view.next_tree.topLevelItem(0)
    assert first.childCount() >= 1 and "need" in first.child(0).text(0)


def test_clicking_a_bar_segment_filters_the_matrix_and_back_restores(win, qtbot) -> None:
    dock = win.insights_dock
    view = dock.view
    table = view.bars_view
    index = view.bars_model.index(0, BarsModel.BAR)
    rect = QRectF(table.visualRect(index))
    bar = view.bars_model.bars[0]
    _, seg = next((c, s) for c, s in bar_segments(bar, rect.adjusted(3, 4, -3, -4)) if c == 2)
    assert StackedBarDelegate.segment_at(bar, rect, seg.center()) == 2
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=seg.center().toPoint())
    expected = rows_in_bar(win.workspace.matrix, "group", bar.key, Mark.COMPETITOR)
    assert win.model.visible_rows() == expected
    assert dock.banner.isVisible() and str(len(expected)) in dock.banner_label.text()
    # the insights follow the filter
    qtbot.waitUntil(lambda: dock.view.insights.rows == len(expected))
    assert dock.view.insights.bars == _expected(win, expected).bars
    qtbot.mouseClick(dock.back_button, Qt.MouseButton.LeftButton)
    assert win.model.visible_rows() is None and not dock.banner.isVisible()


def test_edits_update_insights_through_patched_details(win, qtbot) -> None:
    ws = win.workspace
    view = win.insights_dock.view
    m = ws.matrix
    white = next((i, j) for i in range(m.n_rows) for j in range(m.n_cols) if m.code(i, j) == WHITE)
    ws.set_marks([white], Mark.NEED)
    qtbot.waitUntil(lambda: view.insights.totals.need == _expected(win).totals.need)
    ws.undo_stack.undo()
    qtbot.waitUntil(lambda: view.insights.totals.white == _expected(win).totals.white)
    assert view.insights.next_steps == _expected(win).next_steps


def test_competitor_and_next_step_clicks(win, qtbot) -> None:
    view = win.insights_dock.view
    item = view.competitor_tree.topLevelItem(0)
    view.competitor_tree.itemClicked.emit(item, 0)
    assert win.model.visible_rows() == list(view.insights.competitors[0].customers)
    win.insights_dock.back()
    step = view.insights.next_steps[2]
    view.next_tree.itemClicked.emit(view.next_tree.topLevelItem(2), 0)
    assert win.model.matrix_row(win.view.currentIndex().row()) == step.row
    assert view.hint_texts(step) == view.hint_texts(step)  # stable, computed on demand


def test_renewal_export(win, tmp_path: Path) -> None:
    view = win.insights_dock.view
    view.months.setValue(3)
    out = view.export_renewals(tmp_path / "r.xlsx")
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) - 1 == len(view.insights.renewals) == view.renewal_table.rowCount()


def test_snapshot_diff_dialog_highlights_changes_and_ignores_undone_edits(
    win, qtbot, tmp_path
) -> None:
    dock = win.insights_dock
    dock.show_diff()
    diff_view = dock.diff_dialog.view
    snap = dock.take_snapshot("Vor dem Besuch")
    assert snap is not None and diff_view.start.currentData() == snap.id
    ws = win.workspace
    m = ws.matrix
    cells = [(i, j) for i in range(m.n_rows) for j in range(m.n_cols) if m.code(i, j) == WHITE][:2]
    ws.set_marks([cells[0]], Mark.OURS)
    ws.set_marks([cells[1]], Mark.COMPETITOR)
    ws.undo_stack.undo()  # the second edit is undone: not a change
    diff_view.refresh()
    assert diff_view.diff.changed == 1
    assert diff_view.model.rowCount() == 1 and diff_view.model.columnCount() == 1
    index = diff_view.model.index(0, 0)
    assert index.data() == "– → X"
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    out = diff_view.export_to(tmp_path / "d.xlsx")
    wb = load_workbook(out)
    assert wb.worksheets[1].cell(2, 2).value == "– → X"
    # clicking the changed cell makes it current in the matrix
    qtbot.mouseClick(
        diff_view.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=diff_view.table.visualRect(index).center(),
    )
    current = win.view.currentIndex()
    assert (win.model.matrix_row(current.row()), win.model.matrix_col(current.column())) == cells[0]


def test_snapshot_on_read_only_file_is_refused(main_window_factory, demo_file: Path) -> None:
    from kpm_desktop.workspace.workspace import Workspace

    w = main_window_factory(extensions=INSIGHTS, persist_state=False, show=False)
    w.show_error = lambda title, text: w.setProperty("error", text)  # type: ignore[method-assign]
    w.set_workspace(Workspace.open(demo_file, read_only=True, parent=w))
    assert w.insights_dock.take_snapshot("x") is None
    assert "read-only" in w.property("error")
    w.close()


def test_no_file_open(main_window_factory) -> None:
    w = main_window_factory(extensions=INSIGHTS, persist_state=False, show=False)
    dock = w.insights_dock
    dock.view.refresh()
    assert dock.view.summary.text() == "No file open"
    assert not dock.compare_button.isEnabled()
    w.close()


def test_large_files_compute_in_a_worker_and_stale_results_are_dropped(win, qtbot) -> None:
    view = win.insights_dock.view
    view.background_cells = 0  # treat the demo as large
    ws = win.workspace
    view.refresh()
    assert view.summary.text() == "Computing…"
    token = view._token
    qtbot.waitUntil(lambda: view.summary.text() != "Computing…")
    assert view.insights.bars == _expected(win).bars
    # a result that arrives after a newer refresh started is ignored
    before = view.insights
    view._show_result(token - 1, None)
    assert view.insights is before
    m = ws.matrix
    white = next((i, j) for i in range(m.n_rows) for j in range(m.n_cols) if m.code(i, j) == WHITE)
    ws.set_marks([white], Mark.OURS)
    qtbot.waitUntil(lambda: view.insights.totals.ours == _expected(win).totals.ours)
    qtbot.waitUntil(lambda: not view._task.busy)


def test_delete_snapshot_from_the_diff_dialog(win) -> None:
    dock = win.insights_dock
    dock.show_diff()
    view = dock.diff_dialog.view
    dock.take_snapshot("A")
    dock.take_snapshot("B")
    assert view.start.currentText().startswith("B")
    assert view.delete.isEnabled()
    assert view.delete_start_snapshot().label == "B"
    assert [s.label for s in history.list_snapshots(win.workspace.repo)] == ["A"]
    view.start.setCurrentIndex(view.start.findData("date"))
    assert not view.delete.isEnabled()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_insights_share_the_right_side_with_the_side_panel_at_1366x768(
    qtbot, main_window_factory, demo_file: Path, lang
) -> None:
    """At 1366x768 with the side panel open, the insights get the full height as a tab next
    to the side panel (stacked, their tables showed one row): Ctrl+Shift+I shows and raises
    them, every group bar is visible, and the side panel is one tab click away."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDockWidget, QTabBar

    w = main_window_factory(
        demo_file, lang=lang, size=(1366, 768), persist_state=False, activate=True
    )
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5_000)
    view = w.view
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.viewport().rect().center()
    )
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view, timeout=5_000)
    side = w.findChild(QDockWidget, "customerSidePanel")
    dock = w.insights_dock
    assert side.isVisible() and not dock.isVisible()
    QTest.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert dock.isVisible()
    assert side in w.tabifiedDockWidgets(dock)
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty(), timeout=5_000)
    assert side.visibleRegion().isEmpty()  # behind its tab
    assert dock.height() > 0.75 * w.centralWidget().height()
    dock.view.today = DEMO_TODAY
    qtbot.waitUntil(lambda: dock.view.insights is not None, timeout=10_000)
    bars = dock.view.bars_view
    n = bars.model().rowCount()
    assert n >= 5

    def all_rows_show() -> bool:  # every bar row on screen, no scrolling
        top = bars.rowViewportPosition(n - 1)
        return top >= 0 and top + bars.rowHeight(n - 1) <= bars.viewport().height()

    qtbot.waitUntil(all_rows_show, timeout=5_000)
    # One click on the side panel's tab brings it back.
    title = side.windowTitle()
    bar = next(
        t
        for t in w.findChildren(QTabBar)
        if t.parent() is w and any(t.tabText(k) == title for k in range(t.count()))
    )
    k = next(k for k in range(bar.count()) if bar.tabText(k) == title)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(k).center())
    qtbot.waitUntil(lambda: not side.visibleRegion().isEmpty(), timeout=5_000)
