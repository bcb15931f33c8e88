"""UI language: choose German or English, install our and Qt's translators, set the locale.

The language follows the system locale unless the user chose one in the settings
(QSettings key ``LANGUAGE_KEY``: "system", "de" or "en"); a change takes effect after restart.
Source strings are English, so the English catalogue only holds plural forms.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from kpm_desktop import APP_ID, ORG_NAME
from kpm_desktop.assets import translations_dir

SUPPORTED = ("de", "en")
LANGUAGE_KEY = "ui/language"
_installed: list[QTranslator] = []  # translators must outlive the call that installs them


def choose_language(setting: str | None = None, system: QLocale | None = None) -> str:
    """ "de" or "en": the explicit setting if valid, else German for German system locales."""
    if setting in SUPPORTED:
        return setting
    locale = system or QLocale.system()
    return "de" if locale.language() == QLocale.Language.German else "en"


def user_settings() -> QSettings:
    """The per-user settings file (same INI file as the main window's UI state)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_ID)


def stored_language_setting() -> str:
    return str(user_settings().value(LANGUAGE_KEY, "system"))


def current_language() -> str:
    """The language the running UI uses ("de" or "en")."""
    return "de" if QLocale().language() == QLocale.Language.German else "en"


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Install the catalogues for ``language`` (default: from settings/system); returns it."""
    lang = choose_language(language or stored_language_setting())
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.German, QLocale.Country.Germany)
        if lang == "de"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    # English needs its catalogue only for plural forms ("1 product" / "3 products").
    candidates = [(f"kpm_{lang}", str(translations_dir()))]
    if lang != "en":
        from PySide6.QtCore import QLibraryInfo  # (not needed for English)

        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates.append((f"qtbase_{lang}", qt_dir))  # standard dialogs and buttons
    for name, directory in candidates:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _installed.append(translator)
    return lang
