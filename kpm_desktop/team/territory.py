"""Customers that left the user's territory: removed from the file, or kept and listed.

When the manager moves a customer to another region or owner, or takes a region away from
a rep, row-level security stops showing that customer to the rep: nothing about it arrives
any more, and a change the rep makes to it would be refused. At every sync of a rep (or a
restricted viewer) the server therefore names the local customers it knows but no longer
shows (``protocol.left_territory``), and ``engine.finish`` decides per customer:

- **nothing pending** (no unsent change to the customer, its marks, notes or goals, and no
  open conflict on them): the customer is removed from the local file with its marks, notes
  and goals, as the manager intended. Only locally: no change is queued for the server and
  no merge tombstone is kept, so neither a sync nor a later ``kpm merge`` deletes it anywhere
  else (the manager and the new rep keep it).
- **something pending**: nothing is removed, nothing of it is sent (the server would refuse
  it), and one conflict with reason ``left_territory`` is listed for the customer. *Keep
  mine* keeps it as a local copy: it stays in this file with the rep's changes, is no longer
  synced (later changes to it stay in this file) and is not removed again; *take theirs*
  removes it like above, with the unsent changes.

A local copy that comes back into the territory (the manager moves it back) is synced again:
where the team's version differs from the local copy, the sync lists a conflict instead of
overwriting it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from kpm_desktop.team.local import LocalStore

REASON = "left_territory"
LOCAL_COPIES_KEY = "team_local_copies"  # customers kept as a local copy after they left

# The customer UUID of a row of ``sync_dirty`` or ``sync_conflicts`` (kind, key): the key of
# a customer, the first half of a cell's key, the customer of a note or goal: of the one in
# the file, else (deleted here) the one the outbox row kept or a conflict's version names.
_CUSTOMER_OF_ROW = (
    "CASE kind WHEN 'customer' THEN key "
    "WHEN 'cell' THEN substr(key, 1, instr(key, '/') - 1) "
    "WHEN 'note' THEN coalesce((SELECT c.uuid FROM notes n JOIN customers c "
    "ON c.id = n.customer_id WHERE n.uuid = key), {kept}) "
    "WHEN 'goal' THEN coalesce((SELECT c.uuid FROM goals g JOIN customers c "
    "ON c.id = g.customer_id WHERE g.uuid = key), {kept}) END"
)
_KEPT = {
    "sync_dirty": "customer",
    "sync_conflicts": "coalesce(json_extract(mine, '$.customer'), "
    "json_extract(theirs, '$.customer'))",
}


def _customer_of_row(table: str) -> str:
    return _CUSTOMER_OF_ROW.format(kept=_KEPT[table])


def local_copies(conn: sqlite3.Connection) -> set[str]:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (LOCAL_COPIES_KEY,)).fetchone()
    return set(json.loads(row[0])) if row else set()


def _set_local_copies(conn: sqlite3.Connection, keys: set[str]) -> None:
    conn.execute(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (LOCAL_COPIES_KEY, json.dumps(sorted(keys))),
    )


def left_with_conflict(conn: sqlite3.Connection) -> set[str]:
    """Customers listed as having left the territory (an open ``left_territory`` conflict)."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT key FROM sync_conflicts WHERE kind = 'customer' AND reason = ?", (REASON,)
        )
    }


def synced_customers(conn: sqlite3.Connection) -> list[str]:
    """The local customers the server should check (not local copies, not already listed)."""
    skip = local_copies(conn) | left_with_conflict(conn)
    return [r[0] for r in conn.execute("SELECT uuid FROM customers") if r[0] not in skip]


def busy_customers(conn: sqlite3.Connection) -> set[str]:
    """Customers with an unsent change or an open conflict on them or their marks, notes
    and goals."""
    return {
        r[0]
        for table in ("sync_dirty", "sync_conflicts")
        for r in conn.execute(f"SELECT DISTINCT {_customer_of_row(table)} FROM {table}")
        if r[0] is not None
    }


def _rows_of(conn: sqlite3.Connection, table: str, keys: set[str]) -> list[int]:
    return [
        r[0]
        for r in conn.execute(f"SELECT rowid, {_customer_of_row(table)} FROM {table}")
        if r[1] in keys
    ]


