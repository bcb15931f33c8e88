"""Portfolio insights over the compact matrix: penetration bars, competitor and renewal radar,
"where to go next". Pure functions, no Qt, no SQL.

Every function takes an optional ``rows`` subset (matrix row indices, e.g. the customers the
GUI's filter currently shows); ``None`` means all customers. Counts run over byte strings in C
(``bytes.count`` on a sub-grid or a strided column), never over one Python object per cell.
Amounts, competitors and contract ends come from :class:`CellDetails`, a few flat arrays over
only the cells that carry such details.

Definitions (also in the README "Design" section):

* A **product bar** counts the customers of the subset per mark in that product's column, so
  its shares are "share of customers with this mark".
* A **group bar** and a **region/segment/owner bar** count cells (customers x products of
  that part), so its shares are shares of cells; ``customers_with`` additionally counts the
  customers having at least one cell of each state there.
* **Our revenue** sums ``our_revenue`` of OURS cells; **potential** sums ``potential`` of
  NEED and COMPETITOR cells (open potential; a potential left on a cell that became OURS is
  realised, not open).
* **Renewal radar**: COMPETITOR cells whose contract end lies in ``[today, today + N
  months]``, soonest first.
* **Where to go next** ranks customers by open value = potential of their NEED cells +
  potential of their competitor cells up for renewal + for each *peer gap* (a white spot in a
  product that at least ``peer_share`` of the other customers of the same segment buy from
  us, with at least ``min_peers`` such customers) the mean entered revenue of that product.
  Ties (e.g. a file without amounts) are broken by the number of such reasons, then by name.
  Every rank carries its reasons with counts and values; nothing is an unexplained score.
"""

from __future__ import annotations

import calendar
import math
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise, repeat
from operator import contains, itemgetter
from typing import NamedTuple

from kpm_desktop.domain.entities import CellRecord
from kpm_desktop.domain.marks import MARK_CODES, WHITE, Mark
from kpm_desktop.domain.matrix import MarkCounts, Matrix

DIMENSIONS = ("product", "group", "region", "segment", "owner")
ATTRIBUTE_DIMENSIONS = ("region", "segment", "owner")
UNNAMED_COMPETITOR = 0  # competitor key of competitor cells without a named competitor


