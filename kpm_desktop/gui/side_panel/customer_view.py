"""The customer's master data (editable) and key figures."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.customer_kpis import CustomerKpis
from kpm_desktop.domain.entities import Customer
from kpm_desktop.gui.key_account_picker import KeyAccountPicker
from kpm_desktop.gui.side_panel.common import AmountEdit, fmt_amount, fmt_percent


class MasterDataForm(QGroupBox):
    """Edit a customer's attributes; ``save_requested`` carries the edited copy."""

    save_requested = Signal(object)  # Customer
    problem = Signal(str)  # the edit cannot be stored as typed (one line for the user)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Master data"), parent)
        self._customer: Customer | None = None
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.number = QLineEdit(self)
        self.segment = QLineEdit(self)
        self.region = QLineEdit(self)
        self.owner = QLineEdit(self)
        self.city = QLineEdit(self)
        self.postcode = QLineEdit(self)
        self.street = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.abc = QComboBox(self)
        self.abc.addItems(["", "A", "B", "C"])
        self.revenue = AmountEdit(self)
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("comma-separated"))
        self.active = QCheckBox(self.tr("active"), self)
        self.key_account = KeyAccountPicker(self)
        self.key_account.setToolTip(
            self.tr("The key account (Konzern) this customer is a site of; empty for none")
        )
        rows = (
            (self.tr("Name"), self.name),
            (self.tr("Customer number"), self.number),
            (self.tr("Segment"), self.segment),
            (self.tr("Region"), self.region),
            (self.tr("Owner"), self.owner),
            (self.tr("Street"), self.street),
            (self.tr("Postcode"), self.postcode),
            (self.tr("City"), self.city),
            (self.tr("Phone"), self.phone),
            (self.tr("ABC class"), self.abc),
            (self.tr("Annual revenue"), self.revenue),
            (self.tr("Tags"), self.tags),
            (self.tr("Key account"), self.key_account),
            ("", self.active),
        )
        for label, widget in rows:
            form.addRow(label, widget)
            if label:
                widget.setAccessibleName(label)
        self.save_button = QPushButton(self.tr("Save master data"), self)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self._save)
        self.revert_button.clicked.connect(lambda: self.set_customer(self._customer))
        self.name.returnPressed.connect(self._save)
        self.set_customer(None)

    def set_customer(self, customer: Customer | None) -> None:
        self._customer = customer
        c = customer or Customer(name="")
        self.name.setText(c.name)
        self.number.setText(c.number)
        self.segment.setText(c.segment)
        self.region.setText(c.region)
        self.owner.setText(c.owner)
        self.city.setText(c.city)
        self.postcode.setText(c.postcode)
        self.street.setText(c.street)
        self.phone.setText(c.phone)
        index = self.abc.findText(c.abc_class)
        self.abc.setCurrentIndex(max(index, 0))
        self.revenue.set_value(c.annual_revenue)
        self.tags.setText(", ".join(c.tags))
        self.active.setChecked(c.active)
        self.key_account.set_parent_uuid(c.parent_uuid)
        self.setEnabled(customer is not None)

    def set_customers(self, customers) -> None:
        """All customers of the file: the key accounts to choose from."""
        self.key_account.set_customers(customers)

    def edited(self) -> Customer | None:
        if self._customer is None:
            return None
        parent = self.key_account.parent_uuid()
        return replace(
            self._customer,
            name=self.name.text().strip() or self._customer.name,
            number=self.number.text().strip(),
            segment=self.segment.text().strip(),
            region=self.region.text().strip(),
            owner=self.owner.text().strip(),
            city=self.city.text().strip(),
            postcode=self.postcode.text().strip(),
            street=self.street.text().strip(),
            phone=self.phone.text().strip(),
            abc_class=self.abc.currentText(),
            annual_revenue=self.revenue.value(),
            tags=tuple(t.strip() for t in self.tags.text().split(",") if t.strip()),
            active=self.active.isChecked(),
            parent_uuid=self._customer.parent_uuid if parent is None else parent,
        )

    def _save(self) -> None:
        edited = self.edited()
        if edited is None or self._customer is None:
            return
        problem = self.key_account.problem(self._customer)
        if problem is not None:
            self.problem.emit(problem)
            edited = replace(edited, parent_uuid=self._customer.parent_uuid)
        if edited != self._customer:
            self.save_requested.emit(edited)


