"""Modules that plug into the main window.

Each module listed here has ``install(window: MainWindow) -> None``; the window calls it once
after building its menus and before restoring the saved layout (so docks they add get their
saved position back). Add one line per feature, like ``cli.COMMAND_MODULES``.

At start-up (``MainWindow(first_frame_first=True)``) only ``BEFORE_FIRST_FRAME`` is installed
while the window is built. The others follow right after the first painted frame, in the event
that the first frame queues, before the open file is announced and before any key typed after
that frame is handled (issue 20: about 0.1 s of imports and widgets off the start path). Their
docks get their saved place back then. A file that fails to open installs them at once, so that
the open-error handlers (``safety``: read-only viewing, the restore offer) are there.
"""

from __future__ import annotations

EXTENSION_MODULES: tuple[str, ...] = (
    "kpm_desktop.gui.help_menu",
    "kpm_desktop.gui.settings_menu",
    "kpm_desktop.gui.side_panel.extension",
    "kpm_desktop.gui.trips.extension",
    "kpm_desktop.gui.insights_view",
    "kpm_desktop.gui.export_menu",
    "kpm_desktop.gui.import_menu",
    "kpm_desktop.gui.filter_bar",
    "kpm_desktop.gui.key_accounts",
    "kpm_desktop.gui.manage_actions",
    "kpm_desktop.gui.safety",
    "kpm_desktop.gui.view_layout",
    "kpm_desktop.gui.team_menu",
    "kpm_desktop.gui.merge_menu",
)

BEFORE_FIRST_FRAME: frozenset[str] = frozenset()
