"""Findings from using the app like its users (QA pass): each test pins one fixed problem."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

PANEL_AND_INSIGHTS = ("kpm_desktop.gui.side_panel.extension", "kpm_desktop.gui.insights_view")


def test_first_start_window_fits_the_screen(main_window_factory) -> None:
    """A 1366x768 laptop: with no saved layout the window (and its status bar) fits the screen."""
    win = main_window_factory(extensions=(), show=False)
    avail = QGuiApplication.primaryScreen().availableGeometry()
    assert win.width() <= avail.width()
    assert win.height() <= avail.height()


def _labels_without_buddy(widget) -> list[str]:
    """Labels that show a mnemonic '&' literally: Qt only hides it when the label has a buddy."""
    from PySide6.QtWidgets import QLabel

    return [
        label.text()
        for label in widget.findChildren(QLabel)
        if "&" in label.text().replace("&&", "") and label.buddy() is None
    ]


def test_import_dialog_labels_show_no_ampersand(qtbot, demo_file) -> None:
    """The import wizard's first page read '&File:' (the label had no buddy)."""
    from kpm_desktop.gui.dialogs.import_dialog import ImportDialog
    from kpm_desktop.workspace.workspace import Workspace

    ws = Workspace.open(demo_file)
    try:
        dlg = ImportDialog(ws)
        qtbot.addWidget(dlg)
        dlg.show()
        assert _labels_without_buddy(dlg) == []
    finally:
        ws.close()


def test_window_fits_a_1280_wide_laptop_in_german(qtbot, main_window_factory, demo_file) -> None:
    """1920x1080 at 150 % is 1280 logical pixels: the German filter bar forced 1347 (side panel cut).

    The filter bar wraps its groups onto further rows when the window is narrower (issue 19:
    it no longer scrolls sideways, which hid filters behind a scroll bar).
    """
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton, QToolButton

    win = main_window_factory(demo_file, extensions=("kpm_desktop.gui.filter_bar",), lang="de")
    assert win.minimumSizeHint().width() <= 1280 - 422  # room for the side panel
    bar = win.filter_bar
    heights = []
    for width in (1280, 700):
        win.resize(width, 700)
        qtbot.wait(50)
        heights.append(bar.height())
        kinds = (QLineEdit, QComboBox, QCheckBox, QPushButton, QToolButton)
        for w in [w for kind in kinds for w in bar.findChildren(kind)]:
            if not w.isVisible() or w.parentWidget() is None:
                continue  # e.g. the search box's clear button
            seen = w.visibleRegion().boundingRect()
            assert seen.size() == w.size(), (width, w.objectName(), seen, w.size())
            top_left = w.mapTo(bar, w.rect().topLeft())
            assert bar.rect().contains(w.rect().translated(top_left)), (width, w.objectName())
    assert heights[1] > heights[0]  # wrapped onto more rows, nothing scrolled away


def test_write_actions_follow_the_file(main_window_factory, demo_file) -> None:
    """Snapshot and confirm actions were enabled with no file open and on a read-only file."""
    from kpm_desktop.storage.repository import Repository
    from kpm_desktop.workspace.workspace import Workspace

    win = main_window_factory(extensions=PANEL_AND_INSIGHTS, show=False)
    writes = ("mark.confirm", "tools.take_snapshot")
    reads = ("tools.compare_snapshot",)
    for key in writes + reads:
        assert not win.action_registry[key].isEnabled(), key  # no file open
    assert win.open_file(demo_file)
    for key in writes + reads:
        assert win.action_registry[key].isEnabled(), key
    win.close_file()
    win.set_workspace(Workspace(Repository.open(demo_file, read_only=True)))
    for key in writes:
        assert not win.action_registry[key].isEnabled(), key
    for key in reads:
        assert win.action_registry[key].isEnabled(), key
    win.close_file()


