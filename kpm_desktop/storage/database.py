"""Opening a matrix file: recognise it, refuse what must not be touched, set pragmas, migrate.

Why this module is long: recognising, refusing, opening, migrating and checking a file are one
sequence that must run in this order before anything is written; the checks are shared with
backups and the background check.

Nothing is written to a file before it is known to be ours and not newer than this version.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpm_desktop.storage import merge_base, sync_capture, tombstones
from kpm_desktop.storage.errors import (
    DamagedFileError,
    FileMissingError,
    NewerVersionError,
    NotAMatrixFileError,
    ReadOnlyLocationError,
    StorageError,
)
from kpm_desktop.storage.file_format import (
    APPLICATION_ID,
    SESSION_KEY,
    problem_lines,
    quick_check,
    read_header,
    wal_side_files,
)
from kpm_desktop.storage.messages import msg
from kpm_desktop.storage.migrations import MIGRATIONS, SCHEMA_VERSION, Progress, set_progress
from kpm_desktop.storage.wal import read_wal_state

if TYPE_CHECKING:
    import sqlite_utils


def _check_recognised(path: Path, application_id: int, user_version: int) -> None:
    # The application id first: another program's file is never "from a newer KPM Desktop",
    # whatever its user_version; an empty SQLite file is not a matrix either.
    if application_id != APPLICATION_ID:
        raise NotAMatrixFileError(msg("not_kpm", file=path.name))
    if user_version > SCHEMA_VERSION:
        raise NewerVersionError(
            msg("newer_version", file=path.name, version=user_version, supported=SCHEMA_VERSION),
            user_version,
            SCHEMA_VERSION,
        )


def _uri(path: Path, mode: str) -> str:
    return path.resolve().as_uri() + f"?mode={mode}"


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves (sqlite-utils' atomic()).
    if read_only and not wal_side_files(path):
        # No writer has it open (a writer always has a -wal): read it as immutable, so a
        # read-only look (kpm info/check, the checks before opening) leaves no empty
        # -wal/-shm beside the user's file (SQLite would create them in WAL mode).
        conn = sqlite3.connect(_uri(path, "ro") + "&immutable=1", uri=True, isolation_level=None)
    elif read_only:
        conn = sqlite3.connect(_uri(path, "ro"), uri=True, isolation_level=None)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            conn.close()
            # A WAL file in a read-only folder cannot get its -shm; nothing can write it
            # from here, so read it as immutable (SQLite then ignores a -wal it cannot map).
            # A full disk cannot take the -shm either (SQLite says "disk I/O error").
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            full = code == sqlite3.SQLITE_IOERR and _nearly_full(path)
            if not full and (
                code not in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN)
                or os.access(path.parent, os.W_OK)
            ):
                raise
            if _wal_has_frames(path):
                # Immutable mode would silently show the file without those changes.
                raise ReadOnlyLocationError(
                    msg("wal_unreadable_full", file=path.name, wal=wal_path(path).name)
                    if full
                    else msg("wal_unreadable_read_only", file=path.name, wal=wal_path(path).name)
                ) from exc
            conn = sqlite3.connect(
                _uri(path, "ro") + "&immutable=1", uri=True, isolation_level=None
            )
    else:
        conn = sqlite3.connect(_uri(path, "rw"), uri=True, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 3000")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils' Database sets it
    return conn


_SAVEPOINTS = itertools.count(1)


@contextmanager
def atomic(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One transaction; inside one, a savepoint (the semantics of sqlite-utils' ``atomic``).

    Our own few lines because importing sqlite-utils costs 0.1-0.4 s (click, pluggy,
    dateutil) on the start path and on the first edit, for this one context manager.
    """
    if conn.in_transaction:
        name = f"kpm_sp_{next(_SAVEPOINTS)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            # An error may have ended the whole transaction already (then nothing to undo).
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {name}")
        return
    conn.execute("BEGIN")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _table_names(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {r[0] for r in rows}


CHECKPOINT_WAL_BYTES = 4 * 1024 * 1024
# Below this much free space an I/O error while writing counts as a full disk.
DISK_NEARLY_FULL_BYTES = 1024 * 1024


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def is_disk_full(exc: sqlite3.Error, path: Path) -> bool:
    """Whether an SQLite error means "no space left" (SQLITE_FULL, or an I/O error on a
    drive with (almost) nothing free: SQLite reports ENOSPC on some writes as SQLITE_IOERR)."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code == sqlite3.SQLITE_FULL:
        return True
    if code == sqlite3.SQLITE_IOERR:
        try:
            return shutil.disk_usage(path.parent).free < DISK_NEARLY_FULL_BYTES
        except OSError:
            return False
    return False


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < DISK_NEARLY_FULL_BYTES
    except OSError:
        return False


def foreign_key_problems(conn: sqlite3.Connection) -> list[str]:
    try:
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    if not fk:
        return []
    return [f"{len(fk)} rows violate foreign keys (first in table {fk[0][0]})"]


def _set_marker(conn: sqlite3.Connection, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (SESSION_KEY, value))


def checkpoint(conn: sqlite3.Connection) -> None:
    """Copy the write-ahead log into the main file, keeping the marker protocol above.

    PASSIVE: never waits for readers; SQLite restarts the log at the next write when it can.
    """
    if conn.in_transaction:
        return
    _set_marker(conn, "1")
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    _set_marker(conn, "2")


def maybe_checkpoint(conn: sqlite3.Connection, path: Path) -> None:
    """Checkpoint once the log has grown past ``CHECKPOINT_WAL_BYTES`` (after a commit)."""
    try:
        size = wal_path(path).stat().st_size
    except OSError:
        return
    if size > CHECKPOINT_WAL_BYTES:
        checkpoint(conn)


def _mark_session_open(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    # A restarted log keeps its file size unless truncated: without a limit below the
    # threshold, every commit after the first big checkpoint would checkpoint again
    # (measured: single-cell writes 3 ms -> 13-28 ms).
    conn.execute(f"PRAGMA journal_size_limit = {CHECKPOINT_WAL_BYTES // 2}")
    checkpoint(conn)


def mark_session_closed(conn: sqlite3.Connection) -> None:
    """Remove the open-session marker (call right before closing a writing connection)."""
    try:
        if conn.in_transaction:
            return  # closing after a failure: leave the marker, the WAL stays as well
        conn.execute("DELETE FROM settings WHERE key = ?", (SESSION_KEY,))
    except sqlite3.Error:  # already closed, or read-only after all
        pass


def _part(progress: Progress, start: float, share: float, fraction: float) -> None:
    """Report ``fraction`` of a step that covers ``share`` of the bar from ``start`` on."""
    progress(start + share * fraction)


def _scaled(progress: Progress, step: int, steps: int) -> Callable[[float], None]:
    """Progress of one migration step as a fraction of all ``steps``."""
    return lambda fraction: progress((step + fraction) / steps)


def migrate(conn: sqlite3.Connection, progress: Progress | None = None) -> int:
    """Apply pending migrations, each atomically together with its user_version bump.

    Foreign keys are off while a migration rebuilds tables (SQLite's recommended way to
    change a table) and checked before its COMMIT. ``progress`` receives the fraction done
    over all pending migrations. Afterwards the file is compacted (``VACUUM``) when a
    migration left much of it free (a rebuilt table leaves its old pages behind).
    """
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    pending = SCHEMA_VERSION - current
    if pending <= 0:
        return 0
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        for k, version in enumerate(range(current, SCHEMA_VERSION)):
            if progress is not None:
                set_progress(_scaled(progress, k, pending + 1))
            conn.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS[version](conn)
                problems = foreign_key_problems(conn)
                if problems:
                    raise DamagedFileError(f"the file cannot be updated: {problems[0]}", problems)
                conn.execute(f"PRAGMA user_version = {version + 1}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
    finally:
        set_progress(None)
        conn.execute("PRAGMA foreign_keys = ON")
    if progress is not None:
        progress(pending / (pending + 1))
    compact_if_sparse(
        conn,
        progress=None if progress is None else lambda f: progress((pending + f) / (pending + 1)),
    )
    if progress is not None:
        progress(1.0)
    return pending


# VACUUM runs ~this many SQLite VM steps per page it copies (measured at S and M); only used
# to move a progress bar, which therefore approaches the end but never claims it early.
_VACUUM_STEPS_PER_PAGE = 400


def compact_if_sparse(
    conn: sqlite3.Connection, free_share: float = 0.25, progress: Progress | None = None
) -> bool:
    """``VACUUM`` when more than ``free_share`` of the file's pages are free.

    Crash-safe like any SQLite write (in WAL mode the new copy goes through the log): killed
    half-way, the file stays as it was. Returns whether it ran. ``progress`` gets an
    estimate (VACUUM itself reports none) that creeps towards 1.0.
    """
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    if not pages or free / pages <= free_share:
        return False
    if progress is None:
        conn.execute("VACUUM")
        return True
    expected = max((pages - free) * _VACUUM_STEPS_PER_PAGE, 1)
    every = 100_000
    steps = [0]

    def tick() -> int:
        steps[0] += every
        progress(min(steps[0] / expected, 0.99))
        return 0  # go on

    conn.set_progress_handler(tick, every)
    try:
        conn.execute("VACUUM")
    finally:
        conn.set_progress_handler(None, 0)
    return True


def create_database(path: Path) -> sqlite_utils.Database:
    """Create a new, empty matrix file (fails if the file exists), as sqlite-utils' Database."""
    import sqlite_utils

    return sqlite_utils.Database(create_connection(path))


def create_connection(path: Path) -> sqlite3.Connection:
    """Create a new, empty matrix file (fails if the file exists)."""
    if path.exists():
        raise FileExistsError(f"{path.name} exists already")
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.close()
    except BaseException:
        conn.close()
        path.unlink(missing_ok=True)
        raise
    return connect_database(path)


def _backup_before_migration(
    conn: sqlite3.Connection, path: Path, progress: Progress | None = None
) -> None:
    """A verified backup of an existing file before its format is changed (never skipped)."""
    from kpm_desktop.storage.backup import REASON_MIGRATION, backup_connection  # on first use

    try:
        backup_connection(conn, path, REASON_MIGRATION, progress=progress)
    except BaseException:
        conn.close()
        raise


def _connect_probe(path: Path) -> sqlite3.Connection:
    try:
        return _connect(path, read_only=True)
    except sqlite3.DatabaseError as exc:
        raise DamagedFileError(
            msg("cannot_read", file=path.name, detail=str(exc)), [str(exc)]
        ) from exc


def _wal_has_frames(path: Path) -> bool:
    try:
        return wal_path(path).stat().st_size > 0
    except OSError:
        return False


def _session_value(conn: sqlite3.Connection) -> str | None:
    """The open-session marker as the last committed state has it (None: closed)."""
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (SESSION_KEY,)).fetchone()
    except sqlite3.DatabaseError:
        return "?"  # unreadable: never taken for a clean close
    return None if row is None else str(row[0])


