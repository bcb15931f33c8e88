"""Merging a colleague's matrix file into mine by stable UUIDs (offline teams).

The same rules as a team sync, without a server: what only the colleague has is added,
what both have alike stays, a field changed differently on both sides is a conflict that
keeps my value until resolved (``sync_conflicts``, reason ``merge``); ``verified_at`` takes
the later confirmation.

Deletions travel through tombstones (``storage.tombstones``): a customer, product, note or
goal the colleague deleted is deleted here too when it is unchanged here since the colleague
last had it (same fingerprint); if I changed it meanwhile, the merge lists a conflict (mine:
my version, theirs: deleted). The other way round, what I deleted stays deleted when the
colleague's copy is what I deleted, and comes back as a conflict when they changed it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kpm_desktop.storage import tombstones
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team.engine import (
    Conflict,
    _save_conflicts,
    apply_remote,
    label,
    list_conflicts,
    resolve,
)
from kpm_desktop.team.local import KIND_ORDER, LocalStore, canonical


def _same(now: str | None, then: str | None, gone: set[str], present: set[str]) -> bool:
    """Is an entity unchanged since ``then`` (the fingerprint in a tombstone)?

    The marks lists of a customer or product are compared only over what both could still
    have: marks of customers/products the tombstone's file deleted too (``gone``) leave
    ``now``, marks of ones this file no longer has (not in ``present``) leave ``then``.
    """
    if now == then:
        return True
    if now is None or then is None:
        return False
    a, b = json.loads(now), json.loads(then)
    if len(a) != 2 or len(b) != 2 or not isinstance(a[1], list) or a[0] != b[0]:
        return False
    mine = sorted(x for x in a[1] if json.loads(x)[0] not in gone)
    theirs = sorted(x for x in b[1] if json.loads(x)[0] in present)
    return mine == theirs


@dataclass(slots=True)
class MergePlan:
    added: list[tuple[str, str, dict | None]]
    changed: list[tuple[str, str, dict | None]]
    conflicts: list[Conflict]
    deleted: list[tuple[str, str, dict | None]] = field(default_factory=list)

    @property
    def writes(self) -> list[tuple[str, str, dict | None, str]]:
        return [(k, key, v, "") for k, key, v in self.added + self.changed + self.deleted]


def plan_merge(mine: Repository, theirs_path: Path) -> MergePlan:
    """Compare (read only) what merging ``theirs_path`` into ``mine`` would do."""
    from kpm_desktop.team.engine import three_way

    my_deleted = tombstones.deleted(mine.conn)
    with Repository.open(theirs_path, read_only=True) as theirs:
        their_items = list(LocalStore(theirs).iter_all())
        their_deleted = tombstones.deleted(theirs.conn)
        # What I deleted and they still have: their fingerprint tells whether they changed it.
        their_prints = {
            k: tombstones.fingerprint(theirs.conn, *k)
            for k in my_deleted
            if k[0] in tombstones.TABLES
        }
    try:
        stamp = datetime.fromtimestamp(theirs_path.stat().st_mtime, UTC)
        when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    except OSError:
        when = ""
    store = LocalStore(mine)
    added: list[tuple[str, str, dict | None]] = []
    changed: list[tuple[str, str, dict | None]] = []
    deleted: list[tuple[str, str, dict | None]] = []
    conflicts: list[Conflict] = []

    def conflict(kind: str, key: str, current: dict | None, value: dict | None) -> None:
        conflicts.append(
            Conflict(kind, key, ["*"], current, value, theirs_path.name, when, 0, "merge")
        )

    # uuids of customers and products: deleted by one side, present on the other
    mine_gone = {key for (kind, key) in my_deleted if kind in ("customer", "product")}
    their_gone = {key for (kind, key) in their_deleted if kind in ("customer", "product")}
    their_present = {key for kind, key, _v in their_items if kind in ("customer", "product")}
    my_present = {
        r[0]
        for r in mine.conn.execute("SELECT uuid FROM customers UNION SELECT uuid FROM products")
    }
    absent: set[str] = set()  # customers/products I deleted: their parts stay out too
    for kind, key, value in their_items:
        if kind == "cell":
            cu, _, pu = key.partition("/")
            if cu in absent or pu in absent:
                continue
        elif kind in ("note", "goal") and (value or {}).get("customer") in absent:
            continue
        current = store.read(kind, key)
        if current is None:
            if (kind, key) in my_deleted:
                if not _same(
                    their_prints.get((kind, key)), my_deleted[(kind, key)], mine_gone, their_present
                ):
                    conflict(kind, key, None, value)  # I deleted it, they changed it
                absent.add(key)
                continue  # I deleted it, they did not touch it: it stays deleted
            added.append((kind, key, value))
            continue
        if canonical(current) == canonical(value):
            continue
        merged, fields, mine_r, theirs_r = three_way(None, current, value)
        if fields:
            conflicts.append(
                Conflict(kind, key, fields, mine_r, theirs_r, theirs_path.name, when, 0, "merge")
            )
        elif canonical(merged) != canonical(current):
            changed.append((kind, key, merged))
    gone_customers: set[str] = set()
    for (kind, key), print_then in sorted(
        their_deleted.items(), key=lambda item: KIND_ORDER[item[0][0]]
    ):
        if kind in ("note", "goal"):
            current = store.read(kind, key)
            if current is None or current.get("customer") in gone_customers:
                continue
        else:
            current = store.read(kind, key)
            if current is None:
                continue
        now = tombstones.fingerprint(mine.conn, kind, key)
        if _same(now, print_then, their_gone, my_present):
            deleted.append((kind, key, None))
            if kind == "customer":
                gone_customers.add(key)
        else:
            conflict(kind, key, current, None)  # they deleted it, I changed it
    return MergePlan(added, changed, conflicts, deleted)


def merge(mine: Repository, theirs_path: Path) -> MergePlan:
    """Apply a merge in one transaction (one undo step in the GUI); conflicts are recorded."""
    plan = plan_merge(mine, theirs_path)
    with mine.transaction() as conn:
        apply_remote(LocalStore(mine), plan.writes)
        _save_conflicts(conn, plan.conflicts)
    return plan


def merge_files(mine_path: Path, theirs_path: Path, choices: dict[str, str] | None = None) -> dict:
    # The colleague's file must open before mine is opened for writing (a writing open
    # stamps a session marker): a wrong second file leaves mine byte-identical.
    with Repository.open(theirs_path, read_only=True):
        pass
    with Repository.open(mine_path) as repo:
        plan = merge(repo, theirs_path)
        if choices:
            resolve(repo, choices)
        open_conflicts = [
            c.as_json(label(repo, c.kind, c.key, c.mine or c.theirs))
            for c in list_conflicts(repo)
            if c.reason == "merge"
        ]
    return {
        "added": len(plan.added),
        "changed": len(plan.changed),
        "deleted": len(plan.deleted),
        "conflicts": open_conflicts,
    }
