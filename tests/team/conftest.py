"""A real PostgreSQL for the team tests: one throw-away cluster per run, one database per test."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from pgcluster import Cluster, find_bindir

_counter = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    bindir = find_bindir()
    if bindir is None:
        reason = (
            "team tests skipped: no PostgreSQL server binaries (initdb, pg_ctl) found in "
            "KPM_PG_BINDIR, pg_config --bindir or /usr/lib/postgresql/*/bin; "
            "install the 'postgresql' package"
        )
        print(reason, file=sys.stderr)
        pytest.skip(reason)
    cluster = Cluster(bindir).start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def team_url(pg_cluster: Cluster) -> Iterator[str]:
    """A fresh, empty database (admin URL); dropped after the test."""
    name = f"team_{os.getpid()}_{next(_counter)}"
    pg_cluster.admin_sql(f'CREATE DATABASE "{name}" TEMPLATE template0')
    yield pg_cluster.url(name)
    try:
        pg_cluster.admin_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
    except Exception:
        pass


@pytest.fixture
def pgpass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """libpq's password file (the way reps keep passwords out of the .kpm file)."""
    path = tmp_path / "pgpass"
    path.write_text("", encoding="utf-8")
    os.chmod(path, 0o600)
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path
