"""Files the app reads at run time (translations, icons), found through ``importlib.resources``.

They ship inside the package (``kpm_desktop/data/``) as package data, so every way the app is
installed finds them the same way: a wheel (pip/pipx, non-editable), an editable checkout, and the
PyInstaller bundle (the spec collects the same folder). The ``.ts`` translation sources stay in
``resources/translations/``; ``tools/update_translations.py`` compiles them into
``kpm_desktop/data/translations/``. This is the only place that knows where the files are.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_PACKAGE = "kpm_desktop"


def data_dir() -> Path:
    """``kpm_desktop/data`` as a file-system path (Qt loads icons and catalogues by path).

    The package is always installed as plain files (wheel, editable or PyInstaller), never
    zipped, so the traversable is a real directory.
    """
    return Path(str(files(_PACKAGE).joinpath("data")))


def translations_dir() -> Path:
    """The compiled ``kpm_<lang>.qm`` catalogues."""
    return data_dir() / "translations"


def icons_dir() -> Path:
    """The app icon: ``kpm-desktop.svg``, ``png/kpm-desktop-<N>.png``, ``.ico`` and ``.icns``."""
    return data_dir() / "icons"


def icon_png(size: int) -> Path:
    return icons_dir() / "png" / f"kpm-desktop-{size}.png"
