"""File › Merge a Colleague's File… starts where the colleague's files are (field test: it
started in the home folder): in the folder of the file merged last, else the open file's
folder; the demo's folder (the app's data folder) is never offered, there it starts where
File › Open does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from kpm_desktop.gui import folders


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    docs = tmp_path / "Dokumente"
    docs.mkdir()
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(docs))
    return docs


def _open_merge_dialog(win) -> QFileDialog:
    """File › Merge a Colleague's File…, as the menu runs it; the dialog shown (open())."""
    action = win.action_registry["file.merge"]
    assert action.isEnabled()
    action.trigger()
    shown = [d for d in win.findChildren(QFileDialog, "merge_file_dialog") if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def _start(dialog: QFileDialog) -> Path:
    return Path(dialog.directory().absolutePath()).resolve()


def test_merge_dialog_starts_by_the_open_file_then_where_the_last_merge_came_from(
    main_window_factory, demo_file: Path, documents: Path, qtbot, tmp_path: Path
) -> None:
    customers = tmp_path / "Kunden Nord"
    customers.mkdir()
    mine = customers / "gebiet-nord.kpm"
    shutil.copyfile(demo_file, mine)
    from_anna = tmp_path / "von Anna"
    from_anna.mkdir()

    win = main_window_factory(mine)
    dialog = _open_merge_dialog(win)
    assert _start(dialog) == customers.resolve()  # not the home or Documents folder
    dialog.reject()

    theirs = from_anna / "anna.kpm"
    win.workspace.save_copy(theirs)
    dialog = _open_merge_dialog(win)
    dialog.selectFile(str(theirs))
    dialog.accept()
    win.merge.wait(60)
    qtbot.waitUntil(lambda: win.merge.result_box is not None, timeout=20000)
    win.merge.result_box.done(0)

    dialog = _open_merge_dialog(win)
    assert _start(dialog) == from_anna.resolve()  # where the last merged file came from
    dialog.reject()
    # File › Open keeps its own folder
    assert folders.start_folder(win, folders.MATRIX) == documents

    # the next start of the app (same settings): still there
    win.close_file()
    again = main_window_factory(mine)
    dialog = _open_merge_dialog(again)
    assert _start(dialog) == from_anna.resolve()
    dialog.reject()

    # that folder is gone: by the open file again
    shutil.rmtree(from_anna)
    dialog = _open_merge_dialog(again)
    assert _start(dialog) == customers.resolve()
    dialog.reject()


def test_merge_dialog_with_the_demo_open_starts_where_file_open_does(
    main_window_factory, demo_file: Path, documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the demo as the app keeps it: in the app's data folder
    monkeypatch.setenv("KPM_DATA_DIR", str(demo_file.parent))
    win = main_window_factory(demo_file)
    dialog = _open_merge_dialog(win)
    assert _start(dialog) == documents.resolve()
    dialog.reject()
