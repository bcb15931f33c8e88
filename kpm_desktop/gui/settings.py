"""UI state between sessions (QSettings, INI format, user scope).

Only UI state lives here — window geometry, dock/toolbar and header state, recent files.
Everything about the data belongs in the matrix file itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QByteArray, QSettings

from kpm_desktop import APP_ID, ORG_NAME

MAX_RECENT = 10


class UiSettings:
    """Typed access to the few UI values the main window keeps."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_ID
        )

    # -- recent files ------------------------------------------------------------------------
    def recent_files(self) -> list[Path]:
        value: Any = self.qsettings.value("files/recent", [])  # str, list or None (INI)
        if isinstance(value, str):  # QSettings returns a lone entry as a plain string
            value = [value]
        return [Path(v) for v in (value or []) if v][:MAX_RECENT]

    def add_recent_file(self, path: Path) -> list[Path]:
        path = Path(path).resolve()
        files = [path] + [p for p in self.recent_files() if p != path]
        self._store_recent(files[:MAX_RECENT])
        return files[:MAX_RECENT]

    def remove_recent_file(self, path: Path) -> None:
        path = Path(path).resolve()
        self._store_recent([p for p in self.recent_files() if p != path])

    def clear_recent_files(self) -> None:
        self._store_recent([])

    def _store_recent(self, files: list[Path]) -> None:
        self.qsettings.setValue("files/recent", [str(p) for p in files])

    def last_directory(self) -> str:
        """The folder of the last matrix file chosen in a dialog ("" = none yet)."""
        folder = self.folder("matrix")
        return str(folder) if folder is not None else ""

    def set_last_directory(self, directory: Path) -> None:
        self.set_folder("matrix", Path(directory))

    def folder(self, kind: str) -> Path | None:
        """The folder last used by one kind of file dialog (see ``gui.folders``)."""
        value = self.qsettings.value(f"folders/{kind}", "")
        return Path(str(value)) if value else None

    def set_folder(self, kind: str, folder: Path) -> None:
        self.qsettings.setValue(f"folders/{kind}", str(folder))

    # -- window state ------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)

    def header_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"headers/{name}")

    def set_header_state(self, name: str, state: QByteArray) -> None:
        self.qsettings.setValue(f"headers/{name}", state)

    def zoom(self, default: int) -> int:
        try:
            return int(cast("int | str", self.qsettings.value("view/zoom", default)))
        except (TypeError, ValueError):
            return default

    def set_zoom(self, level: int) -> None:
        self.qsettings.setValue("view/zoom", int(level))

    def compact_header(self) -> bool:
        value = self.qsettings.value("view/compact_header", False)
        return value is True or str(value).lower() == "true"

    def set_compact_header(self, on: bool) -> None:
        self.qsettings.setValue("view/compact_header", bool(on))

    def name_width(self, default: int) -> int:
        try:
            return int(cast("int | str", self.qsettings.value("view/name_width", default)))
        except (TypeError, ValueError):
            return default

    def set_name_width(self, width: int) -> None:
        self.qsettings.setValue("view/name_width", int(width))

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def sync(self) -> None:
        self.qsettings.sync()
