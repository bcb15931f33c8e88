"""The full check after opening (issues 16 item 3 and 20 "Checks"): a file closed cleanly
opens editable at once after the cheap checks, the full check (integrity_check + foreign keys)
runs on a worker after the first frame, and damage found there switches the window to
read-only with the restore offer, keeping the file - with every edit made so far - as
NAME.damaged-DATE. A file not closed cleanly is fully checked before editing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.backup import backup_file, content_hash
from kpm_desktop.storage.database import check_file
from kpm_desktop.storage.errors import DamagedFileError
from kpm_desktop.storage.repository import Repository
from tests.helpers.window import SAFETY


def damage_index(path: Path) -> None:
    """An index whose entries point at other rows than its definition says: quick_check
    passes, only the full integrity_check finds it. The file stays closed cleanly."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX customers_number ON customers(name)' "
        "WHERE name = 'customers_number'"
    )
    conn.execute("PRAGMA writable_schema = OFF")
    conn.close()
    probe = sqlite3.connect(path)
    assert probe.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    assert probe.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    probe.close()


pytestmark = pytest.mark.usefixtures("data_dir")  # backups and logs in tmp_path


@pytest.fixture
def make_window(main_window_factory):
    return lambda: main_window_factory(extensions=SAFETY, persist_state=False)


def _ctl(win):
    from kpm_desktop.gui.safety import controller

    ctl = controller(win)
    assert ctl is not None
    return ctl


def _mark_with_keys(win, row: int, col: int) -> tuple[int, int]:
    """Press X on a cell through the focused matrix; returns the cell's (customer, product)."""
    win.activateWindow()
    win.focus_matrix()
    QApplication.processEvents()
    win.view.setCurrentIndex(win.model.index(row, col))
    assert QApplication.focusWidget() is win.view
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_X)
    ws = win.workspace
    key = ws.cell_key(win.model.matrix_row(row), win.model.matrix_col(col))
    assert ws.repo.get_cell(*key).mark is Mark.OURS  # saved in the open file
    return key


def test_cheap_checks_find_a_clean_file_clean_and_an_unclean_one_not(demo_file: Path) -> None:
    checked = check_file(demo_file, "auto")
    assert checked.clean and checked.level == "cheap"
    damage_index(demo_file)
    assert check_file(demo_file, "auto").level == "cheap"  # not found before the first frame
    with pytest.raises(DamagedFileError, match="missing from index"):
        check_file(demo_file, "full")
    # Not closed cleanly (the change log of a crashed session beside it): checked fully.
    repo = Repository.open(demo_file, check="cheap")
    shutil.copyfile(demo_file.with_name("demo.kpm-wal"), demo_file.parent / "wal.keep")
    repo.close()
    shutil.copyfile(demo_file.parent / "wal.keep", demo_file.with_name("demo.kpm-wal"))
    with pytest.raises(DamagedFileError, match="missing from index"):
        check_file(demo_file, "auto")


def test_damage_found_in_the_background_switches_to_read_only_keeping_the_edits(
    make_window, demo_file: Path, qtbot
) -> None:
    good = content_hash(demo_file)
    backup_file(demo_file, "auto")
    damage_index(demo_file)
    win = make_window()
    ctl = _ctl(win)
    asked: list[str] = []
    ctl.ask = lambda title, text, yes, no: asked.append(text) or False  # type: ignore[method-assign]
    assert win.open_file(demo_file)
    ws = win.workspace
    assert not ws.read_only  # closed cleanly: editable at once
    # The rep edits at once (the check starts after the first frame; its result waits for
    # the event loop).
    edited = _mark_with_keys(win, 3, 2)
    qtbot.waitUntil(lambda: win.workspace is not None and win.workspace.read_only, timeout=20000)
    # Read-only, with the restore offer naming the good backup and the kept copy.
    assert asked and "60 customers, 24 products" in asked[0]
    assert "damaged" in asked[0] and "missing from index" in asked[0]
    kept = ctl.damaged_copy
    assert kept is not None and kept.name.startswith("demo.kpm.damaged-")
    assert ctl.banner.isVisible() and kept.name in ctl.banner.text()
    assert "(read-only)" in win.windowTitle()
    win.view.setCurrentIndex(win.model.index(5, 5))
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_X)  # nothing is written any more
    assert win.workspace.read_only
    win.close()
    # The kept copy holds the edit made before the damage was found; it is still damaged.
    with Repository.open(kept, read_only=True, check="cheap") as copy:
        assert copy.get_cell(*edited).mark is Mark.OURS  # type: ignore[union-attr]
    with pytest.raises(DamagedFileError):
        check_file(kept, "full")
    assert content_hash(demo_file) != good  # declined: the file itself was left as it is


