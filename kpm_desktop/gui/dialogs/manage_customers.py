"""Manage customers: add, edit (rename, attributes), deactivate, delete — each one undo step."""

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
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.entities import Customer
from kpm_desktop.domain.filters import distinct_values, search_text
from kpm_desktop.domain.text import fold
from kpm_desktop.gui.dialogs._manage_common import (
    button_column,
    confirm,
    run_command,
    setup_list_table,
)
from kpm_desktop.gui.key_account_picker import KeyAccountPicker
from kpm_desktop.gui.palette import style_error_label
from kpm_desktop.workspace.commands import (
    AddCustomerCommand,
    DeleteCustomerCommand,
    UpdateCustomerCommand,
)
from kpm_desktop.workspace.structure_commands import customer_active_command
from kpm_desktop.workspace.workspace import Workspace

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FIELDS = (
    "name",
    "number",
    "city",
    "segment",
    "region",
    "owner",
    "abc_class",
    "parent_uuid",
    "active",
)


def _headers() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("ManageCustomers", "Name"),
        QCoreApplication.translate("ManageCustomers", "Number"),
        QCoreApplication.translate("ManageCustomers", "City"),
        QCoreApplication.translate("ManageCustomers", "Segment"),
        QCoreApplication.translate("ManageCustomers", "Region"),
        QCoreApplication.translate("ManageCustomers", "Owner"),
        QCoreApplication.translate("ManageCustomers", "ABC"),
        QCoreApplication.translate("ManageCustomers", "Key account"),
        QCoreApplication.translate("ManageCustomers", "Active"),
    )


