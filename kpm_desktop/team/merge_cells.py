"""The cells of a file merge: compared in SQL, settled by their history (issue 17).

**Comparing.** The colleague's file is attached to my connection read-only and the two
``marks`` tables are joined by customer and product UUID in one query that returns only
the cells that differ (a cell marked on one side only included); no Python object per
cell. Cells of customers or products that only the colleague has come along when the merge
adds that customer or product.

**The common state of a cell.** Both files carry the cell history (``mark_history``: cell,
old mark, new mark, time in Unix seconds). Two copies of one file share their history up
to the moment they were copied; a history entry is identified across files by its cell
(customer and product UUID), its time and its old and new mark (the row id and the source
may differ). The history is never pruned; migration 3's compaction turned the text times
into seconds by one fixed formula, so two copies migrated apart still hold the same
entries. Where entries are missing (history never written, or lost) rule 4 applies, and
where even that finds nothing the old rule (a conflict). For a cell whose values differ:

1. The *shared entry* is the newest entry (by time) that both histories hold. The state
   right after it is the cell's last common state: its mark is the entry's new mark, and
   the row's last-edit stamp (``coalesce(updated_at, verified_at)``) was not later than the
   entry's time (a mark edit stamps the row and the entry alike; a file built without
   history may carry older stamps).
2. A side is *still at the common state* when its mark is that mark and its row's stamp is
   not later than the entry's time (or than the horizon, 4.), or the cell is white there.
   An edit after the copy, of the mark or only of a detail (competitor, amounts, dates,
   reason, note), stamps the row anew; an undo puts the old row back with its old stamp,
   so a side that changed a cell and took it back counts as unchanged. A confirmation
   (*still true*) moves only ``verified_at``.
3. Only the colleague moved: their cell is taken exactly as their row is (stamps and source
   included) and their history entries that I lack are copied into mine, so that both
   histories share the new state at the next merge. Only I moved: mine stays. Both moved
   (or both look unchanged, which cannot happen unless clocks disagree): a conflict that
   keeps mine until it is settled, as before.
4. No shared entry (no history for the cell: a generated, cloned or bulk-loaded file): a
   side without any entry for the cell is still at the common state when the cell is white
   there, or when its stamp is not later than the *horizon*: the newest stamp among the
   cells both files hold identically at the first merge with this colleague (states from
   before the copy; kept in the merge bases, because every merge makes the colleague's
   newer cells identical here). This compares the clocks of two computers: a colleague's
   clock far behind could make their detail-only edit look old, and an edit in the very
   second the file was copied looks unchanged. Without a colleague id
   (``storage.merge_base``) there is no horizon.
5. The moved side's own history must start from the other side's mark (a chain that does
   not connect is a conflict), and a mark changed without any history is a conflict unless
   the other side never had the cell.
6. The colleague's row of every cell that keeps mine (mine moved, or a conflict) is kept as
   that cell's merge base; at the next merge with the same colleague such a cell whose row
   there is still the same keeps mine without a second look, so a conflict settled (or
   still open) is not listed again until the colleague changes the cell once more.

Where none of this finds a common state the old rule stays: a conflict. A merge may list a
conflict too many, it never overwrites an edit made since the copy on the other side
silently (within the clock caveat of 4.). History copied from the colleague and the rows
written are taken back exactly by undo (``team.merge.revert_merge``).

Values are compared without ``verified_at``: where only that differs, the later
confirmation is kept (the row's stamp stays, so the cell does not count as edited).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kpm_desktop.domain.entities import CellRecord
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.convert import date_from_db, epoch_from_db, source_from_db
from kpm_desktop.storage.file_format import wal_side_files
from kpm_desktop.storage.repository import Repository

# A cell row as both files store it, the competitor by UUID: mark, competitor uuid,
# our_revenue, potential, contract_end, no_need_reason, recheck_at, note, verified_at,
# updated_at, source. None: a white spot.
Raw = tuple[Any, ...]
Entry = tuple[int, int | None, int | None]  # changed_at, old mark, new mark
# ... the source as stored and the no-need reason the change replaced (migration 15)
HistRow = tuple[int, int | None, int | None, Any, str | None]

_VALUE = 8  # raw[:8] is the value; 8 verified_at, 9 updated_at, 10 source
_COLS = (
    "{a}.mark, {k}.uuid, {a}.our_revenue, {a}.potential, {a}.contract_end, "
    "{a}.no_need_reason, {a}.recheck_at, {a}.note, {a}.verified_at, {a}.updated_at, {a}.source"
)
# the value columns compared as stored (the competitor by id: _COMPETITOR_DIFFERS)
_COMPARED = (
    "mark",
    "our_revenue",
    "potential",
    "contract_end",
    "no_need_reason",
    "recheck_at",
    "note",
    "verified_at",
)
_DIFFER = " OR ".join(f"m.{c} IS NOT x.{c}" for c in _COMPARED)
_SAME = " AND ".join(f"m.{c} IS x.{c}" for c in _COMPARED)


def _stamp(raw: Raw) -> int | None:
    return raw[9] if raw[9] is not None else raw[8]


def _mark(raw: Raw | None) -> int | None:
    return None if raw is None else int(raw[0])


def same_value(a: Raw | None, b: Raw | None) -> bool:
    if a is None or b is None:
        return a is b
    return a[:_VALUE] == b[:_VALUE]


def cell_json(raw: Raw | None) -> dict | None:
    """The cell as ``team.local.LocalStore`` shows it (conflict lists, the undo snapshot)."""
    if raw is None:
        return None
    contract, recheck = date_from_db(raw[4]), date_from_db(raw[6])
    verified = epoch_from_db(raw[8])
    return {
        "mark": int(raw[0]),
        "competitor": raw[1],
        "our_revenue": raw[2],
        "potential": raw[3],
        "contract_end": contract.isoformat() if contract else None,
        "no_need_reason": raw[5],
        "recheck_at": recheck.isoformat() if recheck else None,
        "note": raw[7],
        "verified_at": verified.strftime("%Y-%m-%dT%H:%M:%SZ") if verified else None,
    }


def _at_common_state(
    raw: Raw | None,
    history: Sequence[Entry],
    shared: Entry | None,
    horizon: Callable[[], int | None],
) -> bool:
    if shared is not None:
        if _mark(raw) != shared[2]:
            return False
    elif history:
        return False
    if raw is None:
        return True
    stamp = _stamp(raw)
    if stamp is None:
        return False
    if shared is not None and stamp <= shared[0]:
        return True
    limit = horizon()
    return limit is not None and stamp <= limit


def decide(
    mine: Raw | None,
    theirs: Raw | None,
    my_history: Sequence[Entry],
    their_history: Sequence[Entry],
    horizon: Callable[[], int | None] = lambda: None,
) -> str:
    """'mine', 'theirs' or 'conflict' for a cell whose values differ (see the module)."""
    mine_set = set(my_history)
    shared = [e for e in their_history if e in mine_set]
    last = max(shared, key=lambda e: e[0]) if shared else None
    mine_still = _at_common_state(mine, my_history, last, horizon)
    theirs_still = _at_common_state(theirs, their_history, last, horizon)
    if mine_still == theirs_still:
        return "conflict"
    moved, still = (theirs, mine) if mine_still else (mine, theirs)
    moved_history = their_history if mine_still else my_history
    other = set(my_history if mine_still else their_history)
    own = [e for e in moved_history if e not in other]
    if own and own[0][1] != _mark(still):
        return "conflict"  # the moved side's changes do not start where the other side is
    if not own and still is not None and _mark(moved) != _mark(still):
        return "conflict"  # a mark changed without history: no way to tell who
    return "theirs" if mine_still else "mine"


@dataclass(slots=True)
class CellTake:
    """One cell the merge writes: ``value`` (None: clear it) and the colleague's history
    entries to copy; ``before`` is my row as planned (undo, staleness)."""

    key: str
    value: Raw | None
    before: Raw | None
    history: list[HistRow] = field(default_factory=list)


@dataclass(slots=True)
class CellResult:
    takes: list[CellTake] = field(default_factory=list)
    conflicts: list[tuple[str, dict | None, dict | None]] = field(default_factory=list)
    # the colleague's row of each cell that keeps mine (kept or in conflict): its base
    seen: list[tuple[str, str]] = field(default_factory=list)


def raw_json(raw: Raw | None) -> str:
    return json.dumps(None if raw is None else list(raw))


def attach(conn: sqlite3.Connection, path: Path) -> None:
    """Attach the colleague's file as ``theirs``, read-only (and immutable when no writer
    has it open, so that no -wal/-shm appears beside it)."""
    uri = path.resolve().as_uri() + "?mode=ro"
    if not wal_side_files(path):
        uri += "&immutable=1"
    conn.execute("ATTACH DATABASE ? AS theirs", (uri,))
    # Their ids -> mine for the customers, products and competitors both files have (by
    # UUID): the joins over every cell then follow integer keys, not UUID text (2-3x faster
    # at L than looking up both UUIDs per cell).
    try:
        for name, table in _MAPS:
            conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
            conn.execute(f"CREATE TEMP TABLE {name} (t INTEGER PRIMARY KEY, m INTEGER NOT NULL)")
            conn.execute(
                f"INSERT INTO temp.{name} SELECT x.id, y.id FROM theirs.{table} x "
                f"JOIN main.{table} y ON y.uuid = x.uuid"
            )
        conn.execute("CREATE INDEX temp.merge_cmap_m ON merge_cmap(m)")
        conn.execute("CREATE INDEX temp.merge_pmap_m ON merge_pmap(m)")
    except BaseException:
        detach(conn)
        raise


def detach(conn: sqlite3.Connection) -> None:
    for name, _table in _MAPS:
        conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
    conn.execute("DETACH DATABASE theirs")


_MAPS = (
    ("merge_cmap", "customers"),
    ("merge_pmap", "products"),
    ("merge_kmap", "competitors"),
)
# their competitor differs from mine (one they have that I lack never equals mine)
_COMPETITOR_DIFFERS = (
    "(CASE WHEN x.competitor_id IS NULL THEN m.competitor_id IS NOT NULL "
    "ELSE m.competitor_id IS NOT coalesce("
    "(SELECT k.m FROM temp.merge_kmap k WHERE k.t = x.competitor_id), -1) END)"
)
_BOTH = (
    "FROM theirs.marks x "
    "JOIN temp.merge_cmap cm ON cm.t = x.customer_id "
    "JOIN temp.merge_pmap pm ON pm.t = x.product_id "
)


def _history(
    conn: sqlite3.Connection, schema: str, ids: Iterable[tuple[int, int]]
) -> dict[tuple[int, int], list[HistRow]]:
    """History entries of the given cells (customer id, product id), in id order."""
    wanted: dict[int, set[int]] = defaultdict(set)
    for cid, pid in ids:
        wanted[cid].add(pid)
    out: dict[tuple[int, int], list[HistRow]] = defaultdict(list)
    for cid, pids in wanted.items():
        for pid, at, old, new, source, reason in conn.execute(
            "SELECT product_id, changed_at, old_mark, new_mark, source, old_reason "
            f"FROM {schema}.mark_history WHERE customer_id = ? ORDER BY id",
            (cid,),
        ):
            if pid in pids:
                out[(cid, pid)].append((at, old, new, source, reason))
    return out


def _entries(rows: Sequence[HistRow]) -> list[Entry]:
    return [(r[0], r[1], r[2]) for r in rows]


def horizon(conn: sqlite3.Connection) -> int | None:
    """The newest stamp among cells both files hold identically (``theirs`` attached)."""
    row = conn.execute(
        "SELECT max(coalesce(x.updated_at, x.verified_at)) "
        + _BOTH
        + "JOIN main.marks m ON m.customer_id = cm.m AND m.product_id = pm.m "
        f"WHERE {_SAME} AND coalesce(m.updated_at, m.verified_at) IS "
        f"coalesce(x.updated_at, x.verified_at) AND NOT {_COMPETITOR_DIFFERS}"
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


Differing = tuple[str, tuple[int, int], tuple[int, int], Raw | None, Raw | None]

_KEY = (
    "(SELECT uuid FROM main.customers WHERE id = cm.m) || '/' || "
    "(SELECT uuid FROM main.products WHERE id = pm.m)"
)


def _raw_cols(alias: str, schema: str) -> str:
    """A row's columns with the competitor as its UUID (looked up for output rows only)."""
    return _COLS.format(a=alias, k="k").replace(
        "k.uuid", f"(SELECT uuid FROM {schema}.competitors WHERE id = {alias}.competitor_id)"
    )


