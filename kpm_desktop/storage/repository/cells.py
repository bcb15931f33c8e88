"""Cell reads and writes, history, staleness and the status-grid checks."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime

from kpm_desktop.domain.entities import CellRecord, HistoryEntry
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.staleness import SETTING_KEY as STALE_SETTING_KEY
from kpm_desktop.domain.staleness import CellAges, parse_stale_months, stale_before
from kpm_desktop.storage.convert import (
    date_to_db,
    epoch_from_db,
    epoch_to_db,
    source_from_db,
    source_to_db,
    utc_now,
)
from kpm_desktop.storage.database import quick_check
from kpm_desktop.storage.repository.base import RepositoryBase
from kpm_desktop.storage.repository.rows import (
    _MARK_COLS,
    CellChange,
    CellKey,
    _cell_from_row,
    _cell_values,
)


class CellsMixin(RepositoryBase):
    """Cells: reads, exact writes with history and status rows, staleness, bulk marks,
    verification."""

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
