"""docs/dark-main-window.png (+ a greyscale copy to check): the main window in the dark scheme.

Usage: QT_QPA_PLATFORM=offscreen python tools/dark_screenshot.py [OUT.png] [GREY.png]
The demo matrix, with the customer panel and insights open; UI settings in a temporary file.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from shots import ROOT, demo_file, main_window, save, settle, start_app


def main(argv: list[str]) -> int:
    app = start_app(None, platform=None)
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    from kpm_desktop.gui.palette import apply_color_scheme

    apply_color_scheme(app, Qt.ColorScheme.Dark)
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "dark-main-window.png"
    with tempfile.TemporaryDirectory() as tmp:
        window = main_window(Path(tmp), demo_file(Path(tmp), today=None), size=(1400, 860))
        for key in ("view.side_panel", "view.insights"):
            if key in window.action_registry and not window.action_registry[key].isChecked():
                window.action_registry[key].trigger()
        settle(0, seconds=1.5)  # docks load their data after the first frame
        shot = window.grab()
        save(shot, out)
        if len(argv) > 2:
            save(shot.toImage().convertToFormat(QImage.Format.Format_Grayscale8), Path(argv[2]))
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
