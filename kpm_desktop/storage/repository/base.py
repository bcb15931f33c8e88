"""Opening, closing, transactions, settings and loading of one matrix file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from kpm_desktop.domain.entities import Competitor, Customer, Product, ProductGroup, stored_id
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.storage.database import (
    FileCheck,
    atomic,
    connect_database,
    create_connection,
    mark_session_closed,
    maybe_checkpoint,
)
from kpm_desktop.storage.errors import DiskFullError, ReadOnlyError
from kpm_desktop.storage.locations import read_only_reason
from kpm_desktop.storage.lock import WriterLock
from kpm_desktop.storage.migrations import Progress
from kpm_desktop.storage.repository.rows import (
    _CUSTOMER_COLS,
    _PRODUCT_COLS,
    _customer_from_row,
    _product_from_row,
)

if TYPE_CHECKING:
    import sqlite_utils


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
    ) -> Self:
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
                connect_database(path, read_only=read_only, checked=checked, progress=progress),
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
    def create(cls, path: Path | str) -> Self:
        path = Path(path)
        if path.exists():
            raise FileExistsError(f"{path.name} exists already")
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = WriterLock.acquire(path)
        try:
            repo = cls(create_connection(path), path)
        except BaseException:
            lock.release()
            raise
        repo._lock = lock
        return repo

    def close(self) -> None:
        conn = self._conn
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
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write (nested calls become savepoints)."""
        if self.read_only:
            raise ReadOnlyError(f"{self.path.name} is open read-only")
        try:
            with atomic(self._conn):
                yield self._conn
        except sqlite3.OperationalError as exc:
            # SQLITE_FULL: a full disk (or max_page_count). atomic() has rolled back already;
            # say so in the user's terms.
            outermost = not self._conn.in_transaction
            if outermost and getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_FULL:
                raise DiskFullError(
                    f"the disk holding {self.path.name} is full: the change was not saved "
                    "(nothing else was changed); free some space and try again"
                ) from exc
            raise
        if not self._conn.in_transaction:
            maybe_checkpoint(self._conn, self.path)

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
