"""The local side of sync: entities of a matrix file as plain JSON values, keyed by UUID.

Kinds and keys: ``group``, ``competitor``, ``product``, ``customer``, ``note``, ``goal`` by
their UUID; ``cell`` by ``"<customer uuid>/<product uuid>"``. A value is a dict of fields
(JSON types only) or None for "does not exist" (deleted / white spot). Local integer ids
never leave the file. Writes go through ``Repository`` so that derived data (status grid,
product slots, history) stays consistent; the caller wraps them in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from itertools import repeat
from typing import cast

from kpm_desktop.domain.entities import (
    CellRecord,
    Customer,
    Goal,
    GoalStatus,
    Note,
    Product,
    ProductGroup,
    ProductKind,
    stored_id,
)
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.convert import epoch_from_db, source_to_db, utc_now
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team.cells import DEFAULTS as _DETAIL_DEFAULTS

# Parents first: applying in this order never meets an unknown reference.
KINDS = ("group", "competitor", "product", "customer", "cell", "note", "goal")
KIND_ORDER = {k: i for i, k in enumerate(KINDS)}
STRUCTURE = frozenset({"group", "product"})  # only a manager changes these

CUSTOMER_FIELDS = (
    "name",
    "number",
    "segment",
    "region",
    "owner",
    "city",
    "postcode",
    "abc_class",
    "annual_revenue",
    "tags",
    "active",
    "parent_uuid",
    "street",
    "phone",
)


def canonical(value: dict | None) -> str | None:
    return None if value is None else json.dumps(value, sort_keys=True, ensure_ascii=False)


def customer_of(kind: str, key: str, data: dict | None) -> str | None:
    """The customer UUID an entity belongs to (its territory), None for structure."""
    if kind == "customer":
        return key
    if kind == "cell":
        return key.split("/", 1)[0]
    if kind in ("note", "goal"):
        return data.get("customer") if data else None
    return None


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed


def goes_with(kind: str, key: str, value: dict | None, gone: set[str]) -> bool:
    """Whether a cell, note or goal is deleted along with the customers and products whose
    UUIDs are in ``gone`` (a deleted customer or product takes them with it)."""
    if kind == "cell":
        cu, _, pu = key.partition("/")
        return cu in gone or pu in gone
    if kind in ("note", "goal"):
        v = value or {}
        return v.get("customer") in gone or bool(gone & set(v.get("products") or ()))
    return False


def customer_from_json(key: str, d: dict) -> Customer:
    """A customer from its sync JSON (``LocalStore._customer_json`` is the other way)."""
    return Customer(
        name=d["name"],
        number=d.get("number") or "",
        segment=d.get("segment") or "",
        region=d.get("region") or "",
        owner=d.get("owner") or "",
        city=d.get("city") or "",
        postcode=d.get("postcode") or "",
        abc_class=d.get("abc_class") or "",
        annual_revenue=d.get("annual_revenue"),
        tags=tuple(d.get("tags") or ()),
        active=bool(d.get("active", True)),
        uuid=key,
        parent_uuid=d.get("parent_uuid") or "",
        street=d.get("street") or "",
        phone=d.get("phone") or "",
    )


class LocalStore:
    """UUID-keyed reads and writes of one open matrix file."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.conn = repo.conn

    # -- id <-> uuid -----------------------------------------------------------------------
    def _id(self, table: str, uuid: str | None) -> int | None:
        if not uuid:
            return None
        row = self.conn.execute(f"SELECT id FROM {table} WHERE uuid = ?", (uuid,)).fetchone()
        return row[0] if row else None

    def _uuid(self, table: str, row_id: int | None) -> str | None:
        if row_id is None:
            return None
        row = self.conn.execute(f"SELECT uuid FROM {table} WHERE id = ?", (row_id,)).fetchone()
        return row[0] if row else None

    def _cell_ids(self, key: str) -> tuple[int | None, int | None]:
        cu, _, pu = key.partition("/")
        return self._id("customers", cu), self._id("products", pu)

    # -- reading ---------------------------------------------------------------------------
    def read(self, kind: str, key: str) -> dict | None:
        return getattr(self, f"_read_{kind}")(key)

    def _read_group(self, key: str) -> dict | None:
        row = self.conn.execute(
            "SELECT name, sort_order FROM product_groups WHERE uuid = ?", (key,)
        ).fetchone()
        return None if row is None else {"name": row[0], "sort_order": row[1]}

    def _read_competitor(self, key: str) -> dict | None:
        row = self.conn.execute("SELECT name FROM competitors WHERE uuid = ?", (key,)).fetchone()
        return None if row is None else {"name": row[0]}

    def _product_json(self, p: Product) -> dict:
        return {
            "name": p.name,
            "number": p.number,
            "group": self._uuid("product_groups", p.group_id),
            "kind": str(p.kind),
            "sort_order": p.sort_order,
            "active": p.active,
        }

    def _read_product(self, key: str) -> dict | None:
        pid = self._id("products", key)
        p = self.repo.get_product(pid) if pid is not None else None
        return None if p is None else self._product_json(p)

    @staticmethod
    def _customer_json(c: Customer) -> dict:
        data = {
            "name": c.name,
            "number": c.number,
            "segment": c.segment,
            "region": c.region,
            "owner": c.owner,
            "city": c.city,
            "postcode": c.postcode,
            "abc_class": c.abc_class,
            "annual_revenue": c.annual_revenue,
            "tags": list(c.tags),
            "active": c.active,
        }
        if c.parent_uuid:
            # The key account (issue 18), only when set: files synced before it existed
            # keep the same JSON for every customer without one.
            data["parent_uuid"] = c.parent_uuid
        # Street and phone (issue 18) likewise only when known.
        if c.street:
            data["street"] = c.street
        if c.phone:
            data["phone"] = c.phone
        return data

    def _read_customer(self, key: str) -> dict | None:
        cid = self._id("customers", key)
        c = self.repo.get_customer(cid) if cid is not None else None
        return None if c is None else self._customer_json(c)

    def _cell_json(self, rec: CellRecord, competitors: dict[int, str] | None = None) -> dict:
        if rec.competitor_id is None:
            comp = None
        elif competitors is not None:
            comp = competitors.get(rec.competitor_id)
        else:
            comp = self._uuid("competitors", rec.competitor_id)
        return {
            "mark": int(rec.mark),
            "competitor": comp,
            "our_revenue": rec.our_revenue,
            "potential": rec.potential,
            "contract_end": _iso(rec.contract_end),
            "no_need_reason": rec.no_need_reason,
            "recheck_at": _iso(rec.recheck_at),
            "note": rec.note,
            "verified_at": _iso(rec.verified_at),
        }

    def _read_cell(self, key: str) -> dict | None:
        cid, pid = self._cell_ids(key)
        if cid is None or pid is None:
            return None
        rec = self.repo.get_cell(cid, pid)
        return None if rec is None else self._cell_json(rec)

    def _read_note(self, key: str) -> dict | None:
        row = self.conn.execute(
            "SELECT c.uuid, n.note_date, n.text FROM notes n JOIN customers c "
            "ON c.id = n.customer_id WHERE n.uuid = ?",
            (key,),
        ).fetchone()
        return None if row is None else {"customer": row[0], "note_date": row[1], "text": row[2]}

    def _read_goal(self, key: str) -> dict | None:
        row = self.conn.execute(
            "SELECT g.id, c.uuid, g.title, g.detail, g.due_date, g.status, g.sort_order "
            "FROM goals g JOIN customers c ON c.id = g.customer_id WHERE g.uuid = ?",
            (key,),
        ).fetchone()
        if row is None:
            return None
        products = sorted(
            r[0]
            for r in self.conn.execute(
                "SELECT p.uuid FROM goal_products gp JOIN products p ON p.id = gp.product_id "
                "WHERE gp.goal_id = ?",
                (row[0],),
            )
        )
        return {
            "customer": row[1],
            "title": row[2],
            "detail": row[3],
            "due_date": row[4],
            "status": row[5],
            "sort_order": row[6],
            "products": products,
        }

    def iter_all(self, *, cells: bool = True) -> Iterator[tuple[str, str, dict]]:
        """Every entity of the file, parents first (publish, merge, content hash); without
        the cells when ``cells`` is false (publish sends those with ``iter_cell_rows``)."""
        for key, name, order in self.conn.execute(
            "SELECT uuid, name, sort_order FROM product_groups ORDER BY id"
        ):
            yield "group", key, {"name": name, "sort_order": order}
        for key, name in self.conn.execute("SELECT uuid, name FROM competitors ORDER BY id"):
            yield "competitor", key, {"name": name}
        for p in self.repo.load_products():
            yield "product", p.uuid, self._product_json(p)
        customers = self.repo.load_customers()
        for c in customers:
            yield "customer", c.uuid, self._customer_json(c)
        if cells:
            cu = {c.id: c.uuid for c in customers}
            pu = dict(self.conn.execute("SELECT id, uuid FROM products"))
            comp = dict(self.conn.execute("SELECT id, uuid FROM competitors"))
            for cid, pid, rec in self.repo.iter_cells():
                yield "cell", f"{cu[cid]}/{pu[pid]}", self._cell_json(rec, comp)
        for (key,) in self.conn.execute("SELECT uuid FROM notes ORDER BY id").fetchall():
            value = self._read_note(key)
            if value is not None:
                yield "note", key, value
        for (key,) in self.conn.execute("SELECT uuid FROM goals ORDER BY id").fetchall():
            value = self._read_goal(key)
            if value is not None:
                yield "goal", key, value

    def iter_cell_rows(self) -> Iterator[tuple[str, str, int, int | None, str | None]]:
        """Every marked cell as (customer uuid, product uuid, mark, verified_at as Unix
        seconds, details JSON or None): the server's compact encoding (``team.cells``) read
        straight from the file, without a value dict per cell (publishing an L matrix)."""
        names = tuple(_DETAIL_DEFAULTS)
        for r in self.conn.execute(
            "SELECT c.uuid, p.uuid, m.mark, m.verified_at, co.uuid, m.our_revenue, "
            "m.potential, m.contract_end, m.no_need_reason, m.recheck_at, m.note "
            "FROM marks m JOIN customers c ON c.id = m.customer_id "
            "JOIN products p ON p.id = m.product_id "
            "LEFT JOIN competitors co ON co.id = m.competitor_id"
        ):
            verified = r[3]
            if verified is not None and not isinstance(verified, int):
                parsed = epoch_from_db(verified)
                verified = None if parsed is None else int(parsed.timestamp())
            details = None
            if (
                r[4] is not None
                or r[5] is not None
                or r[6] is not None
                or r[7]
                or r[8]
                or r[9]
                or r[10]
            ):
                found = {
                    k: v
                    for k, v in zip(names, r[4:], strict=True)
                    if v is not None and v != _DETAIL_DEFAULTS[k]
                }
                details = json.dumps(found, sort_keys=True, ensure_ascii=False) if found else None
            yield r[0], r[1], r[2], verified, details

    # -- writing ---------------------------------------------------------------------------
    def load_cells(self, groups: Iterable[Sequence], source: str) -> int:
        """Bulk-write cells into a fresh file (clone), one customer at a time.

        Each group is (customer_id, product_ids, marks, verified_at as Unix seconds, details)
        with ``details`` None (no cell of this customer has any) or the seven columns
        (competitor_id, our_revenue, potential, contract_end, no_need_reason, recheck_at,
        note) as parallel sequences. The rows go to SQLite as a zip of those sequences (no
        Python object per cell); the status rows are filled as it goes; no history (nothing
        changed). Returns the number of cells.
        """
        slots = dict(self.conn.execute("SELECT id, slot FROM products"))
        width = max(slots.values(), default=-1) + 1
        insert = (
            "INSERT INTO marks (customer_id, product_id, mark, competitor_id, our_revenue, "
            "potential, contract_end, no_need_reason, recheck_at, note, verified_at, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
        # the usual customer, without any details: the other columns keep their defaults
        # (NULL, '' for reason and note), four values per cell instead of eleven
        plain = (
            "INSERT INTO marks (customer_id, product_id, mark, verified_at, source) "
            "VALUES (?, ?, ?, ?, ?)"
        )
        code = source_to_db(source)
        status: list[tuple[int, bytes]] = []
        count = 0
        for cid, pids, marks, verified, details in groups:
            n = len(pids)
            if details is None:
                rows = zip(repeat(cid, n), pids, marks, verified, repeat(code, n), strict=True)
                self.conn.executemany(plain, rows)
            else:
                rows = zip(
                    repeat(cid, n), pids, marks, *details, verified, repeat(code, n), strict=True
                )
                self.conn.executemany(insert, rows)
            codes = bytearray(width)
            for pid, mark in zip(pids, marks, strict=True):
                codes[slots[pid]] = mark
            status.append((cid, bytes(codes)))
            count += n
            if len(status) >= 1000:
                self._write_status(status)
        self._write_status(status)
        return count

    def _write_status(self, rows: list[tuple[int, bytes]]) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO status_rows (customer_id, codes) VALUES (?, ?)", rows
        )
        rows.clear()

    def apply(self, kind: str, key: str, data: dict | None, author: str = "") -> None:
        """Make the local entity equal ``data`` (None: delete it). Inside a transaction."""
        getattr(self, f"_apply_{kind}")(key, data, author)

    def _set_uuid(self, table: str, row_id: int, key: str) -> None:
        self.conn.execute(f"UPDATE {table} SET uuid = ? WHERE id = ?", (key, row_id))

    def _apply_group(self, key: str, data: dict | None, author: str) -> None:
        gid = self._id("product_groups", key)
        if data is None:
            if gid is not None:
                self.repo.delete_group(gid)
            return
        group = ProductGroup(name=data["name"], sort_order=int(data.get("sort_order") or 0))
        if gid is None:
            clash = self.conn.execute(
                "SELECT id FROM product_groups WHERE name = ?", (group.name,)
            ).fetchone()
            if clash:  # same name created independently: adopt the team's identity
                self._set_uuid("product_groups", clash[0], key)
                self.repo.update_group(replace(group, id=clash[0]))
                return
            new = self.repo.add_group(group)
            self._set_uuid("product_groups", stored_id(new), key)
        else:
            self.repo.update_group(replace(group, id=gid))

    def _apply_competitor(self, key: str, data: dict | None, author: str) -> None:
        cid = self._id("competitors", key)
        if data is None:
            if cid is not None:
                self.repo.delete_competitor(cid)
            return
        name = data["name"]
        if cid is None:
            clash = self.repo.competitor_by_name(name)
            if clash is not None:
                self._set_uuid("competitors", stored_id(clash), key)
                return
            new = self.repo.add_competitor(name)
            self._set_uuid("competitors", stored_id(new), key)
        elif self._read_competitor(key) != {"name": name}:
            self.repo.rename_competitor(cid, name)

    def _apply_product(self, key: str, data: dict | None, author: str) -> None:
        pid = self._id("products", key)
        if data is None:
            if pid is not None:
                self.repo.delete_product(pid)
            return
        product = Product(
            name=data["name"],
            number=data.get("number") or "",
            group_id=self._id("product_groups", data.get("group")),
            kind=ProductKind(data.get("kind") or "product"),
            sort_order=int(data.get("sort_order") or 0),
            active=bool(data.get("active", True)),
            uuid=key,
        )
        if pid is None:
            self.repo.add_products([product])
        else:
            self.repo.update_product(replace(product, id=pid))

    def _apply_customer(self, key: str, data: dict | None, author: str) -> None:
        cid = self._id("customers", key)
        if data is None:
            if cid is not None:
                self.repo.delete_customer(cid)
            return
        customer = customer_from_json(key, data)
        if cid is None:
            self.repo.add_customers([customer])
        else:
            self.repo.update_customer(replace(customer, id=cid))

    def cell_record(
        self, data: dict, source: str, competitors: dict[str, int] | None = None
    ) -> CellRecord:
        comp = data.get("competitor")
        return CellRecord(
            mark=Mark(int(data["mark"])),
            competitor_id=(
                competitors.get(comp)
                if competitors is not None and comp
                else self._id("competitors", comp)
            ),
            our_revenue=data.get("our_revenue"),
            potential=data.get("potential"),
            contract_end=_date(data.get("contract_end")),
            no_need_reason=data.get("no_need_reason") or "",
            recheck_at=_date(data.get("recheck_at")),
            note=data.get("note") or "",
            verified_at=_datetime(data.get("verified_at")),
            updated_at=utc_now(),
            source=source,
        )

    def _apply_cell(self, key: str, data: dict | None, author: str) -> None:
        cid, pid = self._cell_ids(key)
        if cid is None or pid is None:
            return  # its customer or product is gone (or outside this territory)
        source = f"team:{author}" if author else "merge"
        rec = None if data is None else self.cell_record(data, source)
        self.repo.write_cells([(cid, pid, rec)], source=source)

    def _apply_note(self, key: str, data: dict | None, author: str) -> None:
        row = self.conn.execute("SELECT id FROM notes WHERE uuid = ?", (key,)).fetchone()
        if data is None:
            if row:
                self.repo.delete_note(row[0])
            return
        cust = self._id("customers", data.get("customer"))
        if cust is None:
            return
        # the server's note_date is NOT NULL: a date here (cast, so a bad row fails where it did)
        note_date = cast(date, _date(data["note_date"]))
        note = Note(customer_id=cust, text=data["text"], note_date=note_date)
        if row is None:
            new = self.repo.add_note(note)
            self._set_uuid("notes", stored_id(new), key)
        else:
            self.repo.update_note(replace(note, id=row[0]))

    def _apply_goal(self, key: str, data: dict | None, author: str) -> None:
        row = self.conn.execute("SELECT id FROM goals WHERE uuid = ?", (key,)).fetchone()
        if data is None:
            if row:
                self.repo.delete_goal(row[0])
            return
        cust = self._id("customers", data.get("customer"))
        if cust is None:
            return
        products = tuple(
            pid
            for pid in (self._id("products", u) for u in data.get("products") or ())
            if pid is not None
        )
        goal = Goal(
            customer_id=cust,
            title=data["title"],
            detail=data.get("detail") or "",
            due_date=_date(data.get("due_date")),
            status=GoalStatus(data.get("status") or "open"),
            sort_order=int(data.get("sort_order") or 0),
            product_ids=products,
        )
        if row is None:
            new = self.repo.add_goal(goal)
            self._set_uuid("goals", stored_id(new), key)
        else:
            self.repo.update_goal(replace(goal, id=row[0]))
