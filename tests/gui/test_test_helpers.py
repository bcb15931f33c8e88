"""The shared GUI test helpers do what the tests rely on (tests/helpers/window.py, dialogs.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.helpers.dialogs import answer_message_box
from tests.helpers.window import MainWindowFactory


def test_factory_opens_shows_records_and_cleans_up(
    qtbot, monkeypatch: pytest.MonkeyPatch, ui_settings, demo_file: Path
) -> None:
    factory = MainWindowFactory(qtbot, monkeypatch, ui_settings)
    win = factory(demo_file, extensions=(), lang="de", size=(700, 500))
    assert win.isVisible() and win.workspace is not None and win.workspace.path == demo_file
    assert (win.width(), win.height()) == (700, 500)
    assert win.menuBar().actions()[0].text() == "&Datei"
    QMessageBox.warning(win, "Titel", "Text")  # recorded, never shown (no exec() offscreen)
    QMessageBox.critical(win, "Fehler", "Mehr")
    assert win.messages == [("Titel", "Text"), ("Fehler", "Mehr")]
    second = factory(extensions=(), show=False)
    assert not second.isVisible() and second.workspace is None
    factory.close_all()
    assert not win.isVisible() and win.workspace is None  # the file is released
    english = factory(extensions=(), show=False)
    assert english.menuBar().actions()[0].text() == "&File"  # English is back


def test_factory_can_fail_on_any_message_box(
    qtbot, monkeypatch: pytest.MonkeyPatch, ui_settings
) -> None:
    factory = MainWindowFactory(qtbot, monkeypatch, ui_settings)
    win = factory(extensions=(), show=False, warnings="fail")
    with pytest.raises(pytest.fail.Exception, match="message box shown: T: boom"):
        QMessageBox.warning(win, "T", "boom")
    factory.close_all()


def test_answering_a_message_box_clicks_the_button_and_records_the_text(qtbot) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Frage", "Weiter?")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    seen: list[str] = []
    answer_message_box("No", seen)
    assert box.exec() == QMessageBox.StandardButton.No
    assert seen == ["Weiter?"]


def test_a_missing_button_rejects_the_dialog_instead_of_hanging(qtbot) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Frage", "Weiter?")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    answer_message_box("Vielleicht")
    with qtbot.capture_exceptions() as raised:
        box.exec()  # returns: the answer rejected the box
    assert len(raised) == 1 and "no button 'Vielleicht'" in str(raised[0][1])
    assert "Yes" in str(raised[0][1]) and "No" in str(raised[0][1])
