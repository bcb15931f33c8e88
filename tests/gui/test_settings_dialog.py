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
    window.action_registry[SETTINGS_ACTION].trigger()
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
    assert window.statusBar().currentMessage() == "Settings saved."
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


def test_language_setting_restart_shows_german(
    window, main_window_factory, ui_settings, demo_file
) -> None:
    """Choosing German and 'restarting' (translators installed anew, a new window) shows German
    menus, German number formats in the status bar and Qt's own buttons in German."""
    import re

    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from kpm_desktop.gui.i18n import install_translators

    dialog = _open(window)
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.accept()
    window.close()  # releases the file for the "restarted" window
    app = QApplication.instance()
    try:
        assert install_translators(app, Preferences.load(ui_settings.qsettings).language) == "de"
        restarted = main_window_factory(extensions=(), persist_state=False, show=False)
        titles = [a.text() for a in restarted.menuBar().actions()]
        assert titles[:4] == ["&Datei", "&Bearbeiten", "&Ansicht", "&Markieren"]
        assert restarted.open_file(demo_file)
        status = restarted.status_text()
        assert status.startswith("Kunden: ")
        assert re.search(r"Abdeckung: \d{1,3},\d %$", status), status  # 45,1 % not 45.1 %
        model = restarted.model
        tips = (
            model.data(model.index(0, c), Qt.ItemDataRole.ToolTipRole) or ""
            for c in range(model.columnCount())
        )
        tip = next(t for t in tips if "Zuletzt bestätigt" in t)
        assert re.search(r"Zuletzt bestätigt: \d\d\.\d\d\.\d\d", tip), tip
        german = _open(restarted)
        buttons = german.findChild(QDialogButtonBox)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
        german.reject()
        restarted.close()
    finally:
        install_translators(app, "en")


def test_german_locale_formats_numbers_and_dates(qapp) -> None:
    from datetime import date

    from kpm_desktop.gui.i18n import install_translators
    from kpm_desktop.gui.side_panel.common import fmt_amount, fmt_date, fmt_percent

    try:
        install_translators(qapp, "de")
        assert (fmt_amount(250000.0), fmt_percent(45.06)) == ("250.000", "45,1 %")
        assert fmt_date(date(2026, 11, 27)) == "27.11.26"
    finally:
        install_translators(qapp, "en")
    assert (fmt_amount(250000.0), fmt_percent(45.06)) == ("250,000", "45.1 %")
