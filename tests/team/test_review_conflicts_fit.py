"""Team › Review Conflicts… at 1366x768 in German and English: every column title and button
reads in full (field test: "Version der Kollegen" was clipped), also with long values and at
the dialog's smallest width; long values end in "…" with the whole text in the tooltip."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QTableWidget

from kpm_desktop.storage.repository import Repository
from kpm_desktop.workspace.commands import UpdateCustomerCommand

THEIR_STREET = "Industriestraße 112, Gewerbegebiet Nord-Ost, Halle 3, Zufahrt über Tor 4"
MY_STREET = "Am Alten Hafen 27–29, Hintereingang neben der Spedition Müller & Söhne"


def _text_width(font: QFont, text: str) -> int:
    """The text's width in this font and in its bold cut (a header may draw bold)."""
    bold = QFont(font)
    bold.setBold(True)
    return max(
        QFontMetrics(font).horizontalAdvance(text), QFontMetrics(bold).horizontalAdvance(text)
    )


def _assert_everything_fits(dialog) -> None:
    table = dialog.findChild(QTableWidget, "team_conflicts")
    header = table.horizontalHeader()
    for col in range(table.columnCount()):
        title = table.horizontalHeaderItem(col).text()
        assert _text_width(header.font(), title) <= header.sectionSize(col), title
        assert header.sectionSizeHint(col) <= header.sectionSize(col), title
    assert header.length() <= table.viewport().width()  # no column pushed out of sight
    for button in dialog.findChildren(QPushButton):
        if button.isVisible():
            text = button.text().replace("&", "")
            assert button.fontMetrics().horizontalAdvance(text) <= button.width(), text


@pytest.mark.parametrize(
    ("lang", "theirs_title"), [("de", "Version der Kollegen"), ("en", "Theirs")]
)
def test_review_conflicts_titles_and_buttons_fit(
    main_window_factory, demo_file: Path, qtbot, tmp_path: Path, lang: str, theirs_title: str
) -> None:
    win = main_window_factory(demo_file, lang=lang, size=(1366, 768))
    ws = win.workspace
    theirs = tmp_path / "Gebiet-Nord-Kollegin.kpm"
    ws.save_copy(theirs)
    customers = ws.repo.load_customers()
    long_name = replace(customers[3], name="Schäfer Chemie Vertriebsgesellschaft mbH & Co. KG")
    ws.push(UpdateCustomerCommand(ws, long_name))
    with Repository.open(theirs) as repo:
        repo.update_customer(replace(customers[4], street=THEIR_STREET))
        repo.update_customer(replace(long_name, city="Bremerhaven-Geestemünde"))
    ws.push(UpdateCustomerCommand(ws, replace(customers[4], street=MY_STREET)))
    ws.push(UpdateCustomerCommand(ws, replace(long_name, city="Cuxhaven-Döse")))
    win.merge.merge_file(theirs)
    win.merge.wait(60)
    qtbot.waitUntil(lambda: win.merge.result_box is not None, timeout=20000)
    win.merge.result_box.done(0)

    win.team.review_action.trigger()  # Team › Review Conflicts…
    dialog = win.findChild(QDialog, "team_conflict_dialog")
    qtbot.waitExposed(dialog)
    table = dialog.findChild(QTableWidget, "team_conflicts")
    assert table.rowCount() == 2
    assert table.horizontalHeaderItem(4).text() == theirs_title
    assert dialog.width() <= 1366
    _assert_everything_fits(dialog)
    # a long value is cut with "…" on one line; the tooltip has all of it
    mine = next(table.item(r, 3) for r in range(2) if table.item(r, 3).text().endswith(MY_STREET))
    assert mine.toolTip() == mine.text()
    assert not table.wordWrap()

    # the smallest the dialog goes: still every title in full
    dialog.resize(dialog.minimumSizeHint().width(), dialog.height())
    qtbot.waitUntil(lambda: dialog.width() == dialog.minimumSizeHint().width(), timeout=5000)
    QApplication.processEvents()
    _assert_everything_fits(dialog)
    dialog.reject()