def _differing(conn: sqlite3.Connection) -> list[Differing]:
    """Cells of customers and products both files have whose values differ: (key, my ids,
    their ids, my row, their row)."""
    mine_cols, their_cols = _raw_cols("m", "main"), _raw_cols("x", "theirs")
    rows = conn.execute(
        f"SELECT {_KEY}, cm.m, pm.m, x.customer_id, x.product_id, "
        f"m.customer_id IS NOT NULL, {mine_cols}, {their_cols} "
        + _BOTH
        + "LEFT JOIN main.marks m ON m.customer_id = cm.m AND m.product_id = pm.m "
        f"WHERE m.customer_id IS NULL OR {_DIFFER} OR {_COMPETITOR_DIFFERS}"
    ).fetchall()
    only_mine = conn.execute(
        f"SELECT {_KEY}, cm.m, pm.m, cm.t, pm.t, 1, {mine_cols} "
        "FROM main.marks m "
        "JOIN temp.merge_cmap cm ON cm.m = m.customer_id "
        "JOIN temp.merge_pmap pm ON pm.m = m.product_id "
        "WHERE NOT EXISTS (SELECT 1 FROM theirs.marks x "
        "WHERE x.customer_id = cm.t AND x.product_id = pm.t)"
    ).fetchall()
    out: list[Differing] = []
    for r in rows:
        mine = tuple(r[6:17]) if r[5] else None
        out.append((r[0], (r[1], r[2]), (r[3], r[4]), mine, tuple(r[17:28])))
    for r in only_mine:
        out.append((r[0], (r[1], r[2]), (r[3], r[4]), tuple(r[6:17]), None))
    return out


