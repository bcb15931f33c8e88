"""The single-writer lock as the user meets it: through Repository.open."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.lock import FileLockedError, lock_path_for
from kpm_desktop.storage.repository import Repository
from tests.helpers.processes import python_child

OTHER_INSTANCE = textwrap.dedent(
    """
    import sys
    from kpm_desktop.storage.repository import Repository
    repo = Repository.open(sys.argv[1])
    print("open", flush=True)
    sys.stdin.readline()
    repo.close()
    """
)


def test_second_instance_gets_a_clear_message_and_can_view_read_only(demo_file: Path) -> None:
    with python_child(OTHER_INSTANCE, str(demo_file)) as other:
        assert other.stdout is not None and other.stdin is not None
        assert other.stdout.readline().strip() == "open"
        with pytest.raises(FileLockedError) as info:
            Repository.open(demo_file)
        message = str(info.value)
        assert message.startswith("demo.kpm is already open for editing by ")
        assert f"process {other.pid}" in message
        assert "open it read-only" in message
        assert "database is locked" not in message
        with Repository.open(demo_file, read_only=True) as viewer:  # what the GUI offers
            assert viewer.read_only and viewer.load_matrix().n_rows > 0
        other.stdin.write("\n")
        other.stdin.flush()
        assert other.wait(timeout=20) == 0
    assert not lock_path_for(demo_file).exists()
    with Repository.open(demo_file) as repo:
        repo.set_marks([(1, repo.load_products()[0].id, Mark.OURS)])


def test_lock_is_released_on_close_and_on_failed_open(demo_file: Path, tmp_path: Path) -> None:
    repo = Repository.open(demo_file)
    assert lock_path_for(demo_file).exists()
    repo.close()
    repo.close()  # twice is harmless
    assert not lock_path_for(demo_file).exists()
    bad = tmp_path / "bad.kpm"
    bad.write_bytes(b"SQLite format 3\x00" + bytes(500))
    with pytest.raises(Exception):  # noqa: B017 - whatever the refusal, no lock may remain
        Repository.open(bad)
    assert not lock_path_for(bad).exists()
    with Repository.create(tmp_path / "new.kpm"):
        assert lock_path_for(tmp_path / "new.kpm").exists()
    assert not lock_path_for(tmp_path / "new.kpm").exists()
