"""Penetration bars per product, product group and customer attribute."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import contains

from kpm_desktop.domain.insights.common import (
    _Amounts,
    _amounts,
    _code_counts,
    _CodeCounts,
    _group_keys,
    _picker,
    _row_counts,
    _row_mask,
    _rows,
    _subgrid,
)
from kpm_desktop.domain.insights.details import ATTRIBUTE_DIMENSIONS, CellDetails
from kpm_desktop.domain.marks import MARK_CODES, WHITE, Mark
from kpm_desktop.domain.matrix import MarkCounts, Matrix


# -- penetration bars ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Bar:
    """One stacked bar of the insights view.

    Attributes:
        key: product id, group id (None = products without a group) or attribute value.
        counts: cells per state (for a product bar: customers per state).
        customers: customers in the bar's base.
        customers_with: customers having at least one cell of each state there.
    """

    dimension: str
    key: int | str | None
    label: str
    counts: MarkCounts
    customers: int
    customers_with: MarkCounts
    revenue: float = 0.0
    potential: float = 0.0

    def share(self, mark: Mark | None) -> float:
        """Percent of the bar's cells with ``mark`` (None = white spots)."""
        total = self.counts.total
        return 100.0 * self.counts.of(mark) / total if total else 0.0

    @property
    def white_spots(self) -> int:
        return self.counts.white

    @property
    def coverage(self) -> float:
        return self.counts.coverage


def _customers_with_cols(sub: bytes, n: int, n_rows: int, cols: list[int]) -> MarkCounts:
    """Customers (rows of ``sub``) having at least one cell of each state in ``cols``.

    ``code in part`` is a memchr in C that usually stops early; measured faster at L than
    counting per row or translating a joined copy.
    """
    if not cols or not n_rows:
        return MarkCounts()
    parts: list[bytes] | list[bytes | bytearray]
    if cols == list(range(cols[0], cols[-1] + 1)):
        a, b = cols[0], cols[-1] + 1
        parts = [sub[k + a : k + b] for k in range(0, n_rows * n, n)]
    else:
        pick = _picker(cols)
        parts = [pick(sub[k : k + n]) for k in range(0, n_rows * n, n)]
    return MarkCounts(*(sum(map(contains, parts, repeat(code))) for code in MARK_CODES))


def product_bars(
    matrix: Matrix,
    rows: Sequence[int] | None = None,
    details: CellDetails | None = None,
    *,
    _sub: bytes | None = None,
    _amt: _Amounts | None = None,
    _cc: _CodeCounts | None = None,
) -> list[Bar]:
    """One bar per product (column order): customers of the subset per mark."""
    rws = _rows(matrix, rows)
    n = matrix.n_cols
    if _cc is None:
        sub = _sub if _sub is not None else _subgrid(matrix, rws)
        _cc = _code_counts(sub, n, len(rws))
    amt = (
        _amt
        if _amt is not None
        else _amounts(matrix, details or CellDetails.empty(n), _row_mask(matrix, rws))
    )
    bars = []
    col_ours, col_comp, col_need, col_no_need = (_cc.cols[c] for c in (1, 2, 3, 4))
    for j, p in enumerate(matrix.products):
        ours, comp, need, no_need = col_ours[j], col_comp[j], col_need[j], col_no_need[j]
        white = len(rws) - ours - comp - need - no_need
        counts = MarkCounts(white, ours, comp, need, no_need)
        bars.append(
            Bar(
                dimension="product",
                key=p.id,
                label=p.name,
                counts=counts,
                customers=len(rws),
                customers_with=counts,
                revenue=amt.rev_col[j],
                potential=amt.pot_col[j],
            )
        )
    return bars


