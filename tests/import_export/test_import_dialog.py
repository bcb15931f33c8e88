"""The import wizard driven like a user: file, columns, preview, conflicts, apply, undo/redo."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kpm_desktop.workspace.workspace import Workspace
from tests.helpers.files import dump, marks_by_name
from tests.helpers.imports import SALES_CP1252


@pytest.fixture
def workspace(small_file: Path, qtbot):
    ws = Workspace.open(small_file)
    yield ws
    ws.close()


def _dialog(qtbot, ws):
    from kpm_desktop.gui.dialogs.import_dialog import ImportDialog

    dlg = ImportDialog(ws)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _choose(dlg, path: Path, kind: str) -> None:
    page = dlg.source_page
    page.path_edit.setText(str(path))
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(kind))
    assert page.isComplete()


def test_wizard_imports_sales_as_one_undo_step(qtbot, workspace, small_file, write_csv, tmp_path):
    source = write_csv(
        "umsatz.csv", SALES_CP1252 + "1001;Müller;101;Servomotoren;zwölf;x\r\n", "cp1252"
    )
    original = dump(small_file)
    dlg = _dialog(qtbot, workspace)
    _choose(dlg, source, "sales")
    dlg.next()
    mapping = dlg.mapping_page
    qtbot.waitUntil(mapping.isComplete, timeout=10_000)
    assert mapping.combos["revenue"].currentData() == 4  # "Umsatz netto"
    assert mapping.combos["date"].currentData() == 5
    dlg.next()
    preview = dlg.preview_page
    qtbot.waitUntil(preview.isComplete, timeout=10_000)
    assert "1 new" in preview.summary.text() and "conflicts: 1" in preview.summary.text()
    assert preview.problems.rowCount() == 2
    assert preview.problems.item(0, 3).text() == "'zwölf' is not a number"
    saved = preview.save_problems(str(tmp_path / "p.csv"))
    rows = list(csv.reader(saved.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["Row", "Column", "Column name", "Problem"] and len(rows) == 3
    dlg.next()
    conflicts = dlg.conflicts_page
    assert conflicts.table.rowCount() == 1
    assert conflicts.table.item(0, 1).text() == "Schäfer Chemie AG"
    conflicts.take_all.click()
    dlg.accept()
    assert dlg.command is not None and dlg.command.applied.backup.exists()
    stack = workspace.undo_stack
    assert stack.count() == 1
    after = dump(small_file)
    assert marks_by_name(small_file)[("Schäfer Chemie AG", "Getriebe")] == "X"
    assert workspace.matrix.n_rows == 4 and workspace.matrix.n_cols == 4
    stack.undo()
    assert dump(small_file) == original and workspace.matrix.n_rows == 3
    stack.redo()
    assert marks_by_name(small_file)[("Schäfer Chemie AG", "Getriebe")] == "X"
    assert len(dump(small_file)) == len(after)


def test_keep_mine_is_the_default_and_suggestions_can_be_confirmed(
    qtbot, workspace, small_file, write_csv
):
    from PySide6.QtCore import Qt

    source = write_csv("s.csv", "Kunde;Produkt\nSchaefer Chemi;Getriebe\nNeu GmbH;Servomotoren\n")
    dlg = _dialog(qtbot, workspace)
    _choose(dlg, source, "sales")
    dlg.next()
    qtbot.waitUntil(dlg.mapping_page.isComplete, timeout=10_000)
    dlg.next()
    preview = dlg.preview_page
    qtbot.waitUntil(preview.isComplete, timeout=10_000)
    assert preview.suggestions.rowCount() == 1
    assert preview.suggestions.item(0, 3).text() == "Schäfer Chemie AG (no. 1002, –)"
    preview.suggestions.item(0, 0).setCheckState(Qt.CheckState.Checked)
    preview.recompute.click()
    qtbot.waitUntil(lambda: preview.plan is not None, timeout=10_000)
    assert preview.plan.summary()["new_customers"] == 1  # only "Neu GmbH"
    dlg.next()
    assert dlg.conflicts_page.table.rowCount() == 1  # Schäfer / Getriebe is B
    dlg.accept()
    marks = marks_by_name(small_file)
    assert marks[("Schäfer Chemie AG", "Getriebe")] == "B"  # kept
    assert marks[("Neu GmbH", "Servomotoren")] == "X"


def test_broken_file_shows_message_and_blocks_next(qtbot, workspace, small_file, tmp_path):
    from tests.helpers.files import file_hash

    bad = tmp_path / "liste.csv"
    bad.write_bytes(b"%PDF-1.7\n")
    before = file_hash(small_file)
    dlg = _dialog(qtbot, workspace)
    _choose(dlg, bad, "customers")
    dlg.next()
    page = dlg.mapping_page
    qtbot.waitUntil(lambda: bool(page.error_label.text()), timeout=10_000)
    assert "a PDF document" in page.error_label.text()
    assert not page.isComplete()
    dlg.reject()
    assert file_hash(small_file) == before


def test_file_menu_has_import(main_window_factory, small_file):
    from kpm_desktop.gui.dialogs.import_dialog import ImportDialog
    from kpm_desktop.gui.import_menu import IMPORT_ACTION

    win = main_window_factory(extensions=("kpm_desktop.gui.import_menu",), show=False)
    action = win.action_registry[IMPORT_ACTION]
    assert not action.isEnabled()
    assert win.open_file(small_file)
    assert action.isEnabled()
    assert (
        action
        in win.action_registry.menu(win.action_registry._entries[IMPORT_ACTION].menu).actions()
    )
    action.trigger()
    dialogs = win.findChildren(ImportDialog)
    assert len(dialogs) == 1
    dialogs[0].reject()
    win.close_file()


def test_cancel_during_apply_writes_nothing(qtbot, workspace, small_file, write_csv, monkeypatch):
    from PySide6.QtWidgets import QProgressDialog

    source = write_csv("umsatz.csv", SALES_CP1252, "cp1252")
    original = dump(small_file)
    dlg = _dialog(qtbot, workspace)
    _choose(dlg, source, "sales")
    dlg.next()
    qtbot.waitUntil(dlg.mapping_page.isComplete, timeout=10_000)
    dlg.next()
    qtbot.waitUntil(dlg.preview_page.isComplete, timeout=10_000)
    dlg.next()
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    dlg.accept()
    assert dlg.isVisible() and dlg.command is None
    assert "cancelled" in dlg.conflicts_page.status.text()
    assert workspace.undo_stack.count() == 0
    assert dump(small_file) == original
    assert workspace.matrix.n_rows == 3


def test_worker_task_can_be_cancelled(qtbot):
    import time

    from kpm_desktop.gui.dialogs.import_worker import TaskRunner

    runner = TaskRunner()
    results: list[str] = []

    def slow(tick):
        for i in range(10_000):
            time.sleep(0.001)
            tick(i)
        return "finished"

    runner.start(slow, lambda r: results.append(str(r)), results.append)
    assert runner.busy
    # Wait for the runner's cleanup (finished), not only the result: the failure callback runs
    # at once in the worker thread, the cleanup later on the GUI thread (the old race).
    with qtbot.waitSignal(runner.finished, timeout=10_000):
        runner.cancel()
    assert results == ["import cancelled; nothing was changed"]
    assert not runner.busy


@pytest.fixture
def export_and_empty(demo_file: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A KPM export of the demo matrix and an empty matrix file to import it into."""
    from kpm_desktop.cli import main
    from kpm_desktop.storage.repository import Repository

    out = tmp_path / "export.xlsx"
    assert main(["export", str(demo_file), "--xlsx", str(out)]) == 0
    empty = tmp_path / "empty.kpm"
    Repository.create(empty).close()
    return out, empty


