"""History queries, named snapshots and the compact cell-detail load used by insights.

Kept apart from ``repository.py`` so that several people can extend storage at once; every
function takes the open :class:`Repository`. Snapshots are labels on a point in the
append-only ``mark_history`` (migration 2): taking one writes one small row, never a copy of
the grid.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from kpm_desktop.domain.history_diff import HistoryRow
from kpm_desktop.domain.insights import CellDetails
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.storage.convert import epoch_to_db, not_null, ts_from_db, ts_to_db, utc_now
from kpm_desktop.storage.errors import StorageError
from kpm_desktop.storage.messages import msg
from kpm_desktop.storage.repository import Repository


class SnapshotNotFoundError(StorageError):
    """A snapshot id or label that the file does not contain."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A named point in the file's history.

    Attributes:
        history_id: highest ``mark_history.id`` when the snapshot was taken; the state of
            the snapshot is "all history up to and including this id".
        totals: mark counts at that moment (``white``, ``ours``, ... as in ``MarkCounts``).
    """

    label: str
    created_at: datetime
    history_id: int
    totals: dict[str, int] = field(default_factory=dict)
    id: int | None = None


def _snapshot(r: Sequence[Any]) -> Snapshot:
    return Snapshot(
        id=r[0],
        label=r[1],
        created_at=not_null(ts_from_db(r[2]), "snapshots.created_at"),
        history_id=r[3],
        totals=json.loads(r[4]),
    )


_SNAPSHOT_COLS = "id, label, created_at, history_id, totals"


def max_history_id(repo: Repository) -> int:
    """The newest history id (0 for a file without history)."""
    return int(repo.conn.execute("SELECT coalesce(max(id), 0) FROM mark_history").fetchone()[0])


def create_snapshot(
    repo: Repository, label: str, *, at: datetime | None = None, matrix: Matrix | None = None
) -> Snapshot:
    """Label the current point in history (one transaction).

    ``matrix`` (the loaded matrix, if at hand) saves loading the grid for the totals.
    """
    label = " ".join(label.split())
    if not label:
        raise ValueError("a snapshot needs a label")
    matrix = matrix if matrix is not None else repo.load_matrix()
    t = matrix.totals()
    totals = {
        "white": t.white,
        "ours": t.ours,
        "competitor": t.competitor,
        "need": t.need,
        "no_need": t.no_need,
    }
    stamp = ts_to_db(at or utc_now())
    with repo.transaction() as conn:
        hid = conn.execute("SELECT coalesce(max(id), 0) FROM mark_history").fetchone()[0]
        cur = conn.execute(
            "INSERT INTO snapshots (label, created_at, history_id, totals) VALUES (?, ?, ?, ?)",
            (label, stamp, hid, json.dumps(totals)),
        )
    return Snapshot(
        id=cur.lastrowid,
        label=label,
        created_at=not_null(ts_from_db(stamp), "snapshots.created_at"),
        history_id=hid,
        totals=totals,
    )


def list_snapshots(repo: Repository) -> list[Snapshot]:
    """All snapshots, oldest first."""
    rows = repo.conn.execute(f"SELECT {_SNAPSHOT_COLS} FROM snapshots ORDER BY history_id, id")
    return [_snapshot(r) for r in rows]


def get_snapshot(repo: Repository, ref: int | str) -> Snapshot:
    """A snapshot by id or by label (the newest with that label).

    Raises:
        SnapshotNotFoundError: no such snapshot.
    """
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        row = repo.conn.execute(
            f"SELECT {_SNAPSHOT_COLS} FROM snapshots WHERE id = ?", (int(ref),)
        ).fetchone()
        if row is not None:
            return _snapshot(row)
    if isinstance(ref, str):
        row = repo.conn.execute(
            f"SELECT {_SNAPSHOT_COLS} FROM snapshots WHERE label = ? ORDER BY id DESC LIMIT 1",
            (" ".join(ref.split()),),
        ).fetchone()
        if row is not None:
            return _snapshot(row)
    raise SnapshotNotFoundError(msg("snapshot_missing", ref=repr(ref), file=repo.path.name))


def rename_snapshot(repo: Repository, snapshot_id: int, label: str) -> str:
    """Change a label; returns the old one (for undo)."""
    old = get_snapshot(repo, snapshot_id)
    label = " ".join(label.split())
    if not label:
        raise ValueError("a snapshot needs a label")
    with repo.transaction() as conn:
        conn.execute("UPDATE snapshots SET label = ? WHERE id = ?", (label, snapshot_id))
    return old.label


def delete_snapshot(repo: Repository, snapshot_id: int) -> Snapshot:
    """Delete a snapshot (the history itself is untouched); returns it for undo."""
    old = get_snapshot(repo, snapshot_id)
    with repo.transaction() as conn:
        conn.execute("DELETE FROM snapshots WHERE id = ?", (snapshot_id,))
    return old


def restore_snapshot(repo: Repository, snap: Snapshot) -> None:
    """Put a deleted snapshot back with its id."""
    with repo.transaction() as conn:
        conn.execute(
            "INSERT INTO snapshots (id, label, created_at, history_id, totals) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                snap.id,
                snap.label,
                ts_to_db(snap.created_at),
                snap.history_id,
                json.dumps(snap.totals),
            ),
        )


# -- history rows ------------------------------------------------------------------------------
_HISTORY_SQL = (
    "SELECT id, customer_id, product_id, coalesce(old_mark, 0), coalesce(new_mark, 0) "
    "FROM mark_history"
)


def history_rows_between_ids(
    repo: Repository, after_id: int, upto_id: int | None = None
) -> list[HistoryRow]:
    """History rows with ``after_id < id <= upto_id`` (to the newest when None), in id order."""
    params: tuple[int, ...]
    if upto_id is None:
        sql, params = _HISTORY_SQL + " WHERE id > ? ORDER BY id", (after_id,)
    else:
        sql, params = _HISTORY_SQL + " WHERE id > ? AND id <= ? ORDER BY id", (after_id, upto_id)
    return repo.conn.execute(sql, params).fetchall()


def history_rows_between_times(
    repo: Repository, since: datetime, until: datetime | None = None
) -> list[HistoryRow]:
    """History rows with ``since <= changed_at < until`` in the order they were written.

    The state *at* a moment is the result of every edit before it, so the rows of the
    half-open period turn the state at ``since`` into the state at ``until`` (to now when
    None); periods that meet do not overlap.
    """
    if until is not None and until < since:
        raise ValueError("the end of the period lies before its start")
    where = "changed_at >= ?"
    params: list[int] = [epoch_to_db(since)]
    if until is not None:
        where += " AND changed_at < ?"
        params.append(epoch_to_db(until))
    return repo.conn.execute(f"{_HISTORY_SQL} WHERE {where} ORDER BY id", params).fetchall()


_KEYED_SQL = (
    "SELECT (customer_id << 32) | product_id, coalesce(old_mark, 0), coalesce(new_mark, 0) "
    "FROM mark_history"
)


def keyed_history_between_ids(
    repo: Repository, after_id: int, upto_id: int | None = None
) -> list[tuple[int, int, int]]:
    """Like ``history_rows_between_ids`` but as ``(cell_key, old, new)`` for ``diff_keyed``
    (the key is computed by SQLite; about twice as fast to fetch and diff)."""
    if upto_id is None:
        return repo.conn.execute(_KEYED_SQL + " WHERE id > ? ORDER BY id", (after_id,)).fetchall()
    return repo.conn.execute(
        _KEYED_SQL + " WHERE id > ? AND id <= ? ORDER BY id", (after_id, upto_id)
    ).fetchall()


def keyed_history_between_times(
    repo: Repository,
    since: datetime,
    until: datetime | None = None,
    *,
    upto_id: int | None = None,
) -> list[tuple[int, int, int]]:
    """Like ``history_rows_between_times`` (half-open ``[since, until)``), keyed; ``upto_id``
    additionally ends the period at a snapshot's point in history."""
    if until is not None and until < since:
        raise ValueError("the end of the period lies before its start")
    where = "changed_at >= ?"
    params: list[object] = [epoch_to_db(since)]
    if until is not None:
        where += " AND changed_at < ?"
        params.append(epoch_to_db(until))
    if upto_id is not None:
        where += " AND id <= ?"
        params.append(upto_id)
    return repo.conn.execute(f"{_KEYED_SQL} WHERE {where} ORDER BY id", params).fetchall()


