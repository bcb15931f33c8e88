"""Fixtures for workspace tests: a fresh demo matrix file per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kpm_desktop.samples.demo import write_demo


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo(tmp_path_factory.mktemp("demo") / "master.kpm")


@pytest.fixture
def demo_path(_demo_master: Path, tmp_path: Path) -> Path:
    """A private copy of the demo matrix (closed file, so a plain copy is safe)."""
    out = tmp_path / "demo.kpm"
    shutil.copyfile(_demo_master, out)
    return out
