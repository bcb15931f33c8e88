"""Row <-> entity conversion for the repository, and what undo of a deletion needs."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kpm_desktop.domain.entities import CellRecord, Customer, Goal, Note, Product, ProductKind
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.convert import (
    date_from_db,
    date_to_db,
    epoch_from_db,
    epoch_to_db,
    source_from_db,
    source_to_db,
)

CellKey = tuple[int, int]  # (customer_id, product_id)
CellChange = tuple[int, int, CellRecord | None]  # None = white spot

_CUSTOMER_COLS = (
    "id, uuid, name, number, segment, region, owner, city, postcode, abc_class, "
    "annual_revenue, tags, active, parent_uuid, street, phone"
)
_PRODUCT_COLS = "id, uuid, name, number, group_id, kind, sort_order, active, slot"
_MARK_COLS = (
    "mark, competitor_id, our_revenue, potential, contract_end, no_need_reason, recheck_at, "
    "note, verified_at, updated_at, source"
)
# The stored columns of a cell, in the order of ``stored_cells_of_customer``/``cell_row``.
CELL_COLUMNS: tuple[str, ...] = tuple(c.strip() for c in _MARK_COLS.split(","))
_MARK_COLS_M = ", ".join(f"m.{c.strip()}" for c in _MARK_COLS.split(","))  # table alias m


def _customer_from_row(r: tuple[Any, ...]) -> Customer:
    tags = r[11]
    return Customer(
        id=r[0],
        uuid=r[1],
        name=r[2],
        number=r[3],
        segment=r[4],
        region=r[5],
        owner=r[6],
        city=r[7],
        postcode=r[8],
        abc_class=r[9],
        annual_revenue=r[10],
        # most customers have none: no JSON parse (a third of loading 5,000 customers)
        tags=() if tags == "[]" else tuple(json.loads(tags)),
        active=bool(r[12]),
        parent_uuid=r[13],
        street=r[14],
        phone=r[15],
    )


def _customer_values(c: Customer) -> tuple[Any, ...]:
    return (
        c.uuid,
        c.name,
        c.number,
        c.segment,
        c.region,
        c.owner,
        c.city,
        c.postcode,
        c.abc_class,
        c.annual_revenue,
        json.dumps(list(c.tags), ensure_ascii=False),
        int(c.active),
        c.parent_uuid,
        c.street,
        c.phone,
    )


def _product_from_row(r: tuple[Any, ...]) -> Product:
    return Product(
        id=r[0],
        uuid=r[1],
        name=r[2],
        number=r[3],
        group_id=r[4],
        kind=ProductKind(r[5]),
        sort_order=r[6],
        active=bool(r[7]),
    )


def _cell_from_row(r: Sequence[Any]) -> CellRecord:
    return CellRecord(
        mark=Mark(r[0]),
        competitor_id=r[1],
        our_revenue=r[2],
        potential=r[3],
        contract_end=date_from_db(r[4]),
        no_need_reason=r[5],
        recheck_at=date_from_db(r[6]),
        note=r[7],
        verified_at=epoch_from_db(r[8]),
        # NULL: the same as verified_at (see migration 3)
        updated_at=epoch_from_db(r[8] if r[9] is None else r[9]),
        source=source_from_db(r[10]),
    )


def cell_row(rec: CellRecord) -> tuple[Any, ...]:
    """A cell record as its stored columns (``CELL_COLUMNS``), as the file holds it."""
    return _cell_values(rec)


def _cell_values(rec: CellRecord) -> tuple[Any, ...]:
    verified = epoch_to_db(rec.verified_at)
    updated = epoch_to_db(rec.updated_at)
    return (
        int(rec.mark),
        rec.competitor_id,
        rec.our_revenue,
        rec.potential,
        date_to_db(rec.contract_end),
        rec.no_need_reason,
        date_to_db(rec.recheck_at),
        rec.note,
        verified,
        None if updated == verified else updated,
        source_to_db(rec.source),
    )


@dataclass(slots=True)
class CustomerSnapshot:
    """Everything a customer deletion removes, so that undo can put it back exactly."""

    customer: Customer
    codes: bytes
    cells: dict[int, CellRecord]  # product_id -> record
    notes: list[Note]
    goals: list[Goal]
    row: int = -1


@dataclass(slots=True)
class ProductSnapshot:
    """A product with its cells, as kept to restore it (undo of a removal)."""

    product: Product
    slot: int
    cells: dict[int, CellRecord]  # customer_id -> record
    goal_links: list[int] = field(default_factory=list)  # goal ids linked to the product
