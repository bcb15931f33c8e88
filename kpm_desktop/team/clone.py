"""Joining a team: a local working copy of the team matrix, streamed from one snapshot."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import psycopg

from kpm_desktop.storage import sync_capture
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import server
from kpm_desktop.team.connect import TeamError, connect, describe, strip_password, translated
from kpm_desktop.team.local import KIND_ORDER, LocalStore, customer_from_json
from kpm_desktop.team.protocol import remote_row
from kpm_desktop.team.state import (
    CLIENT_KEY,
    REV_KEY,
    ROLE_KEY,
    SYNC_KEY,
    TERRITORY_KEY,
    URL_KEY,
    USER_KEY,
    Progress,
    now_iso,
    set_state,
)


def clone(url: str, out: Path, user: str | None, progress: Progress | None = None) -> dict:
    """Make a local working copy of the team matrix (only the user's territory).

    Streamed: one REPEATABLE READ snapshot on the server (so ``last_rev`` matches exactly the
    rows read), customers and cells fetched through server-side cursors in batches and
    written as they arrive, all in one local transaction into ``OUT.part``, renamed at the end.
    """
    import psycopg

    say = progress or (lambda _m: None)
    out = Path(out)
    if out.exists():
        raise FileExistsError(f"{out.name} exists already; choose a new file name")
    clean = strip_password(url)
    part = out.with_name(out.name + ".part")
    for leftover in (part, part.with_name(part.name + "-wal"), part.with_name(part.name + "-shm")):
        leftover.unlink(missing_ok=True)
    conn = connect(url, user)
    try:
        with translated(url, conn=conn):
            server.check_version(conn)
            me = server.me(conn)
            try:
                repo = Repository.create(part)
            except OSError as exc:
                raise TeamError("cannot_create", file=out.name, detail=exc.strerror) from exc
            try:
                conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
                store = LocalStore(repo)
                # A fresh ``.part`` file, deleted on any failure: no journal while it is
                # filled (the WAL would hold every page once more and copy it back at the
                # checkpoint); write-ahead logging again before anyone else opens it.
                repo.conn.execute("PRAGMA journal_mode = OFF")
                with conn.transaction(), repo.transaction() as lconn:
                    say("download")
                    top = conn.execute(
                        "SELECT greatest((SELECT coalesce(max(rev), 0) FROM kpm.state), "
                        "(SELECT coalesce(max(rev), 0) FROM kpm.cell_state))"
                    ).fetchone()
                    assert top is not None  # an aggregate always returns one row
                    last_rev = top[0]
                    _stream_load(conn, store)
                    lconn.execute("DELETE FROM sync_dirty")
                    set_state(
                        lconn,
                        {
                            URL_KEY: clean,
                            USER_KEY: me.name,
                            CLIENT_KEY: str(uuid.uuid4()),
                            REV_KEY: str(last_rev),
                            SYNC_KEY: now_iso(),
                            ROLE_KEY: me.role,
                            TERRITORY_KEY: json.dumps(
                                {"regions": list(me.regions), "owners": list(me.owners)},
                                ensure_ascii=False,
                            ),
                        },
                    )
                    sync_capture.install(lconn)
                repo.conn.execute("PRAGMA journal_mode = WAL")
                counts = repo.counts()
            finally:
                repo.close()
    except BaseException:
        for leftover in (part, part.with_name(part.name + "-wal")):
            leftover.unlink(missing_ok=True)
        raise
    finally:
        conn.close()
    part.replace(out)
    return {
        "file": str(out),
        "user": me.name,
        "role": me.role,
        "customers": counts["customers"],
        "products": counts["products"],
        "marks": counts["marks"],
        "server": describe(url, user),
    }


_BATCH = 50_000

# The cells of the territory, one row per customer with parallel arrays in the local column
# order (``LocalStore.load_cells``): the server maps UUIDs to the new file's ids (uploaded into
# a temporary table) and decodes the details, so the client builds no Python object per cell.
# The detail arrays are sent only for customers that have any details.
_DETAIL_SQL = (
    "co.id",
    "(s.details->>'our_revenue')::float8",
    "(s.details->>'potential')::float8",
    "s.details->>'contract_end'",
    "coalesce(s.details->>'no_need_reason', '')",
    "s.details->>'recheck_at'",
    "coalesce(s.details->>'note', '')",
)
_CLONE_CELLS = (
    "COPY (SELECT cu.id, a.* FROM (SELECT s.customer, array_agg(pu.id), array_agg(s.mark), "
    "array_agg(extract(epoch FROM s.verified_at)::int8), bool_or(s.details IS NOT NULL), "
    + ", ".join(
        f"CASE WHEN bool_or(s.details IS NOT NULL) THEN array_agg({c}) END" for c in _DETAIL_SQL
    )
    + " FROM kpm.cell_state s JOIN kpm_ids pu ON pu.kind = 1 AND pu.uuid = s.product "
    "LEFT JOIN kpm_ids co ON co.kind = 2 AND co.uuid::text = s.details->>'competitor' "
    "WHERE s.mark IS NOT NULL GROUP BY s.customer ORDER BY s.customer) a "
    "JOIN kpm_ids cu ON cu.kind = 0 AND cu.uuid = a.customer) TO STDOUT (FORMAT BINARY)"
)
_CLONE_TYPES = [
    "int4",
    "uuid",
    "int4[]",
    "int2[]",
    "int8[]",
    "bool",
    "int4[]",
    "float8[]",
    "float8[]",
    "text[]",
    "text[]",
    "text[]",
    "text[]",
]


def _clone_cells(conn: psycopg.Connection, store: LocalStore) -> int:
    """Stream the cells of the snapshot with COPY into the new file, a customer at a time."""
    lconn = store.repo.conn
    conn.execute(
        "CREATE TEMP TABLE kpm_ids (kind int2, uuid uuid, id int4, PRIMARY KEY (kind, uuid)) "
        "ON COMMIT DROP"
    )
    with conn.cursor() as cur, cur.copy("COPY kpm_ids (kind, uuid, id) FROM STDIN") as copy:
        for kind, table in enumerate(("customers", "products", "competitors")):
            for key, row_id in lconn.execute(f"SELECT uuid, id FROM {table}"):
                copy.write_row((kind, key, row_id))
    conn.execute("ANALYZE kpm_ids")
    lconn.execute("PRAGMA cache_size = -65536")  # 64 MB for the one big write (as bulk imports)
    with conn.cursor() as cur, cur.copy(_CLONE_CELLS) as copy:
        copy.set_types(_CLONE_TYPES)
        groups = ((r[0], r[2], r[3], r[4], r[6:] if r[5] else None) for r in copy.rows())
        return store.load_cells(groups, "team")


def _stream_load(conn, store: LocalStore) -> None:
    """A fresh file from the server's newest state: structure, customers, cells, the rest."""
    repo = store.repo
    select = "SELECT kind, key, data, rev, author, client_id, changed_at FROM kpm.state "
    structure = [
        remote_row(r)
        for r in conn.execute(
            select + "WHERE data IS NOT NULL AND kind IN ('group', 'competitor', 'product')"
        )
    ]
    structure.sort(key=lambda r: (KIND_ORDER[r.kind], r.rev))
    for r in structure:
        store.apply(r.kind, r.key, r.data, r.author)
    with conn.cursor(name="kpm_clone_customers") as cur:
        # in UUID order: the local ids then follow the order the cells arrive in (below), so
        # SQLite appends to the marks B-tree instead of jumping around in it
        cur.execute(
            "SELECT key, data FROM kpm.state WHERE kind = 'customer' AND data IS NOT NULL "
            "ORDER BY key::uuid"
        )
        while batch := cur.fetchmany(_BATCH):
            repo.add_customers([customer_from_json(key, data) for key, data in batch])
    _clone_cells(conn, store)
    rest = [
        remote_row(r)
        for r in conn.execute(select + "WHERE data IS NOT NULL AND kind IN ('note', 'goal')")
    ]
    rest.sort(key=lambda r: (KIND_ORDER[r.kind], r.rev))
    for r in rest:
        store.apply(r.kind, r.key, r.data, r.author)
