"""GUI side of data safety: error dialog + excepthook, Backups dialog, automatic backups,
read-only/location banner, and the open-problem offers (file in use, damaged file)."""

from __future__ import annotations

import json
import logging
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from kpm_desktop import logging_setup
from kpm_desktop.domain.marks import Mark
from kpm_desktop.gui.error_dialog import ErrorDialog
from kpm_desktop.gui.exception_hook import ExceptionHook
from kpm_desktop.storage.backup import backup_file, content_hash, list_backups
from kpm_desktop.storage.lock import lock_path_for
from tests.helpers.files import file_hash
from tests.helpers.window import SAFETY

pytestmark = pytest.mark.usefixtures("data_dir")  # backups and logs in tmp_path


@pytest.fixture
def make_window(main_window_factory):
    def make(path: Path | None):
        return main_window_factory(path, extensions=SAFETY, check_open=False)

    return make


def _ctl(win):
    from kpm_desktop.gui.safety import controller

    ctl = controller(win)
    assert ctl is not None
    return ctl


# -- error dialog and excepthook ------------------------------------------------------------
def test_uncaught_exception_shows_dialog_with_log_path_and_app_keeps_running(
    make_window, demo_file: Path, tmp_path: Path, qtbot
) -> None:
    log_file = logging_setup.setup_logging(log_file=tmp_path / "logs" / "kpm.log")
    try:
        win = make_window(demo_file)
        before = file_hash(demo_file)
        hook = ExceptionHook(lambda: win).install()
        try:
            try:
                raise RuntimeError("boom in a slot")
            except RuntimeError as exc:
                hook.handle(type(exc), exc, exc.__traceback__)
            dialog = hook.dialog
            assert isinstance(dialog, ErrorDialog) and dialog.isVisible()
            assert "RuntimeError: boom in a slot" in dialog.message_label.text()
            assert str(log_file) in dialog.log_label.text()
            assert "Traceback" in dialog.details
            dialog.grab().save(str(tmp_path / "error_dialog.png"))
            # A second error while the dialog is open is logged, not stacked.
            hook.handle(ValueError, ValueError("second"), None)
            assert hook.suppressed == 1 and hook.shown == 1
            dialog.details_button.click()
            assert dialog.details_view.isVisible()
            dialog.copy_to_clipboard()
            assert "boom in a slot" in QApplication.clipboard().text()
            dialog.reject()
            qtbot.waitUntil(lambda: hook.dialog is None)
        finally:
            hook.uninstall()
        for handler in logging.getLogger("kpm_desktop").handlers:
            handler.flush()
        text = log_file.read_text(encoding="utf-8")  # type: ignore[union-attr]
        assert "uncaught exception" in text and "RuntimeError: boom in a slot" in text
        assert file_hash(demo_file) == before  # the error path never writes the matrix
        win.select_all = None
        ws = win.workspace
        ws.repo.set_marks([(ws.matrix.customers[0].id, ws.matrix.products[0].id, Mark.NEED)])
    finally:
        logging_setup.shutdown_logging()


def test_records_of_the_start_reach_the_log_file_once_it_is_set_up(tmp_path: Path) -> None:
    """The start holds its records until the first frame sets the log file up (issue 20)."""
    logging_setup.hold_early_records()
    try:
        logging.getLogger("kpm_desktop.storage.lock").warning("took over the lock of a.kpm")
        assert logging_setup.current_log_file() is None
        log_file = logging_setup.setup_logging(log_file=tmp_path / "logs" / "kpm.log")
        logging.getLogger("kpm_desktop.gui").info("after the first frame")
        for handler in logging.getLogger("kpm_desktop").handlers:
            handler.flush()
        lines = log_file.read_text(encoding="utf-8").splitlines()  # type: ignore[union-attr]
        started = next(i for i, line in enumerate(lines) if "started" in line)
        held = next(i for i, line in enumerate(lines) if "took over the lock" in line)
        after = next(i for i, line in enumerate(lines) if "after the first frame" in line)
        assert started < held < after
        assert sum("took over the lock" in line for line in lines) == 1
    finally:
        logging_setup.shutdown_logging()


