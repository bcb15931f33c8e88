"""Merging a colleague's matrix file into mine by stable UUIDs (offline teams).

The same rules as a team sync, without a server: what only the colleague has is added,
what both have alike stays, a field changed differently on both sides is a conflict that
keeps my value until resolved (``sync_conflicts``, reason ``merge``); ``verified_at`` takes
the later confirmation. Two files carry no common base, so a deletion on one side does not
travel (the other side's entity is added back, never silently dropped).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kpm_desktop.storage.repository import Repository
from kpm_desktop.team.engine import (
    Conflict,
    _save_conflicts,
    apply_remote,
    label,
    list_conflicts,
    resolve,
)
from kpm_desktop.team.local import LocalStore, canonical


@dataclass(slots=True)
class MergePlan:
    added: list[tuple[str, str, dict | None]]
    changed: list[tuple[str, str, dict | None]]
    conflicts: list[Conflict]

    @property
    def writes(self) -> list[tuple[str, str, dict | None, str]]:
        return [(k, key, v, "") for k, key, v in self.added + self.changed]


def plan_merge(mine: Repository, theirs_path: Path) -> MergePlan:
    """Compare (read only) what merging ``theirs_path`` into ``mine`` would do."""
    from kpm_desktop.team.engine import three_way

    with Repository.open(theirs_path, read_only=True) as theirs:
        their_items = list(LocalStore(theirs).iter_all())
    try:
        stamp = datetime.fromtimestamp(theirs_path.stat().st_mtime, UTC)
        when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    except OSError:
        when = ""
    store = LocalStore(mine)
    added: list[tuple[str, str, dict | None]] = []
    changed: list[tuple[str, str, dict | None]] = []
    conflicts: list[Conflict] = []
    for kind, key, value in their_items:
        current = store.read(kind, key)
        if current is None:
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
    return MergePlan(added, changed, conflicts)


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
            c.as_json(label(repo, c.kind, c.key))
            for c in list_conflicts(repo)
            if c.reason == "merge"
        ]
    return {
        "added": len(plan.added),
        "changed": len(plan.changed),
        "conflicts": open_conflicts,
    }
