"""Render the side panel screenshots in docs/ from the demo matrix (offscreen).

QT_QPA_PLATFORM=offscreen python tools/panel_screenshots.py [--lang de]
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

    from PySide6.QtWidgets import QApplication

    from kpm_desktop.gui.side_panel import SidePanel
    from kpm_desktop.samples.demo import write_demo
    from kpm_desktop.workspace.customer_commands import customer_data
    from kpm_desktop.workspace.workspace import Workspace

    app = QApplication([])
    try:
        from kpm_desktop.gui.i18n import install_translators

        install_translators(app, args.lang)
    except ImportError:  # translations not available: English source texts
        pass
    today = date(2026, 11, 27)
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "en" else f"_{args.lang}"
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(write_demo(Path(tmp) / "demo.kpm", today=today))
        customer_data(ws).set_today(today)
        panel = SidePanel(ws)
        panel.resize(620, 860)
        customer = ws.matrix.customers[6]  # an A customer with goals, notes, renewals
        stale = sorted(p for c, p in customer_data(ws).ages.stale if c == customer.id)
        panel.set_current_cell(customer.id, stale[0])
        panel.show()
        shots = {
            "side_panel_customer.png": panel.tab_customer,
            "side_panel_cell.png": panel.tab_cell,
            "side_panel_goals.png": panel.tab_goals,
            "visit_preparation.png": panel.tab_visit,
        }
        for name, tab in shots.items():
            panel.tabs.setCurrentIndex(tab)
            if tab == panel.tab_visit:
                panel.visit.select("white", panel.visit.items("white")[0][0])
                panel.tabs.setCurrentIndex(tab)
            app.processEvents()
            name = name.replace(".png", f"{suffix}.png")
            panel.grab().save(str(args.out / name))
            print(args.out / name)
        ws.close()
        # The whole window: matrix with faded stale cells and the dock beside it.
        from PySide6.QtCore import QSettings

        from kpm_desktop.gui.main_window import MainWindow
        from kpm_desktop.gui.settings import UiSettings

        settings = UiSettings(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings)
        window.persist_state = False
        window.open_file(Path(tmp) / "demo.kpm")
        customer_data(window.workspace).set_today(today)
        window.resize(1500, 900)
        window.show()
        window.view.setCurrentIndex(window.model.index(6, 4))
        window.side_panel.panel.show_tab(window.side_panel.panel.tab_visit)
        from PySide6.QtTest import QTest

        QTest.qWait(300)  # the status bar fills in after the first frame
        name = f"main_window_side_panel{suffix}.png"
        window.grab().save(str(args.out / name))
        print(args.out / name)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
