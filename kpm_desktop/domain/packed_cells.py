"""Cell states kept for undo, packed into arrays instead of one Python object per cell.

An undo step of a bulk edit keeps the previous state of every cell it touched. As a list of
``(customer_id, product_id, CellRecord | None)`` that is ~250 bytes per cell: a long session
at 5,000 x 300 (6,000 single edits and 300 bulk edits of 3,000 cells) grew the process by
~270 MB. Most of those states are plain — a mark with its verified/updated time and source —
and pack into ~20 bytes per cell here; a state with details (competitor, amounts, dates,
reason, note) stays a ``CellRecord`` in a small side table.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import overload

from kpm_desktop.domain.entities import CellRecord
from kpm_desktop.domain.marks import Mark

CellChange = tuple[int, int, CellRecord | None]  # (customer_id, product_id, state or white)

_NONE = -(2**63)  # no timestamp
_DETAILED = 255  # the state is in ``extra``


def _stamp(value: datetime | None) -> int | None:
    """Whole UTC seconds, or None when the value would not come back identical."""
    if value is None:
        return _NONE
    if value.tzinfo is not UTC or value.microsecond:
        return None
    return int(value.timestamp())


@lru_cache(maxsize=4096)  # the cells of one bulk edit share a few instants
def _datetime(stamp: int) -> datetime:
    return datetime.fromtimestamp(stamp, UTC)


def _plain(rec: CellRecord) -> bool:
    return (
        rec.competitor_id is None
        and rec.our_revenue is None
        and rec.potential is None
        and rec.contract_end is None
        and rec.no_need_reason == ""
        and rec.recheck_at is None
        and rec.note == ""
    )


class PackedChanges(Sequence[CellChange]):
    """A sequence of cell changes, stored column-wise in arrays.

    Reads back exactly the ``(customer_id, product_id, CellRecord | None)`` tuples it was
    given (equal records; plain ones are rebuilt on access). Build it from changes, or empty
    and fill it with ``add``/``add_plain`` (the storage layer packs rows it read without
    making a record per cell).
    """

    __slots__ = (
        "_cids",
        "_extra",
        "_index",
        "_marks",
        "_names",
        "_pids",
        "_sources",
        "_updated",
        "_verified",
    )  # fmt: skip

    def __init__(self, changes: Iterable[CellChange] = ()) -> None:
        self._cids, self._pids = array("i"), array("i")
        self._marks = bytearray()
        self._verified, self._updated = array("q"), array("q")
        self._sources = bytearray()
        self._names: list[str] = []
        self._index: dict[str, int] = {}
        self._extra: dict[int, CellRecord] = {}
        for cid, pid, rec in changes:
            self.add(cid, pid, rec)

    @classmethod
    def from_columns(
        cls,
        cids: Sequence[int],
        pids: Sequence[int],
        marks: Sequence[int],
        verified: Sequence[int | None],
        updated: Sequence[int | None],
        sources: Sequence[str],
        records: dict[int, CellRecord] | None = None,
    ) -> PackedChanges:
        """Pack column lists in one go (the fast path of the storage layer).

        ``marks[i]`` 0 is a white spot; for every index in ``records`` the state is that
        record (its other columns are ignored); else a plain state with Unix-second stamps.
        """
        self = cls()
        names = sorted(set(sources))
        if len(names) > 254:  # not packable column-wise: one by one
            for i in range(len(cids)):
                rec = (records or {}).get(i)
                if rec is None and marks[i]:
                    if not self.add_plain(
                        cids[i], pids[i], marks[i], verified[i], updated[i], sources[i]
                    ):
                        self.add(cids[i], pids[i], None)
                else:
                    self.add(cids[i], pids[i], rec)
            return self
        index = {name: k for k, name in enumerate(names)}
        self._names, self._index = names, index
        self._cids = array("i", cids)
        self._pids = array("i", pids)
        mk = bytearray(marks)
        self._verified = array("q", [_NONE if v is None else v for v in verified])
        self._updated = array("q", [_NONE if u is None else u for u in updated])
        self._sources = bytearray(map(index.__getitem__, sources))
        for i, rec in (records or {}).items():
            mk[i] = _DETAILED
            self._extra[i] = rec
        self._marks = mk
        return self

    def _source_code(self, source: str) -> int:
        code = self._index.get(source, -1)
        if code < 0 and len(self._names) < 255:
            code = self._index[source] = len(self._names)
            self._names.append(source)
        return code

    def _append(self, cid: int, pid: int, mark: int, v: int, u: int, code: int) -> None:
        self._cids.append(cid)
        self._pids.append(pid)
        self._marks.append(mark)
        self._verified.append(v)
        self._updated.append(u)
        self._sources.append(code)

    def add(self, cid: int, pid: int, rec: CellRecord | None) -> None:
        if rec is None:
            self._append(cid, pid, 0, _NONE, _NONE, 0)
            return
        v, u = _stamp(rec.verified_at), _stamp(rec.updated_at)
        code = self._source_code(rec.source)
        if v is None or u is None or code < 0 or not _plain(rec):
            self._extra[len(self._cids)] = rec
            self._append(cid, pid, _DETAILED, _NONE, _NONE, 0)
        else:
            self._append(cid, pid, int(rec.mark), v, u, code)

    def add_plain(
        self, cid: int, pid: int, mark: int, verified: int | None, updated: int | None, source: str
    ) -> bool:
        """A state with no details, timestamps as Unix seconds; False if it cannot be packed
        (then ``add`` a record instead)."""
        code = self._source_code(source)
        if code < 0 or not 1 <= mark <= 4:
            return False
        self._append(
            cid,
            pid,
            mark,
            _NONE if verified is None else verified,
            _NONE if updated is None else updated,
            code,
        )
        return True

    def __len__(self) -> int:
        return len(self._cids)

    def _record(self, i: int) -> CellRecord | None:
        mark = self._marks[i]
        if mark == 0:
            return None
        if mark == _DETAILED:
            return self._extra[i]
        v, u = self._verified[i], self._updated[i]
        return CellRecord(
            mark=Mark(mark),
            verified_at=None if v == _NONE else _datetime(v),
            updated_at=None if u == _NONE else _datetime(u),
            source=self._names[self._sources[i]],
        )

    @overload
    def __getitem__(self, i: int) -> CellChange: ...

    @overload
    def __getitem__(self, i: slice) -> list[CellChange]: ...

    def __getitem__(self, i: int | slice) -> CellChange | list[CellChange]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._cids[i], self._pids[i], self._record(i)

    def __iter__(self) -> Iterator[CellChange]:
        for i in range(len(self._cids)):
            yield self._cids[i], self._pids[i], self._record(i)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    # no __hash__: defining __eq__ sets it to None (mutable: unhashable like list)

    def __repr__(self) -> str:
        return f"PackedChanges({len(self)} cells)"

    def keys(self) -> list[tuple[int, int]]:
        return list(zip(self._cids, self._pids, strict=True))

    def nbytes(self) -> int:
        """Approximate memory held (for benchmarks and tests)."""
        n = len(self._cids)
        return n * (4 + 4 + 1 + 8 + 8 + 1) + 300 * len(self._extra)
