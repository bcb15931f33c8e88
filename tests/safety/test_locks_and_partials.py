"""Locks, read-only drives and interrupted backups (issue 16, items 4-6)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kpm_desktop.cli import main
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.backup import (
    backup_file,
    backup_folder,
    clean_stale_partials,
    list_backups,
)
from kpm_desktop.storage.lock import FileLockedError, LockOwner, lock_path_for
from kpm_desktop.storage.repository import Repository
from tests.helpers.dialogs import answer_message_box
from tests.helpers.files import file_hash
from tests.helpers.mounts import remount
from tests.helpers.processes import REPO_ROOT, python_child

pytestmark = pytest.mark.usefixtures("data_dir")  # backups and logs in tmp_path


# -- item 4: stale partial backups ------------------------------------------------------------
def test_an_interrupted_backup_leaves_a_partial_that_the_next_backup_removes(
    demo_file: Path,
) -> None:
    backup_file(demo_file, "auto")
    folder = backup_folder(demo_file)
    # What a backup killed in the middle leaves: a full-size *.partial.
    stale = folder / "demo.20261201-080000.000Z.auto.kpm.partial"
    shutil.copyfile(next(folder.iterdir()), stale)
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = folder / "demo.20261206-080000.000Z.auto.kpm.partial"  # another process, now
    shutil.copyfile(stale, fresh)
    assert [b.path.name for b in list_backups(demo_file)] == [
        p.name for p in folder.iterdir() if p.name.endswith(".kpm")
    ]  # never listed
    backup_file(demo_file, "manual")
    assert not stale.exists()  # older than this process, not in use: cleaned
    assert fresh.exists()  # newer than this process: may be written right now
    assert all(not b.path.name.endswith(".partial") for b in list_backups(demo_file))


def test_a_partial_being_written_is_left_alone(demo_file: Path) -> None:
    folder = backup_folder(demo_file)
    folder.mkdir(parents=True)
    partial = folder / "demo.20261201-080000.000Z.auto.kpm.partial"
    shutil.copyfile(demo_file, partial)
    old = time.time() - 3600
    os.utime(partial, (old, old))
    # Another process writing it, as SQLite's backup API holds the file during the copy.
    with python_child(WRITER, str(partial)) as writer:
        assert writer.stdout is not None and writer.stdin is not None
        assert writer.stdout.readline().strip() == "writing"
        assert clean_stale_partials(folder) == []
        assert partial.exists()
        writer.stdin.write("\n")
        writer.stdin.flush()
        assert writer.stdout.readline().strip() == "done"
    os.utime(partial, (old, old))
    assert clean_stale_partials(folder) == [partial]


WRITER = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("BEGIN EXCLUSIVE")
    print("writing", flush=True)
    sys.stdin.readline()
    conn.execute("ROLLBACK")
    conn.close()
    print("done", flush=True)
    """
)


# -- item 5: read-only drive, CLI ----------------------------------------------------------------
def test_import_and_restore_on_a_read_only_drive_say_one_line(
    demo_file: Path, tmpfs: Path, tmp_path: Path
) -> None:
    target = tmpfs / "Gebiet.kpm"
    shutil.copyfile(demo_file, target)
    backup_file(target, "manual")
    csv = tmp_path / "kunden.csv"
    csv.write_text("Kundennummer;Name\n999001;Neu GmbH\n", encoding="utf-8")
    remount(tmpfs, "ro")
    before = file_hash(target)
    for args in (
        ["import", "--kind", "customers", str(target), str(csv)],
        ["restore", str(target), "latest"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "kpm_desktop.cli", *args],
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
            env={**os.environ, "KPM_DATA_DIR": os.environ["KPM_DATA_DIR"]},
            check=False,
        )
        assert done.returncode == 2, done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and "read-only drive" in lines[0], done.stderr
        assert "Traceback" not in done.stderr
    assert file_hash(target) == before
    assert sorted(p.name for p in tmpfs.iterdir()) == ["Gebiet.kpm"]


