"""Plugs the side panel into the main window (listed in ``gui.extensions.EXTENSION_MODULES``).

* the dock follows the matrix's current cell and the open file;
* stale cells and due re-checks are drawn faded (the view's ``fade_mask`` hook);
* counts in the summaries and the status bar treat due "no need" re-checks as white spots
  (the model's count source);
* actions: show the panel, visit preparation, confirm selected cells as still true (the stale
  threshold and the no-need reasons are in the settings dialog).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from kpm_desktop.gui.actions import MenuId
from kpm_desktop.gui.side_panel.dock import SidePanelDock
from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.storage.errors import StorageError
from kpm_desktop.workspace.customer_commands import (
    CustomerData,
    confirm_cells,
    customer_data,
)
from kpm_desktop.workspace.workspace import Workspace


class _Glue:
    """Connections between the window, the open workspace and the dock."""

    def __init__(self, window) -> None:
        self.window = window
        self.data: CustomerData | None = None
        self.dock = SidePanelDock(None, window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.side_panel = self.dock
        window.view.fade_mask = self.fade_mask
        window.workspace_changed.connect(self.set_workspace)
        window.view.current_cell_changed.connect(self.current_cell)
        self.dock.panel.cell_requested.connect(self.go_to_cell)
        self.dock.panel.error.connect(
            lambda msg: window.show_error(
                QCoreApplication.translate("SidePanelExtension", "Change not saved"), msg
            )
        )
        self.set_workspace(window.workspace)

    # -- workspace and focus -----------------------------------------------------------------
    def set_workspace(self, ws: Workspace | None) -> None:
        if self.data is not None:
            self.data.ages_changed.disconnect(self.repaint)
            self.data.recount_needed.disconnect(self.window.model.refresh_counts)
        self.data = customer_data(ws) if ws is not None else None
        self.dock.set_workspace(ws)
        if self.data is not None:
            self.data.ages_changed.connect(self.repaint)
            self.data.recount_needed.connect(self.window.model.refresh_counts)
            self.window.model.set_count_source(self.data.effective_matrix)
        else:
            self.window.model.set_count_source(None)
        self.current_cell(*self._view_current())

    def _view_current(self) -> tuple[int, int]:
        index = self.window.view.currentIndex()
        return (index.row(), index.column()) if index.isValid() else (-1, -1)

    def current_cell(self, view_row: int, view_col: int) -> None:
        ws = self.window.workspace
        if ws is None:
            return
        model = self.window.model
        if not (0 <= view_row < model.rowCount() and 0 <= view_col < model.columnCount()):
            self.dock.set_current_cell(ws.current_customer, None)
            return
        m = ws.matrix
        self.dock.set_current_cell(
            m.customers[model.matrix_row(view_row)].id, m.products[model.matrix_col(view_col)].id
        )

    def go_to_cell(self, customer_id: int, product_id: int) -> None:
        """The panel picked a cell (visit preparation): show it in the matrix if visible."""
        ws = self.window.workspace
        if ws is None:
            return
        model = self.window.model
        r = ws.matrix.row_of.get(customer_id)
        c = ws.matrix.col_of.get(product_id)
        if r is None or c is None:
            return
        if model.view_row(r) < 0 and model.parent_row(r) >= 0:
            model.set_collapsed([model.parent_row(r)], False)  # a site folded away
        vr, vc = model.view_row(r), model.view_col(c)
        if vr >= 0 and vc >= 0:
            index = model.index(vr, vc)
            self.window.view.setCurrentIndex(index)
            self.window.view.scrollTo(index)

    def before_close(self) -> bool:
        """The file or window closes: save what was typed in the panel, or ask (close hook)."""
        ws, panel = self.window.workspace, self.dock.panel
        if ws is None or ws.read_only:
            return True
        unreadable = panel.unreadable_amounts()
        if unreadable:
            answer = QMessageBox.question(
                self.window,
                QCoreApplication.translate("SidePanelExtension", "Amount not saved"),
                QCoreApplication.translate(
                    "SidePanelExtension",
                    "The customer panel holds an amount that is not a number (%1); it cannot "
                    "be saved. Close anyway and drop it?",
                ).replace("%1", ", ".join(unreadable)),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                self.dock.show()
                self.dock.raise_()
                return False
        panel.commit_pending()
        return True

    # -- painting ----------------------------------------------------------------------------
    def fade_mask(self) -> bytearray | None:
        return self.data.stale_mask() if self.data is not None else None

    def faded(self, view_row: int, view_col: int) -> bool:
        """Is this view cell drawn faded (stale answer or due re-check)?"""
        mask = self.fade_mask()
        if mask is None:
            return False
        model = self.window.model
        return mask[model.rows[view_row] * model.matrix.n_cols + model.cols[view_col]] == 1

    def repaint(self) -> None:
        self.window.view.viewport().update()

    # -- actions -----------------------------------------------------------------------------
    def show_visit_preparation(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.dock.panel.show_tab(self.dock.panel.tab_visit)
        self.dock.panel.visit.tree.setFocus()

    def confirm_selection(self) -> None:
        ws = self.window.workspace
        if ws is None:
            return
        model = self.window.model
        keys = [
            ws.cell_key(model.matrix_row(i.row()), model.matrix_col(i.column()))
            for i in self.window.view.selectionModel().selectedIndexes()
        ]
        try:
            confirm_cells(ws, keys)
        except StorageError as exc:
            self.window.show_error(
                QCoreApplication.translate("SidePanelExtension", "Change not saved"),
                storage_text(exc),
            )


def install(window) -> None:
    """Add the side panel dock and its actions to the main window."""
    glue = _Glue(window)
    window.side_panel_glue = glue  # kept alive with the window
    window.close_hooks.append(glue.before_close)
    actions = window.action_registry
    toggle = glue.dock.toggleViewAction()
    toggle.setText(QCoreApplication.translate("SidePanelExtension", "Customer &panel"))
    actions.add(
        "view.side_panel", toggle.text(), menu=MenuId.VIEW, section="panels", shortcut="F9",
        action=toggle,
    )  # fmt: skip
    actions.add(
        "view.visit_preparation", QCoreApplication.translate("SidePanelExtension", "&Visit preparation"), glue.show_visit_preparation,
        menu=MenuId.VIEW, section="panels", shortcut="F8",
        tip=QCoreApplication.translate("SidePanelExtension", "What to ask and do at the current customer's next visit"),
    )  # fmt: skip
    confirm = actions.add(
        "mark.confirm", QCoreApplication.translate("SidePanelExtension", "&Confirm as still true"), glue.confirm_selection,
        menu=MenuId.MARK, section="confirm",
        tip=QCoreApplication.translate("SidePanelExtension", "The selected answers were checked again: only their verified date changes"),
    )  # fmt: skip
    window.context_menu_actions.append(confirm)

    def follow_file(ws) -> None:  # confirming writes: needs a writable file
        confirm.setEnabled(ws is not None and not ws.read_only)

    window.workspace_changed.connect(follow_file)
    follow_file(window.workspace)
