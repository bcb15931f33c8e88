"""Staleness threshold and "no need" re-check dates, from the domain rules to the file."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kpm_desktop.domain.customer_kpis import customer_kpis
from kpm_desktop.domain.entities import CellRecord, Customer, Product
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.staleness import (
    DEFAULT_STALE_MONTHS,
    CellAges,
    effective_grid,
    effective_mark,
    effective_matrix,
    is_recheck_due,
    is_stale,
    months_before,
    parse_stale_months,
    stale_before,
)
from kpm_desktop.storage.repository import Repository

TODAY = date(2026, 11, 27)


def ts(y: int, m: int, d: int, hh: int = 12) -> datetime:
    return datetime(y, m, d, hh, 0, tzinfo=UTC)


def test_months_before_clamps_the_day():
    assert months_before(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert months_before(date(2024, 5, 31), 3) == date(2024, 2, 29)
    assert months_before(date(2026, 1, 15), 1) == date(2025, 12, 15)
    assert months_before(TODAY, 12) == date(2025, 11, 27)
    assert months_before(TODAY, 0) == TODAY


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, 12), ("", 12), ("x", 12), ("6", 6), (" 24 ", 24), ("0", 0), ("-1", 12), ("999", 12)],
)
def test_parse_stale_months(value, expected):
    assert parse_stale_months(value) == expected


def test_older_than_threshold_is_stale():
    # Threshold for 12 months on 2026-11-27: verified before 2025-11-27 00:00 UTC.
    assert is_stale(ts(2025, 11, 26, 23), TODAY, 12)
    assert not is_stale(ts(2025, 11, 27, 0), TODAY, 12)
    assert not is_stale(ts(2026, 11, 1), TODAY, 12)
    assert is_stale(ts(2026, 5, 26), TODAY, 6)
    assert not is_stale(ts(2026, 5, 27), TODAY, 6)
    assert is_stale(None, TODAY, 12)  # never verified: nobody knows how old it is
    assert not is_stale(ts(2001, 1, 1), TODAY, 0)  # 0 = staleness off
    assert stale_before(TODAY, 0) is None
    # naive datetimes are read as UTC
    assert is_stale(datetime(2025, 11, 26, 12), TODAY, 12)


def test_passed_recheck_date_turns_no_need_white():
    due = CellRecord(Mark.NO_NEED, recheck_at=date(2026, 11, 26))
    today = CellRecord(Mark.NO_NEED, recheck_at=TODAY)
    later = CellRecord(Mark.NO_NEED, recheck_at=date(2026, 11, 28))
    never = CellRecord(Mark.NO_NEED)
    need = CellRecord(Mark.NEED, recheck_at=date(2020, 1, 1))  # only "no need" is re-checked
    assert is_recheck_due(due, TODAY) and effective_mark(due, TODAY) is None
    assert is_recheck_due(today, TODAY)
    assert not is_recheck_due(later, TODAY) and effective_mark(later, TODAY) is Mark.NO_NEED
    assert effective_mark(never, TODAY) is Mark.NO_NEED
    assert effective_mark(need, TODAY) is Mark.NEED
    assert effective_mark(None, TODAY) is None


def _small_file(tmp_path):
    """3 customers x 3 products with dated marks; returns (repo, customer ids, product ids)."""
    repo = Repository.create(tmp_path / "s.kpm")
    cs = repo.add_customers([Customer(name=n) for n in ("Alpha", "Beta", "Gamma")])
    ps = repo.add_products([Product(name=n) for n in ("P1", "P2", "P3")])
    c = [x.id for x in cs]
    p = [x.id for x in ps]
    fresh, old = ts(2026, 10, 1), ts(2025, 6, 1)
    repo.write_cells(
        [
            (c[0], p[0], CellRecord(Mark.OURS, verified_at=fresh)),
            (c[0], p[1], CellRecord(Mark.COMPETITOR, verified_at=old)),  # stale
            # a due re-check, also old: counts as white spot, not as stale
            (c[0], p[2], CellRecord(Mark.NO_NEED, recheck_at=date(2026, 11, 1), verified_at=old)),
            (c[1], p[0], CellRecord(Mark.NO_NEED, recheck_at=date(2027, 3, 1), verified_at=fresh)),
            (c[1], p[1], CellRecord(Mark.NEED, verified_at=None)),  # never verified: stale
            (c[1], p[2], CellRecord(Mark.NO_NEED, recheck_at=TODAY, verified_at=fresh)),  # due
            (c[2], p[0], CellRecord(Mark.OURS, verified_at=ts(2025, 11, 27, 0))),  # exactly 12 m
        ]
    )
    return repo, c, p


def test_repository_reports_stale_cells_and_due_rechecks(tmp_path):
    repo, c, p = _small_file(tmp_path)
    with repo:
        assert repo.stale_months() == DEFAULT_STALE_MONTHS
        ages = repo.cell_ages(TODAY)
        assert ages.stale == {(c[0], p[1]), (c[1], p[1])}
        assert ages.recheck_due == {(c[0], p[2]), (c[1], p[2])}
        # a shorter threshold in the file's settings makes more cells stale
        repo.set_setting("stale_months", "1")
        ages1 = repo.cell_ages(TODAY)
        assert ages1.months == 1
        assert ages1.stale == {(c[0], p[0]), (c[0], p[1]), (c[1], p[0]), (c[1], p[1]), (c[2], p[0])}
        repo.set_setting("stale_months", "0")
        assert repo.cell_ages(TODAY).stale == set()
        assert repo.cell_ages(TODAY).recheck_due == {(c[0], p[2]), (c[1], p[2])}


def test_due_recheck_is_white_in_counts_and_filters(tmp_path):
    repo, c, _p = _small_file(tmp_path)
    with repo:
        matrix = repo.load_matrix()
        ages = repo.cell_ages(TODAY)
        products = repo.load_products()
        cells0 = repo.cells_of_customer(c[0])
    # stored grid: Alpha has no white spot; effective grid: one (the due re-check)
    assert matrix.row_counts(0).white == 0
    eff = ages.effective_matrix(matrix)
    assert eff.row_counts(0).white == 1 and eff.row_counts(0).no_need == 0
    assert eff.row_counts(1).white == 1 and eff.row_counts(1).no_need == 1
    assert eff.col_counts(2).white == 3 and eff.col_counts(2).no_need == 0
    assert eff.totals().white == matrix.totals().white + 2
    assert eff.coverage() < matrix.coverage()
    # the "white spots" filter (rows with a white spot) and the per-row white-spot list
    assert [i for i, k in enumerate(eff.all_row_counts()) if k.white] == [0, 1, 2]
    assert [i for i, k in enumerate(matrix.all_row_counts()) if k.white] == [2]
    assert eff.white_spot_cols(0) == [2]
    assert eff.white_spots_in_col(2, rows=[0, 1]) == 2
    # the stored matrix itself is never changed
    assert matrix.code(0, 2) == int(Mark.NO_NEED)
    # customer KPIs count it as white too
    k = customer_kpis(products, cells0, {}, TODAY)
    assert (k.white_spots, k.counts.no_need) == (1, 0)
    # the "stale cells" filter: Alpha and Beta have stale cells, Gamma's is exactly 12 months
    assert ages.rows_with_stale(matrix) == [0, 1]
    assert ages.rows_with_stale(matrix, cols=[0]) == []
    mask = ages.stale_mask(matrix)
    assert [i for i, b in enumerate(mask) if b] == [0 * 3 + 1, 1 * 3 + 1]


def test_effective_grid_only_changes_no_need_cells(tmp_path):
    repo, c, p = _small_file(tmp_path)
    with repo:
        matrix = repo.load_matrix()
    # keys pointing at a non-"no need" cell or unknown ids are ignored
    grid = effective_grid(matrix, [(c[0], p[0]), (c[0], p[2]), (999, p[0]), (c[0], 999)])
    assert grid[0] == int(Mark.OURS) and grid[2] == WHITE
    assert effective_matrix(matrix, []) is matrix


def test_cell_ages_follow_edits():
    ages = CellAges(today=TODAY, months=12, col_of={2: 0, 3: 1})
    key = (1, 2)
    ages.update_cell(key, CellRecord(Mark.OURS, verified_at=ts(2024, 1, 1)))
    assert ages.is_stale(*key) and not ages.is_recheck_due(*key)
    ages.update_cell(key, CellRecord(Mark.OURS, verified_at=ts(2026, 11, 27)))  # confirmed
    assert not ages.is_stale(*key)
    ages.update_cell(key, CellRecord(Mark.NO_NEED, recheck_at=date(2026, 1, 1)))
    assert ages.is_recheck_due(*key) and not ages.is_stale(*key)
    ages.update_cell(key, None)
    assert not ages.stale and not ages.recheck_due


def test_cell_ages_match_a_naive_scan_of_the_demo(demo_file):
    """Bitmaps from the grouped query equal a per-cell check of every stored record."""
    from kpm_desktop.domain.staleness import is_cell_stale

    with Repository.open(demo_file, read_only=True) as repo:
        ages = repo.cell_ages(TODAY)
        matrix = repo.load_matrix()
        expected_stale, expected_due = set(), set()
        for c in matrix.customers:
            for pid, rec in repo.cells_of_customer(c.id).items():
                if is_recheck_due(rec, TODAY):
                    expected_due.add((c.id, pid))
                elif is_cell_stale(rec, TODAY, 12):
                    expected_stale.add((c.id, pid))
    assert ages.stale == expected_stale and ages.recheck_due == expected_due
    assert ages.stale_count() == len(expected_stale) > 100
    mask = ages.stale_mask(matrix)
    assert mask.count(1) == len(expected_stale)
    assert all(mask[matrix.row_of[c] * matrix.n_cols + matrix.col_of[p]] for c, p in expected_stale)
    rows = ages.rows_with_stale(matrix, cols=[0, 1])
    assert rows == sorted(
        {matrix.row_of[c] for c, p in expected_stale if matrix.col_of[p] in (0, 1)}
    )


def test_from_keys_round_trips():
    ages = CellAges.from_keys(TODAY, 12, {10: 0, 11: 1}, [(1, 10), (2, 11), (3, 99)], [(4, 10)])
    assert ages.stale == {(1, 10), (2, 11)}  # product 99 has no column: never stale
    assert ages.is_stale(1, 10) and not ages.is_stale(1, 11) and ages.is_recheck_due(4, 10)


def test_due_recheck_is_white_in_the_filter_bar_filters(tmp_path):
    """The filter functions see a due re-check as a white spot when given the effective matrix."""
    from kpm_desktop.domain.filters import FilterSpec, SortKey, apply_filters

    repo, _c, p = _small_file(tmp_path)
    with repo:
        matrix = repo.load_matrix()
        ages = repo.cell_ages(TODAY)
    only_white = FilterSpec(only_white_spots=True)
    assert apply_filters(matrix, only_white).rows == [2]
    eff = ages.effective_matrix(matrix)
    assert apply_filters(eff, only_white).rows == [0, 1, 2]
    third = FilterSpec(product_id=p[2], product_code=WHITE)
    assert apply_filters(eff, third).rows == [0, 1, 2]
    assert apply_filters(matrix, third).rows == [2]
    by_white = apply_filters(eff, FilterSpec(sort_key=SortKey.WHITE_SPOTS, descending=True))
    assert by_white.rows[0] == 2 and by_white.white == eff.totals().white


def test_stale_cells_filter(tmp_path):
    from kpm_desktop.domain.filters import FilterSpec, apply_filters

    repo, _c, _p = _small_file(tmp_path)
    with repo:
        matrix = repo.load_matrix()
        ages = repo.cell_ages(TODAY)
    spec = FilterSpec(only_stale=True)
    assert not spec.is_default
    assert apply_filters(matrix, spec).rows == []  # no stale information: nobody
    stale_rows = lambda cols: ages.rows_with_stale(matrix, cols)  # noqa: E731
    assert apply_filters(matrix, spec, stale_rows=stale_rows).rows == [0, 1]
    assert apply_filters(matrix, FilterSpec(), stale_rows=stale_rows).rows == [0, 1, 2]
    assert apply_filters(
        matrix, FilterSpec(only_stale=True, text="beta"), stale_rows=stale_rows
    ).rows == [1]