CHECK_LEVELS = ("cheap", "quick", "full", "auto")


@dataclass(frozen=True, slots=True)
class FileCheck:
    """A file that passed the read-only checks of ``open_database``, in a given state.

    ``open_database(checked=...)`` skips the checks only while the file and its write-ahead
    log still have the size and modification time seen here; otherwise it checks again.

    ``level`` says what ran: "cheap" (header, application id, schema version, change-log
    state, clean-shutdown flag), "quick" (+ SQLite's quick_check and the foreign keys) or
    "full" (+ the full integrity_check instead of quick_check). ``clean``: the file was
    closed cleanly last time (no change log with frames, no open-session marker).
    """

    path: Path
    application_id: int
    user_version: int
    state: tuple[Any, ...]
    level: str = "quick"
    clean: bool = True
    # Committed transactions in the change log that SQLite will skip (a log damaged in the
    # middle, see ``storage.wal``): recent edits may be missing.
    wal_lost_commits: int = 0


def _file_state(path: Path) -> tuple[Any, ...]:
    def stat(p: Path) -> tuple[int, int] | None:
        try:
            st = p.stat()
        except OSError:
            return None
        return st.st_size, st.st_mtime_ns

    return stat(path), stat(wal_path(path))


def integrity_problems(conn: sqlite3.Connection, max_errors: int = 100) -> list[str]:
    """SQLite's full integrity_check (every index entry against its row) plus foreign keys;
    an empty list means sound. Never raises: an unreadable file is a problem too."""
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA integrity_check({max_errors})").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    problems = [] if rows == ["ok"] else problem_lines(rows)
    return problems or foreign_key_problems(conn)


