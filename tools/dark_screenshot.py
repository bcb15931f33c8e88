"""docs/dark-main-window.png (+ a greyscale copy to check): the main window in the dark scheme.

Usage: QT_QPA_PLATFORM=offscreen python tools/dark_screenshot.py [OUT.png] [GREY.png]
The demo matrix, with the customer panel and insights open; UI settings in a temporary file.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    app = QApplication(argv[:1])
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.palette import apply_color_scheme
    from kpm_desktop.gui.settings import UiSettings
    from kpm_desktop.samples.demo import write_demo

    apply_color_scheme(app, Qt.ColorScheme.Dark)
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "dark-main-window.png"
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo.kpm"
        write_demo(demo)
        settings = UiSettings(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings)
        window.persist_state = False
        window.open_file(demo)
        window.resize(1400, 860)
        window.show()
        for key in ("view.side_panel", "view.insights"):
            if key in window.action_registry and not window.action_registry[key].isChecked():
                window.action_registry[key].trigger()
        end = time.monotonic() + 1.5  # docks load their data after the first frame
        while time.monotonic() < end:
            app.processEvents()
        shot = window.grab()
        shot.save(str(out))
        if len(argv) > 2:
            shot.toImage().convertToFormat(QImage.Format.Format_Grayscale8).save(argv[2])
        window.close()
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
