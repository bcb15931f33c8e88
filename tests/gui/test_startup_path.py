"""Nothing but the matrix window on the start path (issue 20).

``kpm-desktop --profile-startup`` reports which of ``entry.HEAVY_MODULES`` (sqlite-utils,
openpyxl, calamine, xlsxwriter, QtPrintSupport, the import/export code and the dialogs) were
imported by the first painted frame: none may be. They load on first use instead.
"""

from __future__ import annotations

from pathlib import Path

from kpm_desktop.gui.entry import HEAVY_MODULES
from tests.helpers.processes import profile_startup


def test_no_heavy_module_is_imported_before_the_first_frame(demo_file: Path, data_dir) -> None:
    # --profile-startup runs the start a user gets (gui.entry.run), not a copy of it
    data = profile_startup(demo_file)
    assert {"sqlite_utils", "openpyxl", "python_calamine", "PySide6.QtPrintSupport"} <= set(
        HEAVY_MODULES
    )
    # every extension module is held back until after the first frame
    from kpm_desktop.gui.extensions import BEFORE_FIRST_FRAME, EXTENSION_MODULES

    assert set(EXTENSION_MODULES) - BEFORE_FIRST_FRAME <= set(HEAVY_MODULES)
    assert data["heavy_modules_at_first_frame"] == []
    # the Qt-free layers come in before PySide6, whose import hook reads the source of every
    # module imported after it (app.BEFORE_QT)
    assert data["qt_free_modules_after_qt"] == []
    assert 0 < data["modules_after_qt_at_first_frame"] < 60
    # the garbage collector is held off until the first frame, and on again right after
    assert data["gc_enabled_at_first_frame"] is False
    assert data["gc_enabled_after"] is True
    # every phase is still reported, in order
    assert (
        0
        < data["qapplication"]
        <= data["window_built"]
        <= data["file_opened"]
        <= data["matrix_loaded"]
        <= data["first_frame"]
        <= data["extensions_ready"]
    )
    assert data["peak_rss_mb_at_first_frame"] is None or data["peak_rss_mb_at_first_frame"] > 0
    # the log file is set up right after the first frame
    from kpm_desktop import paths

    assert "started" in paths.log_file().read_text(encoding="utf-8")


def test_the_garbage_collector_comes_back_without_a_frame(ui_settings, monkeypatch, qtbot) -> None:
    """A window that never paints (started minimised) still gets its collector back."""
    import gc

    from kpm_desktop.gui import entry
    from kpm_desktop.gui.main_window import MainWindow

    monkeypatch.setattr(entry, "FIRST_FRAME_FALLBACK_MS", 50)
    window = MainWindow(ui_settings, extensions=())  # never shown: no frame is painted
    qtbot.addWidget(window)
    gc.disable()
    try:
        entry._resume_gc_after_first_frame(window)
        assert not gc.isenabled()
        qtbot.waitUntil(gc.isenabled, timeout=5000)
        assert not window.view.painted_once
    finally:
        gc.enable()


def test_side_panel_builds_a_tab_when_it_is_first_shown(window, qtbot) -> None:
    from kpm_desktop.gui.side_panel.dock import SidePanel

    panel = SidePanel(window.workspace)
    qtbot.addWidget(panel)
    assert panel._built("goals") is None and panel._built("visit") is None
    panel.show_tab(panel.tab_visit)
    assert panel._built("visit") is not None and panel._built("goals") is None
    # asking for a view builds it, filled for the current customer
    ws = window.workspace
    with_notes = next(c.id for c in ws.matrix.customers if ws.repo.notes_for(c.id))
    panel.set_current_cell(with_notes, None)
    assert panel._built("notes") is None
    assert panel.notes.list.count() == len(ws.repo.notes_for(with_notes))


