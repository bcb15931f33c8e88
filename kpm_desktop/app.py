"""GUI entry point (``kpm-desktop [FILE]``).

Python's cyclic garbage collector is held off from here until the window's first frame
(``gui.entry.resume_gc``): start-up allocates hundreds of thousands of objects that live for
the whole session (modules, classes, Qt wrappers), and the collector would walk them ~65
times before anything is on screen (measured 14-19 ms of the demo's start, issue 20).
Nothing cyclic worth collecting is made before the first frame; reference counting still
frees everything else at once.

The Qt-free modules the start needs (``_load_before_qt``) are imported before PySide6: PySide6
installs an import hook (shiboken's ``__feature__`` support) that reads the source of every
module imported after it to see whether it uses PySide6. Loading the storage and domain layers
and ``importlib.resources`` (the data folder) first spares ~50 of these reads: ~10 ms of the
demo's start, measured against the same tree importing them after Qt (issue 20).
"""

from __future__ import annotations

import gc
import importlib
import sys


def main(argv: list[str] | None = None) -> int:
    gc.disable()
    try:
        _load_before_qt()
        from kpm_desktop.gui.entry import run

        return run(sys.argv if argv is None else argv)
    finally:
        gc.enable()


# Loaded before PySide6 (see the module docstring): what opening a file needs below the
# workspace layer, all Qt-free by the layer contracts. tests/gui/test_startup_path.py checks
# that no module of these layers is first imported after PySide6 on the real start.
BEFORE_QT = (
    "kpm_desktop.storage.repository",  # database, lock, file check, rows and cells
    "kpm_desktop.domain.matrix",
    "kpm_desktop.domain.key_accounts",  # the model's key-account rows
    "kpm_desktop.logging_setup",
    "kpm_desktop.assets",
)


def _load_before_qt() -> None:
    """Import ``BEFORE_QT`` and find the data folder before anything imports PySide6."""
    for name in BEFORE_QT:
        importlib.import_module(name)
    from kpm_desktop.assets import data_dir

    data_dir()  # loads importlib.resources' readers; translations and icons are found here
