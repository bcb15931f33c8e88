"""Render the insights dock and snapshot-diff screenshots in docs/ from the demo (offscreen).

QT_QPA_PLATFORM=offscreen python tools/insights_screenshots.py [--out docs] [--lang en]

The demo is built with today's date (so contract ends fall in the renewal window); the diff
shows 14 scripted edits after a snapshot, the last one undone (so 13 changes).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from kpm_desktop.domain.marks import Mark
    from kpm_desktop.gui.i18n import install_translators
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.settings import UiSettings
    from kpm_desktop.samples.demo import write_demo

    app = QApplication([])
    install_translators(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_demo(Path(tmp) / "demo.kpm", today=date.today())
        settings = UiSettings(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
        win = MainWindow(settings, extensions=("kpm_desktop.gui.insights_view",))
        win.persist_state = False
        win.open_file(path)
        win.resize(1500, 900)
        win.show()
        dock = win.insights_dock  # type: ignore[attr-defined]
        dock.show()
        app.processEvents()
        dock.refresh_if_visible()
        win.resizeDocks([dock], [780], Qt.Orientation.Horizontal)
        app.processEvents()
        args.out.mkdir(parents=True, exist_ok=True)
        win.grab().save(str(args.out / "insights_groups.png"))
        for index, name in ((1, "competitors"), (2, "renewals"), (3, "next")):
            dock.view.tabs.setCurrentIndex(index)
            app.processEvents()
            dock.grab().save(str(args.out / f"insights_{name}.png"))
        dock.view.tabs.setCurrentIndex(0)
        dock.view.dimension.setCurrentIndex(dock.view.dimension.findData("region"))
        app.processEvents()
        dock.grab().save(str(args.out / "insights_regions.png"))

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
        dialog.grab().save(str(args.out / "snapshot_diff.png"))
        dialog.close()
        win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
