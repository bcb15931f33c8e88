"""Keyboard-first: no two actions share a key, every action is reachable, focus keys work."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu

WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def shortcut_conflicts(actions: list[QAction]) -> list[str]:
    """Pairs of enabled actions whose key would be ambiguous in the same place."""
    by_key: dict[str, list[QAction]] = defaultdict(list)
    for act in actions:
        if not act.isEnabled():
            continue
        for seq in act.shortcuts():
            if not seq.isEmpty():
                by_key[seq.toString(QKeySequence.SequenceFormat.PortableText)].append(act)
    problems = []
    for key, acts in by_key.items():
        for i, a in enumerate(acts):
            for b in acts[i + 1 :]:
                wide = a.shortcutContext() in WINDOW_WIDE or b.shortcutContext() in WINDOW_WIDE
                shared = set(a.associatedObjects()) & set(b.associatedObjects())
                if wide or shared:
                    problems.append(f"{key}: {a.objectName()} / {b.objectName()}")
    return problems


def test_no_two_enabled_actions_share_a_shortcut(main_window_factory, demo_file) -> None:
    win = main_window_factory(demo_file, persist_state=False)  # every extension
    actions = win.findChildren(QAction)
    assert shortcut_conflicts(actions) == []
    # The checker finds a conflict when there is one.
    twin = QAction("twin", win)
    twin.setShortcut(win.action_registry["file.open"].shortcut())
    win.addAction(twin)
    assert shortcut_conflicts([*actions, twin]) == [
        f"{QKeySequence(QKeySequence.StandardKey.Open).toString()}: action_file.open / "
    ]
    win.close()


def test_every_action_is_reachable_by_keyboard(main_window_factory, demo_file) -> None:
    """In a menu (Alt + mnemonic, F10) or with a shortcut of its own."""
    win = main_window_factory(demo_file, persist_state=False)  # every extension
    in_menus = {a for menu in win.findChildren(QMenu) for a in menu.actions()}
    declared = win.action_registry.keys()
    unreachable = [
        str(key)
        for key in declared
        if win.action_registry[key] not in in_menus
        and win.action_registry[key].shortcut().isEmpty()
    ]
    assert unreachable == []
    # Standard keys where Qt has one.
    std = QKeySequence.StandardKey
    for key, standard in (
        ("file.new", std.New), ("file.open", std.Open), ("file.save_copy", std.SaveAs),
        ("file.close", std.Close), ("file.quit", std.Quit), ("edit.undo", std.Undo),
        ("edit.redo", std.Redo), ("edit.copy", std.Copy), ("edit.paste", std.Paste),
        ("edit.select_all", std.SelectAll), ("view.zoom_in", std.ZoomIn),
        ("view.zoom_out", std.ZoomOut), ("filter.find", std.Find), ("file.print", std.Print),
        ("help.guide", std.HelpContents),
    ):  # fmt: skip
        own = win.action_registry[key].shortcuts()
        bindings = QKeySequence.keyBindings(standard)
        # The platform's key where it has one; otherwise a key of our own.
        assert (bindings[0] in own) if bindings else bool(own), key
    win.close()


def test_ctrl_f_enters_the_filter_bar_and_f6_returns_to_the_matrix(
    qtbot, main_window_factory, demo_file
) -> None:
    win = main_window_factory(demo_file, persist_state=False)  # every extension
    win.activateWindow()
    win.view.setFocus()
    QApplication.processEvents()
    win.action_registry["filter.find"].trigger()
    focused = QApplication.focusWidget()
    assert (
        isinstance(focused, QLineEdit)
        and focused.objectName() == win.filter_bar.search.objectName()
    )
    qtbot.keyClick(focused, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is win.view
    assert win.view.currentIndex().isValid()
    # Ctrl+M does the same; marking keys then mark the current cell.
    focused.setFocus()
    win.action_registry["view.focus_matrix"].trigger()
    assert QApplication.focusWidget() is win.view
    assert QKeySequence("Ctrl+M") in win.action_registry["view.focus_matrix"].shortcuts()
    win.close()
