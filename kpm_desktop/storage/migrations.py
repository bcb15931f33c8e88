"""Schema migrations, applied in order, each in its own transaction.

The schema version is SQLite's ``user_version`` (the number of applied migrations), so a
file written by a newer version is recognised before anything is written. A shipped
migration is never edited: add a new function at the end of ``MIGRATIONS`` instead.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Execute statements one by one.

    ``executescript`` would COMMIT the surrounding transaction first, which would make a
    migration non-atomic.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement!r}")


def _m001_initial(conn: sqlite3.Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE product_groups (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            sort_order INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            number TEXT NOT NULL DEFAULT '',
            segment TEXT NOT NULL DEFAULT '',
            region TEXT NOT NULL DEFAULT '',
            owner TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            postcode TEXT NOT NULL DEFAULT '',
            abc_class TEXT NOT NULL DEFAULT '',
            annual_revenue REAL,
            tags TEXT NOT NULL DEFAULT '[]',
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX customers_number ON customers(number);
        CREATE TABLE products (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            number TEXT NOT NULL DEFAULT '',
            group_id INTEGER REFERENCES product_groups(id) ON DELETE SET NULL,
            kind TEXT NOT NULL DEFAULT 'product',
            sort_order INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1,
            slot INTEGER NOT NULL UNIQUE,  -- byte position in status_rows.codes
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX products_group ON products(group_id);
        CREATE TABLE competitors (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        );
        CREATE TABLE marks (
            customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
            mark INTEGER NOT NULL CHECK (mark BETWEEN 1 AND 4),
            competitor_id INTEGER REFERENCES competitors(id) ON DELETE SET NULL,
            our_revenue REAL,
            potential REAL,
            contract_end TEXT,
            no_need_reason TEXT NOT NULL DEFAULT '',
            recheck_at TEXT,
            note TEXT NOT NULL DEFAULT '',
            verified_at TEXT,
            updated_at TEXT,
            source TEXT NOT NULL DEFAULT 'user',
            PRIMARY KEY (customer_id, product_id)
        ) WITHOUT ROWID;
        CREATE INDEX marks_product ON marks(product_id);
        CREATE INDEX marks_competitor ON marks(competitor_id) WHERE competitor_id IS NOT NULL;
        -- Append-only; no foreign keys so that history outlives deleted rows.
        CREATE TABLE mark_history (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL,
            product_id INTEGER NOT NULL,
            old_mark INTEGER,
            new_mark INTEGER,
            changed_at TEXT NOT NULL,
            source TEXT NOT NULL
        );
        CREATE INDEX mark_history_customer ON mark_history(customer_id, changed_at);
        CREATE INDEX mark_history_changed ON mark_history(changed_at);
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            note_date TEXT NOT NULL,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX notes_customer ON notes(customer_id, note_date);
        CREATE TABLE goals (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            due_date TEXT,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'achieved', 'dropped')),
            sort_order INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX goals_customer ON goals(customer_id, sort_order);
        CREATE TABLE goal_products (
            goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
            product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
            PRIMARY KEY (goal_id, product_id)
        ) WITHOUT ROWID;
        -- Derived from marks: one byte per product slot (see domain.marks), kept in the
        -- same transaction as every marks write; `kpm check` verifies it.
        CREATE TABLE status_rows (
            customer_id INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
            codes BLOB NOT NULL
        );
        """,
    )


def _m002_snapshots(conn: sqlite3.Connection) -> None:
    """Named snapshots and a covering index for the insight queries.

    A snapshot is a label on a point in the append-only ``mark_history``: ``history_id`` is
    the highest history id at the moment it was taken, so "what changed since the snapshot"
    is exactly the history rows after it (no copy of the grid is stored). ``totals`` keeps
    the mark counts of that moment (JSON) for display.

    ``marks_details`` is a partial covering index over the few cells that carry amounts,
    a competitor or a contract end: insights read these without scanning every mark
    (at 8M marks a full scan takes seconds).
    """
    run_script(
        conn,
        """
        CREATE TABLE snapshots (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL,
            created_at TEXT NOT NULL,
            history_id INTEGER NOT NULL DEFAULT 0,
            totals TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX marks_details ON marks(
            customer_id, product_id, mark, competitor_id, our_revenue, potential, contract_end
        ) WHERE our_revenue IS NOT NULL OR potential IS NOT NULL
            OR competitor_id IS NOT NULL OR contract_end IS NOT NULL;
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (_m001_initial, _m002_snapshots)

SCHEMA_VERSION = len(MIGRATIONS)
