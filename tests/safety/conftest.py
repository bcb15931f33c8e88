"""Helpers for the data-safety tests: child processes and privileged file systems."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def can_mount() -> bool:
    return os.name == "posix" and hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A small private tmpfs (root only, e.g. CI): real ENOSPC and read-only remounts."""
    if not can_mount():
        pytest.skip("mounting a tmpfs needs root")
    point = tmp_path / "mnt"
    point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", str(point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True, check=False)


def remount(point: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(point)], check=True)
