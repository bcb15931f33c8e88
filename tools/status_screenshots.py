"""The status bar at 1366x768 right after planning a trip, in German and English.

    xvfb-run -a -s "-screen 0 1366x768x24" python tools/status_screenshots.py [--out docs]

A real X11 window (xcb under Xvfb) maximised on a 1366x768 screen with every extension, the
demo matrix as of 2026-11-27 (key accounts grouped). A trip is planned through the planner's
OK button; the screenshot ``docs/<lang>-status-message.png`` shows the temporary message
(the trip's name quoted) next to the compact counts, and ``<lang>-status-bar.png`` is the
bottom strip of it.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import shots


def main() -> int:
    return shots.per_language_main(__file__, shoot, platform="xcb")


def shoot(lang: str, out: Path) -> int:
    from PySide6.QtWidgets import QDialogButtonBox

    app = shots.start_app(lang, platform="xcb")
    tmp = shots.child_folder()
    window = shots.main_window(
        tmp, shots.demo_file(tmp), today=shots.TODAY, lang_setting=lang, show=False
    )
    window.setGeometry(app.primaryScreen().availableGeometry())  # maximised (Xvfb: no WM)
    window.show()
    shots.settle(80)
    window.view.setCurrentIndex(window.model.index(6, 4))
    dialog = window.trip_actions.plan()
    dialog.add_customers([c.id for c in window.workspace.matrix.customers[:3]])
    dialog.date_edit.setDate(date(2026, 12, 8))
    dialog.name_edit.setText(("Tour " if lang == "de" else "Trip ") + "2026-12-08")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    shots.settle(40)
    window._update_status()
    shots.settle(20)
    shot = app.primaryScreen().grabWindow(0)
    shots.save(shot, out / f"{lang}-status-message.png")
    bar = window.statusBar()
    strip = shot.copy(0, shot.height() - bar.height() - 4, shot.width(), bar.height() + 4)
    shots.save(strip, out / f"{lang}-status-bar.png")
    print(repr(bar.currentMessage()), "|", window.status_label.text())
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