def test_setting_the_log_up_from_two_threads_attaches_one_file_handler(tmp_path: Path) -> None:
    """The exception hook may set the log up from a worker thread while the first frame's
    queued set-up runs on the GUI thread."""
    logging_setup.hold_early_records()
    barrier = threading.Barrier(2)
    results: list[Path | None] = []

    def setup() -> None:
        barrier.wait()
        results.append(logging_setup.setup_logging(log_file=tmp_path / "logs" / "kpm.log"))

    try:
        workers = [threading.Thread(target=setup) for _ in range(2)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        handlers = [
            h
            for h in logging.getLogger("kpm_desktop").handlers
            if isinstance(h, logging.FileHandler)
        ]
        assert len(handlers) == 1 and results == [tmp_path / "logs" / "kpm.log"] * 2
    finally:
        logging_setup.shutdown_logging()


def test_an_error_during_the_start_sets_the_log_file_up_for_the_dialog(
    make_window, demo_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot
) -> None:
    from kpm_desktop import paths

    monkeypatch.setattr(paths, "log_file", lambda: tmp_path / "logs" / "kpm.log")
    logging_setup.hold_early_records()
    try:
        win = make_window(demo_file)
        hook = ExceptionHook(lambda: win).install()
        try:
            hook.handle(RuntimeError, RuntimeError("before the first frame"), None)
            dialog = hook.dialog
            assert dialog is not None
            assert str(tmp_path / "logs" / "kpm.log") in dialog.log_label.text()
            dialog.reject()
            qtbot.waitUntil(lambda: hook.dialog is None)
        finally:
            hook.uninstall()
    finally:
        logging_setup.shutdown_logging()


def test_exception_in_a_worker_thread_reaches_the_gui(make_window, demo_file: Path, qtbot) -> None:
    win = make_window(demo_file)
    hook = ExceptionHook(lambda: win).install()
    try:
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: hook.dialog is not None)
        assert "ZeroDivisionError" in hook.dialog.message_label.text()  # type: ignore[union-attr]
        hook.dialog.reject()  # type: ignore[union-attr]
    finally:
        hook.uninstall()


def test_storage_errors_show_their_own_message() -> None:
    from kpm_desktop.gui.error_dialog import user_message
    from kpm_desktop.storage.errors import DamagedFileError

    assert user_message(DamagedFileError("x.kpm is damaged: page 3")) == "x.kpm is damaged: page 3"
    import sqlite3

    assert "disk is full" in user_message(sqlite3.OperationalError("database or disk is full"))


# -- backups ------------------------------------------------------------------------------
def test_automatic_backup_after_first_change_then_not_again_soon(
    make_window, demo_file: Path, qtbot
) -> None:
    win = make_window(demo_file)
    ctl = _ctl(win)
    assert list_backups(demo_file) == []
    win.view.setCurrentIndex(win.model.index(0, 0))
    assert win.mark_selection(int(Mark.COMPETITOR))
    bar = win.statusBar()
    bar.showMessage("Trip Nord saved", 8000)  # what the edit said (a trip, a sync, a merge)
    qtbot.waitUntil(lambda: ctl.last_backup is not None, timeout=10_000)
    [first] = list_backups(demo_file)
    assert first.reason == "auto"
    QApplication.processEvents()
    assert bar.currentMessage() == "Trip Nord saved"  # the routine backup does not cover it
    bar.clearMessage()
    ctl._on_backup_finished(first.path, "")
    assert bar.currentMessage() == "Backup saved."  # said when nothing else is
    win.view.setCurrentIndex(win.model.index(1, 1))
    assert win.mark_selection(int(Mark.NEED))
    ctl.backup_task.wait(5)
    assert len(list_backups(demo_file)) == 1  # within 30 minutes: no second one


def test_backups_dialog_lists_and_restores(
    make_window, demo_file: Path, tmp_path: Path, qtbot
) -> None:
    from kpm_desktop.gui.dialogs.backups_dialog import BackupsDialog

    original = content_hash(demo_file)
    backup_file(demo_file, "manual")
    win = make_window(demo_file)
    ctl = _ctl(win)
    ws = win.workspace
    ws.repo.set_marks([(c.id, ws.matrix.products[0].id, Mark.OURS) for c in ws.matrix.customers])
    edited = content_hash(ws.repo.conn)
    assert edited != original

    dialog = ctl.show_backups()
    assert isinstance(dialog, BackupsDialog)
    assert dialog.table.rowCount() == 1
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert row[1] == "Manual" and row[3] == "60" and row[4] == "24"
    assert dialog.make_backup_now() is not None
    assert dialog.table.rowCount() == 2
    dialog.resize(820, 300)
    dialog.grab().save(str(tmp_path / "backups_dialog.png"))
    dialog.table.selectRow(1)  # the older, manual one
    dialog.confirm_restore = lambda info: True  # type: ignore[method-assign]
    assert dialog.restore_selected()
    assert win.workspace is not None and win.workspace is not ws
    assert content_hash(win.workspace.repo.conn) == original
    reasons = [i.reason for i in list_backups(demo_file)]
    assert reasons[0] == "before-restore"
    assert content_hash(list_backups(demo_file)[0].path) == edited


# -- opening problems and the banner -------------------------------------------------------
def test_file_in_use_opened_read_only_shows_the_banner(
    make_window, demo_file: Path, monkeypatch: pytest.MonkeyPatch, qtbot
) -> None:
    owner = {"pid": 4242, "hostname": "laptop-b", "user": "anna", "started": "2026-11-27T07:00:00Z"}
    lock_path_for(demo_file).write_text(json.dumps(owner))
    asked: list[str] = []

    def question(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    def take_over_box(box: QMessageBox) -> int:
        # A lock naming another computer whose OS lock is free here asks whether to take over
        # editing (issue 16); this test answers "Open read-only".
        asked.append(box.text())
        (view,) = [b for b in box.buttons() if "read-only" in b.text().replace("&", "")]
        view.click()
        return 0

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "exec", take_over_box)
    win = make_window(None)
    ctl = _ctl(win)
    assert win.open_file(demo_file)
    assert "anna" in asked[0] and "laptop-b" in asked[0]
    assert win.workspace is not None and win.workspace.read_only
    qtbot.waitUntil(ctl.banner.isVisible)  # the window announces the file after its first paint
    assert "Read-only" in ctl.banner.text()
    assert "(read-only)" in win.windowTitle()


