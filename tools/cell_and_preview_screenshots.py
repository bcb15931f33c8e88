"""German and English screenshots of the Cell tab after K → X and of the print preview.

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
        python tools/cell_and_preview_screenshots.py [--lang de] [--out docs]

On the demo matrix at 1366 x 768: a white spot marked K with a reason in the Cell tab, then X
by key; ``docs/<lang>-cell-tab-after-x.png`` shows the window with the Cell tab (no reason
for X). ``docs/<lang>-print-preview.png`` is File › Print preview… on its last page (End),
with the page keys in its status line. Each language runs in its own process.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import shots


def main() -> int:
    return shots.per_language_main(__file__, shoot)


def shoot(lang: str, out: Path) -> int:
    shots.start_app(lang)
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from kpm_desktop.gui.export_menu import PREVIEW_ACTION

    tmp = shots.child_folder()
    path = shots.demo_file(tmp)
    window = shots.main_window(tmp, path, size=(1366, 768), lang_setting=lang)
    shots.settle(30)
    ws, model, view = window.workspace, window.model, window.view
    row, col = next(
        (r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if ws.matrix.mark(model.matrix_row(r), model.matrix_col(c)) is None
    )
    view.setFocus()
    view.setCurrentIndex(model.index(row, col))
    QTest.keyClick(view, Qt.Key.Key_K)
    panel = window.side_panel.panel
    panel.tabs.setCurrentIndex(panel.tab_cell)
    panel.cell.reason.setCurrentIndex(1)
    panel.cell.save_button.click()
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_X)
    shots.save(window, out / f"{lang}-cell-tab-after-x.png", rounds=30)

    window.action_registry[PREVIEW_ACTION].trigger()
    dialog = window.export_actions.preview_dialog
    end = time.monotonic() + 60
    while dialog.shown_page is None and time.monotonic() < end:
        shots.settle(5)
    dialog.scroll_area.setFocus()
    QTest.keyClick(dialog.scroll_area, Qt.Key.Key_End)
    shots.save(dialog, out / f"{lang}-print-preview.png", rounds=30)
    dialog.close()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
