"""The 'where to go next' tab of the insights view: customers ranked by open value with reasons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from kpm_desktop.domain.insights import NextStep
from kpm_desktop.domain.lookalike import LookAlike
from kpm_desktop.gui.insights_view.common import TabMixin, _int, _money, reason_text


class NextStepsTab(TabMixin):
    """Fills the next-steps tree with reasons and hints; part of ``InsightsView``."""

    next_tree: QTreeWidget
    _lookalike: LookAlike | None

    def _show_next(self) -> None:
        assert self.insights is not None and self.ws is not None
        m = self.ws.matrix
        names = [p.name for p in m.products]
        tree = self.next_tree
        tree.clear()
        for rank, step in enumerate(self.insights.next_steps, start=1):
            c = m.customers[step.row]
            item = QTreeWidgetItem([f"{rank}. {c.name}", _money(step.value)])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            item.setData(0, Qt.ItemDataRole.UserRole, step.row)
            for reason in step.reasons:
                child = QTreeWidgetItem([reason_text(reason, names, c.segment)])
                child.setToolTip(0, child.text(0))
                item.addChild(child)
            tree.addTopLevelItem(item)
            for k in range(item.childCount()):
                spanned = item.child(k)
                if spanned is not None:
                    spanned.setFirstColumnSpanned(True)
        first = tree.topLevelItem(0)
        if first is not None:
            first.setExpanded(True)
        tree.setColumnWidth(0, 360)

    def hint_texts(self, step: NextStep) -> list[str]:
        """Look-alike evidence for a ranked customer ("7 of 9 similar customers ...")."""
        assert self.ws is not None
        if self._lookalike is None:
            self._lookalike = LookAlike(self.ws.matrix)
        m = self.ws.matrix
        return [
            QCoreApplication.translate(
                "InsightsView", "Look-alike: %1 of %2 similar customers buy %3 from us"
            )
            .replace("%1", _int(h.support))
            .replace("%2", _int(h.neighbours))
            .replace("%3", m.products[h.col].name)
            for h in self._lookalike.hints(step.row)[:5]
        ]

    def _add_hints(self, item: QTreeWidgetItem) -> None:
        if (
            item.parent() is not None
            or item.data(1, Qt.ItemDataRole.UserRole)
            or self.insights is None
        ):
            return
        item.setData(1, Qt.ItemDataRole.UserRole, True)  # hints added once
        row = item.data(0, Qt.ItemDataRole.UserRole)
        step = next((s for s in self.insights.next_steps if s.row == row), None)
        if step is None:
            return
        for text in self.hint_texts(step):
            child = QTreeWidgetItem([text])
            child.setToolTip(
                0,
                QCoreApplication.translate(
                    "InsightsView",
                    "Similar customers: same segment, most products with the same known mark",
                ),
            )
            item.addChild(child)
            child.setFirstColumnSpanned(True)

    def _next_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        top = item.parent() or item
        self.cell_requested.emit(top.data(0, Qt.ItemDataRole.UserRole), -1)
