"""Conflicts: the three-way merge that finds them, listing, naming and settling them.

A conflict is kept in ``sync_conflicts`` with both versions (mine, theirs) until the user
settles it (Team › Review Conflicts, ``kpm sync --resolve``, ``kpm merge --resolve``);
until then the local value stays what the user last saw and the entity is not pushed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import territory
from kpm_desktop.team.connect import TeamError
from kpm_desktop.team.local import LocalStore, canonical, customer_of
from kpm_desktop.team.state import apply_remote, now_iso


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


def save_conflicts(conn, conflicts: list[Conflict]) -> None:
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


def refuse_mine(chosen: list[tuple[Conflict, str]]) -> None:
    """Raise ``only_theirs`` for a change the role may not make settled with ``mine``
    (unless its customer left the territory and is settled in the same go: that settles it)."""
    left = {c.key for c, _ in chosen if c.reason == territory.REASON}
    for c, choice in chosen:
        owner = customer_of(c.kind, c.key, c.mine or c.theirs)
        if choice == "mine" and c.reason == "denied" and owner not in left:
            raise ResolveError("only_theirs", id=c.id, kind=c.kind)


def resolve(repo: Repository, choices: dict[str, str]) -> list[Conflict]:
    """Settle conflicts locally in one transaction; returns the resolved ones.

    ``theirs`` writes their version locally; ``mine`` keeps the local one and queues it to
    be pushed over theirs at the next sync. A change your role may not make can only be
    settled with ``theirs``. A customer that left your territory (``territory``): ``mine``
    keeps it as a local copy that is no longer synced, ``theirs`` removes it from this file
    (and nowhere else), each with its unsent changes.
    """
    conflicts = list_conflicts(repo)
    by_id = {str(c.id): c for c in conflicts}
    unknown = [i for i in choices if i != "all" and i not in by_id]
    if unknown:
        raise ResolveError("no_conflict", id=unknown[0])
    chosen = chosen_conflicts(conflicts, choices)
    # a customer that left the territory first: it settles its marks', notes' and goals' too
    chosen.sort(key=lambda cc: cc[0].reason != territory.REASON)
    refuse_mine(chosen)
    store = LocalStore(repo)
    with repo.transaction() as conn:
        for c, choice in chosen:
            if c.reason == territory.REASON:
                if choice == "mine":
                    territory.keep_local_copy(conn, c.key)
                else:
                    territory.remove_locally(store, [c.key])
                conn.execute("DELETE FROM sync_conflicts WHERE id = ?", (c.id,))
                continue
            if not conn.execute("SELECT 1 FROM sync_conflicts WHERE id = ?", (c.id,)).fetchone():
                continue  # settled with its customer above
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
                conn.execute(
                    "INSERT INTO sync_dirty (kind, key, customer) VALUES (?, ?, ?)",
                    (c.kind, c.key, customer_of(c.kind, c.key, c.mine or c.theirs)),
                )
            conn.execute("DELETE FROM sync_conflicts WHERE id = ?", (c.id,))
    return [c for c, _ in chosen]
