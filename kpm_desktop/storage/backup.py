"""Verified backups of matrix files and their retention (restore: ``storage.restore``).

A backup is written with SQLite's online backup API from the open connection (never a raw
copy of a live database, which can tear a WAL database), switched to a self-contained
rollback-journal file, opened again and ``integrity_check``-ed, and only then renamed into
place. Older backups are rotated only after the new one proved good, so a damaged source can
never push the last good backups out.

Backups of one matrix file live in their own folder below ``paths.backup_dir()``; the folder
name combines the file's stem with a short hash of its full path, so two ``Gebiet.kpm`` in
different folders never share backups. File names carry stem, UTC time and reason::

    Gebiet Nord.20261127-072800.123Z.before-import.kpm

Retention follows Anki: everything from the last day, then the newest backup of each of the
last 12 days, 10 weeks and 9 months (``RetentionPolicy``, configurable).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from kpm_desktop import FILE_SUFFIX, paths
from kpm_desktop.procinfo import process_age
from kpm_desktop.storage import merge_base
from kpm_desktop.storage.errors import NewerVersionError, NotAMatrixFileError, StorageError
from kpm_desktop.storage.file_format import (
    APPLICATION_ID,
    SESSION_KEY,
    problem_lines,
    read_header,
    wal_side_files,
)
from kpm_desktop.storage.messages import msg
from kpm_desktop.storage.migrations import SCHEMA_VERSION

# Reasons the app uses; any short slug is accepted.
REASON_AUTO = "auto"
REASON_MANUAL = "manual"
REASON_IMPORT = "before-import"
REASON_MIGRATION = "before-migration"
REASON_RESTORE = "before-restore"
REASON_BULK_DELETE = "before-bulk-delete"

_TS_FORMAT = "%Y%m%d-%H%M%S"
_NAME_RE = re.compile(
    r"^(?P<stem>.+)\.(?P<ts>\d{8}-\d{6})\.(?P<ms>\d{3})Z\.(?P<reason>[a-z0-9][a-z0-9-]*)"
    + re.escape(FILE_SUFFIX)
    + "$"
)
_COUNT_TABLES = ("customers", "products", "marks", "notes", "goals")


class BackupError(StorageError):
    """A backup could not be written or verified, or a restore was refused (user-facing).

    ``damaged``: the copy failed the full integrity check, so the source file is damaged
    (a backup is page for page its source); ``problems`` then says what the check found.
    """

    damaged: bool = False
    problems: list[str] = []  # noqa: RUF012 - replaced per instance, never mutated


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file, described by its name (no SQLite open needed to list)."""

    path: Path
    stem: str
    created: datetime  # aware, UTC
    reason: str
    size: int

    def counts(self) -> dict[str, int]:
        """Rows per main table (customers, products, marks, notes, goals), read-only."""
        conn = connect_read_only(self.path)
        try:
            present = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            return {
                t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in _COUNT_TABLES
                if t in present
            }
        finally:
            conn.close()


# -- naming ---------------------------------------------------------------------------------
def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:40] or "backup"


def backup_folder(matrix_path: Path | str, root: Path | None = None) -> Path:
    """The folder that holds the backups of one matrix file (not created here)."""
    matrix_path = Path(matrix_path)
    resolved = str(matrix_path.expanduser().resolve())
    digest = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:8]
    stem = re.sub(r"[^\w.-]+", "_", matrix_path.stem).strip("._") or "matrix"
    return (root or paths.backup_dir()) / f"{stem[:60]}-{digest}"


def _backup_name(stem: str, created: datetime, reason: str) -> str:
    created = created.astimezone(UTC)
    ms = created.microsecond // 1000
    return f"{stem}.{created.strftime(_TS_FORMAT)}.{ms:03d}Z.{_slug(reason)}{FILE_SUFFIX}"


def parse_backup_name(path: Path) -> BackupInfo | None:
    """Describe a backup file from its name; None if the name is not a backup name."""
    m = _NAME_RE.match(path.name)
    if not m:
        return None
    created = datetime.strptime(m["ts"], _TS_FORMAT).replace(
        tzinfo=UTC, microsecond=int(m["ms"]) * 1000
    )
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return BackupInfo(path=path, stem=m["stem"], created=created, reason=m["reason"], size=size)