@dataclass(slots=True)
class CellDetails:
    """Details of the cells that carry any, as parallel flat arrays (index = one such cell).

    ``competitor`` 0 = none; ``revenue``/``potential`` NaN = not entered; ``contract_end``
    is a proleptic ordinal (``date.toordinal()``), 0 = none. A ``marks`` entry 0 is a
    retired entry (the cell was edited since, see :meth:`patch`): every insight skips it.
    """

    rows: array
    cols: array
    marks: bytearray
    competitor: array
    revenue: array
    potential: array
    contract_end: array
    n_cols: int = 0
    sorted_rows: bool = False  # entries in ascending row order (as loaded), for subset spans
    _index: dict[int, int] | None = None  # cell -> entry, built on the first patch
    _cache: dict = field(default_factory=dict)  # derived sums over all rows (see _amounts)

    def __len__(self) -> int:
        return len(self.rows) - self.marks.count(0)

    def copy(self) -> CellDetails:
        """An independent copy (e.g. for a worker thread); cached sums are shared, they are
        never modified once computed."""
        return CellDetails(
            array("i", self.rows),
            array("i", self.cols),
            bytearray(self.marks),
            array("i", self.competitor),
            array("d", self.revenue),
            array("d", self.potential),
            array("i", self.contract_end),
            self.n_cols,
            self.sorted_rows,
            None,
            dict(self._cache),
        )

    def patch(self, cells: Sequence[tuple[int, int, CellRecord | None]]) -> None:
        """Bring edited cells (matrix row, column, new record or None) up to date.

        The old entry of a cell is retired (mark 0) and a new one appended when the new
        record carries details, so an edit costs O(cells edited), not a reload.
        """
        self._cache.clear()
        self.sorted_rows = False
        index = self._index
        if index is None:
            n = self.n_cols or 1
            index = self._index = {
                r * n + c: k
                for k, (r, c, m) in enumerate(zip(self.rows, self.cols, self.marks, strict=True))
                if m
            }
        n = self.n_cols or 1
        nan = float("nan")
        for r, c, rec in cells:
            key = r * n + c
            old = index.pop(key, None)
            if old is not None:
                self.marks[old] = 0
            if rec is None or not (
                rec.our_revenue is not None
                or rec.potential is not None
                or rec.competitor_id is not None
                or rec.contract_end is not None
            ):
                continue
            index[key] = len(self.rows)
            self.rows.append(r)
            self.cols.append(c)
            self.marks.append(int(rec.mark))
            self.competitor.append(rec.competitor_id or 0)
            self.revenue.append(nan if rec.our_revenue is None else rec.our_revenue)
            self.potential.append(nan if rec.potential is None else rec.potential)
            self.contract_end.append(rec.contract_end.toordinal() if rec.contract_end else 0)

    @classmethod
    def empty(cls, n_cols: int = 0) -> CellDetails:
        return cls(
            array("i"),
            array("i"),
            bytearray(),
            array("i"),
            array("d"),
            array("d"),
            array("i"),
            n_cols,
        )

    @classmethod
    def from_cells(
        cls,
        cells: Sequence[tuple[int, int, int, int, float | None, float | None, date | None]],
        n_cols: int,
    ) -> CellDetails:
        """Build from ``(row, col, mark code, competitor id or 0, revenue, potential, end)``."""
        nan = float("nan")
        out = cls.empty(n_cols)
        marks = bytearray()
        for r, c, m, comp, rev, pot, end in cells:
            out.rows.append(r)
            out.cols.append(c)
            marks.append(m)
            out.competitor.append(comp or 0)
            out.revenue.append(nan if rev is None else rev)
            out.potential.append(nan if pot is None else pot)
            out.contract_end.append(end.toordinal() if end else 0)
        out.marks = marks
        out.sorted_rows = all(a <= b for a, b in pairwise(out.rows))
        return out


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


def _counts(codes: bytes) -> MarkCounts:
    return MarkCounts(*(codes.count(c) for c in MARK_CODES))


def add_months(day: date, months: int) -> date:
    """``day`` plus whole calendar months (clamped to the month's last day)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


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
    """Counts per state for each row of the subset (one C-level pass per row and state)."""
    n = matrix.n_cols
    grid = matrix.grid
    out = []
    append = out.append
    for i in rows:
        count = grid[i * n : (i + 1) * n].count
        ours, comp, need, no_need = count(1), count(2), count(3), count(4)
        append((n - ours - comp - need - no_need, ours, comp, need, no_need))
    return out


def _customers_with_cols(sub: bytes, n: int, n_rows: int, cols: list[int]) -> MarkCounts:
    """Customers (rows of ``sub``) having at least one cell of each state in ``cols``.

    ``code in part`` is a memchr in C that usually stops early; measured faster at L than
    counting per row or translating a joined copy.
    """
    if not cols or not n_rows:
        return MarkCounts()
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
) -> list[Bar]:
    """One bar per product (column order): customers of the subset per mark."""
    rws = _rows(matrix, rows)
    n = matrix.n_cols
    sub = _sub if _sub is not None else _subgrid(matrix, rws)
    amt = (
        _amt
        if _amt is not None
        else _amounts(matrix, details or CellDetails.empty(n), _row_mask(matrix, rws))
    )
    bars = []
    for j, p in enumerate(matrix.products):
        column = sub[j::n]
        count = column.count
        ours, comp, need, no_need = count(1), count(2), count(3), count(4)
        white = len(rws) - ours - comp - need - no_need  # one pass fewer per column
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


def _picker(cols: list[int]):
    """Fast picker of ``cols`` from a row's code string (a slice when they are contiguous)."""
    if cols and cols == list(range(cols[0], cols[-1] + 1)):
        a, b = cols[0], cols[-1] + 1
        return lambda codes: codes[a:b]
    if len(cols) == 1:
        only = cols[0]
        return lambda codes: codes[only : only + 1]
    get = itemgetter(*cols)
    return lambda codes: bytes(get(codes))


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
        cols = [matrix.col_of[key]]  # type: ignore[index]
    elif dimension == "group":
        cols = next((c for gid, _, c in _group_keys(matrix) if gid == key), [])
    else:
        raise ValueError(f"unknown dimension {dimension!r}")
    if mark == "any":
        return rws
    code = WHITE if mark is None else int(mark)  # type: ignore[arg-type]
    if cols is None:
        return [i for i in rws if code in grid[i * n : (i + 1) * n]]
    pick = _picker(cols)
    return [i for i in rws if code in pick(grid[i * n : (i + 1) * n])]


