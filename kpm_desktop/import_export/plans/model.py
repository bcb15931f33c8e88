"""The plan model: what an import is compared against (``Target``), what it reads
(``SourceData``) and what it would change (``ImportPlan``).

Why this module is long: the plan's value types (sides, changes, conflicts, suggestions) are
read together by every import kind, by apply and by the wizard; the compact ``CellChanges``
(the streamed round trip) is the part that can move to a module of its own.
"""

from __future__ import annotations

import csv
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from kpm_desktop.domain.entities import (
    CellRecord,
    Competitor,
    Customer,
    Goal,
    Note,
    Product,
    ProductGroup,
)
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.import_export.mapping import header_names
from kpm_desktop.import_export.messages import MESSAGES, Problem, text
from kpm_desktop.import_export.tables import RawTable

if TYPE_CHECKING:  # trips are only named in annotations here
    from kpm_desktop.domain.trips import Trip

# the CellRecord fields after ``mark``, in order, up to ``note``
_Details = tuple[int | None, float | None, float | None, date | None, str, date | None, str]

__all__ = [
    "SOURCE",
    "CellChange",
    "CellChanges",
    "Conflict",
    "EntityChange",
    "FieldConflict",
    "ImportPlan",
    "PossibleDuplicate",
    "SourceData",
    "Suggestion",
    "Target",
    "write_problems_csv",
]

SOURCE = "import"  # CellRecord.source and history source of imported cells


# -- the two sides ----------------------------------------------------------------------------
@dataclass(slots=True)
class Target:
    """What the plan is compared against: a snapshot of one matrix file."""

    matrix: Matrix
    competitors: list[Competitor]
    get_cell: Callable[[int, int], CellRecord | None]
    # A customer's notes and goals (kind "kpm" skips those the file has already).
    get_notes: Callable[[int], list[Note]] = lambda _cid: []
    get_goals: Callable[[int], list[Goal]] = lambda _cid: []
    # UUIDs of product groups, competitors, notes and goals: table -> UUID -> row id.
    uuids: dict[str, dict[str, int]] = field(default_factory=dict)
    # The file's trips (kind "kpm" restores trips by UUID).
    get_trips: Callable[[], list[Trip]] = lambda: []

    @classmethod
    def from_repository(cls, repo: Any) -> Target:
        from kpm_desktop.storage.trips import list_trips

        return cls(
            repo.load_matrix(),
            repo.load_competitors(),
            repo.get_cell,
            repo.notes_for,
            repo.goals_for,
            {
                table: {u: i for i, u in repo.entity_uuids(table).items()}
                for table in repo.UUID_TABLES
            },
            lambda: list_trips(repo),
        )

    @property
    def customers(self) -> list[Customer]:
        return self.matrix.customers

    @property
    def products(self) -> list[Product]:
        return self.matrix.products

    def code(self, customer_id: int, product_id: int) -> int:
        row = self.matrix.row_of.get(customer_id)
        col = self.matrix.col_of.get(product_id)
        if row is None or col is None:
            return WHITE
        return self.matrix.code(row, col)


@dataclass(slots=True)
class SourceData:
    """A read table with its header row and the column chosen for each field."""

    kind: str
    table: RawTable
    header_row: int  # 0-based index into table.rows
    mapping: dict[str, int]  # field key -> 0-based column
    # kind "kpm": rows of the export's master sheets ("customers", "products"), if present
    extra: dict[str, list[list[object]]] = field(default_factory=dict)

    @property
    def headers(self) -> list[str]:
        if not self.table.rows:
            return []
        return header_names(self.table.rows[self.header_row])

    def with_mapping(self, overrides: dict[str, int | None]) -> SourceData:
        """A copy with some fields mapped to other columns (None = not imported)."""
        mapping = dict(self.mapping)
        for key, col in overrides.items():
            if col is None:
                mapping.pop(key, None)
            else:
                mapping[key] = col
        return SourceData(self.kind, self.table, self.header_row, mapping, self.extra)