def full_check(path: Path | str) -> list[str]:
    """The full check of a file, read-only and with its own connection (worker threads).

    Runs beside a writer in this or another process: WAL readers see one consistent state.
    """
    path = Path(path)
    try:
        conn = _connect(path, read_only=True)
    except (sqlite3.Error, StorageError) as exc:
        return [str(exc)]
    try:
        return integrity_problems(conn)
    finally:
        conn.close()


def check_file(path: Path | str, level: str = "quick") -> FileCheck:
    """The read-only checks of ``open_database`` on their own, with their own connection.

    ``level``: see ``FileCheck``; "auto" is "cheap" for a file closed cleanly and "full"
    for one that was not (a crash, or still open elsewhere). Safe to run on a worker thread
    (the GUI overlaps it with building its window: the integrity check reads the whole file
    and SQLite releases the GIL meanwhile).

    Raises:
        FileMissingError, NotAMatrixFileError, NewerVersionError, DamagedFileError.
    """
    if level not in CHECK_LEVELS:
        raise ValueError(level)
    path = Path(path)
    if not path.exists():
        raise FileMissingError(msg("file_missing", path=str(path)))
    if not path.is_file():
        raise NotAMatrixFileError(msg("not_a_file", path=str(path)))
    application_id, user_version = read_header(path)
    _check_recognised(path, application_id, user_version)

    # First look read-only: nothing may be written before we know the file is sound.
    wal_present = _wal_has_frames(path)  # before any connection could create one
    wal_state = read_wal_state(wal_path(path)) if wal_present else None
    lost = wal_state.lost_commits if wal_state is not None else 0
    probe = _connect_probe(path)
    try:
        try:
            application_id = probe.execute("PRAGMA application_id").fetchone()[0]
            user_version = probe.execute("PRAGMA user_version").fetchone()[0]
            tables = _table_names(probe)
        except sqlite3.DatabaseError as exc:
            raise DamagedFileError(
                msg("cannot_read", file=path.name, detail=str(exc)), [str(exc)]
            ) from exc
        _check_recognised(path, application_id, user_version)
        session = _session_value(probe) if "settings" in tables else None
        # "1" is what the main file says while a writer has it open; "2" lives only in the
        # log (see SESSION_KEY).
        if session == "1" and not wal_present:
            raise DamagedFileError(
                msg("wal_missing", file=path.name, wal=wal_path(path).name),
                ["write-ahead log missing while the file was marked open"],
            )
        # Closed cleanly: the last committed state has no open session. Usually the log is
        # gone then; it stays (with the closing commit in it) when a reader - the
        # background check, a worker - still had the file open as the writer closed it,
        # since only the last connection removes it. Such a log must be intact to count.
        clean = session is None and (wal_state is None or not wal_state.damaged)
        if wal_present and wal_state is None:
            clean = False  # frames but no valid header: not what a clean close leaves
        if level == "auto":
            level = "cheap" if clean else "full"
        if level == "full":
            problems = integrity_problems(probe)
        elif level == "quick":
            problems = quick_check(probe) or foreign_key_problems(probe)
        else:
            problems = []
        if problems:
            raise DamagedFileError(msg("damaged", file=path.name, problem=problems[0]), problems)
    finally:
        probe.close()
    return FileCheck(
        path.resolve(), application_id, user_version, _file_state(path), level, clean, lost
    )


