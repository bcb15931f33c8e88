"""The table model over the compact matrix grid.

Why this module is long: one hot-path table model. ``data()``, the count caches and the key-
account roll-up rows read the same index maps and grid; splitting them would add a Python call
per painted cell or spread the caches over modules.

Rows are customers, columns products, in the order of two index maps (``rows``, ``cols``)
that hold matrix indices. Filtering and sorting swap these maps (``set_visible``) with one
layout change instead of a QSortFilterProxyModel, which would call Python once per row on
every refilter.

Hot path: Qt calls ``data()`` several times per visible cell. Role numbers are plain ints
resolved once at import (a PySide6 enum lookup costs 8-10 µs), ``data()`` answers from the
bytearray, and painting (``MatrixView.paintEvent``, ``MarkDelegate``) bypasses ``data()``
altogether via ``code_at`` and the grid itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from kpm_desktop.domain.key_accounts import KeyAccounts, StateCounts, cell_counts, rollup_of_rows
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import MarkCounts, Matrix
from kpm_desktop.gui.palette import LETTER, mark_name
from kpm_desktop.workspace.workspace import Workspace

# Roles as ints, resolved once.
DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole.value)
TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole.value)
ACCESSIBLE_ROLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
STATUS_TIP_ROLE = int(Qt.ItemDataRole.StatusTipRole.value)
ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole.value)
USER_ROLE = int(Qt.ItemDataRole.UserRole.value)
MARK_ROLE = USER_ROLE + 1  # grid code (0 = white spot)
GROUP_ROLE = USER_ROLE + 2  # header: product group name
COUNTS_ROLE = USER_ROLE + 3  # header: MarkCounts of the visible part of the row/column
ID_ROLE = USER_ROLE + 4  # header: customer id / product id
HAS_NOTE_ROLE = USER_ROLE + 8  # cell: True when it carries a note (corner marker)
# cell: "mine X / theirs Y" of an open sync/merge conflict (None without one)
CONFLICT_ROLE = USER_ROLE + 16

_COUNT_FIELDS = ("white", "ours", "competitor", "need", "no_need")
_HORIZONTAL = Qt.Orientation.Horizontal
_CENTER = Qt.AlignmentFlag.AlignCenter
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


class MatrixModel(QAbstractTableModel):
    """Customers x products, showing the rows/columns in ``rows``/``cols`` order.

    Signals:
        visible_changed: the visible rows/columns or their counts changed (status bar).
    """

    visible_changed = Signal()

    def __init__(self, workspace: Workspace | None = None, parent=None) -> None:
        super().__init__(parent)
        self._ws: Workspace | None = None
        self._matrix = Matrix([], [])
        self._grid = self._matrix.grid
        self._n = 0
        self.rows: list[int] = []
        self.cols: list[int] = []
        self._row_pos: list[int] = []  # matrix row -> view row, -1 when hidden
        self._col_pos: list[int] = []
        self._filtered_rows = False
        self._filtered_cols = False
        self._row_counts: dict[int, MarkCounts] = {}
        self._col_counts: dict[int, MarkCounts] = {}
        self._totals: list[int] | None = None  # counts per code over the visible part
        self._white: int | None = None  # white spots in the visible part (status bar)
        self._white_all: int | None = None  # white spots in the whole matrix
        self._block: bytearray | None = None  # codes of the visible rows, all columns
        self._count_source: Callable[[], Matrix] | None = None
        # Key accounts: group rows show their sites' roll-up; counts run over sites only.
        self._ka = KeyAccounts()
        self._grouping = True  # View › Group sites under key accounts
        self._active = False  # grouping on and the file has key accounts
        self._collapsed: set[str] = set()  # uuids of collapsed key accounts
        self._base: list[int] | None = None  # rows the filter chose (None = all)
        self._counted: list[int] = []  # rows that count (no key-account rows)
        self._count_pos: list[int] = []  # matrix row -> position in _counted, -1
        self._rollups: dict[int, bytes] = {}
        self._state_counts: dict[int, StateCounts] = {}
        self._arranged: tuple | None = None  # (base, key accounts, order, shown) of _arrange
        if workspace is not None:
            self.set_workspace(workspace)

    # -- workspace -------------------------------------------------------------------------
    @property
    def workspace(self) -> Workspace | None:
        return self._ws

    @property
    def matrix(self) -> Matrix:
        return self._matrix

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show another open file (or nothing); filters are dropped."""
        if self._ws is not None:
            for signal, slot in self._connections():
                signal.disconnect(slot)
        self.beginResetModel()
        self._ws = workspace
        self._take_matrix()
        self.endResetModel()
        if workspace is not None:
            for signal, slot in self._connections():
                signal.connect(slot)
        self.visible_changed.emit()

    def _connections(self):
        ws = self._ws
        assert ws is not None
        return (
            (ws.marks_changed, self._on_marks_changed),
            (ws.cells_changed, self._on_cells_changed),
            (ws.structure_about_to_change, self._on_structure_about),
            (ws.structure_changed, self._on_structure_changed),
            (ws.conflicts_changed, self._on_conflicts_changed),
        )

    def _take_matrix(self) -> None:
        self._white_all = None
        m = self._ws.matrix if self._ws is not None else Matrix([], [])
        self._matrix = m
        self._grid = m.grid
        self._n = m.n_cols
        self._ka = KeyAccounts.build(m.customers)
        self._active = self._grouping and bool(self._ka)
        self._rollups.clear()
        self._state_counts.clear()
        self._base = None
        self.rows = self._arrange(None)
        self.cols = list(range(m.n_cols))
        self._filtered_rows = self._active
        self._filtered_cols = False
        self._rebuild_positions()

    # -- key accounts ----------------------------------------------------------------------
    def _arrange(self, base: Sequence[int] | None) -> list[int]:
        """View rows for the filter's rows: each key account before its sites, collapsed or
        expanded; key-account rows never count. Also sets ``_counted``."""
        m = self._matrix
        rows_in = range(m.n_rows) if base is None else base
        if not self._active:
            self._counted = list(rows_in)
            return list(rows_in)
        groups, parent_of = self._ka.sites, self._ka.parent_of
        cached = self._arranged
        if cached is not None and cached[0] is base and cached[1] is self._ka:
            # Same filter result, same key accounts (collapse/expand): only the second
            # pass below runs again.
            order, shown = cached[2], cached[3]
        else:
            order, shown = self._group_order(rows_in, groups, parent_of)
            self._arranged = (base, self._ka, order, shown)
        collapsed, customers = self._collapsed, m.customers
        rows: list[int] = []
        counted: list[int] = []
        for x in order:
            if x >= 0:
                rows.append(x)
                counted.append(x)
            else:
                kids = shown[~x]
                if not kids:
                    continue
                rows.append(~x)
                counted.extend(kids)
                if customers[~x].uuid not in collapsed:
                    rows.extend(kids)
        self._counted = counted
        return rows

    @staticmethod
    def _group_order(
        rows_in: Sequence[int], groups: dict[int, list[int]], parent_of: list[int]
    ) -> tuple[list[int], dict[int, list[int]]]:
        """Rows in order with each key account (as ~row) before its sites, which are
        gathered in ``shown``."""
        order: list[int] = []
        shown: dict[int, list[int]] = {}
        for r in rows_in:
            if r in groups:
                # The key account's place in the order (its own sort position), if it is
                # not already placed by an earlier site; shown only with a site to show.
                if r not in shown:
                    shown[r] = []
                    order.append(~r)
                continue
            p = parent_of[r]
            if p < 0:
                order.append(r)
            else:
                kids = shown.get(p)
                if kids is None:
                    shown[p] = [r]
                    order.append(~p)
                else:
                    kids.append(r)
        return order, shown

    @property
    def key_accounts(self) -> KeyAccounts:
        return self._ka

    @property
    def grouping_active(self) -> bool:
        """Key accounts are shown as group rows (grouping on and the file has some)."""
        return self._active

    @property
    def grouping(self) -> bool:
        return self._grouping

    def set_grouping(self, on: bool) -> None:
        """Show sites under their key accounts (True) or every customer as a plain row."""
        if on == self._grouping:
            return
        self._grouping = on
        self._active = on and bool(self._ka)
        self._relayout(counts_changed=True)

    def is_group_row(self, view_row: int) -> bool:
        return self._active and self.rows[view_row] in self._ka.sites

    def is_group(self, matrix_row: int) -> bool:
        return self._active and matrix_row in self._ka.sites

    def site_rows(self, matrix_row: int) -> list[int]:
        """All sites of a key account (matrix rows), filtered or not."""
        return self._ka.sites.get(matrix_row, [])

    def parent_row(self, matrix_row: int) -> int:
        """Matrix row of the key account of a site, -1 for none (or grouping off)."""
        return self._ka.parent_of[matrix_row] if self._active else -1

    def is_collapsed(self, matrix_row: int) -> bool:
        return self._matrix.customers[matrix_row].uuid in self._collapsed

    def set_collapsed(self, matrix_rows: Sequence[int] | None, collapsed: bool) -> None:
        """Collapse or expand key accounts (None = all): one layout change, counts kept."""
        customers = self._matrix.customers
        targets = self._ka.sites.keys() if matrix_rows is None else matrix_rows
        uuids = {customers[r].uuid for r in targets if r in self._ka.sites}
        before = set(self._collapsed)
        if collapsed:
            self._collapsed |= uuids
        else:
            self._collapsed -= uuids
        if self._collapsed != before and self._active:
            self._relayout(counts_changed=False)

    def rollup(self, matrix_row: int) -> bytes:
        """The rolled-up codes of a key account (all products, storage order), cached."""
        codes = self._rollups.get(matrix_row)
        if codes is None:
            codes = rollup_of_rows(self._grid, self._n, self._ka.sites.get(matrix_row, []))
            self._rollups[matrix_row] = codes
        return codes

    def state_counts(self, matrix_row: int) -> StateCounts:
        """Sites per state and product of a key account, cached."""
        counts = self._state_counts.get(matrix_row)
        if counts is None:
            counts = StateCounts(self._grid, self._n, self._ka.sites.get(matrix_row, []))
            self._state_counts[matrix_row] = counts
        return counts

    def group_cell_counts(self, view_row: int, view_col: int) -> dict[int, int]:
        r = self.rows[view_row]
        return cell_counts(self._grid, self._n, self._ka.sites.get(r, []), self.cols[view_col])

    def counted_rows(self) -> list[int]:
        """Rows that counts and filters work on (sites and other customers, no key accounts)."""
        return list(self._counted)

    def _relayout(self, counts_changed: bool) -> None:
        old_rows = self.rows
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        self.rows = self._arrange(self._base)
        self._filtered_rows = self._base is not None or self._active
        self._rebuild_positions(counts_changed)
        if persistent:
            new_list = []
            for idx in persistent:
                r = old_rows[idx.row()]
                vr = self._row_pos[r]
                if vr < 0 and self._active:
                    p = self._ka.parent_of[r]  # a site folded away: its key account
                    vr = self._row_pos[p] if p >= 0 else -1
                new_list.append(self.index(vr, idx.column()) if vr >= 0 else QModelIndex())
            self.changePersistentIndexList(persistent, new_list)
        self.layoutChanged.emit()
        self.visible_changed.emit()

    def _rebuild_positions(self, counts_changed: bool = True) -> None:
        m = self._matrix
        self._row_pos = [-1] * m.n_rows
        for i, r in enumerate(self.rows):
            self._row_pos[r] = i
        self._col_pos = [-1] * m.n_cols
        for j, c in enumerate(self.cols):
            self._col_pos[c] = j
        if not counts_changed:
            return
        self._count_pos = [-1] * m.n_rows
        for i, r in enumerate(self._counted):
            self._count_pos[r] = i
        self._row_counts.clear()
        self._col_counts.clear()
        self._totals = None
        self._white = None
        self._block = None

    def _on_structure_about(self) -> None:
        self.beginResetModel()

    def _on_structure_changed(self) -> None:
        # Customers/products changed: show everything; the filter bar re-applies its filter
        # when it sees visible_changed / modelReset.
        self._take_matrix()
        self.endResetModel()
        self.visible_changed.emit()

    def _on_marks_changed(self, changes: list[tuple[int, int, int, int]]) -> None:
        if self._ka:
            parent_of = self._ka.parent_of
            for r, _c, _old, _new in changes:
                p = parent_of[r]
                if p >= 0:
                    self._rollups.pop(p, None)
                    self._state_counts.pop(p, None)
                    self._row_counts.pop(p, None)
        if self._count_source is not None:
            # Counts come from another matrix (e.g. due re-checks as white spots): the
            # shown codes cannot update them; count again when asked.
            self._totals = self._white = self._white_all = None
            self._block = None
            return
        totals, block, n = self._totals, self._block, self._n
        row_pos, col_pos = self._count_pos, self._col_pos
        white = white_all = 0
        for r, c, old, new in changes:
            delta = (new == WHITE) - (old == WHITE)
            white_all += delta
            vr = row_pos[r]
            if vr >= 0:
                if block is not None:
                    block[vr * n + c] = new
                if col_pos[c] >= 0:
                    if totals is not None:
                        totals[old] -= 1
                        totals[new] += 1
                    white += delta
        if self._white is not None:
            self._white += white
        if self._white_all is not None:
            self._white_all += white_all

    def _on_cells_changed(self, cells: list[tuple[int, int]]) -> None:
        if not cells:
            return
        row_pos, col_pos = self._row_pos, self._col_pos
        top = left = 1 << 30
        bottom = right = -1
        parent_of = self._ka.parent_of if self._active else None
        for r, c in cells:
            self._row_counts.pop(r, None)
            self._col_counts.pop(c, None)
            vc = col_pos[c]
            if vc < 0:
                continue
            for vr in (
                row_pos[r],
                row_pos[parent_of[r]] if parent_of and parent_of[r] >= 0 else -1,
            ):
                if vr < 0:
                    continue
                top, bottom = min(top, vr), max(bottom, vr)
                left, right = min(left, vc), max(right, vc)
        if bottom >= 0:
            self.dataChanged.emit(self.index(top, left), self.index(bottom, right), [])
            self.headerDataChanged.emit(Qt.Orientation.Vertical, top, bottom)
            self.headerDataChanged.emit(_HORIZONTAL, left, right)
        self.visible_changed.emit()

    # -- filtering / ordering API (used by the filter bar) ---------------------------------
    def set_visible(
        self,
        rows: Sequence[int] | None = None,
        cols: Sequence[int] | None = None,
        white: int | None = None,
    ) -> None:
        """Show these matrix rows/columns in this order (None = all, storage order).

        One ``layoutChanged``; persistent indexes (selection, current cell) follow their
        cells or become invalid when hidden. ``white`` (white spots in the new visible part),
        when the caller computed it anyway, spares the status bar a recount.
        """
        m = self._matrix
        base = None if rows is None else list(rows)
        new_rows = self._arrange(base)
        new_cols = list(range(m.n_cols)) if cols is None else list(cols)
        if new_rows == self.rows and new_cols == self.cols and base == self._base:
            return
        self._base = base
        self.layoutAboutToBeChanged.emit()
        old_rows, old_cols = self.rows, self.cols
        persistent = self.persistentIndexList()
        self.rows, self.cols = new_rows, new_cols
        self._filtered_rows = rows is not None or self._active
        self._filtered_cols = cols is not None
        self._rebuild_positions()
        if white is not None and self._count_source is None and not self._active:
            self._white = white
        if persistent:
            new_list = []
            for idx in persistent:
                vr = self._row_pos[old_rows[idx.row()]]
                vc = self._col_pos[old_cols[idx.column()]]
                new_list.append(self.index(vr, vc) if vr >= 0 and vc >= 0 else QModelIndex())
            self.changePersistentIndexList(persistent, new_list)
        self.layoutChanged.emit()
        self.visible_changed.emit()

    def apply_row_order(
        self, rows: Sequence[int] | None, cols: Sequence[int] | None = None
    ) -> None:
        """Alias of ``set_visible`` (rows first) for callers that think in orders."""
        self.set_visible(rows, cols)

    @property
    def is_filtered_cols(self) -> bool:
        return self._filtered_cols

    @property
    def is_filtered(self) -> bool:
        return self._filtered_rows or self._filtered_cols

    def visible_rows(self) -> list[int] | None:
        """Matrix rows shown, or None when all rows are shown in storage order.

        With key accounts grouped: the sites and other customers the filter chose (the rows
        that count, folded sites included, key-account rows left out).
        """
        return list(self._counted) if self._filtered_rows else None

    def visible_cols(self) -> list[int] | None:
        return list(self.cols) if self._filtered_cols else None

    # -- fast accessors (delegate, headers, actions) ---------------------------------------
    def code_at(self, row: int, col: int) -> int:
        """Grid code of a view cell (a key account's row: its sites' roll-up)."""
        r = self.rows[row]
        if self._active and r in self._ka.sites:
            return self.rollup(r)[self.cols[col]]
        return self._grid[r * self._n + self.cols[col]]

    def has_note(self, row: int, col: int) -> bool:
        """The view cell carries a note (a key account's roll-up row never does)."""
        r = self.rows[row]
        if self._ws is None or (self._active and r in self._ka.sites):
            return False
        return self._ws.has_note(r, self.cols[col])

    def matrix_row(self, view_row: int) -> int:
        return self.rows[view_row]

    def matrix_col(self, view_col: int) -> int:
        return self.cols[view_col]

    def view_row(self, matrix_row: int) -> int:
        """View row of a matrix row, -1 when hidden."""
        return self._row_pos[matrix_row]

    def view_col(self, matrix_col: int) -> int:
        return self._col_pos[matrix_col]

    def set_count_source(self, source: Callable[[], Matrix] | None) -> None:
        """Take counts (summaries, status bar) from another matrix of the same shape.

        The side panel passes one where "no need" cells with a passed re-check date are white
        spots; None counts the shown matrix itself.
        """
        self._count_source = source
        self.refresh_counts()

    def refresh_counts(self) -> None:
        """Forget cached counts and repaint the summaries (the count source changed)."""
        self._rollups.clear()
        self._state_counts.clear()
        self._row_counts.clear()
        self._col_counts.clear()
        self._totals = self._white = self._white_all = None
        self._block = None
        if self.rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self.rows) - 1)
        if self.cols:
            self.headerDataChanged.emit(_HORIZONTAL, 0, len(self.cols) - 1)
        self.visible_changed.emit()

    def counting_matrix(self) -> Matrix:
        """The matrix that counts and filters use (the count source, else the shown one)."""
        return self._counting()

    def _counting(self) -> Matrix:
        if self._count_source is not None:
            m = self._count_source()
            if len(m.grid) == len(self._grid):
                return m
        return self._matrix

    def row_counts(self, view_row: int) -> MarkCounts:
        """Counts of one customer over the visible products (cached)."""
        r = self.rows[view_row]
        counts = self._row_counts.get(r)
        if counts is None:
            m = self._counting()
            cols = self.cols if self._filtered_cols else None
            if self._active and r in self._ka.sites:
                # A key account sums its sites (all of them, as the filter chose them).
                per = [m.row_counts(s, cols) for s in self._ka.sites[r] if self._count_pos[s] >= 0]
                counts = MarkCounts(*(sum(getattr(c, f) for c in per) for f in _COUNT_FIELDS))
            else:
                counts = m.row_counts(r, cols)
            self._row_counts[r] = counts
        return counts

    def col_counts(self, view_col: int) -> MarkCounts:
        """Counts of one product over the visible customers (cached)."""
        c = self.cols[view_col]
        counts = self._col_counts.get(c)
        if counts is None:
            n = self._n
            grid = self._visible_block() if self._filtered_rows else self._counting().grid
            counts = MarkCounts.from_codes(grid[c::n])
            self._col_counts[c] = counts
        return counts

    def visible_totals(self) -> MarkCounts:
        """Counts over the visible part (status bar); counted once, then kept up to date."""
        if self._totals is None:
            self._totals = list(self._count_visible())
        return MarkCounts(*self._totals)

    def visible_white(self) -> int:
        """White spots in the visible part (status bar): counted once, then kept up to date."""
        if self._white is None:
            if self._totals is not None:
                self._white = self._totals[0]
            else:
                self._white = self._count_visible_white()
        return self._white

    def _visible_block(self) -> bytearray:
        """Codes of the visible rows (all columns) in view order, built once per filter.

        Column counts over filtered rows then are one strided slice each instead of a pick of
        thousands of rows; edits patch the block in place.
        """
        if self._block is None:
            grid, n = self._counting().grid, self._n
            self._block = bytearray(b"".join(grid[r * n : (r + 1) * n] for r in self._counted))
        return self._block

    def _count_visible_white(self) -> int:
        n = self._n
        if not self._filtered_rows:
            if not self._filtered_cols:
                if self._white_all is None:
                    self._white_all = self._counting().grid.count(WHITE)
                return self._white_all
            grid = self._counting().grid
        else:
            grid = self._visible_block()
            if not self._filtered_cols:
                return grid.count(WHITE)
        return sum(grid[c::n].count(WHITE) for c in self.cols)

    def _count_visible(self) -> tuple[int, ...]:
        m = self._counting()
        if not self._filtered_rows and not self._filtered_cols:
            c = MarkCounts.from_codes(m.grid)
        elif not self._filtered_cols:
            n, grid = self._n, m.grid
            c = MarkCounts.from_codes(b"".join(grid[r * n : (r + 1) * n] for r in self._counted))
        else:
            c = m.totals(self._counted if self._filtered_rows else None, self.cols)
        return (c.white, c.ours, c.competitor, c.need, c.no_need)

    def group_name(self, view_col: int) -> str:
        return self._matrix.product_group_name(self._matrix.products[self.cols[view_col]])

    def group_id(self, view_col: int) -> int | None:
        return self._matrix.products[self.cols[view_col]].group_id

    # -- QAbstractItemModel ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Override of QAbstractItemModel.rowCount: visible customers."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Override of QAbstractItemModel.columnCount: visible products."""
        return 0 if parent.isValid() else len(self.cols)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        """Override of QAbstractItemModel.flags: cells are selectable, not editable in place."""
        return _CELL_FLAGS if index.isValid() else _NO_FLAGS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE):
        """Override of QAbstractItemModel.data."""
        if not index.isValid():
            return None
        if role == DISPLAY_ROLE:
            return LETTER[self.code_at(index.row(), index.column())]
        if role == MARK_ROLE:
            return self.code_at(index.row(), index.column())
        if role == HAS_NOTE_ROLE:
            return self.has_note(index.row(), index.column())
        if role == TOOLTIP_ROLE:
            return self.cell_tooltip(index.row(), index.column())
        if role == ACCESSIBLE_ROLE:
            row, col = index.row(), index.column()
            m = self._matrix
            if self.is_group_row(row):
                return (
                    QCoreApplication.translate(
                        "MatrixModel", "%1 (key account, roll-up of its sites) – %2: %3"
                    )
                    .replace("%1", m.customers[self.rows[row]].name)
                    .replace("%2", m.products[self.cols[col]].name)
                    .replace("%3", mark_name(self.code_at(row, col)))
                )
            return (
                QCoreApplication.translate("MatrixModel", "%1 – %2: %3")
                .replace("%1", m.customers[self.rows[row]].name)
                .replace("%2", m.products[self.cols[col]].name)
                .replace("%3", mark_name(self.code_at(row, col)))
            )
        if role == ALIGNMENT_ROLE:
            return _CENTER
        if role == CONFLICT_ROLE:
            return self.conflict_text(index.row(), index.column())
        return None

    # -- open sync/merge conflicts (cell badges) ---------------------------------------------
    def conflict_at(self, row: int, col: int) -> tuple | None:
        """(fields, mine, theirs) of an open conflict on a visible cell, else None."""
        ws = self._ws
        if ws is None:
            return None
        conflicts = ws.cell_conflicts()
        if not conflicts:
            return None
        r = self.rows[row]
        if self.is_group(r):
            return None
        return conflicts.get(ws.cell_key(r, self.cols[col]))

    def conflict_text(self, row: int, col: int) -> str | None:
        found = self.conflict_at(row, col)
        if found is None:
            return None
        from kpm_desktop.gui.dialogs.team_dialogs import describe_value

        fields, mine, theirs = found

        def side(value: dict | None) -> str:
            if value is not None and fields in (["mark"], ["*"]):
                return mark_name(int(value.get("mark") or WHITE))  # just "need", "competitor"
            return describe_value(fields, value, "cell")

        return (
            QCoreApplication.translate(
                "MatrixModel", "conflict: mine %1 / theirs %2 — Team › Review Conflicts"
            )
            .replace("%1", side(mine))
            .replace("%2", side(theirs))
        )

    def conflict_cells(self, first_r: int, last_r: int, first_c: int, last_c: int) -> list:
        """Visible (view row, view column) pairs with an open conflict in a page."""
        ws = self._ws
        if ws is None:
            return []
        conflicts = ws.cell_conflicts()
        if not conflicts:
            return []
        m = self._matrix
        rows = {
            m.customers[self.rows[r]].id: r
            for r in range(first_r, last_r + 1)
            if not self.is_group(self.rows[r])
        }
        cols = {m.products[self.cols[c]].id: c for c in range(first_c, last_c + 1)}
        return [(rows[cid], cols[pid]) for cid, pid in conflicts if cid in rows and pid in cols]

    def _on_conflicts_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self.rowCount() - 1, self.columnCount() - 1),
                [CONFLICT_ROLE],
            )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE):
        """Override of QAbstractItemModel.headerData: names, groups, summaries."""
        m = self._matrix
        if orientation == _HORIZONTAL:
            if not 0 <= section < len(self.cols):
                return None
            product = m.products[self.cols[section]]
            if role == DISPLAY_ROLE:
                return product.name
            if role == TOOLTIP_ROLE:
                return self.product_tooltip(section)
            if role == GROUP_ROLE:
                return m.product_group_name(product)
            if role == COUNTS_ROLE:
                return self.col_counts(section)
            if role == ID_ROLE:
                return product.id
            return None
        if not 0 <= section < len(self.rows):
            return None
        customer = m.customers[self.rows[section]]
        if role == DISPLAY_ROLE:
            return customer.name
        if role == TOOLTIP_ROLE:
            return self.customer_tooltip(section)
        if role == COUNTS_ROLE:
            return self.row_counts(section)
        if role == ID_ROLE:
            return customer.id
        return None

    # -- texts -----------------------------------------------------------------------------
    def cell_tooltip(self, row: int, col: int) -> str:
        """Mark, competitor and last-verified date; details are read for this cell only."""
        m = self._matrix
        r, c = self.rows[row], self.cols[col]
        if self.is_group(r):
            return self.group_cell_tooltip(row, col)
        code = self._grid[r * self._n + c]
        lines = [
            f"<b>{_esc(m.customers[r].name)}</b> · {_esc(m.products[c].name)}",
            f"{mark_name(code)} ({LETTER[code]})" if code != WHITE else mark_name(code),
        ]
        ws = self._ws
        if ws is not None and code != WHITE:
            rec = ws.cell_record(r, c)
            if rec is not None:
                if rec.mark is Mark.COMPETITOR and rec.competitor_id is not None:
                    lines.append(
                        QCoreApplication.translate("MatrixModel", "Competitor: %1").replace(
                            "%1", _esc(ws.competitor_name(rec.competitor_id))
                        )
                    )
                if rec.verified_at is not None:
                    lines.append(
                        QCoreApplication.translate("MatrixModel", "Last verified: %1").replace(
                            "%1", _short_date(rec.verified_at.astimezone().date())
                        )
                    )
                else:
                    lines.append(QCoreApplication.translate("MatrixModel", "Never verified"))
                if rec.note:
                    lines.append(
                        QCoreApplication.translate("MatrixModel", "Note: %1").replace(
                            "%1", _note_html(rec.note)
                        )
                    )
        conflict = self.conflict_text(row, col)
        if conflict:
            lines.append(f"<b>{_esc(conflict)}</b>")
        return "<br>".join(lines)

    def group_cell_tooltip(self, row: int, col: int) -> str:
        """A key account's cell: the rolled-up state and how many sites are in each state."""
        m = self._matrix
        r, c = self.rows[row], self.cols[col]
        code = self.code_at(row, col)
        counts = self.group_cell_counts(row, col)
        lines = [
            f"<b>{_esc(m.customers[r].name)}</b> · {_esc(m.products[c].name)}",
            self.tr("Roll-up of %n site(s): %1", "", len(self._ka.sites.get(r, []))).replace(
                "%1", mark_name(code)
            ),
        ]
        lines += [f"{mark_name(k)}: {counts[k]}" for k in (1, 2, 3, 4, WHITE) if counts[k]]
        lines.append(
            "<i>"
            + QCoreApplication.translate(
                "MatrixModel", "Marks belong to the sites: expand the key account to edit them."
            )
            + "</i>"
        )
        return "<br>".join(lines)

    def product_tooltip(self, col: int) -> str:
        m = self._matrix
        product = m.products[self.cols[col]]
        counts = self.col_counts(col)
        group = m.product_group_name(product)
        head = f"<b>{_esc(product.name)}</b>"
        if product.number:
            head += f" ({_esc(product.number)})"
        lines = [head]
        if group:
            lines.append(
                QCoreApplication.translate("MatrixModel", "Group: %1").replace("%1", _esc(group))
            )
        lines.append(_summary_line(counts))
        return "<br>".join(lines)

    def customer_tooltip(self, row: int) -> str:
        m = self._matrix
        c = m.customers[self.rows[row]]
        counts = self.row_counts(row)
        head = f"<b>{_esc(c.name)}</b>"
        if c.number:
            head += f" ({_esc(c.number)})"
        where = ", ".join(x for x in (c.city, c.region, c.segment) if x)
        lines = [head]
        if where:
            lines.append(_esc(where))
        r = self.rows[row]
        if self.is_group(r):
            lines.append(
                self.tr(
                    "Key account with %n site(s); counts over its sites", "", len(self._ka.sites[r])
                )
            )
        elif self.parent_row(r) >= 0:
            lines.append(
                QCoreApplication.translate("MatrixModel", "Site of %1").replace(
                    "%1", _esc(m.customers[self.parent_row(r)].name)
                )
            )
        lines.append(
            QCoreApplication.translate("MatrixModel", "%1 white spots, coverage %2 %")
            .replace("%1", str(counts.white))
            .replace("%2", f"{counts.coverage:.0f}")
        )
        lines.append(_summary_line(counts))
        return "<br>".join(lines)


def _summary_line(counts: MarkCounts) -> str:
    return " · ".join(
        f"{mark_name(code)}: {counts.of(None if code == WHITE else Mark(code))}"
        for code in (1, 2, 3, 4, WHITE)
    )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _note_html(text: str, limit: int = 400) -> str:
    """A cell note for a tooltip: escaped, its line breaks kept, very long notes cut."""
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return "<br>".join(_esc(line) for line in text.splitlines())


def _short_date(day: date) -> str:
    """A date as the UI language writes it (German: 08.07.25)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)
