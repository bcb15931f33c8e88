""" "Changed since": what changed for the current customer since a chosen date."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.entities import Note, Product
from kpm_desktop.domain.visit_prep import CellChangeSummary
from kpm_desktop.gui.side_panel.common import fmt_date, from_qdate, mark_name, to_qdate


class ChangedSinceView(QWidget):
    since_changed = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.since = QDateEdit(self)
        self.since.setCalendarPopup(True)
        self.since.setDate(to_qdate(date.today() - timedelta(days=30)))
        self.since.setAccessibleName(self.tr("Changed since"))
        self.summary = QLabel(self)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Changes"))
        form = QFormLayout()
        form.addRow(self.tr("Changed since"), self.since)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.since.dateChanged.connect(lambda d: self.since_changed.emit(from_qdate(d)))

    def since_date(self) -> date:
        return from_qdate(self.since.date())

    def set_since(self, day: date) -> None:
        self.since.setDate(to_qdate(day))

    def set_changes(
        self, changes: list[CellChangeSummary], notes: list[Note], products: dict[int, Product]
    ) -> None:
        self.list.clear()
        for c in changes:
            p = products.get(c.product_id)
            name = p.name if p else self.tr("(deleted product)")
            text = (
                self.tr("%1: %2 → %3 (%4)")
                .replace("%1", name)
                .replace("%2", mark_name(c.before))
                .replace("%3", mark_name(c.after))
                .replace("%4", fmt_date(c.last_changed))
            )
            if c.edits > 1:
                text += " " + self.tr("after %1 edits").replace("%1", str(c.edits))
            self.list.addItem(text)
        for n in notes:
            self.list.addItem(
                self.tr("Note of %1: %2").replace("%1", fmt_date(n.note_date)).replace("%2", n.text)
            )
        self.summary.setText(
            self.tr("%1 changed cells, %2 notes")
            .replace("%1", str(len(changes)))
            .replace("%2", str(len(notes)))
        )
