"""The compact in-memory matrix: one byte per cell, no Python object per cell.

Rows are customers, columns are products, both in storage order (customers by id, products
by their storage slot). Views keep their own row/column order maps on top of this. At size
L (20,000 x 1,000) the grid is a 20 MB bytearray; every count below runs in C
(``bytes.count`` over a row slice or a strided column slice).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from kpm_desktop.domain.entities import Customer, Product, ProductGroup, stored_id
from kpm_desktop.domain.marks import MARK_CODES, WHITE, Mark


def coverage_percent(cells: int, white: int) -> float:
    """Known (marked) cells of ``cells`` in percent, 0 for no cells: the one coverage formula
    (status bar, ``kpm info``, insights, exports and the filter's visible part)."""
    return 100.0 * (cells - white) / cells if cells else 0.0


@dataclass(frozen=True, slots=True)
class MarkCounts:
    """Number of cells per state in some part of the matrix."""

    white: int = 0
    ours: int = 0
    competitor: int = 0
    need: int = 0
    no_need: int = 0

    @property
    def total(self) -> int:
        return self.white + self.ours + self.competitor + self.need + self.no_need

    @property
    def known(self) -> int:
        return self.total - self.white

    @property
    def coverage(self) -> float:
        """Known cells / all cells in percent (0 for an empty part)."""
        return coverage_percent(self.total, self.white)

    def of(self, mark: Mark | None) -> int:
        return (self.white, self.ours, self.competitor, self.need, self.no_need)[
            0 if mark is None else int(mark)
        ]

    @classmethod
    def from_codes(cls, codes: bytes | bytearray | tuple[int, ...]) -> MarkCounts:
        return cls(*(codes.count(c) for c in MARK_CODES))


class Matrix:
    """Customers x products with one status code per cell.

    Attributes:
        customers: row order (storage order).
        products: column order (storage slot order).
        groups: product groups by id.
        grid: row-major status codes, ``len == n_rows * n_cols``.
    """

    def __init__(
        self,
        customers: Sequence[Customer],
        products: Sequence[Product],
        groups: Sequence[ProductGroup] = (),
        grid: bytearray | None = None,
    ) -> None:
        self.customers: list[Customer] = list(customers)
        self.products: list[Product] = list(products)
        self.groups: dict[int, ProductGroup] = {g.id: g for g in groups if g.id is not None}
        size = len(self.customers) * len(self.products)
        if grid is None:
            grid = bytearray(size)
        if len(grid) != size:
            raise ValueError(f"grid has {len(grid)} cells, expected {size}")
        self.grid = grid
        self._reindex()

    def _reindex(self) -> None:
        # the entities are stored (ids set); the filter only tells mypy so, without a call per row
        self.row_of: dict[int, int] = {
            c.id: i for i, c in enumerate(self.customers) if c.id is not None
        }
        self.col_of: dict[int, int] = {
            p.id: j for j, p in enumerate(self.products) if p.id is not None
        }

    # -- shape -----------------------------------------------------------------------------
    @property
    def n_rows(self) -> int:
        return len(self.customers)

    @property
    def n_cols(self) -> int:
        return len(self.products)

    # -- cells -----------------------------------------------------------------------------
    def code(self, row: int, col: int) -> int:
        return self.grid[row * len(self.products) + col]

    def mark(self, row: int, col: int) -> Mark | None:
        code = self.code(row, col)
        return None if code == WHITE else Mark(code)

    def set_code(self, row: int, col: int, code: int) -> None:
        self.grid[row * len(self.products) + col] = code

    def row_codes(self, row: int) -> bytes:
        n = len(self.products)
        return bytes(self.grid[row * n : (row + 1) * n])

    def col_codes(self, col: int) -> bytes:
        return bytes(self.grid[col :: len(self.products)]) if self.products else b""

    # -- counts ----------------------------------------------------------------------------
    def row_counts(self, row: int, cols: Sequence[int] | None = None) -> MarkCounts:
        """Counts per state in one customer's row, optionally only in ``cols``."""
        codes = self.row_codes(row)
        return MarkCounts.from_codes(_pick(codes, cols))

    def col_counts(self, col: int, rows: Sequence[int] | None = None) -> MarkCounts:
        """Counts per state in one product's column, optionally only in ``rows``."""
        codes = self.col_codes(col)
        return MarkCounts.from_codes(_pick(codes, rows))

    def white_spots_in_row(self, row: int, cols: Sequence[int] | None = None) -> int:
        return _pick(self.row_codes(row), cols).count(WHITE)

    def white_spots_in_col(self, col: int, rows: Sequence[int] | None = None) -> int:
        return _pick(self.col_codes(col), rows).count(WHITE)

    def white_spot_cols(self, row: int, cols: Sequence[int] | None = None) -> list[int]:
        """Column indices of the white spots in a row (what to ask this customer)."""
        codes = self.row_codes(row)
        candidates = range(len(codes)) if cols is None else cols
        return [j for j in candidates if codes[j] == WHITE]

    def all_row_counts(self, cols: Sequence[int] | None = None) -> list[MarkCounts]:
        """Counts for every row; one C-level pass per row and state."""
        n = len(self.products)
        grid = self.grid
        if cols is not None and len(cols) == 0:
            return [MarkCounts() for _ in self.customers]
        if cols is None:
            return [
                MarkCounts.from_codes(grid[i * n : (i + 1) * n]) for i in range(len(self.customers))
            ]
        getter = _getter(cols)
        return [
            MarkCounts.from_codes(getter(grid[i * n : (i + 1) * n]))
            for i in range(len(self.customers))
        ]

    def all_col_counts(self, rows: Sequence[int] | None = None) -> list[MarkCounts]:
        return [self.col_counts(j, rows) for j in range(len(self.products))]

    def totals(
        self, rows: Sequence[int] | None = None, cols: Sequence[int] | None = None
    ) -> MarkCounts:
        """Counts over a sub-matrix (all cells when both are None)."""
        if rows is None and cols is None:
            return MarkCounts.from_codes(self.grid)
        per_row = self.all_row_counts(cols)
        if rows is not None:
            per_row = [per_row[i] for i in rows]
        return MarkCounts(*(sum(getattr(c, f) for c in per_row) for f in _FIELDS))

    def coverage(
        self, rows: Sequence[int] | None = None, cols: Sequence[int] | None = None
    ) -> float:
        return self.totals(rows, cols).coverage

    # -- structure changes (mirrors of repository writes) -----------------------------------
    def append_customer(self, customer: Customer, codes: bytes | None = None) -> int:
        n = len(self.products)
        row = bytes(n) if codes is None else bytes(codes)
        if len(row) != n:
            raise ValueError("row length does not match product count")
        self.customers.append(customer)
        self.grid += row
        self.row_of[stored_id(customer)] = len(self.customers) - 1
        return len(self.customers) - 1

    def insert_customer(self, index: int, customer: Customer, codes: bytes) -> None:
        n = len(self.products)
        self.customers.insert(index, customer)
        self.grid[index * n : index * n] = codes
        self._reindex()

    def remove_customer(self, row: int) -> bytes:
        """Remove a row; returns its codes (for undo)."""
        n = len(self.products)
        codes = bytes(self.grid[row * n : (row + 1) * n])
        del self.grid[row * n : (row + 1) * n]
        del self.customers[row]
        self._reindex()
        return codes

    def insert_product(self, col: int, product: Product, codes: bytes | None = None) -> None:
        """Insert a column at ``col`` (codes per row, default all white)."""
        n_rows = len(self.customers)
        column = bytes(n_rows) if codes is None else codes
        n = len(self.products)
        old = self.grid
        parts: list[bytes | bytearray] = []
        for i in range(n_rows):
            start = i * n
            parts.append(old[start : start + col])
            parts.append(column[i : i + 1])
            parts.append(old[start + col : start + n])
        self.grid = bytearray(b"".join(parts))
        self.products.insert(col, product)
        self._reindex()

    def remove_product(self, col: int) -> bytes:
        """Remove a column; returns its codes (for undo)."""
        n = len(self.products)
        codes = self.col_codes(col)
        old = self.grid
        parts: list[bytes | bytearray] = []
        for i in range(len(self.customers)):
            start = i * n
            parts.append(old[start : start + col])
            parts.append(old[start + col + 1 : start + n])
        self.grid = bytearray(b"".join(parts))
        del self.products[col]
        self._reindex()
        return codes

    def product_group_name(self, product: Product) -> str:
        group = self.groups.get(product.group_id) if product.group_id is not None else None
        return group.name if group else ""

    def cols_in_group(self, group_id: int | None) -> list[int]:
        return [j for j, p in enumerate(self.products) if p.group_id == group_id]


_FIELDS = ("white", "ours", "competitor", "need", "no_need")


def _getter(indices: Sequence[int]) -> Callable[[bytes | bytearray], tuple[int, ...]]:
    """An itemgetter that always returns a tuple (itemgetter of one index returns a scalar)."""
    if len(indices) == 1:
        only = indices[0]
        return lambda seq: (seq[only],)
    getter: Callable[[bytes | bytearray], tuple[int, ...]] = itemgetter(*indices)
    return getter


def _pick(codes: bytes, indices: Sequence[int] | None) -> bytes | tuple[int, ...]:
    if indices is None:
        return codes
    if len(indices) == 0:
        return ()
    return _getter(indices)(codes)


def codes_for(marks: Iterable[Mark | None]) -> bytes:
    """Build a code row from marks (None = white spot)."""
    return bytes(WHITE if m is None else int(m) for m in marks)
