"""Fixtures for the data-safety tests: small private tmpfs mounts (tests/helpers/mounts.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.mounts import mounted_tmpfs


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A small private tmpfs (root only, e.g. CI): real ENOSPC and read-only remounts."""
    with mounted_tmpfs(tmp_path / "mnt", "1m") as point:
        yield point


@pytest.fixture
def tmpfs4(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs: room for the demo matrix and its change log, then a real full disk."""
    with mounted_tmpfs(tmp_path / "mnt4", "4m") as point:
        yield point
