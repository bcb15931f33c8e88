"""Each filter through the filter bar shows the expected customers of the demo matrix.

Expected sets are computed independently from the file's SQL tables, not with the domain
filter functions.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QComboBox

from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.gui.filter_bar import SEARCH_DELAY_MS, FilterBar
from kpm_desktop.workspace.structure_commands import customer_active_command

EXTENSIONS = ("kpm_desktop.gui.filter_bar", "kpm_desktop.gui.manage_actions")


class Truth:
    """Customers, products and marks read straight from the SQL tables."""

    def __init__(self, path: Path) -> None:
        conn = sqlite3.connect(path)
        try:
            cur = conn.execute(
                "SELECT id, name, number, city, segment, region, owner, abc_class FROM customers "
                "ORDER BY id"
            )
            names = [d[0] for d in cur.description]
            self.customers = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
            self.products = {
                r[0]: {"name": r[1], "group_id": r[2], "sort_order": r[3]}
                for r in conn.execute("SELECT id, name, group_id, sort_order FROM products")
            }
            self.groups = {r[0]: r[1] for r in conn.execute("SELECT id, name FROM product_groups")}
            self.marks = {
                (c, p): m
                for c, p, m in conn.execute("SELECT customer_id, product_id, mark FROM marks")
            }
        finally:
            conn.close()

    def ids(self, predicate) -> list[int]:
        return [c["id"] for c in self.customers if predicate(c)]

    def white(self, cid: int, pids) -> int:
        return sum(1 for p in pids if (cid, p) not in self.marks)


@pytest.fixture
def fwin(main_window_factory, demo_file: Path):
    return main_window_factory(demo_file, extensions=EXTENSIONS, warnings="fail")


@pytest.fixture
def truth(demo_file: Path) -> Truth:
    return Truth(demo_file)


def bar_of(win) -> FilterBar:
    return win.filter_bar


def visible_ids(win) -> list[int]:
    m = win.workspace.matrix
    return [m.customers[win.model.matrix_row(r)].id for r in range(win.model.rowCount())]


def visible_product_ids(win) -> list[int]:
    m = win.workspace.matrix
    return [m.products[win.model.matrix_col(c)].id for c in range(win.model.columnCount())]


def choose(combo: QComboBox, data) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)


def test_default_shows_all_customers_and_products(fwin, truth: Truth) -> None:
    assert visible_ids(fwin) == truth.ids(lambda c: True)
    assert sorted(visible_product_ids(fwin)) == sorted(truth.products)
    assert fwin.findChild(FilterBar, "filter_bar") is bar_of(fwin)
    assert not bar_of(fwin).clear_button.isEnabled()


def test_text_search_is_debounced_and_umlaut_insensitive(fwin, truth: Truth, qtbot) -> None:
    bar = bar_of(fwin)
    qtbot.keyClicks(bar.search, "MUELLER")
    assert len(visible_ids(fwin)) == 60, "no refilter before typing pauses"
    expected = truth.ids(lambda c: "Müller" in c["name"])
    assert expected
    qtbot.waitUntil(lambda: visible_ids(fwin) == expected, timeout=SEARCH_DELAY_MS * 8)
    bar.search.clear()
    qtbot.keyClicks(bar.search, "koeln")  # QTest types ASCII only
    qtbot.keyClick(bar.search, Qt.Key.Key_Return)  # Enter applies at once
    assert visible_ids(fwin) == truth.ids(lambda c: c["city"] == "Köln")
    bar.search.setText("100037")
    bar.apply_now()
    assert visible_ids(fwin) == truth.ids(lambda c: "100037" in c["number"])


def test_only_white_spots_checkbox(fwin, truth: Truth, qtbot) -> None:
    bar = bar_of(fwin)
    qtbot.mouseClick(bar.only_white, Qt.MouseButton.LeftButton)
    assert bar.only_white.isChecked()
    pids = list(truth.products)
    assert visible_ids(fwin) == truth.ids(lambda c: truth.white(c["id"], pids) > 0)
    assert fwin.action_registry["filter.only_white"].isChecked()


def test_group_selector_hides_other_columns_and_scopes_white_spots(
    fwin, truth: Truth, qtbot
) -> None:
    bar = bar_of(fwin)
    gid = next(g for g, name in truth.groups.items() if name == "Lösungen")
    choose(bar.group, gid)
    pids = [p for p, v in truth.products.items() if v["group_id"] == gid]
    assert visible_product_ids(fwin) == sorted(pids, key=lambda p: truth.products[p]["sort_order"])
    assert len(visible_ids(fwin)) == 60
    bar.only_white.setChecked(True)
    expected = truth.ids(lambda c: truth.white(c["id"], pids) > 0)
    assert 0 < len(expected) < 60
    assert visible_ids(fwin) == expected
    white = sum(truth.white(cid, pids) for cid in expected)
    cells = len(expected) * len(pids)
    # the status bar (updated on the next event-loop turn) describes the visible part
    qtbot.waitUntil(lambda: f"Customers: {len(expected)} of 60" in fwin.status_label.toolTip())
    status = fwin.status_label.toolTip()
    assert f"Products: {len(pids)} of 24" in status
    assert f"White spots: {white}" in status
    assert f"Coverage: {100 * (cells - white) / cells:.1f} %" in status


def test_white_spots_within_selected_columns(fwin, truth: Truth) -> None:
    bar = bar_of(fwin)
    model = fwin.model
    fwin.view.selectionModel().select(
        QItemSelection(model.index(0, 3), model.index(2, 4)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )
    pids = visible_product_ids(fwin)[3:5]
    choose(bar.white_scope, "selected")
    assert bar.only_white.isChecked()
    assert bar.spec().white_spot_product_ids == frozenset(pids)
    expected = truth.ids(lambda c: truth.white(c["id"], pids) > 0)
    assert 0 < len(expected) < 60
    assert visible_ids(fwin) == expected


def test_selected_scope_without_selection_asks_for_one(fwin, qtbot) -> None:
    bar = bar_of(fwin)
    fwin.view.clearSelection()
    with qtbot.waitSignal(bar.message):
        choose(bar.white_scope, "selected")
    assert bar.white_scope.currentData() == "visible"


@pytest.mark.parametrize(
    "code", [int(Mark.COMPETITOR), int(Mark.NEED), WHITE], ids=["competitor", "need", "white"]
)
def test_customers_where_product_has_state(fwin, truth: Truth, code: int) -> None:
    bar = bar_of(fwin)
    pid = next(p for p, v in truth.products.items() if v["name"] == "Sensorik")
    choose(bar.product_state, code)
    choose(bar.product, pid)
    expected = truth.ids(lambda c: truth.marks.get((c["id"], pid), WHITE) == code)
    assert 0 < len(expected) < 60
    assert visible_ids(fwin) == expected


@pytest.mark.parametrize(
    ("combo", "attribute", "value"),
    [
        ("segment", "segment", "Maschinenbau"),
        ("region", "region", "Süd"),
        ("owner", "owner", "Anna Becker"),
        ("abc", "abc_class", "A"),
    ],
)
def test_attribute_selectors(fwin, truth: Truth, combo: str, attribute: str, value: str) -> None:
    bar = bar_of(fwin)
    choose(getattr(bar, combo), value)
    expected = truth.ids(lambda c: c[attribute] == value)
    assert 0 < len(expected) < 60
    assert visible_ids(fwin) == expected


@pytest.mark.parametrize(
    ("key", "code"), [("white_spots", WHITE), ("competitor", 2), ("need", 3), ("name", None)]
)
def test_sorting(fwin, truth: Truth, key: str, code: int | None) -> None:
    bar = bar_of(fwin)
    choose(bar.sort, key)
    bar.descending.setChecked(True)
    pids = list(truth.products)

    def fold(name: str) -> str:  # independent, simple German fold for the demo names
        table = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
        return name.lower().translate(table)

    def count(cid: int) -> int:
        if code == WHITE:
            return truth.white(cid, pids)
        return sum(1 for p in pids if truth.marks.get((cid, p)) == code)

    if code is None:
        expected = sorted(truth.ids(lambda c: True), key=lambda cid: fold(
            next(c["name"] for c in truth.customers if c["id"] == cid)), reverse=True)  # fmt: skip
    else:
        names = {c["id"]: fold(c["name"]) for c in truth.customers}
        expected = sorted(truth.ids(lambda c: True), key=lambda cid: (-count(cid), names[cid]))
    assert visible_ids(fwin) == expected


def test_inactive_customers_hidden_unless_asked(fwin) -> None:
    ws = fwin.workspace
    bar = bar_of(fwin)
    victim = ws.matrix.customers[3]
    ws.push(customer_active_command(ws, victim, False))
    assert victim.id not in visible_ids(fwin)
    assert len(visible_ids(fwin)) == 59
    bar.inactive_customers.setChecked(True)
    assert victim.id in visible_ids(fwin)
    ws.undo_stack.undo()
    bar.inactive_customers.setChecked(False)
    assert victim.id in visible_ids(fwin) and len(visible_ids(fwin)) == 60


def test_filters_combine_and_clear_in_one_click(fwin, truth: Truth, qtbot) -> None:
    bar = bar_of(fwin)
    choose(bar.region, "Süd")
    choose(bar.abc, "C")
    bar.only_white.setChecked(True)
    bar.search.setText("gmbh")
    bar.apply_now()
    pids = list(truth.products)
    expected = truth.ids(
        lambda c: (
            c["region"] == "Süd"
            and c["abc_class"] == "C"
            and "gmbh" in c["name"].lower()
            and truth.white(c["id"], pids) > 0
        )
    )
    assert 0 < len(expected) < 20
    assert visible_ids(fwin) == expected
    assert bar.clear_button.isEnabled()
    assert bar.clear_button.toolTip().startswith(f"Filtered: {len(expected)} of 60 customers")
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert visible_ids(fwin) == truth.ids(lambda c: True)
    assert bar.search.text() == "" and not bar.only_white.isChecked()
    assert bar.region.currentData() is None and bar.abc.currentData() is None
    assert bar.spec().is_default and not bar.clear_button.isEnabled()
    # the menu action clears too
    choose(bar.owner, "Anna Becker")
    fwin.action_registry["filter.clear"].trigger()
    assert len(visible_ids(fwin)) == 60


def test_filter_survives_structure_changes(fwin, truth: Truth) -> None:
    from kpm_desktop.domain.entities import Customer
    from kpm_desktop.workspace.commands import AddCustomerCommand

    bar = bar_of(fwin)
    choose(bar.region, "Nord")
    before = visible_ids(fwin)
    ws = fwin.workspace
    ws.push(AddCustomerCommand(ws, Customer(name="Nordlicht GmbH", region="Nord")))
    after = visible_ids(fwin)
    assert after[:-1] == before and len(after) == len(before) + 1
    ws.push(AddCustomerCommand(ws, Customer(name="Südwind GmbH", region="Süd")))
    assert len(visible_ids(fwin)) == len(after), "the region filter still applies"
    assert bar.region.currentData() == "Nord"


def test_sorting_agrees_with_the_summary_column_when_rechecks_count_as_white(
    main_window_factory, demo_file: Path
) -> None:
    """With all extensions (side panel: due re-checks count as white spots) the sort order
    and the per-customer white-spot figures the view shows agree."""
    win = main_window_factory(demo_file, show=False)
    bar = bar_of(win)
    choose(bar.sort, "white_spots")
    bar.descending.setChecked(True)
    shown = [win.model.row_counts(r).white for r in range(win.model.rowCount())]
    assert shown == sorted(shown, reverse=True)
    raw = [
        win.workspace.matrix.row_counts(win.model.matrix_row(r)).white
        for r in range(win.model.rowCount())
    ]
    assert raw != shown, "the demo has due re-checks, so the two counts differ somewhere"
    win.close()


def test_product_filter_falls_back_when_the_product_is_deleted(fwin, truth: Truth) -> None:
    from kpm_desktop.workspace.commands import DeleteProductCommand

    bar = bar_of(fwin)
    ws = fwin.workspace
    pid = next(p for p, v in truth.products.items() if v["name"] == "Sensorik")
    choose(bar.product_state, int(Mark.COMPETITOR))
    choose(bar.product, pid)
    assert len(visible_ids(fwin)) < 60
    ws.push(DeleteProductCommand(ws, pid))
    assert bar.product.currentData() is None, "the deleted product is no longer offered"
    assert len(visible_ids(fwin)) == 60
    assert pid not in visible_product_ids(fwin)
    ws.undo_stack.undo()
    assert pid in visible_product_ids(fwin)
