"""The common base of a file merge for fields that have no history (issue 17).

Cells carry their own history (``mark_history``), so ``team.merge_cells`` finds their
common state there. Customers, products, groups, competitors, notes and goals do not: for
them every file keeps, per colleague, the colleague's version of each entity as of the
last merge with that colleague (``merge_bases``, canonical JSON as ``team.local`` writes
it). The next merge with the same colleague compares field by field against it, as a team
sync does against the server's state (``team.conflicts.three_way``): a field only one side
changed since then is taken from that side, a field both changed is a conflict.

Why the colleague's version and not "the value both agreed on": after a merge the two
files need not agree (a conflict keeps my value until it is settled, and the colleague's
file is not written at all). What the colleague had is what I have seen of their work, so
a field they left as it was is not taken again (my kept or settled value stays) and a field
they changed since is. Settling a conflict therefore needs no new base: keeping mine makes
mine differ from the base (my change), taking theirs makes both equal.

*Which colleague*: every file has an identity (``settings.file_identity``): a random id and
the place (computer and full path, hashed) where it was made. A file opened for writing
somewhere else, such as a copy sent to a colleague, gets a new id there, so two copies of
one file tell their owners apart as soon as each has been opened for writing. Bases are
kept per colleague id; with a file that has no identity (made by an older version and not
opened for writing since), or with my own id, no base is used or recorded and the old rule
stays: every differing field is a conflict, never a silent choice. (One base per entity for
every colleague would be wrong: a colleague who never saw a change would look as if they
had undone it.)
"""

from __future__ import annotations

import sqlite3
import uuid
import zlib
from pathlib import Path

from kpm_desktop.procinfo import hostname
from kpm_desktop.storage.convert import ts_from_db

IDENTITY_KEY = "file_identity"

CREATE_TABLE = (
    "CREATE TABLE IF NOT EXISTS merge_bases (peer TEXT NOT NULL, kind TEXT NOT NULL, "
    "key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (peer, kind, key)) WITHOUT ROWID"
)

BaseRow = tuple[str, str, str, str]  # peer, kind, key, canonical JSON


def _place(path: Path) -> str:
    try:
        where = str(path.resolve())
    except OSError:
        where = str(path)
    # Two checksums, not a cryptographic hash: the place only has to tell computers and
    # folders apart without writing the path into the file (hashlib is not loaded before
    # the first frame, see gui/entry.HEAVY_MODULES).
    data = f"{hostname()}\0{where}".encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _stored(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (IDENTITY_KEY,)).fetchone()
    except sqlite3.OperationalError:
        return None
    return None if row is None else str(row[0])


def ensure_identity(conn: sqlite3.Connection, path: Path) -> None:
    """At a writing open: give the file an id, or a new one when it was made elsewhere."""
    place = _place(path)
    value = _stored(conn)
    if value is not None and value.partition(":")[2] == place:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            (IDENTITY_KEY, f"{uuid.uuid4()}:{place}"),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def identity(conn: sqlite3.Connection, schema: str = "main") -> str | None:
    """The file's id (None when it has none yet)."""
    try:
        row = conn.execute(
            f"SELECT value FROM {schema}.settings WHERE key = ?", (IDENTITY_KEY,)
        ).fetchone()
    except sqlite3.OperationalError:
        return None
    return None if row is None else str(row[0]).partition(":")[0] or None


def load(conn: sqlite3.Connection, peer: str) -> dict[tuple[str, str], str]:
    """(kind, key) -> the colleague's canonical JSON as of the last merge with ``peer``."""
    try:
        rows = conn.execute(
            "SELECT kind, key, value FROM merge_bases WHERE peer = ?", (peer,)
        ).fetchall()
    except sqlite3.OperationalError:  # a file before merge bases (read-only, older format)
        return {}
    return {(kind, key): value for kind, key, value in rows}


def replace(
    conn: sqlite3.Connection, peer: str, values: list[tuple[str, str, str]]
) -> list[BaseRow]:
    """Make ``values`` (kind, key, JSON) the bases for ``peer`` (inside the caller's
    transaction); returns the rows they replace, for ``restore``."""
    old: list[BaseRow] = conn.execute(
        "SELECT peer, kind, key, value FROM merge_bases WHERE peer = ?", (peer,)
    ).fetchall()
    conn.execute("DELETE FROM merge_bases WHERE peer = ?", (peer,))
    conn.executemany(
        "INSERT INTO merge_bases (peer, kind, key, value) VALUES (?, ?, ?, ?)",
        [(peer, kind, key, value) for kind, key, value in values],
    )
    return old


def restore(conn: sqlite3.Connection, peer: str, old: list[BaseRow]) -> None:
    """Put back what ``replace`` replaced (inside the caller's transaction)."""
    conn.execute("DELETE FROM merge_bases WHERE peer = ?", (peer,))
    conn.executemany("INSERT INTO merge_bases VALUES (?, ?, ?, ?)", old)


_STAMPED = {"customer": "customers", "product": "products", "note": "notes", "goal": "goals"}


def stamps(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    """(kind, uuid) -> last change (Unix seconds) of every customer, product, note and goal."""
    out: dict[tuple[str, str], int] = {}
    for kind, table in _STAMPED.items():
        for key, at in conn.execute(f"SELECT uuid, updated_at FROM {table}"):
            when = ts_from_db(at) if at else None
            if key and when is not None:
                out[(kind, key)] = int(when.timestamp())
    return out


def raw_stamps(
    conn: sqlite3.Connection, items: list[tuple[str, str]]
) -> list[tuple[str, str, str]]:
    """(kind, uuid, updated_at as stored) of the given customers, products, notes, goals."""
    out = []
    for kind, key in items:
        table = _STAMPED.get(kind)
        if table is None:
            continue
        row = conn.execute(f"SELECT updated_at FROM {table} WHERE uuid = ?", (key,)).fetchone()
        if row is not None:
            out.append((kind, key, row[0]))
    return out


def restore_stamps(conn: sqlite3.Connection, stamps: list[tuple[str, str, str]]) -> None:
    """Put back what ``raw_stamps`` read (undo; inside the caller's transaction)."""
    for kind, key, at in stamps:
        conn.execute(f"UPDATE {_STAMPED[kind]} SET updated_at = ? WHERE uuid = ?", (at, key))
