"""User-facing storage messages (opening, writing, locks, damage) under stable keys.

The same scheme as ``import_export.messages``: English format strings here, Qt-free; the GUI
translates them with ``QCoreApplication.translate("storage", MESSAGES[key])`` and then fills
in the parameters (``gui.storage_text``); the CLI does the same (``cli.i18n``). Keys never change
meaning: add a new key instead of rewording one into something else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MESSAGES: dict[str, str] = {
    # -- opening ------------------------------------------------------------------------------
    "file_missing": "{path} does not exist",
    "not_a_file": "{path} is not a file",
    "not_sqlite": "{file} is not a KPM matrix file (not an SQLite database)",
    "not_kpm": "{file} is not a KPM matrix file (an SQLite file of another application)",
    "newer_version": (
        "{file} was written by a newer KPM Desktop (file format {version}, this version "
        "reads up to {supported}); please update KPM Desktop"
    ),
    "older_format_read_only": (
        "{file} uses an older file format and must be opened for writing once to update"
    ),
    "cannot_read": "{file} cannot be read: {detail}",
    "ro_drive": "{file} is on a read-only drive",
    "ro_file": "{file} is read-only (file permissions)",
    "ro_folder": "{file} is in a read-only folder",
    "damaged": "{file} is damaged: {problem}",
    "wal_missing": (
        "{file} is incomplete: its change log ({wal}) is missing, so the latest changes are "
        "not in the file (was it copied while open?)"
    ),
    # -- writing ----------------------------------------------------------------------------
    "disk_full_not_saved": (
        "the disk holding {file} is full: the change was not saved (nothing else was "
        "changed); free some space and try again"
    ),
    "checkpoint_pending": (
        "the disk holding {file} is full: your changes are saved in its change log "
        "({wal}) but cannot be merged into the file yet; free some space (KPM Desktop "
        "retries by itself) and do not delete {wal}"
    ),
    "checkpoint_recovered": "{file}: the change log was merged into the file again",
    "read_only_write": "{file} is open read-only",
    "cannot_open": "{file} cannot be opened: {detail}",
    # -- backups and restore ---------------------------------------------------------------
    "backup_in_change": "{file}: cannot back up in the middle of a change",
    "backup_folder_failed": "cannot create the backup folder {folder}: {detail}",
    "backup_check_failed": (
        "the backup of {file} failed its integrity check ({problem}); older backups were kept"
    ),
    "backup_failed": "cannot back up {file}: {detail}",
    "backup_write_failed": "cannot write the backup of {file}: {detail}",
    "backup_missing": "the backup {path} does not exist",
    "backup_unusable": "the backup {name} cannot be restored: {problem}",
    "restore_failed": "cannot restore into {file}: {detail}",
    "no_backups": "there are no backups of {file}",
    # -- history ------------------------------------------------------------------------------
    "snapshot_missing": "no snapshot {ref} in {file}",
    "backup_not_found": "no backup '{choice}' of {file} (see kpm backup --list)",
    # -- locks ------------------------------------------------------------------------------
    "locked": "{file} is already open for editing by {who}; close it there, or open it read-only",
    "locked_unknown": (
        "{file} is already open for editing in another KPM Desktop; close it there, or open "
        "it read-only"
    ),
    "locked_other_computer": (
        "{file} is marked as open for editing by {user} on the computer {host} since {since} "
        "UTC. If it is no longer open there (that computer crashed or was switched off), "
        "editing can be taken over (the app asks; kpm: --force-unlock); if it is still open "
        "there, changes made there can be lost"
    ),
    "lock_read_only_drive": (
        "{file} is on a read-only drive: nothing can be changed there; copy it to a "
        "writable folder first"
    ),
    "lock_no_permission": (
        "{file} cannot be changed: no permission to write in {folder}; copy it to a "
        "writable folder first"
    ),
    "lock_disk_full": "{file} cannot be changed: its disk is full; free some space first",
    "lock_cannot_create": "{file} cannot be locked for editing ({detail})",
    # -- damage -------------------------------------------------------------------------------
    "wal_damaged": (
        "recent changes to {file} may be missing: its change log was damaged (after a crash?) "
        "and the saved changes after the damage cannot be read (transactions lost: {lost}). "
        "The damaged log is kept as {kept}; the newest automatic backup is from {backup} "
        "(File > Backups)"
    ),
    "damaged_read_only": (
        "{file} is damaged ({problem}); it is open read-only so that nothing more is "
        "written to it. The file as it was, with every change made so far, is kept as {kept}"
    ),
    "wal_unreadable_read_only": (
        "{file} has changes in {wal} that cannot be read in a read-only folder; copy both "
        "files to a writable folder to open them"
    ),
    "wal_unreadable_full": (
        "{file} has changes in {wal} that cannot be read while its disk is full; free some "
        "space and open it again"
    ),
    "opened_read_only_disk_full": (
        "{file} is opened read-only: its disk is full ({free_kb} KB free), so no change "
        "could be saved; free some space and open it again to edit"
    ),
}


@dataclass(frozen=True, slots=True)
class Message:
    """A message key with its parameters (formatted in English, or translated in the GUI)."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        return MESSAGES[self.key].format(**self.params)

    def __str__(self) -> str:
        return self.text()


def msg(key: str, **params: Any) -> Message:
    if key not in MESSAGES:
        raise KeyError(key)
    return Message(key, params)
