"""Sync of a local matrix file with the team server: publish, clone, sync, resolve.

Why this module is long: the three sync steps, publish, clone and resolve share the entity
encoders and the server transaction helpers. The sync work of this session (server encoding,
clone) is changing it; split it into protocol, encoding and clone once that has landed.

A sync has three steps, so that the GUI can run the middle one on a worker thread while the
SQLite connection stays on the main thread:

1. ``prepare`` (local, read only): the outbox — every entity noted in ``sync_dirty`` with
   its current value, except those with an open conflict.
2. ``exchange`` (server only, one transaction): pull everything newer than ``last_rev``;
   under the team's push lock, compare each outgoing entity with what others changed since
   (three-way, field by field, against the version both sides last shared, read from the
   server's log); push what is clear; report the rest as conflicts.
3. ``finish`` (local, one transaction): apply what was pulled and merged, drop what was
   pushed from the outbox, record conflicts, advance ``last_rev``.

Killed anywhere, nothing is lost or doubled: before ``finish`` commits, the outbox still
holds every change and ``last_rev`` is unchanged; a repeated push is recognised by
(client id, outbox seq), already stored on the server.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psycopg

from kpm_desktop.storage import sync_capture
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import cells, server
from kpm_desktop.team.connect import (
    TeamError,
    connect,
    describe,
    strip_password,
    translated,
)
from kpm_desktop.team.local import (
    KIND_ORDER,
    STRUCTURE,
    LocalStore,
    canonical,
    customer_from_json,
    customer_of,
)

URL_KEY = sync_capture.TEAM_URL_KEY
USER_KEY = "team_user"
CLIENT_KEY = "client_id"
REV_KEY = "last_rev"
SYNC_KEY = "last_sync"
ROLE_KEY = "team_role"
TERRITORY_KEY = "team_territory"  # {"regions": [...], "owners": [...]} at the last sync

Progress = Callable[[str], None]


class NotInTeamError(TeamError):
    pass


@dataclass(slots=True)
class Pending:
    seq: int
    kind: str
    key: str
    value: dict | None


@dataclass(slots=True)
class Outbox:
    url: str
    user: str | None
    client_id: str
    last_rev: int
    items: list[Pending]
    max_seq: int
    territory: dict | None = None  # the user's regions/owners at the last sync


@dataclass(slots=True)
class Remote:
    kind: str
    key: str
    data: dict | None
    rev: int
    author: str
    client_id: str
    changed_at: str


@dataclass(slots=True)
class Conflict:
    kind: str
    key: str
    fields: list[str]
    mine: dict | None  # the local value with mine on the conflicting fields
    theirs: dict | None  # ... with theirs on them
    their_author: str
    their_at: str
    their_rev: int
    reason: str = "both"  # "both" changed it, or "denied": your role may not change it
    id: int | None = None

    def as_json(self, label: str = "") -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "key": self.key,
            "label": label,
            "fields": self.fields,
            "mine": self.mine,
            "theirs": self.theirs,
            "who": self.their_author,
            "when": self.their_at,
            "reason": self.reason,
        }


@dataclass(slots=True)
class Exchange:
    pulled: list[Remote]
    acked: list[int]  # outbox seqs now on the server (pushed now or earlier)
    merged: list[tuple[str, str, dict | None]]  # values to write locally after a merge
    conflicts: list[Conflict]
    pushed: int
    last_rev: int
    role: str
    server: str
    territory: dict | None = None


@dataclass(slots=True)
class SyncResult:
    pushed: int
    pulled: int
    conflicts: list[dict]
    server: str
    last_sync: str
    pending: int = 0

    def as_json(self) -> dict:
        return {
            "pushed": self.pushed,
            "pulled": self.pulled,
            "conflicts": self.conflicts,
            "server": self.server,
            "last_sync": self.last_sync,
            "pending": self.pending,
        }


# -- local state ---------------------------------------------------------------------------
def team_state(repo: Repository) -> dict[str, str]:
    return dict(repo.conn.execute("SELECT key, value FROM sync_state"))


def _set_state(conn, values: dict[str, str]) -> None:
    conn.executemany(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        list(values.items()),
    )


def pending_count(repo: Repository) -> int:
    return repo.conn.execute("SELECT count(*) FROM sync_dirty").fetchone()[0]


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- three-way merge -----------------------------------------------------------------------
def three_way(
    base: dict | None, mine: dict | None, theirs: dict | None
) -> tuple[dict | None, list[str], dict | None, dict | None]:
    """Merge two versions of one entity against their common base.

    Returns (merged, conflicting fields, mine-resolved, theirs-resolved): with no conflict
    ``merged`` is the result; otherwise the two candidates keep every clear change and take
    mine resp. theirs on the conflicting fields. ``verified_at`` never conflicts (the later
    confirmation wins); deleting on one side and changing on the other is a conflict.
    """
    if canonical(mine) == canonical(theirs):
        return mine, [], mine, theirs
    if mine is None or theirs is None:
        if base is not None and canonical(mine if mine is not None else theirs) == canonical(base):
            # one side deleted, the other left it alone
            return None, [], None, None
        return None, ["*"], mine, theirs
    b = base or {}
    merged: dict = {}
    conflicts: list[str] = []
    for f in sorted(set(mine) | set(theirs)):
        m, t, o = mine.get(f), theirs.get(f), b.get(f)
        if m == t:
            merged[f] = m
        elif f == "verified_at":
            merged[f] = max(m or "", t or "") or None
        elif m == o and f in b:
            merged[f] = t
        elif t == o and f in b:
            merged[f] = m
        else:
            conflicts.append(f)
            merged[f] = m
    if not conflicts:
        return merged, [], merged, merged
    mine_r = dict(merged)
    theirs_r = dict(merged)
    for f in conflicts:
        mine_r[f] = mine.get(f)
        theirs_r[f] = theirs.get(f)
    return None, conflicts, mine_r, theirs_r


# -- step 1 --------------------------------------------------------------------------------
def prepare(repo: Repository) -> Outbox:
    state = team_state(repo)
    if URL_KEY not in state:
        raise NotInTeamError("not_in_team", file=repo.path.name)
    store = LocalStore(repo)
    blocked = {(k, key) for k, key in repo.conn.execute("SELECT kind, key FROM sync_conflicts")}
    rows = repo.conn.execute("SELECT seq, kind, key FROM sync_dirty ORDER BY seq").fetchall()
    items = [
        Pending(seq, kind, key, store.read(kind, key))
        for seq, kind, key in rows
        if (kind, key) not in blocked
    ]
    items.sort(key=lambda p: (KIND_ORDER[p.kind], p.seq))
    return Outbox(
        url=state[URL_KEY],
        user=state.get(USER_KEY) or None,
        client_id=state[CLIENT_KEY],
        last_rev=int(state.get(REV_KEY, "0")),
        items=items,
        max_seq=max((r[0] for r in rows), default=0),
        territory=json.loads(state[TERRITORY_KEY]) if state.get(TERRITORY_KEY) else None,
    )


# -- step 2 --------------------------------------------------------------------------------
def _remote(row: Sequence) -> Remote:
    return Remote(row[0], row[1], row[2], row[3], row[4], row[5], _ts(row[6]))


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
                    _ts(r[6]),
                )
            )
        else:
            out.append(_remote(r))
    return out


def _state_row(conn: psycopg.Connection, kind: str, key: str) -> tuple | None:
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


def _base(conn: psycopg.Connection, kind: str, key: str, last_rev: int) -> dict | None:
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


def _ts(value: datetime | str | None) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value or ""


def _allowed(
    conn: psycopg.Connection, me: server.TeamUser, items: list[Pending]
) -> set[tuple[str, str]]:
    """The outgoing entities the server's row-level security will accept from this user."""
    if me.role == "manager":
        return {(p.kind, p.key) for p in items}
    if me.role != "rep":
        return set()
    customers = {c for p in items if (c := customer_of(p.kind, p.key, p.value)) is not None}
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
        cust = customer_of(p.kind, p.key, p.value)
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
    conn: psycopg.Connection, client_id: str, rows: list[tuple[str, str, dict | None, int]]
) -> list[int]:
    """Insert (kind, key, value, seq) rows into the log, a statement per table; returns revs."""
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
            [customer_of(r[0], r[1], r[2]) for r in rows],
            [canonical(r[2]) for r in rows],
            [r[3] for r in rows],
        ),
    )
    return revs + [r[0] for r in cur.fetchall()]


