"""What the installed app needs from the desktop: its icon and files opened by double-click.

Windows and Linux pass a double-clicked ``.kpm`` file on the command line (the installers
register ``kpm-desktop "%1"`` / ``Exec=kpm-desktop %f``). macOS does not: Finder starts the
app (or finds it running) and sends an "open documents" Apple event, which Qt delivers to the
QApplication as a ``QFileOpenEvent``. ``FileOpenForwarder`` turns those into ``open_file``
calls, so double-clicking works the same on all three. Only there is it installed: an
application event filter sees every event of every widget, a Python call each.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

from kpm_desktop.assets import icon_png

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """The app icon in every shipped size (window title bars, task bars, Alt+Tab).

    Each file is named with its size, so Qt reads it only when that size is drawn (without
    the size, it decodes all eight at once: ~9 ms of start-up).
    """
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_png(size)
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


class FileOpenForwarder(QObject):
    """Application event filter: ``QFileOpenEvent`` (macOS Finder) → ``open_file(path)``."""

    def __init__(self, open_file: Callable[[Path], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_file = open_file
        self.opened: list[Path] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Overrides ``QObject.eventFilter``: consume file-open events, pass on the rest."""
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = Path(event.file())
            if str(path):
                self.opened.append(path)
                self._open_file(path)
            return True
        return super().eventFilter(watched, event)


def install_desktop_integration(
    app: QApplication,
    open_file: Callable[[Path], object],
    file_open_events: bool = sys.platform == "darwin",
) -> FileOpenForwarder | None:
    """Set the window icon; with ``file_open_events`` (macOS) forward open-document events
    to ``open_file``."""
    app.setWindowIcon(app_icon())
    if not file_open_events:
        return None
    forwarder = FileOpenForwarder(open_file, app)
    app.installEventFilter(forwarder)
    return forwarder
