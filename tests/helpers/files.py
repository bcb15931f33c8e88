"""Files for tests: hashes that prove a file was not touched, a small matrix, content dumps."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from kpm_desktop.domain.entities import CellRecord, Customer, Product
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.storage.repository import Repository


def file_hash(path: Path) -> str:
    """SHA-256 of a file plus its WAL, to prove a file was not touched."""
    digest = hashlib.sha256(path.read_bytes())
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


def reopen(path: Path) -> Repository:
    """A fresh read-only connection: what another program (or the next start) would see."""
    return Repository.open(path, read_only=True)


def build_small(path: Path) -> Path:
    """3 customers x 3 products with three marks, one with a note."""
    repo = Repository.create(path)
    try:
        c = repo.add_customers(
            [
                Customer(name="Müller Maschinenbau GmbH", number="1001", city="Köln"),
                Customer(name="Schäfer Chemie AG", number="1002"),
                Customer(name="Weber & Söhne KG"),
            ]
        )
        p = repo.add_products(
            [
                Product(name="Servomotoren", number="101"),
                Product(name="Frequenzumrichter", number="102"),
                Product(name="Getriebe", number="103"),
            ]
        )
        repo.write_cells(
            [
                (c[0].id, p[0].id, CellRecord(Mark.OURS, our_revenue=100.0)),
                (c[0].id, p[1].id, CellRecord(Mark.COMPETITOR, note="Vertrag bis 2027")),
                (c[1].id, p[2].id, CellRecord(Mark.NEED)),
            ]
        )
    finally:
        repo.close()
    return path


def dump(path: Path) -> list[tuple]:
    """Everything a user can see in a file, ignoring timestamps (for exact undo checks)."""
    conn = sqlite3.connect(path)
    try:
        out: list[tuple] = []
        out += conn.execute(
            "SELECT id, uuid, name, number, city, postcode, segment, region, owner, abc_class, "
            "annual_revenue FROM customers ORDER BY id"
        ).fetchall()
        out += conn.execute(
            "SELECT id, uuid, name, number, group_id, slot FROM products ORDER BY id"
        ).fetchall()
        out += conn.execute("SELECT id, name FROM product_groups ORDER BY id").fetchall()
        out += conn.execute("SELECT id, name FROM competitors ORDER BY id").fetchall()
        out += conn.execute(
            "SELECT customer_id, product_id, mark, competitor_id, our_revenue, potential, "
            "contract_end, no_need_reason, recheck_at, note FROM marks "
            "ORDER BY customer_id, product_id"
        ).fetchall()
        # An all-white status row and a missing one mean the same (derived data).
        out += [
            r
            for r in conn.execute("SELECT customer_id, codes FROM status_rows ORDER BY 1")
            if any(r[1])
        ]
        return out
    finally:
        conn.close()


def _marked(m: Matrix) -> dict[tuple[int, int], Mark]:
    return {
        (r, c): mark
        for r in range(m.n_rows)
        for c in range(m.n_cols)
        if (mark := m.mark(r, c)) is not None
    }


def reopened_marks(path: Path) -> dict[tuple[int, int], Mark]:
    """(row, column) -> mark of every marked cell, as the file loads again."""
    with reopen(path) as repo:
        return _marked(repo.load_matrix())


def marks_by_name(path: Path) -> dict[tuple[str, str], str]:
    """(customer name, product name) -> mark letter for every marked cell."""
    with reopen(path) as repo:
        m = repo.load_matrix()
        return {
            (m.customers[r].name, m.products[c].name): mark.letter
            for (r, c), mark in _marked(m).items()
        }


def marks_in_file(path: Path) -> dict[tuple[int, int], int]:
    """(customer_id, product_id) -> mark code, read with a fresh connection."""
    conn = sqlite3.connect(path)
    try:
        return {
            (c, p): m for c, p, m in conn.execute("SELECT customer_id, product_id, mark FROM marks")
        }
    finally:
        conn.close()