def ensure_checked(path: Path, checked: FileCheck | None, check: str = "quick") -> FileCheck:
    """``checked`` if it still describes the file as it is, else a fresh ``check_file``."""
    if (
        checked is None
        or not path.exists()
        or checked.path != path.resolve()
        or checked.state != _file_state(path)
    ):
        checked = check_file(path, check)
    return checked


class BackgroundCheck:
    """``check_file`` (level "quick") on a daemon thread, for a reader that loads the file
    meanwhile (SQLite releases the GIL while it scans) and uses nothing before
    :meth:`result` (``kpm insights``)."""

    def __init__(self, path: Path | str) -> None:
        self._result: FileCheck | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(path,), daemon=True)
        self._thread.start()

    def _run(self, path: Path | str) -> None:
        try:
            self._result = check_file(path)
        except BaseException as exc:  # re-raised in the caller's thread by result()
            self._error = exc

    def result(self) -> FileCheck:
        """Wait for the check; raises what ``check_file`` raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result


def open_database(
    path: Path | str,
    *,
    read_only: bool = False,
    checked: FileCheck | None = None,
    check: str = "quick",
    progress: Progress | None = None,
) -> sqlite_utils.Database:
    """``connect_database`` wrapped in sqlite-utils' ``Database`` (imported here, on use)."""
    import sqlite_utils

    return sqlite_utils.Database(
        connect_database(path, read_only=read_only, checked=checked, check=check, progress=progress)
    )


