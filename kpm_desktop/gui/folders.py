"""Where file dialogs start: the user's Documents folder, then the folder last used.

Each kind of dialog remembers its own folder (matrix files, exports, imports) in the UI
settings; the first time it is the Documents folder (``platformdirs``: "Dokumente" on a
German Windows, ``XDG_DOCUMENTS_DIR`` on Linux). The demo matrix stays in the app's data
folder, so the first File › New or Export no longer lands there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from kpm_desktop.gui.settings import UiSettings

MATRIX = "matrix"
EXPORT = "export"
IMPORT = "import"
MERGE = "merge"  # File › Merge a Colleague's File… (where colleagues' copies arrive)


def documents_dir() -> Path:
    """The user's Documents folder, or the home folder where there is none."""
    import platformdirs  # here, not on the start path

    try:
        docs = Path(platformdirs.user_documents_dir())
    except (OSError, RuntimeError):
        docs = Path.home()
    return docs if docs.is_dir() else Path.home()


def _settings(widget: QWidget | None) -> UiSettings:
    """The main window's UI settings (tests give it its own), else the user's."""
    while widget is not None:
        settings = getattr(widget, "settings", None)
        if isinstance(settings, UiSettings):
            return settings
        widget = widget.parentWidget()
    return UiSettings()


def start_folder(widget: QWidget | None, kind: str) -> Path:
    """The folder a dialog of this kind starts in."""
    remembered = _settings(widget).folder(kind)
    if remembered is not None and remembered.is_dir():
        return remembered
    return documents_dir()


def start_folder_near(widget: QWidget | None, kind: str, open_file: Path | None) -> Path:
    """The folder a dialog of this kind starts in when it is about the open file: the folder
    last used, else the open file's own folder, else as ``start_folder``. The app's data
    folder (the demo's home) is never offered: a rep keeps no files there."""
    remembered = _settings(widget).folder(kind)
    if remembered is not None and remembered.is_dir():
        return remembered
    if open_file is not None:
        from kpm_desktop.paths import data_dir

        folder = open_file.resolve().parent
        if folder.is_dir() and not folder.is_relative_to(data_dir().resolve()):
            return folder
    return start_folder(widget, MATRIX if kind == MERGE else kind)


def remember(widget: QWidget | None, kind: str, path: Path | str) -> None:
    """Remember the folder of a file the user chose in a dialog of this kind."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    _settings(widget).set_folder(kind, folder.resolve())
