"""Opening, closing, transactions, settings and loading of one matrix file."""

from __future__ import annotations

import errno
import logging
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from kpm_desktop.domain.entities import Competitor, Customer, Product, ProductGroup, stored_id
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.storage.database import (
    FileCheck,
    atomic,
    checkpoint,
    connect_database,
    create_connection,
    ensure_checked,
    is_disk_full,
    mark_session_closed,
    maybe_checkpoint,
    wal_path,
)
from kpm_desktop.storage.errors import DiskFullError, ReadOnlyError, StorageError
from kpm_desktop.storage.locations import read_only_message, read_only_reason
from kpm_desktop.storage.lock import WriterLock
from kpm_desktop.storage.messages import Message, msg
from kpm_desktop.storage.migrations import Progress
from kpm_desktop.storage.repository.rows import (
    _CUSTOMER_COLS,
    _PRODUCT_COLS,
    _customer_from_row,
    _product_from_row,
)

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger(__name__)

# A failed checkpoint (full disk) is retried after a commit at most this often.
CHECKPOINT_RETRY_SECONDS = 10.0


class RepositoryBase:
    """The storage API of one open matrix file (main thread only)."""

    def __init__(
        self,
        db: sqlite3.Connection | sqlite_utils.Database,
        path: Path,
        read_only: bool = False,
    ) -> None:
        if isinstance(db, sqlite3.Connection):
            self._conn, self._db = db, None
        else:
            self._conn, self._db = db.conn, db
        self.path = path
        self.read_only = read_only
        # Why a file asked for writing was opened read-only (read-only file/folder/drive).
        self.read_only_reason: str | None = None
        # The same as a translatable message, where there is one (``storage.messages``).
        self.read_only_message: Message | None = None
        self._lock: WriterLock | None = None
        self._slot_of: dict[int, int] | None = None
        # Set while the write-ahead log could not be merged into the file after a commit
        # (full disk): edits are saved, the log must stay; listeners hear of each change.
        self.checkpoint_problem: Message | None = None
        self.checkpoint_listeners: list[Callable[[Message | None], None]] = []
        self._checkpoint_retry_at = 0.0
        # Whether this connection committed a write: only then does closing store SQLite's
        # planner statistics (PRAGMA optimize), so a session that wrote nothing (a cancelled
        # import, only reading) leaves the file byte-identical.
        self._committed = False
        # What the checks on opening covered (``full_check_due``: the full check is still
        # to run, e.g. on a worker after the window shows a file closed cleanly).
        self.checked: FileCheck | None = None
        # Set when the change log was damaged in the middle: recent edits may be missing.
        self.wal_warning: Message | None = None

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
        check: str = "quick",
    ) -> Self:
        """Open a matrix file; for writing, take the single-writer lock first.

        A file that cannot be written (read-only file, folder or drive) opens read-only with
        ``read_only_reason`` set. ``force_lock`` takes over a lock naming another computer
        (only after the user confirmed that it is not open there). ``checked``: see
        ``database.check_file`` (skips repeating the integrity checks of an unchanged file);
        ``check``: its level when the checks run here. A file on a full disk opens
        read-only with the reason. ``progress`` receives the fraction done while an older file format is updated.

        Raises:
            StorageError: with a user-facing message (``FileLockedError`` when another
                running instance has the file open for editing).
        """
        path = Path(path)
        reason = None if read_only else read_only_reason(path)
        if reason:
            read_only = True
        lock = None
        kept_wal = None
        try:
            if not read_only and path.is_file():
                lock = WriterLock.acquire(path, force=force_lock)
            checked = ensure_checked(path, checked, check)
            if checked.wal_lost_commits and not read_only:
                kept_wal = _keep_damaged_wal(path)  # before SQLite reuses the log
            db = connect_database(path, read_only=read_only, checked=checked, progress=progress)
        except (OSError, sqlite3.Error, StorageError) as exc:
            if lock is not None:
                lock.release()
            if read_only or not _disk_full_on_open(exc, path):
                if isinstance(exc, sqlite3.Error):
                    raise StorageError(msg("cannot_open", file=path.name, detail=str(exc))) from exc
                raise
            # Nothing can be written where the file is (not even the lock or the marker of
            # an open session): show it read-only and say why, instead of failing.
            log.warning("%s opened read-only: the disk is full (%s)", path, exc)
            full = msg("opened_read_only_disk_full", file=path.name, free_kb=_free_kb(path))
            repo = cls.open(path, read_only=True, checked=checked, check=check)
            repo.read_only_reason = str(full)
            repo.read_only_message = full
            return repo
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        repo = cls(db, path, read_only)
        repo.read_only_reason = reason
        if reason:
            repo.read_only_message = read_only_message(path)
        repo._lock = lock
        repo.checked = checked
        if checked.wal_lost_commits:
            repo.wal_warning = _wal_warning(path, checked.wal_lost_commits, kept_wal)
            log.warning("%s: %s", path, repo.wal_warning)
        return repo

    @classmethod
    def create(cls, path: Path | str) -> Self:
        path = Path(path)
        if path.exists():
            raise FileExistsError(f"{path.name} exists already")
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = WriterLock.acquire(path)
        try:
            repo = cls(create_connection(path), path)
            lock.lock_database()
        except BaseException:
            lock.release()
            raise
        repo._lock = lock
        return repo

    @property
    def full_check_due(self) -> bool:
        return self.checked is not None and self.checked.level != "full"

    def close(self) -> None:
        conn = self._conn
        try:
            if not self.read_only:
                if self._committed:
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

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        return self._conn

    @property
    def db(self) -> sqlite_utils.Database:
        """The file as sqlite-utils' ``Database`` (the library is imported on first use: it
        costs 0.1-0.4 s and nothing on the start path or the edit path needs it)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self._conn)
        return self._db

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Several reads that see one state of the file (a read transaction): what another
        connection commits meanwhile shows only after the block. Writes nothing."""
        if self._conn.in_transaction:
            yield
            return
        self._conn.execute("BEGIN")
        try:
            yield
        finally:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write (nested calls become savepoints)."""
        if self.read_only:
            raise ReadOnlyError(msg("read_only_write", file=self.path.name))
        try:
            with atomic(self._conn):
                yield self._conn
        except sqlite3.OperationalError as exc:
            # SQLITE_FULL: a full disk (or max_page_count). atomic() has rolled back already;
            # say so in the user's terms.
            outermost = not self._conn.in_transaction
            if outermost and is_disk_full(exc, self.path):
                raise DiskFullError(msg("disk_full_not_saved", file=self.path.name)) from exc
            raise
        if not self._conn.in_transaction:
            self._committed = True
            self._after_commit()

    # -- after COMMIT: housekeeping that must never turn a saved edit into an error --------------
    def _after_commit(self) -> None:
        """Checkpoint a grown log; a failure is recorded, reported separately and retried.

        The edit is committed (it is in the write-ahead log) when this runs, so nothing here
        may raise: a failed checkpoint (full disk) leaves the log intact and SQLite reads
        every committed change through it; ``retry_checkpoint`` merges it later.
        """
        if self.checkpoint_problem is not None and time.monotonic() < self._checkpoint_retry_at:
            return
        try:
            maybe_checkpoint(self._conn, self.path)
        except sqlite3.Error as exc:
            self._checkpoint_failed(exc)
        else:
            self._checkpoint_ok()

    def retry_checkpoint(self) -> bool:
        """Try again to merge the log into the file; True when nothing is pending any more."""
        if self.read_only or self.checkpoint_problem is None:
            return True
        if self._conn.in_transaction:
            return False
        try:
            checkpoint(self._conn)
        except sqlite3.Error as exc:
            self._checkpoint_failed(exc)
            return False
        self._checkpoint_ok()
        return True

    def _checkpoint_failed(self, exc: sqlite3.Error) -> None:
        log.warning("checkpoint of %s failed after a commit (edit is saved): %s", self.path, exc)
        self._checkpoint_retry_at = time.monotonic() + CHECKPOINT_RETRY_SECONDS
        if self.checkpoint_problem is None:
            self.checkpoint_problem = msg(
                "checkpoint_pending", file=self.path.name, wal=wal_path(self.path).name
            )
            self._notify()

    def _checkpoint_ok(self) -> None:
        if self.checkpoint_problem is not None:
            self.checkpoint_problem = None
            log.info("checkpoint of %s succeeded again", self.path)
            self._notify()

    def _notify(self) -> None:
        for listener in list(self.checkpoint_listeners):
            try:
                listener(self.checkpoint_problem)
            except Exception:  # a listener must never undo a saved edit
                log.exception("checkpoint listener failed")

    def _q(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple[Any, ...]]:
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

    # Tables whose rows have a UUID column besides customers and products (migration 5).
    UUID_TABLES = ("product_groups", "competitors", "notes", "goals")

    def entity_uuids(self, table: str) -> dict[int, str]:
        """Row id -> UUID of a product group, competitor, note or goal table."""
        if table not in self.UUID_TABLES:
            raise ValueError(table)
        return dict(self._q(f"SELECT id, uuid FROM {table} WHERE uuid IS NOT NULL"))

    def set_entity_uuids(self, table: str, uuids: dict[int, str]) -> None:
        """Give rows the UUIDs they have elsewhere (an import restoring an export's)."""
        if table not in self.UUID_TABLES:
            raise ValueError(table)
        with self.transaction() as conn:
            conn.executemany(
                f"UPDATE {table} SET uuid = ? WHERE id = ?",
                [(uuid, row_id) for row_id, uuid in uuids.items()],
            )

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

    def competitor_names(self) -> dict[int, str]:
        """Competitor id -> name."""
        return {stored_id(c): c.name for c in self.load_competitors()}

    def load_matrix(self) -> Matrix:
        """Customers, products and the status grid, in storage order."""
        customers = self.load_customers()
        products = self.load_products()
        n = len(products)
        # Filled in place: a list of row blobs joined and copied into a bytearray held the
        # grid three times at the peak (+40 MB at 20,000 x 1,000, issue 20).
        grid = bytearray(len(customers) * n)
        pos = 0
        for codes in self.conn.execute(
            "SELECT s.codes FROM customers c LEFT JOIN status_rows s ON s.customer_id = c.id "
            "ORDER BY c.id"
        ):
            blob = codes[0]
            if blob is not None:
                if len(blob) >= n:
                    grid[pos : pos + n] = blob[:n] if len(blob) > n else blob
                else:  # rows written before a product was added are shorter
                    grid[pos : pos + len(blob)] = blob
            pos += n
        return Matrix(customers, products, self.load_groups(), grid)

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


def _keep_damaged_wal(path: Path) -> Path | None:
    """Copy a damaged change log aside (``NAME-wal.damaged-DATE``) for a rescue attempt."""
    wal = wal_path(path)
    kept = wal.with_name(f"{wal.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
    try:
        shutil.copyfile(wal, kept)
    except OSError as exc:
        log.error("cannot keep the damaged change log of %s: %s", path, exc)
        return None
    return kept


def _wal_warning(path: Path, lost: int, kept: Path | None) -> Message:
    from kpm_desktop.storage.backup import list_backups

    try:
        backups = list_backups(path)
    except OSError:
        backups = []
    newest = backups[0].created.astimezone().strftime("%Y-%m-%d %H:%M") if backups else None
    return msg(
        "wal_damaged",
        file=path.name,
        lost=lost,
        kept=kept.name if kept is not None else "—",
        backup=newest or "—",
    )


def _free_kb(path: Path) -> int:
    try:
        return shutil.disk_usage(path.parent).free // 1024
    except OSError:
        return 0


def _disk_full_on_open(exc: BaseException, path: Path) -> bool:
    """Whether opening for writing failed because nothing can be written on the drive."""
    if isinstance(exc, DiskFullError):
        return True
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 5:  # the error, or what a StorageError wraps
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if isinstance(current, sqlite3.Error) and is_disk_full(current, path):
            return True
        current = current.__cause__ or current.__context__
        seen += 1
    return False
