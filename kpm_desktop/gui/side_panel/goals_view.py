"""The customer's goals: a list in the customer's order and an inline editor.

Add / edit / delete / move up / move down; each button press is one undo step. The linked
products are checked in a product list (a goal can be served by several products).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.entities import Goal, GoalStatus, Product
from kpm_desktop.gui.side_panel.common import OptionalDateEdit, fmt_date

_ID_ROLE = Qt.ItemDataRole.UserRole


class GoalsView(QWidget):
    """Signals carry plain Goal objects; the dock turns them into undo commands."""

    add_requested = Signal(object)  # Goal (id None)
    update_requested = Signal(object)  # Goal
    delete_requested = Signal(object)  # Goal
    reorder_requested = Signal(list)  # goal ids in the new order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._customer_id: int | None = None
        self._goals: list[Goal] = []
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Goals"))
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        self.delete_button = QPushButton(self.tr("Delete goal"), self)
        order = QHBoxLayout()
        order.addWidget(self.up_button)
        order.addWidget(self.down_button)
        order.addStretch(1)
        order.addWidget(self.delete_button)

        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("What does the customer want to achieve?"))
        self.detail = QPlainTextEdit(self)
        self.detail.setMaximumHeight(self.detail.fontMetrics().lineSpacing() * 3 + 18)  # 3 lines
        self.detail.setTabChangesFocus(True)  # Tab moves on: no keyboard trap
        self.due = OptionalDateEdit(self.tr("due"), self)
        self.status = QComboBox(self)
        for status, label in (
            (GoalStatus.OPEN, self.tr("open")),
            (GoalStatus.ACHIEVED, self.tr("achieved")),
            (GoalStatus.DROPPED, self.tr("dropped")),
        ):
            self.status.addItem(label, str(status))
        self.products = QListWidget(self)
        self.products.setMaximumHeight(self.products.fontMetrics().lineSpacing() * 7 + 12)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Detail"), self.detail)
        form.addRow(self.tr("Due date"), self.due)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Linked products"), self.products)
        for label, w in (
            (self.tr("Title"), self.title),
            (self.tr("Detail"), self.detail),
            (self.tr("Status"), self.status),
            (self.tr("Linked products"), self.products),
        ):
            w.setAccessibleName(label)
        self.new_button = QPushButton(self.tr("New goal"), self)
        self.save_button = QPushButton(self.tr("Save goal"), self)
        edit_buttons = QHBoxLayout()
        edit_buttons.addWidget(self.new_button)
        edit_buttons.addStretch(1)
        edit_buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(order)
        layout.addLayout(form)
        layout.addLayout(edit_buttons)

        self.list.currentRowChanged.connect(self._load_selected)
        self.new_button.clicked.connect(lambda: self.start_new(focus=True))
        self.save_button.clicked.connect(self._save)
        self.delete_button.clicked.connect(self._delete)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.set_goals(None, [], [])

    # -- data in -----------------------------------------------------------------------------
    def set_products(self, products: list[Product]) -> None:
        self.products.clear()
        for p in products:
            item = QListWidgetItem(p.name, self.products)
            item.setData(_ID_ROLE, p.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def set_goals(
        self, customer_id: int | None, goals: list[Goal], products: list[Product]
    ) -> None:
        """Show a customer's goals; keeps the selected goal selected when it still exists."""
        current = self.current_goal()
        keep = current.id if current and customer_id == self._customer_id else None
        self._customer_id = customer_id
        self._goals = list(goals)
        names = {p.id: p.name for p in products}
        if self.products.count() != len(products):
            self.set_products(products)
        self.list.blockSignals(True)
        self.list.clear()
        bold = QFont()
        bold.setBold(True)
        for g in self._goals:
            status = {
                GoalStatus.OPEN: self.tr("open"),
                GoalStatus.ACHIEVED: self.tr("achieved"),
                GoalStatus.DROPPED: self.tr("dropped"),
            }[g.status]
            text = f"{g.title}  [{status}]"
            if g.due_date:
                text += "  " + self.tr("due %1").replace("%1", fmt_date(g.due_date))
            if g.product_ids:
                text += "\n    " + ", ".join(names.get(pid, "?") for pid in g.product_ids)
            item = QListWidgetItem(text, self.list)
            item.setData(_ID_ROLE, g.id)
            if g.status is GoalStatus.OPEN:
                item.setFont(bold)
        self.list.blockSignals(False)
        row = next((i for i, g in enumerate(self._goals) if g.id == keep), -1)
        self.list.setCurrentRow(row)
        if row < 0:
            # Following the matrix never takes the keyboard: the rep keeps marking.
            self.start_new(focus=False)
        self.setEnabled(customer_id is not None)

    # -- editor ------------------------------------------------------------------------------
    def current_goal(self) -> Goal | None:
        row = self.list.currentRow() if hasattr(self, "list") else -1
        return self._goals[row] if 0 <= row < len(self._goals) else None

    def start_new(self, focus: bool = True) -> None:
        """An empty editor for a new goal; ``focus`` only when the rep asked for it."""
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self.fill(None)
        self.save_button.setText(self.tr("Add goal"))
        if focus:
            self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def has_pending(self) -> bool:
        """Typed and not saved: a new goal's title, or a change to the goal shown."""
        if self._customer_id is None or not self.title.text().strip():
            return False
        current = self.current_goal()
        return current is None or self._edited(current) != current

    def save_pending(self) -> None:
        """Save what :meth:`has_pending` found (one undo step); nothing else."""
        if self.has_pending():
            self._save()

    def _load_selected(self, _row: int) -> None:
        goal = self.current_goal()
        self.fill(goal)
        self.save_button.setText(self.tr("Save goal") if goal else self.tr("Add goal"))

    def fill(self, goal: Goal | None) -> None:
        self.title.setText(goal.title if goal else "")
        self.detail.setPlainText(goal.detail if goal else "")
        self.due.set_value(goal.due_date if goal else None)
        status = str(goal.status if goal else GoalStatus.OPEN)
        self.status.setCurrentIndex(self.status.findData(status))
        linked = set(goal.product_ids) if goal else set()
        for i in range(self.products.count()):
            item = self.products.item(i)
            item.setCheckState(
                Qt.CheckState.Checked if item.data(_ID_ROLE) in linked else Qt.CheckState.Unchecked
            )
        self.delete_button.setEnabled(goal is not None)
        self.up_button.setEnabled(goal is not None)
        self.down_button.setEnabled(goal is not None)

    def _edited(self, base: Goal) -> Goal:
        linked = tuple(
            sorted(
                self.products.item(i).data(_ID_ROLE)
                for i in range(self.products.count())
                if self.products.item(i).checkState() == Qt.CheckState.Checked
            )
        )
        return replace(
            base,
            title=self.title.text().strip(),
            detail=self.detail.toPlainText().strip(),
            due_date=self.due.value(),
            status=GoalStatus(self.status.currentData()),
            product_ids=linked,
        )

    def _save(self) -> None:
        if self._customer_id is None or not self.title.text().strip():
            self.title.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        current = self.current_goal()
        if current is None:
            order = max((g.sort_order for g in self._goals), default=-1) + 1
            self.add_requested.emit(
                self._edited(Goal(customer_id=self._customer_id, title="", sort_order=order))
            )
        else:
            edited = self._edited(current)
            if edited != current:
                self.update_requested.emit(edited)

    def _delete(self) -> None:
        goal = self.current_goal()
        if goal is not None:
            self.delete_requested.emit(goal)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if not (0 <= row < len(self._goals) and 0 <= target < len(self._goals)):
            return
        ids = [g.id for g in self._goals]
        ids[row], ids[target] = ids[target], ids[row]
        self.reorder_requested.emit(ids)
