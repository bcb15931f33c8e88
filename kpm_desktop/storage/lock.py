"""One writer per matrix file: a lock file beside it, held with an OS lock while open.

``Gebiet.kpm`` gets ``Gebiet.kpm.lock`` holding who has it open (pid, host name, user, start
time). Liveness is decided by an OS file lock (``flock`` on POSIX, ``msvcrt.locking`` on
Windows) held for as long as the file is open: the kernel drops it when the process dies, so a
lock left behind by a crash is recognised as stale and taken over safely, without guessing from
pids. Where OS locks do not work (some network shares), a lock naming this computer and a pid
that no longer runs is stale as well; a lock naming another computer is respected.

The same process may open the same file more than once (the lock is counted), since SQLite
already serialises writers inside one process; the GUI brings the existing window forward.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import logging
import os
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

from kpm_desktop import __version__
from kpm_desktop.procinfo import hostname
from kpm_desktop.storage.errors import StorageError
from kpm_desktop.storage.messages import msg

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"


@dataclass(frozen=True, slots=True)
class LockOwner:
    """What a lock file says about the instance holding it."""

    pid: int
    hostname: str
    user: str
    started: str  # ISO timestamp, UTC
    version: str = ""

    @classmethod
    def current(cls) -> LockOwner:
        try:
            user = getpass.getuser()
        except Exception:  # no user name in some containers/services
            user = ""
        return cls(
            pid=os.getpid(),
            hostname=hostname(),
            user=user,
            started=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            version=__version__,
        )

    @classmethod
    def from_json(cls, text: str) -> LockOwner | None:
        try:
            data = json.loads(text)
            return cls(
                pid=int(data["pid"]),
                hostname=str(data["hostname"]),
                user=str(data.get("user", "")),
                started=str(data.get("started", "")),
                version=str(data.get("version", "")),
            )
        except (ValueError, KeyError, TypeError):
            return None

    def to_json(self) -> str:
        return json.dumps(
            {
                "pid": self.pid,
                "hostname": self.hostname,
                "user": self.user,
                "started": self.started,
                "version": self.version,
            }
        )

    def describe(self) -> str:
        who = f"{self.user} on {self.hostname}" if self.user else self.hostname
        since = self.started.replace("T", " ").rstrip("Z")
        return f"{who} (process {self.pid}, since {since} UTC)"


class FileLockedError(StorageError):
    """Another running instance has the file open for editing.

    The message is user-facing; the GUI offers read-only viewing instead.
    """

    def __init__(self, path: Path, owner: LockOwner | None, *, can_force: bool = False) -> None:
        if owner is None:
            message = msg("locked_unknown", file=path.name)
        elif can_force:
            message = msg(
                "locked_other_computer",
                file=path.name,
                user=owner.user or "?",
                host=owner.hostname,
                since=owner.started.replace("T", " ").rstrip("Z") or "?",
            )
        else:
            message = msg("locked", file=path.name, who=owner.describe())
        super().__init__(message)
        self.path = path
        self.owner = owner
        # A lock naming another computer whose OS lock is not held here: it may be left from
        # a crash there; only the user can say (``WriterLock.acquire(force=True)``).
        self.can_force = can_force


class LockUnavailableError(StorageError):
    """The lock file cannot be created beside the matrix file (read-only drive or folder,
    no permission, full disk): nothing can be written there."""

    @classmethod
    def from_os_error(cls, path: Path, exc: OSError) -> LockUnavailableError:
        if exc.errno == errno.EROFS:
            key = "lock_read_only_drive"
        elif exc.errno in (errno.EACCES, errno.EPERM):
            key = "lock_no_permission"
        elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
            key = "lock_disk_full"
        else:
            return cls(msg("lock_cannot_create", file=path.name, detail=exc.strerror or str(exc)))
        return cls(msg(key, file=path.name, folder=str(path.parent)))


def lock_path_for(path: Path) -> Path:
    return path.with_name(path.name + LOCK_SUFFIX)


def pid_alive(pid: int) -> bool:
    """True if a process with this pid runs on this computer."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _try_os_lock(fd: int) -> bool | None:
    """Take the OS lock without waiting: True = got it, False = held elsewhere, None = unsupported."""
    try:
        if sys.platform == "win32":  # pragma: no cover - Windows only
            import msvcrt

            # Lock one byte far past the JSON so that readers can still read the owner.
            os.lseek(fd, 1 << 20, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK):
            return False
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
            return None
        raise


def _release_os_lock(fd: int) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":  # pragma: no cover - Windows only
            import msvcrt

            os.lseek(fd, 1 << 20, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)


def read_owner(path: Path) -> LockOwner | None:
    """Who holds the lock of a matrix file according to its lock file (None: nobody/unreadable)."""
    try:
        text = lock_path_for(path).read_text(encoding="utf-8")
    except OSError:
        return None
    return LockOwner.from_json(text)


