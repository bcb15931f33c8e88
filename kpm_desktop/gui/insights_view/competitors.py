"""The competitors tab of the insights view: competitor presence per product."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from kpm_desktop.domain.insights import UNNAMED_COMPETITOR
from kpm_desktop.gui.insights_view.common import TabMixin, _int, _money


class CompetitorsTab(TabMixin):
    """Fills the competitors tree and answers its clicks; part of ``InsightsView``."""

    competitor_tree: QTreeWidget

    def _show_competitors(self) -> None:
        assert self.insights is not None and self.ws is not None
        tree = self.competitor_tree
        tree.clear()
        for p in self.insights.competitors:
            name = (
                p.name
                if p.competitor_id != UNNAMED_COMPETITOR
                else QCoreApplication.translate("InsightsView", "(not named)")
            )
            item = QTreeWidgetItem(
                [
                    name,
                    _int(p.cells),
                    _int(len(p.customers)),
                    _int(len(p.products)),
                    _money(p.potential),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, list(p.customers))
            item.setToolTip(
                0,
                QCoreApplication.translate(
                    "InsightsView", "Click to show these customers in the matrix"
                ),
            )
            for k in range(1, 5):
                item.setTextAlignment(k, Qt.AlignmentFlag.AlignRight)
            for title, counts in (
                (QCoreApplication.translate("InsightsView", "By product group"), p.by_group),
                (QCoreApplication.translate("InsightsView", "By region"), p.by_region),
            ):
                none = QCoreApplication.translate("InsightsView", "(none)")
                parts = [f"{label or none}: {_int(k)}" for label, k in counts.items()]
                child = QTreeWidgetItem([f"{title}: " + ", ".join(parts)])
                child.setToolTip(0, child.text(0))
                item.addChild(child)
            tree.addTopLevelItem(item)
            for k in range(item.childCount()):
                spanned = item.child(k)
                if spanned is not None:
                    spanned.setFirstColumnSpanned(True)
        tree.expandAll()
        tree.resizeColumnToContents(0)

    def _competitor_activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        rows = item.data(0, Qt.ItemDataRole.UserRole)
        if rows is None:
            return
        self.rows_requested.emit(
            list(rows),
            QCoreApplication.translate("InsightsView", "customers of competitor %1").replace(
                "%1", item.text(0)
            ),
        )
