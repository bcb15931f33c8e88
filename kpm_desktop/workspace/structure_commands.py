"""Undoable structure edits the management dialogs need beyond ``commands.py``.

``commands.py`` covers add/edit/delete of one customer, product, group or competitor. Here:
changing the order of product groups or of products (many rows, one transaction, one undo
step) and activating/deactivating a customer or product with a telling undo text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from kpm_desktop.domain.entities import Customer, Product, stored_id
from kpm_desktop.workspace.commands import (
    UpdateCustomerCommand,
    UpdateProductCommand,
    WorkspaceCommand,
)
from kpm_desktop.workspace.workspace import Workspace


class ReorderGroupsCommand(WorkspaceCommand):
    """Give the product groups a new order: ``sort_order`` = position in ``group_ids``."""

    def __init__(self, ws: Workspace, group_ids: Sequence[int]) -> None:
        super().__init__(
            ws, QCoreApplication.translate("structure_commands", "Reorder product groups")
        )
        self._order = list(group_ids)
        self._old = {stored_id(g): g.sort_order for g in ws.repo.load_groups()}

    def _write(self, sort_order: dict[int, int]) -> None:
        repo = self.ws.repo
        with repo.transaction():
            for group in repo.load_groups():
                if group.id in sort_order and group.sort_order != sort_order[group.id]:
                    repo.update_group(replace(group, sort_order=sort_order[group.id]))
        self.ws.groups_changed()

    def do(self) -> None:
        self._write({gid: k for k, gid in enumerate(self._order)})

    def undo_it(self) -> None:
        self._write(self._old)


class ReorderProductsCommand(WorkspaceCommand):
    """Give products a new display order: ``sort_order`` = position in ``product_ids``.

    Only the display order changes; storage slots (and so the status grid) stay as they are.
    """

    def __init__(self, ws: Workspace, product_ids: Sequence[int]) -> None:
        super().__init__(ws, QCoreApplication.translate("structure_commands", "Reorder products"))
        self._order = list(product_ids)
        self._old = {stored_id(p): p.sort_order for p in ws.matrix.products}

    def _write(self, sort_order: dict[int, int]) -> None:
        repo = self.ws.repo
        with repo.transaction():
            for product in repo.load_products():
                if product.id in sort_order and product.sort_order != sort_order[product.id]:
                    repo.update_product(replace(product, sort_order=sort_order[product.id]))
        # groups_changed reloads products and groups in one structure change
        self.ws.groups_changed()

    def do(self) -> None:
        self._write({pid: k for k, pid in enumerate(self._order)})

    def undo_it(self) -> None:
        self._write(self._old)


def customer_active_command(
    ws: Workspace, customer: Customer, active: bool
) -> UpdateCustomerCommand:
    """The undo step that activates or deactivates a customer (inactive rows are hidden)."""
    text = (
        QCoreApplication.translate("structure_commands", "Activate customer “%1”")
        if active
        else QCoreApplication.translate("structure_commands", "Deactivate customer “%1”")
    ).replace("%1", customer.name)
    return UpdateCustomerCommand(ws, replace(customer, active=active), text)


def product_active_command(ws: Workspace, product: Product, active: bool) -> UpdateProductCommand:
    """The undo step that activates or deactivates a product (inactive columns are hidden)."""
    text = (
        QCoreApplication.translate("structure_commands", "Activate product “%1”")
        if active
        else QCoreApplication.translate("structure_commands", "Deactivate product “%1”")
    ).replace("%1", product.name)
    return UpdateProductCommand(ws, replace(product, active=active), text)
