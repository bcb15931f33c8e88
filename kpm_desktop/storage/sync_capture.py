"""Change capture of a team file: SQLite triggers that note every changed entity.

A team file (one with a ``team_url`` in ``sync_state``) carries triggers that write the UUID
key of each inserted, changed or deleted entity into ``sync_dirty`` (the outbox). They
capture every write path alike (edits, undo, imports, manage dialogs), need only the key
columns of the tables, and cost nothing in files that are not in a team. Which *values*
changed is found at sync time by reading the entity (see ``team.local``).

The triggers are (re)installed whenever a team file is opened for writing, so a later
migration that rebuilds a table cannot silently switch capture off.
"""

from __future__ import annotations

import sqlite3
from typing import Any

TEAM_URL_KEY = "team_url"

# kind -> (table, SQL giving the key from the row alias R (NEW or OLD))
_SIMPLE = {
    "customer": "customers",
    "product": "products",
    "group": "product_groups",
    "competitor": "competitors",
    "note": "notes",
    "goal": "goals",
}

# The customer UUID a note or goal (row alias R) belongs to, kept in the outbox row: once
# the row is deleted nothing else says whose it was (server access rules, territory).
_OWNER = "(SELECT uuid FROM customers WHERE id = {r}.customer_id)"
_GOAL_OWNER = (
    "(SELECT c.uuid FROM goals g JOIN customers c ON c.id = g.customer_id WHERE g.id = {r}.goal_id)"
)

_CELL_KEY = (
    "(SELECT c.uuid || '/' || p.uuid FROM customers c, products p "
    "WHERE c.id = {r}.customer_id AND p.id = {r}.product_id)"
)
_GOAL_KEY = "(SELECT uuid FROM goals WHERE id = {r}.goal_id)"


def _note(kind: str, key_sql: str, customer_sql: str = "NULL") -> str:
    # Delete first, then insert: a re-dirtied entity gets a new seq (never reused), and no
    # conflict clause is needed (an outer OR IGNORE / OR REPLACE would override it).
    return (
        f"DELETE FROM sync_dirty WHERE kind = '{kind}' AND key = {key_sql}; "
        f"INSERT INTO sync_dirty (kind, key, customer) SELECT '{kind}', k, {customer_sql} "
        f"FROM (SELECT {key_sql} AS k) WHERE k IS NOT NULL;"
    )


def _note_keeping_owner(kind: str, key_sql: str, owner_sql: str) -> str:
    """``_note`` for a note or goal that keeps the customer its outbox row already names when
    the customer cannot be looked up any more: a customer's deletion removes its notes and
    goals after its own row (``ON DELETE CASCADE``), so the lookup finds nothing then. The
    old row's customer is held under the kind ``KIND:held`` while the row is renewed."""
    held = f"{kind}:held"
    return (
        f"INSERT INTO sync_dirty (kind, key, customer) SELECT '{held}', key, customer "
        f"FROM sync_dirty WHERE kind = '{kind}' AND key = {key_sql} AND customer IS NOT NULL; "
        + _note(
            kind,
            key_sql,
            f"coalesce({owner_sql}, (SELECT customer FROM sync_dirty "
            f"WHERE kind = '{held}' AND key = k))",
        )
        + f" DELETE FROM sync_dirty WHERE kind = '{held}' AND key = {key_sql};"
    )


def trigger_statements() -> list[str]:
    out = []
    for kind, table in _SIMPLE.items():
        for event, rows in (("INSERT", ("NEW",)), ("DELETE", ("OLD",)), ("UPDATE", ("OLD", "NEW"))):
            body = " ".join(
                _note_keeping_owner(kind, f"{r}.uuid", _OWNER.format(r=r))
                if kind in ("note", "goal")
                else _note(kind, f"{r}.uuid")
                for r in rows
            )
            out.append(
                f"CREATE TRIGGER IF NOT EXISTS kpm_sync_{table}_{event.lower()} "
                f"AFTER {event} ON {table} BEGIN {body} END"
            )
    for event, r in (("INSERT", "NEW"), ("DELETE", "OLD"), ("UPDATE", "NEW")):
        out.append(
            f"CREATE TRIGGER IF NOT EXISTS kpm_sync_marks_{event.lower()} AFTER {event} ON marks "
            f"BEGIN {_note('cell', _CELL_KEY.format(r=r))} END"
        )
    for event, r in (("INSERT", "NEW"), ("DELETE", "OLD")):
        out.append(
            f"CREATE TRIGGER IF NOT EXISTS kpm_sync_goal_products_{event.lower()} "
            f"AFTER {event} ON goal_products BEGIN "
            f"{_note_keeping_owner('goal', _GOAL_KEY.format(r=r), _GOAL_OWNER.format(r=r))} END"
        )
    return out


def is_team_file(conn: sqlite3.Connection) -> bool:
    try:
        row = conn.execute("SELECT 1 FROM sync_state WHERE key = ?", (TEAM_URL_KEY,)).fetchone()
    except sqlite3.OperationalError:  # older file format, not migrated (read-only)
        return False
    return row is not None


def install(conn: sqlite3.Connection) -> None:
    """Create the capture triggers (idempotent; runs inside the caller's transaction)."""
    for statement in trigger_statements():
        conn.execute(statement)


def ensure_installed(conn: sqlite3.Connection) -> None:
    """At open: a team file gets its triggers back if a migration dropped one."""
    if not is_team_file(conn):
        return
    have = {
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kpm_sync_%'"
        )
    }
    if len(have) < len(trigger_statements()):
        conn.execute("BEGIN IMMEDIATE")
        try:
            install(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def team_state(conn: sqlite3.Connection) -> dict[str, str]:
    """The team settings of a file (``sync_state``); empty for a file outside a team."""
    try:
        return dict(conn.execute("SELECT key, value FROM sync_state"))
    except sqlite3.OperationalError:  # an older file format opened read-only
        return {}


def pending_count(conn: sqlite3.Connection) -> int:
    """Local changes not yet sent to the team server."""
    try:
        return int(conn.execute("SELECT count(*) FROM sync_dirty").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def conflict_count(conn: sqlite3.Connection) -> int:
    try:
        return int(conn.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


CellConflict = tuple[list[str], dict[str, Any] | None, dict[str, Any] | None]


def cell_conflicts(conn: sqlite3.Connection) -> dict[tuple[int, int], CellConflict]:
    """Open conflicts on cells by (customer id, product id): (fields, mine, theirs).

    What the matrix marks with a badge (a team sync's or a merge's conflicts alike).
    """
    import json

    try:
        rows = conn.execute(
            "SELECT c.id, p.id, k.fields, k.mine, k.theirs FROM sync_conflicts k "
            "JOIN customers c ON c.uuid = substr(k.key, 1, instr(k.key, '/') - 1) "
            "JOIN products p ON p.uuid = substr(k.key, instr(k.key, '/') + 1) "
            "WHERE k.kind = 'cell'"
        ).fetchall()
    except sqlite3.OperationalError:  # an older file format opened read-only
        return {}
    return {
        (cid, pid): (
            json.loads(fields),
            json.loads(mine) if mine is not None else None,
            json.loads(theirs) if theirs is not None else None,
        )
        for cid, pid, fields, mine, theirs in rows
    }
