"""The import wizard's preview page: the plan's summary, problems and similar names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kpm_desktop.gui import folders
from kpm_desktop.gui.dialogs.import_common import (
    MAX_SHOWN,
    BusyMixin,
    changes_text,
    entity_text,
    make_table,
    tr_message,
)
from kpm_desktop.import_export.plans import (
    ImportPlan,
    Suggestion,
    Target,
    build_plan,
    write_problems_csv,
)
from kpm_desktop.storage.repository import Repository

if TYPE_CHECKING:
    from kpm_desktop.gui.dialogs.import_source import MappingPage
    from kpm_desktop.gui.dialogs.import_worker import TaskRunner
    from kpm_desktop.workspace.workspace import Workspace


class PreviewPage(BusyMixin, QWizardPage):
    def __init__(self, runner: TaskRunner, mapping_page: MappingPage, workspace: Workspace) -> None:
        super().__init__()
        self.runner = runner
        self.mapping_page = mapping_page
        self.workspace = workspace
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
        self.problems = make_table(
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
        self.suggestions = make_table(
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
        self.duplicates = make_table(
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
        self.cancel_button.clicked.connect(self.runner.cancel)
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
        self.runner.stop()
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
        source = self.mapping_page.mapped_source()
        assert source is not None
        path = self.workspace.path
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
        self.runner.start(work, self._computed, self._failed)
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
                (p.row_label, p.column or "", p.column_name, tr_message(p.key, p.params))
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
                i, 2, QTableWidgetItem(entity_text(s.source_name, s.source_number, s.source_city))
            )
            self.suggestions.setItem(
                i,
                3,
                QTableWidgetItem(
                    entity_text(s.candidate_name, s.candidate_number, s.candidate_city)
                ),
            )
            self.suggestions.setItem(
                i, 4, QTableWidgetItem(QLocale().toString(100 * s.score, "f", 0) + " %")
            )
            self.suggestions.setItem(i, 5, QTableWidgetItem(changes_text(s.changes)))
        self.suggestion_box.setVisible(bool(self.shown))
        shown = plan.duplicates[:MAX_SHOWN]
        self.duplicates.setRowCount(len(shown))
        for i, d in enumerate(shown):
            self.duplicates.setItem(i, 0, QTableWidgetItem(str(d.row)))
            self.duplicates.setItem(i, 1, QTableWidgetItem(entity_text(d.name, d.number, d.city)))
            self.duplicates.setItem(
                i,
                2,
                QTableWidgetItem(entity_text(d.existing_name, d.existing_number, d.existing_city)),
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
