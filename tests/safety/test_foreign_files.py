"""Foreign SQLite files and read-only looks (issue 16, items 7 and 8)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kpm_desktop.cli import main
from kpm_desktop.storage.errors import NotAMatrixFileError
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash


@pytest.mark.parametrize("user_version", [0, 1, 7, 99, 10_000])
def test_another_applications_file_is_not_a_matrix_whatever_its_version(
    tmp_path: Path, user_version: int, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "firefox-places.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.close()
    before = file_hash(other)
    with pytest.raises(NotAMatrixFileError, match="is not a KPM matrix file"):
        Repository.open(other)
    for command in ("info", "check"):
        code = main([command, str(other)])
        err = capsys.readouterr().err
        assert code == 2
        assert "not a KPM matrix file" in err and "newer" not in err
        assert "Traceback" not in err
    assert file_hash(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["firefox-places.sqlite"]


def test_an_empty_sqlite_file_is_refused_not_converted(tmp_path: Path) -> None:
    empty = tmp_path / "leer.kpm"
    conn = sqlite3.connect(empty)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")  # a real, empty SQLite database with a header
    conn.commit()
    conn.close()
    before = file_hash(empty)
    with pytest.raises(NotAMatrixFileError, match="is not a KPM matrix file"):
        Repository.open(empty)
    assert file_hash(empty) == before


@pytest.mark.parametrize("command", ["info", "check"])
def test_a_read_only_look_leaves_the_folder_as_it_was(
    demo_file: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.name for p in demo_file.parent.iterdir())
    digest = file_hash(demo_file)
    assert main([command, str(demo_file)]) == 0
    assert sorted(p.name for p in demo_file.parent.iterdir()) == before  # no -wal, no -shm
    assert file_hash(demo_file) == digest
