"""Merging a colleague's matrix file into mine by stable UUIDs (offline teams).

The same rules as a team sync, without a server: what only the colleague has is added,
what both have alike stays, what only one side changed since the last common state is
taken from that side, and what both changed is a conflict that keeps my value until
settled (``sync_conflicts``, reason ``merge``); ``verified_at`` takes the later
confirmation.

The common state:

- **Cells** carry their history; ``team.merge_cells`` finds the last state both files
  share there (and compares the two ``marks`` tables in SQL).
- **Customers, products, groups, competitors, notes, goals** have no history: every merge
  records the colleague's version of each as the base for the next merge with that
  colleague (``storage.merge_base``, per colleague file id), and the next merge compares
  field by field against it (``team.conflicts.three_way``). Before a first base exists, an
  entity that one side has not changed since the copy (its change stamp not after the
  newest stamp both files hold identically) gives way to the other side's version
  (``_entity_horizon``); otherwise every differing field is a conflict, never a silent
  choice.

Deletions travel through tombstones (``storage.tombstones``): a customer, product, note or
goal the colleague deleted is deleted here too when it is unchanged here since the colleague
last had it (same fingerprint); if I changed it meanwhile, the merge lists a conflict (mine:
my version, theirs: deleted). The other way round, what I deleted stays deleted when the
colleague's copy is what I deleted, and comes back as a conflict when they changed it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kpm_desktop.storage import merge_base, tombstones
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import merge_cells
from kpm_desktop.team.conflicts import (
    Conflict,
    label,
    list_conflicts,
    resolve,
    save_conflicts,
    three_way,
)
from kpm_desktop.team.local import KIND_ORDER, LocalStore, canonical, goes_with
from kpm_desktop.team.merge_cells import CellTake
from kpm_desktop.team.resolve_check import check_resolutions
from kpm_desktop.team.state import apply_remote


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


Item = tuple[str, str, dict | None]
HORIZON = "horizon"  # the key of the cells' horizon among a colleague's merge bases


@dataclass(slots=True)
class MergePlan:
    added: list[Item]
    changed: list[Item]
    conflicts: list[Conflict]
    deleted: list[Item] = field(default_factory=list)
    # Every entity the merge writes or removes (a deleted customer's cells, notes and goals
    # too) as it is in my file now: undo puts these back, and a stale plan is recognised.
    before: dict[tuple[str, str], dict | None] = field(default_factory=dict)
    source: str = ""
    # Cells taken from the colleague (``team.merge_cells``), with my rows before.
    cells: list[CellTake] = field(default_factory=list)
    # The colleague's file id and their entities (kind, key, JSON): the next merge base.
    peer: str | None = None
    bases: list[tuple[str, str, str]] = field(default_factory=list)
    # My change stamps of the entities in ``before`` (undo puts them back as well).
    stamps: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def writes(self) -> list[tuple[str, str, dict | None, str]]:
        return [(k, key, v, "") for k, key, v in self.added + self.changed + self.deleted]

    def counts(self) -> tuple[int, int, int]:
        """(added, changed, deleted), cells included."""
        added = sum(1 for c in self.cells if c.before is None)
        deleted = sum(1 for c in self.cells if c.value is None)
        changed = len(self.cells) - added - deleted
        return (
            len(self.added) + added,
            len(self.changed) + changed,
            len(self.deleted) + deleted,
        )


@dataclass(slots=True)
class Applied:
    """What ``apply_merge`` replaced, for ``revert_merge``."""

    conflicts: list[tuple]
    history: tuple[int, int] = (0, 0)
    bases: list[merge_base.BaseRow] = field(default_factory=list)


Progress = Callable[[str], None]


def plan_merge(mine: Repository, theirs_path: Path, progress: Progress | None = None) -> MergePlan:
    """Compare (read only) what merging ``theirs_path`` into ``mine`` would do.

    ``mine`` may be a second, read-only connection on a worker thread. Customers, products
    and the rest are read from both files and compared in memory against the merge base
    of this colleague (``storage.merge_base``); the cells are compared in SQL with the
    colleague's file attached (``team.merge_cells``).
    """
    say = progress or (lambda _m: None)
    say("read_theirs")
    my_deleted = tombstones.deleted(mine.conn)
    with Repository.open(theirs_path, read_only=True) as theirs:
        their_items = list(LocalStore(theirs).iter_all(cells=False))
        their_deleted = tombstones.deleted(theirs.conn)
        # What I deleted and they still have: their fingerprint tells whether they changed it.
        their_prints = {
            k: tombstones.fingerprint(theirs.conn, *k)
            for k in my_deleted
            if k[0] in tombstones.TABLES
        }
        peer = merge_base.identity(theirs.conn)
        their_stamps = merge_base.stamps(theirs.conn) if peer else {}
    if peer is not None and peer == merge_base.identity(mine.conn):
        peer = None  # a copy not yet opened for writing anywhere: no colleague to tell apart
    bases = merge_base.load(mine.conn, peer) if peer else {}
    say("read_mine")
    store = LocalStore(mine)
    my_items: dict[tuple[str, str], dict | None] = {
        (k, key): v for k, key, v in store.iter_all(cells=False)
    }
    my_stamps = merge_base.stamps(mine.conn) if peer else {}
    entity_horizon = _entity_horizon(bases, my_items, their_items, my_stamps, their_stamps)
    say("compare")
    try:
        stamp = datetime.fromtimestamp(theirs_path.stat().st_mtime, UTC)
        when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    except OSError:
        when = ""
    added: list[Item] = []
    changed: list[Item] = []
    deleted: list[Item] = []
    conflicts: list[Conflict] = []

    def conflict(kind: str, key: str, current: dict | None, value: dict | None) -> None:
        conflicts.append(
            Conflict(kind, key, ["*"], current, value, theirs_path.name, when, 0, "merge")
        )

    # uuids of customers and products: deleted by one side, present on the other
    mine_gone = {key for (kind, key) in my_deleted if kind in ("customer", "product")}
    their_gone = {key for (kind, key) in their_deleted if kind in ("customer", "product")}
    their_present = {key for kind, key, _v in their_items if kind in ("customer", "product")}
    my_present = {key for (kind, key) in my_items if kind in ("customer", "product")}
    absent: set[str] = set()  # customers/products I deleted: their parts stay out too
    for kind, key, value in their_items:
        if kind in ("note", "goal") and (value or {}).get("customer") in absent:
            continue
        current = my_items.get((kind, key))
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
        base_text = bases.get((kind, key))
        if base_text is None and entity_horizon is not None:
            # No base yet: a side not changed since the copy (its stamp not after the
            # horizon) gives way to the side that changed (see _entity_horizon).
            mine_at, theirs_at = my_stamps.get((kind, key)), their_stamps.get((kind, key))
            if mine_at is not None and theirs_at is not None:
                if mine_at <= entity_horizon < theirs_at:
                    changed.append((kind, key, value))
                    continue
                if theirs_at <= entity_horizon < mine_at:
                    continue
        base = json.loads(base_text) if base_text is not None else None
        merged, fields, mine_r, theirs_r = three_way(base, current, value)
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
        current = my_items.get((kind, key))
        if current is None:
            continue
        if kind in ("note", "goal") and current.get("customer") in gone_customers:
            continue
        now = tombstones.fingerprint(mine.conn, kind, key)
        if _same(now, print_then, their_gone, my_present):
            deleted.append((kind, key, None))
            if kind == "customer":
                gone_customers.add(key)
        else:
            conflict(kind, key, current, None)  # they deleted it, I changed it
    say("compare_cells")
    new_customers = {key for kind, key, _v in added if kind == "customer"}
    new_products = {key for kind, key, _v in added if kind == "product"}
    merge_cells.attach(mine.conn, theirs_path)
    try:
        # The cells' horizon (``team.merge_cells``) belongs to the copy: it is taken at the
        # first merge with a colleague and kept, since every merge makes the colleague's
        # newer cells identical here. Without a colleague id there is none.
        stored = bases.get(("cells", HORIZON))
        if peer is None:
            horizon: int | None = None
        elif stored is not None:
            horizon = int(stored) if stored else None
        else:
            horizon = merge_cells.horizon(mine.conn)
        seen = {key: v for (kind, key), v in bases.items() if kind == "cell"}
        cells = merge_cells.compare(mine.conn, lambda: horizon, seen)
        takes = cells.takes + merge_cells.new_cells(mine.conn, new_customers, new_products, absent)
    finally:
        merge_cells.detach(mine.conn)
    gone = {key for kind, key, _v in deleted if kind in ("customer", "product")}
    takes = [t for t in takes if not goes_with("cell", t.key, None, gone)]
    gone_cells = {key for key, _t in cells.seen if goes_with("cell", key, None, gone)}
    for key, mine_v, theirs_v in cells.conflicts:
        if goes_with("cell", key, None, gone):
            continue
        _m, fields, mine_r, theirs_r = three_way(None, mine_v, theirs_v)
        conflicts.append(
            Conflict(
                "cell", key, fields or ["*"], mine_r, theirs_r, theirs_path.name, when, 0, "merge"
            )
        )
    plan = MergePlan(added, changed, conflicts, deleted, source=theirs_path.name, cells=takes)
    plan.before = _before(plan, my_items, store)
    plan.stamps = merge_base.raw_stamps(
        mine.conn, [k for k, v in plan.before.items() if v is not None]
    )
    if peer:
        plan.peer = peer
        plan.bases = [
            (kind, key, text) for kind, key, v in their_items if (text := canonical(v)) is not None
        ]
        plan.bases.append(("cells", HORIZON, "" if horizon is None else str(horizon)))
        plan.bases.append(
            ("entities", HORIZON, "" if entity_horizon is None else str(entity_horizon))
        )
        plan.bases += [("cell", key, text) for key, text in cells.seen if key not in gone_cells]
    return plan


def _entity_horizon(
    bases: dict[tuple[str, str], str],
    my_items: dict[tuple[str, str], dict | None],
    their_items: Sequence[Item],
    my_stamps: dict[tuple[str, str], int],
    their_stamps: dict[tuple[str, str], int],
) -> int | None:
    """The newest change stamp among customers, products, notes and goals both files hold
    identically (value and stamp): states from before the copy. Taken at the first merge
    with a colleague and kept in their merge bases (a merge makes the colleague's newer
    entities identical here); None without a colleague id or without such entities.

    For an entity with no merge base yet, a side whose stamp is not after the horizon has
    not changed it since the copy, so the other side's version is taken whole (or mine is
    kept). As with the cells' horizon (``team.merge_cells``) this compares clocks of two
    computers; wherever it cannot tell, every differing field is a conflict."""
    if not my_stamps:
        return None
    stored = bases.get(("entities", HORIZON))
    if stored is not None:
        return int(stored) if stored else None
    newest: int | None = None
    for kind, key, value in their_items:
        at = their_stamps.get((kind, key))
        if at is None or my_stamps.get((kind, key)) != at:
            continue
        if canonical(my_items.get((kind, key))) == canonical(value):
            newest = at if newest is None else max(newest, at)
    return newest


def _before(
    plan: MergePlan, my_items: dict[tuple[str, str], dict | None], store: LocalStore
) -> dict:
    keys = {(k, key) for k, key, _v, _a in plan.writes}
    gone = {key for k, key, _v in plan.deleted if k in ("customer", "product")}
    out = {k: my_items.get(k) for k in keys}
    if gone:  # a deleted customer or product takes its cells, notes and goals along
        out.update({item: v for item, v in my_items.items() if goes_with(*item, v, gone)})
        out.update({("cell", key): v for key, v in _cells_of(store, gone).items()})
    return out


def _cells_of(store: LocalStore, gone: set[str]) -> dict[str, dict]:
    """My cells of the given customers and products, as sync JSON."""
    out: dict[str, dict] = {}
    for table, column in (("customers", "customer_id"), ("products", "product_id")):
        for uuid in gone:
            row = store.conn.execute(f"SELECT id FROM {table} WHERE uuid = ?", (uuid,)).fetchone()
            if row is None:
                continue
            for cu, pu in store.conn.execute(
                "SELECT c.uuid, p.uuid FROM marks m JOIN customers c ON c.id = m.customer_id "
                f"JOIN products p ON p.id = m.product_id WHERE m.{column} = ?",
                (row[0],),
            ).fetchall():
                key = f"{cu}/{pu}"
                value = store.read("cell", key)
                if value is not None:
                    out[key] = value
    return out


def is_stale(mine: Repository, plan: MergePlan) -> bool:
    """Did my file change (where the merge writes) since the plan was made?"""
    store = LocalStore(mine)
    if any(
        canonical(store.read(kind, key)) != canonical(value)
        for (kind, key), value in plan.before.items()
    ):
        return True
    now = merge_cells.current(mine, (c.key for c in plan.cells))
    return any(now[c.key] != c.before for c in plan.cells)


def _conflict_rows(conn, plan: MergePlan) -> list[tuple]:
    keys = [(c.kind, c.key) for c in plan.conflicts]
    rows = []
    for kind, key in keys:
        rows += conn.execute(
            "SELECT * FROM sync_conflicts WHERE kind = ? AND key = ?", (kind, key)
        ).fetchall()
    return rows


def apply_merge(mine: Repository, plan: MergePlan) -> Applied:
    """Write a plan in one transaction; returns what it replaced (for undo)."""
    with mine.transaction() as conn:
        applied = Applied(_conflict_rows(conn, plan))
        apply_remote(LocalStore(mine), plan.writes)
        merge_cells.write(mine, [(c.key, c.value) for c in plan.cells])
        applied.history = merge_cells.copy_history(mine, plan.cells)
        save_conflicts(conn, plan.conflicts)
        if plan.peer:
            applied.bases = merge_base.replace(conn, plan.peer, plan.bases)
    return applied


def revert_merge(mine: Repository, plan: MergePlan, applied: Applied) -> None:
    """Undo ``apply_merge`` in one transaction: every touched entity, cell, history entry,
    merge base and conflict as before."""
    with mine.transaction() as conn:
        merge_cells.write(mine, [(c.key, c.before) for c in plan.cells])
        merge_cells.drop_history(mine, applied.history)
        # children first when removing what the merge added, parents first when restoring
        removed = [(k, key, None, "") for (k, key), v in plan.before.items() if v is None]
        restored: list[tuple[str, str, dict | None, str]] = [
            (k, key, v, "") for (k, key), v in plan.before.items() if v is not None
        ]
        for kind, key, _v, _a in sorted(removed, key=lambda r: -KIND_ORDER[r[0]]):
            LocalStore(mine).apply(kind, key, None)
        apply_remote(LocalStore(mine), restored)
        merge_base.restore_stamps(conn, plan.stamps)
        for c in plan.conflicts:
            conn.execute("DELETE FROM sync_conflicts WHERE kind = ? AND key = ?", (c.kind, c.key))
        old_conflicts = applied.conflicts
        if old_conflicts:
            marks = ", ".join("?" * len(old_conflicts[0]))
            conn.executemany(f"INSERT INTO sync_conflicts VALUES ({marks})", old_conflicts)
        if plan.peer:
            merge_base.restore(conn, plan.peer, applied.bases)


def merge(mine: Repository, theirs_path: Path) -> MergePlan:
    """Apply a merge in one transaction (one undo step in the GUI); conflicts are recorded."""
    plan = plan_merge(mine, theirs_path)
    apply_merge(mine, plan)
    return plan


def merge_files(mine_path: Path, theirs_path: Path, choices: dict[str, str] | None = None) -> dict:
    # The colleague's file must open before mine is opened for writing (a writing open
    # stamps a session marker): a wrong second file leaves mine byte-identical.
    with Repository.open(theirs_path, read_only=True):
        pass
    if choices:  # a bad --resolve, too, before the writing open
        with Repository.open(mine_path, read_only=True) as probe:
            check_resolutions(probe, choices, merge=(str(mine_path), str(theirs_path)))
    with Repository.open(mine_path) as repo:
        plan = merge(repo, theirs_path)
        if choices:
            resolve(repo, choices)
        open_conflicts = [
            c.as_json(label(repo, c.kind, c.key, c.mine or c.theirs))
            for c in list_conflicts(repo)
            if c.reason == "merge"
        ]
    added, changed, deleted = plan.counts()
    return {
        "added": added,
        "changed": changed,
        "deleted": deleted,
        "conflicts": open_conflicts,
    }