# -- competitor and renewal radar ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CompetitorPresence:
    """Where one competitor is present (``competitor_id`` 0 = competitor not named)."""

    competitor_id: int
    name: str
    cells: int
    customers: tuple[int, ...]  # matrix rows, ascending
    products: tuple[int, ...]  # matrix columns, ascending
    by_group: dict[str, int]  # group label -> cells
    by_region: dict[str, int]  # region -> cells
    potential: float


def competitor_radar(
    matrix: Matrix,
    details: CellDetails,
    competitor_names: dict[int, str],
    rows: Sequence[int] | None = None,
    *,
    _sub: bytes | None = None,
    _rc: list[tuple[int, ...]] | None = None,
    _col_comp: list[int] | None = None,
    _amt: _Amounts | None = None,
) -> list[CompetitorPresence]:
    """Per competitor: customers, products, cells by product group and region.

    Competitor cells without a named competitor (no details, or naming a deleted one) are
    collected under ``competitor_id`` 0; they are found by subtracting the named cells from
    the grid's counts per row and column, so there is no Python loop per grid cell. Sorted
    by cells, most first, then by name (the unnamed entry last among equals).
    """
    rws = _rows(matrix, rows)
    mask = _row_mask(matrix, rws)
    n = matrix.n_cols
    comp = int(Mark.COMPETITOR)
    group_of_col: dict[int, str] = {}
    for gid, label, cols in _group_keys(matrix):
        for j in cols:
            group_of_col[j] = label if gid is not None else ""
    if _amt is None:
        _amt = _amounts(matrix, details, mask)
    cells = {cid: v for cid, v in _amt.comp_cells.items() if cid in competitor_names}
    unnamed_pots = [
        p
        for cid, v in _amt.comp_cells.items()
        if cid not in competitor_names
        for p in v[2]
        if p == p
    ]
    named_in_row: Counter[int] = Counter()
    named_in_col: Counter[int] = Counter()
    regions = [c.region for c in matrix.customers]
    out = []
    for key, (rows_, cols_, pots) in cells.items():
        per_row = Counter(rows_)
        per_col = Counter(cols_)
        named_in_row.update(per_row)
        named_in_col.update(per_col)
        by_group: dict[str, int] = defaultdict(int)
        by_region: dict[str, int] = defaultdict(int)
        for c, k in per_col.items():
            by_group[group_of_col.get(c, "")] += k
        for r, k in per_row.items():
            by_region[regions[r]] += k
        out.append(
            CompetitorPresence(
                competitor_id=key,
                name=competitor_names[key],
                cells=len(rows_),
                customers=tuple(sorted(per_row)),
                products=tuple(sorted(per_col)),
                by_group=dict(sorted(by_group.items())),
                by_region=dict(sorted(by_region.items())),
                potential=math.fsum(p for p in pots if p == p),
            )
        )
    # The rest of the grid's competitor cells: not named.
    grid = matrix.grid
    if _rc is not None:
        in_row = [t[comp] for t in _rc]
    else:
        in_row = [grid[i * n : (i + 1) * n].count(comp) for i in rws]
    row_left = {
        i: left
        for i, k in zip(rws, in_row, strict=True)
        if (left := k - named_in_row.get(i, 0)) > 0
    }
    if row_left:
        if _col_comp is None:
            sub = _sub if _sub is not None else _subgrid(matrix, rws)
            _col_comp = [sub[j::n].count(comp) for j in range(n)]
        col_left = {
            j: left for j, k in enumerate(_col_comp) if (left := k - named_in_col.get(j, 0)) > 0
        }
        by_group = defaultdict(int)
        by_region = defaultdict(int)
        for j, k in col_left.items():
            by_group[group_of_col.get(j, "")] += k
        for i, k in row_left.items():
            by_region[matrix.customers[i].region] += k
        unnamed_pot = math.fsum(unnamed_pots)
        out.append(
            CompetitorPresence(
                competitor_id=UNNAMED_COMPETITOR,
                name="",
                cells=sum(row_left.values()),
                customers=tuple(sorted(row_left)),
                products=tuple(sorted(col_left)),
                by_group=dict(sorted(by_group.items())),
                by_region=dict(sorted(by_region.items())),
                potential=unnamed_pot,
            )
        )
    out.sort(key=lambda p: (-p.cells, p.competitor_id == UNNAMED_COMPETITOR, p.name.casefold()))
    return out