class CustomerListModel(QAbstractTableModel):
    """Customers of the workspace (storage order), optionally narrowed by a search text."""

    def __init__(self, ws: Workspace, parent=None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.rows: list[int] = []
        self._text = ""
        self._headers = _headers()
        self.refresh()

    def set_text(self, text: str) -> None:
        self._text = text
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.recompute()
        self.endResetModel()

    def begin_structure_change(self) -> None:
        """The matrix is about to change shape: stop answering from stale row numbers."""
        self.beginResetModel()

    def end_structure_change(self) -> None:
        self.recompute()
        self.endResetModel()

    def recompute(self) -> None:
        customers = self.ws.matrix.customers
        self._names = {c.uuid: c.name for c in customers}
        words = fold(self._text).split()
        self.rows = [
            i
            for i, c in enumerate(customers)
            if not words or all(w in search_text(c) for w in words)
        ]

    def customer(self, row: int) -> Customer:
        return self.ws.matrix.customers[self.rows[row]]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Override of QAbstractTableModel.rowCount."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Override of QAbstractTableModel.columnCount."""
        return 0 if parent.isValid() else len(_FIELDS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        """Override of QAbstractTableModel.data."""
        if not index.isValid() or role not in (_DISPLAY, _TOOLTIP):
            return None
        c = self.customer(index.row())
        field = _FIELDS[index.column()]
        if field == "active":
            return (
                QCoreApplication.translate("ManageCustomers", "yes")
                if c.active
                else QCoreApplication.translate("ManageCustomers", "no")
            )
        if field == "parent_uuid":
            return self._names.get(c.parent_uuid, "") if c.parent_uuid else ""
        return getattr(c, field)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        """Override of QAbstractTableModel.headerData."""
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class CustomerEditor(QDialog):
    """Form for one customer's attributes (new or existing)."""

    def __init__(
        self, customer: Customer, choices: list[Customer], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customer_editor")
        self._original = customer
        self.setWindowTitle(
            QCoreApplication.translate("ManageCustomers", "New customer")
            if customer.id is None
            else QCoreApplication.translate("ManageCustomers", "Edit customer")
        )
        self.name = QLineEdit(customer.name, self)
        self.name.setObjectName("customer_name")
        self.number = QLineEdit(customer.number, self)
        self.city = QLineEdit(customer.city, self)
        self.postcode = QLineEdit(customer.postcode, self)
        self.street = QLineEdit(customer.street, self)
        self.street.setObjectName("customer_street")
        self.phone = QLineEdit(customer.phone, self)
        self.phone.setObjectName("customer_phone")
        self.segment = self._editable_combo(distinct_values(choices, "segment"), customer.segment)
        self.region = self._editable_combo(distinct_values(choices, "region"), customer.region)
        self.owner = self._editable_combo(distinct_values(choices, "owner"), customer.owner)
        self.abc = QComboBox(self)
        for value in ("", "A", "B", "C"):
            self.abc.addItem(
                value or QCoreApplication.translate("ManageCustomers", "(none)"), value
            )
        self.abc.setCurrentIndex(max(self.abc.findData(customer.abc_class), 0))
        self.revenue = QLineEdit(
            "" if customer.annual_revenue is None else f"{customer.annual_revenue:g}", self
        )
        self.revenue.setPlaceholderText(
            QCoreApplication.translate("ManageCustomers", "e.g. 250000")
        )
        self.tags = QLineEdit(", ".join(customer.tags), self)
        self.tags.setPlaceholderText(
            QCoreApplication.translate("ManageCustomers", "comma-separated")
        )
        self.active = QCheckBox(
            QCoreApplication.translate(
                "ManageCustomers", "Active (inactive customers are hidden in the matrix)"
            ),
            self,
        )
        self.active.setChecked(customer.active)
        self.key_account = KeyAccountPicker(self)
        self.key_account.set_customers(choices)
        self.key_account.set_parent_uuid(customer.parent_uuid)
        self.key_account_problem = QLabel(self)
        self.key_account_problem.setWordWrap(True)
        style_error_label(self.key_account_problem)

        form = QFormLayout()
        form.addRow(QCoreApplication.translate("ManageCustomers", "&Name:"), self.name)
        form.addRow(QCoreApplication.translate("ManageCustomers", "N&umber:"), self.number)
        form.addRow(QCoreApplication.translate("ManageCustomers", "Str&eet:"), self.street)
        form.addRow(QCoreApplication.translate("ManageCustomers", "&Postcode:"), self.postcode)
        form.addRow(QCoreApplication.translate("ManageCustomers", "&City:"), self.city)
        form.addRow(QCoreApplication.translate("ManageCustomers", "P&hone:"), self.phone)
        form.addRow(QCoreApplication.translate("ManageCustomers", "&Segment:"), self.segment)
        form.addRow(QCoreApplication.translate("ManageCustomers", "&Region:"), self.region)
        form.addRow(QCoreApplication.translate("ManageCustomers", "&Owner:"), self.owner)
        form.addRow(QCoreApplication.translate("ManageCustomers", "&ABC class:"), self.abc)
        form.addRow(QCoreApplication.translate("ManageCustomers", "Annual re&venue:"), self.revenue)
        form.addRow(QCoreApplication.translate("ManageCustomers", "&Tags:"), self.tags)
        form.addRow(
            QCoreApplication.translate("ManageCustomers", "&Key account:"), self.key_account
        )
        form.addRow("", self.key_account_problem)
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
        self.revenue.textChanged.connect(self._validate)
        self.key_account.currentTextChanged.connect(self._validate)
        self._validate()

    def _editable_combo(self, values: list[str], current: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.addItems(["", *values])
        combo.setCurrentText(current)
        return combo

    def _revenue_value(self) -> tuple[bool, float | None]:
        text = self.revenue.text().strip().replace(" ", "")
        if not text:
            return True, None
        # German input: "250.000,50" -> 250000.50; English "250,000.50" also works.
        if "," in text and ("." not in text or text.rfind(",") > text.rfind(".")):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
        try:
            value = float(text)
        except ValueError:
            return False, None
        return value >= 0, value

    def _validate(self) -> None:
        ok_revenue, _ = self._revenue_value()
        problem = self.key_account.problem(self._original)
        self.key_account_problem.setText(problem or "")
        self.key_account_problem.setVisible(problem is not None)
        ok = bool(self.name.text().strip()) and ok_revenue and problem is None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.revenue.setToolTip(
            ""
            if ok_revenue
            else QCoreApplication.translate("ManageCustomers", "Enter an amount such as 250000")
        )

    def customer(self) -> Customer:
        """The edited customer (same id and uuid as the original)."""
        _, revenue = self._revenue_value()
        return replace(
            self._original,
            name=self.name.text().strip(),
            number=self.number.text().strip(),
            city=self.city.text().strip(),
            postcode=self.postcode.text().strip(),
            street=self.street.text().strip(),
            phone=self.phone.text().strip(),
            segment=self.segment.currentText().strip(),
            region=self.region.currentText().strip(),
            owner=self.owner.currentText().strip(),
            abc_class=self.abc.currentData(),
            annual_revenue=revenue,
            tags=tuple(t.strip() for t in self.tags.text().split(",") if t.strip()),
            active=self.active.isChecked(),
            parent_uuid=self.key_account.parent_uuid() or "",
        )


class ManageCustomersDialog(QDialog):
    """List of all customers with add / edit / (de)activate / delete."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setObjectName("manage_customers")
        self.setWindowTitle(QCoreApplication.translate("ManageCustomers", "Customers"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            QCoreApplication.translate("ManageCustomers", "Search customer, number, city…")
        )
        self.search.setClearButtonEnabled(True)
        self.model = CustomerListModel(ws, self)
        self.search.textChanged.connect(self.model.set_text)
        self.table = QTableView(self)
        self.table.setObjectName("customer_table")
        self.table.setModel(self.model)
        setup_list_table(self.table, (260, 80, 120, 110, 70, 120, 45, 160), self.edit_selected)
        buttons, self.buttons = button_column(
            self,
            (
                "customer_add",
                QCoreApplication.translate("ManageCustomers", "&Add…"),
                lambda: self.add(),
            ),
            (
                "customer_edit",
                QCoreApplication.translate("ManageCustomers", "&Edit…"),
                lambda: self.edit_selected(),
            ),
            (
                "customer_active",
                QCoreApplication.translate("ManageCustomers", "Dea&ctivate"),
                lambda: self.toggle_active(),
            ),
            (
                "customer_delete",
                QCoreApplication.translate("ManageCustomers", "&Delete…"),
                lambda: self.delete_selected(),
            ),
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(row)
        layout.addWidget(close)
        # selectionChanged: selectRow() moves the current row before it selects the row
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._keep: int | None = None
        ws.structure_about_to_change.connect(self._before_structure_change)
        ws.structure_changed.connect(self._after_structure_change)
        self._update_buttons()
        self.resize(1000, 500)

    def _before_structure_change(self) -> None:
        current = self.current()
        self._keep = None if current is None else current.id
        self.model.begin_structure_change()

    def _after_structure_change(self) -> None:
        self.model.end_structure_change()
        if self._keep is not None:
            self.select_customer(self._keep)
        self._update_buttons()

    def select_customer(self, customer_id: int) -> bool:
        row = self.ws.matrix.row_of.get(customer_id)
        if row is None or row not in self.model.rows:
            return False
        self.table.selectRow(self.model.rows.index(row))
        return True

    def current(self) -> Customer | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(
            index.row(), QModelIndex()
        ):
            return None
        return self.model.customer(index.row())

    def _update_buttons(self) -> None:
        customer = self.current()
        writable = not self.ws.read_only
        self.buttons["customer_add"].setEnabled(writable)
        for name in ("customer_edit", "customer_active", "customer_delete"):
            self.buttons[name].setEnabled(customer is not None and writable)
        self.buttons["customer_active"].setText(
            QCoreApplication.translate("ManageCustomers", "Rea&ctivate")
            if customer is not None and not customer.active
            else QCoreApplication.translate("ManageCustomers", "Dea&ctivate")
        )

    # -- actions -------------------------------------------------------------------------------
    def add(self, customer: Customer | None = None) -> bool:
        """Add a customer (opens the form unless one is given); selects it afterwards."""
        if customer is None:
            editor = CustomerEditor(Customer(name=""), self.ws.matrix.customers, self)
            if editor.exec() != QDialog.DialogCode.Accepted:
                return False
            customer = editor.customer()
        command = AddCustomerCommand(self.ws, customer)
        if not run_command(self, self.ws, command):
            return False
        if command.added is not None and command.added.id is not None:
            self.select_customer(command.added.id)
        return True

    def edit_selected(self, edited: Customer | None = None) -> bool:
        """Edit the selected customer (rename and attributes) in one undo step."""
        customer = self.current()
        if customer is None:
            return False
        if edited is None:
            editor = CustomerEditor(customer, self.ws.matrix.customers, self)
            if editor.exec() != QDialog.DialogCode.Accepted:
                return False
            edited = editor.customer()
        if edited == customer:
            return False
        text = (
            QCoreApplication.translate("ManageCustomers", "Rename customer “%1” to “%2”")
            .replace("%1", customer.name)
            .replace("%2", edited.name)
            if edited.name != customer.name
            else ""
        )
        return run_command(self, self.ws, UpdateCustomerCommand(self.ws, edited, text))

    def toggle_active(self) -> bool:
        customer = self.current()
        if customer is None:
            return False
        command = customer_active_command(self.ws, customer, not customer.active)
        return run_command(self, self.ws, command)

    def delete_selected(self) -> bool:
        customer = self.current()
        if customer is None or customer.id is None:
            return False
        row = self.ws.matrix.row_of[customer.id]
        known = self.ws.matrix.row_counts(row).known
        if not confirm(
            self,
            QCoreApplication.translate("ManageCustomers", "Delete customer"),
            QCoreApplication.translate(
                "ManageCustomers",
                "Delete “%1” with its %2 marks, notes and goals? "
                "You can undo this (Edit → Undo). To keep the data, deactivate instead.",
            )
            .replace("%1", customer.name)
            .replace("%2", str(known)),
        ):
            return False
        return run_command(self, self.ws, DeleteCustomerCommand(self.ws, customer.id))
