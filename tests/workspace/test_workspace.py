"""Workspace and undo commands: every action one step, undo restores the file exactly."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from kpm_desktop.domain.entities import Customer, Product, ProductGroup
from kpm_desktop.domain.marks import Mark
from kpm_desktop.workspace.commands import (
    AddCompetitorCommand,
    AddCustomerCommand,
    AddGroupCommand,
    AddProductCommand,
    DeleteCompetitorCommand,
    DeleteCustomerCommand,
    DeleteGroupCommand,
    DeleteProductCommand,
    RenameCompetitorCommand,
    UpdateCustomerCommand,
    UpdateProductCommand,
    WriteCellsCommand,
)
from kpm_desktop.workspace.workspace import Workspace
from tests.helpers.files import reopened_marks


def file_state(path: Path) -> dict[str, list[tuple]]:
    """Everything user-visible in the file except the append-only history."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table in (
            "customers",
            "products",
            "product_groups",
            "competitors",
            "marks",
            "status_rows",
            "notes",
            "goals",
            "goal_products",
        ):
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            keep = [c for c in cols if c not in ("created_at", "updated_at")]
            out[table] = conn.execute(
                f"SELECT {', '.join(keep)} FROM {table} ORDER BY 1, 2"
            ).fetchall()
        return out
    finally:
        conn.close()


@pytest.fixture
def ws(demo_workspace):
    return demo_workspace


def test_bulk_mark_is_one_undo_step_and_undo_restores_the_file(ws: Workspace, qtbot) -> None:
    path = ws.path
    before = file_state(path)
    cells = [(r, c) for r in range(0, 10) for c in range(0, 6)]
    with qtbot.waitSignal(ws.cells_changed) as blocker:
        assert ws.set_marks(cells, Mark.NEED)
    assert sorted(blocker.args[0]) == sorted(cells)
    assert ws.undo_stack.count() == 1
    assert "60" in ws.undo_stack.undoText()
    assert all(ws.matrix.mark(r, c) is Mark.NEED for r, c in cells)
    after = reopened_marks(path)
    assert all(after[(r, c)] is Mark.NEED for r, c in cells)
    ws.undo_stack.undo()
    assert file_state(path) == before
    assert ws.repo.verify() == []
    ws.undo_stack.redo()
    assert all(reopened_marks(path)[(r, c)] is Mark.NEED for r, c in cells)
    ws.undo_stack.undo()
    assert file_state(path) == before


def test_mark_edit_is_recorded_in_history(ws: Workspace) -> None:
    cid, pid = ws.cell_key(0, 0)
    old = ws.matrix.mark(0, 0)
    new = Mark.NO_NEED if old is not Mark.NO_NEED else Mark.OURS
    ws.set_marks([(0, 0)], new)
    entries = ws.repo.history(customer_id=cid, product_id=pid)
    (entry,) = [e for e in entries if e.source == "user"]
    assert (entry.old_mark, entry.new_mark) == (old, new)


def test_write_cells_command_restores_details(ws: Workspace) -> None:
    before = file_state(ws.path)
    cid, pid = ws.cell_key(3, 4)
    rec = ws.repo.get_cell(cid, pid)
    from kpm_desktop.domain.entities import CellRecord

    new = CellRecord(mark=Mark.COMPETITOR, note="Angebot liegt vor", potential=1234.0)
    ws.push(WriteCellsCommand(ws, [(cid, pid, new)], "edit"))
    assert ws.repo.get_cell(cid, pid).note == "Angebot liegt vor"
    assert ws.matrix.mark(3, 4) is Mark.COMPETITOR
    ws.undo_stack.undo()
    assert ws.repo.get_cell(cid, pid) == rec
    assert file_state(ws.path) == before


def test_customer_add_edit_delete_undo(ws: Workspace, qtbot) -> None:
    before = file_state(ws.path)
    n = ws.matrix.n_rows
    with qtbot.waitSignals([ws.structure_about_to_change, ws.customers_changed]):
        ws.push(AddCustomerCommand(ws, Customer(name="Neukunde GmbH", city="Ulm")))
    assert ws.matrix.n_rows == n + 1
    assert ws.matrix.customers[-1].name == "Neukunde GmbH"
    ws.undo_stack.undo()
    assert ws.matrix.n_rows == n
    ws.undo_stack.redo()
    assert ws.matrix.customers[-1].name == "Neukunde GmbH"
    ws.undo_stack.undo()
    assert file_state(ws.path) == before

    victim = ws.matrix.customers[5]
    codes = ws.matrix.row_codes(5)
    ws.push(DeleteCustomerCommand(ws, victim.id))
    assert victim.id not in ws.matrix.row_of and ws.matrix.n_rows == n - 1
    ws.undo_stack.undo()
    assert ws.matrix.customers[5] == victim and ws.matrix.row_codes(5) == codes
    assert file_state(ws.path) == before

    from dataclasses import replace

    ws.push(UpdateCustomerCommand(ws, replace(victim, name="Umbenannt AG")))
    assert ws.matrix.customers[5].name == "Umbenannt AG"
    ws.undo_stack.undo()
    assert file_state(ws.path) == before
    assert ws.repo.verify() == []


