"""Look-alike hints against a pairwise, cell-by-cell re-implementation."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kpm_desktop.domain.entities import Customer, Product
from kpm_desktop.domain.lookalike import LookAlike, similarity
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.storage.repository import Repository


def naive_neighbours(m: Matrix, row: int, k: int) -> list[tuple[int, int]]:
    seg = m.customers[row].segment
    peers = [i for i, c in enumerate(m.customers) if c.segment == seg and i != row] if seg else []
    if not peers:
        peers = [i for i in range(m.n_rows) if i != row]
    scored = []
    for i in peers:
        same = sum(
            1 for j in range(m.n_cols) if m.code(i, j) != 0 and m.code(i, j) == m.code(row, j)
        )
        if same:
            scored.append((-same, i))
    return [(i, -s) for s, i in sorted(scored)[:k]]


def naive_hints(m: Matrix, row: int, k: int, min_support: int) -> list[tuple]:
    near = [i for i, _ in naive_neighbours(m, row, k)]
    out = []
    for j in range(m.n_cols):
        if m.code(row, j) not in (0, 3):
            continue
        sup = [i for i in near if m.code(i, j) == 1]
        if near and len(sup) >= min_support and 2 * len(sup) > len(near):
            out.append((-len(sup), j, tuple(sup), len(near)))
    return sorted(out)


def _random_matrix(seed: int) -> Matrix:
    rng = random.Random(seed)
    n_rows, n_cols = rng.randint(1, 30), rng.randint(1, 12)
    customers = [
        Customer(name=f"C{i}", segment=rng.choice(["A", "B", "", "C"]), id=i + 1)
        for i in range(n_rows)
    ]
    products = [Product(name=f"P{j}", id=j + 1) for j in range(n_cols)]
    grid = bytearray(rng.choice([0, 0, 1, 1, 2, 3, 4]) for _ in range(n_rows * n_cols))
    return Matrix(customers, products, (), grid)


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("k", [1, 4, 9])
def test_neighbours_and_hints_match_pairwise_comparison(seed: int, k: int) -> None:
    m = _random_matrix(seed)
    la = LookAlike(m)
    for row in range(m.n_rows):
        got = [(nb.row, nb.similarity) for nb in la.neighbours(row, k)]
        assert got == naive_neighbours(m, row, k)
        hints = [(-h.support, h.col, h.supporters, h.neighbours) for h in la.hints(row, k, 2)]
        assert hints == naive_hints(m, row, k, 2)
        for h in la.hints(row, k, 2):
            assert h.mark is m.mark(row, h.col)


def test_similarity_counts_equal_known_marks_only() -> None:
    a = bytes([0, 1, 2, 3, 4, 1, 0])
    b = bytes([0, 1, 3, 3, 4, 2, 1])
    assert similarity(a, b) == 3  # positions 1, 3, 4


def test_demo_hint_evidence_is_stated(demo_template: Path) -> None:
    with Repository.open(demo_template, read_only=True) as repo:
        m = repo.load_matrix()
    la = LookAlike(m)
    hints = [(row, h) for row in range(m.n_rows) for h in la.hints(row)]
    assert hints, "the demo should yield at least one look-alike hint"
    row, hint = hints[0]
    assert hint.neighbours <= 9 and 2 * hint.support > hint.neighbours
    assert all(m.mark(r, hint.col) is Mark.OURS for r in hint.supporters)
    seg = m.customers[row].segment
    assert all(m.customers[r].segment == seg for r in hint.supporters)
