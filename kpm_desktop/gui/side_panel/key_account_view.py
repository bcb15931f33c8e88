"""The side panel on a key account: figures over its sites, their open goals, the sites list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.entities import Customer, Goal
from kpm_desktop.domain.key_accounts import KeyAccountKpis
from kpm_desktop.gui.side_panel.common import fmt_amount, fmt_percent, to_qdate

_ID_ROLE = int(Qt.ItemDataRole.UserRole)


class KeyAccountBox(QGroupBox):
    """Figures of a key account over its sites; a double-click on a site goes to it."""

    site_requested = Signal(int)  # customer id of a site

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Key account: figures over its sites"), parent)
        self._labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("sites", self.tr("Sites")),
            ("coverage", self.tr("Coverage")),
            ("white", self.tr("White spots")),
            ("ours", self.tr("Bought from us (cells)")),
            ("competitor", self.tr("Competitor cells")),
            ("need", self.tr("Needs")),
            ("potential", self.tr("Sum of potential")),
            ("revenue", self.tr("Sum of our revenue")),
            ("sow_count", self.tr("Share of wallet (count)")),
            ("sow_amount", self.tr("Share of wallet (amount)")),
        ):
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            form.addRow(label, value)
            self._labels[key] = value
        self.site_list = QTreeWidget(self)
        self.site_list.setObjectName("key_account_sites")
        self.site_list.setRootIsDecorated(False)
        self.site_list.setHeaderLabels(
            [self.tr("Site"), self.tr("White spots"), self.tr("Coverage"), self.tr("City")]
        )
        self.site_list.setAccessibleName(self.tr("Sites of the key account"))
        self.site_list.setToolTip(self.tr("Double-click a site to go to its row"))
        self.site_list.setMinimumHeight(110)
        self.site_list.itemActivated.connect(self._activated)
        self.goal_list = QListWidget(self)
        self.goal_list.setObjectName("key_account_goals")
        self.goal_list.setAccessibleName(self.tr("Open goals of all sites"))
        self.goal_list.setMinimumHeight(70)
        self.goal_list.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Sites:"), self))
        layout.addWidget(self.site_list)
        self._goals_label = QLabel(self.tr("Open goals of all sites:"), self)
        layout.addWidget(self._goals_label)
        layout.addWidget(self.goal_list)

    def text_of(self, key: str) -> str:
        return self._labels[key].text()

    def set_figures(self, k: KeyAccountKpis, goals: list[tuple[Customer, Goal]]) -> None:
        L = self._labels
        L["sites"].setText(str(len(k.sites)))
        L["coverage"].setText(fmt_percent(k.coverage))
        L["white"].setText(str(k.counts.white))
        L["ours"].setText(str(k.counts.ours))
        unnamed = self.tr("unnamed")
        if k.competitors:
            L["competitor"].setText(
                f"{k.counts.competitor}: "
                + ", ".join(f"{name or unnamed} {n}" for name, n in k.competitors)
            )
        else:
            L["competitor"].setText("0")
        L["need"].setText(str(k.counts.need))
        L["potential"].setText(fmt_amount(k.potential_sum))
        L["revenue"].setText(fmt_amount(k.our_revenue_sum))
        L["sow_count"].setText(fmt_percent(k.share_of_wallet_count))
        L["sow_amount"].setText(fmt_percent(k.share_of_wallet_amount))
        self.site_list.clear()
        for site, sk in k.sites:
            item = QTreeWidgetItem(
                [site.name, str(sk.white_spots), fmt_percent(sk.coverage), site.city]
            )
            item.setData(0, _ID_ROLE, site.id)
            self.site_list.addTopLevelItem(item)
        for column in range(self.site_list.columnCount()):
            self.site_list.resizeColumnToContents(column)
        self.goal_list.clear()
        for site, goal in goals:
            text = f"{goal.title} – {site.name}"
            if goal.due_date is not None:
                text += f" ({fmt_date(goal.due_date)})"
            goal_item = QListWidgetItem(text)
            goal_item.setData(_ID_ROLE, site.id)
            self.goal_list.addItem(goal_item)
        if not goals:
            self.goal_list.addItem(self.tr("No open goals"))

    def _activated(self, item, *_args) -> None:
        cid = item.data(0, _ID_ROLE) if isinstance(item, QTreeWidgetItem) else item.data(_ID_ROLE)
        if cid is not None:
            self.site_requested.emit(int(cid))


def fmt_date(day: date) -> str:
    return QLocale().toString(to_qdate(day), QLocale.FormatType.ShortFormat)