def _sql_dump(path: Path) -> list[str]:
    """The whole database as SQL, without SQLite's planner statistics."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return [
            line
            for line in conn.iterdump()
            if "sqlite_stat" not in line and line != 'ANALYZE "sqlite_master";'
        ]
    finally:
        conn.close()


def _to_conflicts_page(qtbot, dlg, source: Path) -> None:
    _choose(dlg, source, "kpm")
    dlg.next()
    qtbot.waitUntil(dlg.mapping_page.isComplete, timeout=30_000)
    # The wizard reads a KPM export the way the CLI does: streamed, row by row.
    assert dlg.mapping_page.source.table.stream is not None
    assert "read row by row" in dlg.mapping_page.info.text()
    dlg.next()
    qtbot.waitUntil(dlg.preview_page.isComplete, timeout=60_000)
    dlg.next()


def test_wizard_rebuilds_a_kpm_export_and_says_there_are_no_conflicts(
    qtbot, demo_file: Path, export_and_empty: tuple[Path, Path]
) -> None:
    from tests.helpers.roundtrip import digest

    source, empty = export_and_empty
    ws = Workspace.open(empty)
    try:
        dlg = _dialog(qtbot, ws)
        _to_conflicts_page(qtbot, dlg, source)
        page = dlg.conflicts_page
        # Item 4: no empty table, a clear text instead.
        assert page.none_label.isVisible() and "No conflicts" in page.none_label.text()
        assert not page.table.isVisible() and not page.keep_all.isVisible()
        dlg.accept()
        assert dlg.command is not None
    finally:
        ws.close()
    assert digest(empty) == digest(demo_file)


def test_wizard_conflicts_page_lists_conflicts_when_there_are_some(
    qtbot, workspace, small_file, write_csv
) -> None:
    source = write_csv("umsatz.csv", SALES_CP1252, "cp1252")
    dlg = _dialog(qtbot, workspace)
    _choose(dlg, source, "sales")
    dlg.next()
    qtbot.waitUntil(dlg.mapping_page.isComplete, timeout=10_000)
    dlg.next()
    qtbot.waitUntil(dlg.preview_page.isComplete, timeout=10_000)
    dlg.next()
    page = dlg.conflicts_page
    assert page.table.isVisible() and page.table.rowCount() == 1
    assert not page.none_label.isVisible()
    dlg.reject()


def test_cancel_during_a_streamed_apply_leaves_the_file_byte_identical(
    qtbot, export_and_empty: tuple[Path, Path], monkeypatch
) -> None:
    from PySide6.QtWidgets import QProgressDialog

    from tests.helpers.files import file_hash

    source, empty = export_and_empty
    before, content = file_hash(empty), _sql_dump(empty)
    ws = Workspace.open(empty)
    try:
        dlg = _dialog(qtbot, ws)
        _to_conflicts_page(qtbot, dlg, source)
        ticks: list[int] = []
        original = QProgressDialog.setValue

        def set_value(self, value: int) -> None:  # the progress bar moves, then Cancel
            ticks.append(value)
            original(self, value)

        monkeypatch.setattr(QProgressDialog, "setValue", set_value)
        monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
        dlg.accept()
        assert ticks and dlg.isVisible() and dlg.command is None
        assert "cancelled" in dlg.conflicts_page.status.text()
        assert ws.undo_stack.count() == 0 and ws.matrix.n_rows == 0
        dlg.reject()
    finally:
        ws.close()
    # Every table and row as before, and the file's bytes too (closing a connection that
    # committed nothing does not store query-planner statistics either).
    assert _sql_dump(empty) == content
    assert file_hash(empty) == before
