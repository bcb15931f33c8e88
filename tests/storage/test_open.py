"""Opening files: migrations, refusal of foreign and newer files without touching them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kpm_desktop.storage.database import APPLICATION_ID
from kpm_desktop.storage.errors import (
    FileMissingError,
    NewerVersionError,
    NotAMatrixFileError,
)
from kpm_desktop.storage.migrations import SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash


def test_create_runs_all_migrations(tmp_path: Path) -> None:
    with Repository.create(tmp_path / "new.kpm") as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert repo.counts()["customers"] == 0
        assert repo.verify() == []


def test_migrates_an_empty_sqlite_file_with_our_id(tmp_path: Path) -> None:
    path = tmp_path / "empty.kpm"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE IF NOT EXISTS x(y)")  # make the file non-empty
    conn.execute("DROP TABLE x")
    conn.commit()
    conn.close()
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_newer_user_version_is_refused_untouched(demo_file: Path) -> None:
    conn = sqlite3.connect(demo_file)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = file_hash(demo_file)
    with pytest.raises(NewerVersionError) as info:
        Repository.open(demo_file)
    assert "newer KPM Desktop" in str(info.value)
    assert info.value.file_version == SCHEMA_VERSION + 5
    assert file_hash(demo_file) == before
    assert not demo_file.with_name(demo_file.name + "-wal").exists()


def test_foreign_sqlite_file_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    before = file_hash(path)
    with pytest.raises(NotAMatrixFileError):
        Repository.open(path)
    assert file_hash(path) == before


@pytest.mark.parametrize("content", [b"", b"hello world", b"PK\x03\x04" + bytes(200)])
def test_non_sqlite_files_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.kpm"
    path.write_bytes(content)
    with pytest.raises(NotAMatrixFileError):
        Repository.open(path)
    assert path.read_bytes() == content


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileMissingError):
        Repository.open(tmp_path / "nope.kpm")
    assert not (tmp_path / "nope.kpm").exists()
