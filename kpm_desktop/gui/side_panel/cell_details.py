"""Details of the current cell: mark, competitor, amounts, dates, reason, note, history.

"Save cell details" stores the form as one undo step and stamps the verified date; "Confirm as
still true" only refreshes the verified date (the answer was asked again and still holds).

Some details belong to one mark: the competitor and contract end to "competitor", the reason
and re-check date to "no need". They show only while the cell (or the form's mark) has that
mark. A cell marked K with a reason and then X keeps the reason stored (its history shows the
K → X change with the reason K had; marking K again, by key or here, brings the reason back, and undo restores it),
but the form shows an empty, greyed reason for X, as the reason no longer applies.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.entities import CellRecord, Competitor, HistoryEntry
from kpm_desktop.domain.marks import Mark
from kpm_desktop.gui.side_panel.common import (
    MARK_CHOICES,
    AmountEdit,
    OptionalDateEdit,
    fmt_date,
    mark_name,
)


class ReasonsDialog(QDialog):
    """Edit the file's list of "no need" reasons, one per line."""

    def __init__(self, reasons: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("No-need reasons"))
        self.edit = QPlainTextEdit(self)
        self.edit.setPlainText("\n".join(reasons))
        self.edit.setAccessibleName(self.tr("Reasons, one per line"))
        self.edit.setTabChangesFocus(True)  # Tab moves on: no keyboard trap
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("One reason per line:"), self))
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    def reasons(self) -> list[str]:
        return [line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()]


