"""Hostile places and conditions: read-only files and drives, a full disk, sync folders, shares."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from kpm_desktop.domain.entities import Note
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage import locations
from kpm_desktop.storage.backup import content_hash
from kpm_desktop.storage.errors import DiskFullError, ReadOnlyError
from kpm_desktop.storage.locations import (
    WarningKind,
    cloud_sync_service,
    location_warnings,
    network_location,
    read_only_reason,
)
from kpm_desktop.storage.lock import lock_path_for
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash
from tests.helpers.mounts import remount


# -- read-only ------------------------------------------------------------------------------
def test_read_only_file_opens_read_only_with_reason(
    demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_access = os.access

    def access(path: os.PathLike | str, mode: int) -> bool:  # as if chmod a-w (root ignores it)
        if Path(path) == demo_file and mode & os.W_OK:
            return False
        return real_access(path, mode)

    monkeypatch.setattr(locations.os, "access", access)
    before = file_hash(demo_file)
    with Repository.open(demo_file) as repo:
        assert repo.read_only
        assert repo.read_only_reason == "demo.kpm is read-only (file permissions)"
        assert repo.load_matrix().n_rows > 0
        with pytest.raises(ReadOnlyError):
            repo.add_note(
                Note(
                    customer_id=repo.load_customers()[0].id, note_date=date(2026, 11, 27), text="x"
                )
            )
    assert file_hash(demo_file) == before
    assert not lock_path_for(demo_file).exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and mounts")
def test_read_only_folder(demo_file: Path) -> None:
    """A folder the app may not write to. As a normal user: chmod. As root (CI), which ignores
    permissions: a read-only bind mount of the folder; skipped only where mounting is refused."""
    import subprocess

    folder = demo_file.parent
    if os.geteuid() != 0:
        demo_file.chmod(0o444)
        folder.chmod(0o555)
        undo = [lambda: folder.chmod(0o755)]
    else:
        bind = subprocess.run(
            ["mount", "--bind", str(folder), str(folder)], capture_output=True, text=True
        )
        if bind.returncode != 0:
            pytest.skip(f"cannot bind-mount the folder here: {bind.stderr.strip()}")
        undo = [lambda: subprocess.run(["umount", "-l", str(folder)], check=False)]
        ro = subprocess.run(
            ["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True, text=True
        )
        if ro.returncode != 0:
            undo[0]()
            pytest.skip(f"cannot remount the folder read-only here: {ro.stderr.strip()}")
    try:
        before = file_hash(demo_file)
        assert read_only_reason(demo_file) is not None
        with Repository.open(demo_file) as repo:
            assert repo.read_only and repo.load_matrix().n_rows > 0
            with pytest.raises(ReadOnlyError):
                repo.set_marks([(1, 1, Mark.OURS)])
        assert file_hash(demo_file) == before
    finally:
        for step in undo:
            step()


def test_read_only_drive(demo_file: Path, tmpfs: Path) -> None:
    expected = content_hash(demo_file)
    target = tmpfs / "Gebiet.kpm"
    shutil.copyfile(demo_file, target)
    remount(tmpfs, "ro")
    assert read_only_reason(target) == "Gebiet.kpm is on a read-only drive"
    with Repository.open(target) as repo:
        assert repo.read_only
        assert repo.read_only_reason == "Gebiet.kpm is on a read-only drive"
        assert content_hash(repo.conn) == expected
        with pytest.raises(ReadOnlyError):
            repo.set_marks([(1, 1, Mark.OURS)])
    assert sorted(p.name for p in tmpfs.iterdir()) == ["Gebiet.kpm"]


# -- full disk ------------------------------------------------------------------------------
def _big_note(repo: Repository) -> Note:
    return Note(
        customer_id=repo.load_customers()[0].id,
        note_date=date(2026, 11, 27),
        text="Besuch " * 40_000,
    )


def test_disk_full_rolls_back_cleanly_max_page_count(demo_file: Path) -> None:
    with Repository.open(demo_file) as repo:
        before = content_hash(repo.conn)
        pages = repo.conn.execute("PRAGMA page_count").fetchone()[0]
        repo.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        m = repo.load_matrix()
        cells = [(c.id, p.id, Mark.NEED) for c in m.customers for p in m.products]
        with pytest.raises(DiskFullError, match="is full: the change was not saved"):
            repo.set_marks(cells)  # one action: all of it or nothing
        with pytest.raises(DiskFullError):
            repo.add_note(_big_note(repo))
        assert not repo.conn.in_transaction
        assert content_hash(repo.conn) == before
        # Nothing else broke: small edits still work once there is room again.
        repo.conn.execute(f"PRAGMA max_page_count = {pages + 1000}")
        repo.set_marks([(m.customers[0].id, m.products[0].id, Mark.OURS)])
        assert repo.verify() == []
    with Repository.open(demo_file) as repo:
        assert repo.verify() == []
        assert repo.get_cell(m.customers[0].id, m.products[0].id).mark is Mark.OURS  # type: ignore[union-attr]


def test_disk_full_on_a_real_tiny_drive(demo_file: Path, tmpfs: Path) -> None:
    target = tmpfs / "Gebiet.kpm"
    shutil.copyfile(demo_file, target)
    with Repository.open(target) as repo:
        before = content_hash(repo.conn)
        filler = tmpfs / "filler"
        free = shutil.disk_usage(tmpfs).free
        filler.write_bytes(b"\0" * max(free - 64 * 1024, 0))  # leave 64 KiB
        m = repo.load_matrix()
        cells = [(c.id, p.id, Mark.COMPETITOR) for c in m.customers for p in m.products]
        with pytest.raises(DiskFullError):
            repo.set_marks(cells)
        assert not repo.conn.in_transaction
        assert content_hash(repo.conn) == before
        filler.unlink()
        repo.set_marks([(m.customers[0].id, m.products[0].id, Mark.OURS)])
    with Repository.open(target) as repo:
        assert repo.verify() == []


# -- where the file lives -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/home/anna/OneDrive/Vertrieb/Gebiet.kpm", "OneDrive"),
        ("C:/Users/anna/OneDrive - Muster GmbH/Gebiet.kpm", "OneDrive"),
        ("/Users/anna/Library/CloudStorage/OneDrive-Personal/Gebiet.kpm", "OneDrive"),
        ("/home/anna/Dropbox/Gebiet.kpm", "Dropbox"),
        ("/home/anna/Dropbox (Muster)/Kunden/Gebiet.kpm", "Dropbox"),
        ("G:/My Drive/Gebiet.kpm", "Google Drive"),
        ("G:/Meine Ablage/Gebiet.kpm", "Google Drive"),
        (
            "/Users/anna/Library/CloudStorage/GoogleDrive-anna@example.com/Gebiet.kpm",
            "Google Drive",
        ),
        ("/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/Gebiet.kpm", "iCloud Drive"),
        ("C:/Users/anna/iCloudDrive/Gebiet.kpm", "iCloud Drive"),
        ("/home/anna/Nextcloud/Gebiet.kpm", "Nextcloud"),
        ("/home/anna/Dokumente/Gebiet.kpm", None),
        ("/home/anna/dropboxes-old/Gebiet.kpm", None),
        ("/home/anna/OneDrive.kpm", None),  # the file's own name does not count
    ],
)
def test_cloud_sync_folders(path: str, service: str | None) -> None:
    assert cloud_sync_service(path) == service


def test_onedrive_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "Firmenablage"
    root.mkdir()
    monkeypatch.setenv("OneDriveCommercial", str(root))
    assert cloud_sync_service(root / "x" / "Gebiet.kpm") == "OneDrive"
    assert cloud_sync_service(tmp_path / "Gebiet.kpm") is None


def test_network_shares(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        "//srv/vertrieb /mnt/vertrieb cifs rw 0 0\n"
        "srv:/export /mnt/nfs nfs4 rw 0 0\n"
        "anna@srv: /home/anna/remote fuse.sshfs rw 0 0\n"
        "/dev/sdb1 /mnt/usb\\040stick vfat rw 0 0\n"
    )
    assert network_location("/mnt/vertrieb/Gebiet.kpm", mounts_file=mounts) == "cifs"
    assert network_location("/mnt/nfs/a/Gebiet.kpm", mounts_file=mounts) == "nfs4"
    assert network_location("/home/anna/remote/Gebiet.kpm", mounts_file=mounts) == "fuse.sshfs"
    assert network_location("/mnt/usb stick/Gebiet.kpm", mounts_file=mounts) is None
    assert network_location("/home/anna/Gebiet.kpm", mounts_file=mounts) is None
    assert network_location("\\\\server\\share\\Gebiet.kpm") == "UNC path"
    assert network_location("//server/share/Gebiet.kpm") == "UNC path"


def test_location_warnings_name_the_reason(tmp_path: Path) -> None:
    [w] = location_warnings(tmp_path / "Dropbox" / "Gebiet.kpm")
    assert w.kind is WarningKind.CLOUD_SYNC and w.service == "Dropbox"
    assert "Gebiet.kpm is in a Dropbox folder" in w.message and "conflicting copies" in w.message
    assert location_warnings(tmp_path / "Gebiet.kpm") == []


def test_wal_with_changes_on_a_read_only_drive_is_not_shown_stale(
    demo_file: Path, tmpfs: Path
) -> None:
    from kpm_desktop.storage.errors import ReadOnlyLocationError
    from tests.helpers.processes import killed_writer

    target = tmpfs / "Gebiet.kpm"
    shutil.copyfile(demo_file, target)
    killed_writer(target)  # leaves committed changes in Gebiet.kpm-wal
    target.with_name("Gebiet.kpm-shm").unlink()
    remount(tmpfs, "ro")
    with pytest.raises(ReadOnlyLocationError, match="copy both files"):
        Repository.open(target)
