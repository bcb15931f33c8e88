"""First-run guide, keyboard-shortcuts page and the New-matrix assistant, driven as a user."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kpm_desktop.gui.dialogs.first_run_guide import (
    GUIDE_SHOWN_KEY,
    FirstRunGuide,
    should_show_guide,
)
from kpm_desktop.gui.dialogs.new_matrix import NewMatrixDialog
from kpm_desktop.gui.dialogs.shortcuts_help import ShortcutsDialog
from kpm_desktop.gui.help_menu import HelpAction, install, maybe_show_first_run
from kpm_desktop.storage.repository import Repository


def _with_help(window):
    install(window)
    return window


def test_guide_appears_once_and_reopens_from_help(window, qtbot) -> None:
    _with_help(window)
    settings = window.settings.qsettings
    assert should_show_guide(settings)
    maybe_show_first_run(window)
    guide = qtbot.waitUntil(
        lambda: window.findChild(FirstRunGuide, "first_run_guide") is not None
    ) or window.findChild(FirstRunGuide, "first_run_guide")
    assert guide.isVisible()
    QTest.keyClick(guide, Qt.Key.Key_Escape)  # dismiss like a user
    assert not guide.isVisible()
    assert not should_show_guide(settings)
    assert str(settings.value(GUIDE_SHOWN_KEY)).lower() == "true"
    guide.deleteLater()

    maybe_show_first_run(window)  # second start: no guide
    QApplication.processEvents()
    assert all(not g.isVisible() for g in window.findChildren(FirstRunGuide))

    window.action_registry[HelpAction.GUIDE].trigger()  # Help > Getting started
    reopened = [g for g in window.findChildren(FirstRunGuide) if g.isVisible()]
    assert len(reopened) == 1
    reopened[0].show_again.setChecked(True)
    reopened[0].reject()
    assert should_show_guide(settings)


def test_shortcuts_page_lists_registry_shortcuts(window, qtbot) -> None:
    _with_help(window)
    window.action_registry[HelpAction.SHORTCUTS].trigger()
    dialog = window.findChild(ShortcutsDialog, "shortcuts_dialog")
    assert dialog is not None and dialog.isVisible()
    rows = {
        dialog.proxy.index(r, 0).data(): dialog.proxy.index(r, 1).data()
        for r in range(dialog.proxy.rowCount())
    }
    assert any("X" in keys.split(", ") for keys in rows.values())  # marking with X
    assert any(keys == "F1" for keys in rows.values())
    qtbot.keyClicks(dialog.search, "F1")
    assert 1 <= dialog.proxy.rowCount() < len(rows)
    dialog.close()


def test_new_matrix_assistant_creates_file_with_pasted_lists(window, qtbot, tmp_path: Path) -> None:
    _with_help(window)
    window.settings.set_last_directory(tmp_path)
    window.action_registry[HelpAction.NEW_ASSISTANT].trigger()
    dialog = window.findChild(NewMatrixDialog, "new_matrix_dialog")
    target = tmp_path / "Nord.kpm"
    dialog.path_edit.setText(str(target))
    QApplication.clipboard().setText(
        "Antriebe\tServomotoren\nAntriebe\tGetriebemotoren\nService\tWartung"
    )
    dialog.products_edit.setFocus()
    QTest.keySequence(dialog.products_edit, "Ctrl+V")
    qtbot.keyClicks(dialog.customers_edit, "100")
    QTest.keyClick(dialog.customers_edit, Qt.Key.Key_Tab)  # a tab separates number and name
    qtbot.keyClicks(dialog.customers_edit, "Hartmann GmbH")
    QTest.keyClick(dialog.customers_edit, Qt.Key.Key_Return)
    QApplication.clipboard().setText("Müller AG")  # QTest cannot type umlauts: paste them
    QTest.keySequence(dialog.customers_edit, "Ctrl+V")
    assert "3" in dialog.summary.text() and "2" in dialog.summary.text()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    assert window.workspace is not None and window.workspace.path == target
    with Repository.open(target, read_only=True) as repo:
        m = repo.load_matrix()
        assert [(c.number, c.name) for c in m.customers] == [
            ("100", "Hartmann GmbH"),
            ("", "Müller AG"),
        ]
        assert [p.name for p in m.products] == ["Servomotoren", "Getriebemotoren", "Wartung"]
        assert sorted(g.name for g in repo.load_groups()) == ["Antriebe", "Service"]


def test_new_matrix_assistant_never_overwrites(window, qtbot, demo_file: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.helpers.files import file_hash

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    _with_help(window)
    window.action_registry[HelpAction.NEW_ASSISTANT].trigger()
    dialog = window.findChild(NewMatrixDialog, "new_matrix_dialog")
    before = file_hash(demo_file)
    dialog.path_edit.setText(str(demo_file))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert warnings and "exists already" in warnings[0]
    assert dialog.isVisible() and file_hash(demo_file) == before
    dialog.reject()


def test_shortcuts_dialog_standalone(qtbot) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    a = QAction("&Open…")
    a.setShortcut(QKeySequence("Ctrl+O"))
    b = QAction("No keys")
    d = ShortcutsDialog([a, b])
    qtbot.addWidget(d)
    assert d.proxy.rowCount() == 1
    assert d.proxy.index(0, 0).data() == "Open"
