"""Which files get their opening checks on a worker (``gui.workers.checks_in_background``).

A file over 32 MB, counted with its change log: a full check reads both, so a small file left
with a large ``-wal`` by a crash is checked beside the UI, with progress, too.
"""

from __future__ import annotations

from pathlib import Path

from kpm_desktop.gui import workers


def _sized(path: Path, size: int) -> Path:
    with path.open("wb") as fh:
        fh.truncate(size)  # sparse: no disk space used
    return path


def test_the_change_log_counts_towards_the_threshold(tmp_path: Path) -> None:
    limit = workers.CHECK_IN_BACKGROUND_BYTES
    small = _sized(tmp_path / "small.kpm", 4096)
    assert not workers.checks_in_background(small)
    _sized(tmp_path / "small.kpm-wal", limit)
    assert workers.checks_in_background(small)
    assert workers.checks_in_background(_sized(tmp_path / "large.kpm", limit + 1))
    assert not workers.checks_in_background(tmp_path / "missing.kpm")
