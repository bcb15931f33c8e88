""" "What changed" between two points in the append-only mark history. Pure functions.

The state of a cell at a point is what the history says it was then, so a change is a
difference between the state at the start and the state at the end of a period, not a
history row: an edit that was undone inside the period (A -> B -> A) is not a change, and
three edits of one cell are one change. Given the history rows written inside the period in
the order they were written, the state at the start is the ``old`` of a cell's first row and
the state at the end is the ``new`` of its last row.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from kpm_desktop.domain.marks import MARK_CODES, WHITE, Mark

# (history id, customer_id, product_id, old code, new code); code 0 = white spot
HistoryRow = tuple[int, int, int, int, int]


class CellDiff(NamedTuple):
    """One changed cell (a NamedTuple: tens of thousands are built per diff)."""

    customer_id: int
    product_id: int
    old: int  # grid code at the start (0 = white spot)
    new: int  # grid code at the end

    @property
    def old_mark(self) -> Mark | None:
        return None if self.old == WHITE else Mark(self.old)

    @property
    def new_mark(self) -> Mark | None:
        return None if self.new == WHITE else Mark(self.new)


@dataclass(frozen=True, slots=True)
class HistoryDiff:
    """Net changes of a period.

    Attributes:
        changes: cells whose state differs between start and end, by customer, product.
        edits: history rows inside the period (including undone ones).
        touched: cells edited at all inside the period.
    """

    changes: tuple[CellDiff, ...]
    edits: int
    touched: int
    transitions: dict[tuple[int, int], int] = field(default_factory=dict)
    per_customer: dict[int, int] = field(default_factory=dict)

    @property
    def changed(self) -> int:
        return len(self.changes)

    def restricted(self, customer_ids: Container[int]) -> HistoryDiff:
        """The same diff for some customers only (the counts of edits stay unrestricted)."""
        return _summarise([c for c in self.changes if c.customer_id in customer_ids], self)

    def by_customer(self) -> dict[int, list[CellDiff]]:
        out: dict[int, list[CellDiff]] = defaultdict(list)
        for c in self.changes:
            out[c.customer_id].append(c)
        return dict(out)


def diff_history(
    rows: Iterable[HistoryRow], customer_ids: Container[int] | None = None
) -> HistoryDiff:
    """Net changes from history rows of one period, given in the order they were written."""
    return diff_keyed(
        [(cell_key(cid, pid), old, new) for _h, cid, pid, old, new in rows], customer_ids
    )


def cell_key(customer_id: int, product_id: int) -> int:
    """One int per cell: hashing and sorting ints is several times faster than tuples."""
    return (customer_id << 32) | product_id


def diff_keyed(
    rows: Sequence[tuple[int, int, int]], customer_ids: Container[int] | None = None
) -> HistoryDiff:
    """Net changes from ``(cell_key, old code, new code)`` rows in the order written.

    ``dict(zip(keys, values))`` keeps the last value per key, so the state at the end is a
    dict built in C from the rows and the state at the start one built from the reversed
    rows; no Python loop per history row.
    """
    if customer_ids is not None:
        rows = [t for t in rows if (t[0] >> 32) in customer_ids]
    if not rows:
        return _summarise([], None, edits=0, touched=0)
    keys, olds, news = zip(*rows, strict=True)
    last = dict(zip(keys, news, strict=True))
    first = dict(zip(reversed(keys), reversed(olds), strict=True))
    changes = [
        CellDiff(key >> 32, key & 0xFFFFFFFF, old or WHITE, new or WHITE)
        for key in sorted(last)
        if (old := first[key] or WHITE) != (new := last[key] or WHITE)
    ]
    return _summarise(changes, None, edits=len(rows), touched=len(last))


def _summarise(
    changes: list[CellDiff], base: HistoryDiff | None, *, edits: int = 0, touched: int = 0
) -> HistoryDiff:
    transitions = Counter((c.old, c.new) for c in changes)
    per_customer = Counter(c.customer_id for c in changes)
    return HistoryDiff(
        changes=tuple(changes),
        edits=base.edits if base else edits,
        touched=base.touched if base else touched,
        transitions=dict(sorted(transitions.items())),
        per_customer=dict(sorted(per_customer.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def code_name(code: int) -> str:
    """Stable English key of a grid code for JSON output ("white", "ours", ...)."""
    return "white" if code == WHITE else Mark(code).name.lower()


def transition_matrix(diff: HistoryDiff) -> list[list[int]]:
    """5 x 5 counts ``[old][new]`` over the grid codes (0 = white spot)."""
    out = [[0] * len(MARK_CODES) for _ in MARK_CODES]
    for (old, new), k in diff.transitions.items():
        out[old][new] = k
    return out