def group_bars(
    matrix: Matrix,
    rows: Sequence[int] | None = None,
    details: CellDetails | None = None,
    *,
    _sub: bytes | None = None,
    _amt: _Amounts | None = None,
    _products: list[Bar] | None = None,
) -> list[Bar]:
    """One bar per product group: cells of the subset's customers in the group's products."""
    rws = _rows(matrix, rows)
    n = matrix.n_cols
    sub = _sub if _sub is not None else _subgrid(matrix, rws)
    amt = (
        _amt
        if _amt is not None
        else _amounts(matrix, details or CellDetails.empty(n), _row_mask(matrix, rws))
    )
    prods = _products if _products is not None else product_bars(matrix, rws, _sub=sub, _amt=amt)
    bars = []
    for gid, label, cols in _group_keys(matrix):
        counts = MarkCounts(
            *(
                sum(prods[j].counts.of(None if c == WHITE else Mark(c)) for j in cols)
                for c in MARK_CODES
            )
        )
        with_ = _customers_with_cols(sub, n, len(rws), cols)
        bars.append(
            Bar(
                dimension="group",
                key=gid,
                label=label,
                counts=counts,
                customers=len(rws),
                customers_with=with_,
                revenue=math.fsum(amt.rev_col[j] for j in cols),
                potential=math.fsum(amt.pot_col[j] for j in cols),
            )
        )
    return bars


def attribute_bars(
    matrix: Matrix,
    dimension: str,
    rows: Sequence[int] | None = None,
    details: CellDetails | None = None,
    *,
    _amt: _Amounts | None = None,
    _rc: list[tuple[int, ...]] | None = None,
) -> list[Bar]:
    """One bar per value of a customer attribute (region, segment or owner), by label."""
    if dimension not in ATTRIBUTE_DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    rws = _rows(matrix, rows)
    n = matrix.n_cols
    amt = (
        _amt
        if _amt is not None
        else _amounts(matrix, details or CellDetails.empty(n), _row_mask(matrix, rws))
    )
    rc = _rc if _rc is not None else _row_counts(matrix, rws)
    members: dict[str, list[int]] = defaultdict(list)
    customers = matrix.customers
    for k, i in enumerate(rws):
        members[getattr(customers[i], dimension)].append(k)
    bars = []
    for value in sorted(members, key=lambda v: (v == "", v.casefold())):
        idx = members[value]
        # Transpose the members' count tuples in C: one tuple per state.
        per_state = list(zip(*[rc[k] for k in idx], strict=True))
        counts = [sum(col) for col in per_state]
        with_ = [len(col) - col.count(0) for col in per_state]
        bars.append(
            Bar(
                dimension=dimension,
                key=value,
                label=value,
                counts=MarkCounts(*counts),
                customers=len(idx),
                customers_with=MarkCounts(*with_),
                revenue=math.fsum(amt.rev_row[rws[k]] for k in idx),
                potential=math.fsum(amt.pot_row[rws[k]] for k in idx),
            )
        )
    return bars


def rows_in_bar(
    matrix: Matrix,
    dimension: str,
    key: int | str | None,
    mark: Mark | str | None = "any",
    rows: Sequence[int] | None = None,
) -> list[int]:
    """The customers behind a bar (segment), for "click a bar to filter the matrix".

    ``mark`` "any" = all customers of the bar; a Mark or None (white spot) = only those
    having at least one such cell in the bar's products.
    """
    rws = _rows(matrix, rows)
    n = matrix.n_cols
    grid = matrix.grid
    if dimension in ATTRIBUTE_DIMENSIONS:
        rws = [i for i in rws if getattr(matrix.customers[i], dimension) == key]
        cols = None
    elif dimension == "product":
        if not isinstance(key, int):  # the product dimension's key is a product id
            raise KeyError(key)
        cols = [matrix.col_of[key]]
    elif dimension == "group":
        cols = next((c for gid, _, c in _group_keys(matrix) if gid == key), [])
    else:
        raise ValueError(f"unknown dimension {dimension!r}")
    if mark == "any":
        return rws
    code = WHITE if mark is None else int(mark)
    if cols is None:
        return [i for i in rws if code in grid[i * n : (i + 1) * n]]
    pick = _picker(cols)
    return [i for i in rws if code in pick(grid[i * n : (i + 1) * n])]
