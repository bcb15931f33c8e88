"""File > Import…: a wizard over ``import_export`` (source, columns, preview, conflicts).

All logic lives in ``kpm_desktop.import_export``; this module only collects choices and shows
results. Reading the file and computing the plan run in a worker thread (with its own
read-only connection), so the window stays responsive and both can be cancelled. Applying
is one ``ImportCommand`` on the workspace: one transaction, one undo step, with a backup
taken just before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kpm_desktop.gui import folders
from kpm_desktop.gui.feedback import undo_key
from kpm_desktop.gui.palette import style_error_label
from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.import_export.mapping import FIELDS, products_from_groups
from kpm_desktop.import_export.messages import MESSAGES, ImportFailure
from kpm_desktop.import_export.plans import (
    ImportPlan,
    SourceData,
    Suggestion,
    Target,
    build_plan,
    check_mapping,
    column_letter,
    read_source,
    unmapped_column_indexes,
    write_problems_csv,
)
from kpm_desktop.import_export.xlsx_reader import sheet_names
from kpm_desktop.storage.errors import StorageError
from kpm_desktop.storage.repository import Repository
from kpm_desktop.workspace.import_command import ImportCommand
from kpm_desktop.workspace.workspace import Workspace

_log = logging.getLogger(__name__)
MAX_SHOWN = 2_000  # rows in the problem/conflict tables; the CSV has all of them


def tr_message(key: str, params: dict[str, Any]) -> str:
    """A message from ``import_export.messages`` in the UI language."""
    locale = QLocale()
    shown = {  # large counts and limits grouped the UI's way: 200.000 / 200,000
        k: locale.toString(v) if type(v) is int and abs(v) >= 10_000 else v
        for k, v in params.items()
    }
    return QCoreApplication.translate("import", MESSAGES[key]).format(**shown)  # i18n: dynamic


def kind_labels() -> dict[str, str]:
    return {
        "customers": QCoreApplication.translate("ImportDialog", "Customer list"),
        "products": QCoreApplication.translate("ImportDialog", "Product list"),
        "sales": QCoreApplication.translate(
            "ImportDialog", "Sales data (customer, product, revenue)"
        ),
        "matrix": QCoreApplication.translate(
            "ImportDialog", "Existing matrix sheet (letters or colours)"
        ),
        "kpm": QCoreApplication.translate("ImportDialog", "KPM Desktop export (XLSX)"),
    }


# -- worker --------------------------------------------------------------------------------
class _Worker(QObject):
    done = Signal(object)
    failed = Signal(str)
    progress = Signal(int)

    def __init__(self, fn: Callable[[Callable[[int], None]], object]) -> None:
        super().__init__()
        self._fn = fn
        self.cancelled = False

    def _tick(self, n: int) -> None:
        if self.cancelled:
            raise ImportFailure("cancelled")
        self.progress.emit(n)

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self._tick)
        except ImportFailure as exc:
            self.failed.emit(tr_message(exc.key, exc.params))
        except StorageError as exc:
            self.failed.emit(storage_text(exc))
        except Exception:  # shown to the user instead of dying silently in a thread
            _log.exception("import task failed")
            self.failed.emit(
                QCoreApplication.translate(
                    "ImportDialog",
                    "The file could not be read. Save it again as .xlsx or CSV and import that.",
                )
            )
        else:
            self.done.emit(result)


class TaskRunner(QObject):
    """Runs one function at a time in a worker thread; results come back on the GUI thread."""

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(
        self,
        fn: Callable[[Callable[[int], None]], object],
        on_done: Callable[[object], None],
        on_failed: Callable[[str], None],
        on_progress: Callable[[int], None] | None = None,
    ) -> None:
        self.stop()
        thread = QThread()
        worker = _Worker(fn)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.done.connect(on_done)
        worker.failed.connect(on_failed)
        if on_progress is not None:
            worker.progress.connect(on_progress)
        worker.done.connect(self._cleanup)
        worker.failed.connect(self._cleanup)
        self._thread, self._worker = thread, worker
        thread.start()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancelled = True

    def stop(self) -> None:
        """Cancel and wait for a running task (its result is dropped)."""
        if self._thread is None:
            return
        assert self._worker is not None
        self._worker.cancelled = True
        for signal in (self._worker.done, self._worker.failed, self._worker.progress):
            try:
                signal.disconnect()
            except (RuntimeError, TypeError):
                pass
        self._thread.quit()
        self._thread.wait()
        self._thread = self._worker = None

    @Slot()
    def _cleanup(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._thread = self._worker = None
        self.finished.emit()


# -- pages ---------------------------------------------------------------------------------
class SourcePage(QWizardPage):
    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__()
        self.wiz = wizard
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


class _BusyMixin:
    """A progress bar with a cancel button, and an error label, for pages waiting on a task."""

    def _busy_widgets(self, layout: QVBoxLayout) -> None:
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(True)
        self.cancel_button = QPushButton(QCoreApplication.translate("ImportDialog", "Cancel"))
        self.cancel_button.setObjectName("import_cancel_task")
        self.error_label = QLabel()
        self.error_label.setObjectName("import_error")
        self.error_label.setWordWrap(True)
        style_error_label(self.error_label)
        row = QHBoxLayout()
        row.addWidget(self.busy_bar, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addWidget(self.error_label)

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.error_label.clear()
            self.busy_bar.setFormat(QCoreApplication.translate("ImportDialog", "Reading…"))


class MappingPage(_BusyMixin, QWizardPage):
    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__()
        self.wiz = wizard
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
        self.cancel_button.clicked.connect(self.wiz.runner.cancel)
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
            self.wiz.source_page.path,
            self.wiz.source_page.kind,
            self.wiz.source_page.sheet,
        )
        self.wiz.runner.start(
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
        self.wiz.runner.stop()
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
        self.info.setText(
            QCoreApplication.translate("ImportDialog", "Header in row %1; %2 rows in %3.")
            .replace("%1", str(source.header_row + 1))
            .replace("%2", str(max(0, len(table.rows) - source.header_row - 1)))
            .replace("%3", table.source + (f" [{table.sheet}]" if table.sheet else ""))
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
                combo.addItem(f"{_column_letter(i)}: {h}" if h else _column_letter(i), i)
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


class PreviewPage(_BusyMixin, QWizardPage):
    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(QCoreApplication.translate("ImportDialog", "Preview"))
        self.setSubTitle(
            QCoreApplication.translate("ImportDialog", "Nothing has been written yet.")
        )
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.ignored = QLabel()
        self.ignored.setObjectName("import_ignored_columns")
        self.ignored.setWordWrap(True)
        layout.addWidget(self.ignored)
        self.problems = _table(
            [
                QCoreApplication.translate("ImportDialog", "Row"),
                QCoreApplication.translate("ImportDialog", "Column"),
                QCoreApplication.translate("ImportDialog", "Column name"),
                QCoreApplication.translate("ImportDialog", "Problem"),
            ]
        )
        self.problems.setObjectName("import_problems")
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "ImportDialog", "Problems (these rows or cells are skipped):"
                )
            )
        )
        layout.addWidget(self.problems, 2)
        self.save_button = QPushButton(
            QCoreApplication.translate("ImportDialog", "&Save problems as CSV…")
        )
        self.save_button.setObjectName("import_save_problems")
        self.save_button.clicked.connect(self.save_problems)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        # Shown only when the import has names resembling existing ones.
        self.suggestion_box = QWidget()
        box = QVBoxLayout(self.suggestion_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "ImportDialog", "Similar names (tick to treat as the existing one):"
                )
            )
        )
        self.suggestions = _table(
            [
                QCoreApplication.translate("ImportDialog", "Same"),
                QCoreApplication.translate("ImportDialog", "Row"),
                QCoreApplication.translate("ImportDialog", "Imported"),
                QCoreApplication.translate("ImportDialog", "Existing"),
                QCoreApplication.translate("ImportDialog", "Similarity"),
                QCoreApplication.translate("ImportDialog", "Would change"),
            ]
        )
        self.suggestions.setObjectName("import_suggestions")
        box.addWidget(self.suggestions, 1)
        self.recompute = QPushButton(
            QCoreApplication.translate("ImportDialog", "&Use ticked matches")
        )
        self.recompute.setObjectName("import_recompute")
        self.recompute.clicked.connect(self.compute)
        box.addWidget(self.recompute, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.suggestion_box, 1)
        # New customers named like existing ones: added only after the user has seen them.
        self.duplicate_box = QWidget()
        dbox = QVBoxLayout(self.duplicate_box)
        dbox.setContentsMargins(0, 0, 0, 0)
        dbox.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "ImportDialog",
                    "Possible duplicates (added as new customers; check they are different):",
                )
            )
        )
        self.duplicates = _table(
            [
                QCoreApplication.translate("ImportDialog", "Row"),
                QCoreApplication.translate("ImportDialog", "New customer"),
                QCoreApplication.translate("ImportDialog", "Existing customer"),
            ]
        )
        self.duplicates.setObjectName("import_duplicates")
        dbox.addWidget(self.duplicates, 1)
        layout.addWidget(self.duplicate_box, 1)
        self._busy_widgets(layout)
        self.cancel_button.clicked.connect(self.wiz.runner.cancel)
        self.plan: ImportPlan | None = None
        self.confirmed: dict[tuple[str, str], int] = {}
        # Ticked suggestions stay listed (ticked) after the plan is computed with them.
        self.ticked: dict[tuple[str, str], Suggestion] = {}
        self.shown: list[Suggestion] = []

    def initializePage(self) -> None:
        """Override of QWizardPage.initializePage: compute the plan in the worker."""
        self.confirmed = {}
        self.ticked = {}
        self.shown = []
        self.suggestions.setRowCount(0)
        self.compute()

    def cleanupPage(self) -> None:
        """Override of QWizardPage.cleanupPage."""
        self.wiz.runner.stop()
        super().cleanupPage()

    def compute(self) -> None:
        for row, suggestion in enumerate(self.shown):
            item = self.suggestions.item(row, 0)
            assert item is not None  # every row has its check item
            key = (suggestion.entity, suggestion.source_key)
            if item.checkState() == Qt.CheckState.Checked:
                self.confirmed[key] = suggestion.candidate_id
                self.ticked[key] = suggestion
            else:
                self.confirmed.pop(key, None)
                self.ticked.pop(key, None)
        source = self.wiz.mapping_page.mapped_source()
        assert source is not None
        path = self.wiz.workspace.path
        confirmed = dict(self.confirmed)

        def work(tick: Callable[[int], None]) -> ImportPlan:
            # Own read-only connection: SQLite connections belong to their thread.
            with Repository.open(path, read_only=True) as repo:
                return build_plan(
                    source, Target.from_repository(repo), confirmed=confirmed, progress=tick
                )

        self.plan = None
        self._set_busy(True)
        self.busy_bar.setFormat(
            QCoreApplication.translate("ImportDialog", "Comparing with the matrix…")
        )
        self.wiz.runner.start(work, self._computed, self._failed)
        self.completeChanged.emit()

    def _computed(self, plan: object) -> None:
        assert isinstance(plan, ImportPlan)
        self.plan = plan
        self._set_busy(False)
        summary = tr_message("summary", plan.summary())
        if plan.notes or plan.goals:
            summary += "\n" + QCoreApplication.translate(
                "ImportDialog", "Notes: %1 new; goals: %2 new"
            ).replace("%1", str(len(plan.notes))).replace("%2", str(len(plan.goals)))
        self.summary.setText(summary)
        self.problems.setRowCount(min(len(plan.problems), MAX_SHOWN))
        for i, p in enumerate(plan.problems[:MAX_SHOWN]):
            for j, value in enumerate(
                (p.row, p.column or "", p.column_name, tr_message(p.key, p.params))
            ):
                self.problems.setItem(i, j, QTableWidgetItem(str(value)))
        self.save_button.setEnabled(bool(plan.problems))
        if plan.ignored_columns:
            self.ignored.setText(
                QCoreApplication.translate("ImportDialog", "Columns not imported: %1").replace(
                    "%1", ", ".join(plan.ignored_columns)
                )
            )
        else:
            self.ignored.clear()
        self.ignored.setVisible(bool(plan.ignored_columns))
        self.shown = list(self.ticked.values()) + [
            s for s in plan.suggestions if (s.entity, s.source_key) not in self.ticked
        ]
        self.suggestions.setRowCount(len(self.shown))
        for i, s in enumerate(self.shown):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            ticked = (s.entity, s.source_key) in self.ticked
            check.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            check.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                QCoreApplication.translate("ImportDialog", "Treat as the existing one"),
            )
            self.suggestions.setItem(i, 0, check)
            self.suggestions.setItem(i, 1, QTableWidgetItem(str(s.rows[0])))
            self.suggestions.setItem(
                i, 2, QTableWidgetItem(_entity_text(s.source_name, s.source_number, s.source_city))
            )
            self.suggestions.setItem(
                i,
                3,
                QTableWidgetItem(
                    _entity_text(s.candidate_name, s.candidate_number, s.candidate_city)
                ),
            )
            self.suggestions.setItem(
                i, 4, QTableWidgetItem(QLocale().toString(100 * s.score, "f", 0) + " %")
            )
            self.suggestions.setItem(i, 5, QTableWidgetItem(_changes_text(s.changes)))
        self.suggestion_box.setVisible(bool(self.shown))
        shown = plan.duplicates[:MAX_SHOWN]
        self.duplicates.setRowCount(len(shown))
        for i, d in enumerate(shown):
            self.duplicates.setItem(i, 0, QTableWidgetItem(str(d.row)))
            self.duplicates.setItem(i, 1, QTableWidgetItem(_entity_text(d.name, d.number, d.city)))
            self.duplicates.setItem(
                i,
                2,
                QTableWidgetItem(_entity_text(d.existing_name, d.existing_number, d.existing_city)),
            )
        self.duplicate_box.setVisible(bool(plan.duplicates))
        self.completeChanged.emit()

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.error_label.setText(message)
        self.completeChanged.emit()

    def save_problems(self, path: str | None = None) -> Path | None:
        if self.plan is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("ImportDialog", "Save problems"),
                str(
                    folders.start_folder(self, folders.EXPORT)
                    / QCoreApplication.translate("ImportDialog", "problems.csv")
                ),
                QCoreApplication.translate("ImportDialog", "CSV files (*.csv)"),
            )
        if not path:
            return None
        header = (
            QCoreApplication.translate("ImportDialog", "Row"),
            QCoreApplication.translate("ImportDialog", "Column"),
            QCoreApplication.translate("ImportDialog", "Column name"),
            QCoreApplication.translate("ImportDialog", "Problem"),
        )
        translate = lambda text: QCoreApplication.translate("import", text)  # noqa: E731  # i18n: dynamic
        write_problems_csv(self.plan.problems, path, translate=translate, header=header)
        return Path(path)

    def isComplete(self) -> bool:
        """Override of QWizardPage.isComplete."""
        return self.plan is not None


class ConflictsPage(QWizardPage):
    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(QCoreApplication.translate("ImportDialog", "Conflicts"))
        self.setSubTitle(
            QCoreApplication.translate(
                "ImportDialog",
                "Cells where your matrix and the file disagree. Nothing is overwritten unless you say so.",
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
        row = QHBoxLayout()
        row.addWidget(self.keep_all)
        row.addWidget(self.take_all)
        row.addStretch(1)
        layout.addLayout(row)
        self.table = _table(
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
        plan = self.wiz.preview_page.plan
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
        if not count:
            status = QCoreApplication.translate("ImportDialog", "No conflicts.")
        self.status.setText(status)

    def _check_item(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, 0)
        assert item is not None  # every row has its check item
        return item

    def _set_all(self, take: bool) -> None:
        state = Qt.CheckState.Checked if take else Qt.CheckState.Unchecked
        for i in range(self.table.rowCount()):
            self._check_item(i).setCheckState(state)
        plan = self.wiz.preview_page.plan
        if plan is not None:
            plan.resolve_all(take)  # also the ones beyond the table's first rows

    def apply_choices(self, plan: ImportPlan) -> None:
        for i, conflict in enumerate(self.shown):
            item = self.table.item(i, 0)
            assert item is not None  # every row has its check item
            conflict.take = item.checkState() == Qt.CheckState.Checked


def _table(headers: list[str]) -> QTableWidget:
    """A read-only row table with the (already translated) column ``headers``."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    header = table.horizontalHeader()
    # Names wide enough to read (German headers are longer too); the last column takes the rest.
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    return table