def compare(
    conn: sqlite3.Connection,
    get_horizon: Callable[[], int | None],
    seen: dict[str, str] | None = None,
) -> CellResult:
    """The cells both files could have, settled by their history (``theirs`` attached);
    ``get_horizon`` gives the horizon when a cell needs it; ``seen``: the colleague's rows
    of the cells that kept mine at the last merge with them (``raw_json``)."""
    seen = seen or {}
    result = CellResult()
    differing = _differing(conn)
    if not differing:
        return result
    mine_hist = _history(conn, "main", (d[1] for d in differing))
    their_hist = _history(conn, "theirs", (d[2] for d in differing))

    for key, my_ids, their_ids, mine, theirs in differing:
        if same_value(mine, theirs):  # only the confirmation differs: the later one
            assert mine is not None and theirs is not None
            if (theirs[8] or 0) > (mine[8] or 0):
                stamp = _stamp(mine)
                value = (*mine[:8], theirs[8], stamp, mine[10])
                result.takes.append(CellTake(key, value, mine))
            continue
        their_text = raw_json(theirs)
        if seen.get(key) == their_text:  # unchanged there since the last merge: mine stays
            result.seen.append((key, their_text))
            continue
        my_rows, their_rows = mine_hist.get(my_ids, []), their_hist.get(their_ids, [])
        mine_e, theirs_e = _entries(my_rows), _entries(their_rows)
        verdict = decide(mine, theirs, mine_e, theirs_e, get_horizon)
        if verdict == "theirs":
            have = set(mine_e)
            copy = [r for r in their_rows if (r[0], r[1], r[2]) not in have]
            result.takes.append(CellTake(key, theirs, mine, copy))
        else:
            result.seen.append((key, their_text))
            if verdict == "conflict":
                result.conflicts.append((key, cell_json(mine), cell_json(theirs)))
    return result


