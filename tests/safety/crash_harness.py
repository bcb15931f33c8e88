"""Crash harness: a child edits a matrix file through the Repository and is SIGKILLed.

The child performs random user actions (single cells, bulk marks, notes, goals, small CSV
imports). Before each action it sends the action to the parent ("do"), after the commit it
sends an acknowledgement ("ok"), both over a pipe. The parent kills the child with SIGKILL
at a random moment, reopens the file and checks:

- the file opens (integrity on open) and ``Repository.verify()`` is clean (quick_check,
  foreign keys, derived status grid equals the marks);
- every acknowledged action is present;
- the action in flight, if any, is either fully applied or not at all (never half).

Children are forked from a preloaded fork server, so a kill cycle costs milliseconds rather
than an interpreter start. Used by ``tests/safety/test_crash.py`` (>= 100 cycles) and
``bench/bench_crash.py`` (1,000 cycles).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import shutil
import signal
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

CELLS, NOTE, GOAL, IMPORT = "cells", "note", "goal", "import"
PREFIX = "crash-"

Action = tuple[Any, ...]


# -- the child ------------------------------------------------------------------------------
def _make_action(
    rng: random.Random, tag: str, seq: int, cids: list[int], pids: list[int]
) -> Action:
    roll = rng.random()
    if roll < 0.45:  # a single cell: set a mark or clear it
        return (CELLS, seq, [(rng.choice(cids), rng.choice(pids), rng.randrange(0, 5))])
    if roll < 0.70:  # bulk marks: one action, many cells, all or nothing
        n = rng.randrange(20, 400)
        cells = {(rng.choice(cids), rng.choice(pids)) for _ in range(n)}
        code = rng.randrange(0, 5)
        return (CELLS, seq, [(c, p, code) for c, p in sorted(cells)])
    if roll < 0.82:
        return (
            NOTE,
            seq,
            rng.choice(cids),
            f"{PREFIX}note-{tag}-{seq} " + "x" * rng.randrange(0, 2000),
        )
    if roll < 0.94:
        return (
            GOAL,
            seq,
            rng.choice(cids),
            f"{PREFIX}goal-{tag}-{seq}",
            sorted(rng.sample(pids, 3)),
        )
    names = [f"{PREFIX}Kunde {tag}-{seq}-{k}" for k in range(rng.randrange(1, 6))]
    return (IMPORT, seq, names)


def _apply(repo: Any, action: Action, workdir: Path) -> None:
    from datetime import date

    from kpm_desktop.domain.entities import Goal, Note
    from kpm_desktop.domain.marks import Mark

    kind = action[0]
    if kind == CELLS:
        repo.set_marks([(c, p, Mark(code) if code else None) for c, p, code in action[2]])
    elif kind == NOTE:
        repo.add_note(Note(customer_id=action[2], note_date=date(2026, 11, 27), text=action[3]))
    elif kind == GOAL:
        repo.add_goal(Goal(customer_id=action[2], title=action[3], product_ids=tuple(action[4])))
    elif kind == IMPORT:
        from kpm_desktop.import_export.apply import apply_plan
        from kpm_desktop.import_export.plans import Target, build_plan, read_source

        csv = workdir / f"import-{action[1]}.csv"
        lines = ["Kunde;Kundennummer;Ort"] + [f"{n};{n[-12:]};Berlin" for n in action[2]]
        csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
        plan = build_plan(read_source(csv, "customers"), Target.from_repository(repo))
        apply_plan(repo, plan)  # includes a verified backup before the transaction
    else:  # pragma: no cover
        raise ValueError(kind)


def child_main(path: str, seed: int, tag: str, out: Connection, data_dir: str) -> None:
    """Edit forever (until killed), reporting every action before and after its commit."""
    os.environ["KPM_DATA_DIR"] = data_dir
    from kpm_desktop.storage.repository import Repository

    workdir = Path(data_dir) / f"work-{tag}"
    workdir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    repo = Repository.open(path)
    matrix = repo.load_matrix()
    cids = [c.id for c in matrix.customers]
    pids = [p.id for p in matrix.products]
    out.send(("ready",))
    seq = 0
    while True:
        seq += 1
        action = _make_action(rng, tag, seq, cids, pids)
        out.send(("do", action))
        _apply(repo, action, workdir)
        out.send(("ok", seq))


# -- the parent's model of the file ---------------------------------------------------------
@dataclass(frozen=True)
class State:
    cells: dict[tuple[int, int], int]
    notes: frozenset[str]
    goals: frozenset[tuple[str, tuple[int, ...]]]
    customers: frozenset[str]

    def applied(self, action: Action) -> State:
        kind = action[0]
        if kind == CELLS:
            cells = dict(self.cells)
            for c, p, code in action[2]:
                if code:
                    cells[(c, p)] = code
                else:
                    cells.pop((c, p), None)
            return State(cells, self.notes, self.goals, self.customers)
        if kind == NOTE:
            return State(self.cells, self.notes | {action[3]}, self.goals, self.customers)
        if kind == GOAL:
            goal = (action[3], tuple(action[4]))
            return State(self.cells, self.notes, self.goals | {goal}, self.customers)
        return State(self.cells, self.notes, self.goals, self.customers | set(action[2]))


def read_state(repo: Any) -> State:
    q = repo.conn.execute
    cells = {(c, p): m for c, p, m in q("SELECT customer_id, product_id, mark FROM marks")}
    notes = frozenset(r[0] for r in q("SELECT text FROM notes WHERE text LIKE ?", (PREFIX + "%",)))
    goals: dict[int, tuple[str, list[int]]] = {
        gid: (title, [])
        for gid, title in q("SELECT id, title FROM goals WHERE title LIKE ?", (PREFIX + "%",))
    }
    for gid, pid in q("SELECT goal_id, product_id FROM goal_products ORDER BY product_id"):
        if gid in goals:
            goals[gid][1].append(pid)
    customers = frozenset(
        r[0] for r in q("SELECT name FROM customers WHERE name LIKE ?", (PREFIX + "%",))
    )
    return State(
        cells,
        notes,
        frozenset((t, tuple(sorted(p))) for t, p in goals.values()),
        customers,
    )


# -- the parent -----------------------------------------------------------------------------
@dataclass
class CrashReport:
    cycles: int = 0
    acknowledged: int = 0
    lost: int = 0  # cycles where an acknowledged action was missing
    half_applied: int = 0  # cycles where the action in flight was partly there
    integrity_failures: int = 0
    in_flight_committed: int = 0  # killed after commit, before the acknowledgement
    in_flight_absent: int = 0
    killed_before_ready: int = 0
    actions_by_kind: dict[str, int] = field(default_factory=dict)
    reopen_ms: list[float] = field(default_factory=list)
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.lost or self.half_applied or self.integrity_failures)

    def figures(self) -> dict[str, Any]:
        ms = sorted(self.reopen_ms) or [0.0]
        return {
            "cycles": self.cycles,
            "acknowledged_actions": self.acknowledged,
            "lost_acknowledged": self.lost,
            "half_applied": self.half_applied,
            "integrity_failures": self.integrity_failures,
            "in_flight_committed": self.in_flight_committed,
            "in_flight_absent": self.in_flight_absent,
            "killed_before_ready": self.killed_before_ready,
            "actions_by_kind": dict(sorted(self.actions_by_kind.items())),
            "reopen_verify_ms_median": round(statistics.median(ms), 1),
            "reopen_verify_ms_max": round(ms[-1], 1),
            "seconds": round(self.seconds, 1),
        }


def _context() -> Any:
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(
        [
            "kpm_desktop.storage.repository",
            "kpm_desktop.storage.backup",
            "kpm_desktop.import_export.apply",
            "kpm_desktop.import_export.plans",
            "tests.safety.crash_harness",
        ]
    )
    return ctx


def _drain(reader: Connection, deadline: float) -> list[tuple[Any, ...]]:
    """Every complete message the child managed to send (a torn last one is dropped)."""
    messages: list[tuple[Any, ...]] = []
    while time.monotonic() < deadline:
        try:
            if not reader.poll(0.05):
                break
            messages.append(reader.recv())
        except (EOFError, OSError):
            break
    return messages


def run_crash_cycles(
    matrix: Path,
    *,
    cycles: int,
    seed: int = 1,
    max_delay: float = 0.05,
    time_budget: float | None = None,
    min_acknowledged: int = 0,
    max_cycles: int | None = None,
) -> CrashReport:
    """Kill a child editing ``matrix`` ``cycles`` times (or until ``time_budget`` seconds).

    With ``min_acknowledged``, go on killing after ``cycles`` until the child has had that many
    actions acknowledged in all, at most ``max_cycles`` kills: on a loaded machine the child
    gets little CPU between kills, so fewer cycles do real work (the checks per cycle are the
    same, only more cycles run).
    """
    from kpm_desktop.storage.errors import StorageError
    from kpm_desktop.storage.repository import Repository

    ctx = _context()
    rng = random.Random(seed)
    report = CrashReport()
    data_dir = tempfile.mkdtemp(prefix="kpm-crash-")
    start = time.monotonic()
    try:
        with Repository.open(matrix) as repo:
            state = read_state(repo)
        cap = max(cycles, max_cycles or 0)
        for cycle in range(cap):
            if time_budget is not None and time.monotonic() - start > time_budget:
                break
            if cycle >= cycles and report.acknowledged >= min_acknowledged:
                break
            reader, writer = ctx.Pipe(duplex=False)
            proc = ctx.Process(
                target=child_main,
                args=(str(matrix), rng.randrange(1 << 30), f"{seed}.{cycle}", writer, data_dir),
                daemon=True,
            )
            proc.start()
            writer.close()
            messages: list[tuple[Any, ...]] = []
            early = rng.random() < 0.1  # sometimes kill while it is still opening the file
            if early:
                time.sleep(rng.uniform(0, 0.02))
            else:
                if reader.poll(10):
                    messages.append(reader.recv())
                time.sleep(rng.uniform(0, max_delay))
            os.kill(proc.pid, signal.SIGKILL)  # type: ignore[arg-type]
            proc.join(10)
            messages += _drain(reader, time.monotonic() + 5)
            reader.close()
            proc.close()
            if not any(m[0] == "ready" for m in messages):
                report.killed_before_ready += 1

            pending: Action | None = None
            expected = state
            for msg in messages:
                if msg[0] == "do":
                    pending = msg[1]
                elif msg[0] == "ok" and pending is not None:
                    expected = expected.applied(pending)
                    report.acknowledged += 1
                    report.actions_by_kind[pending[0]] = (
                        report.actions_by_kind.get(pending[0], 0) + 1
                    )
                    pending = None
            alternative = expected.applied(pending) if pending is not None else None

            t0 = time.perf_counter()
            try:
                with Repository.open(matrix) as repo:
                    problems = repo.verify()
                    actual = read_state(repo)
            except StorageError as exc:
                report.integrity_failures += 1
                report.failures.append(f"cycle {cycle}: cannot reopen: {exc}")
                break
            report.reopen_ms.append((time.perf_counter() - t0) * 1000)
            report.cycles += 1
            if problems:
                report.integrity_failures += 1
                report.failures.append(f"cycle {cycle}: {problems[0]}")
            if actual == expected:
                if pending is not None:
                    report.in_flight_absent += 1
            elif alternative is not None and actual == alternative:
                report.in_flight_committed += 1
            else:
                lost = _missing_acknowledged(state, expected, actual)
                if lost:
                    report.lost += 1
                else:
                    report.half_applied += 1
                report.failures.append(
                    f"cycle {cycle}: {'lost acknowledged action' if lost else 'half-applied'} "
                    f"(in flight: {pending[0] if pending else None})"
                )
            state = actual  # continue from what is really in the file
    finally:
        report.seconds = time.monotonic() - start
        shutil.rmtree(data_dir, ignore_errors=True)
    return report


def _missing_acknowledged(before: State, expected: State, actual: State) -> bool:
    """True if something the acknowledged actions wrote is not in the file."""
    if not expected.notes <= actual.notes or not expected.goals <= actual.goals:
        return True
    if not expected.customers <= actual.customers:
        return True
    changed = {
        k
        for k in set(before.cells) | set(expected.cells)
        if before.cells.get(k) != expected.cells.get(k)
    }
    return any(actual.cells.get(k) != expected.cells.get(k) for k in changed)
