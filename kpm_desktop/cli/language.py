"""The language of what ``kpm`` writes (sheets, PDFs, calendars, default names): one rule.

Every command with ``--lang`` (``kpm export``, ``trip``, ``diff``, ``insights``) follows the
app's UI language when it is not given, as the window does: the language saved in the
settings (Settings › Language), else German on a German system and English elsewhere
(``gui.i18n.choose_language``'s rule). The CLI does not import the GUI: the settings key is
named here too, and a test checks that both name the same key.
"""

from __future__ import annotations

import argparse

from kpm_desktop.import_export.export_labels import LANGUAGES

LANGUAGE_KEY = "ui/language"  # gui.i18n.LANGUAGE_KEY
DEFAULT_HELP = (
    "(default: the app's UI language: the one saved in Settings › Language, else German on a "
    "German system and English elsewhere)"
)


def add_lang_argument(parser: argparse.ArgumentParser, what: str) -> None:
    """``--lang de|en`` (also ``--language``); ``None`` when not given (see ``chosen``)."""
    parser.add_argument(
        "--lang",
        "--language",
        dest="lang",
        choices=LANGUAGES,
        default=None,
        help=f"{what} {DEFAULT_HELP}",
    )


def ui_language() -> str:
    """The language the app's window uses ("de" or "en")."""
    from PySide6.QtCore import QLocale, QSettings

    from kpm_desktop import APP_ID, ORG_NAME

    saved = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_ID)
    setting = str(saved.value(LANGUAGE_KEY, "system"))
    if setting in LANGUAGES:
        return setting
    return "de" if QLocale.system().language() == QLocale.Language.German else "en"


def chosen(lang: str | None) -> str:
    """``--lang`` as given, else the UI language (read only when a language is needed)."""
    return lang or ui_language()