class Renewal(NamedTuple):
    """A competitor cell whose contract ends soon (a NamedTuple: there can be many)."""

    row: int
    col: int
    contract_end: date
    competitor_id: int
    competitor: str
    potential: float | None

    def days_left(self, today: date) -> int:
        return (self.contract_end - today).days


def renewal_radar(
    matrix: Matrix,
    details: CellDetails,
    competitor_names: dict[int, str],
    *,
    today: date,
    months: int = 6,
    rows: Sequence[int] | None = None,
    _amt: _Amounts | None = None,
) -> list[Renewal]:
    """Competitor cells with a contract end in ``[today, today + months]``, soonest first."""
    window = _window(today, months)
    if _amt is None or _amt.window != window:
        _amt = _amounts(matrix, details, _row_mask(matrix, _rows(matrix, rows)), window)
    # Sort plain tuples with precomputed name keys (C comparisons), then build the records.
    cust_key = [c.name.casefold() for c in matrix.customers]
    prod_key = [p.name.casefold() for p in matrix.products]
    ordered = sorted(
        (end, cust_key[r], prod_key[c], r, c, cid, pot) for end, r, c, cid, pot in _amt.renewals
    )
    fromordinal = date.fromordinal
    get_name = competitor_names.get
    return [
        Renewal(
            r,
            c,
            fromordinal(end),
            cid if cid in competitor_names else UNNAMED_COMPETITOR,
            get_name(cid, ""),
            None if pot != pot else pot,
        )
        for end, _, _, r, c, cid, pot in ordered
    ]


# -- where to go next ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Reason:
    """One reason of a "where to go next" rank.

    ``kind`` is "needs", "renewals" or "peer_gaps"; ``count`` cells; ``value`` their open
    value (0 when no amounts are entered); ``cols`` the products concerned (most valuable
    first); ``evidence`` per column: (peers buying from us, peers) for peer gaps.
    """

    kind: str
    count: int
    value: float
    cols: tuple[int, ...]
    evidence: tuple[tuple[int, int], ...] = ()
    next_date: date | None = None


@dataclass(frozen=True, slots=True)
class NextStep:
    row: int
    value: float
    reasons: tuple[Reason, ...]

    @property
    def reason_count(self) -> int:
        return sum(r.count for r in self.reasons)


@dataclass(frozen=True, slots=True)
class PeerStats:
    """Per segment: customers and per product how many of them buy it from us."""

    size: dict[str, int]
    ours: dict[str, list[int]]  # segment -> per column count of OURS
    mean_revenue: list[float]  # per column: mean entered revenue of OURS cells (0 if none)


