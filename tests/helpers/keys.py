"""Keys and clicks the way a user's keyboard and mouse deliver them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MOD, *, wait_ms: int = 1) -> None:
    """One key press where the keyboard focus is, as a real keyboard would deliver it."""
    widget = focused()
    assert widget is not None, "no widget has the keyboard focus"
    QTest.keyClick(widget, key, modifier)
    if wait_ms:
        QTest.qWait(wait_ms)


def press_sequence(sequence: QKeySequence) -> None:
    """The first chord of a shortcut (e.g. the platform's Undo), where the focus is."""
    combo = sequence[0]
    press(combo.key(), combo.keyboardModifiers())


def type_into(qtbot, widget, text: str, *, clear: bool = True) -> None:
    """Type like a user; QTest can only send ASCII keys, so other characters are inserted."""
    if clear:
        widget.clear()
    widget.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        elif hasattr(widget, "insertPlainText"):
            widget.insertPlainText(ch)
        else:
            widget.insert(ch)


def click_cell(win, row: int, col: int) -> None:
    """A left click on a matrix cell (scrolled into view first)."""
    view = win.view
    index = win.model.index(row, col)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, view.visualRect(index).center())
    QTest.qWait(1)


def click_name(win, row: int, modifier: Qt.KeyboardModifier = NO_MOD) -> None:
    """A left click on a customer's name in the row header."""
    header = win.view.verticalHeader()
    win.view.scrollTo(win.model.index(row, 0))
    y = header.sectionViewportPosition(row) + header.sectionSize(row) // 2
    QTest.mouseClick(header.viewport(), LEFT, modifier, QPoint(40, y))
    QTest.qWait(1)


def release_modifiers() -> None:
    """Let go of Ctrl/Shift that a test left "held".

    Qt Test's key release of Ctrl/Shift still carries that modifier (as a real keyboard
    does), and QApplication keeps the modifiers of the last synthesized event: after any
    ``keyClick(..., ControlModifier)`` it reports Ctrl held until the next key or mouse
    event. A later test's ``view.setCurrentIndex()`` then *toggles* the cell into the old
    selection instead of replacing it, and one key press marks two cells (the team GUI test
    saw "2 changes to send" only in full runs, after tests/safety/test_disk_full.py).
    """
    if QApplication.instance() is None:
        return
    if QApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        sink = QWidget()
        QTest.keyRelease(sink, Qt.Key.Key_Control)  # a release without modifiers
        sink.deleteLater()


def mark_key_in_matrix(win, key: Qt.Key) -> None:
    """A mark key where the keyboard focus is, after a click into the matrix's current cell."""
    row, col = win.view.currentIndex().row(), win.view.currentIndex().column()
    click_cell(win, row, col)
    assert QApplication.focusWidget() is win.view
    press(key)


def first_white_spot(win) -> tuple[int, int, int, int]:
    """(view row, view column, customer id, product id) of the first white spot shown."""
    ws, model = win.workspace, win.model
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            r, c = model.matrix_row(row), model.matrix_col(col)
            if ws.matrix.mark(r, c) is None:
                return row, col, ws.matrix.customers[r].id, ws.matrix.products[c].id
    raise AssertionError("no white spot")