def test_product_and_group_commands_undo(ws: Workspace) -> None:
    before = file_state(ws.path)
    m = ws.matrix
    n = m.n_cols
    ws.push(AddProductCommand(ws, Product(name="Neues Produkt")))
    assert m is ws.matrix and ws.matrix.n_cols == n + 1
    ws.undo_stack.undo()
    ws.undo_stack.redo()
    ws.undo_stack.undo()
    assert ws.matrix.n_cols == n

    col = 3
    victim = ws.matrix.products[col]
    codes = ws.matrix.col_codes(col)
    ws.push(DeleteProductCommand(ws, victim.id))
    assert ws.matrix.n_cols == n - 1
    ws.undo_stack.undo()
    assert ws.matrix.products[col] == victim and ws.matrix.col_codes(col) == codes
    from dataclasses import replace

    ws.push(UpdateProductCommand(ws, replace(victim, name="Anders")))
    ws.undo_stack.undo()
    assert file_state(ws.path) == before

    ws.push(AddGroupCommand(ws, ProductGroup(name="Neu")))
    ws.undo_stack.undo()
    group = next(iter(ws.matrix.groups.values()))
    ws.push(DeleteGroupCommand(ws, group))
    assert all(p.group_id != group.id for p in ws.matrix.products)
    ws.undo_stack.undo()
    assert file_state(ws.path) == before
    assert ws.repo.verify() == []


def test_competitor_commands_undo(ws: Workspace) -> None:
    before = file_state(ws.path)
    ws.push(AddCompetitorCommand(ws, "Neu GmbH"))
    assert any(c.name == "Neu GmbH" for c in ws.competitors().values())
    ws.undo_stack.undo()
    comp = next(iter(ws.competitors().values()))
    ws.push(RenameCompetitorCommand(ws, comp.id, "Anders AG"))
    assert ws.competitor_name(comp.id) == "Anders AG"
    ws.undo_stack.undo()
    ws.push(DeleteCompetitorCommand(ws, comp))
    assert comp.id not in ws.competitors()
    ws.undo_stack.undo()
    assert file_state(ws.path) == before


def test_read_only_file_refuses_edits(demo_file: Path) -> None:
    digest = hashlib.sha256(demo_file.read_bytes()).hexdigest()
    ws = Workspace.open(demo_file, read_only=True)
    try:
        from kpm_desktop.storage.errors import ReadOnlyError

        with pytest.raises(ReadOnlyError):
            ws.set_marks([(0, 0)], Mark.OURS)
    finally:
        ws.close()
    assert hashlib.sha256(demo_file.read_bytes()).hexdigest() == digest


def test_failed_first_write_leaves_no_undo_step(ws: Workspace, monkeypatch) -> None:
    from kpm_desktop.storage.errors import StorageError

    before = file_state(ws.path)

    def broken(*args, **kwargs):
        raise StorageError("disk full")

    monkeypatch.setattr(ws.repo, "write_cells", broken)
    monkeypatch.setattr(ws.repo, "set_marks", broken)
    with pytest.raises(StorageError):
        ws.set_marks([(0, 0), (1, 1)], Mark.OURS)
    assert ws.undo_stack.count() == 0
    assert file_state(ws.path) == before


def test_failed_undo_reports_and_drops_history(ws: Workspace, qtbot, monkeypatch) -> None:
    from kpm_desktop.storage.errors import StorageError

    ws.set_marks([(0, 0)], Mark.NEED)
    after = file_state(ws.path)
    code = ws.matrix.code(0, 0)

    def broken(*args, **kwargs):
        raise StorageError("the drive went read-only")

    monkeypatch.setattr(ws.repo, "write_cells", broken)
    monkeypatch.setattr(ws.repo, "set_marks", broken)
    with qtbot.waitSignal(ws.error) as blocker:
        ws.undo_stack.undo()
    assert "read-only" in str(blocker.args[0])  # the signal carries the exception (issue 16)
    qtbot.waitUntil(lambda: ws.undo_stack.count() == 0)
    assert file_state(ws.path) == after  # nothing half-written
    assert ws.matrix.code(0, 0) == code  # the screen still matches the file
