"""Management dialogs: add/rename/delete customers, products, groups, competitors with undo.

Every check of the file reopens it with a fresh connection.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from kpm_desktop.domain.entities import Customer, Product
from kpm_desktop.gui.dialogs.manage_competitors import ManageCompetitorsDialog
from kpm_desktop.gui.dialogs.manage_customers import CustomerEditor, ManageCustomersDialog
from kpm_desktop.gui.dialogs.manage_products import ManageProductsDialog, ProductEditor
from kpm_desktop.storage.repository import Repository

EXTENSIONS = ("kpm_desktop.gui.filter_bar", "kpm_desktop.gui.manage_actions")


@pytest.fixture
def fwin(main_window_factory, demo_file: Path):
    return main_window_factory(demo_file, extensions=EXTENSIONS, warnings="fail")


@pytest.fixture
def answer(monkeypatch):
    """Record confirmation questions and answer them (Yes unless set otherwise)."""
    asked: list[str] = []
    state = {"answer": QMessageBox.StandardButton.Yes}

    def question(parent, title, text, *args):
        asked.append(text)
        return state["answer"]

    monkeypatch.setattr(QMessageBox, "question", question)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda p, t, text, *a: told.append(text))
    return type("Answer", (), {"asked": asked, "state": state, "told": told})


def reopen(path: Path):
    with Repository.open(path, read_only=True) as repo:
        return repo.load_matrix(), repo.load_competitors()


def marks_of_customer(path: Path, customer_id: int) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT product_id, mark, competitor_id FROM marks WHERE customer_id = ? ORDER BY 1",
            (customer_id,),
        ).fetchall()
    finally:
        conn.close()


def visible_names(win) -> list[str]:
    m = win.workspace.matrix
    return [m.customers[win.model.matrix_row(r)].name for r in range(win.model.rowCount())]


def test_menu_entries_in_the_data_menu(fwin) -> None:
    from kpm_desktop.gui.actions import MenuId

    data_menu = fwin.action_registry.menu(MenuId.DATA).actions()
    for key in ("manage.customers", "manage.products", "manage.competitors"):
        assert fwin.action_registry[key] in data_menu
        assert fwin.action_registry[key].isEnabled()
    fwin.close_file()
    assert not fwin.action_registry["manage.customers"].isEnabled()


def test_add_rename_delete_customer_with_undo(fwin, answer, qtbot) -> None:
    ws = fwin.workspace
    path = ws.path
    dialog = ManageCustomersDialog(ws, fwin)
    qtbot.addWidget(dialog)
    n = ws.matrix.n_rows

    assert dialog.add(Customer(name="Neukunde Ölmühle GmbH", city="Ulm", region="Süd"))
    assert dialog.current().name == "Neukunde Ölmühle GmbH"
    m, _ = reopen(path)
    assert m.n_rows == n + 1 and m.customers[-1].name == "Neukunde Ölmühle GmbH"
    assert "Neukunde Ölmühle GmbH" in visible_names(fwin)  # the matrix shows it at once
    new_id = m.customers[-1].id

    edited = replace(dialog.current(), name="Ölmühle Ulm AG", abc_class="B")
    assert dialog.edit_selected(edited)
    assert ws.undo_stack.text(ws.undo_stack.index() - 1) == (
        "Rename customer “Neukunde Ölmühle GmbH” to “Ölmühle Ulm AG”"
    )
    m, _ = reopen(path)
    assert m.customers[m.row_of[new_id]].name == "Ölmühle Ulm AG"
    assert m.customers[m.row_of[new_id]].abc_class == "B"

    ws.undo_stack.undo()  # rename undone, in the file
    m, _ = reopen(path)
    assert m.customers[m.row_of[new_id]].name == "Neukunde Ölmühle GmbH"
    ws.undo_stack.undo()  # add undone
    m, _ = reopen(path)
    assert new_id not in m.row_of and m.n_rows == n
    assert "Neukunde Ölmühle GmbH" not in visible_names(fwin)

    # delete an existing customer with marks: confirmation, then undo restores everything
    victim = ws.matrix.customers[7]
    before = marks_of_customer(path, victim.id)
    assert before
    assert dialog.select_customer(victim.id)
    answer.state["answer"] = QMessageBox.StandardButton.No
    assert not dialog.delete_selected()
    assert victim.id in reopen(path)[0].row_of
    answer.state["answer"] = QMessageBox.StandardButton.Yes
    assert dialog.delete_selected()
    assert victim.name in answer.asked[-1] and str(len(before)) in answer.asked[-1]
    m, _ = reopen(path)
    assert victim.id not in m.row_of and marks_of_customer(path, victim.id) == []
    assert victim.name not in visible_names(fwin)
    ws.undo_stack.undo()
    m, _ = reopen(path)
    assert m.customers[m.row_of[victim.id]] == victim
    assert marks_of_customer(path, victim.id) == before
    assert victim.name in visible_names(fwin)


def test_deactivate_customer_hides_it_and_undo(fwin, qtbot) -> None:
    ws = fwin.workspace
    dialog = ManageCustomersDialog(ws, fwin)
    qtbot.addWidget(dialog)
    victim = ws.matrix.customers[2]
    dialog.select_customer(victim.id)
    assert dialog.buttons["customer_active"].text() == "Dea&ctivate"
    assert dialog.toggle_active()
    assert not reopen(ws.path)[0].customers[2].active
    assert victim.name not in visible_names(fwin)
    assert dialog.buttons["customer_active"].text() == "Rea&ctivate"
    ws.undo_stack.undo()
    assert reopen(ws.path)[0].customers[2].active
    assert victim.name in visible_names(fwin)


def test_customer_search_in_dialog(fwin, qtbot) -> None:
    dialog = ManageCustomersDialog(fwin.workspace, fwin)
    qtbot.addWidget(dialog)
    dialog.search.setText("koeln")
    names = [dialog.model.customer(r).city for r in range(dialog.model.rowCount())]
    assert names and set(names) == {"Köln"}


def test_customer_editor_form(qtbot) -> None:
    original = Customer(name="Alt GmbH", number="1", abc_class="C", id=5)
    editor = CustomerEditor(original, [Customer(name="x", segment="Chemie")])
    qtbot.addWidget(editor)
    ok = editor.buttons.button(QDialogButtonBox.StandardButton.Ok)
    editor.name.setText("  ")
    assert not ok.isEnabled()
    editor.name.setText("Neu AG")
    editor.revenue.setText("250.000,50")
    assert ok.isEnabled()
    editor.segment.setCurrentText("Chemie")
    editor.tags.setText("Schlüsselkunde, , Messe")
    editor.active.setChecked(False)
    edited = editor.customer()
    assert edited == replace(
        original,
        name="Neu AG",
        segment="Chemie",
        annual_revenue=250000.5,
        tags=("Schlüsselkunde", "Messe"),
        active=False,
    )
    editor.revenue.setText("viel")
    assert not ok.isEnabled()


def test_add_rename_delete_product_with_undo(fwin, answer, qtbot) -> None:
    ws = fwin.workspace
    path = ws.path
    dialog = ManageProductsDialog(ws, fwin)
    qtbot.addWidget(dialog)
    group = next(iter(ws.matrix.groups.values()))
    n = ws.matrix.n_cols

    assert dialog.add_product(Product(name="Getriebe XL", group_id=group.id))
    m, _ = reopen(path)
    assert m.n_cols == n + 1
    new = next(p for p in m.products if p.name == "Getriebe XL")
    # it is the last column of its group in the matrix
    cols = [fwin.model.matrix_col(c) for c in range(fwin.model.columnCount())]
    names = [ws.matrix.products[c].name for c in cols]
    group_names = [
        ws.matrix.products[c].name for c in cols if ws.matrix.products[c].group_id == group.id
    ]
    assert group_names[-1] == "Getriebe XL" and "Getriebe XL" in names

    assert dialog.select_product(new.id)
    assert dialog.edit_selected(replace(dialog.current_product(), name="Getriebe XXL"))
    assert any(p.name == "Getriebe XXL" for p in reopen(path)[0].products)
    ws.undo_stack.undo()
    assert any(p.name == "Getriebe XL" for p in reopen(path)[0].products)
    ws.undo_stack.undo()
    assert reopen(path)[0].n_cols == n

    # delete a product with marks; undo brings the column and its marks back
    victim = ws.matrix.products[4]
    codes = ws.matrix.col_codes(4)
    assert dialog.select_product(victim.id)
    assert dialog.delete_selected()
    assert victim.name in answer.asked[-1]
    m, _ = reopen(path)
    assert victim.id not in m.col_of and m.n_cols == n - 1
    ws.undo_stack.undo()
    m, _ = reopen(path)
    assert m.products[4] == victim and m.col_codes(4) == codes


def test_product_order_and_groups(fwin, answer, qtbot) -> None:
    ws = fwin.workspace
    path = ws.path
    dialog = ManageProductsDialog(ws, fwin)
    qtbot.addWidget(dialog)

    def column_names() -> list[str]:
        return [
            ws.matrix.products[fwin.model.matrix_col(c)].name
            for c in range(fwin.model.columnCount())
        ]

    first, second = column_names()[:2]
    dialog.select_product(ws.matrix.products[ws.matrix.col_of[
        next(p.id for p in ws.matrix.products if p.name == second)]].id)  # fmt: skip
    assert dialog.product_buttons["product_up"].isEnabled()
    assert dialog.move_product(-1)
    assert column_names()[:2] == [second, first]
    with Repository.open(path, read_only=True) as repo:
        from kpm_desktop.domain.filters import column_order

        m = repo.load_matrix()
        assert [m.products[j].name for j in column_order(m)][:2] == [second, first]
    ws.undo_stack.undo()
    assert column_names()[:2] == [first, second]

    # groups: add, rename, move to the front, delete (products stay, ungrouped), undo all
    assert dialog.add_group("Zubehör")
    assert dialog.current_group().name == "Zubehör"
    assert not dialog.add_group("zubehör")  # names are unique, case-insensitively
    assert "exists already" in answer.told[-1]
    assert dialog.rename_group("Zubehör & Teile")
    for _ in range(10):
        if not dialog.move_group(-1):
            break
    with Repository.open(path, read_only=True) as repo:
        assert repo.load_groups()[0].name == "Zubehör & Teile"
    gid = dialog.current_group().id
    dialog.select_group(next(g.id for g in ws.matrix.groups.values() if g.name == "Service"))
    service = dialog.current_group()
    members = [p.id for p in ws.matrix.products if p.group_id == service.id]
    assert dialog.delete_group()
    with Repository.open(path, read_only=True) as repo:
        assert all(repo.get_product(pid).group_id is None for pid in members)
    assert gid in ws.matrix.groups
    while ws.undo_stack.canUndo():
        ws.undo_stack.undo()
    with Repository.open(path, read_only=True) as repo:
        names = [g.name for g in repo.load_groups()]
        assert names == [
            "Antriebstechnik", "Steuerungstechnik", "Lösungen", "Service", "Finanzierung & Digital"
        ]  # fmt: skip
        assert all(repo.get_product(pid).group_id == service.id for pid in members)


def test_product_editor_form(qtbot, fwin) -> None:
    groups = sorted(fwin.workspace.matrix.groups.values(), key=lambda g: g.sort_order)
    editor = ProductEditor(Product(name=""), groups)
    qtbot.addWidget(editor)
    ok = editor.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    editor.name.setText("Neu")
    editor.group.setCurrentIndex(editor.group.findData(groups[1].id))
    assert ok.isEnabled()
    assert editor.product().group_id == groups[1].id and editor.product().name == "Neu"


def test_competitors_add_rename_delete_with_undo(fwin, answer, qtbot) -> None:
    ws = fwin.workspace
    path = ws.path
    info = answer.told
    dialog = ManageCompetitorsDialog(ws, fwin)
    qtbot.addWidget(dialog)
    n = dialog.list.count()
    assert dialog.add("Neu Antriebe GmbH")
    assert dialog.list.count() == n + 1
    assert not dialog.add("neu antriebe gmbh") and info  # duplicate refused with a message
    assert any(c.name == "Neu Antriebe GmbH" for c in reopen(path)[1])
    dialog.list.setCurrentRow(
        next(
            i
            for i in range(dialog.list.count())
            if dialog.list.item(i).text() == "Neu Antriebe GmbH"
        )
    )
    assert dialog.rename_selected("Neue Antriebe AG")
    assert any(c.name == "Neue Antriebe AG" for c in reopen(path)[1])
    assert dialog.delete_selected()
    assert not any(c.name == "Neue Antriebe AG" for c in reopen(path)[1])
    ws.undo_stack.undo()
    assert any(c.name == "Neue Antriebe AG" for c in reopen(path)[1])
    ws.undo_stack.undo()
    ws.undo_stack.undo()
    assert len(reopen(path)[1]) == n and dialog.list.count() == n


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("manage.customers", "manage_customers"),
        ("manage.products", "manage_products"),
        ("manage.competitors", "manage_competitors"),
    ],
)
def test_menu_action_opens_the_dialog(fwin, qtbot, key: str, name: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.objectName() if dialog else "")
        if dialog is not None:
            dialog.reject()

    QTimer.singleShot(0, close_it)
    fwin.action_registry[key].trigger()
    assert seen == [name]


def test_read_only_file_offers_no_changes(demo_file: Path, qtbot) -> None:
    from kpm_desktop.workspace.workspace import Workspace

    ws = Workspace.open(demo_file, read_only=True)
    try:
        customers = ManageCustomersDialog(ws)
        products = ManageProductsDialog(ws)
        competitors = ManageCompetitorsDialog(ws)
        for dialog in (customers, products, competitors):
            qtbot.addWidget(dialog)
        customers.select_customer(ws.matrix.customers[0].id)
        products.select_product(ws.matrix.products[0].id)
        competitors.list.setCurrentRow(0)
        buttons = [
            *customers.buttons.values(),
            *products.buttons_all(),
            *competitors.buttons.values(),
        ]
        assert buttons and not any(b.isEnabled() for b in buttons)
    finally:
        ws.close()
