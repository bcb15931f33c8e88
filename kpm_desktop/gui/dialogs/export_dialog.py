"""File > Export…: what to write (XLSX, PDF, blank worksheet), which part, paper and privacy.

The dialog only collects choices; ``ExportRequest.options`` turns them into the
``ExportOptions`` that the writers take. The caller supplies the current view's row and
column order, so "current view" exports exactly what the user sees, in that order.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.gui.palette import style_error_label
from kpm_desktop.import_export.export_labels import ATTRIBUTES, attribute_name, label
from kpm_desktop.import_export.export_model import ExportOptions, Orientation, Paper


class ExportKind(StrEnum):
    XLSX = "xlsx"
    PDF = "pdf"
    BLANK = "blank"  # blank worksheet (PDF)

    @property
    def suffix(self) -> str:
        return ".xlsx" if self is ExportKind.XLSX else ".pdf"


@dataclass(frozen=True, slots=True)
class ViewScope:
    """The current view as the window shows it: ids in display order and the totals."""

    customer_ids: tuple[int, ...]
    product_ids: tuple[int, ...]
    total_customers: int
    total_products: int

    @property
    def filtered(self) -> bool:
        return (len(self.customer_ids), len(self.product_ids)) != (
            self.total_customers,
            self.total_products,
        )

    def describe(self, lang: str) -> str:
        return label("view_description", lang).format(
            customers=len(self.customer_ids),
            all_customers=self.total_customers,
            products=len(self.product_ids),
            all_products=self.total_products,
        )


@dataclass(frozen=True, slots=True)
class ExportRequest:
    kind: ExportKind
    path: Path
    current_view: bool
    paper: Paper
    orientation: Orientation
    attributes: tuple[str, ...]
    customer_safe: bool
    lang: str

    def options(self, view: ViewScope | None) -> ExportOptions:
        scope = view if self.current_view else None
        return ExportOptions(
            paper=self.paper,
            orientation=self.orientation,
            customer_ids=scope.customer_ids if scope is not None else None,
            product_ids=scope.product_ids if scope is not None else None,
            attributes=self.attributes,
            customer_safe=self.customer_safe,
            lang=self.lang,
            filters=scope.describe(self.lang) if scope is not None else "",
        )


DEFAULT_ATTRIBUTES = ("number", "city")


class ExportDialog(QDialog):
    def __init__(
        self,
        source: Path,
        view: ViewScope | None,
        *,
        paper: str = "A4",
        orientation: str = "landscape",
        customer_safe: bool = False,
        lang: str = "de",
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        # Where the file goes by default: the folder last exported to, first the Documents
        # folder (``gui.folders``); without one, next to the matrix file.
        self._folder = folder if folder is not None else source.parent
        self.setWindowTitle(self.tr("Export"))
        self._source = source
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        # What: XLSX, PDF or a blank worksheet.
        self.kind_group = QButtonGroup(self)
        kinds = QVBoxLayout()
        self.kind_buttons: dict[ExportKind, QRadioButton] = {}
        for kind, text in (
            (ExportKind.XLSX, self.tr("&Excel workbook (matrix, figures, data sheet)")),
            (ExportKind.PDF, self.tr("&PDF matrix sheet")),
            (ExportKind.BLANK, self.tr("Bla&nk worksheet (PDF, to fill in by hand)")),
        ):
            button = QRadioButton(text)
            button.setObjectName(f"kind_{kind.value}")
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            kinds.addWidget(button)
        self.kind_buttons[ExportKind.XLSX].setChecked(True)
        form.addRow(self.tr("Format:"), kinds)

        # Which part of the matrix.
        self.scope_all = QRadioButton(self.tr("&Whole matrix"))
        self.scope_view = QRadioButton(self.tr("&Current view (filters and order as shown)"))
        self.scope_all.setObjectName("scope_all")
        self.scope_view.setObjectName("scope_view")
        scope = QVBoxLayout()
        scope.addWidget(self.scope_all)
        scope.addWidget(self.scope_view)
        self.scope_view.setEnabled(view is not None)
        (self.scope_view if view is not None and view.filtered else self.scope_all).setChecked(True)
        form.addRow(self.tr("Scope:"), scope)

        self.paper = QComboBox()
        self.paper.setObjectName("paper")
        for p in Paper:
            self.paper.addItem(p.value, p.value)
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))
        form.addRow(self._label(self.tr("Pape&r:"), self.paper), self.paper)

        self.orientation = QComboBox()
        self.orientation.setObjectName("orientation")
        self.orientation.addItem(self.tr("Landscape"), Orientation.LANDSCAPE.value)
        self.orientation.addItem(self.tr("Portrait"), Orientation.PORTRAIT.value)
        self.orientation.setCurrentIndex(max(0, self.orientation.findData(orientation)))
        form.addRow(self._label(self.tr("&Orientation:"), self.orientation), self.orientation)

        self.language = QComboBox()
        self.language.setObjectName("sheet_language")
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        form.addRow(self._label(self.tr("Sheet &language:"), self.language), self.language)

        self.attributes = QListWidget()
        self.attributes.setObjectName("attributes")
        self.attributes.setMaximumHeight(self.attributes.fontMetrics().lineSpacing() * 9 + 14)
        ui_lang = "de" if lang == "de" else "en"
        for attr in ATTRIBUTES:
            item = QListWidgetItem(attribute_name(attr, ui_lang))
            item.setData(Qt.ItemDataRole.UserRole, attr)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if attr in DEFAULT_ATTRIBUTES else Qt.CheckState.Unchecked
            )
            self.attributes.addItem(item)
        form.addRow(self._label(self.tr("C&ustomer columns:"), self.attributes), self.attributes)

        self.customer_safe = QCheckBox(
            self.tr("Customer-&safe: leave out competitor names, revenues, potentials and notes")
        )
        self.customer_safe.setObjectName("customer_safe")
        self.customer_safe.setChecked(customer_safe)
        form.addRow("", self.customer_safe)

        self.path = QLineEdit()
        self.path.setObjectName("target_path")
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self._label(self.tr("Save &as:"), self.path), row)

        self.error = QLabel()
        self.error.setObjectName("export_error")
        style_error_label(self.error)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("E&xport"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.kind_group.buttonToggled.connect(self._kind_changed)
        self._set_default_path()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # -- state --------------------------------------------------------------------------------
    def kind(self) -> ExportKind:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def set_kind(self, kind: ExportKind) -> None:
        self.kind_buttons[kind].setChecked(True)

    def _default_name(self, kind: ExportKind) -> str:
        stem = self._source.stem
        extra = {ExportKind.XLSX: "", ExportKind.PDF: "", ExportKind.BLANK: "-arbeitsblatt"}[kind]
        return f"{stem}{extra}{kind.suffix}"

    def _set_default_path(self) -> None:
        self.path.setText(str(self._folder / self._default_name(self.kind())))

    def _kind_changed(self, _button, checked: bool) -> None:
        if not checked:
            return
        current = Path(self.path.text().strip()) if self.path.text().strip() else None
        kind = self.kind()
        if current is None:
            self._set_default_path()
            return
        # Keep the folder and name the user chose, follow the format with the suffix.
        name = current.name
        for k in ExportKind:
            default = self._default_name(k)
            if name == default:
                name = self._default_name(kind)
                break
        else:
            name = Path(name).with_suffix(kind.suffix).name
        self.path.setText(str(current.with_name(name)))

    def _browse(self) -> None:
        kind = self.kind()
        pattern = (
            self.tr("Excel workbook (*.xlsx)")
            if kind is ExportKind.XLSX
            else self.tr("PDF document (*.pdf)")
        )
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text(), pattern)
        if name:
            path = Path(name)
            if path.suffix.lower() != kind.suffix:
                path = path.with_suffix(kind.suffix)
            self.path.setText(str(path))

    def request(self) -> ExportRequest:
        return ExportRequest(
            kind=self.kind(),
            path=Path(self.path.text().strip()),
            current_view=self.scope_view.isChecked(),
            paper=Paper(self.paper.currentData()),
            orientation=Orientation(self.orientation.currentData()),
            attributes=tuple(
                self.attributes.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.attributes.count())
                if self.attributes.item(i).checkState() == Qt.CheckState.Checked
            ),
            customer_safe=self.customer_safe.isChecked(),
            lang=self.language.currentData(),
        )

    def problem(self) -> str:
        """Why the current choices cannot be exported ("" = fine)."""
        text = self.path.text().strip()
        if not text:
            return self.tr("Choose where to save the export.")
        path = Path(text)
        if path.is_dir():
            return self.tr("%1 is a folder; add a file name.").replace("%1", str(path))
        if not path.parent.is_dir():
            return self.tr("The folder %1 does not exist.").replace("%1", str(path.parent))
        if path.exists() and path.resolve() == self._source.resolve():
            return self.tr("That is the matrix file itself; choose another name.")
        return ""

    def _accept(self) -> None:
        message = self.problem()
        if message:
            self.error.setText(message)
            self.error.show()
            return
        self.accept()