class KpiBox(QGroupBox):
    """The customer's figures: white spots, coverage, ours / competitor / needs, amounts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Key figures"), parent)
        # A grid, not a QFormLayout: the form gave wrapped lists the height of another row
        # (the fifth competitor line was cut off); the grid sizes each row for its width.
        self._form = QGridLayout(self)
        self._form.setColumnStretch(1, 1)
        self._labels: dict[str, QLabel] = {}
        for key, label in (
            ("white", self.tr("White spots")),
            ("coverage", self.tr("Coverage")),
            ("ours", self.tr("Bought from us")),
            ("competitor", self.tr("Competitor cells")),
            ("need", self.tr("Needs")),
            ("no_need", self.tr("No need")),
            ("potential", self.tr("Sum of potential")),
            ("revenue", self.tr("Sum of our revenue")),
            ("sow_count", self.tr("Share of wallet (count)")),
            ("sow_amount", self.tr("Share of wallet (amount)")),
        ):
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            value.installEventFilter(self)
            row = self._form.rowCount()
            name = QLabel(label, self)
            self._form.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            self._form.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
            self._labels[key] = value

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override: a wrapped value asks for the height of all its lines at its width.

        Layouts inside a scroll area settle the height before the scroll bar takes its
        width; the last line of a long list was cut off.
        """
        if event.type() == QEvent.Type.Resize and isinstance(watched, QLabel):
            self._fit(watched)
        return super().eventFilter(watched, event)

    @staticmethod
    def _fit(label: QLabel) -> None:
        # Measured from the text (QLabel.heightForWidth never answers below the minimum
        # height set here, so it cannot shrink it again).
        width = label.contentsRect().width()
        if width <= 0 or not label.text():
            need = 0
        else:
            flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
            box = label.fontMetrics().boundingRect(0, 0, width, 1 << 20, flags, label.text())
            need = box.height() + label.height() - label.contentsRect().height()
        if need != label.minimumHeight():
            label.setMinimumHeight(need)

    def text_of(self, key: str) -> str:
        return self._labels[key].text()

    def set_kpis(self, k: CustomerKpis | None) -> None:
        if k is None:
            for label in self._labels.values():
                label.clear()
                label.setMinimumHeight(0)
            return
        L = self._labels
        L["white"].setText(str(k.white_spots))
        L["coverage"].setText(fmt_percent(k.coverage))
        L["ours"].setText(
            f"{k.counts.ours}: " + ", ".join(p.name for p in k.ours_products)
            if k.ours_products
            else "0"
        )
        unnamed = self.tr("unnamed")  # outside the f-string: lupdate cannot see into one
        comp = [f"{c.product_name} ({c.competitor_name or unnamed})" for c in k.competitor_cells]
        L["competitor"].setText(f"{len(comp)}: " + ", ".join(comp) if comp else "0")
        L["need"].setText(
            f"{k.counts.need}: " + ", ".join(p.name for p in k.need_products)
            if k.need_products
            else "0"
        )
        L["no_need"].setText(str(k.counts.no_need))
        L["potential"].setText(fmt_amount(k.potential_sum))
        L["revenue"].setText(fmt_amount(k.our_revenue_sum))
        L["sow_count"].setText(fmt_percent(k.share_of_wallet_count))
        L["sow_amount"].setText(fmt_percent(k.share_of_wallet_amount))
        for label in L.values():
            self._fit(label)
