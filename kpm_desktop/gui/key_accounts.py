"""Key accounts in the matrix window: View menu entries and feedback (``install(window)``).

The model (``MatrixModel``) shows each key account as a read-only row with its sites'
roll-up, followed by its sites unless collapsed; the view expands/collapses with "+"/"-"
or a click on the triangle in the customer header. This module adds the View menu entries
for all key accounts at once and explains a mark key pressed on a key account's row.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from kpm_desktop.gui.actions import MenuId

GROUPING = "view.key_accounts.grouping"
EXPAND_ALL = "view.key_accounts.expand_all"
COLLAPSE_ALL = "view.key_accounts.collapse_all"


class KeyAccountTexts(QObject):
    """Plural messages (lupdate finds ``%n`` plurals in ``self.tr`` calls)."""

    def collapsed(self, sites: dict, collapse: bool) -> str:
        if collapse:
            return self.tr("%n key account(s) collapsed", "", len(sites))
        return self.tr("%n key account(s) expanded", "", len(sites))


def refused_text() -> str:
    return QCoreApplication.translate(
        "KeyAccounts",
        "Marks belong to the sites: a key account's row shows their roll-up. "
        "Press + to expand it and mark a site.",
    )


def install(window) -> None:
    """Add View › Group Sites Under Key Accounts, Expand All, Collapse All."""
    model, view = window.model, window.view

    def set_grouping(checked: bool) -> None:
        model.set_grouping(checked)
        update()

    def fold_all(collapse: bool) -> None:
        col = max(0, view.currentIndex().column())
        current = view.currentIndex()
        group = -1
        if current.isValid():
            r = model.matrix_row(current.row())
            group = r if model.is_group(r) else model.parent_row(r)
        model.set_collapsed(None, collapse)
        if group >= 0 and collapse:
            vr = model.view_row(group)
            if vr >= 0:
                view.setCurrentIndex(model.index(vr, col))
        texts = KeyAccountTexts()
        text = texts.collapsed(model.key_accounts.sites, collapse)
        window.statusBar().showMessage(text, 4000)

    grouping = window.action_registry.add(
        GROUPING,
        QCoreApplication.translate("KeyAccounts", "Group Sites Under &Key Accounts"),
        set_grouping,
        menu=MenuId.VIEW,
        section="key_accounts",
        checkable=True,
        tip=QCoreApplication.translate(
            "KeyAccounts",
            "Show each key account as one row with its sites' roll-up, its sites below it",
        ),
    )
    grouping.setChecked(True)
    expand = window.action_registry.add(
        EXPAND_ALL,
        QCoreApplication.translate("KeyAccounts", "E&xpand All Key Accounts"),
        lambda: fold_all(False),
        menu=MenuId.VIEW,
        section="key_accounts",
        tip=QCoreApplication.translate("KeyAccounts", "Show the sites of every key account"),
    )
    collapse = window.action_registry.add(
        COLLAPSE_ALL,
        QCoreApplication.translate("KeyAccounts", "Collapse &All Key Accounts"),
        lambda: fold_all(True),
        menu=MenuId.VIEW,
        section="key_accounts",
        tip=QCoreApplication.translate(
            "KeyAccounts", "Show every key account as one row (its sites still count)"
        ),
    )

    def update(*_args) -> None:
        has = bool(model.key_accounts)
        grouping.setEnabled(has)
        expand.setEnabled(has and model.grouping_active)
        collapse.setEnabled(has and model.grouping_active)

    def refused() -> None:
        window.statusBar().showMessage(refused_text(), 8000)

    view.group_mark_refused.connect(refused)
    model.modelReset.connect(update)
    update()
