"""QA pass on the integrated app: Team › Join a Team… without a server configured.

Found at 1366x768 in German: the label read "Neue &Matrixdatei:" (a literal ampersand), and OK
with an empty address went to the network and came back with "the team server the team server
cannot be reached … syncs again later (your local changes are kept)".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit, QMenu

from kpm_desktop.gui.i18n import install_translators


@pytest.fixture
def team_window(main_window_factory, demo_file: Path):
    """The main window with its extensions (the Team menu) on a demo copy outside any team."""
    return main_window_factory(demo_file, size=(1366, 768))


def _open_join_dialog(win, qtbot):
    menu = win.findChild(QMenu, "menu_team")
    join = win.team.join_action
    assert join in menu.actions() and join.isEnabled()
    join.trigger()
    qtbot.waitUntil(lambda: win.findChild(QDialog, "team_join_dialog") is not None)
    dialog = win.findChild(QDialog, "team_join_dialog")
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("lang", ["de", "en"])
def test_join_without_address_stays_open_and_says_what_is_missing(
    team_window, qtbot, qapp, lang
) -> None:
    win = team_window
    install_translators(qapp, lang)
    try:
        win.team.update()
        dialog = _open_join_dialog(win, qtbot)
        # every label of the form shows its mnemonic, none a literal "&"
        labels = [w for w in dialog.findChildren(QLabel) if w.buddy() is not None]
        file_label = next(
            w for w in labels if w.buddy() is dialog.findChild(QLineEdit, "team_file")
        )
        assert file_label.text().count("&") == 1  # the mnemonic marker, rendered underlined
        # OK with an empty address: no network, the dialog stays, one translated line
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
        qtbot.wait(50)
        assert dialog.isVisible()
        problem = dialog.findChild(QLabel, "team_join_problem")
        assert problem.isVisible()
        expected = "Serveradresse" if lang == "de" else "server's address"
        assert expected in problem.text()
        assert QApplication.focusWidget() is dialog.findChild(QLineEdit, "team_url")
        assert win.messages == []  # nothing went to the network, no error box
        # the address typed into the focused field: OK goes on (no file typed → own line)
        QTest.keyClicks(QApplication.focusWidget(), "postgresql://127.0.0.1:1/none")
        dialog.findChild(QLineEdit, "team_file").clear()
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert QApplication.focusWidget() is dialog.findChild(QLineEdit, "team_file")
        dialog.reject()
    finally:
        install_translators(qapp, "en")


def test_set_up_without_address_stays_open(team_window, qtbot) -> None:
    win = team_window
    win.team.update()
    assert win.team.setup_action.isEnabled()
    win.team.setup_action.trigger()
    qtbot.waitUntil(lambda: win.findChild(QDialog, "team_setup_dialog") is not None)
    dialog = win.findChild(QDialog, "team_setup_dialog")
    qtbot.waitExposed(dialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert dialog.isVisible() and dialog.findChild(QLabel, "team_setup_problem").isVisible()
    assert QApplication.focusWidget() is dialog.findChild(QLineEdit, "team_setup_url")
    assert win.messages == [] and win.team.last_error == ""
    dialog.reject()


def test_unreachable_message_names_the_server_once() -> None:
    import psycopg

    from kpm_desktop.team.connect import user_message

    text = str(user_message(psycopg.OperationalError("connection refused")))
    assert text.count("the team server") == 1
    text = str(user_message(psycopg.OperationalError("refused"), "postgresql://h/team"))
    assert text.startswith("the team server ") and "h/team" in text
