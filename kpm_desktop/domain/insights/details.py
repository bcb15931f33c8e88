"""Dimensions and :class:`CellDetails`: the flat arrays of the cells that carry details."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from kpm_desktop.domain.entities import CellRecord

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

    rows: array[int]
    cols: array[int]
    marks: bytearray
    competitor: array[int]
    revenue: array[float]
    potential: array[float]
    contract_end: array[int]
    n_cols: int = 0
    sorted_rows: bool = False  # entries in ascending row order (as loaded), for subset spans
    _index: dict[int, int] | None = None  # cell -> entry, built on the first patch
    _cache: dict[tuple[Any, ...], Any] = field(
        default_factory=dict
    )  # derived sums over all rows (see _amounts)

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
