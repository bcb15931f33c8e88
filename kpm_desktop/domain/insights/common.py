"""Shared scans of the insights: row subsets, sub-grids, amounts per column and row."""

from __future__ import annotations

import calendar
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from operator import itemgetter

from kpm_desktop.domain.insights.details import CellDetails
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.matrix import Matrix


# -- helpers -------------------------------------------------------------------------------------
def _rows(matrix: Matrix, rows: Sequence[int] | None) -> list[int]:
    return list(range(matrix.n_rows)) if rows is None else list(rows)


def _subgrid(matrix: Matrix, rows: list[int]) -> bytes:
    """The grid restricted to ``rows`` (row-major, same column order)."""
    n = matrix.n_cols
    grid = matrix.grid
    if len(rows) == matrix.n_rows and rows == list(range(matrix.n_rows)):
        return bytes(grid)
    return b"".join([grid[i * n : (i + 1) * n] for i in rows])


def _row_mask(matrix: Matrix, rows: list[int]) -> bytearray:
    mask = bytearray(matrix.n_rows)
    for i in rows:
        mask[i] = 1
    return mask


def add_months(day: date, months: int) -> date:
    """``day`` plus whole calendar months (clamped to the month's last day)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(slots=True)
class _Amounts:
    """One pass over the details of the subset's rows: everything the insights need.

    Per row and column sums are plain lists (index = matrix row/column); competitor cells
    and renewal candidates are collected as tuples, only for the subset.
    """

    rev_row: list[float]
    pot_row: list[float]
    need_pot_row: list[float]
    rev_col: list[float]
    rev_n_col: list[int]  # OURS cells with revenue entered, per column
    pot_col: list[float]
    need_cells: dict[int, list[tuple[int, float]]]  # row -> (col, potential) of NEED cells
    comp_cells: dict[int, tuple[list[int], list[int], list[float]]]  # comp -> rows, cols, pots
    renewals: list[tuple[int, int, int, int, float]]  # (end ordinal, row, col, comp, pot)
    window: tuple[int, int]
    revenue: float = 0.0
    potential: float = 0.0


def _amounts(
    matrix: Matrix,
    details: CellDetails,
    mask: bytearray,
    window: tuple[int, int] = (1, 0),
) -> _Amounts:
    """Sum revenue (OURS) and potential (NEED, COMPETITOR) per row and column; collect
    competitor cells and those whose contract end lies in ``window`` (ordinals, inclusive).

    For all rows the result is computed once per ``details`` and cached (the renewal window
    is then a bisect into the cached candidates sorted by date). For a subset, only the
    entries of the subset's rows are visited when the details are in row order (as loaded).
    """
    n_rows = matrix.n_rows
    if mask.count(1) == n_rows:
        key = (n_rows, matrix.n_cols)
        base = details._cache.get(key)
        if base is None:
            base = _scan(matrix, details, [(0, len(details.rows))], None, None)
            details._cache[key] = base
        cands = base.renewals
        ends = details._cache.get(("ends", *key))
        if ends is None:
            ends = details._cache[("ends", *key)] = [t[0] for t in cands]
        lo, hi = window
        picked = cands[bisect_left(ends, lo) : bisect_right(ends, hi)]
        return replace(base, renewals=picked, window=window)
    if details.sorted_rows:
        rows_arr = details.rows
        spans = []
        for r in (i for i, flag in enumerate(mask) if flag):
            a = bisect_left(rows_arr, r)
            b = bisect_right(rows_arr, r, a)
            if b > a:
                spans.append((a, b))
        return _scan(matrix, details, spans, None, window)
    return _scan(matrix, details, [(0, len(details.rows))], mask, window)


def _scan(
    matrix: Matrix,
    details: CellDetails,
    spans: list[tuple[int, int]],
    mask: bytearray | None,
    window: tuple[int, int] | None,
) -> _Amounts:
    """The one loop over detail entries (``window`` None: collect every dated competitor
    cell, sorted by date)."""
    n_rows, n_cols = matrix.n_rows, matrix.n_cols
    rev_row, pot_row, need_row = [0.0] * n_rows, [0.0] * n_rows, [0.0] * n_rows
    rev_col, pot_col = [0.0] * n_cols, [0.0] * n_cols
    rev_n_col = [0] * n_cols
    need_cells: dict[int, list[tuple[int, float]]] = defaultdict(list)
    comp_cells: dict[int, tuple[list[int], list[int], list[float]]] = {}
    renewals: list[tuple[int, int, int, int, float]] = []
    lo, hi = window if window is not None else (1, 1 << 30)
    ours, comp, need = int(Mark.OURS), int(Mark.COMPETITOR), int(Mark.NEED)
    d = details
    for a, b in spans:
        for r, c, m, cid, rev, pot, end in zip(
            d.rows[a:b],
            d.cols[a:b],
            d.marks[a:b],
            d.competitor[a:b],
            d.revenue[a:b],
            d.potential[a:b],
            d.contract_end[a:b],
            strict=True,
        ):
            if mask is not None and not mask[r]:
                continue
            if m == ours:
                if rev == rev:  # NaN != NaN: not entered
                    rev_row[r] += rev
                    rev_col[c] += rev
                    rev_n_col[c] += 1
            elif m == comp:
                lists = comp_cells.get(cid)
                if lists is None:
                    lists = comp_cells[cid] = ([], [], [])
                lists[0].append(r)
                lists[1].append(c)
                lists[2].append(pot)
                if lo <= end <= hi:
                    renewals.append((end, r, c, cid, pot))
                if pot == pot:
                    pot_row[r] += pot
                    pot_col[c] += pot
            elif m == need and pot == pot:
                pot_row[r] += pot
                pot_col[c] += pot
                need_row[r] += pot
                need_cells[r].append((c, pot))
    if window is None:
        renewals.sort(key=itemgetter(0))
    return _Amounts(
        rev_row,
        pot_row,
        need_row,
        rev_col,
        rev_n_col,
        pot_col,
        need_cells,
        comp_cells,
        renewals,
        window or (1, 0),
        math.fsum(rev_col),
        math.fsum(pot_col),
    )


def _window(today: date, months: int) -> tuple[int, int]:
    if months < 0:
        raise ValueError("months must not be negative")
    return today.toordinal(), add_months(today, months).toordinal()


def _row_counts(matrix: Matrix, rows: list[int]) -> list[tuple[int, ...]]:
    """Counts per state for each row of the subset."""
    return _code_counts(_subgrid(matrix, rows), matrix.n_cols, len(rows)).rows


# One translation table per mark code: that code -> 1, every other byte -> 0.
_MASKS = {code: bytes(1 if b == code else 0 for b in range(256)) for code in (1, 2, 3, 4)}
_LANE_ROWS = 255  # rows summed as byte lanes before a lane could overflow


@dataclass(frozen=True, slots=True)
class _CodeCounts:
    """Per-row count tuples (white, X, competitor, need, no need) and per-column counts of
    each mark code, of a row-major sub-grid."""

    rows: list[tuple[int, ...]]
    cols: dict[int, list[int]]


def _code_counts(sub: bytes, n: int, n_rows: int) -> _CodeCounts:
    """Row and column counts in one pass per mark code, with no Python work per cell.

    Each code's 0/1 mask of the sub-grid (``bytes.translate``) is cut into one integer per
    row: its ``bit_count()`` is the row's count, and the sum of up to 255 such integers
    holds each column's count in that column's byte (no carry between bytes), so a column
    count is the sum of one byte per 255 rows. Counting with ``bytes.count`` per row and per
    strided column copy took ~5x as long at L (issue 20: ``kpm insights L``).
    """
    if n == 0:
        return _CodeCounts([(0, 0, 0, 0, 0)] * n_rows, {code: [] for code in _MASKS})
    from_bytes = int.from_bytes
    per_row: dict[int, list[int]] = {code: [] for code in _MASKS}
    lanes: dict[int, list[bytes]] = {code: [] for code in _MASKS}
    step = _LANE_ROWS * n
    for a in range(0, n_rows * n, step):  # blocks of 255 rows: little memory, warm caches
        block = sub[a : a + step]
        for code, table in _MASKS.items():
            mask = memoryview(block.translate(table))
            ints = [from_bytes(mask[k : k + n], "little") for k in range(0, len(block), n)]
            per_row[code].extend(map(int.bit_count, ints))
            lanes[code].append(sum(ints).to_bytes(n, "little"))
    per_col = {
        code: [sum(col) for col in zip(*parts, strict=True)] if parts else [0] * n
        for code, parts in lanes.items()
    }
    rows: list[tuple[int, ...]] = [
        (n - ours - comp - need - no_need, ours, comp, need, no_need)
        for ours, comp, need, no_need in zip(
            per_row[1], per_row[2], per_row[3], per_row[4], strict=True
        )
    ]
    return _CodeCounts(rows, per_col)


def _group_keys(matrix: Matrix) -> list[tuple[int | None, str, list[int]]]:
    """(group id, label, columns) in group sort order; ungrouped products last."""
    cols: dict[int | None, list[int]] = defaultdict(list)
    for j, p in enumerate(matrix.products):
        gid = p.group_id if p.group_id in matrix.groups else None
        cols[gid].append(j)
    ordered = sorted(
        (g for g in matrix.groups.values() if g.id in cols), key=lambda g: (g.sort_order, g.id)
    )
    out = [(g.id, g.name, cols[g.id]) for g in ordered]
    if None in cols:
        out.append((None, "", cols[None]))
    return out


def _picker(cols: list[int]) -> Callable[[bytes | bytearray], bytes | bytearray]:
    """Fast picker of ``cols`` from a row's code string (a slice when they are contiguous)."""
    if cols and cols == list(range(cols[0], cols[-1] + 1)):
        a, b = cols[0], cols[-1] + 1
        return lambda codes: codes[a:b]
    if len(cols) == 1:
        only = cols[0]
        return lambda codes: codes[only : only + 1]
    get = itemgetter(*cols)
    return lambda codes: bytes(get(codes))
