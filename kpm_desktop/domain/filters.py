"""Filters and sorting of the matrix: which customers (rows) and products (columns) are shown.

A :class:`FilterSpec` is a plain value built by the filter bar; :func:`apply_filters` turns it
into the visible row and column order over the compact :class:`Matrix` grid. All criteria
combine with AND. Nothing here loops over cells in Python: per-row counts come from
``bytearray.count`` over one row's byte range (C level), so a filter change at size L
(20,000 x 1,000) costs one pass per row, not one per cell.

The spec names products and groups by id (not by column index), so it stays valid when
columns are added or removed.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from operator import add, neg
from typing import ClassVar

from kpm_desktop.domain.entities import Customer
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import Matrix, coverage_percent
from kpm_desktop.domain.text import fold

UNGROUPED = 0
"""``FilterSpec.group_id`` value selecting the products without a group (row ids start at 1)."""

CUSTOMER_ATTRIBUTES = ("segment", "region", "owner", "abc_class")
"""Customer attributes the filter bar offers as exact-match selectors."""


class SortKey(StrEnum):
    """How visible customers are ordered."""

    NONE = "none"  # storage order (order of entry)
    NAME = "name"
    WHITE_SPOTS = "white_spots"
    COMPETITOR = "competitor"
    NEED = "need"
    PRODUCT = "product"  # by the mark in one product (``FilterSpec.sort_product_id``)


PRODUCT_SORT_RANK = {
    int(Mark.OURS): 0,
    int(Mark.COMPETITOR): 1,
    int(Mark.NEED): 2,
    int(Mark.NO_NEED): 3,
    WHITE: 4,
}
"""Order of the marks when sorting by one product: as in the legend, white spots last."""


@dataclass(frozen=True, slots=True)
class FilterSpec:
    """Everything that decides the visible part of the matrix; the default shows everything.

    Attributes:
        text: words searched in customer name, number and city; every word must match,
            ignoring case and umlauts ("mueller", "muller" and "Müller" are the same).
        only_white_spots: keep customers that have at least one white spot in the scope
            below.
        white_spot_product_ids: the scope of ``only_white_spots`` (e.g. the selected
            columns); None means the visible columns (so a chosen product group narrows it).
        product_id, product_code: keep customers whose cell in that product has that grid
            code (``WHITE`` = white spot, or ``int(Mark.COMPETITOR)`` etc.).
        segment, region, owner, abc_class: exact match; None = any value.
        group_id: show only the products of this group (``UNGROUPED`` for products without
            one); None = all groups.
        show_inactive_customers, show_inactive_products: inactive ones are hidden unless set.
        sort_key, descending: row order; ties are broken by name, then storage order.
        sort_product_id: the product whose mark orders the rows for ``SortKey.PRODUCT``
            (``PRODUCT_SORT_RANK``); None or an unknown product keeps the storage order.
        only_stale: keep customers with a stale answer (verified too long ago) among the
            visible products; needs ``stale_rows`` in :func:`apply_filters`.
    """

    text: str = ""
    only_white_spots: bool = False
    white_spot_product_ids: frozenset[int] | None = None
    product_id: int | None = None
    product_code: int = WHITE
    segment: str | None = None
    region: str | None = None
    owner: str | None = None
    abc_class: str | None = None
    group_id: int | None = None
    show_inactive_customers: bool = False
    show_inactive_products: bool = False
    sort_key: SortKey = SortKey.NONE
    descending: bool = False
    only_stale: bool = False
    sort_product_id: int | None = None

    def __post_init__(self) -> None:
        # Values may come from widgets that store plain str/list data (QComboBox item data).
        object.__setattr__(self, "sort_key", SortKey(self.sort_key))
        if self.white_spot_product_ids is not None:
            object.__setattr__(
                self, "white_spot_product_ids", frozenset(self.white_spot_product_ids)
            )

    @property
    def is_default(self) -> bool:
        """True when nothing is filtered or sorted (what "clear all filters" gives)."""
        return self == FilterSpec()


@dataclass(frozen=True, slots=True)
class FilterResult:
    """The visible part of a matrix.

    Attributes:
        rows: visible customer rows (indices into ``matrix.customers``) in display order.
        cols: visible product columns (indices into ``matrix.products``) in display order.
        white: white spots in the visible rows x visible columns.
    """

    rows: list[int] = field(default_factory=list)
    cols: list[int] = field(default_factory=list)
    white: int = 0

    @property
    def cells(self) -> int:
        return len(self.rows) * len(self.cols)

    @property
    def coverage(self) -> float:
        """Known (marked) cells of the visible part in percent; 0 for an empty part."""
        return coverage_percent(self.cells, self.white)


def search_text(customer: Customer) -> str:
    """The folded text that the search box looks through for one customer."""
    return fold(f"{customer.name}\n{customer.number}\n{customer.city}")


def distinct_values(customers: Sequence[Customer], attribute: str) -> list[str]:
    """Sorted non-empty values of one customer attribute (choices for a selector)."""
    if attribute not in CUSTOMER_ATTRIBUTES:
        raise ValueError(f"unknown customer attribute {attribute!r}")
    values = {getattr(c, attribute) for c in customers}
    values.discard("")
    return sorted(values, key=lambda v: (fold(v), v))


# -- columns -----------------------------------------------------------------------------------
def column_order(matrix: Matrix) -> list[int]:
    """All columns in display order: by product group order, then product order, then slot.

    Products without a group come last.
    """
    group_rank = {
        gid: rank
        for rank, gid in enumerate(
            sorted(matrix.groups, key=lambda g: (matrix.groups[g].sort_order, g))
        )
    }
    last = len(group_rank)

    def key(j: int) -> tuple[int, int, int]:
        p = matrix.products[j]
        rank = group_rank.get(p.group_id, last) if p.group_id is not None else last
        return (rank, p.sort_order, j)

    return sorted(range(matrix.n_cols), key=key)


def visible_columns(matrix: Matrix, spec: FilterSpec) -> list[int]:
    """Visible product columns in display order."""
    products = matrix.products
    want_group = spec.group_id
    out = []
    for j in column_order(matrix):
        p = products[j]
        if not p.active and not spec.show_inactive_products:
            continue
        if want_group is not None:
            gid = UNGROUPED if p.group_id is None else p.group_id
            if gid != want_group:
                continue
        out.append(j)
    return out


# -- per-row counts ----------------------------------------------------------------------------
def row_code_counts(matrix: Matrix, cols: Sequence[int] | None, code: int) -> list[int]:
    """How many cells of each row have ``code``, counting only ``cols`` (None = all)."""
    return _RowCounter(matrix, cols).counts(range(matrix.n_rows), code)


class _RowCounter:
    """Per-row counts over one set of columns, computed only for the rows asked.

    No Python work per cell: the (sub-)grid is translated into a 0/1 byte mask for the code
    (``bytes.translate``, a table lookup in C), and each row's slice of the mask becomes an
    int whose ``bit_count()`` is the count. On real data this beats ``bytearray.count``
    per row, whose branch per byte mispredicts on a random mix of marks. A column subset is
    first gathered into a compact row-major grid with one strided copy per column.
    """

    def __init__(self, matrix: Matrix, cols: Sequence[int] | None) -> None:
        n = matrix.n_cols
        self.n_rows = matrix.n_rows
        # All columns: per-row counts come from the matrix's cache (see _CountCache).
        self._cache: _CountCache | None = None
        if cols is None or (len(cols) == n and len(set(cols)) == n):
            self.grid, self.width = matrix.grid, n
            if n:
                self._cache = _CountCache.of(matrix)
        else:
            self.grid, self.width = _gather(matrix, cols), len(cols)
        self._masks: dict[int, memoryview] = {}

    def _mask(self, code: int) -> memoryview:
        mask = self._masks.get(code)
        if mask is None:
            mask = self._masks[code] = memoryview(self.grid.translate(_MASK_TABLES[code]))
        return mask

    def counts(self, rows: Sequence[int], code: int) -> list[int]:
        """Counts of ``code`` for ``rows``, aligned with ``rows``."""
        width = self.width
        if width == 0:
            return [0] * len(rows)
        if self._cache is not None:
            per_row = self._cache.counts(code)
            if len(rows) == self.n_rows and isinstance(rows, range) and rows == range(self.n_rows):
                return list(per_row)
            return [per_row[r] for r in rows]
        mask = self._mask(code)
        from_bytes = int.from_bytes
        return [from_bytes(mask[r * width : (r + 1) * width], "little").bit_count() for r in rows]

    def total(self, rows: Sequence[int], code: int) -> int:
        """Sum of ``code`` over ``rows`` (unique row indices)."""
        if self._cache is not None:
            per_row = self._cache.counts(code)
            if len(rows) == self.n_rows:
                return sum(per_row)
            return sum([per_row[r] for r in rows])
        if len(rows) == self.n_rows:
            # All rows: popcount over ~1 KB pieces of the mask (small ints stay in the CPU
            # cache; measured ~5x faster than one bytearray.count over 20 MB of real data).
            mask = self._mask(code)
            from_bytes = int.from_bytes
            return sum(
                from_bytes(mask[i : i + _CHUNK], "little").bit_count()
                for i in range(0, self.n_rows * self.width, _CHUNK)
            )
        return sum(self.counts(rows, code))


_CHUNK = 1024


class _CountCache:
    """Per-row counts of each grid code over all columns, kept per matrix across filter and
    sort changes (a sort by needs at L re-used them instead of two passes over 20 MB).

    Valid exactly while the grid equals the copy taken with them: every use compares the
    two (one ``memcmp``); after an edit only the blocks of rows that differ are recounted,
    so no writer of the grid has to report its edits.
    """

    _BLOCK_ROWS = 64
    _by_matrix: ClassVar[weakref.WeakKeyDictionary[Matrix, _CountCache]] = (
        weakref.WeakKeyDictionary()
    )

    def __init__(self, matrix: Matrix) -> None:
        self.shape = (matrix.n_rows, matrix.n_cols)
        self.snapshot = bytearray(matrix.grid)
        self.per_code: dict[int, list[int]] = {}

    @classmethod
    def of(cls, matrix: Matrix) -> _CountCache:
        cache = cls._by_matrix.get(matrix)
        if cache is None or cache.shape != (matrix.n_rows, matrix.n_cols):
            cache = cls._by_matrix[matrix] = cls(matrix)
        else:
            cache._sync(matrix.grid)
        return cache

    def _sync(self, grid: bytearray) -> None:
        """Recount the rows of every block that changed since the snapshot."""
        snap = self.snapshot
        if grid == snap:
            return
        n_rows, n = self.shape
        step = self._BLOCK_ROWS * n
        changed = [a for a in range(0, len(snap), step) if grid[a : a + step] != snap[a : a + step]]
        if len(changed) * self._BLOCK_ROWS * 4 > n_rows:  # much changed: count afresh
            self.snapshot, self.per_code = bytearray(grid), {}
            return
        for a in changed:
            snap[a : a + step] = grid[a : a + step]
            first = a // n
            for code, per_row in self.per_code.items():
                for r in range(first, min(first + self._BLOCK_ROWS, n_rows)):
                    per_row[r] = grid.count(code, r * n, (r + 1) * n)

    def counts(self, code: int) -> list[int]:
        per_row = self.per_code.get(code)
        if per_row is None:
            n_rows, n = self.shape
            mask = memoryview(self.snapshot.translate(_MASK_TABLES[code]))
            from_bytes = int.from_bytes
            per_row = self.per_code[code] = [
                from_bytes(mask[r * n : (r + 1) * n], "little").bit_count() for r in range(n_rows)
            ]
        return per_row


# One translation table per grid code: that code -> 1, every other byte -> 0.
_MASK_TABLES = {code: bytes(1 if b == code else 0 for b in range(256)) for code in range(256)}


def _gather(matrix: Matrix, cols: Sequence[int]) -> bytearray:
    """Row-major grid of only ``cols`` (one C-level strided copy per column)."""
    n = matrix.n_cols
    width = len(cols)
    sub = bytearray(matrix.n_rows * width)
    grid = matrix.grid
    for t, j in enumerate(cols):
        sub[t::width] = grid[j::n]
    return sub


# -- rows --------------------------------------------------------------------------------------
def apply_filters(
    matrix: Matrix,
    spec: FilterSpec,
    *,
    stale_rows: Callable[[Sequence[int] | None], Collection[int]] | None = None,
) -> FilterResult:
    """Visible rows and columns of ``matrix`` under ``spec``, plus white spots shown.

    The cheap attribute and text criteria run first, so the per-row counts are taken only
    for the rows still in question.

    Args:
        stale_rows: rows with a stale cell within the given columns (None = all columns),
            e.g. ``CellAges.rows_with_stale``; without it ``only_stale`` keeps nobody.
    """
    cols = visible_columns(matrix, spec)
    customers = matrix.customers
    rows: list[int] = list(range(matrix.n_rows))

    if spec.only_stale:
        scope = None if len(cols) == matrix.n_cols else cols
        stale = set(stale_rows(scope)) if stale_rows is not None else set()
        rows = [i for i in rows if i in stale]

    if not spec.show_inactive_customers:
        rows = [i for i in rows if customers[i].active]
    for attribute in CUSTOMER_ATTRIBUTES:
        wanted = getattr(spec, attribute)
        if wanted is not None:
            rows = [i for i in rows if getattr(customers[i], attribute) == wanted]

    words = fold(spec.text).split()
    if words and rows:
        rows = [i for i in rows if all(w in search_text(customers[i]) for w in words)]

    if spec.product_id is not None:
        j = matrix.col_of.get(spec.product_id)
        if j is None:
            rows = []  # the product is gone (deleted): nobody matches
        else:
            column = matrix.col_codes(j)
            code = spec.product_code
            rows = [i for i in rows if column[i] == code]

    visible = _RowCounter(matrix, cols)
    white: list[int] | None = None  # white spots per row in ``rows`` (visible columns)
    if spec.only_white_spots and rows:
        if spec.white_spot_product_ids is None:
            white = visible.counts(rows, WHITE)
            keep = [k for k, w in enumerate(white) if w]
            rows, white = [rows[k] for k in keep], [white[k] for k in keep]
        else:
            scope = sorted(
                matrix.col_of[pid] for pid in spec.white_spot_product_ids if pid in matrix.col_of
            )
            in_scope = _RowCounter(matrix, scope).counts(rows, WHITE)
            rows = [r for r, w in zip(rows, in_scope, strict=True) if w]

    if spec.sort_key is SortKey.WHITE_SPOTS and white is None:
        white = visible.counts(rows, WHITE)
    total_white = sum(white) if white is not None else visible.total(rows, WHITE)
    rows = _sorted_rows(matrix, rows, visible, white, spec)
    return FilterResult(rows=rows, cols=cols, white=total_white)


class _NameOrder:
    """Each row's place in name order, kept per matrix (issue 20: a sort by needs at L spent
    most of its time folding 20,000 names and comparing (count, name, row) tuples).

    With the places as integers, a sort by a count sorts plain ints ``count * n + place``
    (``n`` rows), from which ``% n`` gives the place and so the row back: no tuples, no
    Python call per comparison. Valid while the customers' names are the ones seen here
    (compared on each use, one list comparison in C), so renames, imports and deletions need
    not report themselves.
    """

    _by_matrix: ClassVar[weakref.WeakKeyDictionary[Matrix, _NameOrder]] = (
        weakref.WeakKeyDictionary()
    )

    def __init__(self, names: list[str]) -> None:
        self.names = names
        folded = [fold(name) for name in names]
        n = len(names)
        # Ties: folded name, then row (sorted() is stable) - the order of the count sorts.
        self.row_at = sorted(range(n), key=folded.__getitem__)
        self.place = _inverse(self.row_at)
        # The name sort also breaks ties of the folded name by the name itself.
        self.row_at_by_name = sorted(range(n), key=lambda r: (folded[r], names[r]))
        self.place_by_name = _inverse(self.row_at_by_name)

    @classmethod
    def of(cls, matrix: Matrix) -> _NameOrder:
        names = [c.name for c in matrix.customers]
        order = cls._by_matrix.get(matrix)
        if order is None or order.names != names:
            order = cls._by_matrix[matrix] = cls(names)
        return order

    def by_name(self, rows: Sequence[int], descending: bool) -> list[int]:
        place = self.place_by_name
        keys = sorted(map(place.__getitem__, rows), reverse=descending)
        return list(map(self.row_at_by_name.__getitem__, keys))

    def by_count(self, rows: Sequence[int], counts: Sequence[int]) -> list[int]:
        """``rows`` by ascending ``counts``, ties by folded name, then row."""
        n = len(self.names)
        if len(counts) != len(rows):
            raise ValueError("one count per row")
        # map() with C-level callables: no Python frame per row (20,000 rows at L).
        keys = list(map(add, map(n.__mul__, counts), map(self.place.__getitem__, rows)))
        keys.sort()
        # k % n is the place (Python's modulo is never negative, also for negated counts).
        return list(map(self.row_at.__getitem__, map(n.__rmod__, keys)))


def _inverse(order: list[int]) -> list[int]:
    inverse = [0] * len(order)
    for k, r in enumerate(order):
        inverse[r] = k
    return inverse


def _sorted_rows(
    matrix: Matrix,
    rows: list[int],
    visible: _RowCounter,
    white: list[int] | None,
    spec: FilterSpec,
) -> list[int]:
    key = spec.sort_key
    col = matrix.col_of.get(spec.sort_product_id) if spec.sort_product_id is not None else None
    if key is SortKey.NONE or (key is SortKey.PRODUCT and col is None):
        return rows[::-1] if spec.descending else rows
    order = _NameOrder.of(matrix)
    if key is SortKey.NAME:
        return order.by_name(rows, spec.descending)
    if key is SortKey.PRODUCT:
        assert col is not None  # the early return above handled a missing product
        grid, n = matrix.grid, matrix.n_cols
        counts = [PRODUCT_SORT_RANK[grid[i * n + col]] for i in rows]
    elif key is SortKey.WHITE_SPOTS:
        assert white is not None
        counts = white
    else:
        counts = visible.counts(
            rows, int(Mark.COMPETITOR if key is SortKey.COMPETITOR else Mark.NEED)
        )
    if spec.descending:
        counts = list(map(neg, counts))
    # Ties by name ascending in both directions: the list reads naturally.
    return order.by_count(rows, counts)
