"""File > Import…: installs the import wizard into the main window (see ``gui.extensions``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kpm_desktop.gui.actions import MenuId

if TYPE_CHECKING:
    from kpm_desktop.gui.main_window import MainWindow

IMPORT_ACTION = "file.import"


def _show_import_dialog(window: MainWindow) -> None:
    from kpm_desktop.gui.dialogs.import_dialog import show_import_dialog  # on first use

    show_import_dialog(window)


def install(window: MainWindow) -> None:
    action = window.action_registry.add(
        IMPORT_ACTION,
        QCoreApplication.translate("ImportMenu", "&Import…"),
        lambda: _show_import_dialog(window),
        menu=MenuId.FILE,
        section="import",
        shortcut="Ctrl+I",
        tip=QCoreApplication.translate(
            "ImportMenu", "Import customers, products, sales or an Excel matrix"
        ),
    )

    def update(ws: object) -> None:
        action.setEnabled(ws is not None and not getattr(ws, "read_only", True))

    window.workspace_changed.connect(update)
    update(window.workspace)
