"""Two copies of one matrix file, as a colleague gets one (file merge tests)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from kpm_desktop.storage.repository import Repository

# When the copied file was last edited: well before the test's own edits, so that a merge
# tells the edits made after the copy by their stamps (a real copy is not edited in the
# very second it was made).
MADE = "2026-11-27T09:00:00Z"


def copies(original: Path, tmp_path: Path, name: str = "theirs.kpm") -> tuple[Path, Path]:
    """(mine, theirs): ``original`` stamped as made at ``MADE`` and opened once for writing
    (its identity), and a copy of it at ``tmp_path / name``."""
    conn = sqlite3.connect(original)
    with conn:
        for table in ("customers", "products", "notes", "goals"):
            conn.execute(f"UPDATE {table} SET updated_at = ?", (MADE,))
    conn.close()
    Repository.open(original).close()
    theirs = tmp_path / name
    shutil.copyfile(original, theirs)
    return original, theirs
