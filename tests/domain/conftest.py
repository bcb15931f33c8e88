"""Fixtures for domain tests: the deterministic demo matrix and its ground truth from SQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.demo import DemoTruth, read_truth


@pytest.fixture(scope="session")
def demo_truth(demo_template: Path) -> DemoTruth:
    """The shared demo matrix (fixed 'today', so it is deterministic)."""
    return read_truth(demo_template)
