"""Synthetic matrices of any size (``kpm generate``), for benchmarks and tests."""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterator
from pathlib import Path

from kpm_desktop.domain.entities import Customer, Product, ProductGroup, stored_id
from kpm_desktop.storage.repository import Repository

SEGMENTS = ("Maschinenbau", "Automotive", "Chemie", "Lebensmittel", "Handel", "Logistik")
REGIONS = ("Nord", "Süd", "West", "Ost", "Mitte")
OWNERS = ("A. Becker", "M. Schulz", "S. Wagner", "T. Hoffmann")
# Plausible mark mix among marked cells: ours, competitor, need, no need.
MARK_WEIGHTS = (0.35, 0.25, 0.2, 0.2)


def generate(
    out: Path,
    *,
    customers: int,
    products: int,
    fill: float,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write a new matrix file with random marks; ``fill`` is the share of marked cells.

    The file is built under a temporary name with the journal off (it is new, so a crash
    can lose nothing) and renamed into place when complete.
    """
    if not 0.0 <= fill <= 1.0:
        raise ValueError("fill must be between 0 and 1")
    if customers < 0 or products < 0:
        raise ValueError("sizes must not be negative")
    if out.exists():
        raise FileExistsError(f"{out} exists already")
    tmp = out.with_name(out.name + ".partial")
    tmp.unlink(missing_ok=True)
    rng = random.Random(seed)
    repo = Repository.create(tmp)
    try:
        repo.conn.execute("PRAGMA journal_mode = OFF")
        repo.conn.execute("PRAGMA synchronous = OFF")
        n_groups = max(1, min(10, products // 10 or 1))
        groups = [
            repo.add_group(ProductGroup(name=f"Gruppe {g + 1}", sort_order=g))
            for g in range(n_groups)
        ]
        prods = repo.add_products(
            [
                Product(
                    name=f"Produkt {j + 1}",
                    number=f"P{j + 1:05d}",
                    group_id=groups[j * n_groups // max(products, 1)].id,
                    sort_order=j,
                )
                for j in range(products)
            ]
        )
        custs = repo.add_customers(
            [
                Customer(
                    name=f"Kunde {i + 1} GmbH",
                    number=f"K{i + 1:06d}",
                    segment=SEGMENTS[i % len(SEGMENTS)],
                    region=REGIONS[(i // 3) % len(REGIONS)],
                    owner=OWNERS[i % len(OWNERS)],
                    city=f"Stadt {i % 97}",
                    abc_class="ABC"[min(2, rng.randrange(10) // 4)],
                    uuid=f"00000000-0000-4000-8000-{i:012d}",
                )
                for i in range(customers)
            ]
        )
        cum = []
        acc = 0.0
        for w in MARK_WEIGHTS:
            acc += w * fill
            cum.append(acc)
        pids = [stored_id(p) for p in prods]

        def cells() -> Iterator[tuple[int, int, int]]:
            rand = rng.random
            for i, c in enumerate(custs):
                cid = stored_id(c)
                for pid in pids:
                    r = rand()
                    if r < cum[3]:
                        code = 1 if r < cum[0] else 2 if r < cum[1] else 3 if r < cum[2] else 4
                        yield (cid, pid, code)
                if progress is not None and i % 500 == 0:
                    progress(i, len(custs))

        repo.bulk_set_marks(cells(), source="generate")
        repo.conn.execute("PRAGMA journal_mode = WAL")
        repo.conn.execute("PRAGMA synchronous = FULL")
    finally:
        repo.close()
    os.replace(tmp, out)
    return out
