"""The matrix window: model contract, keyboard marking, undo, paste/copy, file handling."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.gui.actions import ActionId
from kpm_desktop.gui.matrix_model import MARK_ROLE, MatrixModel
from kpm_desktop.storage.repository import Repository
from kpm_desktop.workspace.workspace import Workspace
from tests.helpers.files import file_hash, marks_in_file
from tests.helpers.processes import profile_startup


def select_block(window, top: int, left: int, bottom: int, right: int) -> None:
    model = window.model
    window.view.setCurrentIndex(model.index(top, left))
    window.view.selectionModel().select(
        QItemSelection(model.index(top, left), model.index(bottom, right)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )


def test_model_passes_qtmodeltester(qtmodeltester, demo_file: Path) -> None:
    ws = Workspace.open(demo_file)
    try:
        model = MatrixModel(ws)
        model.set_visible([5, 3, 1], [2, 0])
        qtmodeltester.check(model, force_py=True)
        # The tester stays connected: layout changes, edits and resets are checked too.
        model.set_visible([7, 5, 3, 1, 0], None)
        assert model.rowCount() == 5 and model.columnCount() == ws.matrix.n_cols
        assert model.index(1, 2).data(MARK_ROLE) == ws.matrix.code(5, 2)
        ws.set_marks([(5, 2), (9, 9)], Mark.NEED)
        assert model.index(1, 2).data(MARK_ROLE) == int(Mark.NEED)
        model.set_visible(None, None)
        ws.reload()
        assert model.rowCount() == ws.matrix.n_rows
    finally:
        ws.close()


def test_typing_marks_writes_exactly_those_marks(window) -> None:
    view, model, ws = window.view, window.model, window.workspace
    path = ws.path
    keys = [
        (Qt.Key.Key_X, Mark.OURS),
        (Qt.Key.Key_W, Mark.COMPETITOR),
        (Qt.Key.Key_B, Mark.NEED),
        (Qt.Key.Key_K, Mark.NO_NEED),
        (Qt.Key.Key_Delete, None),
    ]
    expected = {}
    view.setFocus()
    for col, (key, mark) in enumerate(keys):
        view.setCurrentIndex(model.index(2, col))
        QTest.keyClick(view, key)
        expected[ws.cell_key(model.matrix_row(2), model.matrix_col(col))] = mark
    assert ws.undo_stack.count() == 5
    window.close_file()  # what is on disk is all there is
    in_file = marks_in_file(path)
    for key, mark in expected.items():
        assert in_file.get(key) == (None if mark is None else int(mark))
    with Repository.open(path, read_only=True) as repo:
        assert repo.verify() == []
        history = repo.history()
        assert sum(1 for h in history if h.source == "user") >= 4


def test_digit_and_alias_keys(window) -> None:
    view, model = window.view, window.model
    view.setFocus()
    for key, code in [
        (Qt.Key.Key_1, 1),
        (Qt.Key.Key_2, 2),
        (Qt.Key.Key_R, 2),
        (Qt.Key.Key_3, 3),
        (Qt.Key.Key_G, 3),
        (Qt.Key.Key_4, 4),
        (Qt.Key.Key_N, 4),
        (Qt.Key.Key_0, WHITE),
    ]:
        view.setCurrentIndex(model.index(7, 1))
        QTest.keyClick(view, key)
        assert model.code_at(7, 1) == code


def test_bulk_mark_is_one_step_and_undo_restores_the_file(window) -> None:
    ws = window.workspace
    before = marks_in_file(ws.path)
    select_block(window, 0, 0, 9, 5)
    window.action_registry[ActionId.MARK_NEED].trigger()
    assert ws.undo_stack.count() == 1
    assert "60" in window.action_registry[ActionId.UNDO].text()  # "Undo Mark 60 cells as need"
    after = marks_in_file(ws.path)
    for r in range(10):
        for c in range(6):
            key = ws.cell_key(window.model.matrix_row(r), window.model.matrix_col(c))
            assert after[key] == int(Mark.NEED)
    window.action_registry[ActionId.UNDO].trigger()
    assert marks_in_file(ws.path) == before
    window.action_registry[ActionId.REDO].trigger()
    assert marks_in_file(ws.path) == after


def test_paste_tsv_block_from_spreadsheet(window) -> None:
    ws, model = window.workspace, window.model
    select_block(window, 4, 2, 4, 2)
    text = "X\tW\tB\r\nK\t\tx\r\n"  # Excel style: CRLF, trailing newline, empty cell
    assert window.paste(text)
    expected = [[1, 2, 3], [4, 0, 1]]
    in_file = marks_in_file(ws.path)
    for i, row in enumerate(expected):
        for j, code in enumerate(row):
            assert model.code_at(4 + i, 2 + j) == code
            key = ws.cell_key(model.matrix_row(4 + i), model.matrix_col(2 + j))
            assert in_file.get(key, 0) == code
    assert ws.undo_stack.count() == 1


def test_paste_with_unknown_text_writes_nothing(window) -> None:
    ws = window.workspace
    select_block(window, 0, 0, 0, 0)
    before = file_hash(ws.path)
    assert not window.paste("X\tW\nB\tmaybe\n")
    assert file_hash(ws.path) == before
    assert ws.undo_stack.count() == 0
    _title, message = window.messages[-1]
    assert "maybe" in message and "row 2, column 2" in message


def test_paste_that_does_not_fit_writes_nothing(window) -> None:
    ws, model = window.workspace, window.model
    last = model.rowCount() - 1
    select_block(window, last, 0, last, 0)
    before = marks_in_file(ws.path)
    assert not window.paste("X\nX\n")
    assert marks_in_file(ws.path) == before


def test_copy_block_round_trips_through_paste(window) -> None:
    model = window.model
    select_block(window, 0, 0, 2, 3)
    assert window.copy_selection()
    text = QGuiApplication.clipboard().text()
    rows = text.rstrip("\n").split("\n")
    assert len(rows) == 3 and all(len(r.split("\t")) == 4 for r in rows)
    codes = [[model.code_at(r, c) for c in range(4)] for r in range(3)]
    select_block(window, 10, 5, 10, 5)
    assert window.paste(text)
    assert [[model.code_at(10 + r, 5 + c) for c in range(4)] for r in range(3)] == codes


def test_single_mark_pasted_onto_selection_fills_it(window) -> None:
    select_block(window, 0, 0, 1, 1)
    assert window.paste("K\n")
    assert all(window.model.code_at(r, c) == 4 for r in range(2) for c in range(2))


def test_filter_api_and_status_bar(window, qtbot) -> None:
    model = window.model
    m = window.workspace.matrix
    rows = [r for r in range(m.n_rows) if m.white_spots_in_row(r) > 15]
    with qtbot.waitSignal(model.layoutChanged):
        model.set_visible(rows, None)
    assert model.rowCount() == len(rows)
    qtbot.waitUntil(lambda: f"{len(rows)} of {m.n_rows}" in window.status_label.toolTip())
    totals = m.totals(rows, None)
    assert f"{totals.white:,}" in window.status_label.toolTip()
    # Marking in a filtered view hits the right matrix cells.
    select_block(window, 0, 0, 0, 0)
    window.mark_selection(int(Mark.OURS))
    assert m.code(rows[0], 0) == int(Mark.OURS)


def test_title_recent_files_close_and_reopen(window, demo_file: Path) -> None:
    assert demo_file.name in window.windowTitle()
    assert window.settings.recent_files()[0] == demo_file.resolve()
    window.close_file()
    assert window.workspace is None and window.model.rowCount() == 0
    assert not window.action_registry[ActionId.MARK_OURS].isEnabled()
    assert window.open_file(demo_file)
    assert window.model.rowCount() == 60


def test_open_bad_file_keeps_window_usable(window, tmp_path: Path) -> None:
    bad = tmp_path / "notes.kpm"
    bad.write_text("hello", encoding="utf-8")
    assert not window.open_file(bad)
    assert window.messages and "notes.kpm" in window.messages[-1][1]
    assert window.workspace is not None  # the previous file stays open


def test_save_copy_is_complete_and_independent(window, tmp_path: Path) -> None:
    ws = window.workspace
    select_block(window, 0, 0, 0, 0)
    window.mark_selection(int(Mark.COMPETITOR))
    target = tmp_path / "copy.kpm"
    assert window.save_copy(target)
    with Repository.open(target, read_only=True) as repo:
        assert repo.verify() == []
        assert repo.load_matrix().grid == ws.matrix.grid


def test_create_new_file_refuses_existing(window, tmp_path: Path) -> None:
    assert window.create_file(tmp_path / "neu")
    assert window.workspace.path.name == "neu.kpm"
    assert window.model.rowCount() == 0
    assert not window.create_file(tmp_path / "neu.kpm")


def test_tooltip_names_mark_competitor_and_date(window) -> None:
    model, ws = window.model, window.workspace
    m = ws.matrix
    r, c = next(
        (r, c)
        for r in range(m.n_rows)
        for c in range(m.n_cols)
        if m.code(r, c) == int(Mark.COMPETITOR)
    )
    tip = model.index(model.view_row(r), model.view_col(c)).data(Qt.ItemDataRole.ToolTipRole)
    assert "Competitor" in tip and "Last verified" in tip
    competitor = ws.competitor_name(ws.cell_record(r, c).competitor_id)
    assert competitor and competitor in tip.replace("&amp;", "&")


def test_profile_startup_prints_json(demo_file: Path) -> None:
    data = profile_startup(demo_file)
    assert data["customers"] == 60
    assert (
        0
        < data["qapplication"]
        <= data["window_built"]
        <= data["file_opened"]
        <= data["matrix_loaded"]
        <= data["workspace_shown"]
        <= data["first_frame"]
        <= data["extensions_ready"]
    )


def test_locked_file_opens_read_only_after_asking(window, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from kpm_desktop.samples.demo import write_demo
    from kpm_desktop.storage.lock import FileLockedError

    other = write_demo(tmp_path / "other.kpm")
    real_open = Workspace.open

    def open_elsewhere(path, *, read_only=False, parent=None, **kwargs):
        # Another running instance holds the writer lock (the lock itself is tested in
        # tests/safety); only read-only viewing is possible.
        if not read_only:
            raise FileLockedError(Path(path), None)
        return real_open(path, read_only=True, parent=parent, **kwargs)

    monkeypatch.setattr(Workspace, "open", staticmethod(open_elsewhere))
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes,
    )
    assert window.open_file(other)
    assert asked and window.workspace.read_only
    assert "read-only" in window.windowTitle()
    assert not window.action_registry[ActionId.MARK_OURS].isEnabled()
    assert not window.action_registry[ActionId.PASTE].isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not window.open_file(other)  # declined: nothing changes


def test_visible_totals_stay_exact_through_edits_filters_and_undo(window) -> None:
    model, ws = window.model, window.workspace
    m = ws.matrix

    def recount():
        rows = model.visible_rows()
        cols = model.visible_cols()
        return m.totals(rows, cols)

    assert model.visible_totals() == recount()
    select_block(window, 0, 0, 4, 4)
    window.mark_selection(int(Mark.COMPETITOR))
    assert model.visible_totals() == recount()
    model.set_visible(list(range(0, 60, 2)), [0, 1, 2, 10])
    assert model.visible_totals() == recount()
    select_block(window, 0, 0, 3, 3)
    window.mark_selection(WHITE)
    ws.undo_stack.undo()
    ws.undo_stack.undo()
    assert model.visible_totals() == recount()
    assert model.visible_white() == recount().white
    model.set_visible(list(range(1, 60, 3)), None, white=m.totals(list(range(1, 60, 3))).white)
    select_block(window, 0, 0, 2, 2)
    window.mark_selection(int(Mark.NEED))
    assert model.visible_white() == recount().white
    model.set_visible(list(range(0, 60, 2)), [0, 1, 2, 10])
    assert model.visible_white() == recount().white
    # Row/column summaries in the headers follow the filter too.
    assert model.row_counts(0) == m.row_counts(0, [0, 1, 2, 10])
    assert model.col_counts(3) == m.col_counts(10, list(range(0, 60, 2)))


def test_header_tooltips_and_roles(window) -> None:
    from kpm_desktop.gui.matrix_model import COUNTS_ROLE, GROUP_ROLE

    model = window.model
    h = Qt.Orientation.Horizontal
    v = Qt.Orientation.Vertical
    assert model.headerData(0, h, GROUP_ROLE) == "Antriebstechnik"
    assert "Group: Antriebstechnik" in model.headerData(0, h, Qt.ItemDataRole.ToolTipRole)
    counts = model.headerData(0, v, COUNTS_ROLE)
    tip = model.headerData(0, v, Qt.ItemDataRole.ToolTipRole)
    assert f"{counts.white} white spots" in tip


def test_context_menu_and_palette_share_actions(window) -> None:
    palette = window.action_registry.toolbar("marks").actions()
    for key in (
        ActionId.MARK_OURS,
        ActionId.MARK_COMPETITOR,
        ActionId.MARK_NEED,
        ActionId.MARK_NO_NEED,
        ActionId.MARK_WHITE,
    ):
        assert window.action_registry[key] in palette
        assert window.action_registry[key] in window.view.actions()
    keys = [s.toString() for s in window.action_registry[ActionId.MARK_COMPETITOR].shortcuts()]
    assert keys == ["W", "2", "R"]


def test_ctrl_c_ctrl_v_keys_copy_and_paste(window) -> None:
    view, model = window.view, window.model
    view.setFocus()
    select_block(window, 0, 0, 1, 2)
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    codes = [[model.code_at(r, c) for c in range(3)] for r in range(2)]
    assert QGuiApplication.clipboard().text().count("\n") == 2
    select_block(window, 20, 10, 20, 10)
    QTest.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [[model.code_at(20 + r, 10 + c) for c in range(3)] for r in range(2)] == codes
    assert window.workspace.undo_stack.count() == 1


def test_too_large_selection_is_refused_with_a_message(window, monkeypatch) -> None:
    import kpm_desktop.gui.marking as marking

    monkeypatch.setattr(marking, "MAX_BULK_CELLS", 10)
    before = marks_in_file(window.workspace.path)
    select_block(window, 0, 0, 3, 3)
    assert not window.mark_selection(int(Mark.OURS))
    assert "16 cells" in window.messages[-1][1]
    assert marks_in_file(window.workspace.path) == before


def test_empty_states_paint_a_hint(window) -> None:
    def has_text() -> bool:
        image = window.view.viewport().grab().toImage()
        return any(
            image.pixelColor(x, y).lightness() < 160
            for y in range(15, 45)
            for x in range(0, image.width(), 2)
        )

    window.model.set_visible([], None)  # nothing matches a filter
    assert has_text()
    window.close_file()
    assert has_text()
    assert window.status_label.text() == "No file open"


def test_zoom_changes_cell_size_and_is_remembered(window, ui_settings) -> None:
    from kpm_desktop.gui.matrix_view import DEFAULT_ZOOM, ZOOM_LEVELS

    view = window.view
    assert view.columnWidth(0) == ZOOM_LEVELS[DEFAULT_ZOOM][0]
    window.action_registry[ActionId.ZOOM_OUT].trigger()
    window.action_registry[ActionId.ZOOM_OUT].trigger()
    w, h = ZOOM_LEVELS[DEFAULT_ZOOM - 2]
    assert (view.columnWidth(5), view.rowHeight(5)) == (w, h)
    assert ui_settings.zoom(-1) == DEFAULT_ZOOM - 2
    view.viewport().grab()  # paints at the new size
    for _ in range(10):
        window.action_registry[ActionId.ZOOM_IN].trigger()
    assert view.zoom == len(ZOOM_LEVELS) - 1
    window.action_registry[ActionId.ZOOM_RESET].trigger()
    assert view.zoom == DEFAULT_ZOOM
    # Marking still hits the right cell at another size.
    window.action_registry[ActionId.ZOOM_OUT].trigger()
    select_block(window, 2, 2, 2, 2)
    window.mark_selection(int(Mark.NO_NEED))
    assert window.model.code_at(2, 2) == int(Mark.NO_NEED)


def test_docks_get_the_file_after_the_first_frame_at_startup(
    qtbot, main_window_factory, demo_file: Path
) -> None:
    win = main_window_factory(extensions=(), show=False)
    order: list[str] = []
    win.view.first_paint.connect(lambda: order.append("frame"))
    win.workspace_changed.connect(lambda ws: order.append("workspace"))
    win.show()  # shown, not yet painted: the start-up path
    assert win.open_file(demo_file)
    assert order == []
    qtbot.waitUntil(lambda: "workspace" in order)
    assert order == ["frame", "workspace"]
    # Later files are announced at once.
    win.close_file()
    assert order[-1] == "workspace"
    win.close()


def test_large_file_is_checked_beside_the_ui(
    window, demo_file: Path, tmp_path: Path, monkeypatch
) -> None:
    from kpm_desktop.gui import workers
    from kpm_desktop.storage import database

    monkeypatch.setattr(workers, "CHECK_IN_BACKGROUND_BYTES", 0)  # every file counts as large
    calls = []
    real = database.check_file
    monkeypatch.setattr(
        database, "check_file", lambda path, level="quick": calls.append(level) or real(path, level)
    )
    window.close_file()
    assert window.open_file(demo_file)
    assert calls == ["auto"]  # checked once, on the worker, not again by the open
    bad = tmp_path / "bad.kpm"
    bad.write_text("no database", encoding="utf-8")
    assert not window.open_file(bad)
    assert "bad.kpm" in window.messages[-1][1]
    assert window.workspace.path == demo_file
