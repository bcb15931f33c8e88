"""Look-alike hints: what do the customers most similar to this one buy from us?

Similarity, kept simple so that a rep can follow it:

* Candidates are the other customers of the **same segment** (all other customers when the
  customer has no segment, or when its segment has no other customer).
* The **similarity** of two customers is the number of products where both have the same
  known mark (both X, both competitor, both need, or both no need). White spots agree with
  nothing.
* The ``k`` candidates with the highest similarity (ties: matrix order) are the customer's
  "similar customers"; a candidate with similarity 0 is not similar and is left out.

A **hint** is a white spot or need of the customer in a product that more than half of its
similar customers (at least ``min_support``) buy from us, shown with the evidence
"7 of 9 similar customers buy X from us".

Speed: each row becomes one integer in which every product is one byte holding one bit per
mark (X=1, competitor=2, need=4, no need=8), so ``(a & b).bit_count()`` is the similarity of
two customers, computed in C.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import Matrix

_BITS = bytes([0, 1, 2, 4, 8] + [0] * 251)


@dataclass(frozen=True, slots=True)
class Neighbour:
    row: int
    similarity: int


@dataclass(frozen=True, slots=True)
class Hint:
    """``support`` of the ``neighbours`` similar customers buy product ``col`` from us."""

    col: int
    mark: Mark | None  # the customer's own mark there: None (white spot) or NEED
    support: int
    neighbours: int
    supporters: tuple[int, ...]  # rows of the similar customers that buy it from us


def row_bits(codes: bytes) -> int:
    """One integer per row: product j is byte j, one bit per mark (see module docstring)."""
    return int.from_bytes(codes.translate(_BITS), "big")


def similarity(a: bytes, b: bytes) -> int:
    """Products where both rows have the same known mark."""
    return (row_bits(a) & row_bits(b)).bit_count()


class LookAlike:
    """Similar customers and hints over one matrix (bit rows built lazily per segment)."""

    def __init__(self, matrix: Matrix) -> None:
        self.matrix = matrix
        self._bits: dict[int, int] = {}
        self._segments: dict[str, list[int]] = {}
        for i, c in enumerate(matrix.customers):
            self._segments.setdefault(c.segment, []).append(i)

    def _row_bits(self, i: int) -> int:
        bits = self._bits.get(i)
        if bits is None:
            n = self.matrix.n_cols
            bits = self._bits[i] = row_bits(bytes(self.matrix.grid[i * n : (i + 1) * n]))
        return bits

    def candidates(self, row: int) -> list[int]:
        seg = self.matrix.customers[row].segment
        peers: Sequence[int] = self._segments.get(seg, []) if seg else []
        if len(peers) < 2:
            peers = range(self.matrix.n_rows)
        return [i for i in peers if i != row]

    def neighbours(self, row: int, k: int = 9) -> list[Neighbour]:
        """The ``k`` most similar customers (similarity > 0), most similar first."""
        me = self._row_bits(row)
        bits = self._row_bits
        scored = ((-(me & bits(i)).bit_count(), i) for i in self.candidates(row))
        best = heapq.nsmallest(k, scored)
        return [Neighbour(i, -s) for s, i in best if s < 0]

    def hints(
        self, row: int, k: int = 9, min_support: int = 2, cols: Sequence[int] | None = None
    ) -> list[Hint]:
        """Hints for a customer's white spots and needs, strongest first."""
        near = self.neighbours(row, k)
        if not near:
            return []
        n = self.matrix.n_cols
        grid = self.matrix.grid
        own = grid[row * n : (row + 1) * n]
        rows_codes = [(nb.row, grid[nb.row * n : (nb.row + 1) * n]) for nb in near]
        ours = int(Mark.OURS)
        need = int(Mark.NEED)
        out = []
        for j in range(n) if cols is None else cols:
            code = own[j]
            if code != WHITE and code != need:
                continue
            supporters = tuple(r for r, codes in rows_codes if codes[j] == ours)
            if len(supporters) >= min_support and 2 * len(supporters) > len(near):
                out.append(
                    Hint(
                        col=j,
                        mark=None if code == WHITE else Mark.NEED,
                        support=len(supporters),
                        neighbours=len(near),
                        supporters=supporters,
                    )
                )
        out.sort(key=lambda h: (-h.support, h.col))
        return out
