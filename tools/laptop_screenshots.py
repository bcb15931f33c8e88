"""The main window on a 1366x768 laptop screen, in German and English (issue 19).

    xvfb-run -a -s "-screen 0 1366x768x24" python tools/laptop_screenshots.py [--out docs]

A real X11 window (xcb under Xvfb) maximised on a 1366x768 screen, the demo matrix as of
2026-11-27, throw-away XDG folders. Writes ``docs/laptop-<lang>-main-window.png`` (first
start: side panel, filter bar, insights), ``laptop-<lang>-compact-header.png`` (header
block collapsed), ``laptop-<lang>-insights.png`` (the insights dock open) and
``laptop-<lang>-zoomed-out.png``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import shots


def main() -> int:
    return shots.per_language_main(__file__, shoot, platform="xcb")


def shoot(lang: str, out: Path) -> int:
    app = shots.start_app(lang, platform="xcb")
    tmp = shots.child_folder()

    def screen(name: str) -> None:
        shots.settle(40)
        shots.save(app.primaryScreen().grabWindow(0), out / f"laptop-{lang}-{name}.png")

    window = shots.main_window(
        tmp, shots.demo_file(tmp), today=shots.TODAY, lang_setting=lang, show=False
    )
    window.setGeometry(app.primaryScreen().availableGeometry())  # maximised (Xvfb: no WM)
    window.show()
    shots.settle(80)
    window.view.setCurrentIndex(window.model.index(6, 4))
    window._update_status()
    window.statusBar().clearMessage()
    screen("main-window")
    window.action_registry["view.insights"].trigger()  # View › Insights
    from PySide6.QtWidgets import QWidget

    # the insights view is built and filled after a short delay
    shots.wait_until(lambda: window.findChild(QWidget, "insights_bars") is not None)
    shots.settle(50, seconds=0.5)
    screen("insights")
    window.action_registry["view.insights"].trigger()
    window.view.set_compact_header(True)
    screen("compact-header")
    window.view.set_zoom(0)
    screen("zoomed-out")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