def exchange(outbox: Outbox, progress: Progress | None = None) -> Exchange:
    """Pull, compare and push in one server transaction (no local file access)."""
    say = progress or (lambda _m: None)
    url = outbox.url
    say("connect")
    conn = connect(url, outbox.user)
    try:
        with translated(url):
            server.check_version(conn)
            me = server.me(conn)
            with conn.transaction():
                if outbox.items:
                    conn.execute(server.PUSH_LOCK_SQL)
                say("pull")
                pulled = pull(conn, outbox.last_rev, outbox.client_id)
                pulled += _moved_in(conn, outbox, me, pulled)
                result = _compare_and_push(conn, outbox, me, pulled, say)
                result.territory = {"regions": list(me.regions), "owners": list(me.owners)}
        return result
    finally:
        conn.close()


def _sees(territory: dict, data: dict | None) -> bool:
    data = data or {}
    return data.get("region") in (territory.get("regions") or ()) or data.get("owner") in (
        territory.get("owners") or ()
    )


def _moved_in(
    conn: psycopg.Connection, outbox: Outbox, me: server.TeamUser, pulled: list[Remote]
) -> list[Remote]:
    """Rows of customers that entered this user's territory since the last sync.

    Row-level security shows them now, but their cells, notes and goals carry revisions
    older than ``last_rev``, so the revision cursor alone would never pull them. Two ways
    in: the manager moved a customer (its new version is among ``pulled`` and its version
    at the last sync lay outside the territory), or the manager widened the user's regions
    or owners (every customer of the new part that the old territory did not show).
    """
    if me.role != "rep" or outbox.last_rev == 0:
        return []  # managers and viewers see every customer from the start
    old = outbox.territory or {"regions": list(me.regions), "owners": list(me.owners)}
    moved: set[str] = set()
    keys = [r.key for r in pulled if r.kind == "customer" and r.data is not None]
    if keys:
        for key, data in conn.execute(
            "SELECT DISTINCT ON (key) key, data FROM kpm.changes WHERE kind = 'customer' "
            "AND key = ANY(%s) AND rev <= %s ORDER BY key, rev DESC",
            (keys, outbox.last_rev),
        ):
            if data is not None and not _sees(old, data):
                moved.add(key)
    new_regions = sorted(set(me.regions) - set(old.get("regions") or ()))
    new_owners = sorted(set(me.owners) - set(old.get("owners") or ()))
    if new_regions or new_owners:
        moved |= {
            str(r[0])
            for r in conn.execute(
                "SELECT customer FROM kpm.territory WHERE (region = ANY(%s) OR owner = ANY(%s)) "
                "AND NOT (region = ANY(%s) OR owner = ANY(%s))",
                (new_regions, new_owners, old.get("regions") or [], old.get("owners") or []),
            )
        }
    if not moved:
        return []
    return pull(conn, outbox.last_rev, outbox.client_id, customers=sorted(moved))