def conflict_ids(conn: sqlite3.Connection, keys: set[str]) -> list[int]:
    """The open conflicts of these customers and their marks, notes and goals."""
    return _rows_of(conn, "sync_conflicts", keys) if keys else []


def forget_conflicts(conn: sqlite3.Connection, keys: set[str]) -> None:
    """Drop the open conflicts of these customers and their marks, notes and goals."""
    conn.executemany(
        "DELETE FROM sync_conflicts WHERE rowid = ?", [(r,) for r in conflict_ids(conn, keys)]
    )


def forget_pending(conn: sqlite3.Connection, keys: set[str]) -> None:
    """Drop the unsent changes and open conflicts of these customers and their marks, notes
    and goals (inside the caller's transaction)."""
    for table in ("sync_dirty", "sync_conflicts"):
        rows = _rows_of(conn, table, keys)
        conn.executemany(f"DELETE FROM {table} WHERE rowid = ?", [(r,) for r in rows])


def remove_locally(store: LocalStore, keys: Iterable[str]) -> int:
    """Delete customers with their marks, notes and goals from this file only (inside the
    caller's transaction): no change queued for the server, no merge tombstone."""
    keys = set(keys)
    conn = store.conn
    if not keys:
        return 0
    forget_pending(conn, keys)
    marks = ",".join("?" * len(keys))
    owned = [
        r[0]
        for table in ("notes", "goals")
        for r in conn.execute(
            f"SELECT t.uuid FROM {table} t JOIN customers c ON c.id = t.customer_id "
            f"WHERE c.uuid IN ({marks})",
            sorted(keys),
        )
    ]
    touched = sorted(keys | {k for k in owned if k})
    tmarks = ",".join("?" * len(touched))
    tombstones = conn.execute(
        f"SELECT * FROM merge_tombstones WHERE key IN ({tmarks})", touched
    ).fetchall()
    before = conn.execute("SELECT coalesce(max(seq), 0) FROM sync_dirty").fetchone()[0]
    removed = 0
    for key in sorted(keys):
        if store.read("customer", key) is not None:
            store.apply("customer", key, None)
            removed += 1
    conn.execute("DELETE FROM sync_dirty WHERE seq > ?", (before,))
    conn.execute(f"DELETE FROM merge_tombstones WHERE key IN ({tmarks})", touched)
    if tombstones:
        marks = ", ".join("?" * len(tombstones[0]))
        conn.executemany(f"INSERT INTO merge_tombstones VALUES ({marks})", tombstones)
    copies = local_copies(conn)
    if copies & keys:
        _set_local_copies(conn, copies - keys)
    return removed


def keep_local_copy(conn: sqlite3.Connection, key: str) -> None:
    """Keep a customer that left the territory as a local copy (inside the caller's
    transaction): its unsent changes stay in the file only, and syncs leave it alone."""
    forget_pending(conn, {key})
    _set_local_copies(conn, local_copies(conn) | {key})


def entities_of(conn: sqlite3.Connection, keys: set[str]) -> list[tuple[str, str]]:
    """(kind, key) of the marks, notes and goals of these customers in this file."""
    marks = ",".join("?" * len(keys))
    args = sorted(keys)
    return [
        *(
            ("cell", r[0])
            for r in conn.execute(
                "SELECT c.uuid || '/' || p.uuid FROM marks m JOIN customers c "
                "ON c.id = m.customer_id JOIN products p ON p.id = m.product_id "
                f"WHERE c.uuid IN ({marks})",
                args,
            )
        ),
        *(
            (kind, r[0])
            for kind, table in (("note", "notes"), ("goal", "goals"))
            for r in conn.execute(
                f"SELECT t.uuid FROM {table} t JOIN customers c ON c.id = t.customer_id "
                f"WHERE c.uuid IN ({marks})",
                args,
            )
        ),
    ]


def back_in_territory(conn: sqlite3.Connection, keys: set[str]) -> None:
    """Local copies the server shows again are synced again (inside a transaction)."""
    copies = local_copies(conn)
    if copies & keys:
        _set_local_copies(conn, copies - keys)
