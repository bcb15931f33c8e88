"""The deterministic demo matrix and its ground truth read straight from the SQL tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.storage.repository import Repository

# The fixed 'today' the test demo is built with, so every date-dependent figure is stable.
DEMO_TODAY = date(2026, 11, 27)


def write_test_demo(path: Path, *, key_accounts: bool) -> Path:
    """The demo matrix with the fixed 'today' (without key accounts: the 60 plain customers
    most tests count on)."""
    from kpm_desktop.samples.demo import write_demo

    write_demo(path, today=DEMO_TODAY, key_accounts=key_accounts)
    return path


@dataclass
class DemoTruth:
    """The demo matrix as loaded, and the same facts read straight from the SQL tables."""

    path: Path
    matrix: Matrix
    customers: dict[int, dict[str, object]]  # id -> column values, from the customers table
    products: dict[int, dict[str, object]]  # id -> column values, from the products table
    groups: dict[int, tuple[str, int]]  # id -> (name, sort_order)
    marks: dict[tuple[int, int], int]  # (customer id, product id) -> mark code; absent = white


def read_truth(path: Path) -> DemoTruth:
    with Repository.open(path, read_only=True) as repo:
        matrix = repo.load_matrix()
        conn = repo.conn
        cur = conn.execute(
            "SELECT id, name, number, city, segment, region, owner, abc_class, active FROM customers"
        )
        names = [d[0] for d in cur.description]
        customers = {r[0]: dict(zip(names, r, strict=True)) for r in cur.fetchall()}
        cur = conn.execute("SELECT id, name, group_id, sort_order, slot, active FROM products")
        names = [d[0] for d in cur.description]
        products = {r[0]: dict(zip(names, r, strict=True)) for r in cur.fetchall()}
        groups = {
            r[0]: (r[1], r[2])
            for r in conn.execute("SELECT id, name, sort_order FROM product_groups")
        }
        marks = {
            (r[0], r[1]): r[2]
            for r in conn.execute("SELECT customer_id, product_id, mark FROM marks")
        }
    return DemoTruth(path, matrix, customers, products, groups, marks)
