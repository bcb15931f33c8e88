"""A change log overwritten in the middle (issue 16, item 9): SQLite drops every later commit
silently; we notice, say that recent edits may be missing, keep the log and point to the
automatic backup."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kpm_desktop.cli import main
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.backup import backup_file
from kpm_desktop.storage.database import check_file
from kpm_desktop.storage.repository import Repository
from kpm_desktop.storage.wal import read_wal_state
from tests.helpers.window import SAFETY

ROOT = Path(__file__).resolve().parents[2]
EDITS = 20
CHILD = textwrap.dedent(
    f"""
    import os, signal, sys
    from kpm_desktop.domain.marks import Mark
    from kpm_desktop.storage.repository import Repository
    repo = Repository.open(sys.argv[1])
    m = repo.load_matrix()
    for i in range({EDITS}):  # one transaction each, all committed (synchronous = FULL)
        repo.set_marks([(m.customers[i].id, m.products[0].id, Mark.COMPETITOR)])
    os.kill(os.getpid(), signal.SIGKILL)  # a crash: the log stays beside the file
    """
)


pytestmark = pytest.mark.usefixtures("data_dir")  # backups and logs in tmp_path


def crash_with_damaged_log(path: Path, frame: int = 10) -> None:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], cwd=ROOT, check=False)
    assert done.returncode == -signal.SIGKILL
    wal = path.with_name(path.name + "-wal")
    state = read_wal_state(wal)
    assert state is not None and not state.damaged and state.valid_commits > EDITS
    data = bytearray(wal.read_bytes())
    offset = 32 + frame * (24 + 4096) + 24 + 100  # inside the page of frame 10
    data[offset : offset + 64] = b"\xaa" * 64
    wal.write_bytes(bytes(data))


def test_reading_the_log_finds_commits_sqlite_will_skip(demo_file: Path) -> None:
    crash_with_damaged_log(demo_file)
    state = read_wal_state(demo_file.with_name("demo.kpm-wal"))
    assert state is not None and state.damaged
    assert state.first_bad_frame == 10 and state.lost_commits > 10
    checked = check_file(demo_file, "auto")
    assert checked.wal_lost_commits == state.lost_commits and not checked.clean


def test_opening_says_recent_edits_may_be_missing_and_keeps_the_log(demo_file: Path) -> None:
    backup_file(demo_file, "auto")
    crash_with_damaged_log(demo_file)
    with Repository.open(demo_file) as repo:
        assert repo.wal_warning is not None
        text = str(repo.wal_warning)
        assert "may be missing" in text and "newest automatic backup is from 20" in text
        m = repo.load_matrix()
        marked = sum(
            repo.get_cell(m.customers[i].id, m.products[0].id) is not None
            and repo.get_cell(m.customers[i].id, m.products[0].id).mark is Mark.COMPETITOR  # type: ignore[union-attr]
            for i in range(EDITS)
        )
        assert marked < EDITS  # SQLite really dropped them: the warning is not a false alarm
    [kept] = demo_file.parent.glob("demo.kpm-wal.damaged-*")
    assert kept.stat().st_size > 0 and read_wal_state(kept).damaged  # type: ignore[union-attr]


def test_kpm_check_reports_the_damaged_log(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crash_with_damaged_log(demo_file)
    assert main(["check", str(demo_file)]) == 1
    out = capsys.readouterr().out
    assert "change log was damaged" in out and "may be missing" in out


def test_the_window_tells_the_user_and_points_to_the_backup(
    qtbot, main_window_factory, demo_file: Path
) -> None:
    backup_file(demo_file, "auto")
    crash_with_damaged_log(demo_file)
    win = main_window_factory(extensions=SAFETY, persist_state=False)
    shown = win.messages
    assert win.open_file(demo_file)
    qtbot.waitUntil(lambda: bool(shown))
    title, text = shown[0]
    assert title == "Recent changes may be missing"
    assert "Backups" in text and "damaged log is kept as demo.kpm-wal.damaged-" in text
    from kpm_desktop.gui.safety import controller

    assert "may be missing" in controller(win).banner.text()
    win.close()
    assert os.path.exists(demo_file)