def test_printing_shows_a_wait_cursor(window, monkeypatch) -> None:
    """Print preview of 5,000 customers painted ~16 s on the main thread with no sign of life."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPageLayout
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from kpm_desktop.gui.export_menu import install
    from kpm_desktop.report import pdf_matrix, visit_sheet

    install(window)
    seen: list[object] = []

    def fake_paint(printer, *args, **kwargs) -> int:
        cursor = QApplication.overrideCursor()
        seen.append(cursor.shape() if cursor is not None else None)
        return 1

    monkeypatch.setattr(pdf_matrix, "paint_matrix", fake_paint)
    monkeypatch.setattr(visit_sheet, "paint_visit", fake_paint)
    actions = window.export_actions
    printer = QPrinter()
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    actions.paint_matrix_on(printer)
    window.workspace.set_current_customer(window.workspace.matrix.customers[0].id)
    actions.paint_visit_on(printer)
    assert seen == [Qt.CursorShape.WaitCursor, Qt.CursorShape.WaitCursor]
    assert QApplication.overrideCursor() is None


def test_undo_button_and_shortcut_list_keep_a_short_name(window) -> None:
    """After an edit the toolbar read 'Undo Mark 1440 cells as white spot' (the mark palette
    jumped sideways with every edit) and so did the keyboard shortcuts page."""
    from kpm_desktop.domain.marks import Mark
    from kpm_desktop.gui.actions import ActionId
    from kpm_desktop.gui.dialogs.shortcuts_help import shortcut_rows

    assert window.workspace.set_marks([(0, 0), (0, 1)], Mark.NEED)
    undo = window.action_registry[ActionId.UNDO]
    assert undo.text() != "Undo"  # the menu still says what will be undone
    assert undo.iconText() == "Undo"
    window.action_registry[ActionId.UNDO].trigger()
    assert window.action_registry[ActionId.REDO].iconText() == "Redo"
    names = [name for name, _ in shortcut_rows([undo, window.action_registry[ActionId.REDO]])]
    assert names == ["Undo", "Redo"]


def test_side_panel_and_insights_fit_a_laptop_screen_height(main_window_factory, demo_file) -> None:
    """View › Insights under the side panel needed 820 px: the window grew past a 768 px screen.

    Tall side-panel tabs (cell details, goals) scroll instead of forcing the height.
    """
    win = main_window_factory(demo_file, extensions=PANEL_AND_INSIGHTS)
    win.action_registry["view.insights"].trigger()
    assert win.insights_dock.isVisible()
    assert win.minimumSizeHint().height() <= 680  # 1280 x 720 logical minus a taskbar


def test_paste_error_is_not_said_twice_in_the_status_bar(window) -> None:
    """The status bar read 'Nothing was pasted: Nothing was pasted: row 1, column 1 …'."""
    window.view.setCurrentIndex(window.model.index(0, 0))
    assert not window.paste("X;W\n")
    (title, text) = window.messages[-1]
    assert text.startswith(title)  # the message box text names the outcome itself
    status = window.statusBar().currentMessage()
    assert status.count(title) == 1, status


def test_compact_counts_use_the_ui_decimal_separator() -> None:
    """The German count rows read '3.0k' (English decimal point) at 5,000 customers."""
    from PySide6.QtCore import QLocale

    from kpm_desktop.gui.matrix_headers import compact_number

    previous = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        assert compact_number(3012) == "3,0k"
        assert compact_number(950) == "950"
        assert compact_number(12_500) == "12k"
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        assert compact_number(8100) == "8.1k"
    finally:
        QLocale.setDefault(previous)


def test_closing_the_window_during_an_export_stops_the_worker(window) -> None:
    """Closing while an export ran aborted the app: 'QThread: Destroyed while thread
    'export_worker' is still running' (a Qt fatal error at exit)."""
    import threading

    from kpm_desktop.gui.export_menu import install
    from kpm_desktop.import_export.export_model import ExportCancelled

    install(window)
    started = threading.Event()

    def slow_task(progress):
        started.set()
        while progress(0, 1):
            threading.Event().wait(0.01)
        raise ExportCancelled

    job = window.export_actions._start(slow_task, "…")
    assert started.wait(5)
    window.close()
    assert not job.busy  # cancelled and joined before the window went away


