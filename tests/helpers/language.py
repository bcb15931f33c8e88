"""The app's saved UI language in tests (the per-user settings file of the test session):
what ``kpm`` commands without ``--lang`` and the window both follow."""

from __future__ import annotations


def save_ui_language(value: str | None) -> None:
    """Save ``value`` ("de", "en", "system") as Settings › Language; None removes it."""
    from PySide6.QtCore import QSettings

    from kpm_desktop import APP_ID, ORG_NAME
    from kpm_desktop.cli.language import LANGUAGE_KEY

    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_ID)
    if value is None:
        settings.remove(LANGUAGE_KEY)
    else:
        settings.setValue(LANGUAGE_KEY, value)
    settings.sync()
