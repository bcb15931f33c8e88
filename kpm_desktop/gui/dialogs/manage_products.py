"""Manage products and product groups: add, edit, order, deactivate, delete (each one undo step).

Products are listed in display order (group order, then product order), the same order as
the matrix columns; "Move up/down" moves a product within its group and a group among the
groups. Storage slots never change, so reordering does not rewrite any marks.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.entities import Product, ProductGroup, ProductKind, stored_id
from kpm_desktop.domain.filters import column_order
from kpm_desktop.gui.dialogs._manage_common import (
    button_column,
    confirm,
    name_taken,
    run_command,
    setup_list_table,
)
from kpm_desktop.workspace.commands import (
    AddGroupCommand,
    AddProductCommand,
    DeleteGroupCommand,
    DeleteProductCommand,
    UpdateGroupCommand,
    UpdateProductCommand,
)
from kpm_desktop.workspace.structure_commands import (
    ReorderGroupsCommand,
    ReorderProductsCommand,
    product_active_command,
)
from kpm_desktop.workspace.workspace import Workspace

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ID_ROLE = Qt.ItemDataRole.UserRole


def kind_names() -> dict[ProductKind, str]:
    return {
        ProductKind.PRODUCT: QCoreApplication.translate("ManageProducts", "Product"),
        ProductKind.SOLUTION: QCoreApplication.translate("ManageProducts", "Solution"),
        ProductKind.SERVICE: QCoreApplication.translate("ManageProducts", "Service"),
    }


def ordered_groups(ws: Workspace) -> list[ProductGroup]:
    return sorted(ws.matrix.groups.values(), key=lambda g: (g.sort_order, g.id))


class ProductListModel(QAbstractTableModel):
    """Products of the workspace in display order."""

    def __init__(self, ws: Workspace, parent=None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.cols: list[int] = []
        self._headers = (
            QCoreApplication.translate("ManageProducts", "Name"),
            QCoreApplication.translate("ManageProducts", "Number"),
            QCoreApplication.translate("ManageProducts", "Group"),
            QCoreApplication.translate("ManageProducts", "Kind"),
            QCoreApplication.translate("ManageProducts", "Active"),
        )
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.cols = column_order(self.ws.matrix)
        self.endResetModel()

    def begin_structure_change(self) -> None:
        """The matrix is about to change shape: stop answering from stale column numbers."""
        self.beginResetModel()

    def end_structure_change(self) -> None:
        self.cols = column_order(self.ws.matrix)
        self.endResetModel()

    def product(self, row: int) -> Product:
        return self.ws.matrix.products[self.cols[row]]

    def row_of(self, product_id: int) -> int:
        col = self.ws.matrix.col_of.get(product_id)
        return self.cols.index(col) if col is not None and col in self.cols else -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Override of QAbstractTableModel.rowCount."""
        return 0 if parent.isValid() else len(self.cols)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Override of QAbstractTableModel.columnCount."""
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        """Override of QAbstractTableModel.data."""
        if not index.isValid() or role != _DISPLAY:
            return None
        p = self.product(index.row())
        column = index.column()
        if column == 0:
            return p.name
        if column == 1:
            return p.number
        if column == 2:
            return self.ws.matrix.product_group_name(p) or QCoreApplication.translate(
                "ManageProducts", "(no group)"
            )
        if column == 3:
            return kind_names().get(p.kind, str(p.kind))
        return (
            QCoreApplication.translate("ManageProducts", "yes")
            if p.active
            else QCoreApplication.translate("ManageProducts", "no")
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        """Override of QAbstractTableModel.headerData."""
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class ProductEditor(QDialog):
    """Form for one product (new or existing)."""

    def __init__(
        self, product: Product, groups: list[ProductGroup], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("product_editor")
        self._original = product
        self.setWindowTitle(
            QCoreApplication.translate("ManageProducts", "New product")
            if product.id is None
            else QCoreApplication.translate("ManageProducts", "Edit product")
        )
        self.name = QLineEdit(product.name, self)
        self.name.setObjectName("product_name")
        self.number = QLineEdit(product.number, self)
        self.group = QComboBox(self)
        self.group.addItem(QCoreApplication.translate("ManageProducts", "(no group)"), None)
        for g in groups:
            self.group.addItem(g.name, g.id)
        self.group.setCurrentIndex(max(self.group.findData(product.group_id), 0))
        self.kind = QComboBox(self)
        for kind, text in kind_names().items():
            self.kind.addItem(text, kind)
        self.kind.setCurrentIndex(max(self.kind.findData(product.kind), 0))
        self.active = QCheckBox(
            QCoreApplication.translate(
                "ManageProducts", "Active (inactive products are hidden in the matrix)"
            ),
            self,
        )
        self.active.setChecked(product.active)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("ManageProducts", "&Name:"), self.name)
        form.addRow(QCoreApplication.translate("ManageProducts", "N&umber:"), self.number)
        form.addRow(QCoreApplication.translate("ManageProducts", "&Group:"), self.group)
        form.addRow(QCoreApplication.translate("ManageProducts", "&Kind:"), self.kind)
        form.addRow("", self.active)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        ok = bool(self.name.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def product(self) -> Product:
        return replace(
            self._original,
            name=self.name.text().strip(),
            number=self.number.text().strip(),
            group_id=self.group.currentData(),
            kind=self.kind.currentData(),
            active=self.active.isChecked(),
        )


class ManageProductsDialog(QDialog):
    """Product groups (left) and products (right) with their order."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setObjectName("manage_products")
        self.setWindowTitle(
            QCoreApplication.translate("ManageProducts", "Products and product groups")
        )

        self.group_list = QListWidget(self)
        self.group_list.setObjectName("group_list")
        self.group_list.setAccessibleName(
            QCoreApplication.translate("ManageProducts", "Product groups")
        )
        self.group_list.setMinimumWidth(190)
        self.group_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.group_list.itemDoubleClicked.connect(lambda _item: self.rename_group())
        group_buttons, self.group_buttons = button_column(
            self,
            (
                "group_add",
                QCoreApplication.translate("ManageProducts", "Add &group…"),
                lambda: self.add_group(),
            ),
            (
                "group_rename",
                QCoreApplication.translate("ManageProducts", "Re&name…"),
                lambda: self.rename_group(),
            ),
            (
                "group_up",
                QCoreApplication.translate("ManageProducts", "Move u&p"),
                lambda: self.move_group(-1),
            ),
            (
                "group_down",
                QCoreApplication.translate("ManageProducts", "Move do&wn"),
                lambda: self.move_group(1),
            ),
            (
                "group_delete",
                QCoreApplication.translate("ManageProducts", "Dele&te group…"),
                lambda: self.delete_group(),
            ),
        )
        group_box = QGroupBox(QCoreApplication.translate("ManageProducts", "Product groups"), self)
        box_layout = QHBoxLayout(group_box)
        box_layout.addWidget(self.group_list, 1)
        box_layout.addLayout(group_buttons)

        self.model = ProductListModel(ws, self)
        self.table = QTableView(self)
        self.table.setObjectName("product_table")
        self.table.setModel(self.model)
        setup_list_table(self.table, (170, 70, 140, 80), self.edit_selected)
        product_buttons, self.product_buttons = button_column(
            self,
            (
                "product_add",
                QCoreApplication.translate("ManageProducts", "&Add product…"),
                lambda: self.add_product(),
            ),
            (
                "product_edit",
                QCoreApplication.translate("ManageProducts", "&Edit…"),
                lambda: self.edit_selected(),
            ),
            (
                "product_up",
                QCoreApplication.translate("ManageProducts", "Move &up"),
                lambda: self.move_product(-1),
            ),
            (
                "product_down",
                QCoreApplication.translate("ManageProducts", "Move &down"),
                lambda: self.move_product(1),
            ),
            (
                "product_active",
                QCoreApplication.translate("ManageProducts", "Dea&ctivate"),
                lambda: self.toggle_active(),
            ),
            (
                "product_delete",
                QCoreApplication.translate("ManageProducts", "De&lete…"),
                lambda: self.delete_selected(),
            ),
        )
        product_box = QGroupBox(
            QCoreApplication.translate("ManageProducts", "Products (in column order)"), self
        )
        product_layout = QHBoxLayout(product_box)
        product_layout.addWidget(self.table, 1)
        product_layout.addLayout(product_buttons)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(group_box, 1)
        row.addWidget(product_box, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(close)

        # selectionChanged: selectRow() moves the current row before it selects the row
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._keep: tuple[int | None, int | None] = (None, None)
        ws.structure_about_to_change.connect(self._before_structure_change)
        ws.structure_changed.connect(self._after_structure_change)
        self._fill_groups(None)
        self._update_buttons()
        self.resize(1060, 500)

    # -- state ---------------------------------------------------------------------------------
    def _before_structure_change(self) -> None:
        group = self.current_group()
        product = self.current_product()
        self._keep = (
            None if group is None else group.id,
            None if product is None else product.id,
        )
        self.model.begin_structure_change()

    def _after_structure_change(self) -> None:
        group_id, product_id = self._keep
        self.model.end_structure_change()
        self._fill_groups(group_id)
        if product_id is not None:
            self.select_product(product_id)
        self._update_buttons()

    def _fill_groups(self, keep_id: int | None) -> None:
        self.group_list.clear()
        for g in ordered_groups(self.ws):
            item = QListWidgetItem(g.name)
            item.setData(_ID_ROLE, g.id)
            self.group_list.addItem(item)
            if g.id == keep_id:
                self.group_list.setCurrentItem(item)

    def buttons_all(self) -> list:
        """Every change button of the dialog (groups and products)."""
        return [*self.group_buttons.values(), *self.product_buttons.values()]

    def current_group(self) -> ProductGroup | None:
        item = self.group_list.currentItem()
        return None if item is None else self.ws.matrix.groups.get(item.data(_ID_ROLE))

    def select_group(self, group_id: int) -> None:
        for i in range(self.group_list.count()):
            if self.group_list.item(i).data(_ID_ROLE) == group_id:
                self.group_list.setCurrentRow(i)

    def current_product(self) -> Product | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(
            index.row(), QModelIndex()
        ):
            return None
        return self.model.product(index.row())

    def select_product(self, product_id: int) -> bool:
        row = self.model.row_of(product_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def _update_buttons(self) -> None:
        writable = not self.ws.read_only
        group = self.current_group()
        row = self.group_list.currentRow()
        gb = self.group_buttons
        gb["group_add"].setEnabled(writable)
        gb["group_rename"].setEnabled(writable and group is not None)
        gb["group_delete"].setEnabled(writable and group is not None)
        gb["group_up"].setEnabled(writable and group is not None and row > 0)
        gb["group_down"].setEnabled(
            writable and group is not None and row < self.group_list.count() - 1
        )
        product = self.current_product()
        pb = self.product_buttons
        pb["product_add"].setEnabled(writable)
        for name in ("product_edit", "product_active", "product_delete"):
            pb[name].setEnabled(writable and product is not None)
        pb["product_up"].setEnabled(
            writable and product is not None and self._neighbour(product, -1) is not None
        )
        pb["product_down"].setEnabled(
            writable and product is not None and self._neighbour(product, 1) is not None
        )
        pb["product_active"].setText(
            QCoreApplication.translate("ManageProducts", "Rea&ctivate")
            if product is not None and not product.active
            else QCoreApplication.translate("ManageProducts", "Dea&ctivate")
        )

    # -- groups --------------------------------------------------------------------------------
    def _group_name_ok(self, name: str, except_name: str | None = None) -> bool:
        if not name.strip():
            return False
        names = [g.name for g in self.ws.matrix.groups.values()]
        if name_taken(name, names, except_name=except_name):
            QMessageBox.information(
                self,
                QCoreApplication.translate("ManageProducts", "Product groups"),
                QCoreApplication.translate(
                    "ManageProducts", "A group named “%1” exists already."
                ).replace("%1", name.strip()),
            )
            return False
        return True

    def add_group(self, name: str | None = None) -> bool:
        if name is None:
            name, ok = QInputDialog.getText(
                self,
                QCoreApplication.translate("ManageProducts", "Add product group"),
                QCoreApplication.translate("ManageProducts", "Name:"),
            )
            if not ok:
                return False
        if not self._group_name_ok(name):
            return False
        last = max((g.sort_order for g in self.ws.matrix.groups.values()), default=-1)
        command = AddGroupCommand(self.ws, ProductGroup(name=name.strip(), sort_order=last + 1))
        if not run_command(self, self.ws, command):
            return False
        if command.added is not None and command.added.id is not None:
            self.select_group(command.added.id)
        return True

    def rename_group(self, name: str | None = None) -> bool:
        group = self.current_group()
        if group is None:
            return False
        if name is None:
            name, ok = QInputDialog.getText(
                self,
                QCoreApplication.translate("ManageProducts", "Rename product group"),
                QCoreApplication.translate("ManageProducts", "New name:"),
                text=group.name,
            )
            if not ok:
                return False
        if name.strip() == group.name or not self._group_name_ok(name, except_name=group.name):
            return False
        return run_command(
            self, self.ws, UpdateGroupCommand(self.ws, replace(group, name=name.strip()))
        )

    def move_group(self, step: int) -> bool:
        group = self.current_group()
        if group is None:
            return False
        ids = [stored_id(g) for g in ordered_groups(self.ws)]
        i = ids.index(stored_id(group))
        j = i + step
        if not 0 <= j < len(ids):
            return False
        ids[i], ids[j] = ids[j], ids[i]
        return run_command(self, self.ws, ReorderGroupsCommand(self.ws, ids))

    def delete_group(self) -> bool:
        group = self.current_group()
        if group is None:
            return False
        members = sum(1 for p in self.ws.matrix.products if p.group_id == group.id)
        if not confirm(
            self,
            QCoreApplication.translate("ManageProducts", "Delete product group"),
            QCoreApplication.translate(
                "ManageProducts",
                "Delete the group “%1”? Its %2 products stay, without a group. You can undo this.",
            )
            .replace("%1", group.name)
            .replace("%2", str(members)),
        ):
            return False
        return run_command(self, self.ws, DeleteGroupCommand(self.ws, group))

    # -- products ------------------------------------------------------------------------------
    def add_product(self, product: Product | None = None) -> bool:
        """Add a product (opens the form unless one is given); it goes last in its group."""
        if product is None:
            group = self.current_group()
            editor = ProductEditor(
                Product(name="", group_id=group.id if group else None),
                ordered_groups(self.ws),
                self,
            )
            if editor.exec() != QDialog.DialogCode.Accepted:
                return False
            product = editor.product()
        last = max((p.sort_order for p in self.ws.matrix.products), default=-1)
        command = AddProductCommand(self.ws, replace(product, sort_order=last + 1))
        if not run_command(self, self.ws, command):
            return False
        if command.added is not None and command.added.id is not None:
            self.select_product(command.added.id)
        return True

    def edit_selected(self, edited: Product | None = None) -> bool:
        product = self.current_product()
        if product is None:
            return False
        if edited is None:
            editor = ProductEditor(product, ordered_groups(self.ws), self)
            if editor.exec() != QDialog.DialogCode.Accepted:
                return False
            edited = editor.product()
        if edited == product:
            return False
        text = (
            QCoreApplication.translate("ManageProducts", "Rename product “%1” to “%2”")
            .replace("%1", product.name)
            .replace("%2", edited.name)
            if edited.name != product.name
            else ""
        )
        return run_command(self, self.ws, UpdateProductCommand(self.ws, edited, text))

    def _neighbour(self, product: Product, step: int) -> Product | None:
        """The next product in display order within the same group (None at the end)."""
        row = self.model.row_of(stored_id(product))
        j = row + step
        if row < 0 or not 0 <= j < self.model.rowCount():
            return None
        other = self.model.product(j)
        return other if other.group_id == product.group_id else None

    def move_product(self, step: int) -> bool:
        product = self.current_product()
        if product is None or self._neighbour(product, step) is None:
            return False
        ids = [stored_id(self.ws.matrix.products[c]) for c in self.model.cols]
        i = ids.index(stored_id(product))
        ids[i], ids[i + step] = ids[i + step], ids[i]
        return run_command(self, self.ws, ReorderProductsCommand(self.ws, ids))

    def toggle_active(self) -> bool:
        product = self.current_product()
        if product is None:
            return False
        command = product_active_command(self.ws, product, not product.active)
        return run_command(self, self.ws, command)

    def delete_selected(self) -> bool:
        product = self.current_product()
        if product is None or product.id is None:
            return False
        known = self.ws.matrix.col_counts(self.ws.matrix.col_of[product.id]).known
        if not confirm(
            self,
            QCoreApplication.translate("ManageProducts", "Delete product"),
            QCoreApplication.translate(
                "ManageProducts",
                "Delete “%1” with its %2 marks? You can undo this (Edit → Undo). "
                "To keep the data, deactivate instead.",
            )
            .replace("%1", product.name)
            .replace("%2", str(known)),
        ):
            return False
        return run_command(self, self.ws, DeleteProductCommand(self.ws, product.id))