def test_import_messages_group_large_numbers() -> None:
    """The German wizard said 'mehr als 200000 Zeilen' (no thousands separator)."""
    from PySide6.QtCore import QLocale

    from kpm_desktop.gui.dialogs.import_common import tr_message

    previous = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        assert "200.000" in tr_message("too_many_rows", {"file": "a.csv", "limit": 200_000})
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        assert "200,000" in tr_message("too_many_rows", {"file": "a.csv", "limit": 200_000})
    finally:
        QLocale.setDefault(previous)


def test_side_panel_keeps_typed_edits_when_the_rep_moves_on(main_window_factory, demo_file) -> None:
    """A city typed into the master data, or a cell note, vanished silently when the rep
    clicked the next cell; now the pending edit is saved first (one undo step each)."""
    from PySide6.QtWidgets import QDockWidget

    from kpm_desktop.domain.marks import Mark

    win = main_window_factory(demo_file, extensions=PANEL_AND_INSIGHTS[:1])
    ws, model, view = win.workspace, win.model, win.view
    panel = win.findChild(QDockWidget, "customerSidePanel").panel
    view.setCurrentIndex(model.index(0, 0))
    first = ws.current_customer
    panel.master.city.setText("Neustadt")
    view.setCurrentIndex(model.index(1, 0))  # another customer
    assert [c.city for c in ws.repo.load_customers() if c.id == first] == ["Neustadt"]

    ws.set_marks([(1, 1)], Mark.NEED)
    view.setCurrentIndex(model.index(1, 1))
    panel.cell.note.setPlainText("Einkauf fragt nach Rahmenvertrag")
    view.setCurrentIndex(model.index(1, 2))  # the next cell
    assert ws.cell_record(1, 1).note == "Einkauf fragt nach Rahmenvertrag"

    steps = ws.undo_stack.count() if hasattr(ws, "undo_stack") else None
    view.setCurrentIndex(model.index(2, 2))  # nothing typed: nothing saved
    view.setCurrentIndex(model.index(3, 3))
    if steps is not None:
        assert ws.undo_stack.count() == steps
    # An unreadable amount is never saved as "no amount".
    view.setCurrentIndex(model.index(1, 1))
    panel.cell.our_revenue.setText("1200")
    view.setCurrentIndex(model.index(1, 2))
    assert ws.cell_record(1, 1).our_revenue == 1200
    view.setCurrentIndex(model.index(1, 1))
    panel.cell.our_revenue.setText("zwölf")
    view.setCurrentIndex(model.index(1, 2))
    assert ws.cell_record(1, 1).our_revenue == 1200


def test_notes_typed_for_one_customer_stay_with_that_customer(
    main_window_factory, demo_file
) -> None:
    """A typed, unsaved note vanished on the next customer; the visit quick note even stayed
    in its field and was then added to the *next* customer."""
    from PySide6.QtWidgets import QDockWidget

    win = main_window_factory(demo_file, extensions=PANEL_AND_INSIGHTS[:1])
    ws, model, view = win.workspace, win.model, win.view
    panel = win.findChild(QDockWidget, "customerSidePanel").panel
    view.setCurrentIndex(model.index(0, 0))
    first = ws.current_customer
    before = [n.text for n in ws.repo.notes_for(first)]
    panel.notes.start_new()
    panel.notes.text.setPlainText("Einkäufer wechselt im Januar")
    panel.visit.note_edit.setText("Muster mitbringen")
    view.setCurrentIndex(model.index(1, 0))
    second = ws.current_customer
    texts = [n.text for n in ws.repo.notes_for(first)]
    assert sorted(texts) == sorted([*before, "Einkäufer wechselt im Januar", "Muster mitbringen"])
    assert panel.visit.note_edit.text() == ""
    assert "Muster mitbringen" not in [n.text for n in ws.repo.notes_for(second)]
    count = len(ws.repo.notes_for(second))
    view.setCurrentIndex(model.index(2, 0))  # nothing typed: nothing added
    assert len(ws.repo.notes_for(second)) == count
