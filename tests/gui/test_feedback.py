"""Feedback: status-bar messages after actions, a progress window for slow work, clear errors."""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QApplication, QProgressDialog

from kpm_desktop.domain.marks import Mark
from kpm_desktop.gui.feedback import os_error_message, undo_key


def _select(window, rows: range, col: int) -> None:
    m = window.model
    window.view.selectionModel().select(
        QItemSelection(m.index(rows.start, col), m.index(rows.stop - 1, col)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )


def test_marking_undo_and_redo_report_in_the_status_bar(window) -> None:
    _select(window, range(0, 3), 2)
    assert window.mark_selection(int(Mark.NEED))
    bar = window.statusBar()
    assert bar.currentMessage() == f"3 cells marked Need — {undo_key()} undoes"
    window.action_registry["edit.undo"].trigger()
    assert bar.currentMessage() == "Undone: Mark 3 cells as need"
    window.action_registry["edit.redo"].trigger()
    assert bar.currentMessage() == "Redone: Mark 3 cells as need"
    _select(window, range(4, 5), 2)
    assert window.mark_selection(int(Mark.OURS))
    assert bar.currentMessage() == f"1 cell marked Ours — {undo_key()} undoes"


def test_paste_reports_the_block(window) -> None:
    window.view.setCurrentIndex(window.model.index(0, 0))
    window.view.selectionModel().clearSelection()
    assert window.paste("X\tW\nB\tK")
    assert window.statusBar().currentMessage() == f"Pasted 2 × 2 marks — {undo_key()} undoes"


def test_save_copy_shows_progress_and_reports_the_path(window, tmp_path: Path, monkeypatch) -> None:
    seen: list[bool] = []
    real = window.workspace.save_copy

    def spy(target):
        dialogs = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        seen.append(bool(dialogs) and "Saving a copy" in dialogs[0].labelText())
        return real(target)

    monkeypatch.setattr(window.workspace, "save_copy", spy)
    target = tmp_path / "copy.kpm"
    assert window.save_copy(target)
    assert seen == [True]
    assert target.exists()
    assert str(target) in window.statusBar().currentMessage()
    QApplication.processEvents()
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]


def test_save_copy_onto_the_open_file_says_what_to_do(window) -> None:
    path = window.workspace.path
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert not window.save_copy(path)
    title, text = window.messages[-1]
    assert title == "Cannot save a copy"
    assert "Choose another name" in text
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_save_copy_into_a_missing_folder_says_what_to_do(window, tmp_path: Path) -> None:
    assert not window.save_copy(tmp_path / "gone" / "copy.kpm")
    title, text = window.messages[-1]
    assert title == "Cannot save a copy"
    assert "Choose another folder" in text


def test_os_error_messages_name_the_place_and_the_next_step() -> None:
    cases = {
        errno.EACCES: "Choose another folder",
        errno.ENOSPC: "Free some space",
        errno.ENOENT: "Choose another folder",
        errno.EROFS: "writable drive",
        errno.EIO: "try again",
    }
    for code, hint in cases.items():
        text = os_error_message(OSError(code, "boom", "/media/x/m.kpm"))
        assert hint in text and "/media/x/m.kpm" in text, text


def test_a_failed_change_in_a_manage_dialog_says_the_file_is_unchanged(window, monkeypatch) -> None:
    from PySide6.QtGui import QUndoCommand
    from PySide6.QtWidgets import QMessageBox

    from kpm_desktop.gui.dialogs._manage_common import run_command
    from kpm_desktop.storage.errors import DiskFullError

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))

    def fail(command):
        raise fail.error

    monkeypatch.setattr(window.workspace, "push", fail)
    fail.error = KeyError(7)
    assert not run_command(window, window.workspace, QUndoCommand())
    assert "the file is unchanged" in shown[-1] and "Check the entry" in shown[-1]
    fail.error = DiskFullError("The disk is full: free some space, then try again.")
    assert not run_command(window, window.workspace, QUndoCommand())
    assert shown[-1] == "The disk is full: free some space, then try again."


def test_backup_now_shows_progress_and_reports_the_file(
    main_window_factory, demo_file: Path, tmp_path: Path, monkeypatch
) -> None:
    import kpm_desktop.gui.safety as safety

    monkeypatch.setenv("KPM_DATA_DIR", str(tmp_path / "appdata"))
    win = main_window_factory(
        demo_file, extensions=("kpm_desktop.gui.safety",), persist_state=False
    )
    seen: list[str] = []
    real = safety.backup_file

    def spy(*args, **kwargs):
        seen.extend(d.labelText() for d in win.findChildren(QProgressDialog) if d.isVisible())
        return real(*args, **kwargs)

    monkeypatch.setattr(safety, "backup_file", spy)
    path = safety.controller(win).backup_now()
    assert path is not None and path.exists()
    assert seen == ["Making a backup…"]
    assert path.name in win.statusBar().currentMessage()
    win.close()


def test_import_done_reports_the_source_and_the_undo_key(window) -> None:
    from kpm_desktop.gui.dialogs.import_dialog import show_import_dialog

    dialog = show_import_dialog(window)
    assert dialog is not None
    dialog.source_page.path_edit.setText("/data/kunden.csv")
    dialog.accepted.emit()  # an empty plan: no import, no message
    assert "Imported" not in window.statusBar().currentMessage()
    dialog.command = object()  # what apply() leaves after a successful import
    dialog.accepted.emit()
    assert window.statusBar().currentMessage() == (
        f"Imported /data/kunden.csv — {undo_key()} undoes the import"
    )
    dialog.close()
