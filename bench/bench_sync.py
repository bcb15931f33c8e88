"""Team sync against a local, throw-away PostgreSQL: publish, clone, incremental and no-op
sync, 50 concurrent reps, SIGKILL cycles, server bytes per marked cell.

    python bench/bench_sync.py [--size M] [--reps 50] [--edits 200] [--kills 200]

``--reps 0`` skips the concurrent reps, ``--kills 0`` the SIGKILL cycles (e.g. at L, where
the figures that matter are publish, clone, bytes per cell and the two syncs).

Baselines in the same run: the same rows inserted with one plain ``executemany`` into a
scratch table (what any client would pay at least), and one ``SELECT 1`` round trip.
Needs the PostgreSQL server binaries (initdb, pg_ctl); see tests/team/pgcluster.py.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from common import ROOT, emit, machine, matrix_file

sys.path.insert(0, str(ROOT / "tests" / "team"))
from pgcluster import Cluster, find_bindir

BENCH = "sync"


# A subprocess's own peak RSS: ru_maxrss would carry the forking parent's size over exec.
_HWM = (
    "def _hwm():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            return int(line.split()[1]) / 1024\n"
)


def _server_cpu(cluster: Cluster) -> float:
    """CPU seconds of the postmaster and all its (live and finished) backends."""
    pid = int((cluster.data / "postmaster.pid").read_text().split()[0])
    tick = os.sysconf("SC_CLK_TCK")

    def stat(p: int) -> tuple[int, int, int, int]:
        fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]), int(fields[12]), int(fields[13]), int(fields[14])

    total = sum(stat(pid))
    for child in Path("/proc").iterdir():
        if not child.name.isdigit():
            continue
        try:
            ppid = int((child / "stat").read_text().rsplit(")", 1)[1].split()[1])
            if ppid == pid:
                u, s, _cu, _cs = stat(int(child.name))
                total += u + s
        except (OSError, ValueError, IndexError):
            continue
    return total / tick


def _edit(path: Path, n: int, seed: int) -> int:
    from kpm_desktop.domain.marks import Mark
    from kpm_desktop.storage.repository import Repository

    rng = random.Random(seed)
    with Repository.open(path) as repo:
        cids = [c.id for c in repo.load_customers()]
        pids = [p.id for p in repo.load_products()]
        edits = [(rng.choice(cids), rng.choice(pids), rng.choice(list(Mark))) for _ in range(n)]
        for e in edits:  # one transaction per edit, as a rep works
            repo.set_marks([e])
    return n


def _rep_worker(path: str, edits: int, seed: int, out: str) -> None:
    """One simulated rep (own process): offline edits, then sync twice."""
    from kpm_desktop.team import engine

    _edit(Path(path), edits, seed)
    times, conflicts = [], 0
    for _round in range(2):
        t = time.perf_counter()
        result = engine.sync_file(Path(path))
        times.append(time.perf_counter() - t)
        conflicts = len(result.conflicts)
    Path(out).write_text(json.dumps({"times": times, "conflicts": conflicts}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="M")
    parser.add_argument("--reps", type=int, default=50)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--worker", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        path, edits, seed, out = args.worker
        _rep_worker(path, int(edits), int(seed), out)
        return

    import psycopg

    from kpm_desktop.storage.repository import Repository
    from kpm_desktop.team import engine, server
    from kpm_desktop.team.clone import clone
    from kpm_desktop.team.conflicts import resolve
    from kpm_desktop.team.connect import connect
    from kpm_desktop.team.local import LocalStore
    from kpm_desktop.team.publish import publish

    bindir = find_bindir()
    if bindir is None:
        print("no PostgreSQL server binaries found", file=sys.stderr)
        sys.exit(2)
    emit(BENCH, "machine", 0, "", **machine())
    work = Path(tempfile.mkdtemp(prefix="kpm-bench-sync-"))
    cluster = Cluster(bindir).start()
    try:
        cluster.admin_sql("CREATE DATABASE bench")
        url = cluster.url("bench")
        rep_url = cluster.url("bench", user=None)
        pgpass = work / "pgpass"
        pgpass.write_text("")
        os.chmod(pgpass, 0o600)
        os.environ["PGPASSFILE"] = str(pgpass)
        with connect(url) as conn:
            server.init(conn)

        # -- publish ---------------------------------------------------------------------
        manager = work / "manager.kpm"
        shutil.copyfile(matrix_file(args.size), manager)
        with Repository.open(manager):
            pass  # a cached file of an older format is updated first (publish reads read-only)
        t = time.perf_counter()
        result = publish(manager, url)
        published = time.perf_counter() - t
        marked = result["published"].get("cell", 0)
        emit(BENCH, f"publish {args.size}", published, "s", cells=marked)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
            size_cells, size = conn.execute(
                "SELECT pg_total_relation_size('kpm.cell_state') "
                "+ pg_total_relation_size('kpm.cell_changes') "
                "+ pg_total_relation_size('kpm.cell_base'), "
                "pg_total_relation_size('kpm.state') + pg_total_relation_size('kpm.changes') "
                "+ pg_total_relation_size('kpm.territory') + pg_total_relation_size('kpm.cell_state') "
                "+ pg_total_relation_size('kpm.cell_changes') + pg_total_relation_size('kpm.cell_base')"
            ).fetchone()
        emit(
            BENCH,
            "server bytes per marked cell (cell tables incl. indexes)",
            size_cells / max(marked, 1),
            "B",
            all_tables_per_cell=round(size / max(marked, 1), 1),
            total_mb=round(size / 1e6, 1),
            before_compact_encoding="~1,350 B (JSON document per cell in log + state)",
        )

        # -- clone (a fresh process: its peak RSS) -----------------------------------------
        clone_path = work / "clone.kpm"
        code = (
            "import resource, sys, time, json\n"
            "from kpm_desktop.team.clone import clone\n" + _HWM + "t = time.perf_counter()\n"
            f"clone({url!r}, __import__('pathlib').Path({str(clone_path)!r}), None)\n"
            "u = resource.getrusage(resource.RUSAGE_SELF)\n"
            "print(json.dumps({'s': time.perf_counter() - t, 'cpu': u.ru_utime + u.ru_stime, "
            "'rss': _hwm()}))\n"
        )
        server_cpu0 = _server_cpu(cluster)
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        )
        figures = json.loads(out.stdout)
        clone_server_cpu = _server_cpu(cluster) - server_cpu0
        # baseline: the same cells read with a bare COPY to the client and thrown away
        code = (
            "import psycopg, resource, time, json\n" + _HWM + "t = time.perf_counter()\n"
            f"with psycopg.connect({url!r}) as conn, conn.cursor() as cur:\n"
            "    with cur.copy('COPY (SELECT * FROM kpm.cell_state) TO STDOUT (FORMAT BINARY)') as cp:\n"
            "        for _block in cp: pass\n"
            "u = resource.getrusage(resource.RUSAGE_SELF)\n"
            "print(json.dumps({'s': time.perf_counter() - t, 'cpu': u.ru_utime + u.ru_stime, "
            "'rss': _hwm()}))\n"
        )
        base = json.loads(
            subprocess.run(
                [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout
        )
        emit(
            BENCH,
            f"clone {args.size} (manager: everything)",
            figures["s"],
            "s",
            cells=marked,
            client_cpu_s=round(figures["cpu"], 1),
            server_cpu_s=round(clone_server_cpu, 1),
            baseline_bare_copy_s=round(base["s"], 2),
            baseline_client_cpu_s=round(base["cpu"], 1),
            ratio=round(figures["s"] / base["s"], 2),
            goal="L <= 60 s",
        )
        emit(
            BENCH,
            f"clone {args.size} peak RSS",
            figures["rss"],
            "MB",
            baseline_bare_copy_mb=round(base["rss"], 1),
            goal="L <= 300 MB",
        )

        # -- incremental sync of 1,000 changes, no-op sync, baselines -----------------------
        _edit(clone_path, 1000, seed=7)
        with Repository.open(clone_path) as repo:
            pending = engine.pending_count(repo)
            t = time.perf_counter()
            r = engine.sync_repo(repo)
            incremental = time.perf_counter() - t
            noop = []
            for _ in range(7):
                t = time.perf_counter()
                engine.sync_repo(repo)
                noop.append(time.perf_counter() - t)
            sample = list(
                itertools.islice(
                    ((k, key, v) for k, key, v in LocalStore(repo).iter_all() if k == "cell"),
                    pending,
                )
            )
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE scratch (kind text, key text, data jsonb)")
            rows = [(k, key, json.dumps(v)) for k, key, v in sample[:pending]]
            t = time.perf_counter()
            with conn.transaction(), conn.cursor() as cur:
                cur.executemany("INSERT INTO scratch VALUES (%s, %s, %s::jsonb)", rows)
            baseline = time.perf_counter() - t
            t = time.perf_counter()
            for _ in range(7):
                conn.execute("SELECT 1").fetchone()
            roundtrip = (time.perf_counter() - t) / 7
        emit(
            BENCH,
            "incremental sync of 1,000 local changes",
            incremental,
            "s",
            pushed=r.pushed,
            pending=pending,
            baseline_executemany_s=round(baseline, 4),
            ratio=round(incremental / baseline, 2),
            goal="<= 1 s",
        )
        emit(
            BENCH,
            "no-op sync (median of 7)",
            statistics.median(noop) * 1000,
            "ms",
            baseline_select1_ms=round(roundtrip * 1000, 3),
            goal="<= 100 ms",
        )

        # -- 50 reps, concurrent ----------------------------------------------------------
        regions = ("Nord", "Süd", "West", "Ost", "Mitte")
        reps: list[tuple[str, Path]] = []
        if args.reps == 0:
            _kills(args, url, clone_path)
            return
        with connect(url) as conn:
            for i in range(args.reps):
                name = f"rep{i:02d}"
                server.add_user(conn, name, "rep", (regions[i % 5],), (), password=f"pw-{name}")
                with pgpass.open("a") as fh:
                    fh.write(f"*:*:*:{name}:pw-{name}\n")
        region_file: dict[str, Path] = {}
        t = time.perf_counter()
        for i in range(5):
            path = work / f"region{i}.kpm"
            clone(rep_url, path, f"rep{i:02d}")
            region_file[regions[i]] = path
        emit(
            BENCH, f"clone of one region ({args.size}/5, a rep)", (time.perf_counter() - t) / 5, "s"
        )
        # a rep's no-op sync also asks which local customers left the territory
        with Repository.open(region_file[regions[0]]) as repo:
            engine.sync_repo(repo)
            rep_noop = []
            for _ in range(7):
                t = time.perf_counter()
                engine.sync_repo(repo)
                rep_noop.append(time.perf_counter() - t)
            n_customers = len(repo.load_customers())
        emit(
            BENCH,
            "no-op sync of a rep (median of 7)",
            statistics.median(rep_noop) * 1000,
            "ms",
            customers=n_customers,
            baseline_select1_ms=round(roundtrip * 1000, 3),
            goal="<= 100 ms",
        )
        for i in range(args.reps):
            name = f"rep{i:02d}"
            path = work / f"{name}.kpm"
            shutil.copyfile(region_file[regions[i % 5]], path)
            with Repository.open(path) as repo, repo.transaction() as conn:
                conn.execute(
                    "UPDATE sync_state SET value = ? WHERE key = 'client_id'", (str(uuid.uuid4()),)
                )
                conn.execute("UPDATE sync_state SET value = ? WHERE key = 'team_user'", (name,))
            reps.append((name, path))
        cpu0 = _server_cpu(cluster)
        t = time.perf_counter()
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "--worker",
                    str(p),
                    str(args.edits),
                    str(i),
                    str(p) + ".json",
                ],
                cwd=ROOT,
            )
            for i, (_n, p) in enumerate(reps)
        ]
        for p in procs:
            p.wait()
        wall = time.perf_counter() - t
        cpu = _server_cpu(cluster) - cpu0
        times, conflicts = [], 0
        for _n, p in reps:
            data = json.loads(Path(str(p) + ".json").read_text())
            times += data["times"]
            conflicts += data["conflicts"]
        times.sort()
        emit(
            BENCH,
            f"{args.reps} reps x {args.edits} offline edits, concurrent (edit + 2 syncs each)",
            wall,
            "s",
            server_cpu_s=round(cpu, 1),
            conflicts=conflicts,
            sync_p50_s=round(times[len(times) // 2], 3),
            sync_p95_s=round(times[int(len(times) * 0.95)], 3),
        )
        # settle: everyone takes theirs, then all reps of a region must be identical
        for _round in range(2):
            for _n, p in reps:
                with Repository.open(p) as repo:
                    resolve(repo, {"all": "theirs"})
                    engine.sync_repo(repo)
        hashes: dict[str, set[str]] = {}
        sys.path.insert(0, str(ROOT))
        from tests.helpers.team import content_hash

        for i, (_n, p) in enumerate(reps):
            hashes.setdefault(regions[i % 5], set()).add(content_hash(p))
        emit(
            BENCH,
            "reps converged (regions with one content hash)",
            sum(1 for h in hashes.values() if len(h) == 1),
            f"of {len(hashes)}",
        )

        _kills(args, url, reps[0][1])
    finally:
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)


def _kills(args: argparse.Namespace, url: str, victim: Path) -> None:
    """SIGKILL a ``kpm sync`` of ``victim`` at random moments, then compare with the server."""
    import psycopg

    from kpm_desktop.storage.repository import Repository
    from kpm_desktop.team import engine
    from kpm_desktop.team.conflicts import resolve
    from kpm_desktop.team.local import LocalStore
    from kpm_desktop.team.protocol import pull

    if args.kills:
        with Repository.open(victim, read_only=True) as repo:
            client = engine.team_state(repo)["client_id"]
        admin = psycopg.connect(url, autocommit=True)

        def pushed_rows() -> int:
            return admin.execute(
                "SELECT (SELECT count(*) FROM kpm.changes WHERE client_id = %s) "
                "+ (SELECT count(*) FROM kpm.cell_changes WHERE client_id = %s::uuid)",
                (client, client),
            ).fetchone()[0]

        def pending() -> int:
            with Repository.open(victim, read_only=True) as repo:
                return engine.pending_count(repo)

        sync = [sys.executable, "-m", "kpm_desktop.cli", "sync", str(victim)]
        # Every other cycle aims at the narrow window right after the server's commit: the
        # process kills itself at a random moment of the local transaction (``finish``),
        # before or after its commit, so that the next sync must recognise the pushed rows.
        aimed = [
            sys.executable,
            "-c",
            "import os, random, signal, sys, threading\n"
            "from kpm_desktop.team import engine\n"
            "from kpm_desktop.cli import main\n"
            "finish = engine.finish\n"
            "def killing_finish(*a, **k):\n"
            "    if random.random() < 0.5:  # at once: the server has it, the file not yet\n"
            "        os.kill(os.getpid(), signal.SIGKILL)\n"
            "    threading.Timer(random.uniform(0, 0.03), os.kill,\n"
            "                    (os.getpid(), signal.SIGKILL)).start()\n"
            "    return finish(*a, **k)\n"
            "engine.finish = killing_finish\n"
            f"sys.exit(main(['sync', {str(victim)!r}]))\n",
        ]
        # how long one unkilled sync process takes here, now: the kill moments spread over it
        _edit(victim, 10, seed=999)
        t = time.perf_counter()
        subprocess.run(sync, cwd=ROOT, capture_output=True, check=False)
        whole = time.perf_counter() - t
        killed = 0
        exits: dict[int, int] = {}  # exit codes of the aimed cycles
        first_error: list[str] = []
        # where each kill landed: before the server committed, between the server's commit
        # and the local one (the push must be recognised next time), after the local commit
        landed = {"before server commit": 0, "between the commits": 0, "after local commit": 0}
        rng = random.Random(5)
        t = time.perf_counter()
        for cycle in range(args.kills):
            _edit(victim, rng.randint(1, 20), seed=1000 + cycle)
            rows0, pending0 = pushed_rows(), pending()
            if cycle % 2:
                proc = subprocess.Popen(
                    aimed, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
                )
                _out, err = proc.communicate()
                killed += proc.returncode == -signal.SIGKILL
                exits[proc.returncode] = exits.get(proc.returncode, 0) + 1
                if proc.returncode not in (0, 1, -signal.SIGKILL) and not first_error:
                    first_error.append(err.decode(errors="replace").strip()[-300:])
            else:
                proc = subprocess.Popen(
                    sync, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
                time.sleep(rng.uniform(0.2, 1.1) * whole)
                if proc.poll() is None:
                    proc.send_signal(signal.SIGKILL)
                    killed += 1
                proc.wait()
            if pending() < pending0:
                landed["after local commit"] += 1
            elif pushed_rows() > rows0:
                landed["between the commits"] += 1
            else:
                landed["before server commit"] += 1
        admin.close()
        with Repository.open(victim) as repo:
            resolve(repo, {"all": "mine"})
            final = engine.sync_repo(repo)
            local = {(k, key): v for k, key, v in LocalStore(repo).iter_all() if k == "cell"}
        with psycopg.connect(url, autocommit=True) as conn:
            customers = {k[1].split("/")[0] for k in local}
            state = {
                (r.kind, r.key): r.data
                for r in pull(conn, 0, "bench")
                if r.kind == "cell" and r.data is not None and r.key.split("/")[0] in customers
            }
            dupes = conn.execute(
                "SELECT (SELECT count(*) - count(DISTINCT (client_id, client_seq)) "
                "FROM kpm.changes) + (SELECT count(*) - count(DISTINCT (client_id, client_seq)) "
                "FROM kpm.cell_changes)"
            ).fetchone()[0]
        emit(
            BENCH,
            "SIGKILL cycles during sync",
            args.kills,
            "cycles",
            killed=killed,
            unkilled_sync_process_s=round(whole, 2),
            aimed_exit_codes=exits,
            aimed_first_error=first_error[0] if first_error else "",
            **{k.replace(" ", "_"): v for k, v in landed.items()},
            seconds=round(time.perf_counter() - t, 1),
            lost=sum(1 for k, v in local.items() if state.get(k) != v),
            duplicates=dupes,
            pending_after=final.pending,
        )


if __name__ == "__main__":
    main()
