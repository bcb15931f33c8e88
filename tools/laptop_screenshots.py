"""The main window on a 1366x768 laptop screen, in German and English (issue 19).

    xvfb-run -a -s "-screen 0 1366x768x24" python tools/laptop_screenshots.py [--out docs]

A real X11 window (xcb under Xvfb) maximised on a 1366x768 screen, the demo matrix as of
2026-11-27, throw-away XDG folders. Writes ``docs/laptop-<lang>-main-window.png`` (first
start: side panel, filter bar, insights), ``laptop-<lang>-compact-header.png`` (header
block collapsed), ``laptop-<lang>-insights.png`` (the insights dock open) and
``laptop-<lang>-zoomed-out.png``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 27)
LANGUAGES = ("de", "en")


def _isolated_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = tmp / var.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[var] = str(folder)
    env["HOME"] = str(tmp / "home")
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"  # the language comes from the setting below
    env.setdefault("QT_QPA_PLATFORM", "xcb")
    return env


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--lang", choices=LANGUAGES, action="append")
    parser.add_argument("--one", choices=LANGUAGES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return shoot(args.one, args.out)
    if not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
        print("no X display: run under xvfb-run (see the module docstring)", file=sys.stderr)
        return 2
    for lang in args.lang or LANGUAGES:
        with tempfile.TemporaryDirectory() as tmp:
            cmd = [sys.executable, __file__, "--one", lang, "--out", str(args.out)]
            subprocess.run(cmd, env=_isolated_env(Path(tmp)), check=True)
    return 0


def shoot(lang: str, out: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kpm_desktop.gui.i18n import LANGUAGE_KEY, install_translators

    app = QApplication([sys.argv[0]])
    install_translators(app, lang)

    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.settings import UiSettings
    from kpm_desktop.samples.demo import write_demo
    from kpm_desktop.workspace.customer_commands import customer_data

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(os.environ["XDG_DATA_HOME"])

    def settle(rounds: int = 40) -> None:
        for _ in range(rounds):
            app.processEvents()

    def save(widget, name: str) -> None:
        settle()
        path = out / f"laptop-{lang}-{name}.png"
        screen = app.primaryScreen()
        pixmap = screen.grabWindow(0) if widget is None else widget.grab()
        if not pixmap.save(str(path)):
            raise SystemExit(f"could not write {path}")
        print(path)

    demo = write_demo(tmp / "demo.kpm", today=TODAY)
    qsettings = QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat)
    qsettings.setValue(LANGUAGE_KEY, lang)
    settings = UiSettings(qsettings)
    window = MainWindow(settings)
    window.persist_state = False
    window.open_file(demo)
    customer_data(window.workspace).set_today(TODAY)
    window.setGeometry(app.primaryScreen().availableGeometry())  # maximised (Xvfb: no WM)
    window.show()
    settle(80)
    window.view.setCurrentIndex(window.model.index(6, 4))
    window._update_status()
    window.statusBar().clearMessage()
    save(None, "main-window")
    window.action_registry["view.insights"].trigger()  # View › Insights
    import time

    from PySide6.QtWidgets import QWidget

    end = time.monotonic() + 20
    while window.findChild(QWidget, "insights_bars") is None and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)  # the insights view is built and filled after a short delay
    for _ in range(50):
        app.processEvents()
        time.sleep(0.01)
    save(None, "insights")
    window.action_registry["view.insights"].trigger()
    window.view.set_compact_header(True)
    save(None, "compact-header")
    window.view.set_zoom(0)
    save(None, "zoomed-out")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
