"""Nothing but the matrix window on the start path (issue 20).

``kpm-desktop --profile-startup`` reports which of ``entry.HEAVY_MODULES`` (sqlite-utils,
openpyxl, calamine, xlsxwriter, QtPrintSupport, the import/export code and the dialogs) were
imported by the first painted frame: none may be. They load on first use instead.
"""

from __future__ import annotations

from pathlib import Path

from kpm_desktop.gui.entry import HEAVY_MODULES
from tests.helpers.processes import profile_startup


def test_no_heavy_module_is_imported_before_the_first_frame(demo_file: Path) -> None:
    data = profile_startup(demo_file)
    assert {"sqlite_utils", "openpyxl", "python_calamine", "PySide6.QtPrintSupport"} <= set(
        HEAVY_MODULES
    )
    assert data["heavy_modules_at_first_frame"] == []
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
