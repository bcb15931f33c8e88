"""Status-bar texts a new user meets (QA of session 3): names are quoted, and a temporary
message is readable next to the permanent counts on a 1366x768 laptop, in German and English.

A trip is planned through the planner's OK button in the real window, then undone with
Ctrl+Z; the messages are read from the status bar as the user sees them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.helpers.key_accounts import link_sites
from tests.helpers.keys import press

EXTENSIONS = ("kpm_desktop.gui.trips.extension", "kpm_desktop.gui.key_accounts")
LONG_NAME = "Kundenbesuche Rhein-Main und Nordbaden, zweite Dezemberwoche 2026"

EXPECTED = {
    "de": (
        "Tour „{name}“ geplant — Strg+Z macht das rückgängig.",
        "Rückgängig gemacht: Tour „{name}“ planen",
        "Weiße Flecken:",
    ),
    "en": (
        "Trip “{name}” planned — Ctrl+Z undoes.",
        "Undone: Plan trip “{name}”",
        "White spots:",
    ),
}


def _room_for_the_message(win) -> int:
    """The width QStatusBar leaves for its temporary message (left of the permanent
    widgets)."""
    bar = win.statusBar()
    permanent = [w for w in (win.status_label, getattr(win.team, "status", None)) if w]
    taken = sum(w.width() + 8 for w in permanent if w.isVisible())
    return bar.width() - taken - 12  # the size grip and margins


def _plan(win, name: str) -> None:
    ws = win.workspace
    dialog = win.trip_actions.plan()
    dialog.add_customers([c.id for c in ws.matrix.customers[:3]])
    dialog.date_edit.setDate(date(2026, 12, 8))
    dialog.name_edit.setText(name)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_planned_trip_is_quoted_and_the_message_fits_at_1366(
    qtbot, main_window_factory, demo_file: Path, lang: str
):
    link_sites(demo_file, 0, [1, 2, 3])  # a key account: the longest counts text
    win = main_window_factory(demo_file, extensions=EXTENSIONS, lang=lang, size=(1366, 768))
    full = win.status_text()
    planned, undone, compact = EXPECTED[lang]
    bar = win.statusBar()

    _plan(win, LONG_NAME)
    message = bar.currentMessage()
    assert message == planned.format(name=LONG_NAME)
    qtbot.waitUntil(lambda: win.status_label.text().startswith(compact))
    assert win.status_label.toolTip() == full  # every count is one hover away
    assert bar.toolTip() == message
    qtbot.wait(50)  # the bar lays out the narrower counts
    width = bar.fontMetrics().horizontalAdvance(message)
    assert width <= _room_for_the_message(win), (width, _room_for_the_message(win))
    # ... where the full counts beside it would have cut it off:
    assert width + win.status_label.fontMetrics().horizontalAdvance(full) > bar.width() - 20

    win.activateWindow()
    win.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.view)
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert bar.currentMessage() == undone.format(name=LONG_NAME)

    bar.clearMessage()  # the message times out: the full counts come back
    assert win.status_label.text() == full
    assert bar.toolTip() == ""
