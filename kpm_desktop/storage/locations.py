"""Where a matrix file lives, and what that means for safe editing.

- A read-only file, folder or drive: the file opens read-only (``read_only_reason``).
- A cloud-sync folder (OneDrive, Dropbox, Google Drive, iCloud Drive, ...): the sync client
  may upload a half-written state or create conflicting copies, and an SQLite file with its
  ``-wal`` beside it is exactly what such clients handle worst. A warning with the reason.
- A network share (SMB/CIFS, NFS, sshfs, ...): SQLite's locking and WAL depend on shared
  memory and OS locks that network file systems do not reliably provide. A warning.

The checks are cheap (no network access) and never touch the file. Messages are English
one-liners for the CLI; ``LocationWarning.kind`` and ``service`` let the GUI phrase its own
translated text.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePath

from kpm_desktop.storage.messages import Message, msg


class WarningKind(StrEnum):
    CLOUD_SYNC = "cloud-sync"
    NETWORK = "network"


@dataclass(frozen=True, slots=True)
class LocationWarning:
    """Why a file's folder is risky for a matrix file (sync client, network share)."""

    kind: WarningKind
    service: str  # "OneDrive", "Dropbox", ..., or the network file system ("cifs", "UNC path")
    message: str


# Folder names (compared case-insensitively, one path component or a prefix of it) used by
# the sync clients' default set-ups on Windows, macOS and Linux.
_SYNC_FOLDERS: tuple[tuple[str, str], ...] = (
    ("onedrive", "OneDrive"),  # "OneDrive", "OneDrive - Firma GmbH"
    ("dropbox", "Dropbox"),  # "Dropbox", "Dropbox (Firma)"
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("meine ablage", "Google Drive"),
    ("icloud drive", "iCloud Drive"),
    ("iclouddrive", "iCloud Drive"),
    ("com~apple~clouddocs", "iCloud Drive"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("box sync", "Box"),
    ("pcloud drive", "pCloud"),
)
_SYNC_PATH_MARKERS: tuple[tuple[str, str], ...] = (
    ("library/cloudstorage/onedrive", "OneDrive"),
    ("library/cloudstorage/dropbox", "Dropbox"),
    ("library/cloudstorage/googledrive", "Google Drive"),
    ("library/mobile documents", "iCloud Drive"),
)
_SYNC_ENV_VARS = (
    ("OneDrive", "OneDrive"),
    ("OneDriveCommercial", "OneDrive"),
    ("OneDriveConsumer", "OneDrive"),
)

NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smbfs",
        "smb3",
        "afs",
        "ncpfs",
        "9p",
        "davfs",
        "webdav",
        "ceph",
        "glusterfs",
        "lustre",
        "fuse.sshfs",
        "sshfs",
        "fuse.rclone",
        "fuse.s3fs",
        "afpfs",
    }
)


def cloud_sync_service(path: Path | str) -> str | None:
    """The sync service whose folder holds ``path``, or None."""
    path = Path(path).expanduser()
    try:
        path = path.resolve()
    except OSError:
        pass
    text = path.as_posix().lower()
    for marker, service in _SYNC_PATH_MARKERS:
        if marker in text:
            return service
    for part in PurePath(text).parts[:-1]:
        for prefix, service in _SYNC_FOLDERS:
            if part == prefix or part.startswith(prefix + " ") or part.startswith(prefix + "-"):
                return service
    for var, service in _SYNC_ENV_VARS:
        root = os.environ.get(var)
        if root and _is_under(path, Path(root)):
            return service
    return None


def _is_under(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root.expanduser().resolve())
    except (ValueError, OSError):
        return False
    return True


def _linux_mounts(mounts_file: Path = Path("/proc/self/mounts")) -> list[tuple[str, str, str]]:
    """(mount point, fs type, source) of every mount, longest mount point first."""
    out: list[tuple[str, str, str]] = []
    try:
        text = mounts_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return out
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            # Mount points encode spaces etc. as octal escapes (\040).
            point = fields[1].encode().decode("unicode_escape")
            out.append((point, fields[2], fields[0]))
    out.sort(key=lambda m: len(m[0]), reverse=True)
    return out


