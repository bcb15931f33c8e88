"""The set-up every screenshot tool shares (tools/*_screenshots.py, tools/dark_screenshot.py).

A tool runs as a script (``python tools/x_screenshots.py``), so this module is imported as
``shots`` from the tools folder. It gives:

- ``start_app(lang)``: the repository on ``sys.path``, a QApplication (offscreen unless a
  platform is set, e.g. xcb under Xvfb) and the language's catalogues.
- ``arguments()``: ``--out`` and ``--lang``; ``per_language_main(__file__, shoot)``: the command
  line of a tool that runs ``shoot(lang, out)`` once per language, each in a fresh process
  (translators are process-wide) with throw-away XDG folders and HOME.
- ``demo_file(folder)``: the demo matrix as of ``TODAY`` (the date every screenshot shows).
- ``main_window(...)``: a MainWindow with UI settings in a temporary INI file, never writing
  its layout, opened on a file, at a size, shown.
- ``settle(...)`` / ``save(...)``: let the event loop run, then grab a widget into a PNG.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kpm_desktop.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 27)
LANGUAGES = ("de", "en")


def start_app(lang: str | None = "en", *, platform: str | None = "offscreen") -> QApplication:
    """The QApplication for a screenshot run, with ``lang``'s catalogues (None: none); the Qt
    platform unless one is set (None: Qt's own choice)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    if platform is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", platform)
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    if lang is not None:
        set_language(lang)
    return app


def set_language(lang: str) -> None:
    from PySide6.QtWidgets import QApplication

    from kpm_desktop.gui.i18n import install_translators

    install_translators(QApplication.instance(), lang)


def arguments(*, lang: bool = True) -> argparse.Namespace:
    """``--out`` (default docs/) and, with ``lang``, ``--lang`` (default en)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    if lang:
        parser.add_argument("--lang", default="en")
    return parser.parse_args()


def per_language_main(
    script: str,
    shoot: Callable[..., int],
    *,
    platform: str = "offscreen",
    flags: dict[str, str] | None = None,
) -> int:
    """The command line of a tool that shoots each language in its own process:
    ``[--out DIR] [--lang de|en]...`` runs ``shoot(lang, out, **flags)`` in a child per
    language; ``flags`` are extra on/off options (name -> help) passed on to the children."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--lang", choices=LANGUAGES, action="append")
    parser.add_argument("--one", choices=LANGUAGES, help=argparse.SUPPRESS)
    for flag, text in (flags or {}).items():
        parser.add_argument(flag, action="store_true", help=text)
    args = parser.parse_args()
    chosen = {flag: getattr(args, flag.lstrip("-").replace("-", "_")) for flag in flags or {}}
    if args.one:
        options = {flag.lstrip("-").replace("-", "_"): on for flag, on in chosen.items()}
        return shoot(args.one, args.out, **options)
    extra = [flag for flag, on in chosen.items() if on]
    return per_language(script, args.lang or LANGUAGES, args.out, extra, platform=platform)


def isolated_env(folder: Path, *, platform: str) -> dict[str, str]:
    """The environment for one child run: its own XDG folders and HOME, the C locale (the
    language comes from the command line), the Qt platform unless one is set."""
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        path = folder / var.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[var] = str(path)
    env["HOME"] = str(folder / "home")
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    env.setdefault("QT_QPA_PLATFORM", platform)
    return env


def per_language(
    script: str,
    langs: Iterable[str],
    out: Path,
    extra: Sequence[str] = (),
    *,
    platform: str = "offscreen",
) -> int:
    """Run ``script --one LANG --out OUT [extra]`` for each language in a fresh process."""
    if platform == "xcb" and not (os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM")):
        print("no X display: run under xvfb-run (see the module docstring)", file=sys.stderr)
        return 2
    for lang in langs:
        with tempfile.TemporaryDirectory() as tmp:
            cmd = [sys.executable, script, "--one", lang, "--out", str(out), *extra]
            subprocess.run(cmd, env=isolated_env(Path(tmp), platform=platform), check=True)
    return 0


def child_folder() -> Path:
    """The throw-away folder of a ``per_language`` child run (its XDG data folder)."""
    return Path(os.environ["XDG_DATA_HOME"])


def demo_file(folder: Path, today: date | None = TODAY, name: str = "demo.kpm") -> Path:
    """The demo matrix as of ``today`` (None: the demo's own default, the real today)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from kpm_desktop.samples.demo import write_demo

    return write_demo(folder / name, today=today)


def main_window(
    folder: Path,
    path: Path | None = None,
    *,
    extensions: Sequence[str] | None = None,
    size: tuple[int, int] | None = None,
    today: date | None = None,
    ini: str = "ui.ini",
    lang_setting: str | None = None,
    show: bool = True,
) -> MainWindow:
    """A main window with its UI settings in ``folder/ini`` that never writes its layout,
    opened on ``path`` (figures as of ``today``), resized and shown.

    extensions: None = every extension (as users get it). lang_setting: also store the
    language in the settings (the Preferences dialog shows it).
    """
    from PySide6.QtCore import QSettings

    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.settings import UiSettings

    qsettings = QSettings(str(folder / ini), QSettings.Format.IniFormat)
    if lang_setting is not None:
        from kpm_desktop.gui.i18n import LANGUAGE_KEY

        qsettings.setValue(LANGUAGE_KEY, lang_setting)
    window = MainWindow(UiSettings(qsettings), extensions=extensions)
    window.persist_state = False
    if path is not None and not window.open_file(path):
        raise SystemExit(f"could not open {path}")
    if today is not None:
        from kpm_desktop.workspace.customer_commands import customer_data

        customer_data(window.workspace).set_today(today)
    if size is not None:
        window.resize(*size)
    if show:
        window.show()
    return window


def settle(rounds: int = 20, *, seconds: float = 0.0, window: Any = None) -> None:
    """Let the event loop run ``rounds`` times (and for ``seconds``); with ``window``, then
    fill its status bar (it waits for the first frame)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    for _ in range(rounds):
        app.processEvents()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
    if window is not None:
        window._update_status()
        app.processEvents()


def wait_until(done: Callable[[], object], seconds: float = 20.0) -> bool:
    """Run the event loop until ``done()`` is true (True) or ``seconds`` passed (False)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            return False
        app.processEvents()
        time.sleep(0.02)
    return True


def save(shot: Any, path: Path, *, rounds: int = 0) -> Path:
    """Save a widget's grab (or a QPixmap/QImage) as PNG; a failed write ends the tool."""
    if rounds:
        settle(rounds)
    image = shot.grab() if hasattr(shot, "grab") else shot
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)
    return path
