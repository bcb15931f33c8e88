"""Per-user preferences (QSettings, the same INI file as the UI state).

Per-file settings (stale threshold, no-need reasons, competitors, product groups) live in the
matrix file itself; what is here follows the user from file to file: language, default paper
and export options, backup retention.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import cast

from PySide6.QtCore import QSettings

from kpm_desktop.gui.i18n import LANGUAGE_KEY
from kpm_desktop.storage.backup import DEFAULT_RETENTION, RetentionPolicy

PAPER_KEY = "export/paper"  # "A4" | "A3"
ORIENTATION_KEY = "export/orientation"  # "landscape" | "portrait"
CUSTOMER_SAFE_KEY = "export/customer_safe"  # bool: default of the export dialog switch
RETENTION_KEYS = {
    "recent_hours": "backup/recent_hours",
    "daily": "backup/daily",
    "weekly": "backup/weekly",
    "monthly": "backup/monthly",
}


def _int(settings: QSettings, key: str, default: int, low: int, high: int) -> int:
    try:
        value = int(cast("int | str", settings.value(key, default)))
    except (TypeError, ValueError):
        return default
    return min(max(value, low), high)


def _bool(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    return value is True or str(value).lower() == "true"


@dataclass(frozen=True, slots=True)
class Preferences:
    language: str = "system"  # "system" | "de" | "en"
    paper: str = "A4"
    orientation: str = "landscape"
    customer_safe: bool = False
    retention: RetentionPolicy = DEFAULT_RETENTION

    @classmethod
    def load(cls, settings: QSettings) -> Preferences:
        language = str(settings.value(LANGUAGE_KEY, "system"))
        paper = str(settings.value(PAPER_KEY, "A4"))
        orientation = str(settings.value(ORIENTATION_KEY, "landscape"))
        d = DEFAULT_RETENTION
        retention = RetentionPolicy(
            recent=timedelta(
                hours=_int(
                    settings,
                    RETENTION_KEYS["recent_hours"],
                    int(d.recent.total_seconds() // 3600),
                    0,
                    720,
                )
            ),
            daily=_int(settings, RETENTION_KEYS["daily"], d.daily, 0, 365),
            weekly=_int(settings, RETENTION_KEYS["weekly"], d.weekly, 0, 260),
            monthly=_int(settings, RETENTION_KEYS["monthly"], d.monthly, 0, 240),
        )
        return cls(
            language=language if language in ("system", "de", "en") else "system",
            paper=paper if paper in ("A4", "A3") else "A4",
            orientation=orientation if orientation in ("landscape", "portrait") else "landscape",
            customer_safe=_bool(settings, CUSTOMER_SAFE_KEY, False),
            retention=retention,
        )

    def save(self, settings: QSettings) -> None:
        settings.setValue(LANGUAGE_KEY, self.language)
        settings.setValue(PAPER_KEY, self.paper)
        settings.setValue(ORIENTATION_KEY, self.orientation)
        settings.setValue(CUSTOMER_SAFE_KEY, self.customer_safe)
        settings.setValue(
            RETENTION_KEYS["recent_hours"], int(self.retention.recent.total_seconds() // 3600)
        )
        settings.setValue(RETENTION_KEYS["daily"], self.retention.daily)
        settings.setValue(RETENTION_KEYS["weekly"], self.retention.weekly)
        settings.setValue(RETENTION_KEYS["monthly"], self.retention.monthly)
        settings.sync()
