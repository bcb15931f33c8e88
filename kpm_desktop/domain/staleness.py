"""Stale cells and due "no need" re-checks.

A mark is only as good as the day it was last confirmed. Two rules keep the matrix honest:

* a cell whose ``verified_at`` is older than the file's threshold (setting ``stale_months``,
  default 12 months) is **stale**: still shown, but faded and listed for the next visit;
* a "no need" cell whose re-check date has come (``recheck_at <= today``) counts as a
  **white spot** again, in every count and filter. The stored mark stays untouched (so the
  reason and the history survive); only the *effective* grid sees a white spot.

Everything here is pure: storage answers which cells are stale or due (one query each, see
``Repository.stale_cells`` / ``Repository.due_rechecks``) and these functions turn that into
effective grids, masks and per-cell answers for the model, the filters and the KPIs.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import UTC, date, datetime, time

from kpm_desktop.domain.entities import CellRecord
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import Matrix

CellKey = tuple[int, int]  # (customer_id, product_id)

SETTING_KEY = "stale_months"  # key in the per-file settings table
DEFAULT_STALE_MONTHS = 12
MAX_STALE_MONTHS = 120
_NO_NEED = int(Mark.NO_NEED)


def parse_stale_months(value: str | None) -> int:
    """The threshold in months from the stored setting (default for missing or bad values).

    0 switches staleness off.
    """
    try:
        months = int(str(value).strip())
    except (TypeError, ValueError):
        return DEFAULT_STALE_MONTHS
    return months if 0 <= months <= MAX_STALE_MONTHS else DEFAULT_STALE_MONTHS


def months_before(day: date, months: int) -> date:
    """``day`` moved back by whole calendar months (day of month clamped: 31 May - 3 = 28 Feb)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def months_after(day: date, months: int) -> date:
    return months_before(day, -months)


def stale_before(today: date, months: int) -> datetime | None:
    """Cells verified before this instant (UTC) are stale; None when staleness is off."""
    if months <= 0:
        return None
    return datetime.combine(months_before(today, months), time(0, 0), tzinfo=UTC)


def is_stale(verified_at: datetime | None, today: date, months: int) -> bool:
    """True when a mark was last verified before the threshold (or never)."""
    cutoff = stale_before(today, months)
    if cutoff is None:
        return False
    if verified_at is None:
        return True  # imported without a date: nobody knows how old it is
    if verified_at.tzinfo is None:
        verified_at = verified_at.replace(tzinfo=UTC)
    return verified_at < cutoff


def is_recheck_due(record: CellRecord | None, today: date) -> bool:
    """A "no need" whose re-check date has come (on the day itself it is due)."""
    return (
        record is not None
        and record.mark is Mark.NO_NEED
        and record.recheck_at is not None
        and record.recheck_at <= today
    )


def effective_mark(record: CellRecord | None, today: date) -> Mark | None:
    """The mark that counts: None (white spot) for no record or a due re-check."""
    if record is None or is_recheck_due(record, today):
        return None
    return record.mark


def is_cell_stale(record: CellRecord | None, today: date, months: int) -> bool:
    """Stale = an effective mark whose verification is too old (white spots are never stale)."""
    return (
        record is not None
        and effective_mark(record, today) is not None
        and is_stale(
            record.verified_at,
            today,
            months,
        )
    )


# -- whole-matrix views -------------------------------------------------------------------------
def effective_grid(matrix: Matrix, recheck_due: Iterable[CellKey]) -> bytearray:
    """A copy of the grid where due "no need" cells are white spots.

    Only cells whose stored code is NO_NEED change, so a stale key set (e.g. after the
    cell was re-marked) cannot turn another mark into a white spot.
    """
    grid = bytearray(matrix.grid)
    n = matrix.n_cols
    row_of, col_of = matrix.row_of, matrix.col_of
    for cid, pid in recheck_due:
        r, c = row_of.get(cid), col_of.get(pid)
        if r is None or c is None:
            continue
        i = r * n + c
        if grid[i] == _NO_NEED:
            grid[i] = WHITE
    return grid


def effective_matrix(matrix: Matrix, recheck_due: Iterable[CellKey]) -> Matrix:
    """A Matrix over the effective grid (sharing the customer/product objects).

    Returns ``matrix`` itself when nothing is due, so the common case costs nothing.
    """
    keys = list(recheck_due)
    if not keys:
        return matrix
    return Matrix(
        matrix.customers,
        matrix.products,
        list(matrix.groups.values()),
        effective_grid(matrix, keys),
    )


def stale_mask(
    matrix: Matrix, stale: Iterable[CellKey], recheck_due: Iterable[CellKey] = ()
) -> bytearray:
    """One byte per cell (row-major like the grid): 1 where the cell is stale.

    White spots (stored or effective) are never stale, so due re-checks are left out.
    """
    mask = bytearray(len(matrix.grid))
    n = matrix.n_cols
    row_of, col_of = matrix.row_of, matrix.col_of
    due = set(recheck_due)
    grid = matrix.grid
    for key in stale:
        r, c = row_of.get(key[0]), col_of.get(key[1])
        if r is None or c is None or key in due:
            continue
        i = r * n + c
        if grid[i] != WHITE:
            mask[i] = 1
    return mask


