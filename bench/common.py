"""Shared helpers for the benchmarks: cached synthetic matrices and JSON output."""

from __future__ import annotations

import json
import platform
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CACHE = ROOT / "bench" / ".cache"
SIZES = {"S": (500, 50), "M": (5_000, 300), "L": (20_000, 1_000)}
FILL = 0.4


def matrix_file(size: str) -> Path:
    """The synthetic matrix of a size, generated once and cached (seed 1, 40 % marked), in
    the current file schema."""
    from kpm_desktop.samples.synthetic import generate

    customers, products = SIZES[size]
    path = CACHE / f"{size}-{customers}x{products}.kpm"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        generate(path, customers=customers, products=products, fill=FILL, seed=1)
    _upgrade(path)
    return path


def _upgrade(path: Path) -> None:
    """Bring a cache file written by an older schema to the current one, once (the file
    migrations, with the app's verified backup first: minutes at L), so that a bench never
    times a migration and a read-only open never refuses it as an older format."""
    from kpm_desktop.storage.file_format import read_header
    from kpm_desktop.storage.migrations import SCHEMA_VERSION
    from kpm_desktop.storage.repository import Repository

    if read_header(path)[1] < SCHEMA_VERSION:
        print(f"upgrading {path.name} to file schema {SCHEMA_VERSION} (once)", file=sys.stderr)
        Repository.open(path).close()


def copy_matrix(size: str, target: Path) -> Path:
    """A copy of the cached matrix of a size to work on (``copy_consistent``)."""
    return copy_consistent(matrix_file(size), target)


def copy_consistent(source: Path, target: Path) -> Path:
    """Copy a matrix file with SQLite's backup API: its last committed state, whole.

    A bench that opened a cache file in place (the window, a writer) can leave a ``-wal``
    beside it that holds the latest commits, the closing one included. A byte copy of the
    main file alone lacks them, and the app refuses such a copy as incomplete ("its change
    log is missing"); the backup API reads through the log.
    """
    target.unlink(missing_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def emit(bench: str, figure: str, value: float, unit: str, **extra: object) -> None:
    """Print one JSON line per figure."""
    record = {"bench": bench, "figure": figure, "value": round(value, 4), "unit": unit, **extra}
    print(json.dumps(record, ensure_ascii=False), flush=True)


def machine() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "system": platform.system(),
    }
