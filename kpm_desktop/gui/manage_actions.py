"""Menu entries for managing customers, products/groups and competitors (``EXTENSION_MODULES``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kpm_desktop.gui.actions import MenuId


def install(window) -> None:
    """Add Data → Customers…, Products and groups…, Competitors… to the main window."""
    from kpm_desktop.gui.dialogs.manage_competitors import ManageCompetitorsDialog
    from kpm_desktop.gui.dialogs.manage_customers import ManageCustomersDialog
    from kpm_desktop.gui.dialogs.manage_products import ManageProductsDialog

    def opener(dialog_class):
        def open_dialog() -> None:
            if window.workspace is None:
                return
            dialog = dialog_class(window.workspace, window)
            dialog.exec()
            dialog.deleteLater()

        return open_dialog

    entries = (
        ("manage.customers", QCoreApplication.translate("ManageActions", "&Customers…"), ManageCustomersDialog,
         QCoreApplication.translate("ManageActions", "Add, rename, edit, deactivate or delete customers")),
        ("manage.products", QCoreApplication.translate("ManageActions", "&Products and groups…"), ManageProductsDialog,
         QCoreApplication.translate("ManageActions", "Add, edit, order, deactivate or delete products and product groups")),
        ("manage.competitors", QCoreApplication.translate("ManageActions", "C&ompetitors…"), ManageCompetitorsDialog,
         QCoreApplication.translate("ManageActions", "Add, rename or delete competitors")),
    )  # fmt: skip
    actions = [
        window.action_registry.add(
            key, text, opener(cls), menu=MenuId.DATA, section="manage", tip=tip
        )
        for key, text, cls, tip in entries
    ]

    def update(ws) -> None:
        for action in actions:
            action.setEnabled(ws is not None)

    window.workspace_changed.connect(update)
    update(window.workspace)
