"""Property: three replicas editing offline and syncing in any order end identical."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import engine, server
from kpm_desktop.team.clone import clone
from kpm_desktop.team.conflicts import resolve
from kpm_desktop.team.connect import connect
from kpm_desktop.team.publish import publish
from tests.helpers.team import content_hash, without_user

N_CELLS = 6  # few cells: concurrent edits of the same cell are frequent
N_CUSTOMERS = 3

edit = st.tuples(
    st.just("mark"),
    st.integers(0, 2),
    st.integers(0, N_CELLS - 1),
    st.sampled_from([None, *Mark]),
)
field = st.tuples(
    st.just("city"),
    st.integers(0, 2),
    st.integers(0, N_CUSTOMERS - 1),
    st.sampled_from(["Kiel", "Köln", "Ulm"]),
)
sync = st.tuples(st.just("sync"), st.integers(0, 2), st.just(0), st.just(None))
steps = st.lists(st.one_of(edit, field, sync), min_size=1, max_size=14)


def _apply(path: Path, op: tuple) -> None:
    kind, _replica, index, value = op
    with Repository.open(path) as repo:
        customers = sorted(repo.load_customers(), key=lambda c: c.uuid)
        products = sorted(repo.load_products(), key=lambda p: p.uuid)
        if kind == "mark":
            c = customers[index % N_CUSTOMERS]
            p = products[index // N_CUSTOMERS]
            repo.set_marks([(c.id, p.id, value)])
        else:
            c = customers[index]
            repo.update_customer(replace(c, city=value))


def _settle(paths: list[Path]) -> None:
    for _round in range(4):
        for path in paths:
            with Repository.open(path) as repo:
                resolve(repo, {"all": "theirs"})
                engine.sync_repo(repo)
    for path in paths:
        with Repository.open(path) as repo:
            result = engine.sync_repo(repo)
            assert result.conflicts == [] and result.pending == 0, result


def test_three_replicas_converge(
    team_url: str, demo_file: Path, tmp_path_factory, pgpass: Path
) -> None:
    base = tmp_path_factory.mktemp("replicas")
    with connect(team_url) as conn:
        server.init(conn)
        for name in ("r1", "r2", "r3"):
            server.add_user(conn, name, "manager", password=f"pw-{name}")
            with pgpass.open("a", encoding="utf-8") as fh:
                fh.write(f"*:*:*:{name}:pw-{name}\n")
    published = base / "published.kpm"
    shutil.copyfile(demo_file, published)
    publish(published, team_url)
    paths = []
    for i, name in enumerate(("r1", "r2", "r3")):
        path = base / f"replica{i}.kpm"
        clone(without_user(team_url), path, name)
        paths.append(path)

    @settings(
        max_examples=12,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(steps)
    def run(ops: list[tuple]) -> None:
        conflicts = 0
        for op in ops:
            path = paths[op[1]]
            if op[0] == "sync":
                with Repository.open(path) as repo:
                    conflicts += len(engine.sync_repo(repo).conflicts)
            else:
                _apply(path, op)
        _settle(paths)
        hashes = {content_hash(p) for p in paths}
        assert len(hashes) == 1

    run()
