"""Key accounts (Konzern) with their sites (Standorte): structure and roll-ups.

A customer is a *site* of a key account when its ``parent_uuid`` names another customer of
the same file; that customer is then a *key account* (group). One level: a key account is
never a site itself (``link_problem`` refuses such links; a chain that arrives anyway, e.g.
from a merge, is read so that a customer with sites stays a key account and its own link is
ignored). A link to a customer that is not in the file is kept but treated as no link.

The roll-up of a key account shows per product the "best" state over its sites: ours if
any site buys from us, otherwise competitor if any site buys from a competitor, then need,
then no need; a white spot only where every site is a white spot. It is computed with bytes
operations, never per cell: each site row is translated to one bit per state, the rows are
OR-ed as big integers, and the OR-ed bits are translated back to the winning code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from kpm_desktop.domain.entities import CellRecord, Customer, Product, stored_id
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import MarkCounts

if TYPE_CHECKING:
    # Imported where the figures are computed: the matrix window needs the roll-ups before
    # its first frame, the figures only when the side panel shows a key account (issue 20).
    from kpm_desktop.domain.customer_kpis import CustomerKpis

# Priority of the states in a roll-up, best first.
ROLLUP_ORDER: tuple[int, ...] = (
    int(Mark.OURS),
    int(Mark.COMPETITOR),
    int(Mark.NEED),
    int(Mark.NO_NEED),
)

# Grid code -> one bit per state (white spot = no bit).
_BIT = {int(Mark.OURS): 8, int(Mark.COMPETITOR): 4, int(Mark.NEED): 2, int(Mark.NO_NEED): 1}
_TO_BITS = bytes(_BIT.get(i, 0) for i in range(256))


def _winner(bits: int) -> int:
    for code in ROLLUP_ORDER:
        if bits & _BIT[code]:
            return code
    return WHITE


_FROM_BITS = bytes(_winner(i) for i in range(256))
# Grid code -> 1 where the code is this state (one table per state), for counting sites.
_IS = {code: bytes(int(i == code) for i in range(256)) for code in (WHITE, *ROLLUP_ORDER)}


def rollup(rows: Iterable[bytes | bytearray | memoryview], n_cols: int) -> bytes:
    """The rolled-up code row of some site rows (each ``n_cols`` grid codes)."""
    acc = 0
    for row in rows:
        acc |= int.from_bytes(bytes(row).translate(_TO_BITS), "big")
    if n_cols == 0:
        return b""
    return acc.to_bytes(n_cols, "big").translate(_FROM_BITS)


def rollup_of_rows(grid: bytes | bytearray, n_cols: int, rows: Sequence[int]) -> bytes:
    """The roll-up of the matrix rows ``rows`` of a row-major grid."""
    return rollup((grid[r * n_cols : (r + 1) * n_cols] for r in rows), n_cols)


class StateCounts:
    """Per column and state: how many of some site rows are in that state.

    Each site row adds a 0/1 row widened to 32-bit lanes to one big integer per state, so
    the additions run in C whatever the number of sites; a count is read per cell on demand.
    """

    _W = 4

    def __init__(self, grid: bytes | bytearray, n_cols: int, rows: Sequence[int]) -> None:
        w = self._W
        self.n_sites = len(rows)
        self._raw: dict[int, bytes] = {}
        for code in ROLLUP_ORDER:
            acc = 0
            for r in rows:
                lane = bytearray(n_cols * w)
                lane[w - 1 :: w] = bytes(grid[r * n_cols : (r + 1) * n_cols]).translate(_IS[code])
                acc += int.from_bytes(lane, "big")
            self._raw[code] = acc.to_bytes(n_cols * w, "big")

    def at(self, code: int, col: int) -> int:
        """Sites in state ``code`` (grid code, 0 = white spot) in column ``col``."""
        w = self._W
        if code == WHITE:
            return self.n_sites - sum(self.at(c, col) for c in ROLLUP_ORDER)
        return int.from_bytes(self._raw[code][col * w : (col + 1) * w], "big")


def cell_counts(
    grid: bytes | bytearray, n_cols: int, rows: Sequence[int], col: int
) -> dict[int, int]:
    """Per state: how many of ``rows`` are in it in one column (tooltips)."""
    codes = bytes(grid[r * n_cols + col] for r in rows)
    return {code: codes.count(code) for code in (*ROLLUP_ORDER, WHITE)}


@dataclass
class KeyAccounts:
    """Which rows of a matrix are key accounts and which are their sites.

    Attributes:
        parent_of: per matrix row, the row of its key account, -1 when it is no site.
        sites: key-account row -> its site rows in matrix order.
    """

    parent_of: list[int] = field(default_factory=list)
    sites: dict[int, list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, customers: Sequence[Customer]) -> KeyAccounts:
        parent_of = [-1] * len(customers)
        linked = [(i, c.parent_uuid) for i, c in enumerate(customers) if c.parent_uuid]
        if not linked:  # most files: no key accounts, no index of every customer's uuid
            return cls(parent_of, {})
        row_of_uuid = {c.uuid: i for i, c in enumerate(customers)}
        children: dict[int, list[int]] = {}
        for i, parent_uuid in linked:
            p = row_of_uuid.get(parent_uuid, -1)
            if p >= 0 and p != i:
                children.setdefault(p, []).append(i)
        # One level: a customer with sites is a key account even if it names a parent.
        sites: dict[int, list[int]] = {}
        for p, kids in children.items():
            valid = [k for k in kids if k not in children]
            if valid:
                sites[p] = valid
        for p, kids in sites.items():
            for k in kids:
                parent_of[k] = p
        return cls(parent_of, sites)

    def __bool__(self) -> bool:
        return bool(self.sites)

    def is_group(self, row: int) -> bool:
        return row in self.sites

    @property
    def n_members(self) -> int:
        """Number of rows that are not key accounts."""
        return len(self.parent_of) - len(self.sites)

    def members(self) -> list[int]:
        """Rows that are not key accounts (sites and stand-alone customers): what counts."""
        groups = self.sites
        return [r for r in range(len(self.parent_of)) if r not in groups]


def link_problem(customers: Sequence[Customer], child: Customer, parent_uuid: str) -> str | None:
    """Why ``child`` cannot become a site of ``parent_uuid`` ("" always may); None if it can.

    Returns a key: ``"self"`` (a customer cannot be its own key account), ``"parent_is_site"``
    (the chosen key account is a site itself: one level only), ``"child_has_sites"`` (the
    customer is a key account with sites of its own), ``"unknown"`` (no such customer).
    """
    if not parent_uuid:
        return None
    if parent_uuid == child.uuid:
        return "self"
    by_uuid = {c.uuid: c for c in customers}
    parent = by_uuid.get(parent_uuid)
    if parent is None:
        return "unknown"
    if parent.parent_uuid and parent.parent_uuid in by_uuid:
        return "parent_is_site"
    if any(c.parent_uuid == child.uuid and c.uuid != child.uuid for c in customers):
        return "child_has_sites"
    return None


@dataclass(frozen=True, slots=True)
class KeyAccountKpis:
    """A key account's figures over its sites (the side panel on a key account's row).

    Attributes:
        counts: cells per state summed over the sites (effective marks: due re-checks are
            white spots, as for one customer).
        competitors: (competitor name, "" when none was named; cells) by cells, most first.
        sites: each site with its own figures, in the order given.
    """

    counts: MarkCounts
    competitors: tuple[tuple[str, int], ...]
    potential_sum: float | None
    our_revenue_sum: float | None
    ours_amount: float | None
    competitor_amount: float | None
    sites: tuple[tuple[Customer, CustomerKpis], ...]

    @property
    def coverage(self) -> float:
        return self.counts.coverage

    @property
    def share_of_wallet_count(self) -> float | None:
        ours, comp = self.counts.ours, self.counts.competitor
        return 100.0 * ours / (ours + comp) if ours + comp else None

    @property
    def share_of_wallet_amount(self) -> float | None:
        if self.ours_amount is None and self.competitor_amount is None:
            return None
        ours = self.ours_amount or 0.0
        total = ours + (self.competitor_amount or 0.0)
        return 100.0 * ours / total if total else None


def _sum(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def key_account_kpis(
    sites: Sequence[Customer],
    products: Sequence[Product],
    cells_by_site: Mapping[int, Mapping[int, CellRecord]],
    competitor_names: Mapping[int, str],
    today: date,
) -> KeyAccountKpis:
    """Figures of a key account: each site's ``customer_kpis``, summed."""
    from kpm_desktop.domain.customer_kpis import customer_kpis

    per = [
        (s, customer_kpis(products, cells_by_site.get(stored_id(s), {}), competitor_names, today))
        for s in sites
    ]
    totals = [0, 0, 0, 0, 0]
    competitors: dict[str, int] = {}
    for _s, k in per:
        for i, f in enumerate(("white", "ours", "competitor", "need", "no_need")):
            totals[i] += getattr(k.counts, f)
        for cell in k.competitor_cells:
            competitors[cell.competitor_name] = competitors.get(cell.competitor_name, 0) + 1
    return KeyAccountKpis(
        counts=MarkCounts(*totals),
        competitors=tuple(sorted(competitors.items(), key=lambda kv: (-kv[1], kv[0] == "", kv[0]))),
        potential_sum=_sum(k.potential_sum for _s, k in per),
        our_revenue_sum=_sum(k.our_revenue_sum for _s, k in per),
        ours_amount=_sum(k.ours_amount for _s, k in per),
        competitor_amount=_sum(k.competitor_amount for _s, k in per),
        sites=tuple(per),
    )
