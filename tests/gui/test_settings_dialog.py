"""Settings dialog: per-user preferences in QSettings, per-file settings in the file (undoable)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from kpm_desktop.gui.dialogs.settings_dialog import SettingsDialog
from kpm_desktop.gui.preferences import Preferences
from kpm_desktop.gui.settings_menu import SETTINGS_ACTION, install
from kpm_desktop.storage.repository import Repository


def _open(window) -> SettingsDialog:
    install(window)
    window.actions[SETTINGS_ACTION].trigger()
    dialog = window.findChild(SettingsDialog, "settings_dialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_preferences_are_stored_per_user(window, qtbot) -> None:
    dialog = _open(window)
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("A3"))
    dialog.orientation.setCurrentIndex(dialog.orientation.findData("portrait"))
    dialog.customer_safe.setChecked(True)
    dialog.daily.setValue(5)
    dialog.weekly.setValue(3)
    qtbot.mouseClick(dialog.tabs.tabBar(), Qt.MouseButton.LeftButton)
    dialog.accept()
    prefs = Preferences.load(window.settings.qsettings)
    assert (prefs.language, prefs.paper, prefs.orientation, prefs.customer_safe) == (
        "de",
        "A3",
        "portrait",
        True,
    )
    assert (prefs.retention.daily, prefs.retention.weekly) == (5, 3)
    assert "restart" in window.statusBar().currentMessage()


def test_file_settings_are_written_and_undoable(window, demo_file: Path) -> None:
    dialog = _open(window)
    dialog.stale_months.setValue(6)
    dialog.reasons.setPlainText("fertigt selbst\n\nRahmenvertrag Konzern\n")
    dialog.accept()
    with Repository.open(demo_file, read_only=True) as repo:
        assert repo.get_setting("stale_months") == "6"
        assert "Rahmenvertrag Konzern" in repo.get_setting("no_need_reasons")
    stack = window.workspace.undo_stack
    stack.undo()
    stack.undo()
    with Repository.open(demo_file, read_only=True) as repo:
        assert repo.get_setting("stale_months") == "12"


def test_cancel_changes_nothing(window, demo_file: Path) -> None:
    before = Preferences.load(window.settings.qsettings)
    dialog = _open(window)
    dialog.stale_months.setValue(3)
    dialog.paper.setCurrentIndex(dialog.paper.findData("A3"))
    dialog.reject()
    assert Preferences.load(window.settings.qsettings) == before
    with Repository.open(demo_file, read_only=True) as repo:
        assert repo.get_setting("stale_months") == "12"