class WriterLock:
    """The single-writer lock of one matrix file (use ``acquire``; release with ``release``)."""

    _held: ClassVar[dict[Path, WriterLock]] = {}
    _guard: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, path: Path, lock_file: Path, fd: int, owner: LockOwner) -> None:
        self.path = path
        self.lock_file = lock_file
        self.owner = owner
        self.took_over: LockOwner | None = None  # the stale owner replaced, if any
        self._fd: int | None = fd
        self._db_fd: int | None = None
        self._count = 1

    @classmethod
    def acquire(cls, path: Path | str, *, force: bool = False) -> WriterLock:
        """Lock ``path`` for writing by this process.

        Args:
            force: take over a lock naming another computer (only after the user confirmed
                that the file is not open there). A lock held by a live local process is never
                taken over.

        Raises:
            FileLockedError: another running instance holds it.
            PermissionError/OSError: the lock file cannot be created (read-only folder).
        """
        path = Path(path)
        key = path.expanduser().resolve()
        with cls._guard:
            held = cls._held.get(key)
            if held is not None and held._fd is not None:
                held._count += 1
                return held
            lock = cls._acquire_new(key, force)
            cls._held[key] = lock
            return lock

    @classmethod
    def _acquire_new(cls, path: Path, force: bool) -> WriterLock:
        # The authority: an OS lock on the matrix file itself, which nobody deletes by
        # accident (the lock file beside it only says who holds it).
        db_fd = _lock_database(path)
        try:
            lock = cls._acquire_lock_file(path, force)
        except BaseException:
            _close_database_lock(db_fd)
            raise
        lock._db_fd = db_fd
        return lock

    def lock_database(self) -> None:
        """Take the OS lock on the matrix file too, once it exists (after creating it)."""
        if self._db_fd is None:
            self._db_fd = _lock_database(self.path)

    @classmethod
    def _acquire_lock_file(cls, path: Path, force: bool) -> WriterLock:
        lock_file = lock_path_for(path)
        for _attempt in range(5):
            try:
                fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise LockUnavailableError.from_os_error(path, exc) from exc
            got: bool | None = False
            try:
                got = _try_os_lock(fd)
                if got is False:
                    raise FileLockedError(path, _read_fd(fd))
                # The file may have been unlinked by its releasing owner between our open and
                # our lock; then we hold a lock on a dead inode. Start over.
                try:
                    same = os.path.samestat(os.fstat(fd), os.stat(lock_file))
                except FileNotFoundError:
                    same = False
                if not same:
                    _release_os_lock(fd)
                    os.close(fd)
                    continue
                previous = _read_fd(fd)
                if previous is not None and not _is_stale(previous, got, force):
                    _release_os_lock(fd)
                    raise FileLockedError(path, previous, can_force=previous.hostname != hostname())
                owner = LockOwner.current()
                _write_fd(fd, owner.to_json())
                lock = cls(path, lock_file, fd, owner)
                if previous is not None:
                    lock.took_over = previous
                    log.warning("took over the stale lock of %s from %s", path, previous.describe())
                return lock
            except BaseException as exc:
                if got and not isinstance(exc, FileLockedError):
                    # We hold the lock but could not write our name (full disk): leave no
                    # empty or half-written lock file behind.
                    with contextlib.suppress(OSError):
                        os.unlink(lock_file)
                    _release_os_lock(fd)
                with contextlib.suppress(OSError):
                    os.close(fd)
                raise
        raise FileLockedError(path, read_owner(path))  # pragma: no cover - endless races

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Release one hold; the lock file goes away with the last one."""
        with self._guard:
            if self._fd is None:
                return
            self._count -= 1
            if self._count > 0:
                return
            fd, self._fd = self._fd, None
            self._held.pop(self.path, None)
            # Unlink while still locked, so nobody can lock the old inode and believe it is
            # the current lock (acquire re-checks the inode as well).
            with contextlib.suppress(OSError):
                os.unlink(self.lock_file)
            _release_os_lock(fd)
            with contextlib.suppress(OSError):
                os.close(fd)
            db_fd, self._db_fd = self._db_fd, None
            _close_database_lock(db_fd)

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _lock_database(path: Path) -> int | None:
    """An OS lock (``flock``) on the matrix file itself; None where there is none to take.

    POSIX only: ``flock`` does not interfere with SQLite's own ``fcntl`` byte-range locks.
    (On Windows a lock file held open cannot be deleted, and a lock on the database file
    would be mandatory for SQLite's own reads.) The descriptor must stay open until the
    file's connections are closed: closing any descriptor of a file drops this process's
    ``fcntl`` locks on it.

    Raises:
        FileLockedError: another process holds it (even if its lock file was deleted).
    """
    if sys.platform == "win32" or not path.is_file():  # pragma: no cover - Windows
        return None
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None  # unreadable: opening the file reports it properly
    got = _try_os_lock(fd)
    if got:
        return fd
    os.close(fd)
    if got is False:
        raise FileLockedError(path, read_owner(path))
    return None  # no OS locks here (some network shares): the lock file decides


def _close_database_lock(fd: int | None) -> None:
    if fd is not None:
        _release_os_lock(fd)
        with contextlib.suppress(OSError):
            os.close(fd)


def _is_stale(previous: LockOwner, os_lock: bool | None, force: bool) -> bool:
    """Decide about a lock file whose OS lock we could take (or that has no OS lock)."""
    if previous.hostname != hostname():
        # A lock from another computer: OS locks over network shares are not reliable
        # enough to decide alone, so only the user's confirmation overrides it.
        return force
    if previous.pid == os.getpid():
        return True  # left by this very process (e.g. after a failed open)
    if os_lock:
        return True  # the holder's OS lock is gone, so the holder is gone
    return not pid_alive(previous.pid)


def _read_fd(fd: int) -> LockOwner | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = b""
        while chunk := os.read(fd, 4096):
            data += chunk
            if len(data) > 65536:
                break
        return LockOwner.from_json(data.decode("utf-8", "replace").strip("\x00 \n"))
    except OSError:
        return None


def _write_fd(fd: int, text: str) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, text.encode("utf-8"))
    os.fsync(fd)