def _compare_and_push(
    conn: psycopg.Connection,
    outbox: Outbox,
    me: server.TeamUser,
    pulled: list[Remote],
    say: Progress,
) -> Exchange:
    by_key = {(r.kind, r.key): r for r in pulled}
    seqs = [p.seq for p in outbox.items]
    already = set()
    if seqs:
        already = {
            r[0]
            for r in conn.execute(
                "SELECT client_seq FROM kpm.changes WHERE client_id = %s "
                "AND client_seq = ANY(%s::bigint[]) UNION ALL SELECT client_seq "
                "FROM kpm.cell_changes WHERE client_id = %s AND client_seq = ANY(%s::bigint[])",
                (outbox.client_id, seqs, cells.client_uuid(outbox.client_id), seqs),
            )
        }
    todo = [p for p in outbox.items if p.seq not in already]
    allowed = _allowed(conn, me, todo)
    acked = sorted(already)
    merged: list[tuple[str, str, dict | None]] = []
    conflicts: list[Conflict] = []
    out: list[tuple[str, str, dict | None, int]] = []
    for p in todo:
        theirs = by_key.get((p.kind, p.key))
        if (p.kind, p.key) not in allowed:
            row = _state_row(conn, p.kind, p.key)
            conflicts.append(
                Conflict(
                    p.kind,
                    p.key,
                    ["*"],
                    p.value,
                    row[0] if row else None,
                    row[1] if row else "",
                    _ts(row[2]) if row else "",
                    row[3] if row else 0,
                    reason="denied",
                )
            )
            continue
        if theirs is None or theirs.client_id == outbox.client_id:
            out.append((p.kind, p.key, p.value, p.seq))
            continue
        if canonical(theirs.data) == canonical(p.value):
            acked.append(p.seq)  # both sides made the same change
            continue
        base = _base(conn, p.kind, p.key, outbox.last_rev)
        value, fields, mine_r, theirs_r = three_way(base, p.value, theirs.data)
        if fields:
            conflicts.append(
                Conflict(
                    p.kind,
                    p.key,
                    fields,
                    mine_r,
                    theirs_r,
                    theirs.author,
                    theirs.changed_at,
                    theirs.rev,
                )
            )
            continue
        merged.append((p.kind, p.key, value))
        if canonical(value) == canonical(theirs.data):
            acked.append(p.seq)
        else:
            out.append((p.kind, p.key, value, p.seq))
    say("push")
    # Customers (and structure) first: the territory of a new customer must exist before
    # row-level security checks its cells, notes and goals.
    first = [r for r in out if KIND_ORDER[r[0]] <= KIND_ORDER["customer"]]
    rest = [r for r in out if KIND_ORDER[r[0]] > KIND_ORDER["customer"]]
    revs = push_rows(conn, outbox.client_id, first) + push_rows(conn, outbox.client_id, rest)
    acked += [r[3] for r in out]
    last_rev = max([outbox.last_rev, *(r.rev for r in pulled), *revs])
    return Exchange(
        pulled=pulled,
        acked=acked,
        merged=merged,
        conflicts=conflicts,
        pushed=len(revs),
        last_rev=last_rev,
        role=me.role,
        server=describe(outbox.url, outbox.user),
    )


