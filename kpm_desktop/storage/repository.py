"""All reads and writes of one matrix file.

Every public write is one transaction: the marks table, the append-only history and the
derived status rows change together or not at all. The status rows hold one byte per product
slot per customer, so the whole matrix loads with one query instead of one Python object per
cell (see ARCHITECTURE.md: ~100x faster at size L).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

import sqlite_utils

from kpm_desktop.domain.entities import (
    CellRecord,
    Competitor,
    Customer,
    Goal,
    GoalStatus,
    HistoryEntry,
    Note,
    Product,
    ProductGroup,
    ProductKind,
)
from kpm_desktop.domain.marks import WHITE, Mark, mark_from_code
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.domain.staleness import SETTING_KEY as STALE_SETTING_KEY
from kpm_desktop.domain.staleness import CellAges, parse_stale_months, stale_before
from kpm_desktop.storage.convert import (
    date_from_db,
    date_to_db,
    epoch_from_db,
    epoch_to_db,
    source_from_db,
    source_to_db,
    ts_to_db,
    utc_now,
)
from kpm_desktop.storage.database import (
    FileCheck,
    create_database,
    mark_session_closed,
    maybe_checkpoint,
    open_database,
    quick_check,
)
from kpm_desktop.storage.errors import DiskFullError, ReadOnlyError
from kpm_desktop.storage.locations import read_only_reason
from kpm_desktop.storage.lock import WriterLock
from kpm_desktop.storage.migrations import Progress

CellKey = tuple[int, int]  # (customer_id, product_id)
CellChange = tuple[int, int, CellRecord | None]  # None = white spot

_CUSTOMER_COLS = (
    "id, uuid, name, number, segment, region, owner, city, postcode, abc_class, "
    "annual_revenue, tags, active"
)
_PRODUCT_COLS = "id, uuid, name, number, group_id, kind, sort_order, active, slot"
_MARK_COLS = (
    "mark, competitor_id, our_revenue, potential, contract_end, no_need_reason, recheck_at, "
    "note, verified_at, updated_at, source"
)


def _customer_from_row(r: tuple) -> Customer:
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
        tags=tuple(json.loads(r[11])),
        active=bool(r[12]),
    )


def _customer_values(c: Customer) -> tuple:
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
    )


def _product_from_row(r: tuple) -> Product:
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


def _cell_from_row(r: Sequence) -> CellRecord:
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


def _cell_values(rec: CellRecord) -> tuple:
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
    product: Product
    slot: int
    cells: dict[int, CellRecord]  # customer_id -> record
    goal_links: list[int] = field(default_factory=list)  # goal ids linked to the product


class Repository:
    """The storage API of one open matrix file (main thread only)."""

    def __init__(self, db: sqlite_utils.Database, path: Path, read_only: bool = False) -> None:
        self.db = db
        self.path = path
        self.read_only = read_only
        # Why a file asked for writing was opened read-only (read-only file/folder/drive).
        self.read_only_reason: str | None = None
        self._lock: WriterLock | None = None
        self._slot_of: dict[int, int] | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        read_only: bool = False,
        force_lock: bool = False,
        checked: FileCheck | None = None,
        progress: Progress | None = None,
    ) -> Repository:
        """Open a matrix file; for writing, take the single-writer lock first.

        A file that cannot be written (read-only file, folder or drive) opens read-only with
        ``read_only_reason`` set. ``force_lock`` takes over a lock naming another computer
        (only after the user confirmed that it is not open there). ``checked``: see
        ``database.check_file`` (skips repeating the integrity checks of an unchanged file).
        ``progress`` receives the fraction done while an older file format is updated.

        Raises:
            StorageError: with a user-facing message (``FileLockedError`` when another
                running instance has the file open for editing).
        """
        path = Path(path)
        reason = None if read_only else read_only_reason(path)
        if reason:
            read_only = True
        lock = None
        if not read_only and path.is_file():
            lock = WriterLock.acquire(path, force=force_lock)
        try:
            repo = cls(
                open_database(path, read_only=read_only, checked=checked, progress=progress),
                path,
                read_only,
            )
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        repo.read_only_reason = reason
        repo._lock = lock
        return repo

    @classmethod
    def create(cls, path: Path | str) -> Repository:
        path = Path(path)
        if path.exists():
            raise FileExistsError(f"{path.name} exists already")
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = WriterLock.acquire(path)
        try:
            repo = cls(create_database(path), path)
        except BaseException:
            lock.release()
            raise
        repo._lock = lock
        return repo

    def close(self) -> None:
        conn = self.db.conn
        try:
            if not self.read_only:
                try:
                    conn.execute("PRAGMA optimize")
                except sqlite3.Error:
                    pass
                mark_session_closed(conn)
            conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write (nested calls become savepoints)."""
        if self.read_only:
            raise ReadOnlyError(f"{self.path.name} is open read-only")
        try:
            with self.db.atomic():
                yield self.db.conn
        except sqlite3.OperationalError as exc:
            # SQLITE_FULL: a full disk (or max_page_count). atomic() has rolled back already;
            # say so in the user's terms.
            outermost = not self.db.conn.in_transaction
            if outermost and getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_FULL:
                raise DiskFullError(
                    f"the disk holding {self.path.name} is full: the change was not saved "
                    "(nothing else was changed); free some space and try again"
                ) from exc
            raise
        if not self.db.conn.in_transaction:
            maybe_checkpoint(self.db.conn, self.path)

    def _q(self, sql: str, params: Sequence | dict = ()) -> list[tuple]:
        return self.conn.execute(sql, params).fetchall()

    # -- settings ----------------------------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        rows = self._q("SELECT value FROM settings WHERE key = ?", (key,))
        return rows[0][0] if rows else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def delete_setting(self, key: str) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM settings WHERE key = ?", (key,))

    def settings(self) -> dict[str, str]:
        return dict(self._q("SELECT key, value FROM settings"))

    # -- loading -----------------------------------------------------------------------------
    def load_customers(self) -> list[Customer]:
        return [
            _customer_from_row(r)
            for r in self._q(f"SELECT {_CUSTOMER_COLS} FROM customers ORDER BY id")
        ]

    def get_customer(self, customer_id: int) -> Customer | None:
        rows = self._q(f"SELECT {_CUSTOMER_COLS} FROM customers WHERE id = ?", (customer_id,))
        return _customer_from_row(rows[0]) if rows else None

    def load_products(self) -> list[Product]:
        rows = self._q(f"SELECT {_PRODUCT_COLS} FROM products ORDER BY slot")
        self._slot_of = {r[0]: r[8] for r in rows}
        return [_product_from_row(r) for r in rows]

    def get_product(self, product_id: int) -> Product | None:
        rows = self._q(f"SELECT {_PRODUCT_COLS} FROM products WHERE id = ?", (product_id,))
        return _product_from_row(rows[0]) if rows else None

    def load_groups(self) -> list[ProductGroup]:
        return [
            ProductGroup(id=r[0], name=r[1], sort_order=r[2])
            for r in self._q(
                "SELECT id, name, sort_order FROM product_groups ORDER BY sort_order, id"
            )
        ]

    def load_competitors(self) -> list[Competitor]:
        return [
            Competitor(id=r[0], name=r[1])
            for r in self._q("SELECT id, name FROM competitors ORDER BY name COLLATE NOCASE")
        ]

    def load_matrix(self) -> Matrix:
        """Customers, products and the status grid, in storage order."""
        customers = self.load_customers()
        products = self.load_products()
        n = len(products)
        blank = bytes(n)
        parts: list[bytes] = []
        append = parts.append
        for codes in self.conn.execute(
            "SELECT s.codes FROM customers c LEFT JOIN status_rows s ON s.customer_id = c.id "
            "ORDER BY c.id"
        ):
            blob = codes[0]
            if blob is None:
                append(blank)
            elif len(blob) == n:
                append(blob)
            else:  # rows written before a product was added are shorter
                append(bytes(blob[:n]).ljust(n, b"\x00"))
        return Matrix(customers, products, self.load_groups(), bytearray(b"".join(parts)))

    def counts(self) -> dict[str, int]:
        return {
            table: self._q(f"SELECT count(*) FROM {table}")[0][0]
            for table in (
                "customers",
                "products",
                "product_groups",
                "competitors",
                "marks",
                "mark_history",
                "notes",
                "goals",
            )
        }

    # -- cells -------------------------------------------------------------------------------
    def _slots(self) -> dict[int, int]:
        if self._slot_of is None:
            self._slot_of = dict(self._q("SELECT id, slot FROM products"))
        return self._slot_of

    def get_cell(self, customer_id: int, product_id: int) -> CellRecord | None:
        rows = self._q(
            f"SELECT {_MARK_COLS} FROM marks WHERE customer_id = ? AND product_id = ?",
            (customer_id, product_id),
        )
        return _cell_from_row(rows[0]) if rows else None

    def get_cells(self, keys: Iterable[CellKey]) -> dict[CellKey, CellRecord]:
        out: dict[CellKey, CellRecord] = {}
        for cid, pid in keys:
            rec = self.get_cell(cid, pid)
            if rec is not None:
                out[(cid, pid)] = rec
        return out

    def iter_cells(self) -> Iterator[tuple[int, int, CellRecord]]:
        """Every marked cell with its details, (customer_id, product_id, record); one query.

        The bulk read path for exports (the long-format data sheet at size M is ~600k rows).
        """
        for r in self.conn.execute(
            f"SELECT customer_id, product_id, {_MARK_COLS} FROM marks "
            "ORDER BY customer_id, product_id"
        ):
            yield r[0], r[1], _cell_from_row(r[2:])

    def cells_of_customer(self, customer_id: int) -> dict[int, CellRecord]:
        return {
            r[0]: _cell_from_row(r[1:])
            for r in self._q(
                f"SELECT product_id, {_MARK_COLS} FROM marks WHERE customer_id = ?",
                (customer_id,),
            )
        }

    def cells_of_product(self, product_id: int) -> dict[int, CellRecord]:
        return {
            r[0]: _cell_from_row(r[1:])
            for r in self._q(
                f"SELECT customer_id, {_MARK_COLS} FROM marks WHERE product_id = ?",
                (product_id,),
            )
        }

    def write_cells(
        self,
        changes: Sequence[CellChange],
        *,
        source: str = "user",
        at: datetime | None = None,
        record_history: bool = True,
        previous: Sequence[CellRecord | None] | None = None,
    ) -> list[CellChange]:
        """Write exact cell states in one transaction; return the previous states.

        The returned list (same order) restores the old state when passed back here, which
        is what undo does.

        Args:
            previous: the current state of each changed cell, when the caller knows it
                (bulk imports check it in the same transaction). Every cell may then occur
                only once; the writes go out in batches instead of one query per cell.
        """
        at = at or utc_now()
        stamp = epoch_to_db(at)
        source_code = source_to_db(source)
        slots = self._slots()
        old: list[CellChange] = []
        if previous is not None and len(previous) != len(changes):
            raise ValueError("previous must give one state per change")
        with self._bulk_cache(len(changes) > 5_000), self.transaction() as conn:
            by_customer: dict[int, list[tuple[int, int]]] = defaultdict(list)
            history: list[tuple] = []
            inserts: list[tuple] = []
            deletes: list[tuple[int, int]] = []
            for i, (cid, pid, rec) in enumerate(changes):
                prev = previous[i] if previous is not None else self.get_cell(cid, pid)
                old.append((cid, pid, prev))
                if rec is None:
                    deletes.append((cid, pid))
                else:
                    inserts.append((cid, pid, *_cell_values(rec)))
                if previous is None:  # keep per-cell order when a cell may repeat
                    self._flush_cells(conn, inserts, deletes)
                old_mark = prev.mark if prev else None
                new_mark = rec.mark if rec else None
                if record_history and old_mark != new_mark:
                    history.append(
                        (
                            cid,
                            pid,
                            None if old_mark is None else int(old_mark),
                            None if new_mark is None else int(new_mark),
                            stamp,
                            source_code,
                        )
                    )
                by_customer[cid].append((slots[pid], WHITE if rec is None else int(rec.mark)))
            self._flush_cells(conn, inserts, deletes)
            if history:
                conn.executemany(
                    "INSERT INTO mark_history "
                    "(customer_id, product_id, old_mark, new_mark, changed_at, source) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    history,
                )
            n_slots = len(slots)
            stored: dict[int, bytes] | None = None
            if len(by_customer) > 200:  # one query instead of one per customer
                stored = dict(conn.execute("SELECT customer_id, codes FROM status_rows"))
            rows_out: list[tuple[int, bytes]] = []
            for cid, updates in by_customer.items():
                if stored is not None:
                    blob = stored.get(cid)
                else:
                    row = conn.execute(
                        "SELECT codes FROM status_rows WHERE customer_id = ?", (cid,)
                    ).fetchone()
                    blob = row[0] if row else None
                codes = bytearray(blob or b"")
                if len(codes) < n_slots:
                    codes.extend(bytes(n_slots - len(codes)))
                for slot, code in updates:
                    codes[slot] = code
                rows_out.append((cid, bytes(codes)))
            conn.executemany(
                "INSERT OR REPLACE INTO status_rows (customer_id, codes) VALUES (?, ?)", rows_out
            )
        return old

    @contextmanager
    def _bulk_cache(self, active: bool, kib: int = 65_536) -> Iterator[None]:
        """A bigger page cache for one large write (the default 2 MB thrashes on the marks
        B-tree at size M: a 36,000-cell import took ~2x as long)."""
        if not active:
            yield
            return
        before = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = -{int(kib)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(before)}")

    @staticmethod
    def _flush_cells(
        conn: sqlite3.Connection, inserts: list[tuple], deletes: list[tuple[int, int]]
    ) -> None:
        if deletes:
            conn.executemany("DELETE FROM marks WHERE customer_id = ? AND product_id = ?", deletes)
            deletes.clear()
        if inserts:
            conn.executemany(
                f"INSERT OR REPLACE INTO marks (customer_id, product_id, {_MARK_COLS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                inserts,
            )
            inserts.clear()

    def set_marks(
        self,
        edits: Sequence[tuple[int, int, Mark | None]],
        *,
        source: str = "user",
        at: datetime | None = None,
    ) -> list[CellChange]:
        """Set marks (None = back to white spot), keeping each cell's other details.

        A changed or confirmed mark is stamped verified/updated now. Returns the previous
        states for undo (see ``write_cells``).
        """
        at = at or utc_now()
        changes: list[CellChange] = []
        for cid, pid, mark in edits:
            if mark is None:
                changes.append((cid, pid, None))
                continue
            prev = self.get_cell(cid, pid)
            if prev is None:
                rec = CellRecord(mark=mark, verified_at=at, updated_at=at, source=source)
            else:
                rec = replace(prev, mark=mark, verified_at=at, updated_at=at, source=source)
            changes.append((cid, pid, rec))
        return self.write_cells(changes, source=source, at=at)

    def history(
        self,
        *,
        customer_id: int | None = None,
        product_id: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int | None = None,
    ) -> list[HistoryEntry]:
        """History rows, newest first, optionally restricted."""
        where, params = [], []
        if customer_id is not None:
            where.append("customer_id = ?")
            params.append(customer_id)
        if product_id is not None:
            where.append("product_id = ?")
            params.append(product_id)
        if since is not None:
            where.append("changed_at >= ?")
            params.append(epoch_to_db(since))
        if until is not None:
            where.append("changed_at <= ?")
            params.append(epoch_to_db(until))
        sql = (
            "SELECT id, customer_id, product_id, old_mark, new_mark, changed_at, source "
            "FROM mark_history"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY changed_at DESC, id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [
            HistoryEntry(
                id=r[0],
                customer_id=r[1],
                product_id=r[2],
                old_mark=None if r[3] is None else Mark(r[3]),
                new_mark=None if r[4] is None else Mark(r[4]),
                changed_at=epoch_from_db(r[5]),  # type: ignore[arg-type]
                source=source_from_db(r[6]),
            )
            for r in self._q(sql, params)
        ]

    # -- staleness (see domain/staleness.py) -------------------------------------------------
    def stale_cells(self, before: datetime) -> list[CellKey]:
        """Marked cells last verified before ``before`` or never (one query)."""
        return [
            (r[0], r[1])
            for r in self._q(
                "SELECT customer_id, product_id FROM marks "
                "WHERE verified_at IS NULL OR verified_at < ?",
                (epoch_to_db(before),),
            )
        ]

    def due_rechecks(self, today: date) -> list[CellKey]:
        """ "No need" cells whose re-check date is today or earlier (one query)."""
        return [
            (r[0], r[1])
            for r in self._q(
                "SELECT customer_id, product_id FROM marks "
                "WHERE mark = ? AND recheck_at IS NOT NULL AND recheck_at <= ?",
                (int(Mark.NO_NEED), date_to_db(today)),
            )
        ]

    def stale_months(self) -> int:
        """The file's staleness threshold in months (setting ``stale_months``, default 12)."""
        return parse_stale_months(self.get_setting(STALE_SETTING_KEY))

    def cell_ages(self, today: date) -> CellAges:
        """Stale cells and due re-checks as of ``today`` (a due re-check is not also stale).

        Stale cells arrive grouped per customer (``group_concat`` over the primary key
        order) and go straight into per-customer bitmaps over the product slots, so even a
        file where every one of 8 million answers is old needs 20 MB, not gigabytes.
        """
        months = self.stale_months()
        due = self.due_rechecks(today)
        slots = dict(self._slots())
        ages = CellAges(today=today, months=months, col_of=slots, recheck_due=due)
        cutoff = stale_before(today, months)
        if cutoff is None:
            return ages
        n = len(slots)
        rows = ages.stale_rows
        for cid, pids in self.conn.execute(
            "SELECT customer_id, group_concat(product_id) FROM marks "
            "WHERE verified_at IS NULL OR verified_at < ? GROUP BY customer_id",
            (epoch_to_db(cutoff),),
        ):
            bits = rows[cid] = bytearray(n)
            for pid in pids.split(","):
                slot = slots.get(int(pid))
                if slot is not None:
                    bits[slot] = 1
        for cid, pid in due:  # a due re-check counts as a white spot, not as stale
            bits = rows.get(cid)
            slot = slots.get(pid)
            if bits is not None and slot is not None:
                bits[slot] = 0
        return ages

    # -- customers ---------------------------------------------------------------------------
    def add_customer(self, customer: Customer) -> Customer:
        return self.add_customers([customer])[0]

    def add_customers(self, customers: Sequence[Customer]) -> list[Customer]:
        """Insert customers (ids assigned unless given) in one transaction."""
        stamp = ts_to_db(utc_now())
        out = []
        with self.transaction() as conn:
            for c in customers:
                cur = conn.execute(
                    "INSERT INTO customers (id, uuid, name, number, segment, region, owner, city, "
                    "postcode, abc_class, annual_revenue, tags, active, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (c.id, *_customer_values(c), stamp, stamp),
                )
                out.append(replace(c, id=cur.lastrowid))
        return out

    def update_customer(self, customer: Customer) -> Customer:
        """Store changed attributes; returns the previous version (for undo)."""
        assert customer.id is not None
        prev = self.get_customer(customer.id)
        if prev is None:
            raise KeyError(customer.id)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE customers SET uuid = ?, name = ?, number = ?, segment = ?, region = ?, "
                "owner = ?, city = ?, postcode = ?, abc_class = ?, annual_revenue = ?, tags = ?, "
                "active = ?, updated_at = ? WHERE id = ?",
                (*_customer_values(customer), ts_to_db(utc_now()), customer.id),
            )
        return prev

    def delete_customer(self, customer_id: int) -> CustomerSnapshot:
        """Delete a customer with its marks, notes and goals; returns what undo needs."""
        customer = self.get_customer(customer_id)
        if customer is None:
            raise KeyError(customer_id)
        row = self._q("SELECT codes FROM status_rows WHERE customer_id = ?", (customer_id,))
        snapshot = CustomerSnapshot(
            customer=customer,
            codes=bytes(row[0][0]) if row else b"",
            cells=self.cells_of_customer(customer_id),
            notes=self.notes_for(customer_id),
            goals=self.goals_for(customer_id),
        )
        with self.transaction() as conn:
            conn.execute("DELETE FROM customers WHERE id = ?", (customer_id,))
        return snapshot

    def restore_customer(self, snap: CustomerSnapshot) -> None:
        """Put back a deleted customer exactly (same id, marks, notes, goals)."""
        with self.transaction() as conn:
            self.add_customers([snap.customer])
            conn.executemany(
                f"INSERT INTO marks (customer_id, product_id, {_MARK_COLS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(snap.customer.id, pid, *_cell_values(rec)) for pid, rec in snap.cells.items()],
            )
            conn.execute(
                "INSERT INTO status_rows (customer_id, codes) VALUES (?, ?)",
                (snap.customer.id, snap.codes),
            )
            for note in snap.notes:
                self._insert_note(conn, note)
            for goal in snap.goals:
                self._insert_goal(conn, goal)

    # -- product groups ----------------------------------------------------------------------
    def add_group(self, group: ProductGroup) -> ProductGroup:
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO product_groups (id, name, sort_order) VALUES (?, ?, ?)",
                (group.id, group.name, group.sort_order),
            )
        return replace(group, id=cur.lastrowid)

    def update_group(self, group: ProductGroup) -> ProductGroup:
        prev = [g for g in self.load_groups() if g.id == group.id]
        if not prev:
            raise KeyError(group.id)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE product_groups SET name = ?, sort_order = ? WHERE id = ?",
                (group.name, group.sort_order, group.id),
            )
        return prev[0]

    def delete_group(self, group_id: int) -> tuple[ProductGroup, list[int]]:
        """Delete a group; its products become ungrouped. Returns (group, product ids)."""
        prev = [g for g in self.load_groups() if g.id == group_id]
        if not prev:
            raise KeyError(group_id)
        members = [r[0] for r in self._q("SELECT id FROM products WHERE group_id = ?", (group_id,))]
        with self.transaction() as conn:
            conn.execute("DELETE FROM product_groups WHERE id = ?", (group_id,))
        return prev[0], members

    def restore_group(self, group: ProductGroup, product_ids: Sequence[int]) -> None:
        with self.transaction() as conn:
            self.add_group(group)
            conn.executemany(
                "UPDATE products SET group_id = ? WHERE id = ?",
                [(group.id, pid) for pid in product_ids],
            )

    # -- products ----------------------------------------------------------------------------
    def add_product(self, product: Product) -> Product:
        return self.add_products([product])[0]

    def add_products(self, products: Sequence[Product]) -> list[Product]:
        """Append products as new slots (existing status rows need no rewrite)."""
        stamp = ts_to_db(utc_now())
        out = []
        with self.transaction() as conn:
            next_slot = conn.execute("SELECT coalesce(max(slot) + 1, 0) FROM products").fetchone()[
                0
            ]
            for p in products:
                cur = conn.execute(
                    "INSERT INTO products (id, uuid, name, number, group_id, kind, sort_order, "
                    "active, slot, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        p.id,
                        p.uuid,
                        p.name,
                        p.number,
                        p.group_id,
                        str(p.kind),
                        p.sort_order,
                        int(p.active),
                        next_slot,
                        stamp,
                        stamp,
                    ),
                )
                next_slot += 1
                out.append(replace(p, id=cur.lastrowid))
        self._slot_of = None
        return out

    def update_product(self, product: Product) -> Product:
        assert product.id is not None
        prev = self.get_product(product.id)
        if prev is None:
            raise KeyError(product.id)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE products SET uuid = ?, name = ?, number = ?, group_id = ?, kind = ?, "
                "sort_order = ?, active = ?, updated_at = ? WHERE id = ?",
                (
                    product.uuid,
                    product.name,
                    product.number,
                    product.group_id,
                    str(product.kind),
                    product.sort_order,
                    int(product.active),
                    ts_to_db(utc_now()),
                    product.id,
                ),
            )
        return prev

    def _rewrite_status_rows(self, conn: sqlite3.Connection, fn) -> None:
        rows = conn.execute("SELECT customer_id, codes FROM status_rows").fetchall()
        conn.executemany(
            "UPDATE status_rows SET codes = ? WHERE customer_id = ?",
            [(fn(bytes(codes)), cid) for cid, codes in rows],
        )

    def delete_product(self, product_id: int) -> ProductSnapshot:
        """Delete a product and its marks; later slots move down by one."""
        product = self.get_product(product_id)
        if product is None:
            raise KeyError(product_id)
        slot = self._slots()[product_id]
        snap = ProductSnapshot(
            product=product,
            slot=slot,
            cells=self.cells_of_product(product_id),
            goal_links=[
                r[0]
                for r in self._q(
                    "SELECT goal_id FROM goal_products WHERE product_id = ?", (product_id,)
                )
            ],
        )
        with self.transaction() as conn:
            conn.execute("DELETE FROM products WHERE id = ?", (product_id,))
            # Two steps because UNIQUE(slot) is checked row by row.
            conn.execute("UPDATE products SET slot = -slot WHERE slot > ?", (slot,))
            conn.execute("UPDATE products SET slot = -slot - 1 WHERE slot < 0")
            self._rewrite_status_rows(conn, lambda b: b[:slot] + b[slot + 1 :])
        self._slot_of = None
        return snap

    def restore_product(self, snap: ProductSnapshot) -> None:
        """Put a deleted product back at its old slot, with its marks and goal links."""
        slot = snap.slot
        p = snap.product
        stamp = ts_to_db(utc_now())

        def insert_byte(b: bytes) -> bytes:
            if len(b) < slot:
                return b
            return b[:slot] + b"\x00" + b[slot:]

        with self.transaction() as conn:
            conn.execute("UPDATE products SET slot = -slot - 1 WHERE slot >= ?", (slot,))
            conn.execute("UPDATE products SET slot = -slot WHERE slot < 0")
            conn.execute(
                "INSERT INTO products (id, uuid, name, number, group_id, kind, sort_order, "
                "active, slot, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    p.id,
                    p.uuid,
                    p.name,
                    p.number,
                    p.group_id,
                    str(p.kind),
                    p.sort_order,
                    int(p.active),
                    slot,
                    stamp,
                    stamp,
                ),
            )
            self._rewrite_status_rows(conn, insert_byte)
            self._slot_of = None
            self.write_cells(
                [(cid, p.id, rec) for cid, rec in snap.cells.items()],  # type: ignore[misc]
                record_history=False,
            )
            conn.executemany(
                "INSERT INTO goal_products (goal_id, product_id) VALUES (?, ?)",
                [(gid, p.id) for gid in snap.goal_links],
            )
        self._slot_of = None

    # -- competitors -------------------------------------------------------------------------
    def add_competitor(self, name: str) -> Competitor:
        with self.transaction() as conn:
            cur = conn.execute("INSERT INTO competitors (name) VALUES (?)", (name.strip(),))
        return Competitor(id=cur.lastrowid, name=name.strip())

    def competitor_by_name(self, name: str) -> Competitor | None:
        rows = self._q("SELECT id, name FROM competitors WHERE name = ?", (name.strip(),))
        return Competitor(id=rows[0][0], name=rows[0][1]) if rows else None

    def rename_competitor(self, competitor_id: int, name: str) -> str:
        prev = self._q("SELECT name FROM competitors WHERE id = ?", (competitor_id,))
        if not prev:
            raise KeyError(competitor_id)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE competitors SET name = ? WHERE id = ?", (name.strip(), competitor_id)
            )
        return prev[0][0]

    def delete_competitor(self, competitor_id: int) -> tuple[Competitor, list[CellKey]]:
        """Delete a competitor; cells naming it keep their mark. Returns what undo needs."""
        prev = self._q("SELECT id, name FROM competitors WHERE id = ?", (competitor_id,))
        if not prev:
            raise KeyError(competitor_id)
        cells = [
            (r[0], r[1])
            for r in self._q(
                "SELECT customer_id, product_id FROM marks WHERE competitor_id = ?",
                (competitor_id,),
            )
        ]
        with self.transaction() as conn:
            conn.execute("DELETE FROM competitors WHERE id = ?", (competitor_id,))
        return Competitor(id=prev[0][0], name=prev[0][1]), cells

    def restore_competitor(self, competitor: Competitor, cells: Sequence[CellKey]) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO competitors (id, name) VALUES (?, ?)", (competitor.id, competitor.name)
            )
            conn.executemany(
                "UPDATE marks SET competitor_id = ? WHERE customer_id = ? AND product_id = ?",
                [(competitor.id, cid, pid) for cid, pid in cells],
            )

    # -- notes -------------------------------------------------------------------------------
    def _insert_note(self, conn: sqlite3.Connection, note: Note) -> int:
        stamp = ts_to_db(utc_now())
        cur = conn.execute(
            "INSERT INTO notes (id, customer_id, note_date, text, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (note.id, note.customer_id, date_to_db(note.note_date), note.text, stamp, stamp),
        )
        return cur.lastrowid  # type: ignore[return-value]

    def notes_for(self, customer_id: int) -> list[Note]:
        """A customer's notes, newest first."""
        return [
            Note(id=r[0], customer_id=r[1], note_date=date_from_db(r[2]), text=r[3])  # type: ignore[arg-type]
            for r in self._q(
                "SELECT id, customer_id, note_date, text FROM notes WHERE customer_id = ? "
                "ORDER BY note_date DESC, id DESC",
                (customer_id,),
            )
        ]

    def add_note(self, note: Note) -> Note:
        with self.transaction() as conn:
            new_id = self._insert_note(conn, note)
        return replace(note, id=new_id)

    def update_note(self, note: Note) -> Note:
        prev = [n for n in self.notes_for(note.customer_id) if n.id == note.id]
        if not prev:
            raise KeyError(note.id)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE notes SET note_date = ?, text = ?, updated_at = ? WHERE id = ?",
                (date_to_db(note.note_date), note.text, ts_to_db(utc_now()), note.id),
            )
        return prev[0]

    def delete_note(self, note_id: int) -> Note:
        rows = self._q(
            "SELECT id, customer_id, note_date, text FROM notes WHERE id = ?", (note_id,)
        )
        if not rows:
            raise KeyError(note_id)
        r = rows[0]
        with self.transaction() as conn:
            conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
        return Note(id=r[0], customer_id=r[1], note_date=date_from_db(r[2]), text=r[3])  # type: ignore[arg-type]

    def restore_note(self, note: Note) -> None:
        with self.transaction() as conn:
            self._insert_note(conn, note)

    # -- goals -------------------------------------------------------------------------------
    def _insert_goal(self, conn: sqlite3.Connection, goal: Goal) -> int:
        stamp = ts_to_db(utc_now())
        cur = conn.execute(
            "INSERT INTO goals (id, customer_id, title, detail, due_date, status, sort_order, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                goal.id,
                goal.customer_id,
                goal.title,
                goal.detail,
                date_to_db(goal.due_date),
                str(goal.status),
                goal.sort_order,
                stamp,
                stamp,
            ),
        )
        goal_id = cur.lastrowid
        conn.executemany(
            "INSERT INTO goal_products (goal_id, product_id) VALUES (?, ?)",
            [(goal_id, pid) for pid in goal.product_ids],
        )
        return goal_id  # type: ignore[return-value]

    def goals_for(self, customer_id: int) -> list[Goal]:
        links: dict[int, list[int]] = defaultdict(list)
        for gid, pid in self._q(
            "SELECT gp.goal_id, gp.product_id FROM goal_products gp JOIN goals g ON g.id = gp.goal_id "
            "WHERE g.customer_id = ? ORDER BY gp.product_id",
            (customer_id,),
        ):
            links[gid].append(pid)
        return [
            Goal(
                id=r[0],
                customer_id=r[1],
                title=r[2],
                detail=r[3],
                due_date=date_from_db(r[4]),
                status=GoalStatus(r[5]),
                sort_order=r[6],
                product_ids=tuple(links.get(r[0], ())),
            )
            for r in self._q(
                "SELECT id, customer_id, title, detail, due_date, status, sort_order FROM goals "
                "WHERE customer_id = ? ORDER BY sort_order, id",
                (customer_id,),
            )
        ]

    def add_goal(self, goal: Goal) -> Goal:
        with self.transaction() as conn:
            new_id = self._insert_goal(conn, goal)
        return replace(goal, id=new_id)

    def update_goal(self, goal: Goal) -> Goal:
        prev = [g for g in self.goals_for(goal.customer_id) if g.id == goal.id]
        if not prev:
            raise KeyError(goal.id)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE goals SET title = ?, detail = ?, due_date = ?, status = ?, sort_order = ?, "
                "updated_at = ? WHERE id = ?",
                (
                    goal.title,
                    goal.detail,
                    date_to_db(goal.due_date),
                    str(goal.status),
                    goal.sort_order,
                    ts_to_db(utc_now()),
                    goal.id,
                ),
            )
            conn.execute("DELETE FROM goal_products WHERE goal_id = ?", (goal.id,))
            conn.executemany(
                "INSERT INTO goal_products (goal_id, product_id) VALUES (?, ?)",
                [(goal.id, pid) for pid in goal.product_ids],
            )
        return prev[0]

    def delete_goal(self, goal_id: int) -> Goal:
        rows = self._q("SELECT customer_id FROM goals WHERE id = ?", (goal_id,))
        if not rows:
            raise KeyError(goal_id)
        prev = next(g for g in self.goals_for(rows[0][0]) if g.id == goal_id)
        with self.transaction() as conn:
            conn.execute("DELETE FROM goals WHERE id = ?", (goal_id,))
        return prev

    def restore_goal(self, goal: Goal) -> None:
        with self.transaction() as conn:
            self._insert_goal(conn, goal)

    # -- bulk paths (generate, import) ---------------------------------------------------------
    def bulk_set_marks(
        self,
        cells: Iterable[tuple[int, int, int]],
        *,
        source: str = "generate",
        at: datetime | None = None,
        record_history: bool = False,
    ) -> int:
        """Insert many fresh marks (customer_id, product_id, code) into cells that are white.

        Uses executemany in big batches (sqlite-utils' insert_all is ~10x slower at 8M rows)
        and rebuilds the touched status rows once. Returns the number of cells written.
        """
        stamp = epoch_to_db(at or utc_now())
        source_code = source_to_db(source)
        slots = self._slots()
        n_slots = len(slots)
        rows: dict[int, bytearray] = {}
        batch: list[tuple] = []
        written = 0
        with self.transaction() as conn:
            for cid, rows_codes in self._q("SELECT customer_id, codes FROM status_rows"):
                rows[cid] = bytearray(rows_codes)

            def flush() -> None:
                conn.executemany(
                    "INSERT INTO marks (customer_id, product_id, mark, verified_at, source) "
                    "VALUES (?, ?, ?, ?, ?)",
                    batch,
                )
                if record_history:
                    conn.executemany(
                        "INSERT INTO mark_history (customer_id, product_id, old_mark, new_mark, "
                        "changed_at, source) VALUES (?, ?, NULL, ?, ?, ?)",
                        [(b[0], b[1], b[2], stamp, source_code) for b in batch],
                    )
                batch.clear()

            for cid, pid, mark_code in cells:
                codes = rows.get(cid)
                if codes is None:
                    codes = rows[cid] = bytearray(n_slots)
                elif len(codes) < n_slots:
                    codes.extend(bytes(n_slots - len(codes)))
                codes[slots[pid]] = mark_code
                batch.append((cid, pid, mark_code, stamp, source_code))
                written += 1
                if len(batch) >= 50_000:
                    flush()
            if batch:
                flush()
            conn.executemany(
                "INSERT OR REPLACE INTO status_rows (customer_id, codes) VALUES (?, ?)",
                ((cid, bytes(codes)) for cid, codes in rows.items()),
            )
        return written

    # -- verification --------------------------------------------------------------------------
    def verify(self) -> list[str]:
        """Integrity problems (empty = all good): SQLite, foreign keys, derived status grid."""
        problems = quick_check(self.conn)
        if problems:
            return [f"SQLite integrity: {p}" for p in problems[:10]]
        fk = self._q("PRAGMA foreign_key_check")
        if fk:
            problems.append(f"{len(fk)} rows violate foreign keys (first in table {fk[0][0]})")
        problems.extend(self.status_grid_problems())
        return problems

    def status_grid_problems(self, limit: int = 10) -> list[str]:
        """Compare the derived status rows with the marks table."""
        slots = self._slots()
        n = len(slots)
        expected: dict[int, bytearray] = {
            r[0]: bytearray(n) for r in self._q("SELECT id FROM customers")
        }
        for cid, pid, mark in self.conn.execute("SELECT customer_id, product_id, mark FROM marks"):
            expected[cid][slots[pid]] = mark
        problems: list[str] = []
        stored = {
            cid: bytes(codes[:n]).ljust(n, b"\x00")
            for cid, codes in self._q("SELECT customer_id, codes FROM status_rows")
        }
        for cid, codes in expected.items():
            got = stored.get(cid, bytes(n))
            if got != codes:
                cols = [i for i in range(n) if got[i] != codes[i]]
                problems.append(
                    f"status grid differs from marks for customer {cid} in {len(cols)} cells"
                )
                if len(problems) >= limit:
                    break
        if len(set(slots.values())) != n or (n and max(slots.values()) != n - 1):
            problems.append("product slots are not dense")
        return problems

    def rebuild_status_grid(self) -> None:
        """Recompute the derived status rows from the marks table."""
        slots = self._slots()
        n = len(slots)
        rows: dict[int, bytearray] = {
            r[0]: bytearray(n) for r in self._q("SELECT id FROM customers")
        }
        for cid, pid, mark in self.conn.execute("SELECT customer_id, product_id, mark FROM marks"):
            rows[cid][slots[pid]] = mark
        with self.transaction() as conn:
            conn.execute("DELETE FROM status_rows")
            conn.executemany(
                "INSERT INTO status_rows (customer_id, codes) VALUES (?, ?)",
                ((cid, bytes(c)) for cid, c in rows.items()),
            )


def mark_name(code: int) -> str:
    mark = mark_from_code(code)
    return "white" if mark is None else mark.name.lower()


def today() -> date:
    return date.today()
