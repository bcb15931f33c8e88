"""Render the main-window screenshots in docs/ from the demo matrix (offscreen).

QT_QPA_PLATFORM=offscreen python tools/gui_screenshots.py [--lang de]

Writes ``matrix_window.png`` (the demo matrix), ``matrix_filtered.png`` (customers with white
spots in the "Service" group, sorted by white spots) and ``matrix_window_grey.png`` (the first
one in greyscale, to check that the marks stay apart without colour).
"""

from __future__ import annotations

import argparse
import os
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

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from kpm_desktop.gui.i18n import install_translators

    install_translators(app, args.lang)
    from kpm_desktop.domain.filters import FilterSpec, SortKey, apply_filters
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.settings import UiSettings
    from kpm_desktop.samples.demo import write_demo

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_demo(Path(tmp) / "demo.kpm", today=date(2026, 11, 27))
        settings = UiSettings(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings)  # with the filter bar, side panel and other docks
        window.persist_state = False
        window.resize(1600, 900)
        window.open_file(path)
        window.show()

        def settle() -> None:
            import time

            end = time.monotonic() + 1.0
            while time.monotonic() < end:
                app.processEvents()
            window._update_status()  # the status bar waits for the first frame
            app.processEvents()

        settle()
        window.grab().save(str(args.out / "matrix_window.png"))

        # The palette check: the bare matrix (no faded stale answers) in greyscale.
        bare = MainWindow(settings, extensions=())
        bare.persist_state = False
        bare.resize(1400, 860)
        bare.open_file(path)
        bare.show()
        settle()
        grey = bare.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
        grey.save(str(args.out / "matrix_window_grey.png"))
        bare.close()

        ws = window.workspace
        service = next(g.id for g in ws.matrix.groups.values() if g.name == "Service")
        spec = FilterSpec(
            only_white_spots=True,
            group_id=service,
            sort_key=SortKey.WHITE_SPOTS,
            descending=True,
        )
        bar = getattr(window, "filter_bar", None)
        if bar is not None:
            bar.set_spec(spec)  # the filter bar shows and applies it
        else:
            result = apply_filters(ws.matrix, spec)
            window.model.set_visible(result.rows, result.cols)
        window.view.setCurrentIndex(window.model.index(0, 0))
        settle()
        window.grab().save(str(args.out / "matrix_filtered.png"))
        window.close()
    print(f"wrote screenshots to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