def new_cells(
    conn: sqlite3.Connection, customers: set[str], products: set[str], absent: set[str]
) -> list[CellTake]:
    """The colleague's cells of customers or products the merge adds (``theirs`` attached),
    with their whole history; cells whose other half I do not have (or deleted) stay out."""
    if not customers and not products:
        return []
    takes = []
    their_cols = _COLS.format(a="x", k="xk")
    mine_c = {u for (u,) in conn.execute("SELECT uuid FROM main.customers")}
    mine_p = {u for (u,) in conn.execute("SELECT uuid FROM main.products")}
    select = (
        f"SELECT tc.uuid, tp.uuid, x.customer_id, x.product_id, {their_cols} "
        "FROM theirs.marks x JOIN theirs.customers tc ON tc.id = x.customer_id "
        "JOIN theirs.products tp ON tp.id = x.product_id "
        "LEFT JOIN theirs.competitors xk ON xk.id = x.competitor_id "
    )
    rows: dict[tuple[str, str], Any] = {}
    # by customer through the primary key; by product (a new product: rare) as a scan
    for column, table, keys in (
        ("customer_id", "customers", customers),
        ("product_id", "products", products),
    ):
        if keys:
            for r in conn.execute(
                select + f"WHERE x.{column} IN (SELECT id FROM theirs.{table} "
                "WHERE uuid IN (SELECT value FROM json_each(?)))",
                (json.dumps(sorted(keys)),),
            ):
                rows[(r[0], r[1])] = r
    found = []
    for r in rows.values():
        cu, pu = r[0], r[1]
        if cu not in customers and pu not in products:
            continue
        if cu in absent or pu in absent:
            continue
        if not (cu in customers or cu in mine_c) or not (pu in products or pu in mine_p):
            continue
        found.append(r)
    history = _history(conn, "theirs", ((r[2], r[3]) for r in found))
    for r in found:
        takes.append(
            CellTake(f"{r[0]}/{r[1]}", tuple(r[4:15]), None, history.get((r[2], r[3]), []))
        )
    return takes