def test_insights_dock_builds_its_view_when_first_shown(
    qtbot, main_window_factory, demo_file
) -> None:
    win = main_window_factory(demo_file, extensions=("kpm_desktop.gui.insights_view",))
    dock = win.insights_dock
    assert dock._view is None  # hidden: nothing built
    dock.show()
    qtbot.waitUntil(lambda: dock._view is not None)
    win.close()


def _first_frame_then(win, step) -> list[str]:
    """Run ``step`` as a key the user types once the first frame is on screen: queued after
    the first paint, like input that arrives after it. Returns what the first frame saw: the
    held-back extensions ("pending"/"installed") and the status bar's counts text."""
    from PySide6.QtCore import QTimer

    seen: list[str] = []

    def frame() -> None:
        seen.append("pending" if win.extensions_pending else "installed")
        seen.append(win.status_label.text())  # the first frame never says "No file open"
        QTimer.singleShot(0, step)

    win.view.first_paint.connect(frame)
    return seen


def test_menu_shortcuts_work_right_after_the_first_frame(
    qtbot, main_window_factory, demo_file
) -> None:
    """At start-up the menu extensions install after the first frame; a shortcut typed as
    soon as that frame shows works (real key events where the focus is)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from tests.helpers.keys import press

    results: list[object] = []

    def keys() -> None:
        win.focus_matrix()
        press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier, wait_ms=0)  # Find customer
        results.append(QApplication.focusWidget())
        press(Qt.Key.Key_F9, wait_ms=0)  # Customer panel off
        results.append(win.side_panel is not None and win.side_panel.isHidden())

    win = main_window_factory(first_frame_first=True)
    # held back: not imported, not built, while the window is built
    assert win.extensions_pending and win.filter_bar is None and win.side_panel is None
    seen = _first_frame_then(win, keys)
    assert win.open_file(demo_file)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=10000)
    assert seen == ["pending", ""]  # the first frame came before the extensions
    assert results[0] is win.filter_bar.search  # Ctrl+F reached the filter bar's search
    assert results[1] is True  # F9 hid the customer panel
    # the docks and the filter bar took the file once it was announced
    assert win.side_panel.panel.ws is win.workspace
    assert win.filter_bar.isVisibleTo(win)


def test_held_back_docks_get_their_saved_place(
    qtbot, main_window_factory, demo_file, ui_settings
) -> None:
    """The layout saved on close (customer panel closed, insights shown) comes back when
    the docks are built after the first frame; a window closed before that frame keeps the
    saved layout instead of overwriting it without its docks."""
    first = main_window_factory(demo_file)
    first.side_panel.hide()
    first.insights_dock.show()
    first.close()

    early = main_window_factory(first_frame_first=True)
    early.close()  # before the first frame: nothing to save

    win = main_window_factory(demo_file, first_frame_first=True)
    qtbot.waitUntil(lambda: not win.extensions_pending, timeout=10000)
    assert win.side_panel.isHidden()
    assert win.insights_dock.isVisible()


def test_a_damaged_file_at_start_up_still_gets_the_restore_offer(
    main_window_factory, demo_file, data_dir, monkeypatch
) -> None:
    """The open-error handlers (gui.safety) are installed at once when the file given at
    start-up does not open, before the first frame."""
    from kpm_desktop.gui.safety import SafetyController
    from kpm_desktop.storage.backup import backup_file, content_hash

    good = content_hash(demo_file)
    backup_file(demo_file, "auto")
    data = demo_file.read_bytes()
    demo_file.write_bytes(data[: len(data) // 2])
    asked: list[str] = []
    monkeypatch.setattr(
        SafetyController, "ask", lambda self, title, text, yes, no: asked.append(text) or True
    )
    win = main_window_factory(first_frame_first=True)
    assert win.extensions_pending and not win.open_error_handlers
    assert win.open_file(demo_file)  # the restore was offered, accepted and opened
    assert "60 customers, 24 products" in asked[0]
    assert content_hash(win.workspace.repo.conn) == good