def _column_letter(index: int) -> str:
    return column_letter(index)


def _entity_text(name: str, number: str, city: str) -> str:
    """'Name (no. 4711, Köln)' in the UI language; '–' for a missing number or city."""
    return (
        QCoreApplication.translate("ImportDialog", "%1 (no. %2, %3)")
        .replace("%1", name)
        .replace("%2", number or "–")
        .replace("%3", city or "–")
    )


def _changes_text(changes: list[tuple[str, str, str]]) -> str:
    labels = {
        "number": QCoreApplication.translate("ImportDialog", "Number"),
        "city": QCoreApplication.translate("ImportDialog", "City"),
        "postcode": QCoreApplication.translate("ImportDialog", "Postcode"),
        "segment": QCoreApplication.translate("ImportDialog", "Industry"),
        "region": QCoreApplication.translate("ImportDialog", "Region"),
        "owner": QCoreApplication.translate("ImportDialog", "Owner"),
        "abc_class": QCoreApplication.translate("ImportDialog", "ABC class"),
    }
    if not changes:
        return QCoreApplication.translate("ImportDialog", "nothing")
    return "; ".join(f"{labels.get(f, f)}: {old or '–'} → {new}" for f, old, new in changes)


class ImportDialog(QWizard):
    """The import wizard for one open workspace."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(QCoreApplication.translate("ImportDialog", "Import"))
        self.setObjectName("import_dialog")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(
            QWizard.WizardButton.FinishButton, QCoreApplication.translate("ImportDialog", "&Import")
        )
        self.runner = TaskRunner(self)
        self.source_page = SourcePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.conflicts_page = ConflictsPage(self)
        for page in (self.source_page, self.mapping_page, self.preview_page, self.conflicts_page):
            self.addPage(page)
        self.command: ImportCommand | None = None
        self.resize(960, 680)  # fits a 1366 x 768 laptop screen with the task bar

    def apply(self) -> bool:
        """Apply the plan as one undo step; False (dialog stays open) if it failed."""
        plan = self.preview_page.plan
        if plan is None:
            return False
        self.conflicts_page.apply_choices(plan)
        if plan.is_empty:
            return True
        total = len(plan.changes_to_write())
        progress = QProgressDialog(
            QCoreApplication.translate("ImportDialog", "Importing…"),
            QCoreApplication.translate("ImportDialog", "Cancel"),
            0,
            max(total, 1),
            self,
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def tick(done: int, _total: int) -> None:
            progress.setValue(done)
            QCoreApplication.processEvents()
            if progress.wasCanceled():
                raise ImportFailure("cancelled")

        command = ImportCommand(self.workspace, plan, progress=tick)
        try:
            self.workspace.push(command)
        except ImportFailure as exc:
            self.conflicts_page.status.setText(tr_message(exc.key, exc.params))
            return False
        except StorageError as exc:
            self.conflicts_page.status.setText(storage_text(exc))
            return False
        finally:
            progress.reset()
            progress.deleteLater()
        self.command = command
        return True

    def accept(self) -> None:
        """Override of QDialog.accept: apply first; stay open when that fails."""
        if self.apply():
            super().accept()

    def done(self, result: int) -> None:
        """Override of QDialog.done: never leave a worker thread running."""
        self.runner.stop()
        super().done(result)


def show_import_dialog(window: Any) -> ImportDialog | None:
    """File > Import…: open the wizard for the window's workspace (modeless)."""
    ws = window.workspace
    if ws is None or ws.read_only:
        return None
    dialog = ImportDialog(ws, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def done() -> None:
        if dialog.command is None:
            return  # nothing to import: the plan was empty
        window.statusBar().showMessage(
            QCoreApplication.translate("ImportDialog", "Imported %1 — %2 undoes the import")
            .replace("%1", dialog.source_page.path_edit.text())
            .replace("%2", undo_key()),
            10000,
        )

    dialog.accepted.connect(done)
    dialog.show()
    return dialog
