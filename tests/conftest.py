"""Shared test set-up: Qt offscreen, per-session user folders, demo matrix fixtures."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest

# Before any Qt import: tests never need a screen, and never touch the real user folders.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="kpm-tests-"))
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_SANDBOX / _var.lower())
os.environ.setdefault("XDG_RUNTIME_DIR", str(_SANDBOX / "runtime"))
(_SANDBOX / "runtime").mkdir(mode=0o700, exist_ok=True)

DEMO_TODAY = date(2026, 11, 27)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo matrix without its key accounts (the 60 customers most tests count on),
    built once per session with a fixed 'today'."""
    from kpm_desktop.samples.demo import write_demo

    path = tmp_path_factory.mktemp("demo") / "demo.kpm"
    write_demo(path, today=DEMO_TODAY, key_accounts=False)
    return path


@pytest.fixture(scope="session")
def demo_ka_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The full demo matrix as a user gets it: with two key accounts and their sites."""
    from kpm_desktop.samples.demo import write_demo

    path = tmp_path_factory.mktemp("demo_ka") / "demo.kpm"
    write_demo(path, today=DEMO_TODAY)
    return path


@pytest.fixture
def demo_ka_file(demo_ka_template: Path, tmp_path: Path) -> Path:
    """A fresh, writable copy of the full demo (key accounts included) for one test."""
    target = tmp_path / "demo_ka.kpm"
    shutil.copyfile(demo_ka_template, target)
    return target


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Path:
    """A fresh, writable copy of the demo matrix for one test."""
    target = tmp_path / "demo.kpm"
    shutil.copyfile(demo_template, target)
    return target


def file_hash(path: Path) -> str:
    """SHA-256 of a file plus its WAL, to prove a file was not touched."""
    digest = hashlib.sha256(path.read_bytes())
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


@pytest.fixture(autouse=True)
def _release_keyboard_modifiers():
    """No test starts with Ctrl or Shift still "held".

    Qt Test's key release of Ctrl/Shift still carries that modifier (as a real keyboard
    does), and QApplication keeps the modifiers of the last synthesized event: after any
    ``keyClick(..., ControlModifier)`` it reports Ctrl held until the next key or mouse
    event. A later test's ``view.setCurrentIndex()`` then *toggles* the cell into the old
    selection instead of replacing it, and one key press marks two cells (the team GUI test
    saw "2 changes to send" only in full runs, after tests/safety/test_disk_full.py).
    """
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    if QApplication.instance() is None:
        return
    if QApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        sink = QWidget()
        QTest.keyRelease(sink, Qt.Key.Key_Control)  # a release without modifiers
        sink.deleteLater()
