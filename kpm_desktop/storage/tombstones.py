"""Tombstones: what a file deleted, so that a merge can carry deletions to a colleague.

Two copies of a matrix share no server, so ``kpm merge`` cannot tell "the colleague deleted
this customer" from "I added it" by looking at the two files alone. Every file therefore
notes each customer, product, note and goal it deletes (``merge_tombstones``), together with
a *fingerprint*: the entity's content as it was just before the delete (a customer's with
its marks, notes and goals; a product's with its marks). The fingerprint is the common base
of a merge: an entity the colleague deleted is deleted here only when its fingerprint here
is still the same (I did not change it since the colleague last had it); otherwise the two
sides disagree and the merge lists a conflict.

The fingerprint is one SQL expression per kind, used both by the ``BEFORE DELETE`` triggers
(with ``OLD.id``) and by the merge (with ``:id``), so the two are compared as strings.
Deletes that cascade from a deleted customer record no note/goal tombstone of their own
(the customer's covers them). Verified dates and time stamps are left out: confirming a
mark is not a change that should keep a deleted customer alive.
"""

from __future__ import annotations

import sqlite3

_MARK_FIELDS = (
    "m.mark, k.name, m.our_revenue, m.potential, m.contract_end, m.no_need_reason, "
    "m.recheck_at, m.note"
)

FINGERPRINTS: dict[str, str] = {
    "customer": (
        "json_array("
        "(SELECT json_array(name, number, segment, region, owner, city, postcode, abc_class, "
        "annual_revenue, tags, active, parent_uuid, street, phone) FROM customers "
        "WHERE id = {id}), "
        "(SELECT json_group_array(v) FROM (SELECT json_array(p.uuid, "
        + _MARK_FIELDS
        + ") AS v FROM marks m JOIN products p ON p.id = m.product_id "
        "LEFT JOIN competitors k ON k.id = m.competitor_id WHERE m.customer_id = {id} "
        "ORDER BY p.uuid)), "
        "(SELECT json_group_array(v) FROM (SELECT json_array(uuid, note_date, text) AS v "
        "FROM notes WHERE customer_id = {id} ORDER BY uuid)), "
        "(SELECT json_group_array(v) FROM (SELECT json_array(uuid, title, detail, due_date, "
        "status, sort_order) AS v FROM goals WHERE customer_id = {id} ORDER BY uuid)))"
    ),
    "product": (
        "json_array("
        "(SELECT json_array(name, number, (SELECT g.uuid FROM product_groups g "
        "WHERE g.id = products.group_id), kind, sort_order, active) FROM products "
        "WHERE id = {id}), "
        "(SELECT json_group_array(v) FROM (SELECT json_array(c.uuid, "
        + _MARK_FIELDS
        + ") AS v FROM marks m JOIN customers c ON c.id = m.customer_id "
        "LEFT JOIN competitors k ON k.id = m.competitor_id WHERE m.product_id = {id} "
        "ORDER BY c.uuid)))"
    ),
    "note": "(SELECT json_array(note_date, text) FROM notes WHERE id = {id})",
    "goal": (
        "(SELECT json_array(title, detail, due_date, status, sort_order, "
        "(SELECT json_group_array(u) FROM (SELECT p.uuid AS u FROM goal_products gp "
        "JOIN products p ON p.id = gp.product_id WHERE gp.goal_id = {id} ORDER BY p.uuid))) "
        "FROM goals WHERE id = {id})"
    ),
}

# Migration 7 made the customer trigger before customers had street and phone (migration 9);
# migration 10 re-creates it with FINGERPRINTS. Migration 7 keeps writing what it wrote.
FINGERPRINTS_M007: dict[str, str] = {
    **FINGERPRINTS,
    "customer": FINGERPRINTS["customer"].replace(
        ", street, phone) FROM customers", ") FROM customers"
    ),
}

TABLES = {"customer": "customers", "product": "products", "note": "notes", "goal": "goals"}

# A note or goal deleted because its customer was deleted: the customer's tombstone covers it.
_OWN_DELETE = {
    "note": "WHEN EXISTS (SELECT 1 FROM customers WHERE id = OLD.customer_id)",
    "goal": "WHEN EXISTS (SELECT 1 FROM customers WHERE id = OLD.customer_id)",
}

CREATE_TABLE = (
    "CREATE TABLE IF NOT EXISTS merge_tombstones (kind TEXT NOT NULL, key TEXT NOT NULL, "
    "fingerprint TEXT, deleted_at INTEGER NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID"
)


def trigger_statements(fingerprints: dict[str, str] | None = None) -> list[str]:
    out = []
    for kind, table in TABLES.items():
        fingerprint = (fingerprints or FINGERPRINTS)[kind].format(id="OLD.id")
        out.append(
            f"CREATE TRIGGER IF NOT EXISTS kpm_tomb_{table} BEFORE DELETE ON {table} "
            f"{_OWN_DELETE.get(kind, '')} BEGIN INSERT OR REPLACE INTO merge_tombstones "
            f"(kind, key, fingerprint, deleted_at) SELECT '{kind}', OLD.uuid, {fingerprint}, "
            "CAST(strftime('%s', 'now') AS INTEGER) WHERE OLD.uuid IS NOT NULL; END"
        )
    return out


def install(conn: sqlite3.Connection, fingerprints: dict[str, str] | None = None) -> None:
    """The table and its triggers (idempotent; inside the caller's transaction)."""
    conn.execute(CREATE_TABLE)
    for statement in trigger_statements(fingerprints):
        conn.execute(statement)


def reinstall_customer_trigger(conn: sqlite3.Connection) -> None:
    """Re-create the customer trigger with today's fingerprint (inside the caller's
    transaction); tombstones written before keep their older fingerprint, which a merge
    then never finds equal: such a deletion is listed as a conflict, never applied blind."""
    conn.execute("DROP TRIGGER IF EXISTS kpm_tomb_customers")
    for statement in trigger_statements():
        if " ON customers " in statement:
            conn.execute(statement)


def ensure_installed(conn: sqlite3.Connection) -> None:
    """At open: put back a trigger that a later migration dropped by rebuilding a table."""
    have = {
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('trigger', 'table') "
            "AND (name LIKE 'kpm_tomb_%' OR name = 'merge_tombstones')"
        )
    }
    if len(have) > len(TABLES):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        install(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def fingerprint(conn: sqlite3.Connection, kind: str, key: str) -> str | None:
    """The fingerprint of an existing entity (None if there is none with this UUID)."""
    row = conn.execute(f"SELECT id FROM {TABLES[kind]} WHERE uuid = ?", (key,)).fetchone()
    if row is None:
        return None
    sql = "SELECT " + FINGERPRINTS[kind].format(id=":id")
    value: str | None = conn.execute(sql, {"id": row[0]}).fetchone()[0]
    return value


def deleted(conn: sqlite3.Connection) -> dict[tuple[str, str], str | None]:
    """(kind, key) -> fingerprint of every entity this file deleted and does not have now."""
    try:
        rows = conn.execute("SELECT kind, key, fingerprint FROM merge_tombstones").fetchall()
    except sqlite3.OperationalError:  # a file from before tombstones
        return {}
    out = {}
    for kind, key, fp in rows:
        table = TABLES.get(kind)
        if table is None:
            continue
        if conn.execute(f"SELECT 1 FROM {table} WHERE uuid = ?", (key,)).fetchone():
            continue  # deleted and brought back (undo, a merge, an import)
        out[(kind, key)] = fp
    return out
