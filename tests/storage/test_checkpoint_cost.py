"""Regression: once the write-ahead log passed the checkpoint threshold, every later commit
checkpointed again (the log file keeps its size after a restart), making single-cell writes
4-8x slower. The log is now truncated below the threshold after a checkpoint."""

from __future__ import annotations

from pathlib import Path

from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage import database
from kpm_desktop.storage.repository import Repository


def test_checkpoints_stay_rare_after_the_log_grew(demo_file: Path, monkeypatch) -> None:
    monkeypatch.setattr(database, "CHECKPOINT_WAL_BYTES", 64 * 1024)
    calls = []
    real = database.checkpoint
    monkeypatch.setattr(database, "checkpoint", lambda conn: (calls.append(1), real(conn)))
    with Repository.open(demo_file) as repo:
        m = repo.load_matrix()
        calls.clear()
        writes = 300
        for k in range(writes):
            cid = m.customers[k % m.n_rows].id
            pid = m.products[(k * 7) % m.n_cols].id
            repo.set_marks([(cid, pid, (Mark.OURS, Mark.NEED, None)[k % 3])])
        assert 1 <= len(calls) < writes // 4
        wal = demo_file.with_name(demo_file.name + "-wal")
        assert wal.stat().st_size <= 64 * 1024 + 64 * 1024  # truncated after restarts
        assert repo.verify() == []