# -- step 3 --------------------------------------------------------------------------------
def apply_remote(store: LocalStore, rows: list[tuple[str, str, dict | None, str]]) -> None:
    """Write (kind, key, value, author) rows locally, parents first, cells in batches."""
    rows = sorted(rows, key=lambda r: KIND_ORDER[r[0]])
    cells: dict[str, list] = defaultdict(list)
    for kind, key, value, author in rows:
        if kind != "cell":
            if cells and KIND_ORDER[kind] > KIND_ORDER["cell"]:
                _write_cells(store, cells)
            store.apply(kind, key, value, author)
            continue
        cells[author].append((key, value))
    _write_cells(store, cells)


def _write_cells(store: LocalStore, cells: dict[str, list]) -> None:
    for author, items in cells.items():
        source = f"team:{author}" if author else "merge"
        changes = []
        for key, value in items:
            cid, pid = store._cell_ids(key)
            if cid is None or pid is None:
                continue
            rec = None if value is None else store.cell_record(value, source)
            changes.append((cid, pid, rec))
        if changes:
            store.repo.write_cells(changes, source=source)
    cells.clear()


def _save_conflicts(conn, conflicts: list[Conflict]) -> None:
    stamp = now_iso()
    for c in conflicts:
        conn.execute(
            "INSERT INTO sync_conflicts (kind, key, fields, mine, theirs, their_author, "
            "their_at, their_rev, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(kind, key) DO UPDATE SET fields = excluded.fields, mine = "
            "excluded.mine, theirs = excluded.theirs, their_author = excluded.their_author, "
            "their_at = excluded.their_at, their_rev = excluded.their_rev, "
            "reason = excluded.reason",
            (
                c.kind,
                c.key,
                json.dumps(c.fields),
                canonical(c.mine),
                canonical(c.theirs),
                c.their_author,
                c.their_at,
                c.their_rev,
                c.reason,
                stamp,
            ),
        )


