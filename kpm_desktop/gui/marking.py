"""Marking, copy and paste of the main window's matrix selection (and its context menu)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QLocale, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.gui.actions import ActionId, ActionRegistry
from kpm_desktop.gui.feedback import undo_key
from kpm_desktop.gui.main_actions import MARK_ACTIONS
from kpm_desktop.gui.matrix_model import MatrixModel
from kpm_desktop.gui.matrix_view import MatrixView
from kpm_desktop.gui.palette import mark_name
from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.storage.errors import StorageError
from kpm_desktop.workspace.workspace import Workspace

if TYPE_CHECKING:  # the mixin is only ever part of MainWindow (a QMainWindow)
    _WindowBase = QMainWindow
else:
    _WindowBase = object

# One cell costs ~80 µs to write with its history (M, 2-core machine): 50,000 cells are ~4 s
# in one transaction. Bigger blocks are refused with a message instead of freezing the window.
MAX_BULK_CELLS = 50_000
BUSY_CURSOR_CELLS = 2_000
MAX_COPY_CELLS = 1_000_000  # ~1 s to format; beyond that the export is the better tool


@contextmanager
def busy(on: bool = True) -> Iterator[None]:
    """A wait cursor around a long action on the main thread."""
    if on:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        if on:
            QApplication.restoreOverrideCursor()


class MarkingMixin(_WindowBase):
    """Mark, copy and paste the selection; part of ``MainWindow`` (needs its view/model)."""

    view: MatrixView
    model: MatrixModel
    workspace: Workspace | None
    action_registry: ActionRegistry
    context_menu_actions: list[QAction]

    show_error: Callable[[str, str], None]

    # -- marking ---------------------------------------------------------------------------
    def _selected_matrix_cells(self) -> list[tuple[int, int]]:
        """Selected cells as matrix (row, column); key accounts' rows (roll-ups) left out."""
        m = self.model
        return [
            (m.matrix_row(r), m.matrix_col(c))
            for r, c in self.view.selected_rect_cells()
            if not m.is_group_row(r)
        ]

    def mark_selection(self, code: int) -> bool:
        """Set one mark on every selected cell: one transaction, one undo step."""
        ws = self.workspace
        if ws is None or not self.model.rowCount() or not self.model.columnCount():
            return False
        size = self.view.selection_size()
        if size > MAX_BULK_CELLS:
            self.show_error(
                self.tr("Selection too large"),
                self.tr("%1 cells are selected; mark at most %2 cells at once.")
                .replace("%1", QLocale().toString(size))
                .replace("%2", QLocale().toString(MAX_BULK_CELLS)),
            )
            return False
        cells = self._selected_matrix_cells()
        if not cells:
            self.view.group_mark_refused.emit()
            return False
        mark = None if code == WHITE else Mark(code)
        try:
            with busy(len(cells) > BUSY_CURSOR_CELLS):
                changed = ws.set_marks(cells, mark)
        except StorageError as exc:
            self.show_error(self.tr("Nothing was changed"), storage_text(exc))
            return False
        if changed:
            # Two literal strings instead of %n: no plural catalogue needed in English.
            if len(cells) == 1:
                text = self.tr("1 cell marked %1 — %2 undoes")
            else:
                text = self.tr("%3 cells marked %1 — %2 undoes").replace(
                    "%3", QLocale().toString(len(cells))
                )
            self.statusBar().showMessage(
                text.replace("%1", mark_name(code)).replace("%2", undo_key()), 6000
            )
        return changed

    def copy_selection(self) -> bool:
        """Copy the selected block as tab-separated letters (X, W, B, K, empty)."""
        ranges = list(self.view.selectionModel().selection())  # type: ignore[call-overload]  # PySide6's QItemSelection iterates; its stubs lack __iter__
        if len(ranges) > 1:
            self.statusBar().showMessage(
                self.tr("Copy works on one rectangular block; select one block."), 5000
            )
            return False
        if ranges:
            rng = ranges[0]
            rows, cols = range(rng.top(), rng.bottom() + 1), range(rng.left(), rng.right() + 1)
        else:
            current = self.view.currentIndex()
            if not current.isValid():
                return False
            rows, cols = (
                range(current.row(), current.row() + 1),
                range(current.column(), current.column() + 1),
            )
        if len(rows) * len(cols) > MAX_COPY_CELLS:
            self.show_error(
                self.tr("Selection too large"),
                self.tr("Copy at most %1 cells at once; for more, use File › Export.").replace(
                    "%1", QLocale().toString(MAX_COPY_CELLS)
                ),
            )
            return False
        from kpm_desktop.gui.clipboard import format_block  # on first use (start-up, issue 20)

        code_at = self.model.code_at
        with busy(len(rows) * len(cols) > 50 * BUSY_CURSOR_CELLS):
            text = format_block([[code_at(r, c) for c in cols] for r in rows])
        QGuiApplication.clipboard().setText(text)
        self.statusBar().showMessage(
            self.tr("Copied %1 × %2 marks")
            .replace("%1", str(len(rows)))
            .replace("%2", str(len(cols))),
            3000,
        )
        return True

    def paste(self, text: str | None = None) -> bool:
        """Paste a TSV block at the selection's top-left cell: all or nothing, one undo step.

        A single mark pasted onto a larger selection fills the selection.
        """
        ws = self.workspace
        if ws is None:
            return False
        from kpm_desktop.gui.clipboard import BlockError, parse_block  # on first use

        if text is None:
            text = QGuiApplication.clipboard().text()
        try:
            block = parse_block(text)
        except BlockError as exc:
            self.show_error(self.tr("Nothing was pasted"), exc.message)
            return False
        anchor = self.view.anchor()
        if anchor is None:
            self.show_error(self.tr("Nothing was pasted"), self.tr("Select a cell to paste into."))
            return False
        m = self.model
        if len(block) == 1 and len(block[0]) == 1 and self.view.selection_size() > 1:
            mark = block[0][0]
            return self.mark_selection(WHITE if mark is None else int(mark))
        top, left = anchor.y(), anchor.x()
        height, width = len(block), len(block[0])
        if top + height > m.rowCount() or left + width > m.columnCount():
            self.show_error(
                self.tr("Nothing was pasted"),
                self.tr(
                    "The block is %1 × %2 (rows × columns); from the selected cell there is "
                    "room for %3 × %4."
                )
                .replace("%1", str(height))
                .replace("%2", str(width))
                .replace("%3", str(m.rowCount() - top))
                .replace("%4", str(m.columnCount() - left)),
            )
            return False
        if height * width > MAX_BULK_CELLS:
            self.show_error(
                self.tr("Nothing was pasted"),
                self.tr(
                    "The block has %1 cells; paste at most %2 at once. Split it, or use "
                    "File › Import for a whole matrix."
                )
                .replace("%1", QLocale().toString(height * width))
                .replace("%2", QLocale().toString(MAX_BULK_CELLS)),
            )
            return False
        if any(m.is_group_row(top + i) for i in range(height)):
            self.show_error(
                self.tr("Nothing was pasted"),
                self.tr(
                    "The block covers a key account's row, which shows its sites' roll-up. "
                    "Paste onto the sites' rows (expand the key account with +)."
                ),
            )
            return False
        edits = [
            (m.matrix_row(top + i), m.matrix_col(left + j), mark)
            for i, row in enumerate(block)
            for j, mark in enumerate(row)
        ]
        try:
            with busy(len(edits) > BUSY_CURSOR_CELLS):
                ws.set_mark_block(edits)
        except StorageError as exc:
            self.show_error(self.tr("Nothing was pasted"), storage_text(exc))
            return False
        self.view.selectionModel().select(
            QItemSelection(m.index(top, left), m.index(top + height - 1, left + width - 1)),
            QItemSelectionModel.SelectionFlag.ClearAndSelect,
        )
        self.statusBar().showMessage(
            self.tr("Pasted %1 × %2 marks — %3 undoes")
            .replace("%1", str(height))
            .replace("%2", str(width))
            .replace("%3", undo_key()),
            6000,
        )
        return True

    def _show_context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for key, _, _ in MARK_ACTIONS:
            menu.addAction(self.action_registry[key])
        menu.addSeparator()
        menu.addAction(self.action_registry[ActionId.COPY])
        menu.addAction(self.action_registry[ActionId.PASTE])
        if self.context_menu_actions:
            menu.addSeparator()
            for act in self.context_menu_actions:
                menu.addAction(act)
        menu.exec(self.view.viewport().mapToGlobal(pos))
