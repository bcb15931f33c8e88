"""Shared test set-up: Qt offscreen, per-session user folders, and the fixtures every test
directory uses. Only fixtures live here; they are built from tests/helpers, and test modules
import helpers from there (tests/test_test_layout.py)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import: tests never need a screen, and never touch the real user folders.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="kpm-tests-"))
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_SANDBOX / _var.lower())
os.environ.setdefault("XDG_RUNTIME_DIR", str(_SANDBOX / "runtime"))
(_SANDBOX / "runtime").mkdir(mode=0o700, exist_ok=True)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo matrix without its key accounts (the 60 customers most tests count on),
    built once per session with a fixed 'today'."""
    from tests.helpers.demo import write_test_demo

    return write_test_demo(tmp_path_factory.mktemp("demo") / "demo.kpm", key_accounts=False)


@pytest.fixture(scope="session")
def demo_ka_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The full demo matrix as a user gets it: with two key accounts and their sites."""
    from tests.helpers.demo import write_test_demo

    return write_test_demo(tmp_path_factory.mktemp("demo_ka") / "demo.kpm", key_accounts=True)


@pytest.fixture
def demo_ka_file(demo_ka_template: Path, tmp_path: Path) -> Path:
    """A fresh, writable copy of the full demo (key accounts included) for one test."""
    target = tmp_path / "demo_ka.kpm"
    shutil.copyfile(demo_ka_template, target)
    return target


@pytest.fixture
def saved_language() -> Iterator:
    """Set the app's saved UI language for one test (removed again afterwards)."""
    from tests.helpers.language import save_ui_language

    yield save_ui_language
    save_ui_language(None)


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Path:
    """A fresh, writable copy of the demo matrix for one test."""
    target = tmp_path / "demo.kpm"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture
def demo_workspace(demo_file: Path) -> Iterator:
    """A workspace (no GUI) on a fresh demo copy, closed after the test."""
    from kpm_desktop.workspace.workspace import Workspace

    workspace = Workspace.open(demo_file)
    yield workspace
    workspace.close()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """KPM_DATA_DIR (backups, logs) in the test's temp folder."""
    root = tmp_path / "appdata"
    monkeypatch.setenv("KPM_DATA_DIR", str(root))
    return root


@pytest.fixture
def ui_settings(tmp_path: Path):
    """UI settings in a temp INI file (never the user's)."""
    from tests.helpers.window import ui_settings_at

    return ui_settings_at(tmp_path / "ui.ini")


@pytest.fixture
def main_window_factory(qtbot, monkeypatch: pytest.MonkeyPatch, ui_settings) -> Iterator:
    """``main_window_factory(path, extensions=…, lang=…, size=…)`` -> a shown main window;
    all of them are closed at teardown (tests/helpers/window.py)."""
    from tests.helpers.window import MainWindowFactory

    factory = MainWindowFactory(qtbot, monkeypatch, ui_settings)
    yield factory
    factory.close_all()


@pytest.fixture
def window(main_window_factory, demo_file: Path):
    """The bare main window (no extensions) showing the demo matrix; message boxes are
    recorded in ``window.messages``, not shown."""
    return main_window_factory(demo_file, extensions=())


@pytest.fixture(autouse=True)
def _release_keyboard_modifiers():
    """No test starts with Ctrl or Shift still "held" (tests/helpers/keys.py)."""
    yield
    import sys

    if "PySide6.QtWidgets" in sys.modules:
        from tests.helpers.keys import release_modifiers

        release_modifiers()
