"""The local side of a team file: its sync state keys and writing the team's versions.

``sync_state`` holds the server address, the user, this copy's client id, the last revision
pulled, the last sync time, the role and the territory at the last sync. ``apply_remote``
writes entity versions that came from elsewhere (the server, a conflict settled, a merged
file) into the local file, parents first, cells in batches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime

from kpm_desktop.storage import sync_capture
from kpm_desktop.team.local import KIND_ORDER, LocalStore

URL_KEY = sync_capture.TEAM_URL_KEY
USER_KEY = "team_user"
CLIENT_KEY = "client_id"
REV_KEY = "last_rev"
SYNC_KEY = "last_sync"
ROLE_KEY = "team_role"
TERRITORY_KEY = "team_territory"  # {"regions": [...], "owners": [...]} at the last sync

Progress = Callable[[str], None]


def set_state(conn, values: dict[str, str]) -> None:
    conn.executemany(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        list(values.items()),
    )


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def apply_remote(store: LocalStore, rows: list[tuple[str, str, dict | None, str]]) -> None:
    """Write (kind, key, value, author) rows locally, parents first, cells in batches."""
    rows = sorted(rows, key=lambda r: KIND_ORDER[r[0]])
    cells: dict[str, list] = defaultdict(list)
    for kind, key, value, author in rows:
        if kind != "cell":
            if cells and KIND_ORDER[kind] > KIND_ORDER["cell"]:
                _write_cells(store, cells)
            store.apply(kind, key, value, author)
            continue
        cells[author].append((key, value))
    _write_cells(store, cells)


def _write_cells(store: LocalStore, cells: dict[str, list]) -> None:
    for author, items in cells.items():
        source = f"team:{author}" if author else "merge"
        changes = []
        for key, value in items:
            cid, pid = store._cell_ids(key)
            if cid is None or pid is None:
                continue
            rec = None if value is None else store.cell_record(value, source)
            changes.append((cid, pid, rec))
        if changes:
            store.repo.write_cells(changes, source=source)
    cells.clear()