def test_restore_accepted_after_background_damage_opens_the_backup(
    make_window, demo_file: Path, qtbot
) -> None:
    good = content_hash(demo_file)
    backup_file(demo_file, "auto")
    damage_index(demo_file)
    win = make_window()
    ctl = _ctl(win)
    ctl.ask = lambda title, text, yes, no: True  # type: ignore[method-assign]
    assert win.open_file(demo_file)
    edited = _mark_with_keys(win, 1, 1)
    qtbot.waitUntil(lambda: ctl.damaged_copy is not None, timeout=20000)
    qtbot.waitUntil(lambda: win.workspace is not None and not win.workspace.read_only)
    assert content_hash(win.workspace.repo.conn) == good  # the backup, editable
    assert "damaged file is kept as" in win.statusBar().currentMessage()
    assert len(list(demo_file.parent.glob("demo.kpm.damaged-*"))) == 1  # one kept copy
    win.close()
    with Repository.open(ctl.damaged_copy, read_only=True, check="cheap") as copy:
        assert copy.get_cell(*edited).mark is Mark.OURS  # type: ignore[union-attr]
    assert check_file(demo_file, "full").level == "full"


def test_sound_file_passes_the_background_check_and_stays_editable(
    make_window, demo_file: Path, qtbot
) -> None:
    win = make_window()
    ctl = _ctl(win)
    assert win.open_file(demo_file)
    repo = win.workspace.repo
    assert repo.checked.level == "cheap"
    qtbot.waitUntil(lambda: repo.checked.level == "full", timeout=20000)
    assert not win.workspace.read_only and ctl.damaged_copy is None
    assert not list(demo_file.parent.glob("*.damaged-*"))


def test_damage_found_by_an_automatic_backup_switches_to_read_only(
    make_window, demo_file: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpm_desktop.gui import safety

    backup_file(demo_file, "auto")
    damage_index(demo_file)
    win = make_window()
    ctl = _ctl(win)
    ctl.ask = lambda title, text, yes, no: False  # type: ignore[method-assign]
    monkeypatch.setattr(safety.SafetyController, "start_full_check", lambda self, ws: None)
    assert win.open_file(demo_file)
    qtbot.waitUntil(lambda: win._pending_announce is None)  # the window announced the file
    _mark_with_keys(win, 2, 2)  # the first change of the session starts a backup
    qtbot.waitUntil(lambda: win.workspace is not None and win.workspace.read_only, timeout=20000)
    assert ctl.damaged_copy is not None


def test_a_file_closed_while_a_reader_had_it_open_counts_as_closed_cleanly(
    demo_file: Path,
) -> None:
    """Only the last connection removes the change log: when a reader (the background
    check, a worker) still has the file open as the writer closes it, the log stays with
    the closing commit in it. That is a clean close, not a crash (issue 20: every later
    start at L ran the full check before its first frame)."""
    reader = sqlite3.connect(f"file:{demo_file}?mode=ro", uri=True)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM marks").fetchone()
    repo = Repository.open(demo_file, check="cheap")
    m = repo.load_matrix()
    key = (m.customers[0].id, m.products[0].id)
    repo.set_marks([(*key, Mark.NEED)])
    repo.close()
    reader.close()
    assert demo_file.with_name("demo.kpm-wal").stat().st_size > 0  # the log stayed
    checked = check_file(demo_file, "auto")
    assert checked.clean and checked.level == "cheap"
    with Repository.open(demo_file, check="cheap") as again:
        assert again.get_cell(*key).mark is Mark.NEED  # type: ignore[union-attr]
    # A crash instead (the session marker in the log): checked fully.
    repo = Repository.open(demo_file, check="cheap")
    shutil.copyfile(demo_file.with_name("demo.kpm-wal"), demo_file.parent / "wal.keep")
    repo.close()
    shutil.copyfile(demo_file.parent / "wal.keep", demo_file.with_name("demo.kpm-wal"))
    checked = check_file(demo_file, "auto")
    assert not checked.clean and checked.level == "full"
