"""One writer per file: lock file, second process, stale-lock takeover."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kpm_desktop.storage.lock import (
    FileLockedError,
    LockOwner,
    WriterLock,
    lock_path_for,
    pid_alive,
    read_owner,
)

HOLDER = textwrap.dedent(
    """
    import sys
    from kpm_desktop.storage.lock import WriterLock
    lock = WriterLock.acquire(sys.argv[1])
    print("locked", flush=True)
    sys.stdin.readline()  # hold until told (or killed)
    lock.release()
    print("released", flush=True)
    """
)


def _start_holder(path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    return proc


@pytest.fixture
def matrix(tmp_path: Path) -> Path:
    path = tmp_path / "Gebiet.kpm"
    path.write_bytes(b"")
    return path


def test_lock_file_names_the_owner_and_goes_away(matrix: Path) -> None:
    with WriterLock.acquire(matrix) as lock:
        owner = read_owner(matrix)
        assert owner is not None
        assert owner.pid == os.getpid()
        assert owner.hostname == socket.gethostname()
        assert owner.started.endswith("Z")
        assert lock.took_over is None
        assert lock_path_for(matrix).exists()
    assert not lock_path_for(matrix).exists()


def test_same_process_may_hold_it_twice(matrix: Path) -> None:
    a = WriterLock.acquire(matrix)
    b = WriterLock.acquire(matrix)
    assert a is b
    a.release()
    assert lock_path_for(matrix).exists()
    b.release()
    assert not lock_path_for(matrix).exists()


def test_second_process_gets_a_clear_error(matrix: Path) -> None:
    with _start_holder(matrix) as proc:
        _check_second_process_refused(matrix, proc)
    with WriterLock.acquire(matrix) as lock:  # free again once the other one closed
        assert lock.took_over is None


def _check_second_process_refused(matrix: Path, proc: subprocess.Popen[str]) -> None:
    try:
        with pytest.raises(FileLockedError) as info:
            WriterLock.acquire(matrix)
        err = info.value
        assert err.owner is not None and err.owner.pid == proc.pid
        msg = str(err)
        assert "Gebiet.kpm is already open for editing" in msg
        assert f"process {proc.pid}" in msg and "read-only" in msg
        assert "\n" not in msg
    finally:
        assert proc.stdin is not None
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "released"
        proc.wait(timeout=10)


def test_stale_lock_of_a_killed_process_is_taken_over(matrix: Path) -> None:
    with _start_holder(matrix) as proc:  # the context closes the pipes
        proc.kill()
        proc.wait(timeout=10)
    assert lock_path_for(matrix).exists()  # left behind by the crash
    assert read_owner(matrix).pid == proc.pid  # type: ignore[union-attr]
    with WriterLock.acquire(matrix) as lock:
        assert lock.took_over is not None and lock.took_over.pid == proc.pid
        assert read_owner(matrix).pid == os.getpid()  # type: ignore[union-attr]


def _write_lock(matrix: Path, **fields: object) -> None:
    data = {"pid": 999_999_999, "hostname": socket.gethostname(), "user": "x", "started": ""}
    data.update(fields)
    lock_path_for(matrix).write_text(json.dumps(data))


def test_stale_lock_file_without_os_lock_is_taken_over(matrix: Path) -> None:
    _write_lock(matrix)
    assert not pid_alive(999_999_999)
    with WriterLock.acquire(matrix) as lock:
        assert lock.took_over is not None and lock.took_over.pid == 999_999_999


def test_garbage_lock_file_is_taken_over(matrix: Path) -> None:
    lock_path_for(matrix).write_bytes(b"\x00\xff garbage")
    with WriterLock.acquire(matrix) as lock:
        assert lock.held


def test_lock_of_another_computer_needs_confirmation(matrix: Path) -> None:
    _write_lock(matrix, hostname="laptop-of-anna", pid=1234, user="anna")
    with pytest.raises(FileLockedError, match="anna on the computer laptop-of-anna"):
        WriterLock.acquire(matrix)
    assert read_owner(matrix).hostname == "laptop-of-anna"  # type: ignore[union-attr]
    with WriterLock.acquire(matrix, force=True) as lock:
        assert lock.took_over is not None and lock.took_over.hostname == "laptop-of-anna"


def test_owner_json_round_trip() -> None:
    owner = LockOwner.current()
    assert LockOwner.from_json(owner.to_json()) == owner
    assert LockOwner.from_json("{}") is None
    assert LockOwner.from_json("not json") is None