def test_damaged_file_offers_newest_good_backup(make_window, demo_file: Path) -> None:
    good = content_hash(demo_file)
    backup_file(demo_file, "auto")
    data = demo_file.read_bytes()
    demo_file.write_bytes(data[: len(data) // 2])
    damaged = demo_file.read_bytes()
    win = make_window(None)
    ctl = _ctl(win)
    answers = iter([False, True])
    asked: list[str] = []
    ctl.ask = lambda title, text, yes, no: asked.append(text) or next(answers)  # type: ignore[method-assign]
    assert not win.open_file(demo_file)  # declined: nothing touched
    assert demo_file.read_bytes() == damaged
    assert not list(demo_file.parent.glob("*.damaged-*"))
    assert "60 customers, 24 products" in asked[0]
    assert win.open_file(demo_file)  # accepted: moved aside, restored, opened
    [aside] = [p for p in demo_file.parent.glob("demo.kpm.damaged-*") if p.name[-1].isdigit()]
    assert aside.read_bytes() == damaged
    assert content_hash(win.workspace.repo.conn) == good


def test_banner_names_the_sync_service(make_window, demo_file: Path, tmp_path: Path) -> None:
    synced = tmp_path / "OneDrive - Muster GmbH" / "Gebiet.kpm"
    synced.parent.mkdir()
    shutil.copyfile(demo_file, synced)
    win = make_window(synced)
    ctl = _ctl(win)
    assert ctl.banner.isVisible()
    assert "OneDrive folder" in ctl.banner.text()
    win.grab().save(str(tmp_path / "banner.png"))
    win.close_file()
    assert not ctl.banner.isVisible()


def test_full_disk_in_the_window_rolls_back_and_says_so(make_window, demo_file: Path) -> None:
    win = make_window(demo_file)
    ws = win.workspace
    grid_before = bytes(ws.matrix.grid)
    hash_before = content_hash(ws.repo.conn)
    steps_before = ws.undo_stack.count()
    pages = ws.repo.conn.execute("PRAGMA page_count").fetchone()[0]
    ws.repo.conn.execute(f"PRAGMA max_page_count = {pages + 1}")
    win.view.selectAll()
    assert not win.mark_selection(int(Mark.COMPETITOR))
    _title, text = win.messages[-1]  # type: ignore[attr-defined]
    assert "is full" in text and "not saved" in text
    assert bytes(ws.matrix.grid) == grid_before
    assert ws.undo_stack.count() == steps_before
    assert content_hash(ws.repo.conn) == hash_before
    ws.repo.conn.execute(f"PRAGMA max_page_count = {pages + 10_000}")
    win.view.setCurrentIndex(win.model.index(0, 0))
    assert win.mark_selection(int(Mark.NEED))  # nothing else broke


def test_deleting_a_customer_is_preceded_by_a_verified_backup(
    make_window, demo_file: Path, qtbot
) -> None:
    from kpm_desktop.workspace.commands import DeleteCustomerCommand

    win = make_window(demo_file)
    qtbot.waitUntil(lambda: win.workspace is not None and bool(win.workspace.backup_hooks))
    ws = win.workspace
    before = content_hash(ws.repo.conn)
    victim = ws.matrix.customers[3].id
    ws.push(DeleteCustomerCommand(ws, victim))
    [info] = [i for i in list_backups(demo_file) if i.reason == "before-bulk-delete"]
    assert content_hash(info.path) == before
    assert ws.repo.get_customer(victim) is None
    ws.undo_stack.undo()
    ws.undo_stack.redo()  # redo does not take another backup
    assert len([i for i in list_backups(demo_file) if i.reason == "before-bulk-delete"]) == 1


def test_failed_backup_stops_the_delete(make_window, demo_file: Path, qtbot, monkeypatch) -> None:
    from kpm_desktop.gui import safety
    from kpm_desktop.storage.backup import BackupError
    from kpm_desktop.workspace.commands import DeleteCustomerCommand

    win = make_window(demo_file)
    qtbot.waitUntil(lambda: win.workspace is not None and bool(win.workspace.backup_hooks))
    ws = win.workspace

    def broken(*args, **kwargs):
        raise BackupError("the backup of demo.kpm failed its integrity check")

    monkeypatch.setattr(safety, "make_backup", broken)
    victim = ws.matrix.customers[3].id
    with pytest.raises(BackupError):
        ws.push(DeleteCustomerCommand(ws, victim))
    assert ws.repo.get_customer(victim) is not None
    assert ws.undo_stack.count() == 0
