"""The trip planner: pick customers, order them, set the day, start and minutes per visit.

Why this module is long: one dialog. Its customer sources (search, selection, ranking, area)
and the ordered visit list share the draft trip and its times.

Customers come from a search over all customers, from the matrix selection, from the
"where to go next" ranking (over the customers the matrix shows) or as all customers of a
city, postcode area or region. The visit list is ordered by drag and drop, the Up/Down
buttons (Ctrl+Up/Ctrl+Down) or "Order by postcode"; the times follow every change. OK stores
the trip as one undo step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QDropEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTimeEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.entities import Customer, stored_id
from kpm_desktop.domain.text import fold
from kpm_desktop.domain.trips import (
    DEFAULT_MINUTES,
    DEFAULT_START,
    DEFAULT_TRAVEL_MINUTES,
    MAX_MINUTES,
    MAX_STOPS,
    MAX_TRAVEL_MINUTES,
    MIN_MINUTES,
    Trip,
    TripError,
    TripStop,
    address_line,
    order_by_postcode,
    place_line,
    schedule,
    time_span,
    unique_name,
)
from kpm_desktop.gui.palette import ui_colors
from kpm_desktop.storage import trips as trip_store
from kpm_desktop.storage.errors import StorageError
from kpm_desktop.workspace.trip_commands import add_trip, update_trip
from kpm_desktop.workspace.workspace import Workspace

UUID_ROLE = Qt.ItemDataRole.UserRole
COL_TIME, COL_CUSTOMER, COL_PLACE, COL_MINUTES = range(4)
SEARCH_LIMIT = 200


def postcode_area(customer: Customer) -> str:
    """The first two digits of the postcode ("24" for 24103), "" without one."""
    digits = "".join(ch for ch in customer.postcode if ch.isdigit())
    return digits[:2]


class _MinutesDelegate(QStyledItemDelegate):
    """Minutes per visit are edited with a spin box (5-minute steps)."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:  # QStyledItemDelegate.createEditor
        box = QSpinBox(parent)
        box.setRange(MIN_MINUTES, MAX_MINUTES)
        box.setSingleStep(5)
        box.setSuffix(QCoreApplication.translate("TripPlanner", " min"))
        return box