# -- writing -----------------------------------------------------------------------------------
def _record(raw: Raw, competitors: dict[str, int]) -> CellRecord:
    verified = epoch_from_db(raw[8])
    updated = epoch_from_db(raw[9]) if raw[9] is not None else verified
    return CellRecord(
        mark=Mark(int(raw[0])),
        competitor_id=competitors.get(raw[1]) if raw[1] else None,
        our_revenue=raw[2],
        potential=raw[3],
        contract_end=date_from_db(raw[4]),
        no_need_reason=raw[5] or "",
        recheck_at=date_from_db(raw[6]),
        note=raw[7] or "",
        verified_at=verified,
        updated_at=updated,
        source=source_from_db(raw[10]),
    )


def _ids(conn: sqlite3.Connection, table: str) -> dict[str, int]:
    return {u: i for i, u in conn.execute(f"SELECT id, uuid FROM {table}") if u}


def write(repo: Repository, cells: list[tuple[str, Raw | None]]) -> None:
    """Make the cells (key, row) exactly so, without history (inside a transaction)."""
    if not cells:
        return
    conn = repo.conn
    customers, products = _ids(conn, "customers"), _ids(conn, "products")
    competitors = _ids(conn, "competitors")
    changes: list[tuple[int, int, CellRecord | None]] = []
    for key, raw in cells:
        cu, _, pu = key.partition("/")
        cid, pid = customers.get(cu), products.get(pu)
        if cid is None or pid is None:
            continue
        changes.append((cid, pid, None if raw is None else _record(raw, competitors)))
    if changes:
        repo.write_cells(changes, source="merge", record_history=False)


def copy_history(repo: Repository, takes: list[CellTake]) -> tuple[int, int]:
    """Append the colleague's entries of the taken cells to my history (inside a
    transaction); returns the id range written, (after, upto], for undo."""
    conn = repo.conn
    before = int(conn.execute("SELECT coalesce(max(id), 0) FROM mark_history").fetchone()[0])
    customers, products = _ids(conn, "customers"), _ids(conn, "products")
    rows = []
    for take in takes:
        cu, _, pu = take.key.partition("/")
        cid, pid = customers.get(cu), products.get(pu)
        if cid is None or pid is None:
            continue
        rows += [
            (cid, pid, old, new, at, source, reason)
            for at, old, new, source, reason in take.history
        ]
    if rows:
        conn.executemany(
            "INSERT INTO mark_history (customer_id, product_id, old_mark, new_mark, "
            "changed_at, source, old_reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    after = int(conn.execute("SELECT coalesce(max(id), 0) FROM mark_history").fetchone()[0])
    return before, after


def drop_history(repo: Repository, written: tuple[int, int]) -> None:
    lo, hi = written
    if hi > lo:
        repo.conn.execute("DELETE FROM mark_history WHERE id > ? AND id <= ?", (lo, hi))


def current(repo: Repository, keys: Iterable[str]) -> dict[str, Raw | None]:
    """My rows of the given cells now (staleness check)."""
    out: dict[str, Raw | None] = {}
    sql = (
        f"SELECT {_COLS.format(a='m', k='mk')} FROM marks m "
        "JOIN customers c ON c.id = m.customer_id JOIN products p ON p.id = m.product_id "
        "LEFT JOIN competitors mk ON mk.id = m.competitor_id WHERE c.uuid = ? AND p.uuid = ?"
    )
    for key in keys:
        cu, _, pu = key.partition("/")
        row = repo.conn.execute(sql, (cu, pu)).fetchone()
        out[key] = None if row is None else tuple(row)
    return out
