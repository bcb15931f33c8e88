"""Street and phone (issue 18) in the side panel's master data and in Data › Customers…:
typed through real key events, saved as one undo step each, and read back from disk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from kpm_desktop.gui.dialogs.manage_customers import CustomerEditor, ManageCustomersDialog
from kpm_desktop.gui.settings import UiSettings
from kpm_desktop.storage.repository import Repository
from kpm_desktop.workspace.customer_commands import customer_data

TODAY = date(2026, 11, 27)


@pytest.fixture
def win(qtbot, demo_file: Path, ui_settings: UiSettings, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from kpm_desktop.gui.main_window import MainWindow

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text))
    )
    w = MainWindow(ui_settings, extensions=("kpm_desktop.gui.side_panel.extension",))
    w.messages = shown  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    assert w.open_file(demo_file)
    customer_data(w.workspace).set_today(TODAY)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def _type_into(field: QLineEdit, text: str) -> None:
    field.setFocus()
    QApplication.processEvents()
    focus = QApplication.focusWidget()
    assert focus is field
    QTest.keyClick(focus, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(focus, text)


def _stored(path: Path, customer_id: int) -> tuple[str, str]:
    with Repository.open(path, read_only=True) as repo:
        c = repo.get_customer(customer_id)
        assert c is not None
        return c.street, c.phone


def test_side_panel_edits_street_and_phone_with_undo(win, demo_file: Path) -> None:
    ws, panel = win.workspace, win.side_panel.panel
    win.view.setCurrentIndex(win.model.index(4, 2))
    customer = ws.matrix.customers[win.model.matrix_row(4)]
    assert panel.master.street.text() == customer.street and customer.street
    assert panel.master.phone.text() == customer.phone and customer.phone
    _type_into(panel.master.street, "Hafenstraße 12")
    _type_into(panel.master.phone, "+49 431 555-0")
    QTest.mouseClick(panel.master.save_button, Qt.MouseButton.LeftButton)
    assert _stored(demo_file, customer.id) == ("Hafenstraße 12", "+49 431 555-0")
    assert ws.undo_stack.undoText()
    ws.undo_stack.undo()
    assert _stored(demo_file, customer.id) == (customer.street, customer.phone)
    # (A customer edit resets the matrix model, which clears the current cell: go back.)
    win.view.setCurrentIndex(win.model.index(4, 2))
    assert panel.master.street.text() == customer.street
    assert panel.master.phone.text() == customer.phone
    ws.undo_stack.redo()
    assert _stored(demo_file, customer.id) == ("Hafenstraße 12", "+49 431 555-0")


def test_customers_dialog_edits_street_and_phone(win, qtbot, demo_file: Path) -> None:
    ws = win.workspace
    dialog = ManageCustomersDialog(ws, win)
    qtbot.addWidget(dialog)
    customer = ws.matrix.customers[7]
    assert dialog.select_customer(customer.id)
    seen: list[str] = []

    def fill() -> None:
        editor = QApplication.activeModalWidget()
        try:
            assert isinstance(editor, CustomerEditor)
            seen.append(editor.street.text())
            _type_into(editor.street, "Am Markt 3")
            _type_into(editor.phone, "0431 1234")
            QTest.mouseClick(
                editor.buttons.button(QDialogButtonBox.StandardButton.Ok),
                Qt.MouseButton.LeftButton,
            )
        finally:
            if editor is not None and editor.isVisible():
                editor.reject()  # never leave a modal dialog open (the test would hang)

    QTimer.singleShot(0, fill)
    assert dialog.edit_selected()
    assert seen == [customer.street]
    assert _stored(demo_file, customer.id) == ("Am Markt 3", "0431 1234")
    ws.undo_stack.undo()
    assert _stored(demo_file, customer.id) == (customer.street, customer.phone)
