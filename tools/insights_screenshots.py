"""Render the insights dock and snapshot-diff screenshots in docs/ from the demo (offscreen).

QT_QPA_PLATFORM=offscreen python tools/insights_screenshots.py [--out docs] [--lang en]

The demo is built with today's date (so contract ends fall in the renewal window); the diff
shows 14 scripted edits after a snapshot, the last one undone (so 13 changes).
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import date
from pathlib import Path

from shots import arguments, demo_file, main_window, save, start_app


def main() -> int:
    args = arguments()
    app = start_app(args.lang)

    from PySide6.QtCore import Qt

    from kpm_desktop.domain.marks import Mark

    with tempfile.TemporaryDirectory() as tmp:
        path = demo_file(Path(tmp), today=date.today())
        win = main_window(
            Path(tmp), path, extensions=("kpm_desktop.gui.insights_view",), size=(1500, 900)
        )
        dock = win.insights_dock  # type: ignore[attr-defined]
        dock.show()
        app.processEvents()
        dock.refresh_if_visible()
        win.resizeDocks([dock], [780], Qt.Orientation.Horizontal)
        app.processEvents()
        save(win, args.out / "insights_groups.png")
        for index, name in ((1, "competitors"), (2, "renewals"), (3, "next")):
            dock.view.tabs.setCurrentIndex(index)
            app.processEvents()
            save(dock, args.out / f"insights_{name}.png")
        dock.view.tabs.setCurrentIndex(0)
        dock.view.dimension.setCurrentIndex(dock.view.dimension.findData("region"))
        app.processEvents()
        save(dock, args.out / "insights_regions.png")

        dock.take_snapshot("Vor dem Quartalsgespräch")
        ws = win.workspace
        m = ws.matrix
        rng = random.Random(4)
        white = [(i, j) for i in range(m.n_rows) for j in range(m.n_cols) if m.code(i, j) == 0]
        for _ in range(14):
            ws.set_marks([rng.choice(white)], rng.choice(list(Mark)))
        ws.undo_stack.undo()
        dock.show_diff()
        dialog = dock.diff_dialog
        dialog.view.refresh()
        dialog.resize(1000, 520)
        app.processEvents()
        save(dialog, args.out / "snapshot_diff.png")
        dialog.close()
        win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
