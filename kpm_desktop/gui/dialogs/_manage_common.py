"""Shared bits of the management dialogs: confirmation, running a command, list buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.storage.errors import StorageError
from kpm_desktop.workspace.workspace import Workspace


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask before a destructive step (default answer: No)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def run_command(parent: QWidget, ws: Workspace, command: QUndoCommand) -> bool:
    """Push one undoable change; a storage failure is shown, the file stays unchanged."""
    try:
        ws.push(command)
    except Exception as exc:  # the transaction was rolled back; say why in one line
        if isinstance(exc, StorageError) and str(exc):
            text = storage_text(exc)  # already a user-facing sentence
        else:
            text = QCoreApplication.translate(
                "ManageDialogs",
                "The change could not be saved; the file is unchanged. Check the entry and try "
                "again. (Details: %1)",
            ).replace("%1", str(exc) or type(exc).__name__)
        QMessageBox.warning(
            parent, QCoreApplication.translate("ManageDialogs", "Change not saved"), text
        )
        return False
    return True


def button_column(parent: QWidget, *buttons: tuple[str, str, object]) -> tuple[QVBoxLayout, dict]:
    """A vertical column of buttons (object name, text, slot); returns layout and buttons."""
    layout = QVBoxLayout()
    out = {}
    for name, text, slot in buttons:
        button = QPushButton(text, parent)
        button.setObjectName(name)
        button.clicked.connect(slot)
        layout.addWidget(button)
        out[name] = button
    layout.addStretch(1)
    return layout, out


def name_taken(name: str, existing: list[str], *, except_name: str | None = None) -> bool:
    """Case-insensitive check (the file keeps group and competitor names unique)."""
    key = name.strip().casefold()
    return any(
        e.strip().casefold() == key
        for e in existing
        if except_name is None or e.strip().casefold() != except_name.strip().casefold()
    )


def setup_list_table(table: QTableView, widths: tuple[int, ...], on_activate) -> None:
    """One read-only row per entity: single row selection, no wrap, fixed column widths,
    double-click calls ``on_activate`` (shared by the management dialogs)."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        header.resizeSection(column, width)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.verticalHeader().hide()
    table.doubleClicked.connect(lambda _index: on_activate())
