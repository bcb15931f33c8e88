"""Icon and double-click integration of the installed app (``gui/desktop_integration.py``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

from kpm_desktop.assets import icons_dir
from kpm_desktop.gui.desktop_integration import (
    FileOpenForwarder,
    app_icon,
    install_desktop_integration,
)


def test_app_icon_has_every_shipped_size(qapp) -> None:
    icon = app_icon()
    assert not icon.isNull()
    sizes = {s.width() for s in icon.availableSizes()}
    assert {16, 32, 48, 256, 512} <= sizes
    assert (icons_dir() / "kpm-desktop.svg").is_file()


def test_macos_file_open_event_opens_the_file_and_sets_the_icon(qapp, tmp_path: Path) -> None:
    opened: list[Path] = []
    target = tmp_path / "Gebiet Süd.kpm"
    previous_icon = QApplication.windowIcon()
    forwarder = install_desktop_integration(qapp, opened.append, file_open_events=True)
    assert forwarder is not None
    try:
        assert QSize(256, 256) in QApplication.windowIcon().availableSizes()
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(target)))
        assert opened == [target]
        assert forwarder.opened == [target]
    finally:
        qapp.removeEventFilter(forwarder)
        forwarder.deleteLater()
        QApplication.setWindowIcon(previous_icon if not previous_icon.isNull() else QIcon())


def test_the_event_filter_is_only_installed_for_macos(qapp) -> None:
    """Elsewhere files come on the command line; a filter would see every event."""
    previous_icon = QApplication.windowIcon()
    try:
        assert install_desktop_integration(qapp, print, file_open_events=False) is None
        assert not QApplication.windowIcon().isNull()
    finally:
        QApplication.setWindowIcon(previous_icon if not previous_icon.isNull() else QIcon())


def test_other_events_pass_through(qapp) -> None:
    calls: list[Path] = []
    forwarder = FileOpenForwarder(calls.append)
    from PySide6.QtCore import QEvent

    assert forwarder.eventFilter(qapp, QEvent(QEvent.Type.User)) is False
    assert calls == []
