"""Reordering groups/products and (de)activating: one undo step each, the file follows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kpm_desktop.domain.filters import FilterSpec, apply_filters
from kpm_desktop.storage.repository import Repository
from kpm_desktop.workspace.structure_commands import (
    ReorderGroupsCommand,
    ReorderProductsCommand,
    customer_active_command,
    product_active_command,
)
from kpm_desktop.workspace.workspace import Workspace


@pytest.fixture
def ws(demo_workspace):
    return demo_workspace


def group_order(path: Path) -> list[str]:
    with Repository.open(path, read_only=True) as repo:
        return [g.name for g in repo.load_groups()]


def test_reorder_groups_is_one_step_and_reaches_the_file(ws: Workspace, qtbot) -> None:
    before = group_order(ws.path)
    ids = [g.id for g in ws.repo.load_groups()]
    with qtbot.waitSignal(ws.structure_changed):
        ws.push(ReorderGroupsCommand(ws, ids[::-1]))
    assert ws.undo_stack.count() == 1
    assert group_order(ws.path) == before[::-1]
    # the visible column order follows the new group order
    cols = apply_filters(ws.matrix, FilterSpec()).cols
    first = ws.matrix.products[cols[0]]
    assert ws.matrix.groups[first.group_id].name == before[-1]
    ws.undo_stack.undo()
    assert group_order(ws.path) == before
    ws.undo_stack.redo()
    assert group_order(ws.path) == before[::-1]


def test_reorder_products_changes_display_order_only(ws: Workspace) -> None:
    grid = bytes(ws.matrix.grid)
    group = ws.matrix.products[0].group_id
    members = [p.id for p in ws.matrix.products if p.group_id == group]
    ws.push(ReorderProductsCommand(ws, members[::-1]))
    cols = apply_filters(ws.matrix, FilterSpec(group_id=group)).cols
    assert [ws.matrix.products[j].id for j in cols] == members[::-1]
    assert bytes(ws.matrix.grid) == grid  # slots and marks untouched
    with Repository.open(ws.path, read_only=True) as repo:
        m = repo.load_matrix()
    reopened = apply_filters(m, FilterSpec(group_id=group)).cols
    assert [m.products[j].id for j in reopened] == members[::-1]
    ws.undo_stack.undo()
    cols = apply_filters(ws.matrix, FilterSpec(group_id=group)).cols
    assert [ws.matrix.products[j].id for j in cols] == members


def test_deactivate_customer_and_product_with_undo(ws: Workspace) -> None:
    customer = ws.matrix.customers[4]
    product = ws.matrix.products[2]
    ws.push(customer_active_command(ws, customer, False))
    ws.push(product_active_command(ws, product, False))
    assert ws.undo_stack.text(0).startswith("Deactivate customer")
    result = apply_filters(ws.matrix, FilterSpec())
    assert 4 not in result.rows and 2 not in result.cols
    conn = sqlite3.connect(ws.path)
    try:
        assert conn.execute(
            "SELECT active FROM customers WHERE id = ?", (customer.id,)
        ).fetchone() == (0,)
        assert conn.execute(
            "SELECT active FROM products WHERE id = ?", (product.id,)
        ).fetchone() == (0,)
    finally:
        conn.close()
    ws.undo_stack.undo()
    ws.undo_stack.undo()
    result = apply_filters(ws.matrix, FilterSpec())
    assert 4 in result.rows and 2 in result.cols
    with Repository.open(ws.path, read_only=True) as repo:
        assert repo.get_customer(customer.id).active and repo.get_product(product.id).active
