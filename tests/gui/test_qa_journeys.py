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


def _labels_without_buddy(widget) -> list[str]:
    """Labels that show a mnemonic '&' literally: Qt only hides it when the label has a buddy."""
    from PySide6.QtWidgets import QLabel

    return [
        label.text()
        for label in widget.findChildren(QLabel)
        if "&" in label.text().replace("&&", "") and label.buddy() is None
    ]


def test_import_dialog_labels_show_no_ampersand(qtbot, demo_file) -> None:
    """The import wizard's first page read '&File:' (the label had no buddy)."""
    from kpm_desktop.gui.dialogs.import_dialog import ImportDialog
    from kpm_desktop.workspace.workspace import Workspace

    ws = Workspace.open(demo_file)
    try:
        dlg = ImportDialog(ws)
        qtbot.addWidget(dlg)
        dlg.show()
        assert _labels_without_buddy(dlg) == []
    finally:
        ws.close()
