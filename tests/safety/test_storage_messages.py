"""Storage, lock and damaged-file messages in the UI language (issue 19, item 6): keys with
parameters in the Qt-free layers (``storage.messages``), translated in ``gui.storage_text``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kpm_desktop.gui.i18n import install_translators
from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.storage.errors import DiskFullError, NotAMatrixFileError
from kpm_desktop.storage.lock import FileLockedError, LockOwner
from kpm_desktop.storage.messages import MESSAGES, msg
from kpm_desktop.storage.repository import Repository
from tests.helpers.translations import message_key_problems
from tests.helpers.window import SAFETY


def test_every_storage_message_has_a_german_text_with_the_same_parameters() -> None:
    assert message_key_problems("storage", MESSAGES) == []


def test_storage_errors_carry_keys_and_read_german_in_the_german_ui(
    qapp, tmp_path: Path, demo_file: Path
) -> None:
    other = tmp_path / "fremd.sqlite"
    import sqlite3

    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAMatrixFileError) as refused:
        Repository.open(other)
    assert refused.value.message is not None and refused.value.message.key == "not_kpm"
    locked = FileLockedError(
        demo_file,
        LockOwner(pid=1, hostname="laptop-anna", user="anna", started="2026-12-05T16:30:00Z"),
        can_force=True,
    )
    full = DiskFullError(msg("disk_full_not_saved", file="Gebiet.kpm"))
    try:
        install_translators(qapp, "de")
        assert storage_text(refused.value) == (
            "fremd.sqlite ist keine KPM-Matrixdatei (eine SQLite-Datei eines anderen Programms)"
        )
        assert "auf dem Computer laptop-anna" in storage_text(locked)
        assert storage_text(full).startswith("Das Laufwerk von Gebiet.kpm ist voll")
    finally:
        install_translators(qapp, "en")
    assert storage_text(full).startswith("the disk holding Gebiet.kpm is full")


def test_german_window_shows_a_refused_file_in_german(
    main_window_factory, data_dir, tmp_path: Path, demo_file: Path
) -> None:
    newer = tmp_path / "neu.kpm"
    shutil.copyfile(demo_file, newer)
    data = bytearray(newer.read_bytes())
    data[60:64] = (999).to_bytes(4, "big")  # user_version from a future release
    newer.write_bytes(bytes(data))
    win = main_window_factory(extensions=SAFETY, lang="de", persist_state=False, show=False)
    assert not win.open_file(newer)
    shown = win.messages
    assert "wurde von einem neueren KPM Desktop geschrieben" in shown[-1][1]
    assert "neu.kpm" in shown[-1][1] and "999" in shown[-1][1]