def list_backups(matrix_path: Path | str, *, root: Path | None = None) -> list[BackupInfo]:
    """Backups of one matrix file, newest first."""
    folder = backup_folder(matrix_path, root)
    if not folder.is_dir():
        return []
    infos = [info for p in folder.iterdir() if (info := parse_backup_name(p)) is not None]
    infos.sort(key=lambda i: i.created, reverse=True)
    return infos


# -- verification and content ---------------------------------------------------------------
def connect_read_only(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro"
    if not wal_side_files(path):
        uri += "&immutable=1"  # nobody writes it: leave no -wal/-shm beside it
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def check_connection(conn: sqlite3.Connection) -> list[str]:
    """Full integrity check plus foreign keys; an empty list means sound."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        problems = [] if rows == ["ok"] else problem_lines(rows)
        if not problems:
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
            if fk:
                problems.append(f"{len(fk)} rows violate foreign keys (first in table {fk[0][0]})")
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    return problems


def verify_backup(path: Path) -> list[str]:
    """Problems of a backup file (empty = a sound KPM matrix this version can read)."""
    try:
        application_id, user_version = read_header(path)
    except (OSError, StorageError) as exc:
        return [str(exc)]
    if application_id != APPLICATION_ID:
        return [f"{path.name} is not a KPM matrix file"]
    if user_version > SCHEMA_VERSION:
        return [f"{path.name} was written by a newer KPM Desktop (file format {user_version})"]
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        return check_connection(conn)
    finally:
        conn.close()


def content_hash(source: sqlite3.Connection | Path | str) -> str:
    """SHA-256 over the schema version and every row of every table, in a stable order.

    Two files with the same hash hold the same data, whatever their page layout. The
    open-session marker and the file's identity (``storage.merge_base``, new for a copy
    opened elsewhere) are not data and are left out.
    """
    conn = source if isinstance(source, sqlite3.Connection) else connect_read_only(Path(source))
    try:
        h = hashlib.sha256()
        h.update(repr(conn.execute("PRAGMA user_version").fetchone()).encode())
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for table in tables:
            n_cols = len(conn.execute(f'PRAGMA table_info("{table}")').fetchall())
            order = ", ".join(str(i) for i in range(1, n_cols + 1))
            h.update(f"\x00table {table}\x00".encode())
            where = (
                f" WHERE key NOT IN ('{SESSION_KEY}', '{merge_base.IDENTITY_KEY}')"
                if table == "settings"
                else ""
            )
            for row in conn.execute(f'SELECT * FROM "{table}"{where} ORDER BY {order}'):
                h.update(repr(row).encode("utf-8"))
        return h.hexdigest()
    finally:
        if conn is not source:
            conn.close()


# -- retention ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    """How many backups survive rotation (like Anki's defaults).

    Everything younger than ``recent`` is kept; of older backups, the newest of each distinct
    day is kept for ``daily`` days, then (older still) one per ISO week for ``weekly`` weeks,
    then one per month for ``monthly`` months; the stages never interleave. Days, weeks and months are counted in the time zone of the
    ``now`` passed to ``select``.
    """

    recent: timedelta = timedelta(days=1)
    daily: int = 12
    weekly: int = 10
    monthly: int = 9

    def select(self, created: Sequence[datetime], now: datetime) -> set[int]:
        """Indexes (into ``created``) of the backups to keep."""
        tz = now.tzinfo or UTC
        order = sorted(range(len(created)), key=lambda i: created[i], reverse=True)
        keep: set[int] = set()
        daily, weekly, monthly = self.daily, self.weekly, self.monthly
        last_day = last_week = last_month = None
        for i in order:
            local = created[i].astimezone(tz)
            day = local.date()
            week = local.isocalendar()[:2]
            month = (local.year, local.month)
            if now - created[i] < self.recent:
                kept = True
            elif daily > 0 and day != last_day:
                daily -= 1
                kept = True
            elif daily == 0 and weekly > 0 and week != last_week:
                weekly -= 1
                kept = True
            elif daily == 0 and weekly == 0 and monthly > 0 and month != last_month:
                monthly -= 1
                kept = True
            else:
                kept = False
            if kept:
                keep.add(i)
                last_day, last_week, last_month = day, week, month
        if order:
            keep.add(order[0])  # never drop the newest backup
        return keep


DEFAULT_RETENTION = RetentionPolicy()


def rotate_backups(
    matrix_path: Path | str,
    *,
    retention: RetentionPolicy = DEFAULT_RETENTION,
    now: datetime | None = None,
    root: Path | None = None,
    protect: Iterable[Path] = (),
) -> list[Path]:
    """Delete the backups the retention policy does not keep; returns the deleted paths."""
    infos = list_backups(matrix_path, root=root)
    keep = retention.select([i.created for i in infos], now or datetime.now(UTC))
    protected = {Path(p).resolve() for p in protect}
    deleted: list[Path] = []
    for idx, info in enumerate(infos):
        if idx in keep or info.path.resolve() in protected:
            continue
        with contextlib.suppress(FileNotFoundError):
            info.path.unlink()
            deleted.append(info.path)
    return deleted


# -- when to back up ------------------------------------------------------------------------
ALWAYS_BACKUP_BEFORE = frozenset(
    {REASON_IMPORT, REASON_MIGRATION, REASON_RESTORE, REASON_BULK_DELETE, REASON_MANUAL}
)


@dataclass(slots=True)
class BackupPolicy:
    """When the workspace makes an automatic backup (pure: the caller passes the time).

    After the first change of a session, then at most every ``interval`` while edits keep
    coming; always before an import, a migration, a restore or a bulk delete. Usage::

        policy.record_change(now)                 # after each committed edit
        if policy.should_backup(now):             # or should_backup(now, REASON_IMPORT)
            make_backup(repo, reason)
            policy.record_backup(now)
    """

    interval: timedelta = timedelta(minutes=30)
    last_backup: datetime | None = None
    changes_since_backup: int = 0
    _history: list[datetime] = field(default_factory=list, repr=False)

    def record_change(self, now: datetime) -> None:
        self.changes_since_backup += 1

    def record_backup(self, now: datetime) -> None:
        self.last_backup = now
        self.changes_since_backup = 0
        self._history.append(now)

    def should_backup(self, now: datetime, reason: str = REASON_AUTO) -> bool:
        """True if a backup for ``reason`` is due now."""
        if reason in ALWAYS_BACKUP_BEFORE:
            return True
        if self.changes_since_backup == 0:
            return False
        return self.last_backup is None or now - self.last_backup >= self.interval


# -- writing --------------------------------------------------------------------------------
def _drop_session_marker(conn: sqlite3.Connection) -> None:
    """A backup is a closed file: it must not carry the source's "open for writing" marker."""
    has_settings = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'"
    ).fetchone()
    if has_settings:
        conn.execute("DELETE FROM settings WHERE key = ?", (SESSION_KEY,))


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; os.replace is durable enough there
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    # Windows flushes only handles opened for writing.
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _process_started() -> float:
    """When this process started (epoch seconds); falls back to the module's import time."""
    age = process_age()
    return time.time() - age if age is not None else _IMPORTED_AT


