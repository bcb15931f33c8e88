"""Visit preparation ("Besuchsvorbereitung") and "changed since" for one customer.

The method: before each visit the rep sees which fields are still unknown and which answers
have grown old, and compares the customer's goals with what we offer. ``prepare_visit``
answers that as plain data; the side panel shows it (each item answerable in place) and the
visit one-pager prints it.

Rules (each is one line of the docstring below, so the printed sheet and the panel agree):

* white spots: products without an effective mark (a "no need" whose re-check date has come
  is a white spot again), grouped by product group in group order, ungrouped last;
* stale cells: effective marks last verified before the file's threshold (oldest first);
* renewals: COMPETITOR cells whose contract end lies within ``today .. today + 12 months``
  (soonest first);
* needs without a goal: NEED cells whose product no open or achieved goal links (a dropped
  goal does not cover a need);
* open goals: status OPEN, in the customer's goal order;
* last notes: the three newest notes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from kpm_desktop.domain.entities import (
    CellRecord,
    Customer,
    Goal,
    GoalStatus,
    HistoryEntry,
    Note,
    Product,
    ProductGroup,
    stored_id,
)
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.staleness import (
    DEFAULT_STALE_MONTHS,
    effective_mark,
    is_stale,
    months_after,
)

RENEWAL_HORIZON_MONTHS = 12
LAST_NOTES = 3


@dataclass(frozen=True, slots=True)
class WhiteSpotGroup:
    group_id: int | None  # None = products without a group
    group_name: str
    products: tuple[Product, ...]


@dataclass(frozen=True, slots=True)
class StaleItem:
    product: Product
    mark: Mark
    verified_at: datetime | None


@dataclass(frozen=True, slots=True)
class RenewalItem:
    product: Product
    competitor_id: int | None
    competitor_name: str
    contract_end: date


@dataclass(frozen=True, slots=True)
class NeedItem:
    product: Product
    potential: float | None


@dataclass(frozen=True, slots=True)
class VisitPreparation:
    """What to ask and do at one customer's next visit."""

    customer: Customer
    today: date
    stale_months: int
    white_spots: tuple[WhiteSpotGroup, ...]
    stale_cells: tuple[StaleItem, ...]
    renewals: tuple[RenewalItem, ...]
    needs_without_goal: tuple[NeedItem, ...]
    open_goals: tuple[Goal, ...]
    last_notes: tuple[Note, ...]

    @property
    def white_spot_products(self) -> tuple[Product, ...]:
        return tuple(p for g in self.white_spots for p in g.products)

    @property
    def open_items(self) -> int:
        """Questions still to answer (white spots, stale cells, renewals, needs without goal)."""
        return (
            len(self.white_spot_products)
            + len(self.stale_cells)
            + len(self.renewals)
            + len(self.needs_without_goal)
        )


def prepare_visit(
    customer: Customer,
    products: Sequence[Product],
    groups: Iterable[ProductGroup],
    cells: Mapping[int, CellRecord],
    goals: Sequence[Goal],
    notes: Sequence[Note],
    competitor_names: Mapping[int, str],
    today: date,
    stale_months: int = DEFAULT_STALE_MONTHS,
) -> VisitPreparation:
    """Build the visit preparation of one customer (see the module docstring for the rules).

    Args:
        products: the matrix columns, in the order they should be listed.
        groups: all product groups (their ``sort_order`` orders the white-spot groups).
        cells: the customer's stored records by product id.
        goals: the customer's goals in their order.
        notes: the customer's notes (any order).
    """
    group_list = sorted(groups, key=lambda g: (g.sort_order, g.id or 0))
    by_group: dict[int | None, list[Product]] = {}
    stale: list[StaleItem] = []
    renewals: list[RenewalItem] = []
    needs: list[NeedItem] = []
    horizon = months_after(today, RENEWAL_HORIZON_MONTHS)
    covered = {pid for g in goals if g.status is not GoalStatus.DROPPED for pid in g.product_ids}
    for product in products:
        rec = cells.get(stored_id(product))
        mark = effective_mark(rec, today)
        if mark is None:
            by_group.setdefault(product.group_id, []).append(product)
            continue
        assert rec is not None
        if is_stale(rec.verified_at, today, stale_months):
            stale.append(StaleItem(product, mark, rec.verified_at))
        if (
            mark is Mark.COMPETITOR
            and rec.contract_end is not None
            and today <= rec.contract_end <= horizon
        ):
            name = (
                competitor_names.get(rec.competitor_id, "") if rec.competitor_id is not None else ""
            )
            renewals.append(RenewalItem(product, rec.competitor_id, name, rec.contract_end))
        if mark is Mark.NEED and product.id not in covered:
            needs.append(NeedItem(product, rec.potential))

    white: list[WhiteSpotGroup] = []
    for g in group_list:
        if g.id in by_group:
            white.append(WhiteSpotGroup(g.id, g.name, tuple(by_group.pop(g.id))))
    # Products whose group is unknown or None come last, as "ungrouped".
    rest = [p for ps in by_group.values() for p in ps]
    if rest:
        white.append(WhiteSpotGroup(None, "", tuple(rest)))

    _epoch = datetime.min.replace(tzinfo=UTC)
    stale.sort(
        key=lambda s: (s.verified_at.astimezone(UTC) if s.verified_at else _epoch, s.product.name)
    )
    renewals.sort(key=lambda r: (r.contract_end, r.product.name))
    newest = sorted(notes, key=lambda n: (n.note_date, n.id or 0), reverse=True)
    return VisitPreparation(
        customer=customer,
        today=today,
        stale_months=stale_months,
        white_spots=tuple(white),
        stale_cells=tuple(stale),
        renewals=tuple(renewals),
        needs_without_goal=tuple(needs),
        open_goals=tuple(g for g in goals if g.status is GoalStatus.OPEN),
        last_notes=tuple(newest[:LAST_NOTES]),
    )


# -- changed since ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CellChangeSummary:
    """The net change of one cell over a period (several edits collapse into one line)."""

    product_id: int
    before: Mark | None  # mark at the start of the period
    after: Mark | None  # mark now
    edits: int  # history rows in the period
    last_changed: datetime


def start_of_day(day: date) -> datetime:
    """Midnight UTC of ``day`` (history timestamps are stored in UTC)."""
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def changes_since(
    history: Iterable[HistoryEntry], since: date | datetime, *, include_reverted: bool = False
) -> list[CellChangeSummary]:
    """Net mark changes per product since ``since``, most recent first.

    An edit that was undone (the cell ends as it began) is no change and is left out unless
    ``include_reverted``.
    """
    cutoff = since if isinstance(since, datetime) else start_of_day(since)
    if cutoff.tzinfo is None:
        cutoff = cutoff.replace(tzinfo=UTC)
    per_cell: dict[int, list[HistoryEntry]] = {}
    for entry in history:
        if entry.changed_at >= cutoff:
            per_cell.setdefault(entry.product_id, []).append(entry)
    out: list[CellChangeSummary] = []
    for pid, entries in per_cell.items():
        entries.sort(key=lambda e: (e.changed_at, e.id or 0))
        first, last = entries[0], entries[-1]
        if first.old_mark == last.new_mark and not include_reverted:
            continue
        out.append(
            CellChangeSummary(
                product_id=pid,
                before=first.old_mark,
                after=last.new_mark,
                edits=len(entries),
                last_changed=last.changed_at,
            )
        )
    out.sort(key=lambda c: (c.last_changed, c.product_id), reverse=True)
    return out
