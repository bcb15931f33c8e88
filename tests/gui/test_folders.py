"""Issue 19, item 11: file dialogs start in the Documents folder, then where the user last was.

The demo lives in the app's data folder; the first File › Open, New, Save a Copy or Export
must not start there (a rep would save work next to the app's internals).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from kpm_desktop.gui import folders


@pytest.fixture
def documents(tmp_path: Path, monkeypatch) -> Path:
    docs = tmp_path / "Dokumente"
    docs.mkdir()
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(docs))
    return docs


def test_documents_dir_comes_from_platformdirs(documents: Path) -> None:
    assert folders.documents_dir() == documents


def test_open_and_new_start_in_documents_then_remember(
    window, documents: Path, tmp_path: Path, monkeypatch
) -> None:
    asked: list[str] = []
    other = tmp_path / "kunden"
    other.mkdir()
    target = other / "nord.kpm"

    def fake_save(parent, title, start, pattern, *a):
        asked.append(start)
        return str(target), pattern

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    # The demo (opened by the fixture) is not where the user keeps files.
    assert folders.start_folder(window, folders.MATRIX) == documents
    window.new_file()
    assert Path(asked[-1]) == documents
    assert window.workspace.path == target
    window.save_copy_dialog()  # the next dialog starts in the folder just used
    assert Path(asked[-1]).parent == other

    def fake_open(parent, title, start, *a):
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_open)
    window.open_dialog()
    assert Path(asked[-1]) == other


def test_export_starts_in_documents_and_remembers(
    qtbot, window, documents: Path, tmp_path: Path
) -> None:
    from kpm_desktop.gui.export_menu import install

    install(window)
    dialog = window.export_actions.make_dialog()
    assert Path(dialog.path.text()).parent == documents
    assert Path(dialog.path.text()).name == "demo.xlsx"
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    dialog.path.setText(str(elsewhere / "karte.xlsx"))
    dialog.accept()
    qtbot.waitUntil(lambda: window.export_actions.job is None, timeout=30000)
    assert (elsewhere / "karte.xlsx").exists()
    again = window.export_actions.make_dialog()
    assert Path(again.path.text()).parent == elsewhere
    again.reject()