def finish(repo: Repository, outbox: Outbox, ex: Exchange) -> SyncResult:
    store = LocalStore(repo)
    stamp = now_iso()
    with repo.transaction() as conn:
        before = conn.execute("SELECT coalesce(max(seq), 0) FROM sync_dirty").fetchone()[0]
        blocked = {(k, key) for k, key in conn.execute("SELECT kind, key FROM sync_conflicts")}
        # Edited locally after ``prepare`` (GUI): never overwrite, list as a conflict.
        late = {
            (k, key)
            for k, key in conn.execute(
                "SELECT kind, key FROM sync_dirty WHERE seq > ?", (outbox.max_seq,)
            )
        }
        conflict_keys = {(c.kind, c.key) for c in ex.conflicts}
        pending_keys = {(p.kind, p.key) for p in outbox.items}
        rows: list[tuple[str, str, dict | None, str]] = []
        conflicts = list(ex.conflicts)
        for r in ex.pulled:
            k = (r.kind, r.key)
            if r.client_id == outbox.client_id or k in conflict_keys or k in pending_keys:
                continue
            if k in blocked:
                continue
            if k in late:
                mine = store.read(r.kind, r.key)
                if canonical(mine) != canonical(r.data):
                    conflicts.append(
                        Conflict(r.kind, r.key, ["*"], mine, r.data, r.author, r.changed_at, r.rev)
                    )
                continue
            rows.append((r.kind, r.key, r.data, r.author))
        merged_rows = [(k, key, v, "") for k, key, v in ex.merged if (k, key) not in late]
        apply_remote(store, rows + merged_rows)
        conn.execute("DELETE FROM sync_dirty WHERE seq > ?", (before,))
        if ex.acked:
            conn.executemany(
                "DELETE FROM sync_dirty WHERE seq = ?", [(s,) for s in sorted(set(ex.acked))]
            )
        _save_conflicts(conn, conflicts)
        state = {REV_KEY: str(ex.last_rev), SYNC_KEY: stamp, ROLE_KEY: ex.role}
        if ex.territory is not None:
            state[TERRITORY_KEY] = json.dumps(ex.territory, ensure_ascii=False)
        _set_state(conn, state)
    pulled = len(rows)
    return SyncResult(
        pushed=ex.pushed,
        pulled=pulled,
        conflicts=[c.as_json(label(repo, c.kind, c.key)) for c in list_conflicts(repo)],
        server=ex.server,
        last_sync=stamp,
        pending=pending_count(repo),
    )


def sync_repo(repo: Repository, progress: Progress | None = None) -> SyncResult:
    outbox = prepare(repo)
    ex = exchange(outbox, progress)
    return finish(repo, outbox, ex)


def sync_file(path: Path, progress: Progress | None = None) -> SyncResult:
    with Repository.open(path) as repo:
        return sync_repo(repo, progress)


# -- conflicts -----------------------------------------------------------------------------
def list_conflicts(repo: Repository) -> list[Conflict]:
    return [
        Conflict(
            kind=r[1],
            key=r[2],
            fields=json.loads(r[3]),
            mine=json.loads(r[4]) if r[4] is not None else None,
            theirs=json.loads(r[5]) if r[5] is not None else None,
            their_author=r[6],
            their_at=r[7],
            their_rev=r[8],
            reason=r[9],
            id=r[0],
        )
        for r in repo.conn.execute(
            "SELECT id, kind, key, fields, mine, theirs, their_author, their_at, their_rev, "
            "reason FROM sync_conflicts ORDER BY id"
        )
    ]


def label(repo: Repository, kind: str, key: str, value: dict | None = None) -> str:
    """A human name for an entity: 'Customer / Product' for a cell.

    ``value`` (e.g. the other side's version of an entity deleted here) names it when the
    file no longer has it.
    """
    conn = repo.conn
    fallback = (value or {}).get("name") or (value or {}).get("title") or (value or {}).get("text")
    if fallback and kind != "cell":
        table = {"note": "notes", "goal": "goals"}.get(kind)
        known = conn.execute(
            f"SELECT 1 FROM {table or _TABLES.get(kind, 'customers')} WHERE uuid = ?", (key,)
        ).fetchone()
        if not known:
            return str(fallback)[:40]

    def name(table: str, uuid_: str) -> str:
        row = conn.execute(f"SELECT name FROM {table} WHERE uuid = ?", (uuid_,)).fetchone()
        return row[0] if row else uuid_[:8]

    if kind == "cell":
        cu, _, pu = key.partition("/")
        return f"{name('customers', cu)} / {name('products', pu)}"
    table = {
        "customer": "customers",
        "product": "products",
        "group": "product_groups",
        "competitor": "competitors",
    }.get(kind)
    if table:
        return name(table, key)
    if kind == "note":
        row = conn.execute("SELECT text FROM notes WHERE uuid = ?", (key,)).fetchone()
        return (row[0][:40] if row else key[:8]) or key[:8]
    row = conn.execute("SELECT title FROM goals WHERE uuid = ?", (key,)).fetchone()
    return row[0] if row else key[:8]


