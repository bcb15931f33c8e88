"""Publishing a matrix file as the team matrix (manager only, once per team)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import psycopg

from kpm_desktop.storage import sync_capture
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import cells, server
from kpm_desktop.team.connect import TeamError, connect, describe, strip_password, translated
from kpm_desktop.team.local import LocalStore
from kpm_desktop.team.protocol import push_rows
from kpm_desktop.team.state import (
    CLIENT_KEY,
    REV_KEY,
    ROLE_KEY,
    SYNC_KEY,
    URL_KEY,
    USER_KEY,
    Progress,
    now_iso,
    set_state,
)


@dataclass(slots=True)
class Published:
    url: str  # without a password
    user: str
    role: str
    client_id: str
    last_rev: int
    counts: dict[str, int]
    server: str


def upload(repo: Repository, url: str, progress: Progress | None = None) -> Published:
    """Upload every entity of ``repo`` (may be read-only) as the team matrix (manager only)."""
    say = progress or (lambda _m: None)
    if sync_capture.is_team_file(repo.conn):
        raise TeamError("already_team", file=repo.path.name)
    store = LocalStore(repo)
    client_id = str(uuid.uuid4())
    conn = connect(url)
    try:
        with translated(url, conn=conn):
            server.check_version(conn)
            me = server.me(conn)
            if me.role != "manager":
                raise TeamError("manager_publishes")
            with conn.transaction():
                conn.execute(server.PUSH_LOCK_SQL)
                if conn.execute("SELECT 1 FROM kpm.state LIMIT 1").fetchone():
                    raise TeamError("team_has_matrix")
                say("upload")
                revs: list[int] = []
                batch: list[tuple[str, str, dict | None, int]] = []
                kind_now = ""
                counts: dict[str, int] = defaultdict(int)
                for seq, (kind, key, value) in enumerate(store.iter_all(cells=False), start=1):
                    if kind != kind_now and batch:
                        revs += push_rows(conn, client_id, batch)
                        batch = []
                    kind_now = kind
                    counts[kind] += 1
                    batch.append((kind, key, value, -seq))
                    if len(batch) >= 20_000:
                        revs += push_rows(conn, client_id, batch)
                        batch = []
                revs += push_rows(conn, client_id, batch)
                say("upload cells")
                counts["cell"] = _publish_cells(conn, store, client_id)
                top = conn.execute("SELECT coalesce(max(rev), 0) FROM kpm.cell_state").fetchone()
                assert top is not None  # an aggregate always returns one row
                revs.append(top[0])
    finally:
        conn.close()
    return Published(
        url=strip_password(url),
        user=me.name,
        role=me.role,
        client_id=client_id,
        last_rev=max(revs, default=0),
        counts=dict(counts),
        server=describe(url),
    )


def _publish_cells(conn: psycopg.Connection, store: LocalStore, client_id: str) -> int:
    """COPY every marked cell into the team's cell state (no log row per published cell).

    COPY cannot write into a table with row-level security, so the rows go into a temporary
    table first and from there in one INSERT (a manager only: the policy checks it once)."""
    conn.execute(
        "CREATE TEMP TABLE kpm_publish (customer uuid, product uuid, mark smallint, "
        "verified bigint, details jsonb) ON COMMIT DROP"
    )
    with conn.cursor() as cur, cur.copy("COPY kpm_publish FROM STDIN") as copy:
        for row in store.iter_cell_rows():
            copy.write_row(row)
    cur = conn.execute(
        "INSERT INTO kpm.cell_state (customer, product, mark, verified_at, details, client_id) "
        "SELECT customer, product, mark, to_timestamp(verified), details, %s FROM kpm_publish",
        (cells.client_uuid(client_id),),
    )
    return cur.rowcount


def mark_published(repo: Repository, pub: Published) -> None:
    """The uploaded file becomes the manager's working copy (capture on from now)."""
    with repo.transaction() as lconn:
        lconn.execute("DELETE FROM sync_dirty")
        set_state(
            lconn,
            {
                URL_KEY: pub.url,
                USER_KEY: pub.user,
                CLIENT_KEY: pub.client_id,
                REV_KEY: str(pub.last_rev),
                SYNC_KEY: now_iso(),
                ROLE_KEY: pub.role,
            },
        )
        sync_capture.install(lconn)


def publish(path: Path, url: str, progress: Progress | None = None) -> dict:
    """Upload a matrix file as the team matrix; the file becomes the manager's copy.

    Everything that can refuse is checked first with the file open read-only (a file that
    is not a matrix, already in a team, a bad address, an unreachable server, a wrong
    password, a role that may not publish, a team that has a matrix): on bad input the file
    stays byte-identical. Only then is it opened for writing, uploaded and marked.
    """
    with Repository.open(path, read_only=True) as repo:
        if sync_capture.is_team_file(repo.conn):
            raise TeamError("already_team", file=repo.path.name)
    conn = connect(url)
    try:
        with translated(url, conn=conn):
            server.check_version(conn)
            if server.me(conn).role != "manager":
                raise TeamError("manager_publishes")
            if conn.execute("SELECT 1 FROM kpm.state LIMIT 1").fetchone():
                raise TeamError("team_has_matrix")
    finally:
        conn.close()
    with Repository.open(path) as repo:
        pub = upload(repo, url, progress)
        mark_published(repo, pub)
    return {"published": pub.counts, "server": pub.server, "file": str(path)}