def connect_database(
    path: Path | str,
    *,
    read_only: bool = False,
    checked: FileCheck | None = None,
    check: str = "quick",
    progress: Progress | None = None,
) -> sqlite3.Connection:
    """Open an existing matrix file for use.

    Args:
        checked: the result of an earlier ``check_file`` of this file; used only when the
            file has not changed since (else the checks run again).
        check: the ``check_file`` level when they run here ("auto" for the GUI: a file
            closed cleanly gets the cheap checks now and the full check on a worker later).
        progress: receives the fraction done while an older file format is updated.

    Raises:
        FileMissingError, NotAMatrixFileError, NewerVersionError, DamagedFileError: with a
        user-facing message; in all of these cases the file has not been written to.
    """
    path = Path(path)
    checked = ensure_checked(path, checked, check)
    user_version = checked.user_version

    conn = _connect(path, read_only=read_only)
    if not read_only:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            if 0 < user_version < SCHEMA_VERSION:
                # The bar: the verified backup ~40 %, the migrations and compaction the rest
                # (measured at L: backup 130 s, migration 60 s, VACUUM 80 s under load).
                backup_progress = None if progress is None else partial(_part, progress, 0.0, 0.4)
                _backup_before_migration(conn, path, backup_progress)
                if progress is not None:
                    progress = partial(_part, progress, 0.4, 0.6)
            migrate(conn, progress)
            sync_capture.ensure_installed(conn)
            tombstones.ensure_installed(conn)
            merge_base.ensure_identity(conn, path)
            _mark_session_open(conn)
        except BaseException:
            conn.close()
            raise
    elif user_version < SCHEMA_VERSION:
        conn.close()
        raise NotAMatrixFileError(msg("older_format_read_only", file=path.name))
    return conn
