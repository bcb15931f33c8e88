"""The benches copy a cached matrix consistently (``bench/common.copy_consistent``).

A bench that opened a ``bench/.cache`` file in place can leave a ``-wal`` beside it with the
latest commits, the writer's closing one included; a byte copy of the main file alone is then
refused by the app as incomplete. The benches copy with SQLite's backup API instead.
"""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from pathlib import Path
from types import ModuleType

import pytest

from kpm_desktop.samples.synthetic import generate
from kpm_desktop.storage.database import DamagedFileError
from kpm_desktop.storage.repository import Repository

ROOT = Path(__file__).resolve().parents[1]


def _bench_common() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_common", ROOT / "bench" / "common.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_cache_file_with_a_wal_beside_it_is_copied_whole(tmp_path: Path) -> None:
    cached = tmp_path / "cache" / "M.kpm"
    cached.parent.mkdir()
    generate(cached, customers=30, products=8, fill=0.4, seed=1)
    repo = Repository.open(cached)  # a bench opens the cache file in place ...
    repo.write_cells([(repo.load_customers()[0].id, repo.load_products()[0].id, None)])
    reader = sqlite3.connect(cached)  # ... while something else still reads it
    try:
        reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
        repo.close()
        assert Path(f"{cached}-wal").stat().st_size > 0  # the log stays beside the file
        shutil.copyfile(cached, tmp_path / "byte.kpm")
        with pytest.raises(DamagedFileError, match="incomplete"):
            Repository.open(tmp_path / "byte.kpm").close()  # what the benches did

        copy = _bench_common().copy_consistent(cached, tmp_path / "copy.kpm")
    finally:
        reader.close()
    assert not Path(f"{copy}-wal").exists()
    with Repository.open(copy) as a, Repository.open(cached, read_only=True) as b:
        assert a.load_matrix().grid == b.load_matrix().grid


def test_a_cache_file_of_an_older_schema_is_upgraded_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bench must not time a migration, nor have a read-only open refuse an older file."""
    from kpm_desktop.storage.file_format import read_header
    from kpm_desktop.storage.migrations import SCHEMA_VERSION
    from tests.helpers.schema import open_at_schema

    common = _bench_common()
    monkeypatch.setattr(common, "CACHE", tmp_path)
    monkeypatch.setattr(common, "SIZES", {"T": (3, 2)})
    old = tmp_path / "T-3x2.kpm"
    open_at_schema(old, SCHEMA_VERSION - 1).close()
    assert common.matrix_file("T") == old
    assert read_header(old)[1] == SCHEMA_VERSION
    Repository.open(old, read_only=True).close()
    stamp = old.stat().st_mtime_ns
    assert common.matrix_file("T") == old and old.stat().st_mtime_ns == stamp  # once
