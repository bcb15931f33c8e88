"""Tests start with no keyboard modifier "held" (see ``_release_keyboard_modifiers``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit


def test_a_ctrl_key_click_leaves_ctrl_reported_as_held(qtbot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    QTest.keyClick(edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    # Qt Test's release of Ctrl carries Ctrl: this is what leaked into later tests
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.ControlModifier


def test_b_the_next_test_starts_without_it(qtbot) -> None:
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
