"""The snapshot diff: what changed since a snapshot (or a date) until now or a later snapshot.

Shown as a matrix of the customers and products that changed; a changed cell is highlighted
and reads "before → after", every other cell shows its current mark. Exported to XLSX with
the same layout. The diff compares states (``domain.history_diff``), so an edit that was
undone is not a change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.entities import stored_id
from kpm_desktop.domain.history_diff import CellDiff, HistoryDiff, diff_keyed
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.gui import folders
from kpm_desktop.gui.feedback import os_error_message
from kpm_desktop.gui.palette import LIGHT, mark_name, ui_colors
from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.storage import history
from kpm_desktop.storage.errors import StorageError
from kpm_desktop.workspace.workspace import Workspace

DISPLAY = Qt.ItemDataRole.DisplayRole
CHANGED = LIGHT.changed
CHANGED_ROLE = Qt.ItemDataRole.UserRole + 2


def _letter(code: int) -> str:
    return "–" if code == WHITE else Mark(code).letter


class DiffMatrixModel(QAbstractTableModel):
    """Customers x products that changed; changed cells carry their CellDiff."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.matrix: Matrix | None = None
        self.rows: list[int] = []
        self.cols: list[int] = []
        self.changed: dict[tuple[int, int], CellDiff] = {}
        self.per_row: dict[int, int] = {}  # changed cells per customer (matrix row)
        self._brush = QBrush(ui_colors().changed)

    def set_diff(self, matrix: Matrix | None, diff: HistoryDiff | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.changed = {}
        if matrix is not None and diff is not None:
            for d in diff.changes:
                r, c = matrix.row_of.get(d.customer_id), matrix.col_of.get(d.product_id)
                if r is not None and c is not None:
                    self.changed[(r, c)] = d
        self.rows = sorted({r for r, _ in self.changed})
        self.cols = sorted({c for _, c in self.changed})
        self.per_row = {r: 0 for r in self.rows}
        for r, _ in self.changed:
            self.per_row[r] += 1
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Override of QAbstractItemModel.rowCount."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Override of QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else len(self.cols)

    def cell(self, index: QModelIndex | QPersistentModelIndex) -> tuple[int, int]:
        return self.rows[index.row()], self.cols[index.column()]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY):
        """Override of QAbstractItemModel.data."""
        if not index.isValid() or self.matrix is None:
            return None
        key = self.cell(index)
        d = self.changed.get(key)
        if role == DISPLAY:
            if d is not None:
                return f"{_letter(d.old)} → {_letter(d.new)}"
            return _letter(self.matrix.code(*key)) if self.matrix.code(*key) else ""
        if role == Qt.ItemDataRole.BackgroundRole and d is not None:
            return self._brush
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            m = self.matrix
            where = f"{m.customers[key[0]].name} · {m.products[key[1]].name}"
            if d is None:
                return (
                    where
                    + "\n"
                    + QCoreApplication.translate("SnapshotDiff", "Unchanged: %1").replace(
                        "%1", mark_name(m.code(*key))
                    )
                )
            return (
                where
                + "\n"
                + QCoreApplication.translate("SnapshotDiff", "Changed: %1 → %2")
                .replace("%1", mark_name(d.old))
                .replace("%2", mark_name(d.new))
            )
        if role == CHANGED_ROLE:
            return d is not None
        if role == Qt.ItemDataRole.AccessibleTextRole and d is not None:
            return (
                QCoreApplication.translate("SnapshotDiff", "Changed: %1 → %2")
                .replace("%1", mark_name(d.old))
                .replace("%2", mark_name(d.new))
            )
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        """Override of QAbstractItemModel.headerData."""
        if role != DISPLAY or self.matrix is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            row = self.rows[section]
            return f"{self.matrix.customers[row].name} ({self.per_row[row]})"
        return self.matrix.products[self.cols[section]].name


