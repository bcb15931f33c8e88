"""The import wizard's last page: cells and numbers where the file and the matrix disagree."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kpm_desktop.gui.dialogs.import_common import MAX_SHOWN, make_table, tr_message
from kpm_desktop.import_export.plans import ImportPlan

if TYPE_CHECKING:
    from kpm_desktop.gui.dialogs.import_preview import PreviewPage


class ConflictsPage(QWizardPage):
    def __init__(self, preview_page: PreviewPage) -> None:
        super().__init__()
        self.preview_page = preview_page
        self.setTitle(QCoreApplication.translate("ImportDialog", "Conflicts"))
        self.setSubTitle(
            QCoreApplication.translate(
                "ImportDialog",
                "Cells where your matrix and the file disagree. Nothing is overwritten unless "
                "you say so.",
            )
        )
        layout = QVBoxLayout(self)
        self.keep_all = QRadioButton(
            QCoreApplication.translate("ImportDialog", "&Keep mine for all")
        )
        self.keep_all.setObjectName("import_keep_all")
        self.take_all = QRadioButton(
            QCoreApplication.translate("ImportDialog", "&Take imported for all")
        )
        self.take_all.setObjectName("import_take_all")
        group = QButtonGroup(self)
        group.addButton(self.keep_all)
        group.addButton(self.take_all)
        self.choice_row = QWidget()
        row = QHBoxLayout(self.choice_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.keep_all)
        row.addWidget(self.take_all)
        row.addStretch(1)
        layout.addWidget(self.choice_row)
        # Shown instead of an empty table when the file and the matrix agree everywhere.
        self.none_label = QLabel(
            QCoreApplication.translate(
                "ImportDialog",
                "No conflicts: wherever both the file and your matrix have a value, they "
                "agree. Nothing in your matrix is overwritten.\n\nClick Import to import.",
            )
        )
        self.none_label.setObjectName("import_no_conflicts")
        self.none_label.setWordWrap(True)
        self.none_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        font = self.none_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.none_label.setFont(font)
        layout.addWidget(self.none_label, 1)
        self.table = make_table(
            [
                QCoreApplication.translate("ImportDialog", "Take imported"),
                QCoreApplication.translate("ImportDialog", "Customer"),
                QCoreApplication.translate("ImportDialog", "Product"),
                QCoreApplication.translate("ImportDialog", "Conflict"),
            ]
        )
        self.table.setObjectName("import_conflicts")
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setObjectName("import_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.shown: list[Any] = []  # the Conflict/FieldConflict of each table row
        self.keep_all.toggled.connect(lambda on: self._set_all(False) if on else None)
        self.take_all.toggled.connect(lambda on: self._set_all(True) if on else None)

    def initializePage(self) -> None:
        """Override of QWizardPage.initializePage."""
        plan = self.preview_page.plan
        assert plan is not None
        # Number conflicts first (another number for an existing customer), then cells.
        rows: list[tuple[Any, str, str, str]] = [
            (
                f,
                f.name if f.entity == "customer" else "",
                f.name if f.entity == "product" else "",
                tr_message("c_number", {"mine": f.mine, "theirs": f.theirs}),
            )
            for f in plan.field_conflicts
        ]
        rows += [
            (c, c.customer, c.product, tr_message(c.key, c.params))
            for c in plan.conflicts[: MAX_SHOWN - len(rows)]
        ]
        self.shown = [r[0] for r in rows]
        self.table.setRowCount(len(rows))
        for i, (c, customer, product, message) in enumerate(rows):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Checked if c.take else Qt.CheckState.Unchecked)
            self.table.setItem(i, 0, check)
            self.table.setItem(i, 1, QTableWidgetItem(customer))
            self.table.setItem(i, 2, QTableWidgetItem(product))
            self.table.setItem(i, 3, QTableWidgetItem(message))
        self.keep_all.setChecked(True)
        count = len(plan.conflicts) + len(plan.field_conflicts)
        status = QCoreApplication.translate("ImportDialog", "Conflicts: %1").replace(
            "%1", str(count)
        )
        self.table.setVisible(bool(count))
        self.choice_row.setVisible(bool(count))
        self.none_label.setVisible(not count)
        self.setSubTitle(
            QCoreApplication.translate(
                "ImportDialog",
                "Cells where your matrix and the file disagree. Nothing is overwritten unless "
                "you say so.",
            )
            if count
            else QCoreApplication.translate("ImportDialog", "Nothing to decide.")
        )
        self.status.setText(status if count else "")

    def _check_item(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, 0)
        assert item is not None  # every row has its check item
        return item

    def _set_all(self, take: bool) -> None:
        state = Qt.CheckState.Checked if take else Qt.CheckState.Unchecked
        for i in range(self.table.rowCount()):
            self._check_item(i).setCheckState(state)
        plan = self.preview_page.plan
        if plan is not None:
            plan.resolve_all(take)  # also the ones beyond the table's first rows

    def apply_choices(self, plan: ImportPlan) -> None:
        for i, conflict in enumerate(self.shown):
            item = self.table.item(i, 0)
            assert item is not None  # every row has its check item
            conflict.take = item.checkState() == Qt.CheckState.Checked
