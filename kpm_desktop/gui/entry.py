"""``kpm-desktop [FILE] [--profile-startup] [--smoke-test] [--lang de|en]``.

Without FILE the most recent file opens; with no recent file, the demo matrix (created on
first use in the per-user data folder).
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kpm_desktop import APP_NAME, __version__
from kpm_desktop.gui.app_factory import make_app
from kpm_desktop.gui.workers import FileChecker, checks_in_background

if TYPE_CHECKING:
    from kpm_desktop.gui.startup_profile import StartupProfile

DEMO_NAME = "demo.kpm"

# Modules that must not be on the start path (issue 20): libraries and dialogs imported on
# first use. ``--profile-startup`` reports which of them were loaded at the first frame, and
# tests/gui/test_startup_path.py fails if any was.
HEAVY_MODULES = (
    "sqlite_utils",
    "openpyxl",
    "python_calamine",
    "xlsxwriter",
    "psycopg",
    "rapidfuzz",
    "icalendar",
    "PySide6.QtPrintSupport",
    "kpm_desktop.import_export.plans",
    "kpm_desktop.import_export.xlsx_export",
    "kpm_desktop.import_export.export_model",
    "kpm_desktop.report.pdf_matrix",
    "kpm_desktop.gui.dialogs.import_dialog",
    "kpm_desktop.gui.dialogs.export_dialog",
    "kpm_desktop.gui.dialogs.settings_dialog",
    "kpm_desktop.gui.dialogs.backups_dialog",
    "kpm_desktop.gui.dialogs.new_matrix",
    "kpm_desktop.gui.dialogs.manage_customers",
    "kpm_desktop.gui.dialogs.manage_products",
    "kpm_desktop.gui.side_panel.goals_view",
    "kpm_desktop.gui.trips.planner",
    "kpm_desktop.gui.trips.debrief",
    # Installed right after the first frame (gui/extensions.py), with what they import:
    "kpm_desktop.gui.safety",
    "kpm_desktop.storage.backup",
    "kpm_desktop.storage.restore",
    "hashlib",  # (storage.merge_base's identity at open uses zlib checksums instead)
    "kpm_desktop.gui.clipboard",
    "kpm_desktop.gui.error_dialog",  # the exception hook imports it for the first error
    "kpm_desktop.domain.customer_kpis",
    "kpm_desktop.gui.filter_bar",
    "kpm_desktop.domain.filters",
    "kpm_desktop.gui.side_panel.extension",
    "kpm_desktop.gui.side_panel.dock",
    "kpm_desktop.workspace.customer_commands",
    "kpm_desktop.domain.visit_prep",
    "kpm_desktop.gui.trips.extension",
    "kpm_desktop.storage.trips",
    "kpm_desktop.storage.history",
    "kpm_desktop.domain.trips",
    "kpm_desktop.domain.insights",
    "kpm_desktop.gui.insights_view",
    "kpm_desktop.gui.insights_view.dock",
    "kpm_desktop.domain.lookalike",
    "kpm_desktop.gui.export_menu",
    "kpm_desktop.gui.import_menu",
    "kpm_desktop.gui.team_menu",
    "kpm_desktop.gui.merge_menu",
    "kpm_desktop.gui.help_menu",
    "kpm_desktop.gui.settings_menu",
    "kpm_desktop.gui.key_accounts",
    "kpm_desktop.gui.manage_actions",
    "kpm_desktop.gui.view_layout",
    # imported where they are used: Documents folder, macOS mount list
    "platformdirs",
    "subprocess",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kpm-desktop", description=f"{APP_NAME} {__version__}: customer/product matrix"
    )
    parser.add_argument("file", nargs="?", type=Path, help="matrix file (.kpm) to open")
    parser.add_argument(
        "--profile-startup",
        action="store_true",
        help="open FILE, print one JSON line with startup times, exit",
    )
    parser.add_argument(
        "--smoke-test", action="store_true", help="start, check the app works, exit (CI)"
    )
    parser.add_argument("--lang", choices=("de", "en"), help="UI language for this run")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser


def default_demo_path() -> Path:
    from kpm_desktop.paths import data_dir

    return data_dir(ensure=True) / DEMO_NAME


def ensure_demo(path: Path | None = None) -> Path:
    """The demo matrix in the user data folder, created on first use."""
    from kpm_desktop.samples.demo import write_demo

    path = path or default_demo_path()
    if not path.exists():
        write_demo(path)
    return path


def startup_file(requested: Path | None, recent: Sequence[Path]) -> Path:
    """FILE if given, else the newest recent file that still exists, else the demo."""
    if requested is not None:
        return requested
    for path in recent:
        if path.exists():
            return path
    return ensure_demo()


def _install_language(app, lang: str | None) -> None:
    if importlib.util.find_spec("kpm_desktop.gui.i18n") is None:
        return
    from kpm_desktop.gui import i18n

    i18n.install_translators(app, lang)


# Fallback for what waits for the first frame when none is painted (a window started minimised).
FIRST_FRAME_FALLBACK_MS = 3000


def resume_gc() -> None:
    """Turn the garbage collector back on (``app.main`` holds it off until the first frame)."""
    if not gc.isenabled():
        gc.enable()


def after_first_frame(window, fn: Callable[[], object], *, queued: bool = False) -> None:
    """Call ``fn`` once: when ``window`` paints its first frame, or after
    ``FIRST_FRAME_FALLBACK_MS`` if it paints none. ``queued``: in the event after the frame, behind
    the extensions the frame installs."""
    from PySide6.QtCore import Qt, QTimer

    done: list[bool] = []

    def once() -> None:
        if not done:
            done.append(True)
            fn()

    kind = Qt.ConnectionType.QueuedConnection if queued else Qt.ConnectionType.AutoConnection
    window.view.first_paint.connect(once, kind)
    QTimer.singleShot(FIRST_FRAME_FALLBACK_MS, once)


def _resume_gc_after_first_frame(window) -> None:
    after_first_frame(window, resume_gc)


def _first_run_guide(window) -> None:
    from kpm_desktop.gui.help_menu import maybe_show_first_run

    maybe_show_first_run(window)


def run(argv: Sequence[str]) -> int:
    """Start the GUI; returns the exit code.

    ``--profile-startup FILE`` runs this same start and reports its stages
    (``gui.startup_profile``), so what is measured is what a user gets.
    """
    args = build_parser().parse_args(list(argv[1:]))
    if args.smoke_test:
        resume_gc()  # nothing to hurry for
        if importlib.util.find_spec("kpm_desktop.gui.smoke") is None:
            print("kpm-desktop: smoke test not available in this build", file=sys.stderr)
            return 2
        from kpm_desktop.gui import smoke

        return int(smoke.run_smoke_test(args.lang or "de") or 0)
    profile: StartupProfile | None = None
    if args.profile_startup:
        if args.file is None:
            print("kpm-desktop: --profile-startup needs a FILE", file=sys.stderr)
            return 2
        path = args.file
        from kpm_desktop.gui.startup_profile import StartupProfile  # (and json) only here

        profile = StartupProfile(path, HEAVY_MODULES)
    else:
        from kpm_desktop.gui.settings import UiSettings

        path = startup_file(args.file, UiSettings().recent_files())
    # A large file's checks run while Qt starts and the window is built (a small one's, in
    # milliseconds, when it is opened: see workers.CHECK_IN_BACKGROUND_BYTES).
    checker = FileChecker(path) if checks_in_background(path) else None
    app = make_app(argv)
    if profile is not None:
        profile.mark("qapplication")
    _install_language(app, args.lang)
    from kpm_desktop.gui.palette import follow_color_scheme

    follow_color_scheme(app)  # light/dark from the system, also when it switches later
    from kpm_desktop.gui.exception_hook import ExceptionHook
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.logging_setup import hold_early_records, setup_held_logging, setup_logging

    hold_early_records()  # the log file is set up right after the first frame
    window = MainWindow(first_frame_first=True)
    if profile is not None:
        profile.mark("window_built")
        profile.watch(window, app.exit)
    from kpm_desktop.gui.desktop_integration import install_desktop_integration

    install_desktop_integration(app, window.open_file)  # icon; macOS double-click opens files
    hook = ExceptionHook(lambda: window).install()  # uncaught errors: log + dialog, keep running
    _resume_gc_after_first_frame(window)
    after_first_frame(window, setup_logging, queued=True)
    if profile is None:
        after_first_frame(window, lambda: _first_run_guide(window), queued=True)
    window.show()
    opened = window.open_file(path, checker=checker)  # progress while a full check still runs
    try:
        if profile is not None:
            profile.opened()
            if not opened:
                return 2
        return app.exec()
    finally:
        hook.uninstall()
        if profile is not None:
            window.close()
        setup_held_logging()  # ended before the first frame: what the start logged is kept
