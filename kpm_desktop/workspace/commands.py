"""Undoable user actions on an open file.

Each command holds the old and new values it needs, writes through the repository (one
transaction per ``redo``/``undo``) and lets the workspace mirror the change into the matrix.
Undo therefore restores the *file*, not only the screen. The repository's write methods return
what undo needs (previous cell states, snapshots of deleted rows), which the commands keep.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from kpm_desktop.domain.entities import Competitor, Customer, Product, ProductGroup
from kpm_desktop.storage.backup import REASON_BULK_DELETE
from kpm_desktop.storage.repository import CellChange, CustomerSnapshot, ProductSnapshot
from kpm_desktop.workspace.command_base import CommandBase, pack_changes
from kpm_desktop.workspace.command_base import SetMarksCommand as SetMarksCommand  # re-export
from kpm_desktop.workspace.command_base import mark_action_text as mark_action_text  # re-export
from kpm_desktop.workspace.workspace import Workspace


class WorkspaceCommand(CommandBase):
    """Base of undoable workspace actions (see ``CommandBase``), with ``ws`` the ``Workspace``."""

    ws: Workspace

    def __init__(self, ws: Workspace, text: str) -> None:
        super().__init__(ws, text)


_WsCommand = WorkspaceCommand


class WriteCellsCommand(_WsCommand):
    """Write exact cell states (details edited in a panel, imports)."""

    def __init__(
        self, ws: Workspace, changes: Sequence[CellChange], text: str, source: str = "user"
    ) -> None:
        super().__init__(ws, text)
        self._redo_states: Sequence[CellChange] = pack_changes(changes)
        self._undo_states: Sequence[CellChange] = ()
        self._source = source
        self._done_once = False

    def do(self) -> None:
        source = "redo" if self._done_once else self._source
        self._undo_states = pack_changes(self.ws.apply_cells(self._redo_states, source=source))
        self._done_once = True

    def undo_it(self) -> None:
        self._redo_states = pack_changes(self.ws.apply_cells(self._undo_states, source="undo"))


# -- customers -------------------------------------------------------------------------------
class AddCustomerCommand(_WsCommand):
    def __init__(self, ws: Workspace, customer: Customer) -> None:
        super().__init__(
            ws,
            QCoreApplication.translate("commands", "Add customer “%1”").replace(
                "%1", customer.name
            ),
        )
        self._customer = customer
        self._snapshot: CustomerSnapshot | None = None
        self.added: Customer | None = None

    def do(self) -> None:
        if self._snapshot is None:
            self.added = self.repo.add_customer(self._customer)
            self.ws.customer_added(self.added)
        else:
            self.repo.restore_customer(self._snapshot)
            self.ws.customer_added(self._snapshot.customer, self._snapshot.codes)

    def undo_it(self) -> None:
        assert self.added is not None and self.added.id is not None
        self._snapshot = self.repo.delete_customer(self.added.id)
        self.ws.customer_removed(self.added.id)


class UpdateCustomerCommand(_WsCommand):
    def __init__(self, ws: Workspace, customer: Customer, text: str = "") -> None:
        super().__init__(
            ws,
            text
            or QCoreApplication.translate("commands", "Edit customer “%1”").replace(
                "%1", customer.name
            ),
        )
        self._new = customer
        self._old: Customer | None = None

    def do(self) -> None:
        self._old = self.repo.update_customer(self._new)
        self.ws.customer_updated(self._new)

    def undo_it(self) -> None:
        assert self._old is not None
        self.repo.update_customer(self._old)
        self.ws.customer_updated(self._old)


class DeleteCustomerCommand(_WsCommand):
    def __init__(self, ws: Workspace, customer_id: int) -> None:
        customer = ws.matrix.customers[ws.matrix.row_of[customer_id]]
        super().__init__(
            ws,
            QCoreApplication.translate("commands", "Delete customer “%1”").replace(
                "%1", customer.name
            ),
        )
        self._id = customer_id
        self._snapshot: CustomerSnapshot | None = None

    def do(self) -> None:
        if self._snapshot is None:  # the first time, not on redo
            self.ws.backup_before(REASON_BULK_DELETE)
        self._snapshot = self.repo.delete_customer(self._id)
        self.ws.customer_removed(self._id)

    def undo_it(self) -> None:
        assert self._snapshot is not None
        self.repo.restore_customer(self._snapshot)
        self.ws.customer_added(self._snapshot.customer, self._snapshot.codes)


# -- products --------------------------------------------------------------------------------
def _column_codes(ws: Workspace, snap: ProductSnapshot) -> bytes:
    codes = bytearray(ws.matrix.n_rows)
    row_of = ws.matrix.row_of
    for cid, rec in snap.cells.items():
        if cid in row_of:
            codes[row_of[cid]] = int(rec.mark)
    return bytes(codes)


class AddProductCommand(_WsCommand):
    def __init__(self, ws: Workspace, product: Product) -> None:
        super().__init__(
            ws,
            QCoreApplication.translate("commands", "Add product “%1”").replace("%1", product.name),
        )
        self._product = product
        self._snapshot: ProductSnapshot | None = None
        self.added: Product | None = None

    def do(self) -> None:
        if self._snapshot is None:
            self.added = self.repo.add_product(self._product)
            self.ws.product_added(self.added)
        else:
            self.repo.restore_product(self._snapshot)
            self.ws.product_restored(
                self._snapshot.product, self._snapshot.slot, _column_codes(self.ws, self._snapshot)
            )

    def undo_it(self) -> None:
        assert self.added is not None and self.added.id is not None
        self._snapshot = self.repo.delete_product(self.added.id)
        self.ws.product_removed(self.added.id)


class UpdateProductCommand(_WsCommand):
    def __init__(self, ws: Workspace, product: Product, text: str = "") -> None:
        super().__init__(
            ws,
            text
            or QCoreApplication.translate("commands", "Edit product “%1”").replace(
                "%1", product.name
            ),
        )
        self._new = product
        self._old: Product | None = None

    def do(self) -> None:
        self._old = self.repo.update_product(self._new)
        self.ws.product_updated(self._new)

    def undo_it(self) -> None:
        assert self._old is not None
        self.repo.update_product(self._old)
        self.ws.product_updated(self._old)


class DeleteProductCommand(_WsCommand):
    def __init__(self, ws: Workspace, product_id: int) -> None:
        product = ws.matrix.products[ws.matrix.col_of[product_id]]
        super().__init__(
            ws,
            QCoreApplication.translate("commands", "Delete product “%1”").replace(
                "%1", product.name
            ),
        )
        self._id = product_id
        self._snapshot: ProductSnapshot | None = None

    def do(self) -> None:
        if self._snapshot is None:  # the first time, not on redo
            self.ws.backup_before(REASON_BULK_DELETE)
        self._snapshot = self.repo.delete_product(self._id)
        self.ws.product_removed(self._id)

    def undo_it(self) -> None:
        assert self._snapshot is not None
        self.repo.restore_product(self._snapshot)
        self.ws.product_restored(
            self._snapshot.product, self._snapshot.slot, _column_codes(self.ws, self._snapshot)
        )


# -- product groups --------------------------------------------------------------------------
class AddGroupCommand(_WsCommand):
    def __init__(self, ws: Workspace, group: ProductGroup) -> None:
        super().__init__(
            ws,
            QCoreApplication.translate("commands", "Add product group “%1”").replace(
                "%1", group.name
            ),
        )
        self._group = group
        self.added: ProductGroup | None = None

    def do(self) -> None:
        # Re-adding after undo keeps the id the first insert got.
        self.added = self.repo.add_group(self.added or self._group)
        self.ws.groups_changed()

    def undo_it(self) -> None:
        assert self.added is not None and self.added.id is not None
        self.repo.delete_group(self.added.id)
        self.ws.groups_changed()


class UpdateGroupCommand(_WsCommand):
    def __init__(self, ws: Workspace, group: ProductGroup) -> None:
        super().__init__(
            ws,
            QCoreApplication.translate("commands", "Edit product group “%1”").replace(
                "%1", group.name
            ),
        )
        self._new = group
        self._old: ProductGroup | None = None

    def do(self) -> None:
        self._old = self.repo.update_group(self._new)
        self.ws.groups_changed()

    def undo_it(self) -> None:
        assert self._old is not None
        self.repo.update_group(self._old)
        self.ws.groups_changed()


class DeleteGroupCommand(_WsCommand):
    def __init__(self, ws: Workspace, group: ProductGroup) -> None:
        super().__init__(
            ws,
            QCoreApplication.translate("commands", "Delete product group “%1”").replace(
                "%1", group.name
            ),
        )
        self._group = group
        self._members: list[int] = []

    def do(self) -> None:
        assert self._group.id is not None
        self._group, self._members = self.repo.delete_group(self._group.id)
        self.ws.groups_changed()

    def undo_it(self) -> None:
        self.repo.restore_group(self._group, self._members)
        self.ws.groups_changed()


# -- competitors -----------------------------------------------------------------------------
class AddCompetitorCommand(_WsCommand):
    def __init__(self, ws: Workspace, name: str) -> None:
        super().__init__(
            ws,
            QCoreApplication.translate("commands", "Add competitor “%1”").replace(
                "%1", name.strip()
            ),
        )
        self._name = name
        self.added: Competitor | None = None

    def do(self) -> None:
        if self.added is None:
            self.added = self.repo.add_competitor(self._name)
        else:
            self.repo.restore_competitor(self.added, [])
        self.ws.competitors_updated()

    def undo_it(self) -> None:
        assert self.added is not None and self.added.id is not None
        self.repo.delete_competitor(self.added.id)
        self.ws.competitors_updated()


class RenameCompetitorCommand(_WsCommand):
    def __init__(self, ws: Workspace, competitor_id: int, name: str) -> None:
        super().__init__(
            ws,
            QCoreApplication.translate("commands", "Rename competitor to “%1”").replace(
                "%1", name.strip()
            ),
        )
        self._id = competitor_id
        self._new = name
        self._old = ""

    def do(self) -> None:
        self._old = self.repo.rename_competitor(self._id, self._new)
        self.ws.competitors_updated()

    def undo_it(self) -> None:
        self.repo.rename_competitor(self._id, self._old)
        self.ws.competitors_updated()


class DeleteCompetitorCommand(_WsCommand):
    def __init__(self, ws: Workspace, competitor: Competitor) -> None:
        super().__init__(
            ws,
            QCoreApplication.translate("commands", "Delete competitor “%1”").replace(
                "%1", competitor.name
            ),
        )
        self._competitor = competitor
        self._cells: list[tuple[int, int]] = []

    def do(self) -> None:
        assert self._competitor.id is not None
        self._competitor, self._cells = self.repo.delete_competitor(self._competitor.id)
        self.ws.competitors_updated()

    def undo_it(self) -> None:
        self.repo.restore_competitor(self._competitor, self._cells)
        self.ws.competitors_updated()


__all__ = [
    "AddCompetitorCommand",
    "AddCustomerCommand",
    "AddGroupCommand",
    "AddProductCommand",
    "DeleteCompetitorCommand",
    "DeleteCustomerCommand",
    "DeleteGroupCommand",
    "DeleteProductCommand",
    "RenameCompetitorCommand",
    "SetMarksCommand",
    "UpdateCustomerCommand",
    "UpdateGroupCommand",
    "UpdateProductCommand",
    "WorkspaceCommand",
    "WriteCellsCommand",
    "mark_action_text",
]
