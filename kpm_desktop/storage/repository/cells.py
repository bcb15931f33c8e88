"""Cell reads and writes, history, staleness and the status-grid checks."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from kpm_desktop.domain.entities import CellRecord, HistoryEntry
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.packed_cells import PackedChanges
from kpm_desktop.domain.staleness import SETTING_KEY as STALE_SETTING_KEY
from kpm_desktop.domain.staleness import CellAges, parse_stale_months, stale_before
from kpm_desktop.storage.convert import (
    date_to_db,
    epoch_from_db,
    epoch_to_db,
    not_null,
    source_from_db,
    source_to_db,
    utc_now,
)
from kpm_desktop.storage.file_format import quick_check
from kpm_desktop.storage.repository.base import RepositoryBase
from kpm_desktop.storage.repository.rows import (
    _MARK_COLS,
    _MARK_COLS_M,
    CellChange,
    CellKey,
    _cell_from_row,
    _cell_values,
)

_NOTE_AT = [c.strip() for c in _MARK_COLS.split(",")].index("note")  # in a _raw_cells row


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

    def noted_cells(self, keys: Iterable[CellKey] | None = None) -> list[CellKey]:
        """(customer_id, product_id) of the cells that carry a note: all of them (read from
        the partial index ``marks_noted``, so the cost follows the number of noted cells), or
        those among ``keys``."""
        if keys is None:
            return [
                (r[0], r[1])
                for r in self.conn.execute(
                    "SELECT customer_id, product_id FROM marks WHERE note != ''"
                )
            ]
        return [key for key, r in self._raw_cells(list(keys)).items() if r[_NOTE_AT]]

    def get_cells(self, keys: Iterable[CellKey]) -> dict[CellKey, CellRecord]:
        """The marked cells among ``keys`` (white spots are absent), a few queries in all."""
        return {key: _cell_from_row(r) for key, r in self._raw_cells(list(keys)).items()}

    def iter_cells(self) -> Iterator[tuple[int, int, CellRecord]]:
        """Every marked cell with its details, (customer_id, product_id, record); one query.

        The bulk read path for exports (the long-format data sheet at size M is ~600k rows).
        """
        for r in self.conn.execute(
            f"SELECT customer_id, product_id, {_MARK_COLS} FROM marks "
            "ORDER BY customer_id, product_id"
        ):
            yield r[0], r[1], _cell_from_row(r[2:])

    def stored_cells_of_customer(self, customer_id: int) -> dict[int, tuple[Any, ...]]:
        """Product id -> the stored columns (``rows.CELL_COLUMNS``) of each marked cell of a
        customer, without entity objects: the export's data sheet reads 600k cells at M
        this way, one customer at a time (inside ``reading()`` for one consistent state)."""
        return {
            r[0]: r[1:]
            for r in self.conn.execute(
                f"SELECT product_id, {_MARK_COLS} FROM marks WHERE customer_id = ?",
                (customer_id,),
            )
        }

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
        if previous is None and len(changes) > 1:
            keys = [(cid, pid) for cid, pid, _rec in changes]
            if len(set(keys)) == len(keys):  # each cell once: read them all in a few queries
                with self.transaction():
                    current = self.get_cells(keys)
                    return self.write_cells(
                        changes,
                        source=source,
                        at=at,
                        record_history=record_history,
                        previous=[current.get(key) for key in keys],
                    )
        with self._bulk_cache(len(changes) > 5_000), self.transaction() as conn:
            by_customer: dict[int, list[tuple[int, int]]] = defaultdict(list)
            history: list[tuple[Any, ...]] = []
            inserts: list[tuple[Any, ...]] = []
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
                            _old_reason(prev),
                        )
                    )
                by_customer[cid].append((slots[pid], WHITE if rec is None else int(rec.mark)))
            self._flush_cells(conn, inserts, deletes)
            self._write_history_and_status(conn, history, by_customer, len(slots))
        return old

    @staticmethod
    def _write_history_and_status(
        conn: sqlite3.Connection,
        history: list[tuple[Any, ...]],
        by_customer: dict[int, list[tuple[int, int]]],
        n_slots: int,
    ) -> None:
        """Append the history rows and apply (slot, code) updates to the status rows."""
        if history:
            conn.executemany(
                "INSERT INTO mark_history "
                "(customer_id, product_id, old_mark, new_mark, changed_at, source, old_reason) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                history,
            )
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
        conn: sqlite3.Connection, inserts: list[tuple[Any, ...]], deletes: list[tuple[int, int]]
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
    ) -> Sequence[CellChange]:
        """Set marks (None = back to white spot), keeping each cell's other details.

        A changed or confirmed mark is stamped verified/updated now. Returns the previous
        states for undo (see ``write_cells``), packed (``domain.packed_cells``).

        Every cell once (a selection, a pasted block): the previous rows are read in a few
        queries and packed without a record per cell, the marks are upserted in one batch
        (3,000 cells at 5,000 x 300: ~3x faster than records per cell, see bench/README.md).
        """
        at = at or utc_now()
        keys = [(cid, pid) for cid, pid, _m in edits]
        if len(set(keys)) != len(keys):  # a cell twice: one by one, in order
            changes: list[CellChange] = []
            for cid, pid, mark in edits:
                prev = self.get_cell(cid, pid)
                changes.append((cid, pid, _marked(prev, mark, at, source)))
            return PackedChanges(self.write_cells(changes, source=source, at=at))
        stamp = epoch_to_db(at)
        source_code = source_to_db(source)
        slots = self._slots()
        history: list[tuple[Any, ...]] = []
        upserts: list[tuple[Any, ...]] = []
        deletes: list[tuple[int, int]] = []
        by_customer: dict[int, list[tuple[int, int]]] = defaultdict(list)
        # the previous states, column-wise (see PackedChanges.from_columns)
        cids: list[int] = []
        pids: list[int] = []
        old_marks: list[int] = []
        verified: list[int | None] = []
        updated: list[int | None] = []
        sources: list[str] = []
        records: dict[int, CellRecord] = {}
        with self.transaction() as conn:
            current = self._raw_cells(keys)
            for i, (cid, pid, mark) in enumerate(edits):
                cids.append(cid)
                pids.append(pid)
                r = current.get((cid, pid))
                if r is None:
                    old_mark = None
                    old_marks.append(0)
                    verified.append(None)
                    updated.append(None)
                    sources.append("")
                else:
                    old_mark = r[0]
                    old_marks.append(old_mark)
                    verified.append(r[8])
                    updated.append(r[8] if r[9] is None else r[9])
                    sources.append(source_from_db(r[10]))
                    if not _plain_row(r):
                        records[i] = _cell_from_row(r)
                        verified[-1] = updated[-1] = None  # kept in the record
                new = None if mark is None else int(mark)
                if new is None:
                    if r is not None:
                        deletes.append((cid, pid))
                else:
                    upserts.append((cid, pid, new, stamp, source_code))
                if old_mark != new:
                    reason = r[5] if r is not None and old_mark == Mark.NO_NEED else None
                    history.append((cid, pid, old_mark, new, stamp, source_code, reason or None))
                by_customer[cid].append((slots[pid], WHITE if new is None else new))
            if deletes:
                conn.executemany(
                    "DELETE FROM marks WHERE customer_id = ? AND product_id = ?", deletes
                )
            if upserts:
                # Only the mark and its stamps change; details (competitor, amounts, note)
                # stay. updated_at NULL: the same as verified_at.
                conn.executemany(
                    "INSERT INTO marks (customer_id, product_id, mark, verified_at, source) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (customer_id, product_id) DO UPDATE "
                    "SET mark = excluded.mark, verified_at = excluded.verified_at, "
                    "updated_at = NULL, source = excluded.source",
                    upserts,
                )
            self._write_history_and_status(conn, history, by_customer, len(slots))
        return PackedChanges.from_columns(
            cids, pids, old_marks, verified, updated, sources, records
        )

    def _raw_cells(self, keys: Sequence[CellKey]) -> dict[CellKey, tuple[Any, ...]]:
        """The stored columns (``_MARK_COLS``) of the marked cells among ``keys``."""
        out: dict[CellKey, tuple[Any, ...]] = {}
        step = 400  # 800 parameters per query (old SQLite builds allow 999)
        for i in range(0, len(keys), step):
            chunk = keys[i : i + step]
            values = ",".join(["(?,?)"] * len(chunk))
            for r in self.conn.execute(
                f"WITH k(c, p) AS (VALUES {values}) "
                f"SELECT m.customer_id, m.product_id, {_MARK_COLS_M} FROM k "
                "JOIN marks m ON m.customer_id = k.c AND m.product_id = k.p",
                [v for key in chunk for v in key],
            ):
                out[(r[0], r[1])] = r[2:]
        return out

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
        where: list[str] = []
        params: list[Any] = []
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
            "SELECT id, customer_id, product_id, old_mark, new_mark, changed_at, source, "
            "old_reason FROM mark_history"
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
                changed_at=not_null(epoch_from_db(r[5]), "mark_history.changed_at"),
                source=source_from_db(r[6]),
                old_reason=r[7] or "",
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
            due_bits = rows.get(cid)
            slot = slots.get(pid)
            if due_bits is not None and slot is not None:
                due_bits[slot] = 0
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
        batch: list[tuple[Any, ...]] = []
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


def _old_reason(prev: CellRecord | None) -> str | None:
    """What the history keeps of a changed mark's no-need reason (None: nothing to keep)."""
    if prev is None or prev.mark is not Mark.NO_NEED:
        return None
    return prev.no_need_reason or None


def _marked(
    prev: CellRecord | None, mark: Mark | None, at: datetime, source: str
) -> CellRecord | None:
    """The state of a cell after setting ``mark`` on it (its other details kept)."""
    if mark is None:
        return None
    if prev is None:
        return CellRecord(mark=mark, verified_at=at, updated_at=at, source=source)
    return replace(prev, mark=mark, verified_at=at, updated_at=at, source=source)


def _plain_row(r: Sequence[Any]) -> bool:
    """A stored cell (``_MARK_COLS``) without details and with integer (or no) stamps."""
    return (
        r[1] is None
        and r[2] is None
        and r[3] is None
        and r[4] is None
        and r[5] == ""
        and r[6] is None
        and r[7] == ""
        and (r[8] is None or type(r[8]) is int)
        and (r[9] is None or type(r[9]) is int)
    )
