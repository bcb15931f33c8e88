"""The customer side panel: a dock beside the matrix that follows the current customer and cell.

Tabs: customer (master data and key figures), goals, notes, cell details, visit preparation,
changed since. The views only show data and emit plain requests; this dock turns each request
into one undo command on the workspace's stack (committed at once) and refreshes what the
change touched.

Why this module is long: it is the one place where every tab's requests become undo commands
and where each change refreshes exactly the tabs it touched (a key account shows figures and
ask-lists over its sites); the views themselves live in their own modules.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QMenu,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.customer_kpis import customer_kpis
from kpm_desktop.domain.entities import CellRecord, Goal, GoalStatus, stored_id
from kpm_desktop.domain.key_accounts import KeyAccounts, key_account_kpis
from kpm_desktop.domain.visit_prep import changes_since, start_of_day
from kpm_desktop.gui.side_panel.customer_view import KpiBox, MasterDataForm
from kpm_desktop.gui.side_panel.key_account_view import KeyAccountBox
from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.storage.errors import StorageError
from kpm_desktop.workspace.customer_commands import (
    AddGoalCommand,
    AddNoteCommand,
    CustomerData,
    DeleteGoalCommand,
    DeleteNoteCommand,
    ReorderGoalsCommand,
    UpdateGoalCommand,
    UpdateNoteCommand,
    confirm_cells,
    customer_data,
    edit_cell,
    set_no_need_reasons,
    update_customer,
)
from kpm_desktop.workspace.workspace import Workspace

if TYPE_CHECKING:  # the other tabs' modules are imported when the tab is first built
    from kpm_desktop.gui.side_panel.cell_details import CellDetailsView
    from kpm_desktop.gui.side_panel.changed_view import ChangedSinceView
    from kpm_desktop.gui.side_panel.goals_view import GoalsView
    from kpm_desktop.gui.side_panel.notes_view import NotesView
    from kpm_desktop.gui.side_panel.visit_prep_view import VisitPrepView


class SidePanel(QWidget):
    """The panel's content (usable without a dock, e.g. in tests and screenshots)."""

    cell_requested = Signal(int, int)  # customer id, product id: ask the matrix to go there
    error = Signal(str)  # a change could not be stored (one line for the user)

    def __init__(self, ws: Workspace | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws: Workspace | None = None
        self.data: CustomerData | None = None
        self.customer_id: int | None = None
        self.product_id: int | None = None
        self._choices_for: object = None

        self.master = MasterDataForm(self)
        self.kpis = KpiBox(self)
        self.key_account = KeyAccountBox(self)
        self.key_account.hide()
        self._ka = KeyAccounts()
        customer_tab = QWidget(self)
        ct = QVBoxLayout(customer_tab)
        ct.addWidget(self.key_account)
        ct.addWidget(self.kpis)
        ct.addWidget(self.master)
        ct.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(customer_tab)
        scroll.setAccessibleName(self.tr("Customer master data and figures"))
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Customer panel sections"))
        # Short tab names (the full name is the tooltip) so all six fit a laptop's panel
        # without scroll arrows; a narrower panel elides them, and the menu button at the
        # right lists every section by its full name.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tab_customer = self._add_tab(scroll, self.tr("Customer"), self.tr("Customer"))
        # The other tabs are built when first shown or asked for (``goals``, ``notes``, ...
        # are properties): only the visible tab is on the start path. The tall forms scroll:
        # otherwise they set the window's minimum height (with the insights dock below it,
        # more than a 768 px laptop screen).
        self._views: dict[str, QWidget] = {}
        self._writable = True
        self._holders: dict[str, QWidget] = {}
        self.tab_goals = self._lazy_tab("goals", self.tr("Goals"), self.tr("Goals"))
        self.tab_notes = self._lazy_tab("notes", self.tr("Notes"), self.tr("Notes"))
        self.tab_cell = self._lazy_tab("cell", self.tr("Cell"), self.tr("Cell details"))
        self.tab_visit = self._lazy_tab("visit", self.tr("Visit"), self.tr("Visit preparation"))
        self.tab_changed = self._lazy_tab("changed", self.tr("Changes"), self.tr("Changed since"))
        self.tabs.currentChanged.connect(self._build_current_tab)
        self.sections_button = QToolButton(self.tabs)
        self.sections_button.setText("≡")
        self.sections_button.setAccessibleName(self.tr("All sections"))
        self.sections_button.setToolTip(self.tr("All sections"))
        self.sections_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.sections_button.setAutoRaise(True)
        sections = QMenu(self.sections_button)
        for index in range(self.tabs.count()):
            act = sections.addAction(self.tabs.tabToolTip(index))
            act.triggered.connect(lambda _c=False, i=index: self.tabs.setCurrentIndex(i))
        self.sections_button.setMenu(sections)
        self.tabs.setCornerWidget(self.sections_button, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        # views -> commands (each checks that a file is open)
        self.master.save_requested.connect(lambda c: self._run(update_customer, c))
        self.master.problem.connect(self.error)
        self.key_account.site_requested.connect(self._go_to_site)
        self.set_workspace(ws)

    # -- tabs built on first use ---------------------------------------------------------------
    def _lazy_tab(self, name: str, short: str, full: str) -> int:
        holder = QWidget(self)
        holder.setObjectName(f"side_panel_{name}_tab")
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        self._holders[name] = holder
        return self._add_tab(holder, short, full)

    def _build_current_tab(self, index: int) -> None:
        for name, holder in self._holders.items():
            if self.tabs.widget(index) is holder:
                self._view(name)

    def _built(self, name: str) -> Any:  # the tab's own view (GoalsView, ...) or None
        return self._views.get(name)

    def _view(self, name: str) -> QWidget:
        view = self._views.get(name)
        if view is not None:
            return view
        if name == "goals":
            from kpm_desktop.gui.side_panel.goals_view import GoalsView

            view = GoalsView(self)
            view.add_requested.connect(lambda g: self._push(AddGoalCommand, g))
            view.update_requested.connect(lambda g: self._push(UpdateGoalCommand, g))
            view.delete_requested.connect(lambda g: self._push(DeleteGoalCommand, g))
            view.reorder_requested.connect(self._reorder_goals)
            content: QWidget = self._scrolling(view, self.tr("Goals"))
        elif name == "notes":
            from kpm_desktop.gui.side_panel.notes_view import NotesView

            view = content = NotesView(self)
            view.add_requested.connect(lambda n: self._push(AddNoteCommand, n))
            view.update_requested.connect(lambda n: self._push(UpdateNoteCommand, n))
            view.delete_requested.connect(lambda n: self._push(DeleteNoteCommand, n))
        elif name == "cell":
            from kpm_desktop.gui.side_panel.cell_details import CellDetailsView

            view = CellDetailsView(self)
            view.save_requested.connect(self._save_cell)
            view.confirm_requested.connect(self._confirm_cell)
            view.reasons_edited.connect(lambda reasons: self._run(set_no_need_reasons, reasons))
            content = self._scrolling(view, self.tr("Cell"))
        elif name == "visit":
            from kpm_desktop.gui.side_panel.key_account_visit import KeyAccountVisitView
            from kpm_desktop.gui.side_panel.visit_controller import VisitPrepController
            from kpm_desktop.gui.side_panel.visit_prep_view import VisitPrepView

            view = content = VisitPrepView(self)
            # Answers in the visit tab: the same controller as the trip debrief.
            self.visit_controller = VisitPrepController(view)
            self.visit_controller.error.connect(self.error)
            view.cell_selected.connect(self._visit_cell_selected)
            view.create_goal_requested.connect(self._visit_create_goal)
            # On a key account: its sites' ask-lists instead of its own (empty) row's (a
            # second widget in the tab, shown instead of the preparation).
            self.key_account_visit = KeyAccountVisitView(self._holders[name])
            self.key_account_visit.hide()
            self.key_account_visit.cell_requested.connect(self._go_to_site_cell)
            holder_layout = self._holders[name].layout()
            assert holder_layout is not None
            holder_layout.addWidget(self.key_account_visit)
        else:
            from kpm_desktop.gui.side_panel.changed_view import ChangedSinceView

            view = content = ChangedSinceView(self)
            view.since_changed.connect(lambda _d: self._refresh_changed())
        self._views[name] = view
        holder_layout = self._holders[name].layout()
        assert holder_layout is not None  # every holder gets a layout in __init__
        holder_layout.addWidget(content)
        self._show_edit_controls(self._writable)
        getattr(self, f"_refresh_{name}")()
        return view

    @property
    def goals(self) -> GoalsView:
        return cast("GoalsView", self._view("goals"))  # the key names this view's class

    @property
    def notes(self) -> NotesView:
        return cast("NotesView", self._view("notes"))  # the key names this view's class

    @property
    def cell(self) -> CellDetailsView:
        return cast("CellDetailsView", self._view("cell"))  # the key names this view's class

    @property
    def visit(self) -> VisitPrepView:
        return cast("VisitPrepView", self._view("visit"))  # the key names this view's class

    @property
    def changed(self) -> ChangedSinceView:
        return cast("ChangedSinceView", self._view("changed"))  # the key names this view's class

    # -- workspace ---------------------------------------------------------------------------
    def _connections(self) -> list:
        ws, data = self.ws, self.data
        assert ws is not None and data is not None
        return [
            (ws.current_customer_changed, self._customer_focus),
            (ws.cells_changed, self._on_cells_changed),
            (ws.structure_changed, self._customers_changed),
            (ws.structure_changed, self.refresh),
            (ws.competitors_changed, self._refresh_cell),
            (data.notes_changed, self._on_notes_changed),
            (data.goals_changed, self._on_goals_changed),
            (data.settings_changed, self._on_setting_changed),
        ]

    def set_workspace(self, ws: Workspace | None) -> None:
        """Show another open file (or none)."""
        if self.ws is not None:
            for signal, slot in self._connections():
                signal.disconnect(slot)
        self.ws = ws
        self.data = customer_data(ws) if ws is not None else None
        self.customer_id = ws.current_customer if ws is not None else None
        self.product_id = None
        if ws is not None:
            for signal, slot in self._connections():
                signal.connect(slot)
        self.tabs.setEnabled(ws is not None)
        self._show_edit_controls(ws is None or not ws.read_only)
        self.refresh()

    def _customers_changed(self) -> None:
        self._choices_for = None

    def _show_edit_controls(self, writable: bool) -> None:
        """A file opened read-only can be read here but offers no edit buttons."""
        self._writable = writable
        controls = [self.master.save_button, self.master.revert_button]
        goals, notes, cell, visit = (self._built(n) for n in ("goals", "notes", "cell", "visit"))
        if goals is not None:
            controls += [goals.new_button, goals.save_button, goals.delete_button,
                         goals.up_button, goals.down_button]  # fmt: skip
        if notes is not None:
            controls += [notes.new_button, notes.save_button, notes.delete_button]
        if cell is not None:
            controls += [cell.save_button, cell.confirm_button, cell.edit_reasons]
        if visit is not None:
            controls += [*visit.mark_buttons.values(), visit.confirm_button, visit.goal_button,
                         visit.create_goal_button, visit.note_edit, visit.note_button]  # fmt: skip
        for widget in controls:
            widget.setVisible(writable)

    def _run(self, fn, *args) -> None:
        """Run a workspace operation; errors (read-only file, disk full) go to the user."""
        if self.ws is None:
            return
        try:
            fn(self.ws, *args)
        except (StorageError, sqlite3.Error, KeyError) as exc:
            self.error.emit(storage_text(exc) or type(exc).__name__)

    def _push(self, command_type, *args) -> None:
        self._run(lambda ws, *a: ws.push(command_type(ws, *a)), *args)

    # -- focus -------------------------------------------------------------------------------
    def set_current_cell(self, customer_id: int | None, product_id: int | None) -> None:
        """Follow the matrix's current cell (the main window calls this on every move)."""
        if self.ws is None:
            return
        self.commit_pending(leaving_customer=customer_id != self.customer_id)
        self.product_id = product_id
        if customer_id != self.customer_id:
            self.customer_id = customer_id
            self.ws.set_current_customer(customer_id)
            self.refresh()
        else:
            self._refresh_cell()

    def commit_pending(self, *, leaving_customer: bool = True) -> None:
        """Save what was typed into the master data or cell form and not saved yet.

        The rep types an answer and clicks the next cell: silently dropping the text lost
        data. Only real changes are saved (each its own undo step); nothing typed, nothing
        written.
        """
        if self.ws is None or self.ws.read_only:
            return
        if leaving_customer and self.master.isEnabled() and _amounts_ok(self.master.revenue):
            self.master._save()  # saves only if the form differs from the stored customer
        # A tab never built holds nothing typed.
        notes, goals, visit = self._built("notes"), self._built("goals"), self._built("visit")
        if leaving_customer and self.customer_id is not None:
            if notes is not None and notes.text.toPlainText().strip():
                notes._save()  # adds a new note, or updates the one shown if changed
            # A new goal's title (or an edited goal) typed and not saved.
            if goals is not None:
                goals.save_pending()
            if visit is not None and visit.note_edit.text().strip():
                # Otherwise the quick note stayed in the field and went to the next customer.
                visit._add_note()
        cell = self._built("cell")
        if self.customer_id is None or self.product_id is None or cell is None:
            return
        if not cell.isEnabled():
            return
        if not _amounts_ok(self.cell.our_revenue, self.cell.potential):
            return  # unreadable amount: never overwrite a stored value with nothing
        original = self.cell._record
        record, new_name = self.cell.edited()
        if new_name or _cell_form_changed(original, record):
            self._save_cell(record, new_name)

    def unreadable_amounts(self) -> list[str]:
        """Names of amount fields whose typed text is not a number (it cannot be saved)."""
        names = []
        if self.master.isEnabled() and not _amounts_ok(self.master.revenue):
            names.append(self.master.revenue.accessibleName())
        cell = self._built("cell")
        if cell is not None and cell.isEnabled():
            names += [e.accessibleName() for e in (cell.our_revenue, cell.potential)
                      if not _amounts_ok(e)]  # fmt: skip
        return names

    def _customer_focus(self, customer_id: int | None) -> None:
        if customer_id != self.customer_id:
            self.commit_pending()
            self.customer_id = customer_id
            self.product_id = None
            self.refresh()

    def _add_tab(self, widget: QWidget, short: str, full: str) -> int:
        index = self.tabs.addTab(widget, short)
        self.tabs.setTabToolTip(index, full)
        return index

    def _scrolling(self, view: QWidget, name: str) -> QScrollArea:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(view)
        scroll.setAccessibleName(name)
        return scroll

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    # -- refresh -----------------------------------------------------------------------------
    @property
    def today(self) -> date:
        return self.data.today if self.data is not None else date.today()

    def refresh(self) -> None:
        """Reload everything shown for the current customer."""
        ws = self.ws
        if ws is not None:
            if self.customer_id is not None and self.customer_id not in ws.matrix.row_of:
                self.customer_id = None
            if self.product_id is not None and self.product_id not in ws.matrix.col_of:
                self.product_id = None
        else:
            self.customer_id = self.product_id = None
        cid = self.customer_id
        if ws is not None and self._choices_for is not ws:
            # The key-account choices: rebuilt when the customers changed (one call).
            self._choices_for = ws
            self.master.set_customers(ws.matrix.customers)
            self._ka = KeyAccounts.build(ws.matrix.customers)
        self.master.set_customer(ws.repo.get_customer(cid) if ws and cid is not None else None)
        self._refresh_goals()
        self._refresh_notes()
        self._refresh_cell_dependent()

    def _refresh_cell_dependent(self) -> None:
        self._refresh_kpis()
        self._refresh_cell()
        self._refresh_visit()
        self._refresh_changed()

    def _competitor_names(self) -> dict[int, str]:
        assert self.ws is not None
        return {k: c.name for k, c in self.ws.competitors().items()}

    def _refresh_kpis(self) -> None:
        cid, ws = self.customer_id, self.ws
        if cid is None or ws is None:
            self.kpis.set_kpis(None)
            self.key_account.hide()
            self.kpis.show()
            return
        m = ws.matrix
        row = m.row_of[cid]
        if self._ka.is_group(row):
            # A key account: figures over its sites instead of its own (empty) row.
            sites = [m.customers[r] for r in self._ka.sites[row]]
            repo = ws.repo
            figures = key_account_kpis(
                sites,
                m.products,
                {sid: repo.cells_of_customer(sid) for sid in map(stored_id, sites)},
                self._competitor_names(),
                self.today,
            )
            goals = [
                (s, g)
                for s in sites
                for g in repo.goals_for(stored_id(s))
                if g.status is GoalStatus.OPEN
            ]
            self.key_account.set_figures(figures, goals)
            self.key_account.show()
            self.kpis.hide()
            return
        self.key_account.hide()
        self.kpis.show()
        self.kpis.set_kpis(
            customer_kpis(
                ws.matrix.products,
                ws.repo.cells_of_customer(cid),
                self._competitor_names(),
                self.today,
            )
        )

    def _refresh_goals(self) -> None:
        if self._built("goals") is None:
            return
        cid, ws = self.customer_id, self.ws
        if cid is None or ws is None:
            self.goals.set_goals(None, [], ws.matrix.products if ws else [])
            return
        self.goals.set_goals(cid, ws.repo.goals_for(cid), ws.matrix.products)

    def _refresh_notes(self) -> None:
        if self._built("notes") is None:
            return
        cid, ws = self.customer_id, self.ws
        self.notes.set_notes(cid, ws.repo.notes_for(cid) if ws and cid is not None else [])

    def _refresh_cell(self) -> None:
        if self._built("cell") is None:
            return
        cid, pid, ws, data = self.customer_id, self.product_id, self.ws, self.data
        if cid is None or pid is None or ws is None or data is None:
            self.cell.set_cell("", "", None, [], [], [], stale=False, due=False, enabled=False)
            return
        m = ws.matrix
        repo = ws.repo
        self.cell.set_cell(
            m.customers[m.row_of[cid]].name,
            m.products[m.col_of[pid]].name,
            repo.get_cell(cid, pid),
            list(ws.competitors().values()),
            data.no_need_reasons(),
            repo.history(customer_id=cid, product_id=pid, limit=50),
            stale=data.ages.is_stale(cid, pid),
            due=data.ages.is_recheck_due(cid, pid),
            enabled=not ws.read_only,
        )

    def _refresh_visit(self) -> None:
        view = self._built("visit")
        if view is None:
            return
        cid, ws = self.customer_id, self.ws
        if ws is not None and cid is not None and self._ka.is_group(ws.matrix.row_of[cid]):
            from kpm_desktop.domain.trips import ask_list
            from kpm_desktop.gui.i18n import current_language
            from kpm_desktop.gui.side_panel.visit_controller import prepare_for

            m = ws.matrix
            sites = [m.customers[r] for r in self._ka.sites[m.row_of[cid]]]
            asked = []
            for site in sites:
                prep = prepare_for(ws, stored_id(site))
                asked.append((site, ask_list(prep) if prep is not None else []))
            self.visit_controller.set_target(None, None)
            self.key_account_visit.set_sites(m.customers[m.row_of[cid]], asked, current_language())
            view.setVisible(False)
            self.key_account_visit.setVisible(True)
            return
        if self.key_account_visit.isVisibleTo(self._holders["visit"]):
            self.key_account_visit.setVisible(False)
            view.setVisible(True)
        self.visit_controller.set_target(ws, cid)

    def _refresh_changed(self) -> None:
        if self._built("changed") is None:
            return
        cid, ws = self.customer_id, self.ws
        if cid is None or ws is None:
            self.changed.set_changes([], [], {})
            self.changed.setEnabled(False)
            return
        self.changed.setEnabled(True)
        since = self.changed.since_date()
        history = ws.repo.history(customer_id=cid, since=start_of_day(since))
        notes = [n for n in ws.repo.notes_for(cid) if n.note_date >= since]
        products = {stored_id(p): p for p in ws.matrix.products}
        self.changed.set_changes(changes_since(history, since), notes, products)

    def _on_cells_changed(self, cells: list) -> None:
        cid, ws = self.customer_id, self.ws
        if cid is None or ws is None:
            return
        row = ws.matrix.row_of.get(cid)
        touched = {r for r, _c in cells}
        if row in touched or (
            row is not None and self._ka.is_group(row) and touched & set(self._ka.sites[row])
        ):
            self._refresh_cell_dependent()

    def _on_notes_changed(self, customer_id: int) -> None:
        if customer_id == self.customer_id:
            self._refresh_notes()
            self._refresh_visit()
            self._refresh_changed()

    def _on_goals_changed(self, customer_id: int) -> None:
        if customer_id == self.customer_id:
            self._refresh_goals()
            self._refresh_visit()

    def _on_setting_changed(self, _key: str) -> None:
        self._refresh_cell_dependent()

    # -- requests ----------------------------------------------------------------------------
    def _go_to_site_cell(self, customer_id: int, product_id: int) -> None:
        """A site (and a product of its ask-list, -1 for none) chosen on a key account."""
        if product_id < 0:
            self._go_to_site(customer_id)
        else:
            self.cell_requested.emit(customer_id, product_id)

    def _go_to_site(self, customer_id: int) -> None:
        pid = self.product_id
        if pid is None and self.ws is not None and self.ws.matrix.products:
            pid = self.ws.matrix.products[0].id
        if pid is not None:
            self.cell_requested.emit(customer_id, pid)

    def _reorder_goals(self, ids: list) -> None:
        if self.customer_id is not None:
            self._push(ReorderGoalsCommand, self.customer_id, ids)

    def _save_cell(self, record: CellRecord | None, new_competitor: str) -> None:
        cid, pid = self.customer_id, self.product_id
        if cid is not None and pid is not None:
            self._run(lambda ws: edit_cell(ws, cid, pid, record, new_competitor=new_competitor))

    def _confirm_cell(self) -> None:
        cid, pid = self.customer_id, self.product_id
        if cid is not None and pid is not None:
            self._run(confirm_cells, [(cid, pid)])

    def _visit_cell_selected(self, product_id: int) -> None:
        self.product_id = product_id
        self._refresh_cell()
        if self.customer_id is not None:
            self.cell_requested.emit(self.customer_id, product_id)

    def _visit_create_goal(self, product_id: int) -> None:
        if self.customer_id is None or self.ws is None:
            return
        m = self.ws.matrix
        product = m.products[m.col_of[product_id]]
        self.goals.start_new()
        self.goals.fill(
            Goal(customer_id=self.customer_id, title=product.name, product_ids=(product_id,))
        )
        self.tabs.setCurrentIndex(self.tab_goals)
        self.goals.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.goals.title.selectAll()


def _amounts_ok(*edits) -> bool:
    """Every amount field is empty or holds a number."""
    return all(not e.text().strip() or e.value() is not None for e in edits)


def _cell_form_changed(original, edited) -> bool:
    """True if the cell form describes something else than the stored record."""
    if original is None or edited is None:
        return (original is None) != (edited is None)
    fields = ("mark", "competitor_id", "our_revenue", "potential", "contract_end",
              "no_need_reason", "recheck_at")  # fmt: skip
    if any(getattr(original, f) != getattr(edited, f) for f in fields):
        return True
    return (original.note or "").strip() != (edited.note or "").strip()


class SidePanelDock(QDockWidget):
    """The side panel as a dock widget (object name fixed so the window state restores it)."""

    def __init__(self, ws: Workspace | None, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("SidePanelDock", "Customer"), parent)
        self.setObjectName("customerSidePanel")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.panel = SidePanel(ws, self)
        self.setWidget(self.panel)

    def set_current_cell(self, customer_id: int | None, product_id: int | None) -> None:
        self.panel.set_current_cell(customer_id, product_id)

    def set_workspace(self, ws: Workspace | None) -> None:
        self.panel.set_workspace(ws)
