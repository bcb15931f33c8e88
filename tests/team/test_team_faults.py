"""Team sync under faults: commit order of revisions, SIGKILL mid-sync, server restart."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest

from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import engine, server
from kpm_desktop.team.connect import TeamError, connect
from tests.helpers.team import entities, server_cells, team_with_demo

KILL_CYCLES = int(os.environ.get("KPM_KILL_CYCLES", "20"))


def _insert(conn: psycopg.Connection, name: str, seq: int) -> int:
    return conn.execute(
        "INSERT INTO kpm.changes (kind, key, customer, data, client_id, client_seq) "
        "VALUES ('competitor', %s, NULL, jsonb_build_object('name', %s::text), 'test', %s) "
        "RETURNING rev",
        (name, name, seq),
    ).fetchone()[0]


def test_a_later_commit_never_hides_an_earlier_revision(team_url: str) -> None:
    """A puller can never see rev N+1 before rev N: the log is written under the push lock."""
    with connect(team_url) as conn:
        server.init(conn)
    first = psycopg.connect(team_url, autocommit=True)
    second = psycopg.connect(team_url, autocommit=True)
    reader = psycopg.connect(team_url, autocommit=True)
    result: dict[str, int] = {}
    try:
        first.execute("BEGIN")
        rev_first = _insert(first, "first", 1)

        def push_second() -> None:
            with second.transaction():
                result["rev"] = _insert(second, "second", 2)

        thread = threading.Thread(target=push_second)
        thread.start()
        thread.join(timeout=1.5)
        assert thread.is_alive(), "the second push must wait for the first to commit"
        seen = reader.execute("SELECT rev FROM kpm.state WHERE rev > 0").fetchall()
        assert seen == []
        first.execute("COMMIT")
        thread.join(timeout=10)
        assert not thread.is_alive()
        assert result["rev"] > rev_first
        seen = [r[0] for r in reader.execute("SELECT rev FROM kpm.state ORDER BY rev")]
        assert seen == [rev_first, result["rev"]]
    finally:
        for c in (first, second, reader):
            c.close()


def _edit(path: Path, rng: random.Random, n: int) -> None:
    with Repository.open(path) as repo:
        customers = repo.load_customers()
        products = repo.load_products()
        for _ in range(n):
            c = rng.choice(customers)
            p = rng.choice(products)
            mark = rng.choice([None, *Mark])
            repo.set_marks([(c.id, p.id, mark)])


def _server_matches(path: Path, url: str) -> None:
    local = entities(path)
    with Repository.open(path, read_only=True) as repo:
        client = engine.team_state(repo)["client_id"]
    with psycopg.connect(url, autocommit=True) as conn:
        state = server_cells(conn)
        dupes = conn.execute(
            "SELECT (SELECT count(*) - count(DISTINCT (client_id, client_seq)) FROM kpm.changes)"
            " + (SELECT count(*) - count(DISTINCT (client_id, client_seq)) FROM kpm.cell_changes)"
        ).fetchone()[0]
        mine = conn.execute(
            "SELECT (SELECT count(*) FROM kpm.changes WHERE client_id = %s AND client_seq > 0)"
            " + (SELECT count(*) FROM kpm.cell_changes WHERE client_id = %s::uuid "
            "AND client_seq > 0)",
            (client, client),
        ).fetchone()[0]
    assert dupes == 0
    local_cells = {k: v for k, v in local.items() if k[0] == "cell"}
    assert local_cells == state
    return mine


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_and_doubles_nothing(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path
) -> None:
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    # The manager is the only writer: its file must end equal to the server.
    path = files["manager"]
    rng = random.Random(17)
    edits = 0
    killed = 0
    env = dict(os.environ)
    for _cycle in range(KILL_CYCLES):
        n = rng.randint(1, 30)
        _edit(path, rng, n)  # acknowledged: committed in the file
        edits += n
        proc = subprocess.Popen(
            [sys.executable, "-m", "kpm_desktop.cli", "sync", str(path)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, 1.6))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
    print(f"kill test: {KILL_CYCLES} cycles, {killed} killed, {edits} edits")
    result = engine.sync_file(path)
    assert result.conflicts == []
    assert result.pending == 0
    pushed = _server_matches(path, team_url)
    assert pushed <= edits


def test_server_restart_in_the_middle_of_a_sync(
    team_url: str,
    demo_file: Path,
    pgpass: Path,
    tmp_path: Path,
    pg_cluster,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    path = files["manager"]
    _edit(path, random.Random(3), 40)
    real = engine._compare_and_push

    def restart_then_push(*args, **kwargs):
        pg_cluster.pg_ctl("restart")  # the connection of this sync dies here
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "_compare_and_push", restart_then_push)
    with pytest.raises(TeamError) as info:
        engine.sync_file(path)
    assert "\n" not in str(info.value)
    monkeypatch.setattr(engine, "_compare_and_push", real)
    with Repository.open(path, read_only=True) as repo:
        assert engine.pending_count(repo) > 0
    result = engine.sync_file(path)
    assert result.pending == 0 and result.conflicts == []
    _server_matches(path, team_url)