class CellDetailsView(QWidget):
    save_requested = Signal(object, str)  # CellRecord | None, new competitor name ("" = none)
    confirm_requested = Signal()
    reasons_edited = Signal(list)  # new list of no-need reasons

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._record: CellRecord | None = None
        self._reasons: list[str] = []
        # the values of a mark's own fields while another mark is chosen (shown empty)
        self._held: dict[Mark, tuple] = {}
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.mark = QComboBox(self)
        for m in MARK_CHOICES:
            self.mark.addItem(mark_name(m), 0 if m is None else int(m))
        self.competitor = QComboBox(self)
        self.competitor.setEditable(True)
        self.competitor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_edit = self.competitor.lineEdit()
        assert line_edit is not None  # the combo box is editable
        line_edit.setPlaceholderText(self.tr("choose or type a new name"))
        self.our_revenue = AmountEdit(self)
        self.potential = AmountEdit(self)
        self.contract_end = OptionalDateEdit(self.tr("known"), self)
        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.edit_reasons = QToolButton(self)
        self.edit_reasons.setText(self.tr("Edit list…"))
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason, 1)
        reason_row.addWidget(self.edit_reasons)
        self.recheck = OptionalDateEdit(self.tr("ask again on"), self)
        self.note = QPlainTextEdit(self)
        self.note.setMaximumHeight(self.note.fontMetrics().lineSpacing() * 4 + 14)  # 4 lines
        self.note.setTabChangesFocus(True)
        self.verified = QLabel(self)
        form = QFormLayout()
        rows = (
            (self.tr("Mark"), self.mark),
            (self.tr("Competitor"), self.competitor),
            (self.tr("Our revenue"), self.our_revenue),
            (self.tr("Potential"), self.potential),
            (self.tr("Contract end"), self.contract_end),
            (self.tr("Reason for no need"), reason_row),
            (self.tr("Re-check"), self.recheck),
            (self.tr("Cell note"), self.note),
            (self.tr("Last verified"), self.verified),
        )
        for label, w in rows:
            form.addRow(label, w)
            if isinstance(w, QWidget):
                w.setAccessibleName(label)
        self.reason.setAccessibleName(self.tr("Reason for no need"))
        self.save_button = QPushButton(self.tr("Save cell details"), self)
        self.confirm_button = QPushButton(self.tr("Confirm as still true"), self)
        self.confirm_button.setToolTip(
            self.tr("The answer was checked again and still holds: only the verified date changes.")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.history = QListWidget(self)
        self.history.setAccessibleName(self.tr("Change history"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Change history"), self))
        layout.addWidget(self.history, 1)
        self.mark.currentIndexChanged.connect(self._update_enabled)
        self.save_button.clicked.connect(self._save)
        self.confirm_button.clicked.connect(self.confirm_requested)
        self.edit_reasons.clicked.connect(self._edit_reasons)
        self.set_cell("", "", None, [], [], [], stale=False, due=False, enabled=False)

    # -- data in -----------------------------------------------------------------------------
    def set_cell(
        self,
        customer_name: str,
        product_name: str,
        record: CellRecord | None,
        competitors: list[Competitor],
        reasons: list[str],
        history: list[HistoryEntry],
        *,
        stale: bool,
        due: bool,
        enabled: bool = True,
    ) -> None:
        self._record = record
        self._reasons = list(reasons)
        if enabled:
            head = f"{customer_name} × {product_name}"
            if due:
                head += "\n" + self.tr("Re-check date reached: counts as a white spot again.")
            elif stale:
                head += "\n" + self.tr("Stale: last verified too long ago, please confirm.")
            self.heading.setText(head)
        else:
            self.heading.setText(self.tr("Select a cell in the matrix to see its details."))
        self.mark.setCurrentIndex(self.mark.findData(int(record.mark) if record else 0))
        self.competitor.clear()
        self.competitor.addItem("", None)
        for c in competitors:
            self.competitor.addItem(c.name, c.id)
        index = (
            self.competitor.findData(record.competitor_id) if record and record.competitor_id else 0
        )
        self.competitor.setCurrentIndex(max(index, 0))
        self.our_revenue.set_value(record.our_revenue if record else None)
        self.potential.set_value(record.potential if record else None)
        self.contract_end.set_value(record.contract_end if record else None)
        self.reason.clear()
        items = list(reasons)
        if record and record.no_need_reason and record.no_need_reason not in items:
            items.append(record.no_need_reason)
        self.reason.addItems(["", *items])
        self.reason.setCurrentText(record.no_need_reason if record else "")
        self.recheck.set_value(record.recheck_at if record else None)
        self.note.setPlainText(record.note if record else "")
        self.verified.setText(fmt_date(record.verified_at) if record else "–")
        self._held = {}
        self.history.clear()
        for h in history:
            old = mark_name(h.old_mark)
            if h.old_reason:  # the reason the "no need" had (history since file schema 15)
                old = self.tr("%1 (%2)").replace("%1", old).replace("%2", h.old_reason)
            text = (  # the reason (user text) goes in last: a "%3" in it stays as typed
                self.tr("%1: %2 → %3")
                .replace("%1", fmt_date(h.changed_at))
                .replace("%3", mark_name(h.new_mark))
                .replace("%2", old)
            )
            if h.source.startswith("team:"):  # pulled from the team server: name the author
                text = (  # the line (with the user's reason) last, as above
                    QCoreApplication.translate("TeamHistory", "%1 (%2)")
                    .replace("%2", h.source.removeprefix("team:"))
                    .replace("%1", text)
                )
            self.history.addItem(text)
        self.setEnabled(enabled)
        self._update_enabled()

    def selected_mark(self) -> Mark | None:
        code = self.mark.currentData()
        return None if not code else Mark(code)

    def _update_enabled(self) -> None:
        mark = self.selected_mark()
        marked = mark is not None
        for w in (self.our_revenue, self.potential, self.note):
            w.setEnabled(marked)
        for owner in (Mark.COMPETITOR, Mark.NO_NEED):
            self._show_fields_of(owner, mark is owner)
        self.competitor.setEnabled(mark is Mark.COMPETITOR)
        self.contract_end.setEnabled(mark is Mark.COMPETITOR)
        self.reason.setEnabled(mark is Mark.NO_NEED)
        self.edit_reasons.setEnabled(True)
        self.recheck.setEnabled(mark is Mark.NO_NEED)
        self.confirm_button.setEnabled(self._record is not None)

    def _show_fields_of(self, owner: Mark, shown: bool) -> None:
        """Show ``owner``'s own fields with their values, or empty (values held back)."""
        if shown and owner in self._held:
            values = self._held.pop(owner)
            if owner is Mark.COMPETITOR:
                self.competitor.setCurrentIndex(values[0])
                self.competitor.setEditText(values[1])
                self.contract_end.set_value(values[2])
            else:
                self.reason.setCurrentText(values[0])
                self.recheck.set_value(values[1])
        elif not shown and owner not in self._held:
            if owner is Mark.COMPETITOR:
                self._held[owner] = (
                    self.competitor.currentIndex(),
                    self.competitor.currentText(),
                    self.contract_end.value(),
                )
                self.competitor.setCurrentIndex(0)
                self.competitor.setEditText("")
                self.contract_end.set_value(None)
            else:
                self._held[owner] = (self.reason.currentText(), self.recheck.value())
                self.reason.setCurrentText("")
                self.recheck.set_value(None)

    # -- data out ----------------------------------------------------------------------------
    def edited(self) -> tuple[CellRecord | None, str]:
        """The record the form describes, and a competitor name to add first (or "")."""
        mark = self.selected_mark()
        if mark is None:
            return None, ""
        name = self.competitor.currentText().strip()
        comp_id = None
        new_name = ""
        if name and mark is Mark.COMPETITOR:
            index = self.competitor.findText(name, Qt.MatchFlag.MatchFixedString)
            if index > 0:
                comp_id = self.competitor.itemData(index)
            else:
                new_name = name
        base = self._record or CellRecord(mark=mark)
        rec = replace(
            base,
            mark=mark,
            competitor_id=comp_id if mark is Mark.COMPETITOR else base.competitor_id,
            our_revenue=self.our_revenue.value(),
            potential=self.potential.value(),
            contract_end=self.contract_end.value()
            if mark is Mark.COMPETITOR
            else base.contract_end,
            no_need_reason=self.reason.currentText().strip()
            if mark is Mark.NO_NEED
            else base.no_need_reason,
            recheck_at=self.recheck.value() if mark is Mark.NO_NEED else base.recheck_at,
            note=self.note.toPlainText().strip(),
        )
        return rec, new_name

    def _save(self) -> None:
        record, new_name = self.edited()
        self.save_requested.emit(record, new_name)

    def _edit_reasons(self) -> None:
        dialog = ReasonsDialog(self._reasons, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reasons_edited.emit(dialog.reasons())
