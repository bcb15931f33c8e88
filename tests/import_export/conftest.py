"""Fixtures for import tests: a small matrix with known content, and CSV files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.files import build_small


@pytest.fixture(scope="session")
def _small_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small(tmp_path_factory.mktemp("small") / "master.kpm")


@pytest.fixture
def small_file(_small_master: Path, tmp_path: Path) -> Path:
    out = tmp_path / "small.kpm"
    out.write_bytes(_small_master.read_bytes())
    return out


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    def write(name: str, text: str, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write