def filesystem_type(path: Path, mounts_file: Path | None = None) -> str | None:
    """File system type of the mount holding ``path`` (Linux and macOS), or None."""
    path = path.expanduser().resolve()
    if sys.platform.startswith("linux") or mounts_file is not None:
        for point, fstype, _source in _linux_mounts(mounts_file or Path("/proc/self/mounts")):
            if path == Path(point) or _is_under(path, Path(point)):
                return fstype
        return None
    if sys.platform == "darwin":  # pragma: no cover - macOS only
        import subprocess  # here only (not on the start path)

        try:
            text = subprocess.run(
                ["mount"], capture_output=True, text=True, timeout=2, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        best: tuple[int, str] | None = None
        for line in text.splitlines():  # "//u@srv/share on /Volumes/share (smbfs, nodev, ...)"
            if " on " not in line or "(" not in line:
                continue
            point = line.split(" on ", 1)[1].rsplit(" (", 1)[0]
            fstype = line.rsplit("(", 1)[1].split(",")[0].strip(") ")
            if _is_under(path, Path(point)) and (best is None or len(point) > best[0]):
                best = (len(point), fstype)
        return best[1] if best else None
    return None


def network_location(path: Path | str, *, mounts_file: Path | None = None) -> str | None:
    """A short name of the network file system holding ``path`` ("UNC path", "cifs", ...)."""
    raw = str(path)
    if raw.startswith(("\\\\", "//")) and not raw.startswith(("\\\\?\\", "\\\\.\\")):
        return "UNC path"
    path = Path(path)
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        drive = path.resolve().drive
        if drive.startswith("\\\\"):
            return "UNC path"
        if drive and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4:  # DRIVE_REMOTE
            return "network drive"
        return None
    fstype = filesystem_type(path, mounts_file)
    if fstype and (fstype in NETWORK_FS_TYPES or fstype.split(".")[-1] in NETWORK_FS_TYPES):
        return fstype
    return None


def location_warnings(path: Path | str) -> list[LocationWarning]:
    """Warnings about where ``path`` lives (empty = a local, unsynced folder)."""
    path = Path(path)
    warnings: list[LocationWarning] = []
    service = cloud_sync_service(path)
    if service:
        warnings.append(
            LocationWarning(
                WarningKind.CLOUD_SYNC,
                service,
                f"{path.name} is in a {service} folder: syncing can copy the file in the middle "
                "of a change or create conflicting copies; keep matrix files in a local folder "
                "(backups protect them)",
            )
        )
    fs = network_location(path)
    if fs:
        warnings.append(
            LocationWarning(
                WarningKind.NETWORK,
                fs,
                f"{path.name} is on a network share ({fs}): SQLite cannot guarantee safe "
                "writes there, and a dropped connection can damage the file; copy it to a "
                "local folder to edit it",
            )
        )
    return warnings


def read_only_reason(path: Path | str) -> str | None:
    """Why ``path`` can only be opened read-only (None: it can be written).

    SQLite needs to write the file itself and to create its ``-wal``/``-shm`` files and our
    lock file beside it, so a read-only folder means read-only as well.
    """
    message = read_only_message(path)
    return None if message is None else str(message)


def read_only_message(path: Path | str) -> Message | None:
    """``read_only_reason`` as a translatable message (``storage.messages``)."""
    path = Path(path)
    if not path.exists():
        return None
    folder = path.parent if str(path.parent) else Path(".")
    if _read_only_mount(path):
        return msg("ro_drive", file=path.name)
    if not os.access(path, os.W_OK):
        return msg("ro_file", file=path.name)
    if not os.access(folder, os.W_OK | os.X_OK):
        return msg("ro_folder", file=path.name)
    return None


def _read_only_mount(path: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:  # pragma: no cover - Windows
        return False
    try:
        return bool(statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False
