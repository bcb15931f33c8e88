"""The lines ``kpm`` prints for a user error, in the user's language.

The language is the one the CLI's outputs follow (``cli.language.ui_language``: the one saved
in Settings › Language, else German on a German system, else English). The texts are the
app's catalogue (``kpm_<lang>.qm``), so the CLI and the window say the same thing:

- ``CliError`` texts and the generic lines are marked ``translate("cli", "...")`` (two literal
  arguments: that is what ``lupdate`` reads; ``tools/update_translations.py`` scans ``cli/``);
  parameters go to ``CliError`` or ``.format`` after the call;
- storage, import and team errors carry stable keys; their English texts are looked up in the
  "storage", "import" and "team" contexts, exactly as ``gui.storage_text``,
  ``gui.dialogs.import_common`` and ``gui.team_text`` do, and the parameters filled in after.

Nothing here imports Qt until a line is needed: ``kpm``'s normal path (and its start-up time)
never loads the catalogue. The GUI is never imported.
"""

from __future__ import annotations

import errno
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

_loaded: dict[str, QTranslator | None] = {}  # by language, once looked up (None: English)


def language() -> str:
    """The language of ``kpm``'s messages ("de" or "en")."""
    from kpm_desktop.cli.language import ui_language

    return ui_language()


def _catalogue() -> QTranslator | None:
    lang = language()
    if lang not in _loaded:
        translator = None
        if lang != "en":  # source texts are English: no catalogue needed
            from PySide6.QtCore import QTranslator

            from kpm_desktop.assets import translations_dir

            translator = QTranslator()
            if not translator.load(f"kpm_{lang}", str(translations_dir())):
                translator = None
        _loaded[lang] = translator
    return _loaded[lang]


def translate(context: str, text: str) -> str:
    """``text`` (English source) in the user's language; the English text when untranslated."""
    catalogue = _catalogue()
    return (catalogue.translate(context, text) if catalogue is not None else "") or text


def _shown(params: dict[str, Any]) -> dict[str, Any]:
    """Large counts and limits grouped the language's way (200.000 / 200,000), as the GUI."""
    sep = "." if language() == "de" else ","
    return {
        k: f"{v:,}".replace(",", sep) if type(v) is int and abs(v) >= 10_000 else v
        for k, v in params.items()
    }


def _os_line(exc: OSError) -> str:
    """A file problem the system reported, without the system's (English) wording.

    The file named is the user's (``storage.errors.os_error_file``). On Windows a file open in
    another program (Excel) is refused as EACCES.
    """
    from kpm_desktop.storage.errors import os_error_file

    where = os_error_file(exc)
    if exc.errno in (errno.EACCES, errno.EPERM):
        text = translate(
            "cli",
            "no permission for {path} (is it open in another program?); choose another "
            "folder or file",
        )
    elif exc.errno == errno.ENOSPC:
        text = translate("cli", "the disk is full ({path}); free some space and try again")
    elif exc.errno == errno.ENOENT:
        text = translate("cli", "{path} was not found (or its folder does not exist)")
    elif exc.errno == errno.EROFS:
        text = translate("cli", "{path} is on a read-only drive; choose a writable folder")
    elif exc.errno == errno.EISDIR:
        text = translate("cli", "{path} is a folder, not a file")
    elif exc.errno == errno.ENOTDIR:
        text = translate("cli", "{path}: a part of the path is not a folder")
    elif exc.errno == errno.ENAMETOOLONG:
        text = translate("cli", "the name {path} is too long; choose a shorter name or folder")
    elif exc.errno == errno.EEXIST:
        text = translate("cli", "{path} exists already")
    elif where:
        text = translate(
            "cli", "{path} cannot be used (system error {code}); check it and try again"
        )
    else:
        text = translate(
            "cli", "a file cannot be used (system error {code}); check it and try again"
        )
    return text.format(path=where, code=exc.errno if exc.errno is not None else "?")


def error_line(exc: BaseException) -> str:
    """The one line (without the ``kpm X: error:`` prefix) for a user error."""
    from kpm_desktop.storage.messages import MESSAGES as STORAGE
    from kpm_desktop.storage.messages import Message

    message = getattr(exc, "message", None)
    if isinstance(message, Message):  # a StorageError with its key
        text = translate("storage", STORAGE[message.key])  # i18n: dynamic
        return text.format(**_shown(message.params))
    # Import and team errors can only come from their modules once these are loaded (team's
    # imports psycopg: never load it to print a line).
    imports = sys.modules.get("kpm_desktop.import_export.messages")
    if imports is not None and isinstance(exc, imports.ImportFailure | imports.MessageError):
        text = translate("import", imports.MESSAGES[exc.key])  # i18n: dynamic
        return text.format(**_shown(exc.params))
    team = sys.modules.get("kpm_desktop.team.connect")
    if team is not None and isinstance(exc, team.TeamError) and exc.key is not None:
        from kpm_desktop.team.messages import MESSAGES as TEAM
        from kpm_desktop.team.messages import fill

        return fill(translate("team", TEAM[exc.key]), exc.params)  # i18n: dynamic
    if isinstance(exc, OSError) and exc.errno is not None:
        return _os_line(exc)
    return str(exc)


def error_message(command: str, exc: BaseException) -> str:
    """``kpm COMMAND: error: LINE`` in the user's language."""
    return translate("cli", "kpm {command}: error: {message}").format(
        command=command, message=error_line(exc)
    )


def interrupted_message(command: str) -> str:
    return translate("cli", "kpm {command}: interrupted").format(command=command)
