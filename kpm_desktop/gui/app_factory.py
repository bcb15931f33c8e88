"""The application object, made the same way by the app and its smoke test."""

from __future__ import annotations

from collections.abc import Sequence

from kpm_desktop import APP_ID, ORG_DOMAIN, ORG_NAME, __version__


def make_app(argv: Sequence[str]):  # -> QApplication (Qt imported on call: start-up time)
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    # UI state in INI files everywhere (readable, easy to reset), never the registry.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app = QApplication.instance() or QApplication(list(argv))
    return app
