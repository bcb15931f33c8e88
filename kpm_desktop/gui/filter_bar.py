"""The filter bar above the matrix: builds a ``FilterSpec`` and shows its result.

Why this module is long: one widget whose controls all feed one ``FilterSpec``; the product
menu and the saved views share its state.

Every widget change builds a new spec, ``domain.filters.apply_filters`` computes the visible
rows and columns from the compact grid, and the model swaps its row/column maps in one layout
change. Text search is debounced so that typing does not refilter on every key. The status
bar (main window) shows visible customers, white spots and coverage of the visible part.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from kpm_desktop.domain.filters import (
    UNGROUPED,
    FilterResult,
    FilterSpec,
    SortKey,
    apply_filters,
    column_order,
    distinct_values,
)
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.gui.flow_layout import FlowLayout
from kpm_desktop.workspace.customer_commands import customer_data
from kpm_desktop.workspace.workspace import Workspace

SEARCH_DELAY_MS = 250  # debounce: refilter once typing pauses

# Sorting by one of these counts starts with the customers that have the most.
COUNT_SORT_KEYS = frozenset({SortKey.WHITE_SPOTS, SortKey.COMPETITOR, SortKey.NEED})

SCOPE_VISIBLE = "visible"
SCOPE_SELECTED = "selected"


class FilterBar(QWidget):
    """Widgets that build a :class:`FilterSpec` and apply it to a ``MatrixModel``.

    Args:
        model: the matrix model (``set_visible(rows, cols)``).
        selected_product_ids: returns the product ids of the selected columns (for "white
            spots within the selected products").

    Signals:
        applied: the new spec and its result, after the model shows it.
        message: a one-line hint for the status bar.
    """

    applied = Signal(object, object)
    message = Signal(str)

    def __init__(
        self,
        model,
        selected_product_ids: Callable[[], list[int]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filter_bar")
        self.model = model
        self.workspace: Workspace | None = None
        self._selected_product_ids = selected_product_ids or (lambda: [])
        self._scope_ids: frozenset[int] = frozenset()
        self._sort_product_id: int | None = None  # for SortKey.PRODUCT (a header click)
        self.result: FilterResult | None = None
        self.spec_applied = FilterSpec()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply)

        self.search = QLineEdit(self)
        self.search.setObjectName("filter_search")
        self.search.setPlaceholderText(
            QCoreApplication.translate("FilterBar", "Search customer, number, city…")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(QCoreApplication.translate("FilterBar", "Search customers"))
        self.search.setToolTip(
            QCoreApplication.translate(
                "FilterBar", "Words in customer name, number or city; case and umlauts are ignored"
            )
        )
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_now)

        self.segment = self._combo(
            "filter_segment", QCoreApplication.translate("FilterBar", "Segment")
        )
        self.region = self._combo(
            "filter_region", QCoreApplication.translate("FilterBar", "Region")
        )
        self.owner = self._combo("filter_owner", QCoreApplication.translate("FilterBar", "Owner"))
        self.abc = self._combo("filter_abc", QCoreApplication.translate("FilterBar", "ABC class"))
        self.group = self._combo(
            "filter_group", QCoreApplication.translate("FilterBar", "Product group")
        )
        self.group.setToolTip(
            QCoreApplication.translate("FilterBar", "Show only the products of one group")
        )

        self.sort = self._combo(
            "filter_sort", QCoreApplication.translate("FilterBar", "Sort customers")
        )
        for key, text in (
            (SortKey.NONE, QCoreApplication.translate("FilterBar", "Order of entry")),
            (SortKey.NAME, QCoreApplication.translate("FilterBar", "Sort by name")),
            (SortKey.WHITE_SPOTS, QCoreApplication.translate("FilterBar", "Sort by white spots")),
            (
                SortKey.COMPETITOR,
                QCoreApplication.translate("FilterBar", "Sort by competitor cells"),
            ),
            (SortKey.NEED, QCoreApplication.translate("FilterBar", "Sort by needs")),
        ):
            self.sort.addItem(text, key)
        # Checked = descending. The button says which order it shows ("Most first"), and
        # choosing a count to sort by starts with the most.
        self.descending = QToolButton(self)
        self.descending.setObjectName("filter_descending")
        self.descending.setCheckable(True)
        self.descending.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.descending.setAccessibleName(QCoreApplication.translate("FilterBar", "Sort order"))
        self.descending.toggled.connect(self._update_sort_button)
        self.descending.toggled.connect(self.apply)

        self.only_white = QCheckBox(
            QCoreApplication.translate("FilterBar", "Only customers with white spots"), self
        )
        self.only_white.setObjectName("filter_only_white")
        self.only_white.toggled.connect(self.apply)
        self.only_stale = QCheckBox(
            QCoreApplication.translate("FilterBar", "Only customers with stale answers"), self
        )
        self.only_stale.setObjectName("filter_only_stale")
        self.only_stale.setToolTip(
            QCoreApplication.translate(
                "FilterBar", "Customers with answers verified longer ago than the stale threshold"
            )
        )
        self.only_stale.toggled.connect(self.apply)
        self.white_scope = self._combo(
            "filter_white_scope",
            QCoreApplication.translate("FilterBar", "Where to look for white spots"),
        )
        self.white_scope.addItem(
            QCoreApplication.translate("FilterBar", "in the products shown"), SCOPE_VISIBLE
        )
        self.white_scope.addItem(
            QCoreApplication.translate("FilterBar", "in the selected products"), SCOPE_SELECTED
        )

        self.product = self._combo(
            "filter_product", QCoreApplication.translate("FilterBar", "Product")
        )
        self.product.setToolTip(
            QCoreApplication.translate(
                "FilterBar", "Customers where this product has the chosen state"
            )
        )
        self.product_state = self._combo(
            "filter_product_state", QCoreApplication.translate("FilterBar", "State of the product")
        )
        for code, text in (
            (int(Mark.COMPETITOR), QCoreApplication.translate("FilterBar", "is competitor (W)")),
            (int(Mark.NEED), QCoreApplication.translate("FilterBar", "is need (B)")),
            (WHITE, QCoreApplication.translate("FilterBar", "is a white spot")),
            (int(Mark.OURS), QCoreApplication.translate("FilterBar", "is ours (X)")),
            (int(Mark.NO_NEED), QCoreApplication.translate("FilterBar", "is no need (K)")),
        ):
            self.product_state.addItem(text, code)

        self.inactive_customers = QCheckBox(
            QCoreApplication.translate("FilterBar", "Inactive customers"), self
        )
        self.inactive_customers.setObjectName("filter_inactive_customers")
        self.inactive_customers.setToolTip(
            QCoreApplication.translate("FilterBar", "Also show deactivated customers")
        )
        self.inactive_customers.toggled.connect(self.apply)
        self.inactive_products = QCheckBox(
            QCoreApplication.translate("FilterBar", "Inactive products"), self
        )
        self.inactive_products.setObjectName("filter_inactive_products")
        self.inactive_products.setToolTip(
            QCoreApplication.translate("FilterBar", "Also show deactivated products")
        )
        self.inactive_products.toggled.connect(self.apply)

        self.clear_button = QPushButton(
            QCoreApplication.translate("FilterBar", "Clear filters"), self
        )
        self.clear_button.setObjectName("filter_clear")
        self.clear_button.setToolTip(
            QCoreApplication.translate("FilterBar", "Show all customers and products again")
        )
        self.clear_button.clicked.connect(self.clear)

        # Groups flow left to right and wrap onto a further row when the window is narrow
        # (a 1366-pixel laptop with the side panel, the longer German texts): nothing is cut
        # and nothing hides behind a scroll bar.
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        self.product.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.product.setMinimumContentsLength(20)
        self.sort.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        flow = FlowLayout(self, spacing=5)
        flow.setContentsMargins(4, 4, 4, 2)
        flow.addWidget(self.search)
        for combo in (self.segment, self.region, self.owner, self.abc, self.group):
            flow.addWidget(combo)
        flow.addWidget(self._group(self.only_white, self.white_scope))
        product_label = QLabel(QCoreApplication.translate("FilterBar", "Product:"), self)
        flow.addWidget(self._group(product_label, self.product, self.product_state))
        flow.addWidget(self._group(self.sort, self.descending))
        for w in (self.inactive_customers, self.inactive_products, self.only_stale):
            flow.addWidget(w)
        flow.addWidget(self.clear_button)

        # Combos whose change applies at once (the search box waits for a pause).
        for combo in (
            self.segment,
            self.region,
            self.owner,
            self.abc,
            self.group,
            self.sort,
            self.product,
            self.product_state,
        ):
            if combo is self.sort:
                combo.currentIndexChanged.connect(self._sort_key_changed)
            combo.currentIndexChanged.connect(self.apply)
        self.white_scope.currentIndexChanged.connect(self._scope_changed)
        self._update_sort_button()
        self._fill_choices()
        self._update_enabled()

    def _sort_key_changed(self) -> None:
        """A count to sort by starts with the most, a name with A (the rep can flip it)."""
        key = self.sort.currentData()
        with QSignalBlocker(self.descending):
            self.descending.setChecked(key in COUNT_SORT_KEYS)
        self._update_sort_button()

    def _update_sort_button(self) -> None:
        """The button names the order it shows; its tooltip the order a click gives."""
        key = self.sort.currentData()
        if key in COUNT_SORT_KEYS:
            labels = (
                QCoreApplication.translate("FilterBar", "Fewest first"),
                QCoreApplication.translate("FilterBar", "Most first"),
            )
        elif key == SortKey.PRODUCT:
            labels = (
                QCoreApplication.translate("FilterBar", "Ours first"),
                QCoreApplication.translate("FilterBar", "White spots first"),
            )
        elif key == SortKey.NAME:
            labels = (
                QCoreApplication.translate("FilterBar", "A to Z"),
                QCoreApplication.translate("FilterBar", "Z to A"),
            )
        else:
            labels = (
                QCoreApplication.translate("FilterBar", "As entered"),
                QCoreApplication.translate("FilterBar", "Last entered first"),
            )
        now = int(self.descending.isChecked())
        self.descending.setText(labels[now])
        self.descending.setToolTip(
            QCoreApplication.translate("FilterBar", "Click for: %1").replace("%1", labels[1 - now])
        )

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        # As wide as its longest entry ("Alle Produktgruppen"): the bar wraps instead.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 22)
        combo.setToolTip(accessible)
        return combo

    def _group(self, *widgets: QWidget) -> QWidget:
        """Widgets that belong together stay on one row of the flow."""
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for w in widgets:
            row.addWidget(w)
        return box

    # -- workspace -----------------------------------------------------------------------------
    def set_workspace(self, ws: Workspace | None) -> None:
        """Follow another open file: filters are cleared, choices refilled."""
        if self.workspace is not None:
            try:
                self.workspace.structure_changed.disconnect(self._structure_changed)
                customer_data(self.workspace).recount_needed.disconnect(self._ages_recounted)
            except (RuntimeError, TypeError):
                pass
        self.workspace = ws
        if ws is not None:
            ws.structure_changed.connect(self._structure_changed)
            customer_data(ws).recount_needed.connect(self._ages_recounted)
        self._fill_choices()
        self._update_enabled()
        self.set_spec(FilterSpec())

    def _stale_rows(self, cols):
        """Rows with stale answers (the side panel keeps which cells are stale)."""
        ws = self.workspace
        return customer_data(ws).stale_rows(cols) if ws is not None else []

    def _ages_recounted(self) -> None:
        # Stale cells were (re)computed, e.g. in the background after opening a big file.
        if self.only_stale.isChecked():
            self.apply()

    def _structure_changed(self) -> None:
        # The model showed everything after the reset; re-apply the current filter on the
        # new shape (refilled choices keep their selected value when it still exists).
        self._fill_choices()
        self.apply()

    def _update_enabled(self) -> None:
        has = self.workspace is not None
        for w in self.findChildren(QWidget):
            w.setEnabled(has)

    def _fill_choices(self) -> None:
        ws = self.workspace
        customers = ws.matrix.customers if ws is not None else []
        attrs = (
            (self.segment, "segment", QCoreApplication.translate("FilterBar", "All segments")),
            (self.region, "region", QCoreApplication.translate("FilterBar", "All regions")),
            (self.owner, "owner", QCoreApplication.translate("FilterBar", "All owners")),
            (self.abc, "abc_class", QCoreApplication.translate("FilterBar", "All ABC classes")),
        )
        for combo, attribute, all_text in attrs:
            values = distinct_values(customers, attribute)
            self._refill(combo, [(all_text, None), *((v, v) for v in values)])

        groups: list[tuple[str, object]] = [
            (QCoreApplication.translate("FilterBar", "All product groups"), None)
        ]
        products: list[tuple[str, object]] = [
            (QCoreApplication.translate("FilterBar", "Any product"), None)
        ]
        if ws is not None:
            m = ws.matrix
            for g in sorted(m.groups.values(), key=lambda g: (g.sort_order, g.id)):
                groups.append((g.name, g.id))
            if any(p.group_id is None for p in m.products):
                groups.append((QCoreApplication.translate("FilterBar", "(no group)"), UNGROUPED))
            for j in column_order(m):
                p = m.products[j]
                products.append(
                    (
                        p.name
                        if p.active
                        else QCoreApplication.translate("FilterBar", "%1 (inactive)").replace(
                            "%1", p.name
                        ),
                        p.id,
                    )
                )
        self._refill(self.group, groups)
        self._refill(self.product, products)

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
        """Replace the items; keep the current value when it still exists."""
        current = combo.currentData()
        with QSignalBlocker(combo):
            combo.clear()
            for text, value in items:
                combo.addItem(text, value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))

    # -- spec <-> widgets ----------------------------------------------------------------------
    def spec(self) -> FilterSpec:
        """The filter the widgets currently describe."""
        scope_selected = self.white_scope.currentData() == SCOPE_SELECTED
        return FilterSpec(
            text=self.search.text(),
            only_white_spots=self.only_white.isChecked(),
            white_spot_product_ids=self._scope_ids if scope_selected else None,
            product_id=self.product.currentData(),
            product_code=self.product_state.currentData(),
            segment=self.segment.currentData(),
            region=self.region.currentData(),
            owner=self.owner.currentData(),
            abc_class=self.abc.currentData(),
            group_id=self.group.currentData(),
            show_inactive_customers=self.inactive_customers.isChecked(),
            show_inactive_products=self.inactive_products.isChecked(),
            sort_key=self.sort.currentData(),
            descending=self.descending.isChecked(),
            only_stale=self.only_stale.isChecked(),
            sort_product_id=(
                self._sort_product_id if self.sort.currentData() == SortKey.PRODUCT else None
            ),
        )

    def set_spec(self, spec: FilterSpec) -> None:
        """Show ``spec`` in the widgets and apply it (one refilter)."""
        self._show_product_sort(spec.sort_product_id if spec.sort_key is SortKey.PRODUCT else None)
        blockers = [QSignalBlocker(w) for w in self.findChildren(QWidget)]
        try:
            self.search.setText(spec.text)
            self.only_white.setChecked(spec.only_white_spots)
            if spec.white_spot_product_ids is None:
                self.white_scope.setCurrentIndex(0)
            else:
                self._scope_ids = frozenset(spec.white_spot_product_ids)
                self.white_scope.setCurrentIndex(1)
            for combo, value in (
                (self.product, spec.product_id),
                (self.product_state, spec.product_code),
                (self.segment, spec.segment),
                (self.region, spec.region),
                (self.owner, spec.owner),
                (self.abc, spec.abc_class),
                (self.group, spec.group_id),
                (self.sort, spec.sort_key),
            ):
                index = combo.findData(value) if value is not None else 0
                combo.setCurrentIndex(max(index, 0))
            self.inactive_customers.setChecked(spec.show_inactive_customers)
            self.inactive_products.setChecked(spec.show_inactive_products)
            self.descending.setChecked(spec.descending)
            self.only_stale.setChecked(spec.only_stale)
        finally:
            for blocker in blockers:
                blocker.unblock()
        self._update_sort_button()
        self.apply_now()

    def _show_product_sort(self, product_id: int | None) -> None:
        """The sort list offers "by the mark in P" while that sort is chosen."""
        ws = self.workspace
        index = self.sort.findData(SortKey.PRODUCT)
        known = ws is not None and product_id is not None and product_id in ws.matrix.col_of
        self._sort_product_id = product_id if known else None
        with QSignalBlocker(self.sort):
            if not known or ws is None or product_id is None:  # (the last two: for mypy)
                if index >= 0:
                    self.sort.removeItem(index)
                return
            name = ws.matrix.products[ws.matrix.col_of[product_id]].name
            text = QCoreApplication.translate("FilterBar", "Sort by the mark in “%1”").replace(
                "%1", name
            )
            if index < 0:
                self.sort.addItem(text, SortKey.PRODUCT)
            else:
                self.sort.setItemText(index, text)

    def sort_by_product(self, product_id: int) -> None:
        """Order customers by their mark in one product (as in the legend: X, W, B, K, empty)."""
        self._show_product_sort(product_id)
        index = self.sort.findData(SortKey.PRODUCT)
        if index < 0:
            return
        with QSignalBlocker(self.sort):
            self.sort.setCurrentIndex(index)
        with QSignalBlocker(self.descending):
            self.descending.setChecked(False)
        self._update_sort_button()
        self.apply()

    def filter_product(self, product_id: int, code: int) -> None:
        """Show only customers whose cell in this product has this state (grid code)."""
        product = self.product.findData(product_id)
        state = self.product_state.findData(code)
        if product < 0 or state < 0:
            return
        with QSignalBlocker(self.product), QSignalBlocker(self.product_state):
            self.product.setCurrentIndex(product)
            self.product_state.setCurrentIndex(state)
        self.apply()

    def product_menu(self, product_id: int) -> QMenu:
        """What a click on a product's header offers: sort by it, filter by its state."""
        ws = self.workspace
        menu = QMenu(self)
        if ws is None or product_id not in ws.matrix.col_of:
            return menu
        name = ws.matrix.products[ws.matrix.col_of[product_id]].name
        sort = menu.addAction(
            QCoreApplication.translate("FilterBar", "Sort customers by the mark in “%1”").replace(
                "%1", name
            )
        )
        sort.triggered.connect(lambda: self.sort_by_product(product_id))
        states = menu.addMenu(
            QCoreApplication.translate("FilterBar", "Show only customers where “%1”").replace(
                "%1", name
            )
        )
        for i in range(self.product_state.count()):
            act = states.addAction(self.product_state.itemText(i))
            code = self.product_state.itemData(i)
            act.triggered.connect(lambda _c=False, c=code: self.filter_product(product_id, c))
        return menu

    def clear(self) -> None:
        """Clear all filters and sorting in one click."""
        self._scope_ids = frozenset()
        self.set_spec(FilterSpec())
        self.message.emit(QCoreApplication.translate("FilterBar", "All filters cleared"))

    def _scope_changed(self) -> None:
        if self.white_scope.currentData() == SCOPE_SELECTED:
            ids = frozenset(self._selected_product_ids())
            if not ids:
                with QSignalBlocker(self.white_scope):
                    self.white_scope.setCurrentIndex(0)
                self.message.emit(
                    QCoreApplication.translate(
                        "FilterBar", "Select one or more product columns first"
                    )
                )
                return
            self._scope_ids = ids
            self.white_scope.setToolTip(
                QCoreApplication.translate(
                    "FilterBar", "White spots in %1 selected products"
                ).replace("%1", str(len(ids)))
            )
            if not self.only_white.isChecked():
                with QSignalBlocker(self.only_white):
                    self.only_white.setChecked(True)
        self.apply()

    # -- applying ------------------------------------------------------------------------------
    def apply_now(self) -> None:
        self._search_timer.stop()
        self.apply()

    def apply(self) -> None:
        """Compute the visible rows/columns for the current widgets and show them."""
        ws = self.workspace
        if ws is None:
            return
        spec = self.spec()
        # Filter on what the summaries count: with the side panel, "no need" cells whose
        # re-check date has passed count as white spots again.
        result = apply_filters(self.model.counting_matrix(), spec, stale_rows=self._stale_rows)
        self.spec_applied, self.result = spec, result
        self.model.set_visible(result.rows, result.cols, white=result.white)
        active = not spec.is_default
        self.clear_button.setEnabled(active)
        show_all = QCoreApplication.translate("FilterBar", "Show all customers and products again")
        if self.model.grouping_active:
            # Key accounts grouped: filters work on sites (and customers without a key
            # account), like the status bar; a key account's own row is not counted.
            shown = QCoreApplication.translate(
                "FilterBar", "Filtered: %1 of %2 sites and customers (key accounts not counted)"
            )
            counted, total = len(self.model.counted_rows()), self.model.key_accounts.n_members
        else:
            shown = QCoreApplication.translate("FilterBar", "Filtered: %1 of %2 customers")
            counted, total = len(result.rows), ws.matrix.n_rows
        self.clear_button.setToolTip(
            shown.replace("%1", QLocale().toString(counted)).replace(
                "%2", QLocale().toString(total)
            )
            + "\n"
            + show_all
            if active
            else show_all
        )
        self.applied.emit(spec, result)


def install(window) -> None:
    """Put the filter bar above the matrix and add its actions (``EXTENSION_MODULES``)."""
    from kpm_desktop.gui.actions import MenuId

    def selected_product_ids() -> list[int]:
        ws = window.workspace
        if ws is None:
            return []
        selection = window.view.selectionModel()
        cols = sorted({index.column() for index in selection.selectedIndexes()})
        return [ws.matrix.products[window.model.matrix_col(c)].id for c in cols]

    bar = FilterBar(window.model, selected_product_ids, window)
    window.filter_bar = bar
    window.set_filter_widget(bar)
    window.workspace_changed.connect(bar.set_workspace)
    bar.message.connect(lambda text: window.statusBar().showMessage(text, 4000))
    if window.workspace is not None:
        bar.set_workspace(window.workspace)

    def find() -> None:
        bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        bar.search.selectAll()

    def jump_to_first_hit() -> None:
        """Enter in the search box: the first matching customer becomes current, ready to mark."""
        model, view = window.model, window.view
        if not bar.search.text().strip():
            return
        if not model.rowCount() or not model.columnCount():
            bar.message.emit(QCoreApplication.translate("FilterBar", "No customer matches."))
            return
        index = model.index(0, max(0, view.currentIndex().column()))
        view.setCurrentIndex(index)
        view.scrollTo(index)
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def product_header_clicked(view_col: int, where) -> None:
        ws = window.workspace
        if ws is None or not 0 <= view_col < window.model.columnCount():
            return
        product = ws.matrix.products[window.model.matrix_col(view_col)]
        menu = bar.product_menu(product.id)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(where)

    window.view.horizontalHeader().product_clicked.connect(product_header_clicked)

    # After the bar's own apply_now (connected first): the list is current.
    bar.search.returnPressed.connect(jump_to_first_hit)

    window.action_registry.add(
        "filter.find",
        QCoreApplication.translate("FilterBar", "&Find customer…"),
        find,
        menu=MenuId.VIEW,
        section="filter",
        shortcut=QKeySequence.StandardKey.Find,
        tip=QCoreApplication.translate("FilterBar", "Search customers by name, number or city"),
    )
    window.action_registry.add(
        "filter.clear",
        QCoreApplication.translate("FilterBar", "C&lear all filters"),
        bar.clear,
        menu=MenuId.VIEW,
        section="filter",
        shortcut="Ctrl+Shift+L",
        tip=QCoreApplication.translate("FilterBar", "Show all customers and products again"),
    )
    window.action_registry.add(
        "filter.only_white",
        QCoreApplication.translate("FilterBar", "Only customers with &white spots"),
        bar.only_white.setChecked,
        menu=MenuId.VIEW,
        section="filter",
        checkable=True,
    )
    only_white_action = window.action_registry["filter.only_white"]
    bar.only_white.toggled.connect(only_white_action.setChecked)
