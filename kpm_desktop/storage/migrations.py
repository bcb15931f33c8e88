"""Schema migrations, applied in order, each in its own transaction.

The schema version is SQLite's ``user_version`` (the number of applied migrations), so a
file written by a newer version is recognised before anything is written. A shipped
migration is never edited: add a new function at the end of ``MIGRATIONS`` instead.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable

from kpm_desktop.storage import merge_base, tombstones

Migration = Callable[[sqlite3.Connection], None]
Progress = Callable[[float], None]  # fraction done of the running migration, 0.0 .. 1.0

_progress: Progress | None = None


def set_progress(callback: Progress | None) -> None:
    """Where long migrations report their progress (``database.migrate`` sets it)."""
    global _progress
    _progress = callback


def report(fraction: float) -> None:
    if _progress is not None:
        _progress(min(max(fraction, 0.0), 1.0))


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


# The source names of migration 3's codes, frozen here (storage.convert.SOURCE_NAMES may grow).
_M003_SOURCES = ("user", "undo", "redo", "import", "import-undo", "generate", "demo")


def _m003_compact_marks(conn: sqlite3.Connection) -> None:
    """A file about half the size: integer timestamps and no redundant index in the two big
    tables (measured at L, 8M marked cells: 749 MB -> see bench/README.md).

    ``marks``: ``verified_at`` and ``updated_at`` become Unix seconds (INTEGER, 4 bytes
    instead of a 20-byte text); ``updated_at`` is NULL when it equals ``verified_at`` (every
    edit stamps both; only *Confirm as still true* makes them differ); ``source`` becomes a
    small code (``storage.convert.SOURCE_NAMES``; unknown names stay text). The index
    ``marks_product`` goes: nothing reads marks by product except deleting a product, which
    may scan. ``mark_history``: ``changed_at`` in Unix seconds, ``source`` coded, and one
    index by customer instead of two by time (the id orders the rows in time; the few
    queries by time scan the table).

    The rows are copied in primary-key order in slices so that the caller can show
    progress; everything is one transaction (killed half-way, the old tables stay).
    """
    case = " ".join(f"WHEN '{name}' THEN {code}" for code, name in enumerate(_M003_SOURCES))

    def source(column: str) -> str:
        return f"CASE {column} {case} ELSE {column} END"

    def epoch(column: str) -> str:
        return f"CAST(strftime('%s', {column}) AS INTEGER)"

    run_script(
        conn,
        """
        CREATE TABLE marks_v3 (
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
            verified_at INTEGER,  -- Unix seconds, UTC
            updated_at INTEGER,  -- Unix seconds, UTC; NULL = the same as verified_at
            source INTEGER NOT NULL DEFAULT 0,  -- code of storage.convert.SOURCE_NAMES, or text
            PRIMARY KEY (customer_id, product_id)
        ) WITHOUT ROWID;
        CREATE TABLE mark_history_v3 (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL,
            product_id INTEGER NOT NULL,
            old_mark INTEGER,
            new_mark INTEGER,
            changed_at INTEGER NOT NULL,  -- Unix seconds, UTC
            source INTEGER NOT NULL DEFAULT 0  -- as marks.source
        );
        """,
    )
    n_marks = conn.execute("SELECT count(*) FROM marks").fetchone()[0]
    n_history = conn.execute("SELECT count(*) FROM mark_history").fetchone()[0]
    total = max(n_marks + n_history, 1)
    done = 0
    report(0.0)
    # Slices of customers (marks) and ids (history), each an INSERT ... SELECT in C.
    customer_ids = [r[0] for r in conn.execute("SELECT DISTINCT customer_id FROM marks")]
    step = max(1, len(customer_ids) // 50)
    for i in range(0, len(customer_ids), step):
        lo, hi = customer_ids[i], customer_ids[min(i + step, len(customer_ids)) - 1]
        cur = conn.execute(
            "INSERT INTO marks_v3 SELECT customer_id, product_id, mark, competitor_id, "
            "our_revenue, potential, contract_end, no_need_reason, recheck_at, note, "
            f"{epoch('verified_at')}, "
            f"CASE WHEN updated_at IS verified_at THEN NULL ELSE {epoch('updated_at')} END, "
            f"{source('source')} "
            "FROM marks WHERE customer_id BETWEEN ? AND ? ORDER BY customer_id, product_id",
            (lo, hi),
        )
        done += cur.rowcount
        report(done / total)
    max_id = conn.execute("SELECT coalesce(max(id), 0) FROM mark_history").fetchone()[0]
    step = max(1, max_id // 50)
    for lo in range(0, max_id + 1, step):
        cur = conn.execute(
            "INSERT INTO mark_history_v3 SELECT id, customer_id, product_id, old_mark, "
            f"new_mark, coalesce({epoch('changed_at')}, 0), {source('source')} "
            "FROM mark_history WHERE id >= ? AND id < ? ORDER BY id",
            (lo, lo + step),
        )
        done += cur.rowcount
        report(done / total)
    run_script(
        conn,
        """
        DROP TABLE marks;
        DROP TABLE mark_history;
        ALTER TABLE marks_v3 RENAME TO marks;
        ALTER TABLE mark_history_v3 RENAME TO mark_history;
        CREATE INDEX marks_competitor ON marks(competitor_id) WHERE competitor_id IS NOT NULL;
        CREATE INDEX marks_details ON marks(
            customer_id, product_id, mark, competitor_id, our_revenue, potential, contract_end
        ) WHERE our_revenue IS NOT NULL OR potential IS NOT NULL
            OR competitor_id IS NOT NULL OR contract_end IS NOT NULL;
        CREATE INDEX mark_history_customer ON mark_history(customer_id);
        """,
    )
    report(1.0)


def _m004_trips(conn: sqlite3.Connection) -> None:
    """Visit trips: a named day of ordered customer visits (``domain/trips.py``).

    Stops name customers by UUID (no foreign key): a customer deleted and restored by undo
    keeps its UUID, so its stop comes back with it; a stop of a deleted customer is skipped.
    Times are the rep's local wall-clock times. ``revision`` grows with every change (the
    calendar export's SEQUENCE, so Outlook/Thunderbird update the events they imported).
    """
    run_script(
        conn,
        """
        CREATE TABLE trips (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            trip_date TEXT NOT NULL,
            start_time TEXT NOT NULL DEFAULT '08:00',
            travel_minutes INTEGER NOT NULL DEFAULT 30,
            revision INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX trips_date ON trips(trip_date);
        CREATE TABLE trip_stops (
            trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            customer_uuid TEXT NOT NULL,
            minutes INTEGER NOT NULL DEFAULT 60,
            PRIMARY KEY (trip_id, position)
        ) WITHOUT ROWID;
        """,
    )


_UUID_NAMESPACE = uuid.UUID("6f1c2a5e-9d3b-4c7e-8a41-2b5d7e9f0c13")

# A random version-4 UUID in SQL (for rows inserted by code that does not set one).
SQL_NEW_UUID = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
    "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
    "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
)


def _m005_team_sync(conn: sqlite3.Connection) -> None:
    """Stable UUIDs for every synced entity and the local tables of team sync.

    Customers and products had UUIDs from the start; product groups, competitors, notes and
    goals get one here (existing rows a random one, new rows from a trigger when the
    inserting code sets none). ``sync_dirty`` is the outbox: one row per changed entity
    (its UUID key), the AUTOINCREMENT ``seq`` never reused so that a push is idempotent by
    (client, seq). The capture triggers that fill it are installed only in team files
    (``storage.sync_capture``). ``sync_conflicts`` keeps both versions of what changed on
    both sides until the rep decides; ``sync_state`` the team connection (never a password).
    """
    # A deleted row's UUID waits in ``sync_graveyard`` so that undo, which re-inserts the
    # row with its old id, brings back the same identity.
    conn.execute(
        "CREATE TABLE sync_graveyard (tbl TEXT NOT NULL, id INTEGER NOT NULL, "
        "uuid TEXT NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID"
    )
    # Existing rows get name-based UUIDs: the same group or competitor name, or the same
    # note/goal of the same customer in two copies of one file, gets the same identity (so
    # copies merge), and the migration is deterministic (a file migrated twice is the same).
    conn.create_function(
        "kpm_uuid5", 1, lambda text: str(uuid.uuid5(_UUID_NAMESPACE, text)), deterministic=True
    )
    sources = {
        "product_groups": "'group:' || name",
        "competitors": "'competitor:' || lower(name)",
        "notes": (
            "'note:' || (SELECT c.uuid FROM customers c WHERE c.id = notes.customer_id) "
            "|| ':' || id || ':' || created_at"
        ),
        "goals": (
            "'goal:' || (SELECT c.uuid FROM customers c WHERE c.id = goals.customer_id) "
            "|| ':' || id || ':' || created_at"
        ),
    }
    for table in ("product_groups", "competitors", "notes", "goals"):
        conn.execute(f"ALTER TABLE {table} ADD COLUMN uuid TEXT")
        conn.execute(f"UPDATE {table} SET uuid = kpm_uuid5({sources[table]})")
        conn.execute(f"CREATE UNIQUE INDEX {table}_uuid ON {table}(uuid)")
        old = (
            f"(SELECT g.uuid FROM sync_graveyard g WHERE g.tbl = '{table}' AND g.id = NEW.id "
            f"AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.uuid = g.uuid))"
        )
        conn.execute(
            f"CREATE TRIGGER {table}_new_uuid AFTER INSERT ON {table} WHEN NEW.uuid IS NULL "
            f"BEGIN UPDATE {table} SET uuid = coalesce({old}, {SQL_NEW_UUID}) "
            f"WHERE id = NEW.id; DELETE FROM sync_graveyard WHERE tbl = '{table}' "
            "AND id = NEW.id; END"
        )
        conn.execute(
            f"CREATE TRIGGER {table}_keep_uuid AFTER DELETE ON {table} WHEN OLD.uuid IS NOT NULL "
            f"BEGIN INSERT OR REPLACE INTO sync_graveyard (tbl, id, uuid) "
            f"VALUES ('{table}', OLD.id, OLD.uuid); END"
        )
    run_script(
        conn,
        """
        CREATE TABLE sync_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE sync_dirty (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            UNIQUE (kind, key)
        );
        CREATE TABLE sync_conflicts (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            fields TEXT NOT NULL,
            mine TEXT,
            theirs TEXT,
            their_author TEXT NOT NULL DEFAULT '',
            their_at TEXT NOT NULL DEFAULT '',
            their_rev INTEGER NOT NULL DEFAULT 0,
            reason TEXT NOT NULL DEFAULT 'both',
            created_at TEXT NOT NULL,
            UNIQUE (kind, key)
        );
        """,
    )


def _m006_parent_customer(conn: sqlite3.Connection) -> None:
    """Key accounts: a customer can be a site of a parent customer (Konzern / Standort).

    ``parent_uuid`` holds the parent's ``uuid`` ("" = none), a plain column so that merges
    and team sync carry it like any other customer attribute. One level: a parent has no
    parent itself (enforced where links are set, see ``domain.key_accounts``).
    """
    run_script(
        conn,
        """
        ALTER TABLE customers ADD COLUMN parent_uuid TEXT NOT NULL DEFAULT '';
        CREATE INDEX customers_parent ON customers(parent_uuid) WHERE parent_uuid != '';
        """,
    )


def _m007_merge_tombstones(conn: sqlite3.Connection) -> None:
    """Deletions travel in ``kpm merge``: every file notes what it deletes (issue 17).

    ``merge_tombstones`` holds the UUID and a content fingerprint of each deleted customer,
    product, note and goal, written by ``BEFORE DELETE`` triggers (``storage.tombstones``,
    re-installed at open if a later migration rebuilds a table). Nothing is back-filled:
    deletions made before this version are not known.
    """
    conn.execute(
        "CREATE TABLE merge_tombstones (kind TEXT NOT NULL, key TEXT NOT NULL, "
        "fingerprint TEXT, deleted_at INTEGER NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID"
    )
    tombstones.install(conn, tombstones.FINGERPRINTS_M007)


def _m008_noted_cells(conn: sqlite3.Connection) -> None:
    """Cells with a note: a partial index holding only those, so that the matrix can mark
    them (a corner marker, like a spreadsheet comment) without scanning every marked cell
    (a full scan of ``marks`` takes ~0.2 s at M and ~1.3 s at L; the index is read in time
    proportional to the number of noted cells). ``note`` is one of its columns so that the
    index covers the query: without it SQLite looks up every noted cell in ``marks`` (1.4 s
    for 80,000 notes at L instead of 0.13 s)."""
    run_script(
        conn,
        """
        CREATE INDEX marks_noted ON marks(customer_id, product_id, note) WHERE note != '';
        """,
    )


def _m009_street_phone_removed_visits(conn: sqlite3.Connection) -> None:
    """Street and phone of a customer, and the visits taken off a trip (issue 18).

    ``street`` and ``phone`` are plain text ("" = unknown) next to ``postcode`` and ``city``
    for the trip pack's day list and the calendar's LOCATION; the street line is what an
    address label or a navigation app takes ("Hafenstraße 12"), the phone number is kept as
    typed or imported. ``trip_removed_visits`` keeps each visit removed from a trip with the
    times and name it had, so that a re-export of the calendar file cancels its event (same
    UID, higher SEQUENCE) instead of leaving it in Outlook or Google Calendar.
    """
    run_script(
        conn,
        """
        ALTER TABLE customers ADD COLUMN street TEXT NOT NULL DEFAULT '';
        ALTER TABLE customers ADD COLUMN phone TEXT NOT NULL DEFAULT '';
        CREATE TABLE trip_removed_visits (
            trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
            customer_uuid TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            start_at TEXT NOT NULL,
            end_at TEXT NOT NULL,
            PRIMARY KEY (trip_id, customer_uuid)
        ) WITHOUT ROWID;
        """,
    )


def _m010_tombstone_street_phone(conn: sqlite3.Connection) -> None:
    """A customer's deletion fingerprint includes street and phone (issue 17).

    Migration 7's trigger fingerprints a deleted customer without the columns migration 9
    added, so a merge would apply a colleague's deletion of a customer whose street or phone
    alone was changed here. The trigger is re-created with them; older tombstones keep their
    fingerprint and can only lead to a conflict, never to a silent deletion.
    """
    tombstones.reinstall_customer_trigger(conn)


def _m011_merge_bases(conn: sqlite3.Connection) -> None:
    """The common base of a file merge for customers, products, groups, competitors, notes
    and goals (issue 17): ``merge_bases`` keeps, per colleague file, the colleague's version
    of each entity as of the last merge (``storage.merge_base``). Empty until the first
    merge; cells find their common state in ``mark_history`` instead."""
    conn.execute(merge_base.CREATE_TABLE)


def _m012_recheck_index(conn: sqlite3.Connection) -> None:
    """Cells with a re-check date: a partial index holding only those, so that the due
    re-checks (insights, the window's cell ages, ``kpm insights``) are found without scanning
    every marked cell (0.46 s at L, where no cell has a date; see bench/README.md). ``mark``
    is one of its columns and the primary key is in every index of ``marks`` (WITHOUT ROWID),
    so the index covers ``Repository.due_rechecks``."""
    run_script(
        conn,
        """
        CREATE INDEX marks_recheck ON marks(recheck_at, mark) WHERE recheck_at IS NOT NULL;
        """,
    )


def _m013_outbox_customer(conn: sqlite3.Connection) -> None:
    """The outbox keeps the customer of a changed note or goal (issue 17): a deleted one is
    gone from the file, so without it nothing said whose it was, the server refused a rep's
    deletion (its access rules check the customer) and territory handling could not tell
    that the customer had something unsent. ``sync_dirty.customer`` is filled for queued
    notes and goals that still exist; the capture triggers of notes, goals and goal products
    are dropped here and come back with the column when the team file is opened
    (``sync_capture.ensure_installed``)."""
    conn.execute("ALTER TABLE sync_dirty ADD COLUMN customer TEXT")
    for kind, table in (("note", "notes"), ("goal", "goals")):
        conn.execute(
            f"UPDATE sync_dirty SET customer = (SELECT c.uuid FROM {table} t JOIN customers c "
            f"ON c.id = t.customer_id WHERE t.uuid = sync_dirty.key) WHERE kind = '{kind}'"
        )
    for table in ("notes", "goals", "goal_products"):
        for event in ("insert", "delete", "update"):
            conn.execute(f"DROP TRIGGER IF EXISTS kpm_sync_{table}_{event}")


def _m014_outbox_owner_kept(conn: sqlite3.Connection) -> None:
    """A deleted customer's notes and goals keep their customer in the outbox (review of
    session 5): they are deleted after the customer's own row (``ON DELETE CASCADE``), when
    the capture triggers could no longer look it up, so the rows lost the customer migration
    13 had given them and the server refused the deletions. The triggers of notes, goals and
    goal products are dropped; ``sync_capture.ensure_installed`` re-creates them, keeping the
    customer the row already names."""
    for table in ("notes", "goals", "goal_products"):
        for event in ("insert", "delete", "update"):
            conn.execute(f"DROP TRIGGER IF EXISTS kpm_sync_{table}_{event}")


def _m015_history_old_reason(conn: sqlite3.Connection) -> None:
    """The cell history keeps the reason a "no need" had when the mark changed (session 5:
    after K → X the history said only that, and the reason was gone from view as soon as it
    was edited or the cell marked again). ``mark_history.old_reason``: the no-need reason of
    the mark that was changed, NULL when it was no K, had none, or was changed before this
    column existed (that reason is not known any more)."""
    conn.execute("ALTER TABLE mark_history ADD COLUMN old_reason TEXT")


MIGRATIONS: tuple[Migration, ...] = (
    _m001_initial,
    _m002_snapshots,
    _m003_compact_marks,
    _m004_trips,
    _m005_team_sync,
    _m006_parent_customer,
    _m007_merge_tombstones,
    _m008_noted_cells,
    _m009_street_phone_removed_visits,
    _m010_tombstone_street_phone,
    _m011_merge_bases,
    _m012_recheck_index,
    _m013_outbox_customer,
    _m014_outbox_owner_kept,
    _m015_history_old_reason,
)

SCHEMA_VERSION = len(MIGRATIONS)
