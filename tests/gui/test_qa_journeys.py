"""Findings from using the app like its users (QA pass): each test pins one fixed problem."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication


def test_first_start_window_fits_the_screen(qtbot, ui_settings) -> None:
    """A 1366x768 laptop: with no saved layout the window (and its status bar) fits the screen."""
    from kpm_desktop.gui.main_window import MainWindow

    win = MainWindow(ui_settings, extensions=())
    qtbot.addWidget(win)
    avail = QGuiApplication.primaryScreen().availableGeometry()
    assert win.width() <= avail.width()
    assert win.height() <= avail.height()