def peer_stats(
    matrix: Matrix, details: CellDetails | None = None, *, _all: _Amounts | None = None
) -> PeerStats:
    """Segment statistics over the whole file (the evidence base of peer gaps).

    ``_all``: the amounts of *all* rows, if already at hand.
    """
    n = matrix.n_cols
    grid = matrix.grid
    members: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(matrix.customers):
        members[c.segment].append(i)
    ours_code = int(Mark.OURS)
    ours: dict[str, list[int]] = {}
    for seg, idx in members.items():
        sub = b"".join([grid[i * n : (i + 1) * n] for i in idx])
        ours[seg] = [sub[j::n].count(ours_code) for j in range(n)]
    if _all is None:
        _all = _amounts(matrix, details or CellDetails.empty(n), bytearray(b"\x01" * matrix.n_rows))
    total, count = _all.rev_col, _all.rev_n_col
    mean = [total[j] / count[j] if count[j] else 0.0 for j in range(n)]
    return PeerStats({s: len(v) for s, v in members.items()}, ours, mean)


def _white_bits(codes: bytes) -> int:
    return int.from_bytes(codes.translate(_WHITE_TABLE), "big")


_WHITE_TABLE = bytes([1] + [0] * 255)


def where_to_go_next(
    matrix: Matrix,
    details: CellDetails,
    *,
    today: date,
    rows: Sequence[int] | None = None,
    months: int = 6,
    peer_share: float = 0.5,
    min_peers: int = 5,
    limit: int | None = 50,
    renewals: list[Renewal] | None = None,
    peers: PeerStats | None = None,
    _rc: list[tuple[int, ...]] | None = None,
    _amt: _Amounts | None = None,
) -> list[NextStep]:
    """Customers of the subset ranked by open value, each with its reasons (module docstring)."""
    rws = _rows(matrix, rows)
    n = matrix.n_cols
    grid = matrix.grid
    mask = _row_mask(matrix, rws)
    window = _window(today, months)
    if _amt is None or _amt.window != window:
        _amt = _amounts(matrix, details, mask, window)
    if peers is None:
        peers = peer_stats(matrix, details, _all=_amt if len(rws) == matrix.n_rows else None)
    if renewals is None:
        renewals = renewal_radar(matrix, details, {}, today=today, months=months, _amt=_amt)
    need_code = int(Mark.NEED)
    needs_pot = _amt.need_cells
    need_pot_row = _amt.need_pot_row
    ren_count: dict[int, int] = defaultdict(int)
    ren_value: dict[int, float] = defaultdict(float)
    for x in renewals:
        if mask[x.row]:
            ren_count[x.row] += 1
            if x.potential is not None:
                ren_value[x.row] += x.potential

    # Popular products per segment: at least peer_share of the *other* customers buy them.
    popular: dict[str, tuple[list[int], int]] = {}
    for seg, size in peers.size.items():
        others = size - 1
        if others < min_peers:
            popular[seg] = ([], 0)
            continue
        cols = [j for j, k in enumerate(peers.ours[seg]) if k >= peer_share * others]
        bits = 0
        for j in cols:
            bits |= 1 << (8 * (n - 1 - j))
        popular[seg] = (cols, bits)

    # Pass 1: value and number of reasons per customer (cheap); pass 2: full reasons for
    # the customers that are returned only.
    customers = matrix.customers
    mean_revenue = peers.mean_revenue
    ranked = []
    for k, i in enumerate(rws):
        codes = grid[i * n : (i + 1) * n]
        n_need = _rc[k][need_code] if _rc is not None else codes.count(need_code)
        value = 0.0
        count = n_need
        if n_need:
            value += need_pot_row[i]
        n_ren = ren_count.get(i)
        if n_ren:
            count += n_ren
            value += ren_value[i]
        gaps: list[int] = []
        pop_cols, pop_bits = popular.get(customers[i].segment, ([], 0))
        if pop_bits and (_white_bits(codes) & pop_bits):
            gaps = [j for j in pop_cols if codes[j] == WHITE]
            count += len(gaps)
            value += math.fsum(mean_revenue[j] for j in gaps)
        if count:
            ranked.append((-value, -count, customers[i].name.casefold(), i, gaps))
    ranked.sort(key=lambda t: t[:4])
    if limit is not None:
        ranked = ranked[:limit]
    shown = {t[3] for t in ranked}
    ren_by_row: dict[int, list[Renewal]] = defaultdict(list)
    for x in renewals:
        if x.row in shown:
            ren_by_row[x.row].append(x)
    steps = []
    for _, _, _, i, gaps in ranked:
        codes = grid[i * n : (i + 1) * n]
        reasons = []
        n_need = codes.count(need_code)
        if n_need:
            lst = sorted(needs_pot.get(i, ()), key=lambda t: (-t[1], t[0]))
            valued = {c for c, _ in lst}
            cols = [c for c, _ in lst] + [j for j in _find_all(codes, need_code) if j not in valued]
            reasons.append(Reason("needs", n_need, math.fsum(p for _, p in lst), tuple(cols)))
        ren = ren_by_row.get(i)
        if ren:
            reasons.append(
                Reason(
                    "renewals",
                    len(ren),
                    math.fsum(x.potential for x in ren if x.potential is not None),
                    tuple(x.col for x in ren),
                    next_date=ren[0].contract_end,
                )
            )
        if gaps:
            seg = customers[i].segment
            gaps = sorted(gaps, key=lambda j: (-mean_revenue[j], -peers.ours[seg][j], j))
            others = peers.size[seg] - 1
            reasons.append(
                Reason(
                    "peer_gaps",
                    len(gaps),
                    math.fsum(mean_revenue[j] for j in gaps),
                    tuple(gaps),
                    evidence=tuple((peers.ours[seg][j], others) for j in gaps),
                )
            )
        steps.append(NextStep(i, math.fsum(r.value for r in reasons), tuple(reasons)))
    return steps


