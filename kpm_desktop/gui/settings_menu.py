"""Edit > Settings… (extension module)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from kpm_desktop.gui.actions import MenuId

if TYPE_CHECKING:
    from kpm_desktop.gui.dialogs.settings_dialog import SettingsDialog
    from kpm_desktop.gui.main_window import MainWindow

SETTINGS_ACTION = "edit.settings"
_MANAGE_ACTIONS = {"competitors": "manage.competitors", "products": "manage.products"}


def install(window: MainWindow) -> None:
    act = window.action_registry.add(
        SETTINGS_ACTION,
        QCoreApplication.translate("SettingsMenu", "&Settings…"),
        lambda: open_settings(window),
        menu=MenuId.EDIT,
        section="settings",
        shortcut=QKeySequence.StandardKey.Preferences,
    )
    if act.shortcut().isEmpty():  # no platform default on Linux/Windows
        act.setShortcut(QKeySequence("Ctrl+,"))
    act.setMenuRole(QAction.MenuRole.PreferencesRole)


def open_settings(window: MainWindow) -> SettingsDialog:
    from kpm_desktop.gui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings.qsettings, window.workspace, window)
    dialog.setObjectName("settings_dialog")

    def manage(what: str) -> None:
        key = _MANAGE_ACTIONS[what]
        if key in window.action_registry:
            window.action_registry[key].trigger()

    dialog.manage_requested.connect(manage)

    def finished(result: int) -> None:
        if result and dialog.language_changed():
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "SettingsMenu", "The new language takes effect after a restart."
                ),
                8000,
            )
        elif result:
            window.statusBar().showMessage(
                QCoreApplication.translate("SettingsMenu", "Settings saved."), 4000
            )

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