_IMPORTED_AT = time.time()


def _partial_in_use(path: Path) -> bool:
    """Whether another process is writing this partial backup right now (SQLite holds a
    lock on it for the whole copy; on Windows it cannot even be deleted then)."""
    if sys.platform == "win32":  # pragma: no cover - Windows: unlink fails while in use
        return False
    import fcntl

    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return True
    try:
        # SQLite's lock bytes (PENDING_BYTE and on): a writer holds them during the copy.
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 512, 0x40000000)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 512, 0x40000000)
        return False
    finally:
        os.close(fd)


def clean_stale_partials(folder: Path) -> list[Path]:
    """Delete ``*.partial`` files an interrupted backup left in ``folder``: only those older
    than this process and not being written by anyone. Returns what was deleted."""
    started = _process_started()
    removed: list[Path] = []
    try:
        candidates = [p for p in folder.iterdir() if p.name.endswith(".partial")]
    except OSError:
        return removed
    for partial in candidates:
        try:
            if partial.stat().st_mtime >= started or _partial_in_use(partial):
                continue
            partial.unlink()
        except OSError:
            continue  # in use (Windows) or gone already
        removed.append(partial)
    return removed


def backup_connection(
    conn: sqlite3.Connection,
    matrix_path: Path | str,
    reason: str,
    *,
    root: Path | None = None,
    retention: RetentionPolicy | None = DEFAULT_RETENTION,
    now: datetime | None = None,
    progress: Callable[[float], None] | None = None,
) -> Path:
    """Back up the database behind ``conn`` (see ``make_backup``).

    ``progress`` receives the fraction done (copying, then the integrity check of the copy).
    """
    matrix_path = Path(matrix_path)
    if conn.in_transaction:
        # The backup would read this connection's uncommitted changes.
        raise BackupError(msg("backup_in_change", file=matrix_path.name))
    now = now or datetime.now(UTC)
    folder = backup_folder(matrix_path, root)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            msg("backup_folder_failed", folder=str(folder), detail=exc.strerror or str(exc))
        ) from exc
    created = now
    final = folder / _backup_name(matrix_path.stem, created, reason)
    while final.exists():  # two backups in the same millisecond
        created += timedelta(milliseconds=1)
        final = folder / _backup_name(matrix_path.stem, created, reason)
    tmp = final.with_name(final.name + ".partial")
    tmp.unlink(missing_ok=True)
    clean_stale_partials(folder)
    try:
        dst = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            if progress is None:
                conn.backup(dst)
            else:
                conn.backup(
                    dst,
                    pages=1024,
                    progress=lambda _s, left, total: progress(0.6 * (total - left) / max(total, 1)),
                )
            # Page 1 came from a WAL source; make the copy one self-contained file.
            dst.execute("PRAGMA journal_mode = DELETE")
            _drop_session_marker(dst)
        finally:
            dst.close()
        fsync_file(tmp)
        problems = verify_backup(tmp)
        if problems:
            error = BackupError(
                msg("backup_check_failed", file=matrix_path.name, problem=problems[0])
            )
            error.damaged = True  # the copy is page for page the source: the file is damaged
            error.problems = problems
            raise error
        os.replace(tmp, final)
        fsync_dir(folder)
        if progress is not None:
            progress(1.0)
    except sqlite3.Error as exc:
        raise BackupError(msg("backup_failed", file=matrix_path.name, detail=str(exc))) from exc
    except OSError as exc:
        raise BackupError(
            msg("backup_write_failed", file=matrix_path.name, detail=exc.strerror or str(exc))
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    if retention is not None:
        rotate_backups(matrix_path, retention=retention, now=now, root=root, protect=[final])
    return final


class OpenFile(Protocol):
    """What a backup needs of an open matrix file (a ``Repository`` is one)."""

    @property
    def conn(self) -> sqlite3.Connection: ...

    @property
    def path(self) -> Path: ...


def make_backup(
    repo: OpenFile,
    reason: str,
    *,
    root: Path | None = None,
    retention: RetentionPolicy | None = DEFAULT_RETENTION,
    now: datetime | None = None,
) -> Path:
    """Write a verified backup of an open matrix file and rotate older ones.

    Args:
        repo: the open file (read-only is fine).
        reason: a short slug saying why (``auto``, ``manual``, ``before-import``, ...).
        root: backup root folder (default ``paths.backup_dir()``).
        retention: rotation after success; None keeps everything.
        now: the time to name the backup with (tests).

    Returns:
        The path of the new backup.

    Raises:
        BackupError: nothing usable was written; older backups are untouched.
    """
    return backup_connection(repo.conn, repo.path, reason, root=root, retention=retention, now=now)


def backup_file(
    matrix_path: Path | str,
    reason: str,
    *,
    root: Path | None = None,
    retention: RetentionPolicy | None = DEFAULT_RETENTION,
    now: datetime | None = None,
) -> Path:
    """Back up a matrix file that is not open here (opens it read-only for the copy)."""
    matrix_path = Path(matrix_path)
    check_readable_matrix(matrix_path)
    conn = connect_read_only(matrix_path)
    try:
        return backup_connection(conn, matrix_path, reason, root=root, retention=retention, now=now)
    finally:
        conn.close()


def check_readable_matrix(path: Path) -> None:
    application_id, user_version = read_header(path)
    if application_id != APPLICATION_ID:
        raise NotAMatrixFileError(msg("not_kpm", file=path.name))
    if user_version > SCHEMA_VERSION:
        raise NewerVersionError(
            msg("newer_version", file=path.name, version=user_version, supported=SCHEMA_VERSION),
            user_version,
            SCHEMA_VERSION,
        )