def _find_all(codes: bytes, code: int) -> list[int]:
    out = []
    pos = codes.find(code)
    while pos != -1:
        out.append(pos)
        pos = codes.find(code, pos + 1)
    return out


# -- everything at once --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Insights:
    rows: int
    totals: MarkCounts
    revenue: float
    potential: float
    bars: dict[str, list[Bar]]
    competitors: list[CompetitorPresence]
    renewals: list[Renewal]
    next_steps: list[NextStep]


def compute_insights(
    matrix: Matrix,
    details: CellDetails | None = None,
    competitor_names: dict[int, str] | None = None,
    *,
    today: date,
    rows: Sequence[int] | None = None,
    months: int = 6,
    limit: int | None = 50,
) -> Insights:
    """All insights of the subset, sharing the sub-grid and amounts between them."""
    details = details if details is not None else CellDetails.empty(matrix.n_cols)
    names = competitor_names or {}
    rws = _rows(matrix, rows)
    sub = _subgrid(matrix, rws)
    amt = _amounts(matrix, details, _row_mask(matrix, rws), _window(today, months))
    prods = product_bars(matrix, rws, _sub=sub, _amt=amt)
    bars = {
        "product": prods,
        "group": group_bars(matrix, rws, _sub=sub, _amt=amt, _products=prods),
    }
    rc = _row_counts(matrix, rws)
    for dim in ATTRIBUTE_DIMENSIONS:
        bars[dim] = attribute_bars(matrix, dim, rws, _amt=amt, _rc=rc)
    renewals = renewal_radar(matrix, details, names, today=today, months=months, _amt=amt)
    return Insights(
        rows=len(rws),
        # the sum of the product bars: no further pass over the grid
        totals=MarkCounts(
            *(sum(b.counts.of(None if c == WHITE else Mark(c)) for b in prods) for c in MARK_CODES)
        ),
        revenue=amt.revenue,
        potential=amt.potential,
        bars=bars,
        competitors=competitor_radar(
            matrix,
            details,
            names,
            rws,
            _rc=rc,
            _col_comp=[b.counts.competitor for b in prods],
            _amt=amt,
        ),
        renewals=renewals,
        next_steps=where_to_go_next(
            matrix,
            details,
            today=today,
            rows=rws,
            months=months,
            limit=limit,
            renewals=renewals,
            _rc=rc,
            _amt=amt,
        ),
    )
