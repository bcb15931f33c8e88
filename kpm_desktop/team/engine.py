"""Sync of a local matrix file with the team server.

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

The server reads and writes live in ``protocol``, conflicts and their settling in
``conflicts``, publishing in ``publish``, the first copy in ``clone``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

import psycopg

from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import cells, server, territory
from kpm_desktop.team.conflicts import (
    Conflict,
    label,
    list_conflicts,
    save_conflicts,
    three_way,
)
from kpm_desktop.team.connect import TeamError, connect, describe, translated
from kpm_desktop.team.local import KIND_ORDER, LocalStore, canonical, customer_of
from kpm_desktop.team.protocol import (
    EVERY_REV,
    Pending,
    Remote,
    allowed_changes,
    base_version,
    iso_ts,
    left_territory,
    local_copies_back,
    owners_of_deletions,
    pull,
    push_rows,
    state_row,
)
from kpm_desktop.team.state import (
    CLIENT_KEY,
    REV_KEY,
    ROLE_KEY,
    SYNC_KEY,
    TERRITORY_KEY,
    URL_KEY,
    USER_KEY,
    Progress,
    apply_remote,
    now_iso,
    set_state,
)


class NotInTeamError(TeamError):
    pass


@dataclass(slots=True)
class Outbox:
    url: str
    user: str | None
    client_id: str
    last_rev: int
    items: list[Pending]
    max_seq: int
    territory: dict | None = None  # the user's regions/owners at the last sync
    # local customers the server checks are still visible (None: a manager sees them all)
    customers: list[str] | None = None
    local_only: list[int] = field(default_factory=list)  # changes to local copies: not sent
    local_copies: list[str] = field(default_factory=list)  # kept after they left


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
    left: list[str] = field(default_factory=list)  # local customers no longer visible
    back: list[str] = field(default_factory=list)  # local copies visible again


@dataclass(slots=True)
class SyncResult:
    pushed: int
    pulled: int
    conflicts: list[dict]
    server: str
    last_sync: str
    pending: int = 0
    left_territory: int = 0  # customers removed: they left the user's territory

    def as_json(self) -> dict:
        return {
            "pushed": self.pushed,
            "pulled": self.pulled,
            "conflicts": self.conflicts,
            "server": self.server,
            "last_sync": self.last_sync,
            "pending": self.pending,
            "left_territory": self.left_territory,
        }


def team_state(repo: Repository) -> dict[str, str]:
    return dict(repo.conn.execute("SELECT key, value FROM sync_state"))


def pending_count(repo: Repository) -> int:
    return repo.conn.execute("SELECT count(*) FROM sync_dirty").fetchone()[0]


def prepare(repo: Repository) -> Outbox:
    state = team_state(repo)
    if URL_KEY not in state:
        raise NotInTeamError("not_in_team", file=repo.path.name)
    store = LocalStore(repo)
    blocked = {(k, key) for k, key in repo.conn.execute("SELECT kind, key FROM sync_conflicts")}
    rows = repo.conn.execute(
        "SELECT seq, kind, key, customer FROM sync_dirty ORDER BY seq"
    ).fetchall()
    items = [
        Pending(seq, kind, key, store.read(kind, key), customer)
        for seq, kind, key, customer in rows
        if (kind, key) not in blocked
    ]
    # Customers that left the territory: a local copy's changes stay here (dropped from the
    # outbox at ``finish``), a listed one's wait for the rep's decision.
    copies = territory.local_copies(repo.conn)
    held = territory.left_with_conflict(repo.conn)
    local_only = []
    if copies or held:
        owner = {p.seq: p.owner for p in items}
        local_only = [p.seq for p in items if owner[p.seq] in copies]
        items = [p for p in items if owner[p.seq] not in copies and owner[p.seq] not in held]
    items.sort(key=lambda p: (KIND_ORDER[p.kind], p.seq))
    manager = state.get(ROLE_KEY) == "manager"
    return Outbox(
        url=state[URL_KEY],
        user=state.get(USER_KEY) or None,
        client_id=state[CLIENT_KEY],
        last_rev=int(state.get(REV_KEY, "0")),
        items=items,
        max_seq=max((r[0] for r in rows), default=0),
        territory=json.loads(state[TERRITORY_KEY]) if state.get(TERRITORY_KEY) else None,
        customers=None if manager else territory.synced_customers(repo.conn),
        local_only=local_only,
        local_copies=sorted(copies),
    )


def exchange(outbox: Outbox, progress: Progress | None = None) -> Exchange:
    """Pull, compare and push in one server transaction (no local file access)."""
    report = progress or (lambda _m: None)
    # What a statement the server refuses was part of: reading the team's changes, or (once
    # the comparison is done) storing the rep's.
    refused = ["sync_pull_refused"]

    def say(stage: str) -> None:
        if stage == "push":
            refused[0] = "sync_push_refused"
        report(stage)

    url = outbox.url
    say("connect")
    conn = connect(url, outbox.user)
    try:
        with translated(url, lambda: refused[0], conn):
            server.check_version(conn)
            me = server.me(conn)
            with conn.transaction():
                if outbox.items:
                    conn.execute(server.PUSH_LOCK_SQL)
                owners_of_deletions(conn, outbox.items)
                say("pull")
                pulled = pull(conn, outbox.last_rev, outbox.client_id)
                pulled += _moved_in(conn, outbox, me, pulled)
                left = []
                if me.role != "manager" and outbox.customers:
                    left = left_territory(conn, outbox.customers)
                if left:  # their changes would be refused: they wait (``finish``)
                    gone = set(left)
                    outbox = replace(
                        outbox,
                        items=[p for p in outbox.items if p.owner not in gone],
                    )
                back = local_copies_back(conn, outbox.local_copies)
                if back:  # everything of them, to compare with the local copies
                    have = {(r.kind, r.key) for r in pulled}
                    pulled += [
                        r
                        for r in pull(conn, EVERY_REV, outbox.client_id, customers=back)
                        if (r.kind, r.key) not in have
                    ]
                result = _compare_and_push(conn, outbox, me, pulled, say)
                result.territory = {"regions": list(me.regions), "owners": list(me.owners)}
                result.left = left
                result.back = back
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
    allowed = allowed_changes(conn, me, todo)
    acked = sorted(already)
    merged: list[tuple[str, str, dict | None]] = []
    conflicts: list[Conflict] = []
    out: list[tuple[str, str, dict | None, int]] = []
    for p in todo:
        theirs = by_key.get((p.kind, p.key))
        if (p.kind, p.key) not in allowed:
            row = state_row(conn, p.kind, p.key)
            conflicts.append(
                Conflict(
                    p.kind,
                    p.key,
                    ["*"],
                    p.value,
                    row[0] if row else None,
                    row[1] if row else "",
                    iso_ts(row[2]) if row else "",
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
        base = base_version(conn, p.kind, p.key, outbox.last_rev)
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
    owners = {(p.kind, p.key): p.customer for p in outbox.items if p.customer}
    revs = push_rows(conn, outbox.client_id, first, owners) + push_rows(
        conn, outbox.client_id, rest, owners
    )
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
        # left the territory with something unsent or in conflict: kept and listed
        busy = territory.busy_customers(conn) if ex.left else set()
        back = set(ex.back)
        rows: list[tuple[str, str, dict | None, str]] = []
        conflicts = list(ex.conflicts)
        for r in ex.pulled:
            k = (r.kind, r.key)
            # a local copy back in the territory: where it differs from the team's version,
            # a conflict (as for an edit made during the sync), never an overwrite
            back_in = bool(back) and customer_of(r.kind, r.key, r.data) in back
            if not back_in and (
                r.client_id == outbox.client_id or k in conflict_keys or k in pending_keys
            ):
                continue
            if k in blocked:
                continue
            if k in late or back_in:
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
        if outbox.local_only:
            conn.executemany(
                "DELETE FROM sync_dirty WHERE seq = ?", [(s,) for s in outbox.local_only]
            )
        if back:  # what only the local copy has is listed too (theirs: none)
            seen = {(r.kind, r.key) for r in ex.pulled}
            for kind, key in territory.entities_of(conn, back):
                if (kind, key) not in seen:
                    conflicts.append(
                        Conflict(kind, key, ["*"], store.read(kind, key), None, "", stamp, 0)
                    )
            territory.back_in_territory(conn, back)
        removed = territory.remove_locally(store, set(ex.left) - busy)
        held = set(ex.left) & busy
        if held:
            # The customer's own listing decides its marks, notes and goals too (keep a
            # local copy or remove it): their open conflicts are not listed beside it.
            conflicts = [
                c for c in conflicts if customer_of(c.kind, c.key, c.mine or c.theirs) not in held
            ]
            territory.forget_conflicts(conn, held)
        for key in sorted(held):
            conflicts.append(
                Conflict(
                    "customer",
                    key,
                    ["*"],
                    store.read("customer", key),
                    None,
                    "",
                    stamp,
                    ex.last_rev,
                    reason=territory.REASON,
                )
            )
        save_conflicts(conn, conflicts)
        state = {REV_KEY: str(ex.last_rev), SYNC_KEY: stamp, ROLE_KEY: ex.role}
        if ex.territory is not None:
            state[TERRITORY_KEY] = json.dumps(ex.territory, ensure_ascii=False)
        set_state(conn, state)
    pulled = len(rows)
    return SyncResult(
        pushed=ex.pushed,
        pulled=pulled,
        conflicts=[c.as_json(label(repo, c.kind, c.key)) for c in list_conflicts(repo)],
        server=ex.server,
        last_sync=stamp,
        pending=pending_count(repo),
        left_territory=removed,
    )


def sync_repo(repo: Repository, progress: Progress | None = None) -> SyncResult:
    outbox = prepare(repo)
    ex = exchange(outbox, progress)
    return finish(repo, outbox, ex)


def sync_file(path: Path, progress: Progress | None = None) -> SyncResult:
    with Repository.open(path) as repo:
        return sync_repo(repo, progress)
