"""Packaging check: the frozen ``kpm`` sets up a team on a throw-away PostgreSQL cluster.

    python packaging/team_smoke.py dist/kpm-desktop/kpm

Starts a cluster (initdb + pg_ctl in a temp dir, Unix socket; tests/team/pgcluster.py), runs
``KPM team init URL`` twice (create, then idempotent) and ``KPM team users URL --json``, and
stops the cluster. Exit 0 when all three work. Needs the PostgreSQL server binaries.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "team"))
from pgcluster import SUPERUSER, Cluster, find_bindir  # noqa: E402


def _kpm(kpm: str, *args: str) -> subprocess.CompletedProcess:
    out = subprocess.run([kpm, *args], capture_output=True, text=True, timeout=180)
    print(f"$ kpm {' '.join(args[:2])} ... -> {out.returncode}\n{out.stdout}{out.stderr}")
    return out


def main() -> int:
    kpm = sys.argv[1]
    bindir = find_bindir()
    if bindir is None:
        print("no PostgreSQL server binaries (initdb, pg_ctl); install the 'postgresql' package")
        return 1
    cluster = Cluster(bindir).start()
    try:
        cluster.admin_sql("CREATE DATABASE bundle")
        url = cluster.url("bundle")
        first = _kpm(kpm, "team", "init", url)
        again = _kpm(kpm, "team", "init", url)
        users = _kpm(kpm, "team", "users", url, "--json")
        if first.returncode or again.returncode or users.returncode:
            return 1
        names = [u["name"] for u in json.loads(users.stdout)]
        return 0 if names == [SUPERUSER] else 1
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
