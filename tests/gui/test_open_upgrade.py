"""Opening a file of the previous format in the window updates it behind a progress bar."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QProgressDialog

from kpm_desktop.gui import workers
from kpm_desktop.storage.backup import REASON_MIGRATION, list_backups
from kpm_desktop.storage.migrations import SCHEMA_VERSION

FIXTURE = Path(__file__).parents[1] / "storage" / "fixtures" / "release_v2.kpm"


def test_old_file_is_updated_on_a_worker_with_progress(window, tmp_path, monkeypatch) -> None:
    old = tmp_path / "release.kpm"
    shutil.copyfile(FIXTURE, old)
    seen: list[float] = []
    dialogs: list[str] = []

    class Recording(workers.FileUpgrader):
        def _progress(self, fraction: float) -> None:
            seen.append(fraction)
            super()._progress(fraction)

    from kpm_desktop.gui import file_actions

    monkeypatch.setattr(file_actions, "FileUpgrader", Recording)
    original = QProgressDialog.setValue

    def set_value(dialog: QProgressDialog, value: int) -> None:
        dialogs.append(dialog.objectName())
        original(dialog, value)

    monkeypatch.setattr(QProgressDialog, "setValue", set_value)
    assert window.open_file(old)
    ws = window.workspace
    assert ws is not None and not ws.read_only and ws.path == old
    assert ws.repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert seen and seen[-1] == 1.0
    assert "upgrade_progress" in dialogs
    assert [b.reason for b in list_backups(old)] == [REASON_MIGRATION]
    assert window.model.rowCount() == 60