def history_id_at(repo: Repository, moment: datetime) -> int:
    """The highest history id written at or before ``moment`` (0 if none)."""
    row = repo.conn.execute(
        "SELECT coalesce(max(id), 0) FROM mark_history WHERE changed_at <= ?",
        (epoch_to_db(moment),),
    ).fetchone()
    return int(row[0])


# -- compact cell details ----------------------------------------------------------------------
_DETAIL_WHERE = (
    "our_revenue IS NOT NULL OR potential IS NOT NULL "
    "OR competitor_id IS NOT NULL OR contract_end IS NOT NULL"
)  # matches the partial index ``marks_details`` (migration 2) exactly, so SQLite uses it
_DETAIL_SQL = (
    "SELECT customer_id, product_id, mark, coalesce(competitor_id, 0), our_revenue, potential, "
    # julianday - 1721424.5 is the proleptic Gregorian ordinal (date.toordinal())
    "coalesce(CAST(julianday(contract_end) - 1721424.5 AS INTEGER), 0) "
    f"FROM marks WHERE {_DETAIL_WHERE} ORDER BY customer_id, product_id"
)  # the partial index is in this order already: no sort step


def load_cell_details(repo: Repository, matrix: Matrix) -> CellDetails:
    """Amounts, competitors and contract ends of the cells that carry any, as flat arrays.

    Only the cells with such details are read (through a covering partial index), and they
    become a handful of ``array`` columns rather than one Python object per cell: the rows
    are transposed in C (``zip(*rows)``) and converted column by column. Cells of customers
    or products not in ``matrix`` are skipped.
    """
    return _details_from_rows(repo.conn.execute(_DETAIL_SQL).fetchall(), matrix)


