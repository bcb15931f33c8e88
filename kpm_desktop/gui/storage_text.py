"""Storage messages (``storage.messages``) in the UI language.

Storage errors carry a message key and parameters; ``storage_text`` translates the key's
English text in the "storage" context and fills in the parameters, exactly as the import
wizard does with ``import_export.messages``. An error raised with plain text (older code
paths) is shown as it is.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from kpm_desktop.storage.messages import MESSAGES, Message


def tr_storage(key: str, params: dict[str, Any]) -> str:
    locale = QLocale()
    shown = {
        k: locale.toString(v) if type(v) is int and abs(v) >= 10_000 else v
        for k, v in params.items()
    }
    return QCoreApplication.translate("storage", MESSAGES[key]).format(**shown)  # i18n: dynamic


def storage_text(item: BaseException | Message | str | None) -> str:
    """The user's line for a storage error or message."""
    if item is None:
        return ""
    message = item if isinstance(item, Message) else getattr(item, "message", None)
    if isinstance(message, Message):
        return tr_storage(message.key, message.params)
    return str(item)