class SnapshotDiffView(QWidget):
    """Choose a start (snapshot or date) and an end (now or snapshot); see and export the diff.

    Signals:
        cell_requested: (matrix row, matrix column) to make current in the matrix.
    """

    cell_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snapshot_diff")
        self.ws: Workspace | None = None
        self.rows: list[int] | None = None  # customers the matrix shows (for "only shown")
        self.diff: HistoryDiff | None = None
        self.period_text = ""

        self.start = QComboBox(self)
        self.start.setObjectName("diff_start")
        self.start.setAccessibleName(QCoreApplication.translate("SnapshotDiff", "Compare from"))
        self.start_date = QDateEdit(self)
        self.start_date.setObjectName("diff_start_date")
        self.start_date.setCalendarPopup(True)
        self.start_date.setDate(QDate.currentDate().addMonths(-1))
        self.end = QComboBox(self)
        self.end.setObjectName("diff_end")
        self.end.setAccessibleName(QCoreApplication.translate("SnapshotDiff", "Compare to"))
        self.only_shown = QCheckBox(
            QCoreApplication.translate("SnapshotDiff", "Only customers shown in the matrix"), self
        )
        self.only_shown.setObjectName("diff_only_shown")
        self.take = QPushButton(QCoreApplication.translate("SnapshotDiff", "Take snapshot…"), self)
        self.take.setObjectName("diff_take_snapshot")
        self.delete = QPushButton(
            QCoreApplication.translate("SnapshotDiff", "Delete snapshot…"), self
        )
        self.delete.setObjectName("diff_delete_snapshot")
        self.delete.setToolTip(
            QCoreApplication.translate(
                "SnapshotDiff", "Remove the chosen start snapshot (only its name; no data is lost)"
            )
        )
        self.export = QPushButton(QCoreApplication.translate("SnapshotDiff", "Export XLSX…"), self)
        self.export.setObjectName("diff_export")
        self.summary = QLabel(self)
        self.summary.setObjectName("diff_summary")
        self.summary.setWordWrap(True)
        self.model = DiffMatrixModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("diff_table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setDefaultSectionSize(92)
        self.table.clicked.connect(self._clicked)

        top = QHBoxLayout()
        top.addWidget(QLabel(QCoreApplication.translate("SnapshotDiff", "From:"), self))
        top.addWidget(self.start, 1)
        top.addWidget(self.start_date)
        top.addWidget(QLabel(QCoreApplication.translate("SnapshotDiff", "To:"), self))
        top.addWidget(self.end, 1)
        second = QHBoxLayout()
        second.addWidget(self.only_shown)
        second.addStretch(1)
        second.addWidget(self.take)
        second.addWidget(self.delete)
        second.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

        for w in (self.start, self.end):
            w.currentIndexChanged.connect(self.refresh)
        self.start_date.dateChanged.connect(self.refresh)
        self.only_shown.toggled.connect(self.refresh)
        self.export.clicked.connect(self._export_dialog)
        self.delete.clicked.connect(self._delete_dialog)

    def set_workspace(self, ws: Workspace | None) -> None:
        self.ws = ws
        self.fill_snapshots()

    def fill_snapshots(self, select: int | None = None) -> None:
        """Refill both choosers from the file's snapshots (newest preselected as start)."""
        for w in (self.start, self.end):
            w.blockSignals(True)
            w.clear()
        snaps = history.list_snapshots(self.ws.repo) if self.ws is not None else []
        for s in snaps:
            stamp = QDateTime.fromSecsSinceEpoch(int(s.created_at.timestamp()))
            text = f"{s.label} ({QLocale().toString(stamp, QLocale.FormatType.ShortFormat)})"
            self.start.addItem(text, s.id)
            self.end.addItem(text, s.id)
        self.start.addItem(QCoreApplication.translate("SnapshotDiff", "A date…"), "date")
        self.end.addItem(QCoreApplication.translate("SnapshotDiff", "Now"), "now")
        index = self.start.findData(select) if select is not None else len(snaps) - 1
        self.start.setCurrentIndex(max(0, index))
        self.end.setCurrentIndex(self.end.count() - 1)
        for w in (self.start, self.end):
            w.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        ws = self.ws
        self.start_date.setVisible(self.start.currentData() == "date")
        self.take.setEnabled(ws is not None and not ws.read_only)
        self.delete.setEnabled(
            ws is not None and not ws.read_only and isinstance(self.start.currentData(), int)
        )
        if ws is None:
            self.diff = None
            self.model.set_diff(None, None)
            self.summary.setText(QCoreApplication.translate("SnapshotDiff", "No file open"))
            self.export.setEnabled(False)
            return
        repo = ws.repo
        start, end = self.start.currentData(), self.end.currentData()
        end_snap = history.get_snapshot(repo, end) if end != "now" else None
        if start == "date":
            day: date = self.start_date.date().toPython()  # type: ignore[assignment]  # PySide6 stubs: toPython() -> object
            moment = datetime.combine(day, time(0)).astimezone()
            rows = history.keyed_history_between_times(
                repo,
                moment.astimezone(UTC),
                upto_id=end_snap.history_id if end_snap else None,  # up to the snapshot
            )
            start_text = QLocale().toString(self.start_date.date(), QLocale.FormatType.ShortFormat)
        else:
            snap = history.get_snapshot(repo, start)
            upto = end_snap.history_id if end_snap else None
            after = snap.history_id
            if upto is not None and upto < after:
                after, upto = upto, after
            rows = history.keyed_history_between_ids(repo, after, upto)
            start_text = snap.label
        end_text = end_snap.label if end_snap else QCoreApplication.translate("SnapshotDiff", "now")
        ids: set[int] | None = None
        if self.only_shown.isChecked() and self.rows is not None:
            ids = {stored_id(ws.matrix.customers[i]) for i in self.rows}
        self.diff = diff_keyed(rows, ids)
        self.period_text = f"{start_text} → {end_text}"
        self.model.set_diff(ws.matrix, self.diff)
        d = self.diff
        parts = [
            f"{mark_name(old)} → {mark_name(new)}: {k}" for (old, new), k in d.transitions.items()
        ]
        self.summary.setText(
            QCoreApplication.translate(
                "SnapshotDiff", "%1: %2 cells changed at %3 customers (%4 edits in the period). %5"
            )
            .replace("%1", self.period_text)
            .replace("%2", str(d.changed))
            .replace("%3", str(len(d.per_customer)))
            .replace("%4", str(d.edits))
            .replace("%5", " · ".join(parts))
        )
        self.export.setEnabled(bool(d.changes))

    def take_snapshot(self, label: str) -> history.Snapshot:
        assert self.ws is not None
        snap = history.create_snapshot(self.ws.repo, label, matrix=self.ws.matrix)
        self.fill_snapshots(select=snap.id)
        return snap

    def delete_start_snapshot(self) -> history.Snapshot | None:
        """Delete the snapshot chosen as start (its label only; the history is untouched)."""
        snap_id = self.start.currentData()
        if self.ws is None or not isinstance(snap_id, int):
            return None
        snap = history.delete_snapshot(self.ws.repo, snap_id)
        self.fill_snapshots()
        return snap

    def _delete_dialog(self) -> None:
        if not isinstance(self.start.currentData(), int):
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("SnapshotDiff", "Delete snapshot"),
            QCoreApplication.translate(
                "SnapshotDiff", "Delete the snapshot “%1”? The marks and their history stay."
            ).replace("%1", self.start.currentText()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self.delete_start_snapshot()
            except StorageError as exc:
                QMessageBox.warning(
                    self,
                    QCoreApplication.translate("SnapshotDiff", "Nothing was deleted"),
                    storage_text(exc),
                )

    def export_to(self, path: Path) -> Path:
        from kpm_desktop.gui.i18n import current_language
        from kpm_desktop.import_export.insights_xlsx import write_diff_xlsx

        assert self.ws is not None and self.diff is not None
        return write_diff_xlsx(
            path, self.ws.matrix, self.diff, title=self.period_text, language=current_language()
        )

    def _export_dialog(self) -> None:
        if self.ws is None or self.diff is None:
            return
        suggestion = folders.start_folder(self, folders.EXPORT) / (
            self.ws.path.stem + "-changes.xlsx"
        )
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("SnapshotDiff", "Export changes"),
            str(suggestion),
            QCoreApplication.translate("SnapshotDiff", "Excel workbook (*.xlsx)"),
        )
        if path:
            folders.remember(self, folders.EXPORT, path)
            try:
                self.export_to(Path(path))
            except OSError as exc:
                QMessageBox.warning(
                    self,
                    QCoreApplication.translate("SnapshotDiff", "Export failed"),
                    os_error_message(exc),
                )

    def _clicked(self, index: QModelIndex) -> None:
        r, c = self.model.cell(index)
        self.cell_requested.emit(r, c)


class SnapshotDiffDialog(QDialog):
    """A non-modal window around :class:`SnapshotDiffView`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snapshot_diff_dialog")
        self.setWindowTitle(QCoreApplication.translate("SnapshotDiff", "Changes since a snapshot"))
        self.view = SnapshotDiffView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.view)
        self.resize(900, 560)