class CellAges:
    """Which cells are stale and which re-checks are due, for one open matrix.

    Stale cells are kept as one byte per product column per customer that has any (a
    bitmap keyed by customer id): at size L with every answer old that is 20 MB, where a
    set of 8 million (customer, product) pairs would take gigabytes. Due re-checks are few
    ("no need" cells with a date) and kept as a set of keys.

    Args:
        col_of: product id -> column (the product's storage slot, which is also its matrix
            column); products missing here are never stale.
        stale_rows: customer id -> bitmap over the columns (1 = stale).
    """

    __slots__ = ("col_of", "months", "recheck_due", "stale_rows", "today")

    def __init__(
        self,
        today: date,
        months: int,
        col_of: dict[int, int] | None = None,
        stale_rows: dict[int, bytearray] | None = None,
        recheck_due: Iterable[CellKey] = (),
    ) -> None:
        self.today = today
        self.months = months
        self.col_of: dict[int, int] = dict(col_of or {})
        self.stale_rows: dict[int, bytearray] = stale_rows if stale_rows is not None else {}
        self.recheck_due: set[CellKey] = set(recheck_due)

    @classmethod
    def from_keys(
        cls,
        today: date,
        months: int,
        col_of: dict[int, int],
        stale: Iterable[CellKey],
        recheck_due: Iterable[CellKey] = (),
    ) -> CellAges:
        ages = cls(today, months, col_of, recheck_due=recheck_due)
        for key in stale:
            ages._set_stale(key, True)
        return ages

    @property
    def stale(self) -> set[CellKey]:
        """All stale cells as keys (for small files and tests; large files use the bitmaps)."""
        pid_of = {c: p for p, c in self.col_of.items()}
        return {
            (cid, pid_of[j])
            for cid, bits in self.stale_rows.items()
            for j, b in enumerate(bits)
            if b and j in pid_of
        }

    def stale_count(self) -> int:
        return sum(bits.count(1) for bits in self.stale_rows.values())

    def _set_stale(self, key: CellKey, value: bool) -> None:
        col = self.col_of.get(key[1])
        if col is None:
            return
        bits = self.stale_rows.get(key[0])
        if bits is None:
            if not value:
                return
            bits = self.stale_rows[key[0]] = bytearray(len(self.col_of))
        if col < len(bits):
            bits[col] = 1 if value else 0

    def update_cell(self, key: CellKey, record: CellRecord | None) -> None:
        """Re-evaluate one cell after it was written (or cleared)."""
        self.recheck_due.discard(key)
        due = is_recheck_due(record, self.today)
        if due:
            self.recheck_due.add(key)
        self._set_stale(key, not due and is_cell_stale(record, self.today, self.months))

    def is_stale(self, customer_id: int, product_id: int) -> bool:
        bits = self.stale_rows.get(customer_id)
        col = self.col_of.get(product_id)
        return bits is not None and col is not None and col < len(bits) and bits[col] == 1

    def is_recheck_due(self, customer_id: int, product_id: int) -> bool:
        return (customer_id, product_id) in self.recheck_due

    def effective_matrix(self, matrix: Matrix) -> Matrix:
        return effective_matrix(matrix, self.recheck_due)

    def stale_mask(self, matrix: Matrix) -> bytearray:
        """One byte per matrix cell (row-major like the grid): 1 where the cell is stale.

        The bitmaps are copied row by row (C-level slices); white spots are never stale.
        """
        n = matrix.n_cols
        mask = bytearray(len(matrix.grid))
        row_of = matrix.row_of
        for cid, bits in self.stale_rows.items():
            r = row_of.get(cid)
            if r is None or len(bits) != n:
                continue  # shape changed since the ages were taken: a refresh follows
            mask[r * n : (r + 1) * n] = bits
        for cid, pid in self.recheck_due:
            r, c = row_of.get(cid), matrix.col_of.get(pid)
            if r is not None and c is not None:
                mask[r * n + c] = 0
        return mask

    def rows_with_stale(self, matrix: Matrix, cols: Iterable[int] | None = None) -> list[int]:
        """Row indices (ascending) of customers with a stale cell, optionally only in ``cols``.

        This is the "stale cells" filter.
        """
        picked = None if cols is None else sorted(set(cols))
        rows = []
        row_of = matrix.row_of
        for cid, bits in self.stale_rows.items():
            r = row_of.get(cid)
            if r is None or 1 not in bits:
                continue
            if picked is None or any(c < len(bits) and bits[c] for c in picked):
                rows.append(r)
        return sorted(rows)
