"""Settling conflicts as one undo step (Team › Review Conflicts).

``conflicts.resolve`` writes the chosen versions, rewrites the change queue and drops the
settled conflicts in one transaction. ``snapshot_for`` reads, before that, everything it may
touch: the entities of the chosen conflicts (with the cells, notes and goals of a customer or
product whose deletion is taken), the conflict rows, the change queue and the merge
tombstones. ``revert_resolve`` puts all of it back in one transaction, so that undo restores
the file exactly and the conflicts are open again (and redo settles them once more).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import territory
from kpm_desktop.team.conflicts import chosen_conflicts, list_conflicts
from kpm_desktop.team.local import KIND_ORDER, LocalStore, canonical, goes_with
from kpm_desktop.team.state import apply_remote


@dataclass(slots=True)
class ResolveSnapshot:
    """What settling ``choices`` may change, as it was before."""

    choices: dict[str, str]
    count: int = 0
    entities: dict[tuple[str, str], dict | None] = field(default_factory=dict)
    conflicts: list[tuple] = field(default_factory=list)
    dirty: list[tuple] = field(default_factory=list)
    tombstones: list[tuple] = field(default_factory=list)
    local_copies: list[tuple] = field(default_factory=list)  # its ``sync_state`` row


def snapshot_for(repo: Repository, choices: dict[str, str]) -> ResolveSnapshot:
    """Read what ``conflicts.resolve(repo, choices)`` may change (read only)."""
    snap = ResolveSnapshot(dict(choices))
    store = LocalStore(repo)
    chosen = chosen_conflicts(list_conflicts(repo), choices)
    gone: set[str] = set()  # customers/products whose deletion is taken
    for c, choice in chosen:
        snap.entities[(c.kind, c.key)] = store.read(c.kind, c.key)
        if (c.mine if choice == "mine" else c.theirs) is None and c.kind in ("customer", "product"):
            gone.add(c.key)
    if gone:
        for kind, key, value in store.iter_all():
            if goes_with(kind, key, value, gone):
                snap.entities.setdefault((kind, key), value)
    snap.count = len(chosen)
    conn = repo.conn
    ids = {c.id for c, _choice in chosen}
    # a customer that left the territory settles the conflicts of its marks, notes and goals
    ids |= set(
        territory.conflict_ids(conn, {c.key for c, _ in chosen if c.reason == territory.REASON})
    )
    for i in sorted(i for i in ids if i is not None):
        snap.conflicts += conn.execute("SELECT * FROM sync_conflicts WHERE id = ?", (i,))
    snap.local_copies = conn.execute(
        "SELECT key, value FROM sync_state WHERE key = ?", (territory.LOCAL_COPIES_KEY,)
    ).fetchall()
    snap.dirty = conn.execute("SELECT seq, kind, key, customer FROM sync_dirty").fetchall()
    snap.tombstones = conn.execute("SELECT * FROM merge_tombstones").fetchall()
    return snap


def revert_resolve(repo: Repository, snap: ResolveSnapshot) -> None:
    """Undo a resolution in one transaction: entities, queue, tombstones, conflicts as before."""
    store = LocalStore(repo)
    with repo.transaction() as conn:
        removed = [(k, key) for (k, key), v in snap.entities.items() if v is None]
        for kind, key in sorted(removed, key=lambda r: -KIND_ORDER[r[0]]):
            if store.read(kind, key) is not None:
                store.apply(kind, key, None)
        apply_remote(
            store,
            [
                (k, key, v, "")
                for (k, key), v in snap.entities.items()
                if v is not None and canonical(store.read(k, key)) != canonical(v)
            ],
        )
        conn.execute("DELETE FROM sync_dirty")
        conn.executemany(
            "INSERT INTO sync_dirty (seq, kind, key, customer) VALUES (?, ?, ?, ?)", snap.dirty
        )
        conn.execute("DELETE FROM merge_tombstones")
        if snap.tombstones:
            marks = ", ".join("?" * len(snap.tombstones[0]))
            conn.executemany(f"INSERT INTO merge_tombstones VALUES ({marks})", snap.tombstones)
        if snap.conflicts:
            marks = ", ".join("?" * len(snap.conflicts[0]))
            conn.executemany(
                f"INSERT OR REPLACE INTO sync_conflicts VALUES ({marks})", snap.conflicts
            )
        conn.execute("DELETE FROM sync_state WHERE key = ?", (territory.LOCAL_COPIES_KEY,))
        conn.executemany("INSERT INTO sync_state (key, value) VALUES (?, ?)", snap.local_copies)
