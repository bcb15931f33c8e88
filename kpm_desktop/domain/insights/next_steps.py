"""Where to go next: customers ranked by open value, each with its reasons."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kpm_desktop.domain.insights.common import _Amounts, _amounts, _row_mask, _rows, _window
from kpm_desktop.domain.insights.details import CellDetails
from kpm_desktop.domain.insights.radar import Renewal, renewal_radar
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import Matrix


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


def _white_bits(codes: bytes | bytearray) -> int:
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


def _find_all(codes: bytes | bytearray, code: int) -> list[int]:
    out: list[int] = []
    pos = codes.find(code)
    while pos != -1:
        out.append(pos)
        pos = codes.find(code, pos + 1)
    return out
