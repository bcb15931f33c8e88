"""The Visit tab on a key account: its sites' ask-lists, one site after the other.

A key account's own row holds no marks (the matrix shows its sites' roll-up), so its own
visit preparation would be empty. Instead the tab lists every site with the questions of its
ask-list (``domain.trips.ask_list``: contracts ending, needs without goal, white spots, stale
answers); answers belong to a site, so activating a site or one of its questions (double
click or Enter) moves the matrix to that site (and product), where the Visit tab answers it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from kpm_desktop.domain.entities import Customer, stored_id
from kpm_desktop.domain.trips import Question
from kpm_desktop.import_export.trip_labels import question_text

CUSTOMER_ROLE = Qt.ItemDataRole.UserRole
PRODUCT_ROLE = Qt.ItemDataRole.UserRole + 1


class KeyAccountVisitView(QWidget):
    """Signals: ``cell_requested(customer id, product id or -1)``: go to that site (cell)."""

    cell_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("key_account_visit")
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("key_account_visit_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setAccessibleName(self.tr("Sites and their questions"))
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)

    def set_sites(
        self, key_account: Customer, sites: list[tuple[Customer, list[Question]]], lang: str
    ) -> None:
        """Show ``sites`` (each with its ask-list in asking order) of ``key_account``."""
        total = sum(len(qs) for _s, qs in sites)
        self.heading.setText(
            self.tr(
                "%1 is a key account: its marks belong to its %n site(s), so questions are "
                "asked and answered there. Double-click a site or a question (or press Enter) "
                "to open it.",
                "",
                len(sites),
            ).replace("%1", key_account.name)
            + "\n"
            + self.tr("%n open question(s) at the sites", "", total)
        )
        self.tree.clear()
        for site, questions in sites:
            place = " ".join(p for p in (site.postcode, site.city) if p)
            title = f"{site.name} ({place})" if place else site.name
            item = QTreeWidgetItem([title + " – " + self.tr("%n question(s)", "", len(questions))])
            item.setData(0, CUSTOMER_ROLE, stored_id(site))
            item.setData(0, PRODUCT_ROLE, -1)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            for q in questions:
                child = QTreeWidgetItem([question_text(q, lang)])
                child.setData(0, CUSTOMER_ROLE, stored_id(site))
                child.setData(0, PRODUCT_ROLE, stored_id(q.product))
                child.setToolTip(0, child.text(0))
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.cell_requested.emit(int(item.data(0, CUSTOMER_ROLE)), int(item.data(0, PRODUCT_ROLE)))
