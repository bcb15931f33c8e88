"""Render the key-account screenshots in docs/ from the demo matrix (offscreen, 1366x768).

QT_QPA_PLATFORM=offscreen python tools/key_account_screenshots.py

Writes ``{en,de}-key-account-expanded.png`` (the "Krone Automotive SE" key account expanded,
its row current, the side panel showing the figures over its sites) and
``{en,de}-key-account-collapsed.png`` (all key accounts collapsed, scrolled to the end).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from kpm_desktop.gui.i18n import install_translators
    from kpm_desktop.gui.key_accounts import COLLAPSE_ALL, EXPAND_ALL
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.settings import UiSettings
    from kpm_desktop.samples.demo import write_demo

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_demo(Path(tmp) / "demo.kpm", today=date(2026, 11, 27))
        for lang in ("en", "de"):
            install_translators(app, lang)
            settings = UiSettings(
                QSettings(str(Path(tmp) / f"ui-{lang}.ini"), QSettings.Format.IniFormat)
            )
            window = MainWindow(settings)
            window.persist_state = False
            window.resize(1366, 768)
            window.open_file(path)
            window.show()

            def settle(window=window) -> None:
                end = time.monotonic() + 1.0
                while time.monotonic() < end:
                    app.processEvents()
                window._update_status()
                app.processEvents()

            settle()
            model, view = window.model, window.view
            ws = window.workspace
            krone = next(i for i, c in enumerate(ws.matrix.customers) if c.name.startswith("Krone"))
            window.action_registry[EXPAND_ALL].trigger()
            index = model.index(model.view_row(krone), 3)
            view.setCurrentIndex(index)
            view.scrollToBottom()
            settle()
            window.grab().save(str(args.out / f"{lang}-key-account-expanded.png"))
            window.action_registry[COLLAPSE_ALL].trigger()
            view.setCurrentIndex(model.index(model.view_row(krone), 3))
            view.scrollToBottom()
            settle()
            window.grab().save(str(args.out / f"{lang}-key-account-collapsed.png"))
            window.close()
    print(f"wrote key-account screenshots to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
