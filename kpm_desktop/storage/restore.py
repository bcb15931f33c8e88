"""Restoring a backup into a matrix file, and keeping a damaged file aside.

A restore verifies the backup first, backs up the state it replaces (or moves a file too
damaged to back up aside as ``NAME.damaged-DATE``) and writes the backup's pages into the
target with SQLite's backup API, atomically. Backups themselves: ``storage.backup``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kpm_desktop.storage.backup import (
    DEFAULT_RETENTION,
    REASON_RESTORE,
    BackupError,
    BackupInfo,
    RetentionPolicy,
    backup_file,
    check_readable_matrix,
    connect_read_only,
    fsync_dir,
    fsync_file,
    list_backups,
    verify_backup,
)
from kpm_desktop.storage.file_format import quick_check
from kpm_desktop.storage.messages import msg


def _aside_name(path: Path, label: str, now: datetime | None) -> Path:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
    return aside


def copy_aside(path: Path, label: str = "damaged", now: datetime | None = None) -> Path:
    """Copy a closed file (with its -wal, if any) to ``NAME.label-YYYYMMDD-HHMMSS``.

    Keeps a damaged file exactly as it was, for a rescue attempt, while the file itself
    stays where it is (e.g. shown read-only). The file must not be open for writing.
    """
    aside = _aside_name(path, label, now)
    tmp = aside.with_name(aside.name + ".partial")
    try:
        shutil.copyfile(path, tmp)
        fsync_file(tmp)
        os.replace(tmp, aside)
    finally:
        tmp.unlink(missing_ok=True)
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        shutil.copyfile(wal, aside.with_name(aside.name + "-wal"))
        fsync_file(aside.with_name(aside.name + "-wal"))
    fsync_dir(path.parent)
    return aside


def move_aside(path: Path, label: str = "damaged", now: datetime | None = None) -> Path:
    """Rename a file (with its -wal/-shm) to ``NAME.label-YYYYMMDD-HHMMSS``; returns the new path.

    Used for damaged files, only after the user agreed; the data stays for a rescue attempt.
    """
    aside = _aside_name(path, label, now)
    os.replace(path, aside)
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    fsync_dir(path.parent)
    return aside


@dataclass(frozen=True, slots=True)
class RestoreResult:
    target: Path
    safety_backup: Path | None  # backup of the state the restore replaced
    moved_aside: Path | None  # the damaged file, if it could not be backed up


def restore_backup(
    backup: Path | str | BackupInfo,
    target: Path | str,
    *,
    root: Path | None = None,
    retention: RetentionPolicy | None = DEFAULT_RETENTION,
    now: datetime | None = None,
    damaged_copy: Path | None = None,
    force_lock: bool = False,
) -> RestoreResult:
    """Replace the content of ``target`` with a verified backup.

    The current state of ``target`` is backed up first (reason ``before-restore``); if it is
    too damaged to back up, it is moved aside as ``NAME.damaged-DATE`` instead (or, when
    ``damaged_copy`` holds such a copy already, replaced). The target
    must not be open for writing anywhere (the caller closes its own repository first; a
    lock held by another instance refuses the restore).

    Raises:
        BackupError, NewerVersionError: nothing was changed.
    """
    from kpm_desktop.storage.lock import WriterLock  # lock imports nothing from here

    backup_path = backup.path if isinstance(backup, BackupInfo) else Path(backup)
    target = Path(target)
    if not backup_path.is_file():
        raise BackupError(msg("backup_missing", path=str(backup_path)))
    problems = verify_backup(backup_path)
    if problems:
        raise BackupError(msg("backup_unusable", name=backup_path.name, problem=problems[0]))

    with WriterLock.acquire(target, force=force_lock):
        safety: Path | None = None
        aside: Path | None = None
        if target.exists():
            check_readable_matrix(target)  # a newer file stays untouched
            try:
                safety = backup_file(
                    target, REASON_RESTORE, root=root, retention=retention, now=now
                )
            except BackupError:
                if not verify_backup(target):
                    raise  # the file is fine; the backup failed for another reason
                if damaged_copy is not None and damaged_copy.is_file():
                    # Kept already (``copy_aside``): replace the damaged file wholesale.
                    for suffix in ("", "-wal", "-shm"):
                        target.with_name(target.name + suffix).unlink(missing_ok=True)
                    aside = damaged_copy
                else:
                    aside = move_aside(target, "damaged", now)
        _copy_into(backup_path, target)
    return RestoreResult(target=target, safety_backup=safety, moved_aside=aside)


def _copy_into(backup_path: Path, target: Path) -> None:
    """Write the backup's pages into ``target`` with the backup API, atomically."""
    src = connect_read_only(backup_path)
    try:
        if target.exists():
            # Into the existing file: SQLite replaces all pages in one transaction and keeps
            # the target's WAL mode, so a crash leaves either the old or the new content.
            dst = sqlite3.connect(str(target), isolation_level=None)
            try:
                dst.execute("PRAGMA busy_timeout = 3000")
                src.backup(dst)
                # The source passed the full check just now; a quick check of the result.
                problems = quick_check(dst)
            finally:
                dst.close()
            if problems:  # pragma: no cover - the source was just verified
                raise BackupError(msg("restore_failed", file=target.name, detail=problems[0]))
            return
        tmp = target.with_name(target.name + ".partial")
        tmp.unlink(missing_ok=True)
        try:
            dst = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = WAL")
            finally:
                dst.close()
            fsync_file(tmp)
            os.replace(tmp, target)
            fsync_dir(target.parent)
        finally:
            tmp.unlink(missing_ok=True)
    except sqlite3.Error as exc:
        raise BackupError(msg("restore_failed", file=target.name, detail=str(exc))) from exc
    finally:
        src.close()


def newest_good_backup(
    matrix_path: Path | str, *, root: Path | None = None, max_checked: int = 10
) -> BackupInfo | None:
    """The newest backup of a file that passes verification (checks at most ``max_checked``)."""
    for info in list_backups(matrix_path, root=root)[:max_checked]:
        if not verify_backup(info.path):
            return info
    return None


def resolve_backup(matrix_path: Path | str, choice: str, *, root: Path | None = None) -> Path:
    """A backup chosen by the user: a file path, ``latest``, or its number in the list (1 = newest)."""
    candidate = Path(choice).expanduser()
    if candidate.is_file():
        return candidate
    infos = list_backups(matrix_path, root=root)
    if choice == "latest":
        if not infos:
            raise BackupError(msg("no_backups", file=Path(matrix_path).name))
        return infos[0].path
    if choice.isdigit() and 1 <= int(choice) <= len(infos):
        return infos[int(choice) - 1].path
    for info in infos:
        if info.path.name == choice:
            return info.path
    raise BackupError(msg("backup_not_found", choice=choice, file=Path(matrix_path).name))
