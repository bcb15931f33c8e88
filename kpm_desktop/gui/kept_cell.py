"""The current cell across a model reset (a reload after a merge, its undo, a sync).

A reset clears the view's current index; the next mark key would then go to the top row,
and the side panel would lose its customer. ``cell_ids`` takes the current cell's customer
and product ids before the reset, ``restore_cell`` makes the same cell current afterwards
(when it is still shown).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView

from kpm_desktop.gui.matrix_model import MatrixModel


def cell_ids(view: QTableView, model: MatrixModel) -> tuple[int, int] | None:
    current = view.currentIndex()
    ws = model.workspace
    if not current.isValid() or ws is None:
        return None
    m = ws.matrix
    cid = m.customers[model.matrix_row(current.row())].id
    pid = m.products[model.matrix_col(current.column())].id
    return None if cid is None or pid is None else (cid, pid)


def restore_cell(view: QTableView, model: MatrixModel, ids: tuple[int, int] | None) -> None:
    ws = model.workspace
    if ids is None or ws is None or view.currentIndex().isValid():
        return
    r, c = ws.matrix.row_of.get(ids[0]), ws.matrix.col_of.get(ids[1])
    if r is None or c is None:
        return
    vr, vc = model.view_row(r), model.view_col(c)
    if vr >= 0 and vc >= 0:
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        view.selectionModel().setCurrentIndex(model.index(vr, vc), flags)
