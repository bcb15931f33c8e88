"""Every filter and sort on the demo matrix against customer sets computed from the SQL tables."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from kpm_desktop.domain.filters import (
    UNGROUPED,
    FilterSpec,
    SortKey,
    apply_filters,
    column_order,
    distinct_values,
    fold,
)
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import Matrix

if TYPE_CHECKING:  # the fixture type; tests/ is not a package
    from tests.helpers.demo import DemoTruth


def ids(matrix: Matrix, rows: list[int]) -> list[int]:
    return [matrix.customers[i].id for i in rows]  # type: ignore[misc]


def visible_ids(truth: DemoTruth, spec: FilterSpec) -> list[int]:
    return ids(truth.matrix, apply_filters(truth.matrix, spec).rows)


def all_customer_ids(truth: DemoTruth) -> list[int]:
    return sorted(truth.customers)


def white_count(truth: DemoTruth, cid: int, pids) -> int:
    return sum(1 for pid in pids if (cid, pid) not in truth.marks)


def mark_count(truth: DemoTruth, cid: int, pids, code: int) -> int:
    return sum(1 for pid in pids if truth.marks.get((cid, pid)) == code)


def group_ids_in_order(truth: DemoTruth) -> list[int]:
    return sorted(truth.groups, key=lambda g: (truth.groups[g][1], g))


def products_of_group(truth: DemoTruth, gid: int) -> list[int]:
    return [pid for pid, p in truth.products.items() if p["group_id"] == gid]


def test_default_spec_shows_everything_in_storage_order(demo_truth: DemoTruth) -> None:
    m = demo_truth.matrix
    result = apply_filters(m, FilterSpec())
    assert ids(m, result.rows) == all_customer_ids(demo_truth)
    assert len(result.rows) == 60
    assert sorted(m.products[j].id for j in result.cols) == sorted(demo_truth.products)
    assert FilterSpec().is_default and not FilterSpec(text="x").is_default
    # status-bar figures of the whole matrix, from the marks table
    cells = len(demo_truth.customers) * len(demo_truth.products)
    assert result.white == cells - len(demo_truth.marks)
    assert result.coverage == pytest.approx(100 * len(demo_truth.marks) / cells)


def test_columns_follow_group_order_then_product_order(demo_truth: DemoTruth) -> None:
    m = demo_truth.matrix
    rank = {g: k for k, g in enumerate(group_ids_in_order(demo_truth))}
    expected = sorted(
        demo_truth.products,
        key=lambda pid: (
            rank[demo_truth.products[pid]["group_id"]],
            demo_truth.products[pid]["sort_order"],
        ),
    )
    assert [m.products[j].id for j in column_order(m)] == expected


@pytest.mark.parametrize(
    ("query", "predicate"),
    [
        ("müller", lambda c: "Müller" in c["name"]),
        ("MUELLER", lambda c: "Müller" in c["name"]),
        ("muller", lambda c: "Müller" in c["name"]),
        ("koln", lambda c: c["city"] == "Köln"),
        ("Köln", lambda c: c["city"] == "Köln"),
        ("  hamburg   gmbh ", lambda c: c["city"] == "Hamburg" and "GmbH" in c["name"]),
        ("100037", lambda c: "100037" in c["number"]),
        ("süd", lambda c: "Süd" in c["name"] or "Süd" in c["city"]),
        ("Schaefer", lambda c: "Schäfer" in c["name"]),
        ("zzz-nobody", lambda c: False),
    ],
)
def test_text_search_over_name_number_city(demo_truth: DemoTruth, query: str, predicate) -> None:
    expected = [cid for cid in all_customer_ids(demo_truth) if predicate(demo_truth.customers[cid])]
    assert visible_ids(demo_truth, FilterSpec(text=query)) == expected
    if query not in ("zzz-nobody", "süd"):
        assert expected, "the demo should contain a match"


def test_text_search_ignores_segment_and_region(demo_truth: DemoTruth) -> None:
    # "Nord" is a region name only; no customer has it in name, number or city.
    assert visible_ids(demo_truth, FilterSpec(text="nord")) == []


def test_fold_is_case_and_umlaut_insensitive() -> None:
    assert fold("Müller") == fold("MUELLER") == fold("muller") == "muller"
    assert fold("Straße") == fold("STRASSE")
    assert fold("Öl  Gümbel") == "ol gumbel"
    assert fold("Köln") == fold("Koeln") == fold("koln")


def test_only_customers_with_white_spots(demo_truth: DemoTruth) -> None:
    pids = list(demo_truth.products)
    expected = [cid for cid in all_customer_ids(demo_truth) if white_count(demo_truth, cid, pids)]
    assert visible_ids(demo_truth, FilterSpec(only_white_spots=True)) == expected
    assert 0 < len(expected) <= 60


@pytest.mark.parametrize("group_index", range(5))
def test_white_spots_within_the_selected_group(demo_truth: DemoTruth, group_index: int) -> None:
    gid = group_ids_in_order(demo_truth)[group_index]
    pids = products_of_group(demo_truth, gid)
    expected = [cid for cid in all_customer_ids(demo_truth) if white_count(demo_truth, cid, pids)]
    result = apply_filters(demo_truth.matrix, FilterSpec(only_white_spots=True, group_id=gid))
    assert ids(demo_truth.matrix, result.rows) == expected
    assert 0 < len(expected) < 60, "a group where some customers have no white spot"
    assert sorted(demo_truth.matrix.products[j].id for j in result.cols) == sorted(pids)
    assert result.white == sum(white_count(demo_truth, cid, pids) for cid in expected)


def test_white_spots_within_selected_columns(demo_truth: DemoTruth) -> None:
    pids = sorted(demo_truth.products)[3:5]
    expected = [cid for cid in all_customer_ids(demo_truth) if white_count(demo_truth, cid, pids)]
    spec = FilterSpec(only_white_spots=True, white_spot_product_ids=frozenset(pids))
    assert visible_ids(demo_truth, spec) == expected
    assert 0 < len(expected) < 60


@pytest.mark.parametrize("code", [WHITE, int(Mark.COMPETITOR), int(Mark.NEED), int(Mark.OURS)])
def test_customers_where_product_has_state(demo_truth: DemoTruth, code: int) -> None:
    for pid in sorted(demo_truth.products)[::4]:
        expected = [
            cid
            for cid in all_customer_ids(demo_truth)
            if demo_truth.marks.get((cid, pid), WHITE) == code
        ]
        assert visible_ids(demo_truth, FilterSpec(product_id=pid, product_code=code)) == expected


def test_product_state_filter_of_a_deleted_product_matches_nobody(demo_truth: DemoTruth) -> None:
    assert visible_ids(demo_truth, FilterSpec(product_id=99999, product_code=WHITE)) == []


@pytest.mark.parametrize("attribute", ["segment", "region", "owner", "abc_class"])
def test_attribute_selectors(demo_truth: DemoTruth, attribute: str) -> None:
    values = distinct_values(demo_truth.matrix.customers, attribute)
    assert values == sorted({c[attribute] for c in demo_truth.customers.values()}, key=fold)
    assert len(values) >= 3
    for value in values:
        expected = [
            cid
            for cid in all_customer_ids(demo_truth)
            if demo_truth.customers[cid][attribute] == value
        ]
        assert visible_ids(demo_truth, FilterSpec(**{attribute: value})) == expected
        assert expected


def test_group_selector_hides_other_columns(demo_truth: DemoTruth) -> None:
    m = demo_truth.matrix
    for gid in demo_truth.groups:
        result = apply_filters(m, FilterSpec(group_id=gid))
        expected = sorted(
            products_of_group(demo_truth, gid), key=lambda p: demo_truth.products[p]["sort_order"]
        )
        assert [m.products[j].id for j in result.cols] == expected
        assert len(result.rows) == 60
    assert apply_filters(m, FilterSpec(group_id=UNGROUPED)).cols == []


def copy_matrix(m: Matrix) -> Matrix:
    return Matrix(
        [replace(c) for c in m.customers],
        [replace(p) for p in m.products],
        list(m.groups.values()),
        bytearray(m.grid),
    )


def test_inactive_customers_and_products_hidden_unless_asked(demo_truth: DemoTruth) -> None:
    m = copy_matrix(demo_truth.matrix)
    m.customers[2].active = False
    m.customers[7].active = False
    m.products[0].active = False
    m.products[0].group_id = None  # also exercises the "no group" column position
    default = apply_filters(m, FilterSpec())
    assert 2 not in default.rows and 7 not in default.rows and len(default.rows) == 58
    assert 0 not in default.cols and len(default.cols) == m.n_cols - 1
    shown = apply_filters(m, FilterSpec(show_inactive_customers=True, show_inactive_products=True))
    assert shown.rows == list(range(60))
    assert shown.cols[-1] == 0, "ungrouped products come last"
    assert apply_filters(m, FilterSpec(group_id=UNGROUPED, show_inactive_products=True)).cols == [0]


def _name_key(truth: DemoTruth, cid: int) -> str:
    return fold(str(truth.customers[cid]["name"]))


def test_spec_normalises_values_from_widgets() -> None:
    spec = FilterSpec(sort_key="white_spots", white_spot_product_ids=[3, 1])  # type: ignore[arg-type]
    assert spec.sort_key is SortKey.WHITE_SPOTS
    assert spec.white_spot_product_ids == frozenset({1, 3})
    with pytest.raises(ValueError):
        FilterSpec(sort_key="size")  # type: ignore[arg-type]


def test_sort_by_name(demo_truth: DemoTruth) -> None:
    expected = sorted(all_customer_ids(demo_truth), key=lambda c: _name_key(demo_truth, c))
    assert visible_ids(demo_truth, FilterSpec(sort_key=SortKey.NAME)) == expected
    assert (
        visible_ids(demo_truth, FilterSpec(sort_key=SortKey.NAME, descending=True))
        == (expected[::-1])
    )
    names = [demo_truth.customers[c]["name"] for c in expected]
    # German reading order: "Böhm" between "Berger"/"Bergmann" and "Brandt", not after "Z"
    assert names.index(next(n for n in names if n.startswith("Böhm"))) < names.index(
        next(n for n in names if n.startswith("Brandt"))
    )


@pytest.mark.parametrize(
    ("key", "code"),
    [(SortKey.WHITE_SPOTS, WHITE), (SortKey.COMPETITOR, 2), (SortKey.NEED, 3)],
)
@pytest.mark.parametrize("descending", [False, True])
def test_sort_by_counts(demo_truth: DemoTruth, key: SortKey, code: int, descending: bool) -> None:
    pids = list(demo_truth.products)

    def count(cid: int) -> int:
        if code == WHITE:
            return white_count(demo_truth, cid, pids)
        return mark_count(demo_truth, cid, pids, code)

    sign = -1 if descending else 1
    expected = sorted(
        all_customer_ids(demo_truth), key=lambda c: (sign * count(c), _name_key(demo_truth, c))
    )
    assert visible_ids(demo_truth, FilterSpec(sort_key=key, descending=descending)) == expected
    assert len({count(c) for c in expected}) > 3


def test_filters_combine(demo_truth: DemoTruth) -> None:
    gid = group_ids_in_order(demo_truth)[2]
    pids = products_of_group(demo_truth, gid)
    comp_pid = sorted(demo_truth.products)[1]
    spec = FilterSpec(
        region="Süd",
        abc_class="A",
        only_white_spots=True,
        group_id=gid,
        sort_key=SortKey.NEED,
        descending=True,
    )
    expected = [
        cid
        for cid in all_customer_ids(demo_truth)
        if demo_truth.customers[cid]["region"] == "Süd"
        and demo_truth.customers[cid]["abc_class"] == "A"
        and white_count(demo_truth, cid, pids)
    ]
    expected.sort(key=lambda c: (-mark_count(demo_truth, c, pids, 3), _name_key(demo_truth, c)))
    assert visible_ids(demo_truth, spec) == expected

    spec2 = FilterSpec(text="gmbh", product_id=comp_pid, product_code=2, owner="Anna Becker")
    expected2 = [
        cid
        for cid in all_customer_ids(demo_truth)
        if "gmbh" in str(demo_truth.customers[cid]["name"]).lower()
        and demo_truth.marks.get((cid, comp_pid)) == 2
        and demo_truth.customers[cid]["owner"] == "Anna Becker"
    ]
    assert visible_ids(demo_truth, spec2) == expected2