# -- item 6: the OS lock is the authority; a foreign computer's lock can be taken over --------
HOLDER = textwrap.dedent(
    """
    import sys
    from kpm_desktop.domain.marks import Mark
    from kpm_desktop.storage.repository import Repository
    repo = Repository.open(sys.argv[1])
    print("open", flush=True)
    sys.stdin.readline()
    m = repo.load_matrix()
    repo.set_marks([(m.customers[0].id, m.products[0].id, Mark.COMPETITOR)])
    repo.close()
    print("closed", flush=True)
    """
)


def test_deleting_the_lock_file_does_not_let_a_second_instance_write(demo_file: Path) -> None:
    with python_child(HOLDER, str(demo_file)) as holder:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        lock_path_for(demo_file).unlink()  # a user "cleans up" the lock file
        with pytest.raises(FileLockedError, match="already open for editing"):
            Repository.open(demo_file)
        assert not lock_path_for(demo_file).exists()  # the refused instance left none
        with Repository.open(demo_file, read_only=True) as viewer:  # looking is fine
            assert viewer.read_only and viewer.load_matrix().n_rows == 60
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "closed"
    with Repository.open(demo_file) as repo:  # the holder is gone: editable again
        m = repo.load_matrix()
        assert repo.get_cell(m.customers[0].id, m.products[0].id).mark is Mark.COMPETITOR  # type: ignore[union-attr]


def _foreign_lock(path: Path) -> LockOwner:
    owner = LockOwner(pid=4242, hostname="laptop-anna", user="anna", started="2026-12-05T16:30:00Z")
    lock_path_for(path).write_text(owner.to_json(), encoding="utf-8")
    return owner


def test_cli_force_unlock_takes_over_a_foreign_lock_with_a_warning(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert socket.gethostname() != "laptop-anna"
    _foreign_lock(demo_file)
    csv = tmp_path / "kunden.csv"
    csv.write_text("Kundennummer;Name\n999001;Neu GmbH\n", encoding="utf-8")
    args = ["import", "--kind", "customers", str(demo_file), str(csv)]
    before = file_hash(demo_file)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "anna on the computer laptop-anna since 2026-12-05 16:30:00" in err
    assert file_hash(demo_file) == before
    assert main([*args, "--force-unlock", "--json"]) == 0
    captured = capsys.readouterr()
    assert "warning" in captured.err and "laptop-anna" in captured.err
    assert json.loads(captured.out)["applied"]
    assert not lock_path_for(demo_file).exists()  # released after the import
    with Repository.open(demo_file, read_only=True) as repo:
        assert any(c.name == "Neu GmbH" for c in repo.load_customers())


@pytest.mark.parametrize("button", ["take_over", "read_only", "cancel"])
def test_window_offers_to_take_over_a_foreign_lock_naming_user_host_and_time(
    main_window_factory, demo_file: Path, button: str
) -> None:
    _foreign_lock(demo_file)
    win = main_window_factory(extensions=(), persist_state=False)
    seen: list[str] = []
    labels = {"take_over": "Take over editing", "read_only": "Open read-only", "cancel": "Cancel"}
    answer_message_box(labels[button], seen)
    opened = win.open_file(demo_file)
    assert seen and "anna" in seen[0] and "laptop-anna" in seen[0]
    assert "2026" in seen[0] or "05.12" in seen[0] or "12/5" in seen[0]
    if button == "take_over":
        assert opened and not win.workspace.read_only
        assert LockOwner.from_json(lock_path_for(demo_file).read_text()).hostname == (
            socket.gethostname()
        )
    elif button == "read_only":
        assert opened and win.workspace.read_only
        assert "laptop-anna" in lock_path_for(demo_file).read_text()  # left as it was
    else:
        assert not opened and win.workspace is None
        assert "laptop-anna" in lock_path_for(demo_file).read_text()
    win.close()
