"""Full disks at the edges (issue 16, items 1-2): an error after COMMIT is never a lost edit,
and a file on a full disk opens (read-only) and says why. Real ENOSPC on a small tmpfs."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kpm_desktop.domain.entities import Note
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage import database
from kpm_desktop.storage.errors import DiskFullError
from kpm_desktop.storage.lock import lock_path_for
from kpm_desktop.storage.repository import Repository
from tests.helpers.mounts import fill_disk
from tests.helpers.processes import run_desktop
from tests.helpers.window import SAFETY


@pytest.fixture
def on_tmpfs(demo_file: Path, tmpfs4: Path) -> Path:
    target = tmpfs4 / "Gebiet.kpm"
    shutil.copyfile(demo_file, target)
    return target


def _note(repo: Repository, i: int) -> Note:
    cid = repo.load_customers()[0].id
    return Note(customer_id=cid, note_date=date(2026, 12, 6), text=f"Besuch {i} " + "x" * 30_000)


def test_checkpoint_failing_after_commit_keeps_the_edit_and_reports_separately(
    on_tmpfs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "CHECKPOINT_WAL_BYTES", 0)  # checkpoint after every commit
    heard: list[object] = []
    saved: list[int] = []
    with Repository.open(on_tmpfs) as repo:
        repo.checkpoint_listeners.append(heard.append)
        filler = fill_disk(on_tmpfs.parent, 100 * 1024)
        for i in range(12):
            try:
                saved.append(repo.add_note(_note(repo, i)).id)  # type: ignore[arg-type]
            except DiskFullError:
                break  # rolled back: not saved, and said so
            if repo.checkpoint_problem is not None:
                break
        # The last saved note made the log too big to merge: saved, shown, reported apart.
        assert repo.checkpoint_problem is not None, "the disk never filled after a commit"
        assert repo.checkpoint_problem.key == "checkpoint_pending"
        assert "Gebiet.kpm-wal" in str(repo.checkpoint_problem)
        assert heard == [repo.checkpoint_problem]
        assert {n.id for n in repo.notes_for(repo.load_customers()[0].id)} >= set(saved)
        assert not repo.retry_checkpoint()  # still full: still pending, the log kept
        assert (on_tmpfs.parent / "Gebiet.kpm-wal").stat().st_size > 0
        filler.unlink()
        assert repo.retry_checkpoint()
        assert repo.checkpoint_problem is None and heard[-1] is None
    with Repository.open(on_tmpfs, read_only=True) as repo:
        assert repo.verify() == []
        assert {n.id for n in repo.notes_for(repo.load_customers()[0].id)} >= set(saved)


def test_closing_with_a_pending_checkpoint_keeps_the_log(
    on_tmpfs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "CHECKPOINT_WAL_BYTES", 0)
    saved: list[int] = []
    repo = Repository.open(on_tmpfs)
    filler = fill_disk(on_tmpfs.parent, 100 * 1024)
    for i in range(12):
        try:
            saved.append(repo.add_note(_note(repo, i)).id)  # type: ignore[arg-type]
        except DiskFullError:
            break
        if repo.checkpoint_problem is not None:
            break
    assert repo.checkpoint_problem is not None
    repo.close()  # the final checkpoint fails as well: SQLite keeps the log
    filler.unlink()
    with Repository.open(on_tmpfs) as repo:
        assert repo.verify() == []
        assert {n.id for n in repo.notes_for(repo.load_customers()[0].id)} >= set(saved)


def test_edit_whose_checkpoint_fails_is_shown_and_undoable_in_the_window(
    qtbot, caplog, main_window_factory, data_dir, on_tmpfs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "CHECKPOINT_WAL_BYTES", 0)
    win = main_window_factory(on_tmpfs, extensions=SAFETY, persist_state=False)
    ws = win.workspace
    from kpm_desktop.gui.safety import controller

    ctl = controller(win)
    ctl.policy.record_backup(datetime.now(UTC))  # no automatic backup in the middle
    repo = ws.repo
    filler = fill_disk(on_tmpfs.parent, 100 * 1024)
    # Grow the log with notes (storage) until the next commit cannot be merged any more,
    # then make one mark in the window with the keyboard.
    cid = repo.load_customers()[0].id
    note = 0
    while repo.checkpoint_problem is None:
        try:
            repo.add_note(
                Note(customer_id=cid, note_date=date(2026, 12, 6), text="y" * 60_000 + str(note))
            )
        except DiskFullError:
            # Not even the log had room: a little space back (less than a merge needs).
            os.truncate(filler, max(filler.stat().st_size - 24 * 1024, 0))
        note += 1
        assert note < 200, "no commit ever succeeded with its checkpoint failing"
    banner = ctl.banner
    assert banner.isVisible() and "change log" in banner.text()
    repo._checkpoint_retry_at = 0.0  # the mark's own commit tries (and fails) to merge again
    # Room for the mark in the log, not for merging the notes into the file.
    os.truncate(filler, filler.stat().st_size - 48 * 1024)
    failures = len(caplog.records)
    free_before = shutil.disk_usage(on_tmpfs.parent).free
    win.activateWindow()
    win.focus_matrix()
    QApplication.processEvents()
    assert QApplication.focusWidget() is win.view
    row = 2
    win.view.setCurrentIndex(win.model.index(row, 1))
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_X)
    assert repo.checkpoint_problem is not None
    assert any("failed after a commit" in r.getMessage() for r in caplog.records[failures:])
    mrow, mcol = win.model.matrix_row(row), win.model.matrix_col(1)
    assert ws.matrix.grid[mrow * ws.matrix.n_cols + mcol] == int(Mark.OURS)  # shown
    assert ws.undo_stack.count() == 1 and ws.undo_stack.canUndo()  # undoable
    assert win.messages == []  # no "was not saved" box  # type: ignore[attr-defined]
    assert banner.isVisible() and "change log" in banner.text()
    assert shutil.disk_usage(on_tmpfs.parent).free <= free_before
    cid_, pid_ = ws.cell_key(mrow, mcol)
    # Space again: the retry merges the log, the banner goes, and undo works through the file.
    filler.unlink()
    ws._checkpoint_timer.timeout.emit()
    assert repo.checkpoint_problem is None and not banner.isVisible()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.matrix.grid[mrow * ws.matrix.n_cols + mcol] != int(Mark.OURS)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    win.close()
    with Repository.open(on_tmpfs, read_only=True) as reopened:
        assert reopened.get_cell(cid_, pid_).mark is Mark.OURS  # type: ignore[union-attr]
        assert reopened.verify() == []


@pytest.mark.parametrize("free_kb", [0, 4, 40])
def test_opening_on_a_full_disk_opens_read_only_and_says_why(on_tmpfs: Path, free_kb: int) -> None:
    filler = fill_disk(on_tmpfs.parent, free_kb * 1024)
    with Repository.open(on_tmpfs) as repo:
        assert repo.read_only
        assert repo.read_only_message is not None
        assert repo.read_only_message.key == "opened_read_only_disk_full"
        assert "disk is full" in (repo.read_only_reason or "")
        assert repo.load_matrix().n_rows > 0
    assert not lock_path_for(on_tmpfs).exists()  # no half-written lock file left behind
    filler.unlink()
    with Repository.open(on_tmpfs) as repo:
        assert not repo.read_only and repo.verify() == []


def test_kpm_desktop_on_a_full_disk_shows_the_file_read_only(
    main_window_factory, data_dir, on_tmpfs: Path
) -> None:
    fill_disk(on_tmpfs.parent, 4 * 1024)
    win = main_window_factory(on_tmpfs, extensions=SAFETY, persist_state=False)
    assert win.workspace is not None and win.workspace.read_only
    from kpm_desktop.gui.safety import controller

    banner = controller(win).banner
    assert banner.isVisible() and "disk is full" in banner.text()
    assert "disk is full" in win.statusBar().currentMessage()
    win.close()
    # The real program, as a user starts it: it opens, no traceback, exit 0.
    done = run_desktop("--profile-startup", str(on_tmpfs))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "disk is full" in done.stderr