def load_cell_details_in_worker(path: Path, matrix: Matrix) -> CellDetails:
    """The same through a private read-only connection, for a worker thread.

    The file is open (and was checked) on the main thread already, so this connection does no
    integrity check; in WAL mode it reads the last committed state without blocking writes.
    """
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA busy_timeout = 3000")
        return _details_from_rows(conn.execute(_DETAIL_SQL).fetchall(), matrix)
    finally:
        conn.close()


def _details_from_rows(data: list[tuple[Any, ...]], matrix: Matrix) -> CellDetails:
    if not data:
        return CellDetails.empty(matrix.n_cols)
    cids, pids, marks, comps, revs, pots, ends = zip(*data, strict=True)
    rows: Sequence[Any] = list(map(matrix.row_of.get, cids))
    cols: Sequence[Any] = list(map(matrix.col_of.get, pids))
    if None in rows or None in cols:
        keep = [
            k
            for k, (r, c) in enumerate(zip(rows, cols, strict=True))
            if r is not None and c is not None
        ]

        def pick(seq: Sequence[Any]) -> tuple[Any, ...]:
            return tuple([seq[k] for k in keep])

        rows, cols, marks, comps, revs, pots, ends = map(
            pick, (rows, cols, marks, comps, revs, pots, ends)
        )
    nan = float("nan")
    return CellDetails(
        rows=array("i", rows),
        cols=array("i", cols),
        marks=bytearray(marks),
        competitor=array("i", comps),
        revenue=array("d", [nan if v is None else v for v in revs]),
        potential=array("d", [nan if v is None else v for v in pots]),
        contract_end=array("i", ends),
        n_cols=matrix.n_cols,
        # customers load in id order, so rows ascend with customer_id
        sorted_rows=all(a <= b for a, b in pairwise(rows)),
    )
