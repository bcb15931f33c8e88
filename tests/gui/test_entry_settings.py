"""Start-up file choice, demo creation, UI settings and the action registry."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from kpm_desktop.gui import entry
from kpm_desktop.gui.actions import ActionRegistry, MenuId
from kpm_desktop.gui.settings import MAX_RECENT, UiSettings
from kpm_desktop.samples.demo import DEMO_CUSTOMERS
from tests.helpers.window import ui_settings_at


def test_startup_file_prefers_argument_then_recent_then_demo(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KPM_DATA_DIR", str(tmp_path / "data"))
    given = tmp_path / "given.kpm"
    recent = tmp_path / "recent.kpm"
    recent.write_bytes(b"")
    assert entry.startup_file(given, [recent]) == given
    assert entry.startup_file(None, [tmp_path / "gone.kpm", recent]) == recent
    demo = entry.startup_file(None, [tmp_path / "gone.kpm"])
    assert demo == tmp_path / "data" / "demo.kpm" and demo.exists()
    from kpm_desktop.storage.repository import Repository

    with Repository.open(demo, read_only=True) as repo:
        assert repo.counts()["customers"] == DEMO_CUSTOMERS
    assert entry.startup_file(None, []) == demo  # created once, then reused


def test_parser_accepts_documented_options() -> None:
    args = entry.build_parser().parse_args(["x.kpm", "--lang", "de", "--profile-startup"])
    assert args.file == Path("x.kpm") and args.lang == "de" and args.profile_startup
    with pytest.raises(SystemExit):
        entry.build_parser().parse_args(["--lang", "fr"])


def test_recent_files_keep_ten_newest_first(tmp_path: Path) -> None:
    s = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    for i in range(12):
        s.add_recent_file(tmp_path / f"f{i}.kpm")
    s.add_recent_file(tmp_path / "f5.kpm")
    files = s.recent_files()
    assert len(files) == MAX_RECENT
    assert files[0].name == "f5.kpm" and files[1].name == "f11.kpm"
    assert [f.name for f in files].count("f5.kpm") == 1
    s.remove_recent_file(tmp_path / "f5.kpm")
    assert all(f.name != "f5.kpm" for f in s.recent_files())


def test_window_geometry_and_state_are_restored(main_window_factory, tmp_path: Path) -> None:
    first = main_window_factory(
        extensions=(),
        size=(700, 500),  # inside the offscreen 800x600 screen
        before_show=lambda w: w.action_registry.toolbar("marks").hide(),
    )
    first.close()
    second = main_window_factory(extensions=(), show=False)
    assert (second.width(), second.height()) == (700, 500)
    assert second.action_registry.toolbar("marks").isHidden()
    assert isinstance(ui_settings_at(tmp_path / "ui.ini").geometry(), QByteArray)


def test_registry_orders_sections_and_accepts_late_actions(qtbot) -> None:
    win = QMainWindow()
    qtbot.addWidget(win)
    reg = ActionRegistry(win)
    calls = []
    reg.add("quit", "Quit", lambda: calls.append("quit"), menu=MenuId.FILE, section="quit")
    reg.add("open", "Open", menu=MenuId.FILE, section="file")
    reg.build(win.menuBar(), {})
    reg.add("export", "Export", menu=MenuId.FILE, section="export")
    reg.add("custom", "Custom", menu=MenuId.FILE, section="my-own")
    texts = [a.text() for a in reg.menu(MenuId.FILE).actions() if not a.isSeparator()]
    assert texts == ["Open", "Export", "Quit", "Custom"]
    reg["quit"].trigger()
    assert calls == ["quit"]
    with pytest.raises(KeyError):
        reg.add("quit", "Again")
    assert isinstance(reg.get("open"), QAction) and "open" in reg


def test_extension_modules_are_installed(main_window_factory, monkeypatch) -> None:
    import sys
    import types

    mod = types.ModuleType("kpm_test_extension")
    installed = []

    def install(window) -> None:
        installed.append(window)
        window.action_registry.add("test.tool", "Tool", menu=MenuId.TOOLS, section="tools")

    mod.install = install  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kpm_test_extension", mod)
    win = main_window_factory(extensions=("kpm_test_extension",), show=False)
    assert installed == [win]
    assert win.action_registry.menu(MenuId.TOOLS).menuAction().isVisible()


def test_open_recent_menu_lists_and_opens_files(window, tmp_path: Path) -> None:
    from kpm_desktop.samples.demo import write_demo

    other = write_demo(tmp_path / "zweite.kpm")
    assert window.open_file(other)
    menu = window._recent_menu
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if a.statusTip()]
    assert [Path(a.statusTip()).name for a in entries][:2] == ["zweite.kpm", "demo.kpm"]
    entries[1].trigger()
    assert window.workspace.path.name == "demo.kpm"
    assert "demo.kpm" in window.windowTitle()