# -- the plan -----------------------------------------------------------------------------------
@dataclass(slots=True)
class TripChange:
    """A trip the import adds (``before`` None) or changes (kind "kpm", by trip UUID)."""

    after: Trip  # stops name customers by UUID (new customers of this import included)
    before: Trip | None = None
    row: int = 0  # first sheet row of the trip

    @property
    def is_new(self) -> bool:
        return self.before is None


@dataclass(slots=True)
class EntityChange:
    """A customer or product the import creates (``before`` None) or changes."""

    after: Customer | Product
    before: Customer | Product | None = None
    rows: list[int] = field(default_factory=list)
    changed: tuple[str, ...] = ()

    @property
    def is_new(self) -> bool:
        return self.before is None


@dataclass(slots=True)
class CellChange:
    customer_id: int  # negative: a customer this import creates
    product_id: int  # negative: a product this import creates
    before: CellRecord | None
    after: CellRecord
    row: int  # source row (1-based)
    column: int  # source column (1-based)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_NO_TIME = -(1 << 63)  # verified_at None in the compact column


class CellChanges:
    """The cell changes of a plan, stored by column (a list of ``CellChange`` to its users).

    The full M export is 600k new cells: as objects (a ``CellChange`` with its
    ``CellRecord``, row number and timestamp) they would take ~160 MB, here ~25 MB. A change
    is kept as ids, row, column, mark and ``verified_at`` in arrays; the rarer details
    (competitor, amounts, dates, texts) and ``before`` records in dictionaries by index; a
    record that does not fit this shape (another source, a stored ``updated_at``) whole.
    Indexing or iterating builds the ``CellChange`` again, equal to the one appended.
    """

    __slots__ = ("_after", "_before", "_cid", "_col", "_details", "_mark", "_pid", "_row", "_ts")

    def __init__(self, changes: Iterable[CellChange] = ()) -> None:
        self._cid = array("q")
        self._pid = array("q")
        self._row = array("q")
        self._col = array("l")
        self._mark = bytearray()
        self._ts = array("q")  # verified_at, microseconds since 1970 (UTC)
        self._details: dict[int, _Details] = {}
        self._before: dict[int, CellRecord] = {}
        self._after: dict[int, CellRecord] = {}  # records kept whole
        for change in changes:
            self.append(change)

    def append(self, change: CellChange) -> None:
        self.add(
            change.customer_id,
            change.product_id,
            change.before,
            change.after,
            change.row,
            change.column,
        )

    def add(
        self,
        customer_id: int,
        product_id: int,
        before: CellRecord | None,
        after: CellRecord,
        row: int,
        column: int,
    ) -> None:
        i = len(self._mark)
        self._cid.append(customer_id)
        self._pid.append(product_id)
        self._row.append(row)
        self._col.append(column)
        self._mark.append(int(after.mark))
        if before is not None:
            self._before[i] = before
        verified = after.verified_at
        if (
            after.updated_at is not None
            or after.source != SOURCE
            or (verified is not None and verified.tzinfo is not UTC)
        ):
            self._after[i] = after
            self._ts.append(_NO_TIME)
            return
        self._ts.append(_NO_TIME if verified is None else (verified - _EPOCH) // _MICRO)
        if (
            after.competitor_id is not None
            or after.our_revenue is not None
            or after.potential is not None
            or after.contract_end is not None
            or after.no_need_reason
            or after.recheck_at is not None
            or after.note
        ):
            self._details[i] = (
                after.competitor_id,
                after.our_revenue,
                after.potential,
                after.contract_end,
                after.no_need_reason,
                after.recheck_at,
                after.note,
            )

    def __len__(self) -> int:
        return len(self._mark)

    def after(self, i: int) -> CellRecord:
        whole = self._after.get(i)
        if whole is not None:
            return whole
        ts = self._ts[i]
        verified = None if ts == _NO_TIME else _EPOCH + timedelta(microseconds=ts)
        d = self._details.get(i)
        mark = _MARKS[self._mark[i]]
        if d is None:
            return CellRecord(mark, verified_at=verified, source=SOURCE)
        return CellRecord(mark, *d, verified_at=verified, source=SOURCE)

    def stored_record(
        self, i: int, at: datetime, competitor_ids: dict[int, int], source: str
    ) -> CellRecord:
        """The record ``apply`` stores for change ``i``: competitor id mapped to the file's,
        ``verified_at`` defaulting to and ``updated_at`` set to ``at`` (one object, not two)."""
        whole = self._after.get(i)
        if whole is not None:
            d: tuple[Any, ...] | None = (
                whole.competitor_id,
                whole.our_revenue,
                whole.potential,
                whole.contract_end,
                whole.no_need_reason,
                whole.recheck_at,
                whole.note,
            )
            mark, verified = whole.mark, whole.verified_at
        else:
            d = self._details.get(i)
            mark = _MARKS[self._mark[i]]
            ts = self._ts[i]
            verified = None if ts == _NO_TIME else _EPOCH + timedelta(microseconds=ts)
        if d is None:
            return CellRecord(mark, verified_at=verified or at, updated_at=at, source=source)
        competitor = d[0]
        return CellRecord(
            mark,
            competitor_ids.get(competitor, competitor) if competitor is not None else None,
            d[1],
            d[2],
            d[3],
            d[4],
            d[5],
            d[6],
            verified or at,
            at,
            source,
        )

    def key(self, i: int) -> tuple[int, int]:
        return self._cid[i], self._pid[i]

    def before(self, i: int) -> CellRecord | None:
        return self._before.get(i)

    def _get(self, i: int) -> CellChange:
        return CellChange(
            self._cid[i],
            self._pid[i],
            self._before.get(i),
            self.after(i),
            self._row[i],
            self._col[i],
        )

    @overload
    def __getitem__(self, i: int) -> CellChange: ...
    @overload
    def __getitem__(self, i: slice) -> list[CellChange]: ...
    def __getitem__(self, i: int | slice) -> CellChange | list[CellChange]:
        n = len(self)
        if isinstance(i, slice):
            return [self._get(k) for k in range(*i.indices(n))]
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(i)
        return self._get(i)

    def __iter__(self) -> Iterator[CellChange]:
        for i in range(len(self)):
            yield self._get(i)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, CellChanges | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    # no __hash__: defining __eq__ sets it to None (mutable: unhashable like list)

    def __repr__(self) -> str:
        return f"CellChanges({len(self)} changes)"


_MICRO = timedelta(microseconds=1)
_MARKS = {int(m): m for m in Mark}  # code -> Mark without the enum's call (~10x cheaper)


@dataclass(slots=True)
class Conflict:
    """A cell where the import disagrees with the matrix; applied only if ``take``."""

    change: CellChange
    customer: str
    product: str
    key: str  # message key: c_mark or c_details
    params: dict[str, Any]
    take: bool = False

    @property
    def message(self) -> str:
        return text(self.key, **self.params)


@dataclass(slots=True)
class Suggestion:
    """An imported name that resembles an existing one: the user may confirm the match.

    Shown with both numbers, both cities and every field that confirming it would change
    (``changes``: field, value in the matrix, imported value).
    """

    entity: str  # "customer" or "product"
    source_name: str
    source_key: str  # what ``confirmed`` is keyed by
    candidate_id: int
    candidate_name: str
    score: float
    rows: list[int] = field(default_factory=list)
    source_number: str = ""
    candidate_number: str = ""
    source_city: str = ""
    candidate_city: str = ""
    changes: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass(slots=True)
class FieldConflict:
    """An existing customer's or product's number that the import would replace.

    Never applied silently: only when ``take`` (like a cell conflict).
    """

    entity: str  # "customer" or "product"
    entity_id: int
    name: str
    field: str  # "number"
    mine: str
    theirs: str
    row: int
    take: bool = False

    @property
    def message(self) -> str:
        return text("c_number", mine=self.mine, theirs=self.theirs)


@dataclass(slots=True)
class PossibleDuplicate:
    """A customer the import would add whose name equals an existing customer's name."""

    row: int
    name: str
    number: str
    existing_id: int
    existing_name: str
    existing_number: str
    existing_city: str
    city: str = ""

    @property
    def message(self) -> str:
        return text(
            "d_same_name",
            name=self.name,
            number=self.number or "-",
            existing=self.existing_name,
            existing_number=self.existing_number or "-",
            row=self.row,
        )


@dataclass(slots=True)
class ImportPlan:
    kind: str
    source: str
    sheet: str | None
    customers: list[EntityChange] = field(default_factory=list)
    products: list[EntityChange] = field(default_factory=list)
    groups: list[ProductGroup] = field(default_factory=list)  # new, negative ids
    competitors: list[Competitor] = field(default_factory=list)  # new, negative ids
    cells: CellChanges = field(default_factory=CellChanges)
    conflicts: list[Conflict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    field_conflicts: list[FieldConflict] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # new; customer id negative = new customer
    goals: list[Goal] = field(default_factory=list)  # new; negative ids = new in this import
    trips: list[TripChange] = field(default_factory=list)  # added or changed (kind "kpm")
    # The UUIDs the source gives new groups, competitors, notes and goals (kind "kpm"):
    # table -> temporary id -> UUID.
    uuids: dict[str, dict[int, str]] = field(default_factory=dict)
    duplicates: list[PossibleDuplicate] = field(default_factory=list)
    unchanged_customers: int = 0
    unchanged_products: int = 0
    unchanged_cells: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    rows_read: int = 0
    products_from_groups: bool = False  # sales without a product column: groups are products
    chosen_because: str = ""  # "chart"/"empty": the active sheet was passed over
    active_sheet: str = ""
    sheets: str = ""  # the workbook's sheets, listed

    def resolve_all(self, take: bool) -> None:
        for c in self.conflicts:
            c.take = take
        for f in self.field_conflicts:
            f.take = take

    def changes_to_write(self) -> list[CellChange]:
        """Every cell change applying would write, as objects (small plans, tests); the
        apply path goes through ``cells`` by index instead (``count_to_write``)."""
        return list(self.cells) + [c.change for c in self.conflicts if c.take]

    def count_to_write(self) -> int:
        return len(self.cells) + sum(1 for c in self.conflicts if c.take)

    @property
    def is_empty(self) -> bool:
        """True when applying would write nothing (with the current conflict choices)."""
        return not (
            self.customers
            or self.products
            or self.groups
            or self.cells
            or any(c.take for c in self.conflicts)
            or any(f.take for f in self.field_conflicts)
            or self.notes
            or self.goals
            or self.trips
        )

    def summary(self) -> dict[str, int]:
        new_c = sum(1 for c in self.customers if c.is_new)
        new_p = sum(1 for p in self.products if p.is_new)
        return {
            "new_customers": new_c,
            "updated_customers": len(self.customers) - new_c,
            "unchanged_customers": self.unchanged_customers,
            "new_products": new_p,
            "updated_products": len(self.products) - new_p,
            "unchanged_products": self.unchanged_products,
            "new_groups": len(self.groups),
            "new_competitors": len(self.competitors),
            "cells": len(self.cells),
            "unchanged_cells": self.unchanged_cells,
            "conflicts": len(self.conflicts) + len(self.field_conflicts),
            "conflicts_taken": sum(1 for c in self.conflicts if c.take)
            + sum(1 for f in self.field_conflicts if f.take),
            "duplicates": len(self.duplicates),
            "new_notes": len(self.notes),
            "new_goals": len(self.goals),
            "new_trips": sum(1 for t in self.trips if t.is_new),
            "updated_trips": sum(1 for t in self.trips if not t.is_new),
            "problems": len(self.problems),
            "suggestions": len(self.suggestions),
            "rows": self.rows_read,
        }

    def summary_text(self) -> str:
        return text("summary", **self.summary())

    @property
    def sheet_note(self) -> tuple[str, dict[str, Any]] | None:
        """(message key, params) when the active sheet was passed over for another."""
        if not self.chosen_because:
            return None
        key = "sheet_chosen_chart" if self.chosen_because == "chart" else "sheet_chosen_empty"
        return key, {"sheet": self.sheet, "active": self.active_sheet, "sheets": self.sheets}

    def to_json(self, limit: int = 1000) -> dict[str, Any]:
        """A JSON-ready description (lists cut at ``limit`` entries)."""

        def mark(rec: CellRecord | None) -> str:
            return "" if rec is None else rec.mark.letter

        return {
            "kind": self.kind,
            "source": self.source,
            "sheet": self.sheet,
            "summary": self.summary(),
            "ignored_columns": self.ignored_columns,
            "problems": [
                {
                    "sheet": p.sheet,
                    "row": p.row,
                    "column": p.column,
                    "column_name": p.column_name,
                    "key": p.key,
                    "message": p.message,
                }
                for p in self.problems[:limit]
            ],
            "conflicts": [
                {
                    "customer": c.customer,
                    "product": c.product,
                    "row": c.change.row,
                    "column": c.change.column,
                    "mine": mark(c.change.before),
                    "imported": mark(c.change.after),
                    "message": c.message,
                    "take": c.take,
                }
                for c in self.conflicts[:limit]
            ],
            "suggestions": [
                {
                    "entity": s.entity,
                    "imported": s.source_name,
                    "existing": s.candidate_name,
                    "existing_id": s.candidate_id,
                    "score": round(s.score, 3),
                    "rows": s.rows[:10],
                    "imported_number": s.source_number,
                    "existing_number": s.candidate_number,
                    "imported_city": s.source_city,
                    "existing_city": s.candidate_city,
                    "changes": [
                        {"field": f, "existing": old, "imported": new} for f, old, new in s.changes
                    ],
                }
                for s in self.suggestions[:limit]
            ],
            "number_conflicts": [
                {
                    "entity": f.entity,
                    "name": f.name,
                    "row": f.row,
                    "mine": f.mine,
                    "imported": f.theirs,
                    "message": f.message,
                    "take": f.take,
                }
                for f in self.field_conflicts[:limit]
            ],
            "possible_duplicates": [
                {
                    "row": d.row,
                    "name": d.name,
                    "number": d.number,
                    "existing": d.existing_name,
                    "existing_id": d.existing_id,
                    "existing_number": d.existing_number,
                    "existing_city": d.existing_city,
                    "message": d.message,
                }
                for d in self.duplicates[:limit]
            ],
            "new_customers": [c.after.name for c in self.customers if c.is_new][:limit],
            "new_products": [p.after.name for p in self.products if p.is_new][:limit],
        }


def write_problems_csv(
    problems: Iterable[Problem],
    path: Path | str,
    *,
    translate: Callable[[str], str] | None = None,
    header: tuple[str, str, str, str] = ("Row", "Column", "Column name", "Problem"),
) -> int:
    """Save problems as CSV (UTF-8 with BOM and ";" so German Excel opens it directly).

    ``translate`` maps an English message template to the UI language. Returns the count.
    """
    count = 0
    with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(header)
        for p in problems:
            template = translate(MESSAGES[p.key]) if translate else MESSAGES[p.key]
            writer.writerow(
                [p.row_label, p.column or "", p.column_name, template.format(**p.params)]
            )
            count += 1
    return count
