"""The New-matrix assistant: choose a file, paste or type products and customers, create.

Lists come from anywhere (Excel/Calc columns pasted with tabs, or typed one per line); the
parsing rules live in ``domain.list_paste`` and are shown next to each box. The user can also
create an empty file and go straight to an import.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop import FILE_SUFFIX
from kpm_desktop.domain.list_paste import parse_customers, parse_products
from kpm_desktop.gui.feedback import os_error_message
from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.samples.new_file import create_matrix_file
from kpm_desktop.storage.errors import StorageError


class NewMatrixDialog(QDialog):
    """Creates a new matrix file; ``created_path`` is set after success."""

    def __init__(self, start_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.created_path: Path | None = None
        self.start_import = False
        self._start_dir = start_dir
        self.setWindowTitle(self.tr("New matrix"))
        layout = QVBoxLayout(self)

        form = QFormLayout()
        path_row = QHBoxLayout()
        self.path_edit = QLineEdit(str(start_dir / self.tr("Territory.kpm")))
        self.path_edit.setAccessibleName(self.tr("File name of the new matrix"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, path_row)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("e.g. Territory North, key accounts"))
        form.addRow(self.tr("&Title:"), self.title_edit)
        layout.addLayout(form)

        lists = QGridLayout()
        products_label = QLabel(
            self.tr(
                "<b>Products, solutions, services</b> — one per line; "
                "<i>Group</i> ⇥ <i>Product</i> to group them"
            )
        )
        customers_label = QLabel(
            self.tr(
                "<b>Customers</b> — one per line; <i>Customer no.</i> ⇥ <i>Name</i> ⇥ "
                "<i>City</i> also works"
            )
        )
        for label in (products_label, customers_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
        self.products_edit = QPlainTextEdit()
        self.products_edit.setAccessibleName(self.tr("Products, one per line"))
        self.products_edit.setPlaceholderText(
            self.tr("Drives\tServo motors\nDrives\tGear motors\nService\tMaintenance contract")
        )
        self.customers_edit = QPlainTextEdit()
        self.customers_edit.setAccessibleName(self.tr("Customers, one per line"))
        self.customers_edit.setPlaceholderText(
            self.tr("100481\tHartmann GmbH\tHamburg\nMüller Maschinenbau AG")
        )
        for edit in (self.products_edit, self.customers_edit):
            edit.setTabChangesFocus(False)
            edit.textChanged.connect(self._update_summary)
        products_label.setBuddy(self.products_edit)
        customers_label.setBuddy(self.customers_edit)
        lists.addWidget(products_label, 0, 0)
        lists.addWidget(customers_label, 0, 1)
        lists.addWidget(self.products_edit, 1, 0)
        lists.addWidget(self.customers_edit, 1, 1)
        layout.addLayout(lists, 1)

        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Summary"))
        layout.addWidget(self.summary)

        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(
            self.tr("&Create"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button = self.buttons.addButton(
            self.tr("Create and &import…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.create_button.clicked.connect(self._create)
        self.import_button.clicked.connect(self._create_and_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_summary()
        self.resize(760, 520)

    @Slot()
    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New matrix"),
            self.path_edit.text(),
            self.tr("KPM matrix (*.kpm)"),
        )
        if name:
            self.path_edit.setText(name)

    def target_path(self) -> Path:
        path = Path(self.path_edit.text().strip()).expanduser()
        if path.suffix.lower() != FILE_SUFFIX:
            path = path.with_name(path.name + FILE_SUFFIX)
        return path

    @Slot()
    def _update_summary(self) -> None:
        products = parse_products(self.products_edit.toPlainText())
        customers = parse_customers(self.customers_edit.toPlainText())
        groups = {p.group for p in products.items if p.group}
        text = self.tr("%n product(s)", "", len(products.items))
        if groups:
            text += self.tr(" in %n group(s)", "", len(groups))
        text += ", " + self.tr("%n customer(s)", "", len(customers.items))
        skipped = len(products.duplicates) + len(customers.duplicates)
        if skipped:
            text += " — " + self.tr("%n duplicate line(s) skipped", "", skipped)
        self.summary.setText(text)

    def _write(self, with_lists: bool) -> bool:
        path = self.target_path()
        if not self.path_edit.text().strip():
            QMessageBox.warning(self, self.tr("New matrix"), self.tr("Please choose a file name."))
            return False
        if path.exists():
            QMessageBox.warning(
                self,
                self.tr("New matrix"),
                self.tr(
                    "%1 exists already. Choose another name: existing files are never overwritten."
                ).replace("%1", path.name),
            )
            return False
        products = parse_products(self.products_edit.toPlainText()).items if with_lists else []
        customers = parse_customers(self.customers_edit.toPlainText()).items if with_lists else []
        try:
            create_matrix_file(path, customers, products, title=self.title_edit.text().strip())
        except (OSError, StorageError) as exc:
            reason = os_error_message(exc) if isinstance(exc, OSError) else storage_text(exc)
            QMessageBox.critical(
                self,
                self.tr("New matrix"),
                self.tr("The file could not be created: %1").replace("%1", reason),
            )
            return False
        self.created_path = path
        return True

    @Slot()
    def _create(self) -> None:
        if self._write(with_lists=True):
            self.accept()

    @Slot()
    def _create_and_import(self) -> None:
        if self._write(with_lists=True):
            self.start_import = True
            self.accept()