class StopList(QTreeWidget):
    """The visits in order; items are moved by drag and drop (never dropped into another)."""

    reordered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setItemDelegateForColumn(COL_MINUTES, _MinutesDelegate(self))

    def items(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item for item in items if item is not None]

    def dropEvent(self, event: QDropEvent) -> None:  # QTreeWidget.dropEvent
        """Move the selected visits to where they were dropped (above or below the item
        under the pointer). The move is done here and reported as a copy, so the drag source
        never removes the moved items afterwards."""
        if event.source() not in (self, None):
            event.ignore()
            return
        items = self.items()
        moving = [i for i in items if i.isSelected()]
        if not moving:
            event.ignore()
            return
        pos = event.position().toPoint()
        target = self.itemAt(pos)
        if target is None:
            row = len(items)
        else:
            rect = self.visualItemRect(target)
            row = items.index(target) + (1 if pos.y() > rect.center().y() else 0)
        rest = [i for i in items if not i.isSelected()]
        before = sum(1 for i in items[:row] if not i.isSelected())
        current = self.currentItem()
        while self.topLevelItemCount():
            self.takeTopLevelItem(0)
        self.addTopLevelItems(rest[:before] + moving + rest[before:])
        for item in moving:
            item.setSelected(True)
        if current is not None:
            self.setCurrentItem(current, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.reordered.emit()


class TripPlannerDialog(QDialog):
    """Plan a new trip (``trip=None``) or edit a stored one."""

    def __init__(
        self,
        ws: Workspace,
        trip: Trip | None = None,
        *,
        preselected: Sequence[int] = (),
        ranked_rows: Sequence[int] | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``preselected``: customer ids of the matrix selection; ``ranked_rows``: the matrix
        rows the "where to go next" ranking runs over (the rows the matrix shows)."""
        super().__init__(parent)
        self.setObjectName("trip_planner")
        self.ws = ws
        self.trip = trip
        self.saved: Trip | None = None
        self._preselected = list(dict.fromkeys(preselected))
        self._ranked_rows = list(ranked_rows) if ranked_rows is not None else None
        self._customers = [c for c in ws.matrix.customers if c.active or c.id in preselected]
        self._by_uuid = {c.uuid: c for c in ws.matrix.customers}
        today = today or date.today()
        self.setWindowTitle(
            self.tr("Plan trip")
            if trip is None
            else self.tr("Edit trip “%1”").replace("%1", trip.name)
        )

        # -- the trip ------------------------------------------------------------------------
        self.name_edit = QLineEdit(self)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.start_edit = QTimeEdit(self)
        self.start_edit.setDisplayFormat("HH:mm")
        self.minutes_spin = QSpinBox(self)
        self.minutes_spin.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes_spin.setSingleStep(5)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.setToolTip(self.tr("Duration of a visit added from now on"))
        self.travel_spin = QSpinBox(self)
        self.travel_spin.setRange(0, MAX_TRAVEL_MINUTES)
        self.travel_spin.setSingleStep(5)
        self.travel_spin.setSuffix(self.tr(" min"))
        head = QFormLayout()
        head.addRow(self.tr("&Name:"), self.name_edit)
        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        start_label = QLabel(self.tr("&Start:"), self)
        start_label.setBuddy(self.start_edit)
        when.addWidget(start_label)
        when.addWidget(self.start_edit)
        when.addStretch(1)
        day_label = QLabel(self.tr("&Day:"), self)
        day_label.setBuddy(self.date_edit)
        head.addRow(day_label, when)
        durations = QHBoxLayout()
        durations.addWidget(self.minutes_spin)
        travel_label = QLabel(self.tr("&Travel between visits:"), self)
        travel_label.setBuddy(self.travel_spin)
        durations.addWidget(travel_label)
        durations.addWidget(self.travel_spin)
        durations.addStretch(1)
        minutes_label = QLabel(self.tr("&Minutes per visit:"), self)
        minutes_label.setBuddy(self.minutes_spin)
        head.addRow(minutes_label, durations)

        # -- adding customers ------------------------------------------------------------------
        add_box = QGroupBox(self.tr("Add customers"), self)
        self.search_edit = QLineEdit(add_box)
        self.search_edit.setPlaceholderText(self.tr("Name, number or city…"))
        self.search_edit.setAccessibleName(self.tr("Search customers"))
        self.search_edit.setClearButtonEnabled(True)
        self.found_list = QListWidget(add_box)
        self.found_list.setAccessibleName(self.tr("Matching customers"))
        self.found_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_found_button = QPushButton(self.tr("&Add"), add_box)
        self.selection_button = QPushButton(add_box)
        self.selection_button.setText(
            self.tr("Add the %n customer(s) selected in the matrix", "", len(self._preselected))
        )
        self.selection_button.setEnabled(bool(self._preselected))
        self.next_spin = QSpinBox(add_box)
        self.next_spin.setRange(1, MAX_STOPS)
        self.next_spin.setValue(5)
        self.next_spin.setAccessibleName(self.tr("How many customers to add from the ranking"))
        self.next_button = QPushButton(self.tr('Add from "&Where to go next"'), add_box)
        self.area_kind = QComboBox(add_box)
        self.area_kind.setAccessibleName(self.tr("Add all customers of"))
        for key, text in (
            ("city", self.tr("City")),
            ("postcode", self.tr("Postcode area")),
            ("region", self.tr("Region")),
        ):
            self.area_kind.addItem(text, key)
        self.area_value = QComboBox(add_box)
        self.area_value.setAccessibleName(self.tr("Which one"))
        self.area_button = QPushButton(self.tr("Add a&ll"), add_box)
        grid = QGridLayout(add_box)
        grid.addWidget(self.search_edit, 0, 0, 1, 3)
        grid.addWidget(self.found_list, 1, 0, 1, 3)
        grid.addWidget(self.add_found_button, 2, 2)
        grid.addWidget(self.selection_button, 3, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Top"), add_box), 4, 0)
        grid.addWidget(self.next_spin, 4, 1)
        grid.addWidget(self.next_button, 4, 2)
        grid.addWidget(self.area_kind, 5, 0)
        grid.addWidget(self.area_value, 5, 1)
        grid.addWidget(self.area_button, 5, 2)
        grid.setColumnStretch(1, 1)

        # -- the visits --------------------------------------------------------------------------
        stops_box = QGroupBox(self.tr("Visits (drag to reorder)"), self)
        self.stops = StopList(stops_box)
        self.stops.setAccessibleName(self.tr("Visits of the trip in order"))
        self.stops.setHeaderLabels(
            [self.tr("Time"), self.tr("Customer"), self.tr("Place"), self.tr("Minutes")]
        )
        header = self.stops.header()
        header.setSectionResizeMode(COL_CUSTOMER, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.up_button = QPushButton(self.tr("Move &up"), stops_box)
        self.down_button = QPushButton(self.tr("Move d&own"), stops_box)
        self.remove_button = QPushButton(self.tr("&Remove"), stops_box)
        self.postcode_button = QPushButton(self.tr("Order by &postcode"), stops_box)
        self.postcode_button.setToolTip(
            self.tr("A simple proximity: nearby places have similar postcodes")
        )
        buttons_row = QHBoxLayout()
        for b in (self.up_button, self.down_button, self.remove_button):
            buttons_row.addWidget(b)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.postcode_button)
        self.summary = QLabel(stops_box)
        stops_layout = QVBoxLayout(stops_box)
        stops_layout.addWidget(self.stops, 1)
        stops_layout.addLayout(buttons_row)
        stops_layout.addWidget(self.summary)

        body = QHBoxLayout()
        body.addWidget(add_box, 2)
        body.addWidget(stops_box, 3)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("trip_planner_message")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        # -- wiring ------------------------------------------------------------------------------
        self.search_edit.textChanged.connect(self._search)
        self.search_edit.returnPressed.connect(self._add_found)
        self.found_list.itemDoubleClicked.connect(lambda _item: self._add_found())
        self.add_found_button.clicked.connect(self._add_found)
        self.selection_button.clicked.connect(lambda: self.add_customers(self._preselected))
        self.next_button.clicked.connect(self.add_where_to_go_next)
        self.area_kind.currentIndexChanged.connect(self._fill_area_values)
        self.area_button.clicked.connect(self.add_area)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        self.postcode_button.clicked.connect(self.order_by_postcode)
        self.stops.reordered.connect(self._update_times)
        self.stops.itemChanged.connect(self._item_changed)
        self.stops.itemSelectionChanged.connect(self._update_buttons)
        self.start_edit.timeChanged.connect(self._update_times)
        self.date_edit.dateChanged.connect(self._update_times)
        self.travel_spin.valueChanged.connect(self._update_times)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys, step in ((QKeySequence("Ctrl+Up"), -1), (QKeySequence("Ctrl+Down"), 1)):
            shortcut = QShortcut(keys, self.stops)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda step=step: self.move_selected(step))

        # -- content -------------------------------------------------------------------------------
        self._updating = False
        if trip is None:
            taken = [t.name for t in trip_store.list_trips(ws.repo)]
            day = date.fromordinal(today.toordinal() + 1)
            self.name_edit.setText(
                unique_name(self.tr("Trip %1").replace("%1", day.isoformat()), taken)
            )
            self._set_day(day)
            self._set_start(DEFAULT_START)
            self.minutes_spin.setValue(DEFAULT_MINUTES)
            self.travel_spin.setValue(DEFAULT_TRAVEL_MINUTES)
            if self._preselected:
                self.add_customers(self._preselected)
        else:
            self.name_edit.setText(trip.name)
            self._set_day(trip.day)
            self._set_start(trip.start)
            self.minutes_spin.setValue(trip.stops[0].minutes if trip.stops else DEFAULT_MINUTES)
            self.travel_spin.setValue(trip.travel_minutes)
            for stop in trip.stops:
                customer = self._by_uuid.get(stop.customer_uuid)
                if customer is not None:
                    self._append(customer, stop.minutes)
        self._fill_area_values()
        self._search("")
        self._update_times()
        self.resize(980, 600)

    # -- values ----------------------------------------------------------------------------------
    def _set_day(self, day: date) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def _set_start(self, start: time) -> None:
        self.start_edit.setTime(QTime(start.hour, start.minute))

    def day(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())

    def start(self) -> time:
        t = self.start_edit.time()
        return time(t.hour(), t.minute())

    def stop_items(self) -> list[QTreeWidgetItem]:
        items = (self.stops.topLevelItem(i) for i in range(self.stops.topLevelItemCount()))
        return [item for item in items if item is not None]

    def stop_uuids(self) -> list[str]:
        return [item.data(COL_TIME, UUID_ROLE) for item in self.stop_items()]

    def current_trip(self) -> Trip:
        """The trip as the dialog shows it now."""
        stops = tuple(
            TripStop(
                item.data(COL_TIME, UUID_ROLE),
                int(item.data(COL_MINUTES, Qt.ItemDataRole.EditRole)),
            )
            for item in self.stop_items()
        )
        trip = Trip(
            name=self.name_edit.text().strip(),
            day=self.day(),
            start=self.start(),
            stops=stops,
            travel_minutes=self.travel_spin.value(),
        )
        if self.trip:  # the edited trip keeps its identity
            trip = replace(trip, id=self.trip.id, uuid=self.trip.uuid, revision=self.trip.revision)
        return trip

    # -- adding -----------------------------------------------------------------------------------
    def _append(self, customer: Customer, minutes: int) -> QTreeWidgetItem:
        # The short place in the list (the customer column keeps its width at 1366 px); the
        # full address and the phone in the place's tooltip.
        item = QTreeWidgetItem(["", customer.name, place_line(customer), ""])
        details = [address_line(customer), customer.phone.strip()]
        item.setToolTip(COL_PLACE, "\n".join(d for d in details if d))
        item.setData(COL_TIME, UUID_ROLE, customer.uuid)
        item.setData(COL_MINUTES, Qt.ItemDataRole.EditRole, minutes)
        item.setToolTip(
            COL_CUSTOMER,
            f"{customer.name} ({customer.number})" if customer.number else customer.name,
        )
        item.setFlags(
            Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsEditable
        )
        self._updating = True
        try:
            self.stops.addTopLevelItem(item)
        finally:
            self._updating = False
        return item

    def add_customers(self, customer_ids: Sequence[int]) -> int:
        """Append customers (by id) not on the trip yet, up to the limit; returns how many."""
        m = self.ws.matrix
        present = set(self.stop_uuids())
        added = 0
        skipped = 0
        for cid in customer_ids:
            row = m.row_of.get(cid)
            if row is None:
                continue
            customer = m.customers[row]
            if customer.uuid in present:
                continue
            if len(present) >= MAX_STOPS:
                skipped += 1
                continue
            self._append(customer, self.minutes_spin.value())
            present.add(customer.uuid)
            added += 1
        self._update_times()
        if skipped:
            self.show_message(
                self.tr(
                    "A trip has at most %1 visits; %n customer(s) were not added.", "", skipped
                ).replace("%1", str(MAX_STOPS))
            )
        return added

    def _search(self, text: str) -> None:
        key = fold(text.strip())
        self.found_list.clear()
        shown = 0
        for c in self._customers:
            if key and key not in fold(f"{c.name} {c.number} {c.city} {c.postcode}"):
                continue
            label = f"{c.name} ({c.number})" if c.number else c.name
            place = address_line(c)
            item = QListWidgetItem(f"{label} – {place}" if place else label)
            item.setData(UUID_ROLE, c.id)
            self.found_list.addItem(item)
            shown += 1
            if shown >= SEARCH_LIMIT:
                break
        if self.found_list.count():
            self.found_list.setCurrentRow(0)

    def _add_found(self) -> None:
        items = self.found_list.selectedItems() or (
            [self.found_list.currentItem()] if self.found_list.currentItem() else []
        )
        self.add_customers([item.data(UUID_ROLE) for item in items])

    def add_where_to_go_next(self) -> int:
        from kpm_desktop.domain.insights import where_to_go_next
        from kpm_desktop.storage.history import load_cell_details
        from kpm_desktop.workspace.customer_commands import customer_data

        ws = self.ws
        matrix = customer_data(ws).effective_matrix()
        # Reads the cells' amounts (about a second at 20,000 x 1,000): show that it works.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            steps = where_to_go_next(
                matrix,
                load_cell_details(ws.repo, ws.matrix),
                today=customer_data(ws).today,
                rows=self._ranked_rows,
                limit=None,
            )
        finally:
            QApplication.restoreOverrideCursor()
        present = set(self.stop_uuids())
        wanted = [
            stored_id(ws.matrix.customers[s.row])
            for s in steps
            if ws.matrix.customers[s.row].uuid not in present
        ][: self.next_spin.value()]
        return self.add_customers(wanted)

    def _area_key(self, customer: Customer) -> str:
        kind = self.area_kind.currentData()
        if kind == "postcode":
            return postcode_area(customer)
        return (customer.city if kind == "city" else customer.region).strip()

    def _fill_area_values(self) -> None:
        values = sorted({self._area_key(c) for c in self._customers} - {""}, key=fold)
        self.area_value.clear()
        kind = self.area_kind.currentData()
        for v in values:
            n = sum(1 for c in self._customers if self._area_key(c) == v)
            text = f"{v}… ({n})" if kind == "postcode" else f"{v} ({n})"
            self.area_value.addItem(text, v)
        self.area_button.setEnabled(bool(values))

    def add_area(self) -> int:
        value = self.area_value.currentData()
        if value is None:
            return 0
        chosen = [c for c in self._customers if self._area_key(c) == value]
        return self.add_customers([stored_id(c) for c in order_by_postcode(chosen)])

    # -- ordering -----------------------------------------------------------------------------------
    def move_selected(self, step: int) -> None:
        items = self.stop_items()
        chosen = [i for i, item in enumerate(items) if item.isSelected()]
        if not chosen:
            current = self.stops.currentItem()
            chosen = [items.index(current)] if current is not None else []
        if not chosen:
            return
        if (step < 0 and chosen[0] == 0) or (step > 0 and chosen[-1] == len(items) - 1):
            return
        order = list(range(len(items)))
        for i in chosen if step < 0 else reversed(chosen):
            order[i], order[i + step] = order[i + step], order[i]
        self._reorder([items[i] for i in order], [items[i] for i in chosen])

    def _reorder(self, ordered: list[QTreeWidgetItem], selected: list[QTreeWidgetItem]) -> None:
        current = self.stops.currentItem()
        self._updating = True
        try:
            while self.stops.topLevelItemCount():
                self.stops.takeTopLevelItem(0)
            self.stops.addTopLevelItems(ordered)
        finally:
            self._updating = False
        for item in selected:
            item.setSelected(True)
        if current is not None:
            self.stops.setCurrentItem(
                current, 0, self.stops.selectionModel().SelectionFlag.NoUpdate
            )
        self._update_times()

    def remove_selected(self) -> None:
        for item in self.stops.selectedItems():
            self.stops.takeTopLevelItem(self.stops.indexOfTopLevelItem(item))
        self._update_times()

    def order_by_postcode(self) -> None:
        items = {item.data(COL_TIME, UUID_ROLE): item for item in self.stop_items()}
        customers = [self._by_uuid[u] for u in items]
        self._reorder([items[c.uuid] for c in order_by_postcode(customers)], [])

    # -- times -------------------------------------------------------------------------------------
    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if not self._updating and column == COL_MINUTES:
            self._update_times()

    def _update_times(self) -> None:
        trip = self.current_trip()
        visits = {v.customer.uuid: v for v in schedule(trip, self._by_uuid)}
        self._updating = True
        try:
            for item in self.stop_items():
                v = visits.get(item.data(COL_TIME, UUID_ROLE))
                if v is not None:
                    item.setText(COL_TIME, time_span(v.start, v.end))
                item.setText(COL_MINUTES, str(item.data(COL_MINUTES, Qt.ItemDataRole.EditRole)))
        finally:
            self._updating = False
        for col in (COL_TIME, COL_PLACE, COL_MINUTES):
            self.stops.resizeColumnToContents(col)
        n = len(visits)
        if n:
            last = max(v.end for v in visits.values())
            self.summary.setText(
                self.tr("%n visit(s), back by %1", "", n).replace("%1", f"{last:%H:%M}")
            )
        else:
            self.summary.setText(self.tr("No visits yet: add customers on the left."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.stops.topLevelItemCount() > 0
        selected = bool(self.stops.selectedItems())
        for b in (self.up_button, self.down_button, self.remove_button):
            b.setEnabled(selected)
        self.postcode_button.setEnabled(self.stops.topLevelItemCount() > 1)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(has)

    # -- storing ---------------------------------------------------------------------------------
    def show_message(self, text: str, error: bool = False) -> None:
        colors = ui_colors(self.palette())
        color = colors.error_text if error else colors.text
        self.message.setStyleSheet(f"color: {colors.style_color(color)};")
        self.message.setText(text)

    def problem(self, trip: Trip) -> str | None:
        """A translated reason why the trip cannot be stored, or None."""
        if not trip.name:
            return self.tr("The trip needs a name.")
        if not trip.stops:
            return self.tr("Add at least one customer.")
        others = [t.name.casefold() for t in trip_store.list_trips(self.ws.repo) if t.id != trip.id]
        if trip.name.casefold() in others:
            return self.tr("Another trip is called %1; choose another name.").replace(
                "%1", trip.name
            )
        return None

    def accept(self) -> None:  # QDialog.accept
        trip = self.current_trip()
        reason = self.problem(trip)
        if reason is not None:
            self.show_message(reason, error=True)
            return
        try:
            if trip.id is None:
                self.saved = add_trip(self.ws, trip)
            else:
                update_trip(self.ws, trip)
                self.saved = trip_store.get_trip(self.ws.repo, trip.id)
        except (TripError, StorageError, KeyError) as exc:
            self.show_message(
                self.tr("The trip was not saved: %1").replace("%1", str(exc)), error=True
            )
            return
        super().accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # QDialog.keyPressEvent
        # Enter in the search field adds the customer; it must not close the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.search_edit.hasFocus():
            return
        super().keyPressEvent(event)
