"""Key figures of one customer, as shown in the side panel.

Computed from the customer's stored cell records (one query when the customer gets focus),
not from the grid, because the amounts and competitor names live only in the records.
"Where entered" sums skip cells without an amount; a sum over nothing is ``None``, not 0,
so the panel can say "not entered" instead of a misleading zero.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from kpm_desktop.domain.entities import CellRecord, Product, stored_id
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.matrix import MarkCounts
from kpm_desktop.domain.staleness import effective_mark


@dataclass(frozen=True, slots=True)
class CompetitorCell:
    product_id: int
    product_name: str
    competitor_id: int | None
    competitor_name: str  # "" when no competitor was named


@dataclass(frozen=True, slots=True)
class CustomerKpis:
    """The side panel's figures for one customer (effective marks: due re-checks are white)."""

    counts: MarkCounts
    ours_products: tuple[Product, ...]
    competitor_cells: tuple[CompetitorCell, ...]
    need_products: tuple[Product, ...]
    potential_sum: float | None  # over all cells with a potential entered
    our_revenue_sum: float | None  # over all cells with our revenue entered
    ours_amount: float | None  # our revenue on OURS cells
    competitor_amount: float | None  # potential (the volume at stake) on COMPETITOR cells

    @property
    def white_spots(self) -> int:
        return self.counts.white

    @property
    def coverage(self) -> float:
        return self.counts.coverage

    @property
    def share_of_wallet_count(self) -> float | None:
        """ours / (ours + competitor) by number of cells, in percent; None without either."""
        ours, comp = self.counts.ours, self.counts.competitor
        return 100.0 * ours / (ours + comp) if ours + comp else None

    @property
    def share_of_wallet_amount(self) -> float | None:
        """ours / (ours + competitor) by amount, in percent; None when no amount is entered.

        Our side is our revenue on OURS cells; the competitor side is the potential entered on
        COMPETITOR cells (what the customer spends there, i.e. what we could win).
        """
        if self.ours_amount is None and self.competitor_amount is None:
            return None
        ours = self.ours_amount or 0.0
        total = ours + (self.competitor_amount or 0.0)
        return 100.0 * ours / total if total else None

    def competitor_names(self) -> list[str]:
        """Distinct competitor names present at this customer, sorted."""
        return sorted({c.competitor_name for c in self.competitor_cells if c.competitor_name})


def _add(total: float | None, value: float | None) -> float | None:
    if value is None:
        return total
    return value if total is None else total + value


def customer_kpis(
    products: Sequence[Product],
    cells: Mapping[int, CellRecord],
    competitor_names: Mapping[int, str],
    today: date,
) -> CustomerKpis:
    """Figures for one customer.

    Args:
        products: the columns that count (usually all products of the matrix, in view order).
        cells: the customer's stored records by product id (white spots have none).
        competitor_names: competitor id -> name.
        today: decides which "no need" re-checks are due (those count as white spots).
    """
    tally = [0, 0, 0, 0, 0]
    ours: list[Product] = []
    needs: list[Product] = []
    comp: list[CompetitorCell] = []
    potential = revenue = ours_amount = comp_amount = None
    for product in products:
        pid = stored_id(product)
        rec = cells.get(pid)
        mark = effective_mark(rec, today)
        tally[0 if mark is None else int(mark)] += 1
        if rec is None:
            continue
        potential = _add(potential, rec.potential)
        revenue = _add(revenue, rec.our_revenue)
        if mark is Mark.OURS:
            ours.append(product)
            ours_amount = _add(ours_amount, rec.our_revenue)
        elif mark is Mark.NEED:
            needs.append(product)
        elif mark is Mark.COMPETITOR:
            comp_amount = _add(comp_amount, rec.potential)
            comp.append(
                CompetitorCell(
                    product_id=pid,
                    product_name=product.name,
                    competitor_id=rec.competitor_id,
                    competitor_name=competitor_names.get(rec.competitor_id, "")
                    if rec.competitor_id is not None
                    else "",
                )
            )
    return CustomerKpis(
        counts=MarkCounts(*tally),
        ours_products=tuple(ours),
        competitor_cells=tuple(comp),
        need_products=tuple(needs),
        potential_sum=potential,
        our_revenue_sum=revenue,
        ours_amount=ours_amount,
        competitor_amount=comp_amount,
    )
