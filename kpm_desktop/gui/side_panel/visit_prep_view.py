"""Visit preparation ("Besuchsvorbereitung") for the current customer, answerable in place.

The list is rebuilt from ``domain.visit_prep.prepare_visit`` after every change, so an
answered item (a white spot marked, a stale cell confirmed) disappears: the list shrinks
during or after the visit. Keys X/W/B/K/0 (and 1-4) set the mark of the selected item, Enter
confirms a stale cell as still true.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.entities import GoalStatus, stored_id
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.visit_prep import VisitPreparation
from kpm_desktop.gui.side_panel.common import fmt_amount, fmt_date, mark_name

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1

# item kinds
WHITE, STALE, RENEWAL, NEED, GOAL, NOTE, SECTION = (
    "white",
    "stale",
    "renewal",
    "need",
    "goal",
    "note",
    "section",
)
_CELL_KINDS = (WHITE, STALE, RENEWAL, NEED)

_KEYS = {
    Qt.Key.Key_X: Mark.OURS,
    Qt.Key.Key_1: Mark.OURS,
    Qt.Key.Key_W: Mark.COMPETITOR,
    Qt.Key.Key_R: Mark.COMPETITOR,
    Qt.Key.Key_2: Mark.COMPETITOR,
    Qt.Key.Key_B: Mark.NEED,
    Qt.Key.Key_G: Mark.NEED,
    Qt.Key.Key_3: Mark.NEED,
    Qt.Key.Key_K: Mark.NO_NEED,
    Qt.Key.Key_N: Mark.NO_NEED,
    Qt.Key.Key_4: Mark.NO_NEED,
}


class _Tree(QTreeWidget):
    mark_key = Signal(object)  # Mark
    confirm_key = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # QTreeWidget.keyPressEvent
        mark = _KEYS.get(Qt.Key(event.key()))
        if mark is not None and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.mark_key.emit(mark)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm_key.emit()
            return
        super().keyPressEvent(event)


class VisitPrepView(QWidget):
    """Signals name cells by product id (the customer is the panel's current customer)."""

    set_mark_requested = Signal(int, object)  # product id, Mark
    confirm_requested = Signal(int)  # product id
    add_note_requested = Signal(str)
    goal_status_requested = Signal(int, str)  # goal id, GoalStatus value
    cell_selected = Signal(int)  # product id (to show its details)
    create_goal_requested = Signal(int)  # product id of a need without goal

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prep: VisitPreparation | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = _Tree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Visit preparation"))
        self.tree.setUniformRowHeights(True)
        self.mark_buttons: dict[Mark, QPushButton] = {}
        marks = QHBoxLayout()
        for m, label in (
            (Mark.OURS, self.tr("X ours")),
            (Mark.COMPETITOR, self.tr("W competitor")),
            (Mark.NEED, self.tr("B need")),
            (Mark.NO_NEED, self.tr("K no need")),
        ):
            b = QPushButton(label, self)
            b.setToolTip(self.tr("Set the selected item's mark to %1").replace("%1", mark_name(m)))
            b.clicked.connect(lambda _=False, m=m: self._set_mark(m))
            marks.addWidget(b)
            self.mark_buttons[m] = b
        self.confirm_button = QPushButton(self.tr("Confirm as still true"), self)
        self.goal_button = QPushButton(self.tr("Goal achieved"), self)
        self.create_goal_button = QPushButton(self.tr("Create goal…"), self)
        more = QHBoxLayout()
        more.addWidget(self.confirm_button)
        more.addWidget(self.goal_button)
        more.addWidget(self.create_goal_button)
        more.addStretch(1)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("Quick note about this visit…"))
        self.note_edit.setAccessibleName(self.tr("Quick note"))
        self.note_button = QPushButton(self.tr("Add note"), self)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.note_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(marks)
        layout.addLayout(more)
        layout.addLayout(note_row)
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.tree.mark_key.connect(self._set_mark)
        self.tree.confirm_key.connect(self._confirm)
        self.confirm_button.clicked.connect(self._confirm)
        self.goal_button.clicked.connect(self._goal_achieved)
        self.create_goal_button.clicked.connect(self._create_goal)
        self.note_button.clicked.connect(self._add_note)
        self.note_edit.returnPressed.connect(self._add_note)
        self.set_preparation(None)

    # -- content -----------------------------------------------------------------------------
    def set_preparation(self, prep: VisitPreparation | None, competitor_hint: str = "") -> None:
        """Show a preparation; the selection moves to the item that took the answered one's place."""
        old_item = self.tree.currentItem()
        old_key = self._key(old_item) if old_item else None
        old_index = self._flat_index(old_item) if old_item else -1
        self.prep = prep
        self.tree.clear()
        self.setEnabled(prep is not None)
        if prep is None:
            self.summary.setText(self.tr("No customer selected."))
            self._selection_changed(None, None)
            return
        self.summary.setText(
            self.tr("%1: %2 open questions (as of %3, stale after %4 months)")
            .replace("%1", prep.customer.name)
            .replace("%2", str(prep.open_items))
            .replace("%3", fmt_date(prep.today))
            .replace("%4", str(prep.stale_months))
        )
        bold = QFont()
        bold.setBold(True)

        def section(title: str, count: int) -> QTreeWidgetItem:
            item = QTreeWidgetItem(self.tree, [f"{title} ({count})"])
            item.setData(0, KIND_ROLE, SECTION)
            item.setFont(0, bold)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            return item

        def leaf(parent: QTreeWidgetItem, text: str, kind: str, ident: int) -> QTreeWidgetItem:
            item = QTreeWidgetItem(parent, [text])
            item.setData(0, KIND_ROLE, kind)
            item.setData(0, ID_ROLE, ident)
            item.setToolTip(0, text)
            return item

        white = section(self.tr("White spots: ask"), len(prep.white_spot_products))
        for group in prep.white_spots:
            g_item = QTreeWidgetItem(white, [group.group_name or self.tr("(no group)")])
            g_item.setData(0, KIND_ROLE, SECTION)
            g_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for p in group.products:
                leaf(g_item, p.name, WHITE, stored_id(p))
        stale = section(self.tr("Stale answers: confirm or correct"), len(prep.stale_cells))
        for s in prep.stale_cells:
            leaf(
                stale,
                self.tr("%1: %2, verified %3")
                .replace("%1", s.product.name)
                .replace("%2", mark_name(s.mark))
                .replace("%3", fmt_date(s.verified_at)),
                STALE,
                stored_id(s.product),
            )
        ren = section(self.tr("Competitor contracts ending within 12 months"), len(prep.renewals))
        for r in prep.renewals:
            leaf(
                ren,
                self.tr("%1: %2, ends %3")
                .replace("%1", r.product.name)
                .replace("%2", r.competitor_name or self.tr("competitor not named"))
                .replace("%3", fmt_date(r.contract_end)),
                RENEWAL,
                stored_id(r.product),
            )
        needs = section(self.tr("Needs without a goal"), len(prep.needs_without_goal))
        for n in prep.needs_without_goal:
            text = n.product.name
            if n.potential is not None:
                text += " " + self.tr("(potential %1)").replace("%1", fmt_amount(n.potential))
            leaf(needs, text, NEED, stored_id(n.product))
        goals = section(self.tr("Open goals"), len(prep.open_goals))
        for g in prep.open_goals:
            text = g.title
            if g.due_date:
                text += " " + self.tr("(due %1)").replace("%1", fmt_date(g.due_date))
            leaf(goals, text, GOAL, stored_id(g))
        notes = section(self.tr("Last notes"), len(prep.last_notes))
        for note in prep.last_notes:
            leaf(notes, f"{fmt_date(note.note_date)}: {note.text}", NOTE, stored_id(note))
        self.tree.expandAll()
        self._restore_selection(old_key, old_index)

    def items(self, kind: str) -> list[tuple[int, str]]:
        """(id, text) of the shown items of one kind, in order (for tests and printing)."""
        out = []
        it = self._leaves()
        for item in it:
            if item.data(0, KIND_ROLE) == kind:
                out.append((item.data(0, ID_ROLE), item.text(0)))
        return out

    def select(self, kind: str, ident: int) -> bool:
        for item in self._leaves():
            if item.data(0, KIND_ROLE) == kind and item.data(0, ID_ROLE) == ident:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _leaves(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            for i in range(item.childCount()):
                child = item.child(i)
                assert child is not None  # i < childCount()
                if child.data(0, KIND_ROLE) != SECTION:
                    out.append(child)
                walk(child)

        walk(self.tree.invisibleRootItem())
        return out

    @staticmethod
    def _key(item: QTreeWidgetItem | None) -> tuple[str, int] | None:
        if item is None or item.data(0, KIND_ROLE) == SECTION:
            return None
        return item.data(0, KIND_ROLE), item.data(0, ID_ROLE)

    def _flat_index(self, item: QTreeWidgetItem) -> int:
        leaves = self._leaves()
        return next((i for i, x in enumerate(leaves) if x is item), -1)

    def _restore_selection(self, key: tuple[str, int] | None, index: int) -> None:
        leaves = self._leaves()
        if key is not None:
            for item in leaves:
                if self._key(item) == key:
                    self.tree.setCurrentItem(item)
                    return
        if 0 <= index < len(leaves) and key is not None:
            # The answered item vanished: continue with the one that moved into its place.
            self.tree.setCurrentItem(leaves[index])
        else:
            self._selection_changed(None, None)

    # -- actions -----------------------------------------------------------------------------
    def current(self) -> tuple[str, int] | None:
        return self._key(self.tree.currentItem())

    def _selection_changed(self, current: QTreeWidgetItem | None, _prev: object) -> None:
        key = self._key(current)
        kind = key[0] if key else None
        for b in self.mark_buttons.values():
            b.setEnabled(kind in _CELL_KINDS)
        self.confirm_button.setEnabled(kind == STALE)
        self.goal_button.setEnabled(kind == GOAL)
        self.create_goal_button.setEnabled(kind == NEED)
        if key and kind in _CELL_KINDS:
            self.cell_selected.emit(key[1])

    def _set_mark(self, mark: Mark) -> None:
        key = self.current()
        if key and key[0] in _CELL_KINDS:
            self.set_mark_requested.emit(key[1], mark)

    def _confirm(self) -> None:
        key = self.current()
        if key and key[0] == STALE:
            self.confirm_requested.emit(key[1])

    def _goal_achieved(self) -> None:
        key = self.current()
        if key and key[0] == GOAL:
            self.goal_status_requested.emit(key[1], str(GoalStatus.ACHIEVED))

    def _create_goal(self) -> None:
        key = self.current()
        if key and key[0] == NEED:
            self.create_goal_requested.emit(key[1])

    def _add_note(self) -> None:
        text = self.note_edit.text().strip()
        if text:
            self.add_note_requested.emit(text)
            self.note_edit.clear()
