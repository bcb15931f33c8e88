from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from kpm_desktop.domain.entities import Customer, Product
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.matrix import MarkCounts, Matrix


def make_matrix(rows: list[list[int]]) -> Matrix:
    n_cols = len(rows[0]) if rows else 0
    customers = [Customer(name=f"C{i}", id=i + 1) for i in range(len(rows))]
    products = [Product(name=f"P{j}", id=100 + j) for j in range(n_cols)]
    return Matrix(customers, products, grid=bytearray(b"".join(bytes(r) for r in rows)))


grids = st.integers(1, 8).flatmap(
    lambda n_cols: st.lists(
        st.lists(st.integers(0, 4), min_size=n_cols, max_size=n_cols), min_size=1, max_size=12
    )
)


@given(grids)
def test_counts_match_naive(rows: list[list[int]]) -> None:
    m = make_matrix(rows)
    for i, row in enumerate(rows):
        assert m.row_counts(i) == MarkCounts(*(row.count(c) for c in range(5)))
        assert m.white_spots_in_row(i) == row.count(0)
        assert m.white_spot_cols(i) == [j for j, v in enumerate(row) if v == 0]
    for j in range(m.n_cols):
        col = [r[j] for r in rows]
        assert m.col_counts(j) == MarkCounts(*(col.count(c) for c in range(5)))
        assert m.white_spots_in_col(j) == col.count(0)
    flat = [v for r in rows for v in r]
    totals = m.totals()
    assert totals == MarkCounts(*(flat.count(c) for c in range(5)))
    expected_cov = 100.0 * (len(flat) - flat.count(0)) / len(flat) if flat else 0.0
    assert abs(m.coverage() - expected_cov) < 1e-9


@given(grids, st.data())
def test_subset_counts_match_naive(rows: list[list[int]], data: st.DataObject) -> None:
    m = make_matrix(rows)
    cols = data.draw(st.lists(st.integers(0, m.n_cols - 1), unique=True))
    row_subset = (
        data.draw(st.lists(st.integers(0, max(m.n_rows - 1, 0)), unique=True)) if rows else []
    )
    for i, row in enumerate(rows):
        assert m.white_spots_in_row(i, cols) == sum(1 for j in cols if row[j] == 0)
        assert m.row_counts(i, cols).need == sum(1 for j in cols if row[j] == 3)
    for j in range(m.n_cols):
        assert m.white_spots_in_col(j, row_subset) == sum(1 for i in row_subset if rows[i][j] == 0)
    sub = m.totals(row_subset, cols)
    cells = [rows[i][j] for i in row_subset for j in cols]
    assert sub == MarkCounts(*(cells.count(c) for c in range(5)))


def test_structure_changes_keep_cells() -> None:
    rng = random.Random(3)
    rows = [[rng.randrange(5) for _ in range(6)] for _ in range(5)]
    m = make_matrix(rows)
    removed = m.remove_product(2)
    assert removed == bytes(r[2] for r in rows)
    assert [list(m.row_codes(i)) for i in range(5)] == [r[:2] + r[3:] for r in rows]
    m.insert_product(2, Product(name="P2", id=102), removed)
    assert [list(m.row_codes(i)) for i in range(5)] == rows
    codes = m.remove_customer(1)
    assert list(codes) == rows[1] and m.n_rows == 4
    m.insert_customer(1, Customer(name="C1", id=2), codes)
    assert [list(m.row_codes(i)) for i in range(5)] == rows
    assert m.row_of[2] == 1 and m.col_of[102] == 2
    m.append_customer(Customer(name="new", id=99))
    assert m.row_codes(5) == bytes(6) and m.mark(0, 0) == (
        None if rows[0][0] == 0 else Mark(rows[0][0])
    )
