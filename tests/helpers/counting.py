"""Counting tests (issue 19, item 17): small random matrix files with due "no need" re-checks
and key accounts, and a cell-by-cell reference of what every count must say. Used by
tests/storage/test_one_count.py and tests/gui/test_one_count_window.py."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from kpm_desktop.domain.entities import CellRecord, Customer, Product
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository

FIELDS = ("white", "ours", "competitor", "need", "no_need")

# A file: (n_rows, n_cols, cells, parents); cells (row, col, mark, re-check in days or None);
# parents[row] = the row of its key account or None. Rows 0..k-1 may be key accounts.
Spec = tuple[int, int, list[tuple[int, int, Mark, int | None]], list[int | None]]


def random_file(rng: random.Random) -> Spec:
    """The same kind of file from a plain random stream (for the GUI test)."""
    n_rows, n_cols = rng.randint(2, 9), rng.randint(1, 6)
    n_groups = rng.randint(1, min(2, n_rows - 1))
    parents: list[int | None] = [None] * n_groups + [
        rng.choice([None, *range(n_groups)]) for _ in range(n_rows - n_groups)
    ]
    cells = []
    for i in range(n_rows):
        for j in range(n_cols):
            if rng.random() < 0.7:
                days = rng.choice([None, rng.randint(-30, 30)])
                cells.append((i, j, rng.choice(list(Mark)), days))
    return n_rows, n_cols, cells, parents


def write_file(path: Path, spec: Spec, today: date) -> None:
    n_rows, n_cols, cells, parents = spec
    repo = Repository.create(path)
    try:
        people = [Customer(name=f"Kunde {i}") for i in range(n_rows)]
        for i, p in enumerate(parents):
            if p is not None:
                people[i].parent_uuid = people[p].uuid
        customers = repo.add_customers(people)
        products = repo.add_products([Product(name=f"Produkt {j}") for j in range(n_cols)])
        now = datetime.now(UTC)
        changes = []
        for i, j, mark, days in cells:
            recheck = (
                today + timedelta(days=days) if mark is Mark.NO_NEED and days is not None else None
            )
            rec = CellRecord(mark=mark, recheck_at=recheck, verified_at=now, updated_at=now)
            changes.append((customers[i].id, products[j].id, rec))
        repo.write_cells(changes, source="test", at=now)
    finally:
        repo.close()


def key_account_rows(spec: Spec) -> set[int]:
    """Rows that are key accounts: a row some other row names as its parent."""
    return {p for p in spec[3] if p is not None}


def reference(spec: Spec) -> dict[str, int]:
    """Cell by cell: a due re-check is a white spot; key accounts' own rows do not count."""
    n_rows, n_cols, cells, _parents = spec
    groups = key_account_rows(spec)
    counts = dict.fromkeys(FIELDS, 0)
    for i, _j, mark, days in cells:
        if i in groups:
            continue
        due = mark is Mark.NO_NEED and days is not None and days <= 0
        counts["white" if due else mark.name.lower()] += 1
    marked = sum(1 for i, *_rest in cells if i not in groups)
    counts["white"] += (n_rows - len(groups)) * n_cols - marked
    return counts
