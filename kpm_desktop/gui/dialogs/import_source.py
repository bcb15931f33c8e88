"""The import wizard's first two pages: the source file and its columns."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kpm_desktop.gui import folders
from kpm_desktop.gui.dialogs.import_common import BusyMixin, kind_labels, tr_message
from kpm_desktop.import_export.mapping import FIELDS, products_from_groups
from kpm_desktop.import_export.messages import ImportFailure
from kpm_desktop.import_export.plans import (
    SourceData,
    check_mapping,
    column_letter,
    read_source,
    unmapped_column_indexes,
)
from kpm_desktop.import_export.xlsx_reader import sheet_names

if TYPE_CHECKING:
    from kpm_desktop.gui.dialogs.import_worker import TaskRunner


class SourcePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(QCoreApplication.translate("ImportDialog", "Source file"))
        self.setSubTitle(
            QCoreApplication.translate(
                "ImportDialog", "Choose a CSV or Excel file and what it contains."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("import_path")
        self.path_edit.setAccessibleName(
            QCoreApplication.translate("ImportDialog", "File to import")
        )
        browse = QPushButton(QCoreApplication.translate("ImportDialog", "&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("import_kind")
        for kind, label in kind_labels().items():
            self.kind_combo.addItem(label, kind)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("import_sheet")
        self.sheet_combo.addItem(QCoreApplication.translate("ImportDialog", "(automatic)"), None)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        file_label = QLabel(QCoreApplication.translate("ImportDialog", "&File:"))
        file_label.setBuddy(self.path_edit)  # without a buddy the '&' shows literally
        form.addRow(file_label, row)
        form.addRow(QCoreApplication.translate("ImportDialog", "&Contents:"), self.kind_combo)
        form.addRow(QCoreApplication.translate("ImportDialog", "&Sheet:"), self.sheet_combo)
        form.addRow(self.note)
        self.path_edit.textChanged.connect(self._path_changed)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("ImportDialog", "Import file"),
            self.path_edit.text() or str(folders.start_folder(self, folders.IMPORT)),
            QCoreApplication.translate(
                "ImportDialog",
                "Tables (*.csv *.txt *.xlsx *.xlsm *.xlsb *.xls *.ods);;All files (*)",
            ),
        )
        if path:
            folders.remember(self, folders.IMPORT, path)
            self.path_edit.setText(path)

    def _path_changed(self) -> None:
        self.sheet_combo.clear()
        self.sheet_combo.addItem(QCoreApplication.translate("ImportDialog", "(automatic)"), None)
        self.note.clear()
        path = Path(self.path_edit.text().strip())
        if path.suffix.lower() in (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods") and path.is_file():
            try:
                for name in sheet_names(path):
                    self.sheet_combo.addItem(name, name)
            except ImportFailure as exc:
                self.note.setText(tr_message(exc.key, exc.params))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """Override of QWizardPage.isComplete."""
        return Path(self.path_edit.text().strip()).is_file()

    @property
    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    @property
    def kind(self) -> str:
        return self.kind_combo.currentData()

    @property
    def sheet(self) -> str | None:
        return self.sheet_combo.currentData()


class MappingPage(BusyMixin, QWizardPage):
    def __init__(self, runner: TaskRunner, source_page: SourcePage) -> None:
        super().__init__()
        self.runner = runner
        self.source_page = source_page
        self.setTitle(QCoreApplication.translate("ImportDialog", "Columns"))
        self.setSubTitle(
            QCoreApplication.translate(
                "ImportDialog", "Check which column holds what. Suggestions come from the headers."
            )
        )
        layout = QVBoxLayout(self)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        layout.addWidget(self.form_host)
        # Columns no field takes: listed, each with a choice of field (never dropped silently).
        self.ignored_label = QLabel()
        self.ignored_label.setObjectName("import_ignored_label")
        self.ignored_label.setWordWrap(True)
        layout.addWidget(self.ignored_label)
        self.ignored_host = QWidget()
        self.ignored_form = QFormLayout(self.ignored_host)
        self.ignored_form.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.ignored_host)
        self.groups_as_products = QCheckBox(
            QCoreApplication.translate(
                "ImportDialog",
                "No product column: import each product &group as one product",
            )
        )
        self.groups_as_products.setObjectName("import_groups_as_products")
        self.groups_as_products.toggled.connect(self.completeChanged)
        layout.addWidget(self.groups_as_products)
        layout.addStretch(1)
        self._busy_widgets(layout)
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.combos: dict[str, QComboBox] = {}
        self.ignored_combos: dict[int, QComboBox] = {}
        self.source: SourceData | None = None
        self._refreshing = False

    def initializePage(self) -> None:
        """Override of QWizardPage.initializePage: read the file in the worker."""
        self.source = None
        self._clear_form()
        self._set_busy(True)
        path, kind, sheet = (
            self.source_page.path,
            self.source_page.kind,
            self.source_page.sheet,
        )
        self.runner.start(
            lambda tick: read_source(path, kind, sheet=sheet, progress=tick),
            self._loaded,
            self._failed,
            lambda n: self.busy_bar.setFormat(
                QCoreApplication.translate("ImportDialog", "Reading… %1 rows").replace("%1", str(n))
            ),
        )
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        """Override of QWizardPage.cleanupPage: going back cancels the reading."""
        self.runner.stop()
        super().cleanupPage()

    def _clear_form(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos.clear()
        self._clear_ignored()
        self.ignored_label.clear()
        self.groups_as_products.setVisible(False)
        self.groups_as_products.setChecked(False)

    def _clear_ignored(self) -> None:
        while self.ignored_form.rowCount():
            self.ignored_form.removeRow(0)
        self.ignored_combos.clear()

    def _field_label(self, key: str) -> str:
        for f in FIELDS[self.source.kind if self.source else "customers"]:
            if f.key == key:
                return QCoreApplication.translate("import", f.label)  # i18n: dynamic (field labels)
        return key

    def _refresh_extras(self) -> None:
        """List the columns no field takes (with a field choice each) and the group option."""
        source = self.mapped_source()
        if source is None or self._refreshing:
            return
        self._refreshing = True
        try:
            self._clear_ignored()
            headers = source.headers
            ignored = unmapped_column_indexes(source)
            free = [f for f in FIELDS[source.kind] if f.key not in source.mapping]
            if ignored and source.kind != "matrix":
                self.ignored_label.setText(
                    QCoreApplication.translate(
                        "ImportDialog",
                        "Columns not imported (choose a field to import one):",
                    )
                )
                for col in ignored:
                    combo = QComboBox()
                    combo.setObjectName(f"ignored_{col}")
                    combo.addItem(
                        QCoreApplication.translate("ImportDialog", "— not imported —"), None
                    )
                    for f in free:
                        combo.addItem(self._field_label(f.key), f.key)
                    combo.currentIndexChanged.connect(
                        lambda _i, c=col, box=combo: self._map_ignored(c, box.currentData())
                    )
                    name = headers[col]
                    label = f"{column_letter(col)}: {name}" if name else column_letter(col)
                    self.ignored_form.addRow(label, combo)
                    self.ignored_combos[col] = combo
            elif source.kind == "matrix":
                self.ignored_label.setText(
                    QCoreApplication.translate(
                        "ImportDialog",
                        "Other columns are read as products; totals and remarks are listed "
                        "in the preview.",
                    )
                )
            else:
                self.ignored_label.setText(
                    QCoreApplication.translate("ImportDialog", "Every column is imported.")
                )
            self.groups_as_products.setVisible(products_from_groups(source.kind, source.mapping))
        finally:
            self._refreshing = False

    def _map_ignored(self, col: int, key: str | None) -> None:
        if key is None or key not in self.combos:
            return
        self.combos[key].setCurrentIndex(col + 1)  # refreshes the list through the field combo

    def _loaded(self, source: object) -> None:
        assert isinstance(source, SourceData)
        self.source = source
        self._set_busy(False)
        table = source.table
        where = table.source + (f" [{table.sheet}]" if table.sheet else "")
        if table.stream is not None and table.stream_rows is None:
            # A large export, streamed: its rows are counted while the preview reads them.
            self.info.setText(
                QCoreApplication.translate(
                    "ImportDialog", "Header in row %1; %2 is read row by row."
                )
                .replace("%1", str(source.header_row + 1))
                .replace("%2", where)
            )
        else:
            self.info.setText(
                QCoreApplication.translate("ImportDialog", "Header in row %1; %2 rows in %3.")
                .replace("%1", str(source.header_row + 1))
                .replace("%2", str(max(0, table.row_count - source.header_row - 1)))
                .replace("%3", where)
            )
        if table.chosen_because:
            key = "sheet_chosen_chart" if table.chosen_because == "chart" else "sheet_chosen_empty"
            note = tr_message(
                key,
                {
                    "sheet": table.sheet,
                    "active": table.active_sheet,
                    "sheets": ", ".join(table.sheets),
                },
            )
            self.info.setText(
                self.info.text()
                + "\n"
                + note
                + " "
                + QCoreApplication.translate(
                    "ImportDialog", "Choose another sheet on the first page."
                )
            )
        headers = source.headers
        for f in FIELDS[source.kind]:
            combo = QComboBox()
            combo.setObjectName(f"map_{f.key}")
            combo.addItem(QCoreApplication.translate("ImportDialog", "— not imported —"), None)
            for i, h in enumerate(headers):
                combo.addItem(f"{column_letter(i)}: {h}" if h else column_letter(i), i)
            col = source.mapping.get(f.key)
            combo.setCurrentIndex(0 if col is None else col + 1)
            combo.currentIndexChanged.connect(self.completeChanged)
            # Later, not inside the signal: the refresh replaces the combo that may be emitting.
            combo.currentIndexChanged.connect(lambda _i: QTimer.singleShot(0, self._refresh_extras))
            label = QCoreApplication.translate("import", f.label)  # i18n: dynamic (field labels)
            label += " *" if f.required else ""
            self.form.addRow(label, combo)
            self.combos[f.key] = combo
        self._refresh_extras()
        self.completeChanged.emit()

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.error_label.setText(message)
        self.completeChanged.emit()

    def mapped_source(self) -> SourceData | None:
        if self.source is None:
            return None
        return self.source.with_mapping({k: c.currentData() for k, c in self.combos.items()})

    def isComplete(self) -> bool:
        """Override of QWizardPage.isComplete: the file is read and required fields mapped."""
        source = self.mapped_source()
        if source is None:
            return False
        try:
            check_mapping(source)
        except ImportFailure as exc:
            self.error_label.setText(tr_message(exc.key, exc.params))
            return False
        if products_from_groups(source.kind, source.mapping) and not (
            self.groups_as_products.isChecked()
        ):
            self.error_label.setText(
                QCoreApplication.translate(
                    "ImportDialog",
                    "There is no product column. Choose one above, or tick the box to import "
                    "each product group as one product.",
                )
            )
            return False
        self.error_label.clear()
        return True
