"""check_file: the integrity checks of opening, run ahead (e.g. on a worker thread)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage import database
from kpm_desktop.storage.database import check_file
from kpm_desktop.storage.errors import NotAMatrixFileError
from kpm_desktop.storage.repository import Repository


@pytest.fixture
def counted_checks(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = database.quick_check

    def counting(conn):
        calls.append(1)
        return real(conn)

    monkeypatch.setattr(database, "quick_check", counting)
    return calls


def test_unchanged_file_is_not_checked_twice(demo_file: Path, counted_checks) -> None:
    result: list = []
    worker = threading.Thread(target=lambda: result.append(check_file(demo_file)))
    worker.start()
    worker.join()
    assert len(counted_checks) == 1
    with Repository.open(demo_file, checked=result[0]) as repo:
        assert repo.counts()["customers"] == 60
    assert len(counted_checks) == 1


def test_changed_file_is_checked_again(demo_file: Path, counted_checks) -> None:
    checked = check_file(demo_file)
    with Repository.open(demo_file) as repo:  # another session changes the file
        m = repo.load_matrix()
        repo.set_marks([(m.customers[0].id, m.products[0].id, Mark.NEED)])
    calls = len(counted_checks)
    with Repository.open(demo_file, checked=checked) as repo:
        assert repo.verify() == []
    assert len(counted_checks) == calls + 1


def test_check_of_another_file_is_not_reused(
    demo_file: Path, tmp_path: Path, counted_checks
) -> None:
    other = tmp_path / "other.kpm"
    other.write_bytes(demo_file.read_bytes())
    checked = check_file(other)
    with Repository.open(demo_file, checked=checked):
        pass
    assert len(counted_checks) == 2


def test_check_file_refuses_what_open_refuses(tmp_path: Path) -> None:
    bad = tmp_path / "bad.kpm"
    bad.write_text("not a database", encoding="utf-8")
    with pytest.raises(NotAMatrixFileError):
        check_file(bad)
