"""Entities of a matrix file as plain dataclasses.

``id`` is the row id inside one file (None before insertion); ``uuid`` is stable across files
so that matrices of different reps can be merged later.
"""

from __future__ import annotations

import uuid as _uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from kpm_desktop.domain.marks import Mark


class _Identified(Protocol):
    @property
    def id(self) -> int | None: ...


def stored_id(entity: _Identified) -> int:
    """The id of a stored entity (or of one an import plans, with its temporary id).

    Entities carry ``id=None`` until storage assigns one; code that handles stored ones
    says so with this instead of an ``assert`` or a ``type: ignore``.
    """
    if entity.id is None:
        raise ValueError(f"{type(entity).__name__} is not stored yet (no id)")
    return entity.id


def new_uuid() -> str:
    return str(_uuid.uuid4())


@dataclass(slots=True)
class Customer:
    """A row of the matrix: a customer (or a key account's site, see ``parent_uuid``)."""

    name: str
    number: str = ""  # customer number from CRM/ERP
    segment: str = ""  # segment / industry (Branche)
    region: str = ""
    owner: str = ""  # responsible rep
    city: str = ""
    postcode: str = ""
    abc_class: str = ""  # "A", "B", "C" or empty
    annual_revenue: float | None = None
    tags: tuple[str, ...] = ()
    active: bool = True
    id: int | None = None
    uuid: str = field(default_factory=new_uuid)
    # The key account (Konzern) this customer is a site of: the parent's uuid, "" for none.
    # A uuid, not a row id, so that the link survives merges and team sync between files;
    # a link to a customer that is not in this file is kept but shown as no parent.
    parent_uuid: str = ""
    street: str = ""  # street and house number ("Hafenstraße 12"), "" = unknown
    phone: str = ""  # as typed or imported, "" = unknown


class ProductKind(StrEnum):
    PRODUCT = "product"
    SOLUTION = "solution"
    SERVICE = "service"


@dataclass(slots=True)
class ProductGroup:
    """A band of columns shown together under one group heading."""

    name: str
    sort_order: int = 0
    id: int | None = None


@dataclass(slots=True)
class Product:
    """A column of the matrix: a product, solution or service."""

    name: str
    number: str = ""
    group_id: int | None = None
    kind: ProductKind = ProductKind.PRODUCT
    sort_order: int = 0
    active: bool = True
    id: int | None = None
    uuid: str = field(default_factory=new_uuid)


@dataclass(slots=True)
class Competitor:
    """A competitor a customer buys from (named on competitor cells)."""

    name: str
    id: int | None = None


@dataclass(slots=True)
class Note:
    """A dated note on a customer (side panel)."""

    customer_id: int
    text: str
    note_date: date
    id: int | None = None


class GoalStatus(StrEnum):
    OPEN = "open"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


@dataclass(slots=True)
class Goal:
    """A goal for a customer, optionally tied to products and a due date."""

    customer_id: int
    title: str
    detail: str = ""
    due_date: date | None = None
    status: GoalStatus = GoalStatus.OPEN
    sort_order: int = 0
    product_ids: tuple[int, ...] = ()
    id: int | None = None


@dataclass(frozen=True, slots=True)
class CellRecord:
    """Everything stored about one marked cell (a white spot has no record)."""

    mark: Mark
    competitor_id: int | None = None
    our_revenue: float | None = None
    potential: float | None = None
    contract_end: date | None = None  # competitor contract end / renewal
    no_need_reason: str = ""
    recheck_at: date | None = None  # when a "no need" should be asked again
    note: str = ""
    verified_at: datetime | None = None
    updated_at: datetime | None = None
    source: str = "user"


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One change of a cell's mark, as kept in the file's history."""

    customer_id: int
    product_id: int
    old_mark: Mark | None
    new_mark: Mark | None
    changed_at: datetime
    source: str
    id: int | None = None
    old_reason: str = ""  # the no-need reason of the changed mark (K), if it had one
