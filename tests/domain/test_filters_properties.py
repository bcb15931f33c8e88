"""Property tests: the fast filters agree with a naive per-cell implementation."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from kpm_desktop.domain.entities import Customer, Product, ProductGroup
from kpm_desktop.domain.filters import (
    UNGROUPED,
    FilterSpec,
    SortKey,
    apply_filters,
    fold,
    row_code_counts,
)
from kpm_desktop.domain.marks import WHITE
from kpm_desktop.domain.matrix import Matrix

WORDS = ("Müller", "Mueller", "Köln", "Bau", "GmbH", "Straße", "ag", "12")
VALUES = ("", "A", "B", "Süd")


@st.composite
def matrices(draw) -> Matrix:
    n_groups = draw(st.integers(0, 3))
    groups = [
        ProductGroup(name=f"G{g}", sort_order=draw(st.integers(0, 3)), id=g + 1)
        for g in range(n_groups)
    ]
    n_cols = draw(st.integers(0, 7))
    products = [
        Product(
            name=f"P{j}",
            group_id=draw(st.sampled_from([None, *[g.id for g in groups]])),
            sort_order=draw(st.integers(0, 4)),
            active=draw(st.booleans()),
            id=100 + j,
        )
        for j in range(n_cols)
    ]
    n_rows = draw(st.integers(0, 9))
    customers = [
        Customer(
            name=" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))),
            number=draw(st.sampled_from(["", "12", "K-7"])),
            city=draw(st.sampled_from(["", "Köln", "Koeln", "Bautzen"])),
            segment=draw(st.sampled_from(VALUES)),
            region=draw(st.sampled_from(VALUES)),
            owner=draw(st.sampled_from(VALUES)),
            abc_class=draw(st.sampled_from(VALUES)),
            active=draw(st.booleans()),
            id=i + 1,
        )
        for i in range(n_rows)
    ]
    grid = bytearray(draw(st.binary(min_size=n_rows * n_cols, max_size=n_rows * n_cols)))
    grid = bytearray(b % 5 for b in grid)
    return Matrix(customers, products, groups, grid)


@st.composite
def specs(draw, matrix: Matrix) -> FilterSpec:
    pids = [p.id for p in matrix.products]
    maybe = st.one_of(st.none(), st.sampled_from(VALUES))
    return FilterSpec(
        text=draw(
            st.sampled_from(["", "muller", "MÜLLER", "koln", "bau gmbh", "12", "strasse", "x"])
        ),
        only_white_spots=draw(st.booleans()),
        white_spot_product_ids=draw(
            st.one_of(st.none(), st.frozensets(st.sampled_from([*pids, 999]), max_size=3))
        ),
        product_id=draw(st.one_of(st.none(), st.sampled_from([*pids, 999]))),
        product_code=draw(st.integers(0, 4)),
        segment=draw(maybe),
        region=draw(maybe),
        owner=draw(maybe),
        abc_class=draw(maybe),
        group_id=draw(st.one_of(st.none(), st.sampled_from([UNGROUPED, *matrix.groups]))),
        show_inactive_customers=draw(st.booleans()),
        show_inactive_products=draw(st.booleans()),
        sort_key=draw(st.sampled_from(list(SortKey))),
        descending=draw(st.booleans()),
        sort_product_id=draw(st.one_of(st.none(), st.sampled_from([*pids, 999]))),
    )


def naive(matrix: Matrix, spec: FilterSpec) -> tuple[list[int], list[int], int]:
    """Per-cell reference implementation: obviously right, slow."""
    group_rank = {
        g.id: k
        for k, g in enumerate(sorted(matrix.groups.values(), key=lambda g: (g.sort_order, g.id)))
    }
    cols = []
    for j, p in enumerate(matrix.products):
        if not p.active and not spec.show_inactive_products:
            continue
        if spec.group_id is not None and (p.group_id or UNGROUPED) != spec.group_id:
            continue
        cols.append(j)
    cols.sort(
        key=lambda j: (
            group_rank.get(matrix.products[j].group_id, len(group_rank)),
            matrix.products[j].sort_order,
            j,
        )
    )

    def cells(i: int, js) -> list[int]:
        return [matrix.code(i, j) for j in js]

    rows = []
    for i, c in enumerate(matrix.customers):
        if not c.active and not spec.show_inactive_customers:
            continue
        if any(
            getattr(spec, a) is not None and getattr(c, a) != getattr(spec, a)
            for a in ("segment", "region", "owner", "abc_class")
        ):
            continue
        hay = fold(c.name) + "\n" + fold(c.number) + "\n" + fold(c.city)
        if not all(w in hay for w in fold(spec.text).split()):
            continue
        if spec.product_id is not None:
            js = [j for j, p in enumerate(matrix.products) if p.id == spec.product_id]
            if not js or matrix.code(i, js[0]) != spec.product_code:
                continue
        if spec.only_white_spots:
            scope = (
                cols
                if spec.white_spot_product_ids is None
                else [
                    j for j, p in enumerate(matrix.products) if p.id in spec.white_spot_product_ids
                ]
            )
            if WHITE not in cells(i, scope):
                continue
        rows.append(i)

    def count(i: int, code: int) -> int:
        return cells(i, cols).count(code)

    name = lambda i: (fold(matrix.customers[i].name), matrix.customers[i].name, i)  # noqa: E731
    if spec.sort_key is SortKey.NAME:
        rows.sort(key=name, reverse=spec.descending)
    elif spec.sort_key is SortKey.NONE or (
        spec.sort_key is SortKey.PRODUCT and spec.sort_product_id not in matrix.col_of
    ):
        rows = rows[::-1] if spec.descending else rows
    elif spec.sort_key is SortKey.PRODUCT:
        j = matrix.col_of[spec.sort_product_id]
        legend = [1, 2, 3, 4, 0]  # X, W, B, K, white spot
        sign = -1 if spec.descending else 1
        rows.sort(
            key=lambda i: (
                sign * legend.index(matrix.code(i, j)),
                fold(matrix.customers[i].name),
                i,
            )
        )
    else:
        code = {SortKey.WHITE_SPOTS: 0, SortKey.COMPETITOR: 2, SortKey.NEED: 3}[spec.sort_key]
        sign = -1 if spec.descending else 1
        rows.sort(key=lambda i: (sign * count(i, code), fold(matrix.customers[i].name), i))
    white = sum(count(i, WHITE) for i in rows)
    return rows, cols, white


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_apply_filters_matches_naive(data) -> None:
    matrix = data.draw(matrices())
    spec = data.draw(specs(matrix))
    result = apply_filters(matrix, spec)
    assert (result.rows, result.cols, result.white) == naive(matrix, spec)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_row_code_counts_matches_per_cell_count(data) -> None:
    matrix = data.draw(matrices())
    cols = (
        data.draw(st.lists(st.sampled_from(range(matrix.n_cols)), unique=True))
        if matrix.n_cols
        else []
    )
    code = data.draw(st.integers(0, 4))
    expected = [[matrix.code(i, j) for j in cols].count(code) for i in range(matrix.n_rows)]
    assert row_code_counts(matrix, cols, code) == expected
    assert row_code_counts(matrix, None, code) == [
        matrix.row_codes(i).count(code) for i in range(matrix.n_rows)
    ]


@settings(max_examples=200, deadline=None)
@given(st.data(), st.sampled_from([1, 2, 64]))
def test_cached_row_counts_follow_edits(data, block_rows: int) -> None:
    """Filters and sorts re-use per-row counts per matrix; after edits of the grid in place
    (as the workspace makes them), rows added or removed, they still match the per-cell
    reference."""
    from kpm_desktop.domain.filters import _CountCache

    old_block = _CountCache._BLOCK_ROWS
    _CountCache._BLOCK_ROWS = block_rows
    try:
        matrix = data.draw(matrices())
        for _ in range(data.draw(st.integers(1, 4))):
            spec = data.draw(specs(matrix))
            result = apply_filters(matrix, spec)
            assert (result.rows, result.cols, result.white) == naive(matrix, spec)
            if matrix.n_rows and matrix.n_cols:
                for _ in range(data.draw(st.integers(0, 3))):
                    i = data.draw(st.integers(0, matrix.n_rows - 1))
                    j = data.draw(st.integers(0, matrix.n_cols - 1))
                    matrix.grid[i * matrix.n_cols + j] = data.draw(st.integers(0, 4))
            if matrix.n_rows > 1 and data.draw(st.booleans()):
                matrix.remove_customer(data.draw(st.integers(0, matrix.n_rows - 1)))
            if matrix.n_rows and data.draw(st.booleans()):
                # A rename in place, as the workspace makes it: the cached name order of the
                # sorts must follow.
                i = data.draw(st.integers(0, matrix.n_rows - 1))
                name = " ".join(data.draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3)))
                matrix.customers[i] = dataclasses.replace(matrix.customers[i], name=name)
    finally:
        _CountCache._BLOCK_ROWS = old_block
