"""The customer's notes as a dated timeline, newest first, searchable, with an inline editor."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.entities import Note
from kpm_desktop.gui.side_panel.common import fmt_date, from_qdate, to_qdate

_ID_ROLE = Qt.ItemDataRole.UserRole


def note_matches(note: Note, query: str) -> bool:
    """Case-insensitive search over the text and the shown date; all words must match."""
    hay = f"{note.text} {fmt_date(note.note_date)} {note.note_date.isoformat()}".casefold()
    return all(word in hay for word in query.casefold().split())


class NotesView(QWidget):
    add_requested = Signal(object)  # Note (id None)
    update_requested = Signal(object)  # Note
    delete_requested = Signal(object)  # Note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._customer_id: int | None = None
        self._notes: list[Note] = []
        self._shown: list[Note] = []
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search notes…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search notes"))
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Notes"))
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName(self.tr("Note date"))
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("What was said or agreed?"))
        # Five lines in the user's font (a larger font keeps five lines, not 90 px).
        self.text.setMaximumHeight(self.text.fontMetrics().lineSpacing() * 5 + 20)
        self.text.setAccessibleName(self.tr("Note text"))
        self.text.setTabChangesFocus(True)  # Tab moves on: no keyboard trap
        self.new_button = QPushButton(self.tr("New note"), self)
        self.save_button = QPushButton(self.tr("Add note"), self)
        self.delete_button = QPushButton(self.tr("Delete note"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.date)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.search.textChanged.connect(self._refill)
        self.list.currentRowChanged.connect(self._load_selected)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self._save)
        self.delete_button.clicked.connect(self._delete)
        self.set_notes(None, [])

    def set_notes(self, customer_id: int | None, notes: list[Note]) -> None:
        keep = None
        current = self.current_note()
        if customer_id == self._customer_id and current is not None:
            keep = current.id
        self._customer_id = customer_id
        self._notes = sorted(notes, key=lambda n: (n.note_date, n.id or 0), reverse=True)
        self._refill(keep=keep)
        self.setEnabled(customer_id is not None)

    def shown_notes(self) -> list[Note]:
        return list(self._shown)

    def _refill(self, *_args: object, keep: int | None = None) -> None:
        query = self.search.text()
        self._shown = [n for n in self._notes if note_matches(n, query)]
        self.list.blockSignals(True)
        self.list.clear()
        for n in self._shown:
            item = QListWidgetItem(f"{fmt_date(n.note_date)}\n{n.text}", self.list)
            item.setData(_ID_ROLE, n.id)
            item.setToolTip(n.text)
        self.list.blockSignals(False)
        row = next((i for i, n in enumerate(self._shown) if n.id == keep), -1)
        if row >= 0:
            self.list.setCurrentRow(row)
        else:
            self.start_new()

    def current_note(self) -> Note | None:
        row = self.list.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def start_new(self) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self.text.clear()
        self.date.setDate(to_qdate(date.today()))
        self.save_button.setText(self.tr("Add note"))
        self.delete_button.setEnabled(False)

    def _load_selected(self, _row: int) -> None:
        note = self.current_note()
        if note is None:
            self.start_new()
            return
        self.text.setPlainText(note.text)
        self.date.setDate(to_qdate(note.note_date))
        self.save_button.setText(self.tr("Save note"))
        self.delete_button.setEnabled(True)

    def _save(self) -> None:
        text = self.text.toPlainText().strip()
        if self._customer_id is None or not text:
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        day = from_qdate(self.date.date())
        current = self.current_note()
        if current is None:
            self.add_requested.emit(Note(customer_id=self._customer_id, text=text, note_date=day))
        else:
            edited = replace(current, text=text, note_date=day)
            if edited != current:
                self.update_requested.emit(edited)

    def _delete(self) -> None:
        note = self.current_note()
        if note is not None:
            self.delete_requested.emit(note)
