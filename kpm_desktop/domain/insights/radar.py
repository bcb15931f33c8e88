"""Competitor radar and renewal radar."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from kpm_desktop.domain.insights.common import (
    _Amounts,
    _amounts,
    _group_keys,
    _row_mask,
    _rows,
    _subgrid,
    _window,
)
from kpm_desktop.domain.insights.details import UNNAMED_COMPETITOR, CellDetails
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.matrix import Matrix


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
