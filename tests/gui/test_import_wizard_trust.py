"""The import wizard shows what a rep needs to trust an import, driven by real events:
ticks with both numbers, cities and changes; number conflicts; possible duplicates;
columns not imported offered for mapping; a product-group-only sales file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kpm_desktop.domain.entities import Customer
from kpm_desktop.storage.repository import Repository
from kpm_desktop.workspace.workspace import Workspace


@pytest.fixture
def crm(tmp_path: Path, qtbot):
    path = tmp_path / "crm.kpm"
    repo = Repository.create(path)
    try:
        repo.add_customers(
            [
                Customer(name="Köhler Maschinenbau e.K.", number="2001", city="Erfurt"),
                Customer(name="Hoffmann Logistik e.K.", number="", city="Kassel"),
                Customer(name="Berger Bau", number="100", city="Ulm"),
            ]
        )
    finally:
        repo.close()
    ws = Workspace.open(path)
    yield ws
    ws.close()


def _wizard(qtbot, ws, source: Path, kind: str):
    from kpm_desktop.gui.dialogs.import_dialog import ImportDialog

    dlg = ImportDialog(ws)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)
    page = dlg.source_page
    page.path_edit.setFocus()
    QTest.keyClicks(QApplication.focusWidget(), str(source))
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(kind))
    QTest.mouseClick(dlg.button(dlg.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.mapping_page.source is not None, timeout=10_000)
    return dlg


def _next(qtbot, dlg) -> None:
    QTest.mouseClick(dlg.button(dlg.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _tick(table, row: int) -> None:
    """Click the cell on the viewport, then Space: how a keyboard user ticks a box."""
    rect = table.visualItemRect(table.item(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.keyClick(table.viewport(), Qt.Key.Key_Space)


def test_ignored_column_is_offered_and_mapped(qtbot, crm, tmp_path):
    source = tmp_path / "k.csv"
    source.write_text("Firma;Wohnort;Bemerkung\nNeu AG;Bonn;Stammkunde\n", encoding="utf-8")
    dlg = _wizard(qtbot, crm, source, "customers")
    page = dlg.mapping_page
    assert page.ignored_label.isVisible()
    assert sorted(page.ignored_combos) == [1, 2]  # Wohnort, Bemerkung (Telefon is a field now)
    combo = page.ignored_combos[1]
    combo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is combo, timeout=5_000)
    # Pick "City" for column B with the keyboard.
    target = next(i for i in range(combo.count()) if combo.itemData(i) == "city")
    for _ in range(target):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert page.combos["city"].currentData() == 1
    qtbot.waitUntil(lambda: sorted(page.ignored_combos) == [2], timeout=5_000)  # Bemerkung left
    _next(qtbot, dlg)
    preview = dlg.preview_page
    qtbot.waitUntil(preview.isComplete, timeout=10_000)
    assert preview.ignored.text() == "Columns not imported: Bemerkung"
    (change,) = preview.plan.customers
    assert change.after.city == "Bonn"


def test_suggestion_tick_shows_numbers_cities_changes(qtbot, crm, tmp_path):
    source = tmp_path / "k.csv"
    source.write_text(
        "Firma;Ort\nHofmann Logistik AG;Kassel-Nord\nMüller Maschinenbau GmbH & Co. KG;Köln\n",
        encoding="utf-8",
    )
    dlg = _wizard(qtbot, crm, source, "customers")
    _next(qtbot, dlg)
    preview = dlg.preview_page
    qtbot.waitUntil(preview.isComplete, timeout=10_000)
    table = preview.suggestions
    assert table.rowCount() == 1  # Müller is not "similar" to Köhler any more
    texts = [table.item(0, c).text() for c in range(1, 6)]
    assert texts[0] == "2"
    assert texts[1] == "Hofmann Logistik AG (no. –, Kassel-Nord)"
    assert texts[2] == "Hoffmann Logistik e.K. (no. –, Kassel)"
    assert texts[4] == "City: Kassel → Kassel-Nord"
    _tick(table, 0)
    assert table.item(0, 0).checkState() == Qt.CheckState.Checked
    QTest.mouseClick(preview.recompute, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.plan is not None, timeout=10_000)
    assert preview.plan.summary()["new_customers"] == 1  # only Müller
    assert table.item(0, 0).checkState() == Qt.CheckState.Checked  # the tick stays
    _next(qtbot, dlg)
    QTest.mouseClick(dlg.button(dlg.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    with Repository.open(crm.path, read_only=True) as repo:
        by_name = {c.name: c for c in repo.load_customers()}
    assert by_name["Hoffmann Logistik e.K."].city == "Kassel-Nord"
    assert "Hofmann Logistik AG" not in by_name


def test_duplicates_and_number_conflicts_are_shown(qtbot, crm, tmp_path):
    source = tmp_path / "k.csv"
    source.write_text(
        "Kundennummer;Firma\n9001;Köhler Maschinenbau\n200;Berger Bau GmbH\n", encoding="utf-8"
    )
    dlg = _wizard(qtbot, crm, source, "customers")
    _next(qtbot, dlg)
    preview = dlg.preview_page
    qtbot.waitUntil(preview.isComplete, timeout=10_000)
    assert preview.duplicate_box.isVisible()
    assert preview.duplicates.rowCount() == 2
    assert preview.duplicates.item(0, 2).text() == "Köhler Maschinenbau e.K. (no. 2001, Erfurt)"
    assert "possible duplicates: 2" in preview.summary.text()
    # The rep knows Berger Bau GmbH is Berger Bau: confirm it the way the CLI's --accept does.
    from kpm_desktop.import_export.matching import customer_key

    berger = next(c for c in crm.matrix.customers if c.name == "Berger Bau")
    preview.confirmed[("customer", customer_key("Berger Bau GmbH"))] = berger.id
    QTest.mouseClick(preview.recompute, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.plan is not None, timeout=10_000)
    _next(qtbot, dlg)
    conflicts = dlg.conflicts_page
    assert conflicts.table.item(0, 1).text() == "Berger Bau"
    assert conflicts.table.item(0, 3).text() == "number 100 in the matrix, the import says 200"
    assert conflicts.table.item(0, 0).checkState() == Qt.CheckState.Unchecked  # keep mine
    QTest.mouseClick(dlg.button(dlg.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    with Repository.open(crm.path, read_only=True) as repo:
        assert repo.get_customer(berger.id).number == "100"


def test_product_group_only_sales_needs_the_tick(qtbot, crm, tmp_path):
    source = tmp_path / "s.csv"
    source.write_text("Kundennummer;Warengruppe;Umsatz\n2001;Pumpen;100\n", encoding="utf-8")
    dlg = _wizard(qtbot, crm, source, "sales")
    page = dlg.mapping_page
    assert page.groups_as_products.isVisible()
    assert not page.isComplete()
    assert "no product column" in page.error_label.text()
    page.groups_as_products.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.groups_as_products, timeout=5_000)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert page.groups_as_products.isChecked() and page.isComplete()
    _next(qtbot, dlg)
    qtbot.waitUntil(dlg.preview_page.isComplete, timeout=10_000)
    assert [p.after.name for p in dlg.preview_page.plan.products] == ["Pumpen"]


def test_chart_sheet_active_names_the_sheet_read_and_offers_others(qtbot, crm, tmp_path):
    from tests.import_export.odd_workbooks import chart_active

    source = tmp_path / "diagramm.xlsx"
    chart_active(source)
    dlg = _wizard(qtbot, crm, source, "customers")
    info = dlg.mapping_page.info.text()
    assert "read sheet 'Kunden': the active sheet 'Diagramm' is a chart" in info
    assert "Choose another sheet on the first page." in info
    combo = dlg.source_page.sheet_combo
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["Diagramm", "Kunden"]


def test_kpm_export_rebuilds_through_the_wizard(qtbot, demo_file, tmp_path):
    """An export imported into an empty file with the wizard: notes and goals are listed."""
    from kpm_desktop.cli import main

    out = tmp_path / "export.xlsx"
    assert main(["export", str(demo_file), "--xlsx", str(out)]) == 0
    empty = tmp_path / "leer.kpm"
    Repository.create(empty).close()
    ws = Workspace.open(empty)
    try:
        dlg = _wizard(qtbot, ws, out, "kpm")
        _next(qtbot, dlg)
        preview = dlg.preview_page
        qtbot.waitUntil(preview.isComplete, timeout=30_000)
        assert "Notes: " in preview.summary.text() and "goals: " in preview.summary.text()
        _next(qtbot, dlg)
        QTest.mouseClick(dlg.button(dlg.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        assert ws.matrix.n_rows == 60 and ws.undo_stack.count() == 1
        ws.undo_stack.undo()
        assert ws.matrix.n_rows == 0
    finally:
        ws.close()
