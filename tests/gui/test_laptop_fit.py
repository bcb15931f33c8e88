"""Issue 19, items 7-10: the main window fits a 1366x768 laptop, in German and in English.

The real window with every extension at 1366x768: nothing in the filter bar is clipped and
the combos show their whole text, the key figures show all their lines, all side-panel tabs
are reachable without scroll arrows, the header block collapses so that 25 customer rows
show (remembered), the name column is dragged wider (remembered), group band labels elide
in the middle, and zooming out fills the window with rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kpm_desktop.gui.settings import UiSettings

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


LAPTOP = {"size": (1366, 768), "settle_ms": 50}  # every extension, the rep's screen


@pytest.fixture(params=["de", "en"])
def laptop(request, main_window_factory, demo_file: Path) -> tuple[object, UiSettings]:
    """(window, settings) in German or English at 1366x768."""
    win = main_window_factory(demo_file, lang=request.param, **LAPTOP)
    return win, main_window_factory.settings


def test_filter_bar_shows_everything_whole(laptop) -> None:
    win, _ = laptop
    bar = win.filter_bar
    for kind in (QLineEdit, QComboBox, QCheckBox, QPushButton):
        for w in bar.findChildren(kind):
            if not w.isVisible() or w.parentWidget() is None:
                continue
            assert w.visibleRegion().boundingRect().size() == w.size(), w.objectName()
    for combo in bar.findChildren(QComboBox):
        if combo is bar.product:
            continue  # product names can be long: their popup shows them whole
        assert combo.width() >= combo.sizeHint().width(), combo.currentText()
        text_room = combo.width() - 30  # arrow and frame
        assert combo.fontMetrics().horizontalAdvance(combo.currentText()) <= text_room, (
            combo.currentText()
        )


def test_key_figures_show_all_lines(laptop) -> None:
    win, _ = laptop
    panel = win.side_panel.panel
    win.view.setCurrentIndex(win.model.index(6, 4))  # a customer with long product lists
    panel.show_tab(panel.tab_customer)
    QTest.qWait(50)
    labels = list(panel.kpis._labels.values())
    assert max(label.height() for label in labels) > 3 * labels[0].height()  # wrapped lists
    for label in labels:
        fresh = QLabel(label.text())  # no minimum height: what the text really needs
        fresh.setWordWrap(True)
        fresh.setFont(label.font())
        assert label.height() >= fresh.heightForWidth(label.width()), label.text()
        assert label.height() <= fresh.heightForWidth(label.width()) + 4, label.text()
    win.action_registry["view.insights"].trigger()  # the panel gets narrower and wider again
    QTest.qWait(50)
    win.action_registry["view.insights"].trigger()
    QTest.qWait(50)
    for label in labels:
        fresh = QLabel(label.text())
        fresh.setWordWrap(True)
        fresh.setFont(label.font())
        assert fresh.heightForWidth(label.width()) <= label.height()
        assert label.height() <= fresh.heightForWidth(label.width()) + 4, label.text()


def test_all_side_panel_tabs_are_reachable_without_scroll_arrows(laptop) -> None:
    win, _ = laptop
    tabs = win.side_panel.panel.tabs
    bar = tabs.tabBar()
    assert not bar.usesScrollButtons()
    for i in range(tabs.count()):
        rect = bar.tabRect(i)
        assert bar.rect().contains(rect), tabs.tabText(i)
        assert rect.width() >= bar.fontMetrics().horizontalAdvance(tabs.tabText(i)), (
            "elided: " + tabs.tabText(i)
        )
    menu = win.side_panel.panel.sections_button.menu()
    assert [a.text() for a in menu.actions()] == [tabs.tabToolTip(i) for i in range(tabs.count())]
    menu.actions()[-1].trigger()
    assert tabs.currentIndex() == tabs.count() - 1


def test_compact_header_shows_25_rows_and_is_remembered(
    main_window_factory, laptop, demo_file: Path
) -> None:
    win, settings = laptop
    view = win.view
    rows = view.viewport().height() // view.rowHeight(0)
    assert rows < 25  # the full header block takes ~190 px
    action = win.action_registry["view.compact_header"]
    action.trigger()
    assert view.compact_header
    rows = view.viewport().height() // view.rowHeight(0)
    assert rows >= 25
    win.close()
    again = main_window_factory(demo_file, **LAPTOP)
    assert again.view.compact_header and again.action_registry["view.compact_header"].isChecked()
    # A click on the block's corner shows names and counts again.
    corner = again.view.corner
    QTest.mouseClick(corner, LEFT, NO_MOD, corner.rect().center())
    assert not again.view.compact_header
    assert not settings.compact_header()
    again.close()


def test_name_column_is_dragged_wider_and_remembered(
    main_window_factory, laptop, demo_file: Path
) -> None:
    win, settings = laptop
    header = win.view.verticalHeader()
    before = header.width()
    edge = QPoint(header.width() - 2, 30)
    QTest.mousePress(header.viewport(), LEFT, NO_MOD, edge)
    QTest.mouseMove(header.viewport(), edge + QPoint(60, 0))
    QTest.mouseRelease(header.viewport(), LEFT, NO_MOD, edge + QPoint(60, 0))
    assert header.width() == before + 60
    assert win.view.corner.width() == header.width()
    win.close()
    assert settings.name_width(0) == before + 60
    again = main_window_factory(demo_file, **LAPTOP)
    assert again.view.verticalHeader().width() == before + 60
    again.close()


def test_group_band_labels_elide_in_the_middle(laptop) -> None:
    win, _ = laptop
    header = win.view.horizontalHeader()
    model = win.model
    runs: dict[str, int] = {}
    for j in range(model.columnCount()):
        runs[model.group_name(j)] = runs.get(model.group_name(j), 0) + 1
    name = max(runs, key=lambda n: header.fontMetrics().horizontalAdvance(n) / runs[n])
    j = next(j for j in range(model.columnCount()) if model.group_name(j) == name)
    shown = header.band_label(j)
    if shown != name:  # too long for its columns: the start and the end stay readable
        assert "…" in shown[1:-1]
        assert name.startswith(shown.split("…")[0]) and name.endswith(shown.split("…")[-1])
    win.view.set_zoom(0)
    narrow = header.band_label(j)
    assert narrow != name and "…" in narrow[1:-1]


def test_zooming_out_fills_the_window_with_rows(laptop) -> None:
    win, _ = laptop
    view = win.view
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())  # the last rows, at normal size
    view.set_zoom(0)
    bar.setValue(bar.maximum())
    last = win.model.rowCount() - 1
    assert view.rowAt(view.viewport().height() - 1) == last
    gap = view.viewport().height() - (view.rowViewportPosition(last) + view.rowHeight(last))
    assert 0 <= gap < view.rowHeight(last)  # no empty space below the last row


def test_insights_bar_header_is_whole_and_percentages_have_the_space(qtbot, laptop) -> None:
    from kpm_desktop.gui.insights_view.bars import BarsModel, percent_text

    win, _ = laptop
    win.action_registry["view.insights"].trigger()
    qtbot.waitUntil(lambda: win.findChild(QWidget, "insights_bars") is not None, timeout=10000)
    QTest.qWait(50)
    view = win.findChild(QWidget, "insights_bars")
    header = view.horizontalHeader()
    text = view.model().headerData(BarsModel.BAR, Qt.Orientation.Horizontal)
    assert header.sectionSize(BarsModel.BAR) >= header.fontMetrics().horizontalAdvance(text) + 8
    assert percent_text(59.6) == "60 %"
