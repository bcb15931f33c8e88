"""The sync's server side: pull entity versions, read bases and access, push changes.

Every function here runs inside the caller's server transaction (``engine.exchange``,
``publish.upload``) and touches no local file. Cells travel in their compact server encoding
(``team.cells``, server schema 2) and are decoded or encoded here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import psycopg

from kpm_desktop.team import cells, server
from kpm_desktop.team.local import STRUCTURE, canonical, customer_of


@dataclass(slots=True)
class Pending:
    seq: int
    kind: str
    key: str
    value: dict | None
    customer: str | None = None  # the outbox's customer of a note or goal (kept on delete)

    @property
    def owner(self) -> str | None:
        """The customer UUID this change belongs to (a deleted note's or goal's too)."""
        return customer_of(self.kind, self.key, self.value) or self.customer


@dataclass(slots=True)
class Remote:
    kind: str
    key: str
    data: dict | None
    rev: int
    author: str
    client_id: str
    changed_at: str


def remote_row(row: Sequence) -> Remote:
    return Remote(row[0], row[1], row[2], row[3], row[4], row[5], iso_ts(row[6]))


# Everything newer than a revision, in one statement (one snapshot: a push committing
# between two reads could otherwise hide a lower revision behind a higher one). Cells come
# from their compact table (server schema 2) and are decoded here.
_PULL = (
    "SELECT kind, key, data, rev, author, client_id, changed_at, NULL::smallint, "
    "NULL::timestamptz, NULL::jsonb FROM kpm.state WHERE {state} "
    "UNION ALL SELECT 'cell', customer::text || '/' || product::text, NULL, rev, author, "
    "client_id::text, changed_at, mark, verified_at, details FROM kpm.cell_state "
    "WHERE {cells} ORDER BY 4"
)
_NEWER = _PULL.format(state="rev > %(rev)s", cells="rev > %(rev)s")
# the existing rows of some customers up to a revision (customers moved into a territory)
_OF_CUSTOMERS = _PULL.format(
    state="customer = ANY(%(cust)s::uuid[]) AND rev <= %(rev)s AND data IS NOT NULL",
    cells="customer = ANY(%(cust)s::uuid[]) AND rev <= %(rev)s AND mark IS NOT NULL",
)


def pull(
    conn: psycopg.Connection, last_rev: int, client_id: str, customers: list[str] | None = None
) -> list[Remote]:
    """Every entity version newer than ``last_rev`` the user may see, oldest first; with
    ``customers``: instead the existing rows of those customers up to ``last_rev``."""
    mine = str(cells.client_uuid(client_id))
    out = []
    query = _NEWER if customers is None else _OF_CUSTOMERS
    for r in conn.execute(query, {"rev": last_rev, "cust": customers}):
        if r[0] == "cell":
            out.append(
                Remote(
                    "cell",
                    r[1],
                    cells.decode(r[7], r[8], r[9]),
                    r[3],
                    r[4],
                    client_id if r[5] == mine else r[5],
                    iso_ts(r[6]),
                )
            )
        else:
            out.append(remote_row(r))
    return out


def state_row(conn: psycopg.Connection, kind: str, key: str) -> tuple | None:
    """(data, author, changed_at, rev) of an entity's newest version on the server."""
    if kind == "cell":
        row = conn.execute(
            "SELECT mark, verified_at, details, author, changed_at, rev FROM kpm.cell_state "
            "WHERE customer = %s AND product = %s",
            cells.split_key(key),
        ).fetchone()
        return None if row is None else (cells.decode(row[0], row[1], row[2]), *row[3:])
    return conn.execute(
        "SELECT data, author, changed_at, rev FROM kpm.state WHERE kind = %s AND key = %s",
        (kind, key),
    ).fetchone()


def owners_of_deletions(conn: psycopg.Connection, items: list[Pending]) -> None:
    """Fill in the customer of deleted notes and goals whose outbox row has none (queued
    before file migration 13 kept it): the server's newest version names it."""
    lost = [
        p for p in items if p.kind in ("note", "goal") and p.value is None and p.customer is None
    ]
    if not lost:
        return
    found = {
        (kind, key): customer
        for kind, key, customer in conn.execute(
            "SELECT kind, key, customer::text FROM kpm.state WHERE kind = ANY(%s) "
            "AND key = ANY(%s) AND customer IS NOT NULL",
            (sorted({p.kind for p in lost}), [p.key for p in lost]),
        )
    }
    for p in lost:
        p.customer = found.get((p.kind, p.key))


def base_version(conn: psycopg.Connection, kind: str, key: str, last_rev: int) -> dict | None:
    """The version of an entity that a client at ``last_rev`` last shared with the server."""
    if kind == "cell":
        c, p = cells.split_key(key)
        row = conn.execute(
            "SELECT mark, verified_at, details FROM ("
            "SELECT rev, mark, verified_at, details FROM kpm.cell_changes "
            "WHERE customer = %(c)s AND product = %(p)s AND rev <= %(r)s "
            "UNION ALL SELECT rev, mark, verified_at, details FROM kpm.cell_base "
            "WHERE customer = %(c)s AND product = %(p)s AND rev <= %(r)s "
            "UNION ALL SELECT rev, mark, verified_at, details FROM kpm.cell_state "
            "WHERE customer = %(c)s AND product = %(p)s AND rev <= %(r)s"
            ") v ORDER BY rev DESC LIMIT 1",
            {"c": c, "p": p, "r": last_rev},
        ).fetchone()
        return None if row is None else cells.decode(row[0], row[1], row[2])
    row = conn.execute(
        "SELECT data FROM kpm.changes WHERE kind = %s AND key = %s AND rev <= %s "
        "ORDER BY rev DESC LIMIT 1",
        (kind, key, last_rev),
    ).fetchone()
    return row[0] if row else None


