"""Menu entries for managing customers, products/groups and competitors (``EXTENSION_MODULES``)."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication

from kpm_desktop.gui.actions import MenuId


def install(window) -> None:
    """Add Data → Customers…, Products and groups…, Competitors… to the main window.

    The dialogs' modules are imported when a dialog is first opened (not on the start path).
    """

    def opener(module: str, name: str):
        def open_dialog() -> None:
            if window.workspace is None:
                return
            dialog_class = getattr(importlib.import_module(module), name)
            dialog = dialog_class(window.workspace, window)
            dialog.exec()
            dialog.deleteLater()

        return open_dialog

    entries = (
        ("manage.customers", QCoreApplication.translate("ManageActions", "&Customers…"), ("manage_customers", "ManageCustomersDialog"),
         QCoreApplication.translate("ManageActions", "Add, rename, edit, deactivate or delete customers")),
        ("manage.products", QCoreApplication.translate("ManageActions", "&Products and groups…"), ("manage_products", "ManageProductsDialog"),
         QCoreApplication.translate("ManageActions", "Add, edit, order, deactivate or delete products and product groups")),
        ("manage.competitors", QCoreApplication.translate("ManageActions", "C&ompetitors…"), ("manage_competitors", "ManageCompetitorsDialog"),
         QCoreApplication.translate("ManageActions", "Add, rename or delete competitors")),
    )  # fmt: skip
    actions = [
        window.action_registry.add(
            key,
            text,
            opener(f"kpm_desktop.gui.dialogs.{where[0]}", where[1]),
            menu=MenuId.DATA,
            section="manage",
            tip=tip,
        )
        for key, text, where, tip in entries
    ]

    def update(ws) -> None:
        for action in actions:
            action.setEnabled(ws is not None)

    window.workspace_changed.connect(update)
    update(window.workspace)
