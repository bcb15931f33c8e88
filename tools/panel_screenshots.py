"""Render the side panel screenshots in docs/ from the demo matrix (offscreen).

QT_QPA_PLATFORM=offscreen python tools/panel_screenshots.py [--lang de]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from shots import TODAY, arguments, demo_file, main_window, save, start_app


def main() -> int:
    args = arguments()
    app = start_app(args.lang)

    from PySide6.QtTest import QTest

    from kpm_desktop.gui.side_panel import SidePanel
    from kpm_desktop.workspace.customer_commands import customer_data
    from kpm_desktop.workspace.workspace import Workspace

    suffix = "" if args.lang == "en" else f"_{args.lang}"
    with tempfile.TemporaryDirectory() as tmp:
        path = demo_file(Path(tmp))
        ws = Workspace.open(path)
        customer_data(ws).set_today(TODAY)
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
            save(panel, args.out / name.replace(".png", f"{suffix}.png"))
        ws.close()
        # The whole window: matrix with faded stale cells and the dock beside it.
        window = main_window(Path(tmp), path, today=TODAY, size=(1500, 900))
        window.view.setCurrentIndex(window.model.index(6, 4))
        window.side_panel.panel.show_tab(window.side_panel.panel.tab_visit)
        QTest.qWait(300)  # the status bar fills in after the first frame
        save(window, args.out / f"main_window_side_panel{suffix}.png")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