def iso_ts(value: datetime | str | None) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value or ""


def allowed_changes(
    conn: psycopg.Connection, me: server.TeamUser, items: list[Pending]
) -> set[tuple[str, str]]:
    """The outgoing entities the server's row-level security will accept from this user."""
    if me.role == "manager":
        return {(p.kind, p.key) for p in items}
    if me.role != "rep":
        return set()
    customers = {c for p in items if (c := p.owner) is not None}
    visible = {
        str(r[0])
        for r in conn.execute(
            "SELECT customer FROM kpm.territory WHERE customer = ANY(%s::uuid[])",
            (sorted(customers),),
        )
    }
    known = {
        str(r[0])
        for r in conn.execute(
            "SELECT c FROM unnest(%s::uuid[]) AS c WHERE kpm.customer_known(c)",
            (sorted(customers),),
        )
    }
    ok = set()
    for p in items:
        cust = p.owner
        if p.kind == "competitor":
            ok.add((p.kind, p.key))
        elif p.kind in STRUCTURE or cust is None:
            continue
        elif cust in visible:
            ok.add((p.kind, p.key))
        elif p.kind == "customer" and cust not in known and p.value is not None:
            if p.value.get("region") in me.regions or p.value.get("owner") in me.owners:
                ok.add((p.kind, p.key))
        elif cust in {q.key for q in items if q.kind == "customer"} and cust not in known:
            ok.add((p.kind, p.key))  # belongs to a new customer pushed in the same sync
    return ok


_INSERT = (
    "INSERT INTO kpm.changes (kind, key, customer, data, client_id, client_seq) "
    "SELECT k, y, c, d::jsonb, %s, s FROM unnest(%s::text[], %s::text[], %s::uuid[], "
    "%s::text[], %s::bigint[]) AS u(k, y, c, d, s) "
    "ON CONFLICT (client_id, client_seq) DO NOTHING RETURNING rev"
)
_INSERT_CELLS = (
    "INSERT INTO kpm.cell_changes (customer, product, mark, verified_at, details, client_id, "
    "client_seq) SELECT c, p, m, v, d::jsonb, %s, s FROM unnest(%s::uuid[], %s::uuid[], "
    "%s::smallint[], %s::timestamptz[], %s::text[], %s::bigint[]) AS u(c, p, m, v, d, s) "
    "ON CONFLICT (client_id, client_seq) DO NOTHING RETURNING rev"
)


def _push_cells(
    conn: psycopg.Connection, client_id: str, rows: list[tuple[str, str, dict | None, int]]
) -> list[int]:
    if not rows:
        return []
    keys = [cells.split_key(r[1]) for r in rows]
    encoded = [cells.encode(r[2]) for r in rows]
    cur = conn.execute(
        _INSERT_CELLS,
        (
            cells.client_uuid(client_id),
            [k[0] for k in keys],
            [k[1] for k in keys],
            [e[0] for e in encoded],
            [e[1] for e in encoded],
            [None if e[2] is None else json.dumps(e[2], sort_keys=True) for e in encoded],
            [r[3] for r in rows],
        ),
    )
    return [r[0] for r in cur.fetchall()]


def push_rows(
    conn: psycopg.Connection,
    client_id: str,
    rows: list[tuple[str, str, dict | None, int]],
    owners: Mapping[tuple[str, str], str] | None = None,
) -> list[int]:
    """Insert (kind, key, value, seq) rows into the log, a statement per table; returns revs.

    ``owners``: the customer of a (kind, key) whose value does not say it (a deleted note or
    goal: the server's access rules check the customer of every row)."""
    owners = owners or {}
    revs = _push_cells(conn, client_id, [r for r in rows if r[0] == "cell"])
    rows = [r for r in rows if r[0] != "cell"]
    if not rows:
        return revs
    cur = conn.execute(
        _INSERT,
        (
            client_id,
            [r[0] for r in rows],
            [r[1] for r in rows],
            [customer_of(r[0], r[1], r[2]) or owners.get((r[0], r[1])) for r in rows],
            [canonical(r[2]) for r in rows],
            [r[3] for r in rows],
        ),
    )
    return revs + [r[0] for r in cur.fetchall()]


# Local customers the server knows (in any territory) but no longer shows this user: the
# manager moved them or took their region away. (Not yet known: new here, not pushed yet.)
_LEFT = (
    "WITH hidden AS MATERIALIZED (SELECT c FROM unnest(%s::uuid[]) AS c "
    "WHERE NOT EXISTS (SELECT 1 FROM kpm.territory t WHERE t.customer = c)) "
    "SELECT c::text FROM hidden WHERE kpm.customer_known(c) ORDER BY 1"
)


def left_territory(conn: psycopg.Connection, customers: list[str]) -> list[str]:
    """Which of ``customers`` (local UUIDs) left this user's territory on the server."""
    if not customers:
        return []
    return [r[0] for r in conn.execute(_LEFT, (customers,))]


EVERY_REV = 2**62  # ``pull(..., customers=...)`` up to this: everything the server has


def local_copies_back(conn: psycopg.Connection, customers: list[str]) -> list[str]:
    """Which of ``customers`` (kept as local copies after they left) this user sees again."""
    if not customers:
        return []
    return [
        str(r[0])
        for r in conn.execute(
            "SELECT customer FROM kpm.territory WHERE customer = ANY(%s::uuid[]) ORDER BY 1",
            (customers,),
        )
    ]
