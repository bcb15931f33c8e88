"""Team messages (``team.messages``) in the UI language, like ``storage_text``.

A ``TeamError`` carries a message key and parameters; the key's English text is translated
in the "team" context and the parameters filled in. psycopg errors that reach the GUI are
turned into their one line first (``team.connect.user_message``); an error raised with plain
text is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr_team(key: str, params: dict[str, object]) -> str:
    from kpm_desktop.team.messages import MESSAGES, fill

    return fill(QCoreApplication.translate("team", MESSAGES[key]), params)  # i18n: dynamic


def team_text(exc: BaseException) -> str:
    """The user's line for a problem with the team server or a merge."""
    from kpm_desktop.team.connect import TeamError, user_message

    error = exc if isinstance(exc, TeamError) else user_message(exc)
    if error.key is not None:
        return tr_team(error.key, error.params)
    return str(error)


def error_text(exc: BaseException) -> str:
    """One translated line for anything a team task or a merge raised (no internal text)."""
    from kpm_desktop.gui.feedback import os_error_message
    from kpm_desktop.gui.storage_text import storage_text
    from kpm_desktop.storage.errors import StorageError

    if isinstance(exc, StorageError):
        return storage_text(exc)
    if isinstance(exc, OSError):
        return os_error_message(exc)
    return team_text(exc)
