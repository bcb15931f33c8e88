"""Privileged file systems for the data-safety tests: tmpfs mounts, full disks, remounts."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def can_mount() -> bool:
    return os.name == "posix" and hasattr(os, "geteuid") and os.geteuid() == 0


@contextlib.contextmanager
def mounted_tmpfs(point: Path, size: str = "1m") -> Iterator[Path]:
    """Mount a private tmpfs at ``point`` (skips the test, saying why, when impossible)."""
    if not can_mount():
        pytest.skip("SKIPPED: mounting a tmpfs needs root (CI runs as root)")
    point.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"SKIPPED: cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True, check=False)


def fill_disk(point: Path, leave: int) -> Path:
    """Fill the drive at ``point`` until ``leave`` bytes are free; returns the filler file."""
    filler = point / "filler"
    free = shutil.disk_usage(point).free
    with filler.open("ab") as fh:
        fh.write(b"\0" * max(free - leave, 0))
    return filler


def remount(point: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(point)], check=True)
