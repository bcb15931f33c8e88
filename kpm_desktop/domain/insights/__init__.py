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

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kpm_desktop.domain.insights.bars import (
    Bar,
    attribute_bars,
    group_bars,
    product_bars,
    rows_in_bar,
)
from kpm_desktop.domain.insights.common import (
    _amounts,
    _code_counts,
    _row_mask,
    _rows,
    _subgrid,
    _window,
    add_months,
)
from kpm_desktop.domain.insights.details import (
    ATTRIBUTE_DIMENSIONS,
    DIMENSIONS,
    UNNAMED_COMPETITOR,
    CellDetails,
)
from kpm_desktop.domain.insights.next_steps import (
    NextStep,
    PeerStats,
    Reason,
    peer_stats,
    where_to_go_next,
)
from kpm_desktop.domain.insights.radar import (
    CompetitorPresence,
    Renewal,
    competitor_radar,
    renewal_radar,
)
from kpm_desktop.domain.marks import MARK_CODES, WHITE, Mark
from kpm_desktop.domain.matrix import MarkCounts, Matrix

__all__ = [
    "ATTRIBUTE_DIMENSIONS",
    "DIMENSIONS",
    "UNNAMED_COMPETITOR",
    "Bar",
    "CellDetails",
    "CompetitorPresence",
    "Insights",
    "NextStep",
    "PeerStats",
    "Reason",
    "Renewal",
    "add_months",
    "attribute_bars",
    "competitor_radar",
    "compute_insights",
    "group_bars",
    "peer_stats",
    "product_bars",
    "renewal_radar",
    "rows_in_bar",
    "where_to_go_next",
]


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
    cc = _code_counts(sub, matrix.n_cols, len(rws))
    prods = product_bars(matrix, rws, _sub=sub, _amt=amt, _cc=cc)
    bars = {
        "product": prods,
        "group": group_bars(matrix, rws, _sub=sub, _amt=amt, _products=prods),
    }
    rc = cc.rows
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
