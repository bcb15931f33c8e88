"""The matrix table: QTableView with mark painting, compact headers and keyboard marking.

The headers (customer names with their summary, the three-band product header and the
corner legend) live in ``matrix_headers``; this module puts them together with the cells:
painting, zoom, the compact header, key accounts folding and keyboard marking.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLine,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.gui.kept_cell import cell_ids, restore_cell
from kpm_desktop.gui.mark_delegate import MarkDelegate
from kpm_desktop.gui.matrix_headers import (
    BAND_H,
    CUSTOMER_W,
    HEADER_H,
    MAX_CUSTOMER_W,
    MIN_CUSTOMER_W,
    CornerLegend,
    CustomerHeader,
    ProductHeader,
    small_font,
)
from kpm_desktop.gui.matrix_model import MatrixModel
from kpm_desktop.gui.palette import UiColors, ui_colors

# Cell sizes (width, height) for View › Zoom; small sizes give an overview of large matrices.
ZOOM_LEVELS: tuple[tuple[int, int], ...] = (
    (12, 16),
    (16, 18),
    (20, 20),
    (24, 22),
    (30, 26),
    (36, 30),
)
DEFAULT_ZOOM = 3

_KEY_MARKS: dict[int, int | None] = {
    Qt.Key.Key_X.value: int(Mark.OURS),
    Qt.Key.Key_1.value: int(Mark.OURS),
    Qt.Key.Key_W.value: int(Mark.COMPETITOR),
    Qt.Key.Key_R.value: int(Mark.COMPETITOR),
    Qt.Key.Key_2.value: int(Mark.COMPETITOR),
    Qt.Key.Key_B.value: int(Mark.NEED),
    Qt.Key.Key_G.value: int(Mark.NEED),
    Qt.Key.Key_3.value: int(Mark.NEED),
    Qt.Key.Key_K.value: int(Mark.NO_NEED),
    Qt.Key.Key_N.value: int(Mark.NO_NEED),
    Qt.Key.Key_4.value: int(Mark.NO_NEED),
    Qt.Key.Key_Delete.value: WHITE,
    Qt.Key.Key_Backspace.value: WHITE,
    Qt.Key.Key_0.value: WHITE,
}
_PLAIN_MODS = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
# "+" expands the current key account, "-" collapses it (from its row or a site's row).
_EXPAND_KEYS = frozenset({Qt.Key.Key_Plus.value})
_FOLD_KEYS = _EXPAND_KEYS | {Qt.Key.Key_Minus.value}


class MatrixView(QTableView):
    """The matrix table.

    Signals:
        mark_requested: a marking key was pressed (grid code, 0 = white spot).
        copy_requested / paste_requested: the standard copy/paste keys.
        current_cell_changed: (view row, view column) of the current cell, -1 when none.
        first_paint: the matrix was painted for the first time (startup profiling).
        painted: the matrix was painted (the status bar counts after that).
        zoom_changed: the zoom level (index into ``ZOOM_LEVELS``) changed.
    """

    mark_requested = Signal(int)
    copy_requested = Signal()
    paste_requested = Signal()
    current_cell_changed = Signal(int, int)
    first_paint = Signal()
    painted = Signal()
    zoom_changed = Signal(int)
    compact_header_changed = Signal(bool)
    name_width_changed = Signal(int)  # the rep finished dragging the name column's edge
    group_mark_refused = Signal()

    def __init__(self, model: MatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hheader = ProductHeader(self)
        self._vheader = CustomerHeader(self)
        self.setHorizontalHeader(self._hheader)
        self.setVerticalHeader(self._vheader)
        self.setModel(model)
        self._model = model
        self.delegate = MarkDelegate(model, self)
        self.setItemDelegate(self.delegate)
        # Set by the side panel: one byte per matrix cell (row-major), 1 = draw faded (a
        # stale answer or a due re-check); None = nothing faded.
        self.fade_mask: Callable[[], bytearray | None] | None = None
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setGridStyle(Qt.PenStyle.SolidLine)
        # Colours follow the palette (light/dark scheme); paintEvent draws the grid itself.
        self.colors: UiColors = ui_colors(self.palette())
        self._hheader.setFixedHeight(HEADER_H)
        self._vheader.setFixedWidth(CUSTOMER_W)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.corner = CornerLegend(self)
        self.corner.update_tooltip()
        self.corner.clicked.connect(lambda: self.set_compact_header(not self.compact_header))
        self._vheader.width_dragged.connect(self.set_name_width)
        self._vheader.width_chosen.connect(self.name_width_changed)
        self._count_font = small_font(self.font(), -3.0)
        self._group_pix: dict[tuple[int, int, int, int], QPixmap] = {}
        self.painted_once = False
        self._kept_current: tuple[int, int] | None = None
        self._zoom = DEFAULT_ZOOM
        self._hheader.setDefaultSectionSize(ZOOM_LEVELS[DEFAULT_ZOOM][0])
        self._vheader.setDefaultSectionSize(ZOOM_LEVELS[DEFAULT_ZOOM][1])
        self.setAccessibleName(self.tr("Customer/product matrix"))
        self.setAccessibleDescription(
            self.tr(
                "Rows are customers, columns products. Arrow keys move; X, W, B, K set a mark, "
                "Delete makes a white spot; Ctrl+Z undoes."
            )
        )
        self._hheader.setAccessibleName(self.tr("Products with their counts per mark"))
        self._vheader.setAccessibleName(self.tr("Customers with white spots and coverage"))
        self.corner.setAccessibleName(self.tr("Legend of the marks"))
        self.setToolTip("")
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._emit_current)
        model.layoutChanged.connect(self._emit_current)
        self._vheader.name_clicked.connect(self.select_customer)

    def changeEvent(self, event: QEvent) -> None:
        """Override: a light/dark palette switch re-renders the cached cells and legend."""
        if event.type() == QEvent.Type.PaletteChange:
            self.colors = ui_colors(self.palette())
            self.delegate.set_colors(self.colors)
            self._group_pix.clear()
            self.corner.update()
            self.viewport().update()
        elif event.type() == QEvent.Type.DevicePixelRatioChange:
            self.delegate.set_device_pixel_ratio(self.devicePixelRatioF())
            self._group_pix.clear()
            self.viewport().update()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Override of QTableView.paintEvent: paint the visible page in one loop.

        All sections have the same fixed size, so cell positions are arithmetic; each marked
        cell is one pixmap blit (white spots are the background), the grid is one
        ``drawLines`` call and the selection one translucent rectangle per range.
        """
        viewport = self.viewport()
        painter = QPainter(viewport)
        area = event.rect()
        painter.fillRect(area, self.colors.base)
        model = self._model
        n_rows, n_cols = model.rowCount(), model.columnCount()
        if n_rows and n_cols:
            self._paint_cells(painter, viewport.width(), viewport.height(), n_rows, n_cols)
        else:
            self._paint_empty_hint(painter, viewport.rect())
        painter.end()
        if not self.painted_once:
            self.painted_once = True
            self.first_paint.emit()
        self.painted.emit()

    def _paint_empty_hint(self, painter: QPainter, rect: QRect) -> None:
        model = self._model
        if model.workspace is None:
            text = self.tr("No matrix file is open: use File › Open… or File › New….")
        elif model.matrix.n_rows and model.matrix.n_cols:
            text = self.tr("No customer matches the filter.")
        else:
            text = self.tr("This matrix has no customers or products yet: add them first.")
        painter.setPen(self.colors.hint)
        painter.drawText(
            rect.adjusted(20, 20, -20, -20),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            text,
        )

    def _paint_cells(self, painter: QPainter, vw: int, vh: int, n_rows: int, n_cols: int) -> None:
        hh, vhd = self._hheader, self._vheader
        first_r = max(0, self.rowAt(0))
        last_r = self.rowAt(vh - 1)
        last_r = n_rows - 1 if last_r < 0 else last_r
        first_c = max(0, self.columnAt(0))
        last_c = self.columnAt(vw - 1)
        last_c = n_cols - 1 if last_c < 0 else last_c
        w = hh.defaultSectionSize()
        h = vhd.defaultSectionSize()
        x0 = hh.sectionViewportPosition(first_c)
        y0 = vhd.sectionViewportPosition(first_r)
        colors = self.colors
        # Cells are blitted pixmaps: render them at the screen's ratio (crisp at 200 %).
        self.delegate.set_device_pixel_ratio(self.viewport().devicePixelRatioF())
        pix = self.delegate.pixmaps_for(w - 1, h - 1)
        draw = painter.drawPixmap
        model = self._model
        grid, n = model.matrix.grid, model.matrix.n_cols
        rows, cols = model.rows, model.cols
        identity_cols = not model.is_filtered_cols
        fade = self.fade_mask() if self.fade_mask is not None else None
        if fade is not None and len(fade) != len(grid):
            fade = None
        grouped = model.grouping_active
        y = y0
        for r in range(first_r, last_r + 1):
            if grouped and model.is_group(rows[r]):
                self._paint_group_row(painter, rows[r], first_c, last_c, x0, y, w, h, pix)
                y += h
                continue
            base = rows[r] * n
            codes: bytes | bytearray
            if identity_cols:
                codes = grid[base + first_c : base + last_c + 1]
            else:
                codes = bytes(grid[base + cols[c]] for c in range(first_c, last_c + 1))
            x = x0
            for code in codes:
                if code:
                    draw(x, y, pix[code])
                x += w
            if fade is not None:
                faded: bytes | bytearray
                if identity_cols:
                    faded = fade[base + first_c : base + last_c + 1]
                else:
                    faded = bytes(fade[base + cols[c]] for c in range(first_c, last_c + 1))
                if 1 in faded:
                    x = x0
                    for f in faded:
                        if f:
                            painter.fillRect(x, y, w - 1, h - 1, colors.fade_overlay)
                        x += w
            y += h
        badges = model.conflict_cells(first_r, last_r, first_c, last_c)
        if badges:
            self.delegate.paint_conflict_badges(painter, badges, first_r, first_c, x0, y0, w, h)
        # Cells with a note: a corner marker, like a spreadsheet comment.
        self.delegate.paint_note_markers(
            painter, range(first_r, last_r + 1), range(first_c, last_c + 1), x0, y0, w, h
        )
        # Grid lines: right and bottom edge of every cell, as in QTableView.
        right = x0 + (last_c - first_c + 1) * w
        bottom = y0 + (last_r - first_r + 1) * h
        lines = [QLine(x - 1, y0, x - 1, bottom - 1) for x in range(x0 + w, right + 1, w)]
        lines += [QLine(x0, y - 1, right - 1, y - 1) for y in range(y0 + h, bottom + 1, h)]
        painter.setPen(QPen(colors.grid, 1))
        painter.drawLines(lines)
        # Selection: one translucent rectangle per visible part of each range.
        for rng in self.selectionModel().selection():  # type: ignore[attr-defined]  # PySide6's QItemSelection iterates; its stubs lack __iter__
            top, bot = max(rng.top(), first_r), min(rng.bottom(), last_r)
            left, rgt = max(rng.left(), first_c), min(rng.right(), last_c)
            if top > bot or left > rgt:
                continue
            painter.fillRect(
                QRect(
                    x0 + (left - first_c) * w,
                    y0 + (top - first_r) * h,
                    (rgt - left + 1) * w - 1,
                    (bot - top + 1) * h - 1,
                ),
                colors.selection_overlay,
            )
        current = self.currentIndex()
        if current.isValid():
            r, c = current.row(), current.column()
            if first_r <= r <= last_r and first_c <= c <= last_c:
                painter.setPen(QPen(colors.selection_border, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(
                    QRect(x0 + (c - first_c) * w, y0 + (r - first_r) * h, w - 2, h - 2)
                )

    def _paint_group_row(
        self,
        painter: QPainter,
        matrix_row: int,
        first_c: int,
        last_c: int,
        x0: int,
        y: int,
        w: int,
        h: int,
        pix: list[QPixmap],
    ) -> None:
        """A key account's row: its sites' roll-up on a tinted band, each marked cell with
        the number of sites in that state in its corner (read-only)."""
        model = self._model
        codes_all = model.rollup(matrix_row)
        cols = model.cols
        painter.fillRect(QRect(x0, y, (last_c - first_c + 1) * w, h - 1), self.colors.summary)
        counts = model.state_counts(matrix_row)
        with_count = w >= 20 and h >= 18
        cache = self._group_pix
        draw = painter.drawPixmap
        x = x0
        for c in range(first_c, last_c + 1):
            col = cols[c]
            code = codes_all[col]
            if code:
                if with_count:
                    n = counts.at(code, col)
                    key = (code, n, w, h)
                    cell = cache.get(key)
                    if cell is None:
                        cell = self._group_cell(pix[code], n, w, h)
                        cache[key] = cell
                    draw(x, y, cell)
                else:
                    draw(x, y, pix[code])
            x += w

    def _group_cell(self, base: QPixmap, count: int, w: int, h: int) -> QPixmap:
        """A key account's cell: the mark with the number of sites in that state in its
        corner, rendered once per (state, count, size) and blitted after that."""
        if len(self._group_pix) > 2000:
            self._group_pix.clear()
        cell = QPixmap(base)
        painter = QPainter(cell)
        painter.setFont(self._count_font)
        fm = QFontMetrics(self._count_font)
        text = str(count)
        tw = fm.horizontalAdvance(text) + 2
        box = QRect(w - 1 - tw, 0, tw, fm.height() - 2)
        painter.fillRect(box, self.colors.base)
        painter.setPen(self.colors.text)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        return cell

    # -- zoom --------------------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, level: int) -> None:
        """Cell size from ``ZOOM_LEVELS`` (clamped); the current cell stays in view."""
        level = max(0, min(len(ZOOM_LEVELS) - 1, level))
        if level == self._zoom:
            return
        self._zoom = level
        w, h = ZOOM_LEVELS[level]
        self._hheader.setMinimumSectionSize(min(w, 10))
        self._vheader.setMinimumSectionSize(min(h, 10))
        self._hheader.setDefaultSectionSize(w)
        self._vheader.setDefaultSectionSize(h)
        # New scroll ranges at once: the old ones left empty space below the last rows
        # when zooming out (the range still counted the bigger rows).
        self.updateGeometries()
        current = self.currentIndex()
        if current.isValid():
            self.scrollTo(current)
        self.viewport().update()
        self.zoom_changed.emit(level)

    # -- header block and name column --------------------------------------------------------
    @property
    def compact_header(self) -> bool:
        return self.corner.compact

    def set_compact_header(self, on: bool) -> None:
        """Collapse the header block (legend, rotated names, count lines) to the group band.

        On a 768-pixel screen that is ~190 pixels more for customer rows.
        """
        on = bool(on)
        if on == self.corner.compact:
            return
        self.corner.compact = on
        self.corner.update_tooltip()
        self._hheader.setFixedHeight(BAND_H if on else HEADER_H)
        self.updateGeometries()
        self.corner.update()
        self.compact_header_changed.emit(on)

    @property
    def name_width(self) -> int:
        return self._vheader.width()

    def set_name_width(self, width: int) -> None:
        """Width of the customer column (names and the white-spot/coverage summary)."""
        width = max(MIN_CUSTOMER_W, min(MAX_CUSTOMER_W, int(width)))
        if width != self._vheader.width():
            self._vheader.setFixedWidth(width)
            self.updateGeometries()
            self.viewport().update()

    # -- geometry ----------------------------------------------------------------------------
    def updateGeometries(self) -> None:
        """Override: keep the legend over the header corner."""
        super().updateGeometries()
        if not hasattr(self, "corner"):
            return  # called from the base constructor
        fw = self.frameWidth()
        self.corner.setGeometry(fw, fw, self._vheader.width(), self._hheader.height())
        self.corner.raise_()

    # -- current cell ------------------------------------------------------------------------
    def currentChanged(
        self,
        current: QModelIndex | QPersistentModelIndex,
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Override: highlight the current customer/product headers and tell listeners."""
        super().currentChanged(current, previous)
        self._set_header_current(current)
        self.current_cell_changed.emit(current.row(), current.column())

    def _set_header_current(self, current: QModelIndex | QPersistentModelIndex) -> None:
        row = current.row() if current.isValid() else -1
        col = current.column() if current.isValid() else -1
        corner = getattr(self, "corner", None)  # None while the base constructor runs
        name = self.model().headerData(col, Qt.Orientation.Horizontal) if col >= 0 else ""
        if corner is not None and (name or "") != corner.current_product:
            corner.current_product = name or ""
            if corner.compact:
                corner.update()
        if row != self._vheader.current_section or col != self._hheader.current_section:
            self._vheader.current_section = row
            self._hheader.current_section = col
            self._vheader.viewport().update()
            self._hheader.viewport().update()

    def _remember_current(self) -> None:
        self._kept_current = cell_ids(self, self._model)  # see gui/kept_cell.py

    def _emit_current(self) -> None:
        kept, self._kept_current = self._kept_current, None
        restore_cell(self, self._model, kept)
        current = self.currentIndex()
        self._set_header_current(current)
        self.current_cell_changed.emit(current.row(), current.column())

    def select_customer(self, row: int, modifiers: object = None) -> None:
        """A click on a customer's name: that customer becomes current (same column).

        Plain click: only the cell in the current column is selected (a mark key then marks
        one cell, not the whole row). Shift+click selects whole customers from the current
        one to this one, Ctrl+click adds or removes this customer's row.
        """
        model = self._model
        if not (0 <= row < model.rowCount()) or not model.columnCount():
            return
        current = self.currentIndex()
        index = model.index(row, max(0, current.column()))
        flags = QItemSelectionModel.SelectionFlag
        mods = modifiers if isinstance(modifiers, Qt.KeyboardModifier) else Qt.KeyboardModifier(0)
        selection = self.selectionModel()
        last_col = model.columnCount() - 1
        if mods & Qt.KeyboardModifier.ShiftModifier and current.isValid():
            top, bottom = sorted((current.row(), row))
            block = QItemSelection(model.index(top, 0), model.index(bottom, last_col))
            selection.select(block, flags.ClearAndSelect)
            selection.setCurrentIndex(index, flags.NoUpdate)
        elif mods & Qt.KeyboardModifier.ControlModifier:
            line = QItemSelection(model.index(row, 0), model.index(row, last_col))
            selection.select(line, flags.Toggle)
            selection.setCurrentIndex(index, flags.NoUpdate)
        else:
            selection.setCurrentIndex(index, flags.ClearAndSelect)
        self.scrollTo(index)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.viewport().update()

    # -- keys --------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override: marking keys, copy and paste; everything else navigates."""
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
            event.accept()
            return
        code = _KEY_MARKS.get(event.key())
        plain = event.modifiers() in _PLAIN_MODS
        current = self.currentIndex()
        on_group = current.isValid() and self._model.is_group_row(current.row())
        if code is not None and plain:
            if on_group and not self._selection_has_site():
                self.group_mark_refused.emit()
            else:
                self.mark_requested.emit(code)
            event.accept()
            return
        # "+" is Shift+= on many layouts (US, UK): Shift is allowed for the fold keys
        fold_mods = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if event.key() in _FOLD_KEYS and fold_mods in _PLAIN_MODS and current.isValid():
            self.toggle_group(current.row(), expand=event.key() in _EXPAND_KEYS)
            event.accept()
            return
        super().keyPressEvent(event)

    def _selection_has_site(self) -> bool:
        """Whether the selection holds any cell that is not on a key account's row."""
        model = self._model
        for rng in self.selectionModel().selection():  # type: ignore[attr-defined]  # PySide6's QItemSelection iterates; its stubs lack __iter__
            for r in range(rng.top(), rng.bottom() + 1):
                if not model.is_group_row(r):
                    return True
        return False

    def toggle_group(self, view_row: int, expand: bool | None = None) -> bool:
        """Expand/collapse the key account of a view row (its own row or a site's);
        the current cell moves to the key account's row when its site folds away."""
        model = self._model
        if not model.grouping_active or not 0 <= view_row < model.rowCount():
            return False
        r = model.matrix_row(view_row)
        group = r if model.is_group(r) else model.parent_row(r)
        if group < 0:
            return False
        collapse = model.is_collapsed(group) is False if expand is None else not expand
        col = max(0, self.currentIndex().column())
        model.set_collapsed([group], collapse)
        vr = model.view_row(group)
        if vr >= 0:
            self.setCurrentIndex(model.index(vr, col))
            self.scrollTo(model.index(vr, col))
        return True

    def keyboardSearch(self, search: str) -> None:
        """Override: no type-ahead search (letters are marks; it would scan every row)."""

    # -- selection helpers -------------------------------------------------------------------
    def selected_rect_cells(self) -> list[tuple[int, int]]:
        """Selected view cells (row, col), from the selection ranges (no index per cell)."""
        cells: list[tuple[int, int]] = []
        seen: set[tuple[int, int]] = set()
        for rng in self.selectionModel().selection():  # type: ignore[attr-defined]  # PySide6's QItemSelection iterates; its stubs lack __iter__
            for r in range(rng.top(), rng.bottom() + 1):
                for c in range(rng.left(), rng.right() + 1):
                    if (r, c) not in seen:
                        seen.add((r, c))
                        cells.append((r, c))
        if not cells:
            current = self.currentIndex()
            if current.isValid():
                cells.append((current.row(), current.column()))
        return cells

    def selection_size(self) -> int:
        """Number of selected cells, counted from the ranges."""
        return sum(
            (rng.bottom() - rng.top() + 1) * (rng.right() - rng.left() + 1)
            for rng in self.selectionModel().selection()  # type: ignore[attr-defined]  # PySide6's QItemSelection iterates; its stubs lack __iter__
        )

    def anchor(self) -> QPoint | None:
        """Top-left cell of the selection (or the current cell): where a paste starts."""
        ranges = list(self.selectionModel().selection())  # type: ignore[call-overload]  # PySide6's QItemSelection iterates; its stubs lack __iter__
        if ranges:
            return QPoint(min(r.left() for r in ranges), min(r.top() for r in ranges))
        current = self.currentIndex()
        if current.isValid():
            return QPoint(current.column(), current.row())
        return None
