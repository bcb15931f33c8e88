"""GUI fixtures: a main window on a fresh demo copy, with UI settings in a temp INI file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from kpm_desktop.gui.settings import UiSettings


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, demo_file: Path, ui_settings: UiSettings, monkeypatch):
    """The main window showing the demo matrix; message boxes are recorded, not shown."""
    from PySide6.QtWidgets import QMessageBox

    from kpm_desktop.gui.main_window import MainWindow

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text))
    )
    win = MainWindow(ui_settings, extensions=())
    win.messages = shown  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    assert win.open_file(demo_file)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
