"""Manage the competitor list: add, rename, delete (each one undo step)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.entities import Competitor
from kpm_desktop.gui.dialogs._manage_common import button_column, confirm, name_taken, run_command
from kpm_desktop.workspace.commands import (
    AddCompetitorCommand,
    DeleteCompetitorCommand,
    RenameCompetitorCommand,
)
from kpm_desktop.workspace.workspace import Workspace

_ID_ROLE = Qt.ItemDataRole.UserRole


class ManageCompetitorsDialog(QDialog):
    """The competitors that competitor cells can name."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setObjectName("manage_competitors")
        self.setWindowTitle(QCoreApplication.translate("ManageCompetitors", "Competitors"))
        self.list = QListWidget(self)
        self.list.setObjectName("competitor_list")
        self.list.setAccessibleName(QCoreApplication.translate("ManageCompetitors", "Competitors"))
        self.list.itemDoubleClicked.connect(lambda _item: self.rename_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        buttons, self.buttons = button_column(
            self,
            (
                "competitor_add",
                QCoreApplication.translate("ManageCompetitors", "&Add…"),
                lambda: self.add(),
            ),
            (
                "competitor_rename",
                QCoreApplication.translate("ManageCompetitors", "&Rename…"),
                lambda: self.rename_selected(),
            ),
            (
                "competitor_delete",
                QCoreApplication.translate("ManageCompetitors", "&Delete…"),
                lambda: self.delete_selected(),
            ),
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "ManageCompetitors", "Competitor cells (W) can name one of these competitors."
                ),
                self,
            )
        )
        layout.addLayout(row)
        layout.addWidget(close)
        ws.competitors_changed.connect(self.refresh)
        self.refresh()
        self.resize(420, 360)

    def refresh(self) -> None:
        current = self.current()
        self.list.clear()
        for comp in sorted(self.ws.competitors().values(), key=lambda c: c.name.casefold()):
            item = QListWidgetItem(comp.name)
            item.setData(_ID_ROLE, comp.id)
            self.list.addItem(item)
            if current is not None and comp.id == current.id:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def current(self) -> Competitor | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return self.ws.competitors().get(item.data(_ID_ROLE))

    def _update_buttons(self) -> None:
        has = self.current() is not None
        writable = not self.ws.read_only
        self.buttons["competitor_add"].setEnabled(writable)
        self.buttons["competitor_rename"].setEnabled(has and writable)
        self.buttons["competitor_delete"].setEnabled(has and writable)

    def _names(self) -> list[str]:
        return [c.name for c in self.ws.competitors().values()]

    def _valid(self, name: str, except_name: str | None = None) -> bool:
        if not name.strip():
            return False
        if name_taken(name, self._names(), except_name=except_name):
            QMessageBox.information(
                self,
                QCoreApplication.translate("ManageCompetitors", "Competitors"),
                QCoreApplication.translate(
                    "ManageCompetitors", "A competitor named “%1” exists already."
                ).replace("%1", name.strip()),
            )
            return False
        return True

    def add(self, name: str | None = None) -> bool:
        """Add a competitor (asks for the name unless given)."""
        if name is None:
            name, ok = QInputDialog.getText(
                self,
                QCoreApplication.translate("ManageCompetitors", "Add competitor"),
                QCoreApplication.translate("ManageCompetitors", "Name:"),
            )
            if not ok:
                return False
        if not self._valid(name):
            return False
        return run_command(self, self.ws, AddCompetitorCommand(self.ws, name.strip()))

    def rename_selected(self, name: str | None = None) -> bool:
        comp = self.current()
        if comp is None or comp.id is None:
            return False
        if name is None:
            name, ok = QInputDialog.getText(
                self,
                QCoreApplication.translate("ManageCompetitors", "Rename competitor"),
                QCoreApplication.translate("ManageCompetitors", "New name:"),
                text=comp.name,
            )
            if not ok:
                return False
        if name.strip() == comp.name or not self._valid(name, except_name=comp.name):
            return False
        return run_command(self, self.ws, RenameCompetitorCommand(self.ws, comp.id, name.strip()))

    def delete_selected(self) -> bool:
        comp = self.current()
        if comp is None:
            return False
        if not confirm(
            self,
            QCoreApplication.translate("ManageCompetitors", "Delete competitor"),
            QCoreApplication.translate(
                "ManageCompetitors",
                "Delete “%1”? Competitor cells that name it stay competitor cells without a "
                "name. You can undo this.",
            ).replace("%1", comp.name),
        ):
            return False
        return run_command(self, self.ws, DeleteCompetitorCommand(self.ws, comp))