_TABLES = {
    "customer": "customers",
    "product": "products",
    "group": "product_groups",
    "competitor": "competitors",
}


class ResolveError(TeamError):
    pass


def parse_resolutions(specs: Sequence[str]) -> dict[str, str]:
    """``ID=mine|theirs`` / ``all=mine|theirs`` -> {id or 'all': choice}."""
    out: dict[str, str] = {}
    for spec in specs:
        ident, sep, choice = spec.partition("=")
        if not sep or choice not in ("mine", "theirs") or not (ident == "all" or ident.isdigit()):
            raise ResolveError("bad_resolve", spec=repr(spec))
        out[ident] = choice
    return out


def chosen_conflicts(
    conflicts: list[Conflict], choices: dict[str, str]
) -> list[tuple[Conflict, str]]:
    """(conflict, 'mine'|'theirs') for each conflict that ``choices`` settles (by id or 'all')."""
    chosen = []
    for c in conflicts:
        choice = choices.get(str(c.id)) or choices.get("all")
        if choice:
            chosen.append((c, choice))
    return chosen


def resolve(repo: Repository, choices: dict[str, str]) -> list[Conflict]:
    """Settle conflicts locally in one transaction; returns the resolved ones.

    ``theirs`` writes their version locally; ``mine`` keeps the local one and queues it to
    be pushed over theirs at the next sync. A change your role may not make can only be
    settled with ``theirs``.
    """
    conflicts = list_conflicts(repo)
    by_id = {str(c.id): c for c in conflicts}
    unknown = [i for i in choices if i != "all" and i not in by_id]
    if unknown:
        raise ResolveError("no_conflict", id=unknown[0])
    chosen = chosen_conflicts(conflicts, choices)
    for c, choice in chosen:
        if choice == "mine" and c.reason == "denied":
            raise ResolveError("only_theirs", id=c.id, kind=c.kind)
    store = LocalStore(repo)
    with repo.transaction() as conn:
        for c, choice in chosen:
            value = c.mine if choice == "mine" else c.theirs
            before = conn.execute("SELECT coalesce(max(seq), 0) FROM sync_dirty").fetchone()[0]
            if canonical(store.read(c.kind, c.key)) != canonical(value):
                apply_remote(
                    store, [(c.kind, c.key, value, c.their_author if choice == "theirs" else "")]
                )
            conn.execute("DELETE FROM sync_dirty WHERE seq > ?", (before,))
            conn.execute("DELETE FROM sync_dirty WHERE kind = ? AND key = ?", (c.kind, c.key))
            # 'theirs' of a whole-entity conflict (or of a refused change) is exactly the
            # server's version; anything else carries local changes and goes out next sync.
            # (A merge conflict may sit on an unpushed local edit: it always goes out.)
            if choice == "mine" or c.reason == "merge" or c.fields != ["*"]:
                conn.execute("INSERT INTO sync_dirty (kind, key) VALUES (?, ?)", (c.kind, c.key))
            conn.execute("DELETE FROM sync_conflicts WHERE id = ?", (c.id,))
    return [c for c, _ in chosen]


# -- publish and clone -----------------------------------------------------------------------
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
        with translated(url):
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
        _set_state(
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
        with translated(url):
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
        with translated(url):
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
                    _set_state(
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
        _remote(r)
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
        _remote(r)
        for r in conn.execute(select + "WHERE data IS NOT NULL AND kind IN ('note', 'goal')")
    ]
    rest.sort(key=lambda r: (KIND_ORDER[r.kind], r.rev))
    for r in rest:
        store.apply(r.kind, r.key, r.data, r.author)
