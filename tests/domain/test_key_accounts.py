"""Key accounts: the roll-up rule against a cell-by-cell reference, counts, structure."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kpm_desktop.domain.entities import Customer
from kpm_desktop.domain.key_accounts import (
    KeyAccounts,
    StateCounts,
    cell_counts,
    link_problem,
    rollup,
    rollup_of_rows,
)
from kpm_desktop.domain.marks import WHITE
from tests.helpers.key_accounts import reference_rollup


@st.composite
def site_rows(draw):
    n = draw(st.integers(min_value=0, max_value=40))
    k = draw(st.integers(min_value=0, max_value=12))
    rows = [bytes(draw(st.lists(st.integers(0, 4), min_size=n, max_size=n))) for _ in range(k)]
    return n, rows


@settings(max_examples=300, deadline=None)
@given(site_rows())
def test_rollup_matches_the_cell_by_cell_rule(data) -> None:
    n, rows = data
    assert rollup(rows, n) == reference_rollup(rows, n)
    grid = b"".join(rows)
    assert rollup_of_rows(grid, n, list(range(len(rows)))) == reference_rollup(rows, n)


@settings(max_examples=200, deadline=None)
@given(site_rows())
def test_state_counts_match_a_cell_by_cell_count(data) -> None:
    n, rows = data
    grid = b"".join(rows)
    idx = list(range(len(rows)))
    counts = StateCounts(grid, n, idx)
    for j in range(n):
        column = [row[j] for row in rows]
        expected = {code: column.count(code) for code in (0, 1, 2, 3, 4)}
        assert {code: counts.at(code, j) for code in expected} == expected
        assert cell_counts(grid, n, idx, j) == expected


def test_rollup_of_no_sites_is_all_white() -> None:
    assert rollup([], 3) == bytes(3)
    assert rollup([], 0) == b""


def test_more_than_255_sites_are_counted() -> None:
    rows = [bytes([1, 0])] * 300
    counts = StateCounts(b"".join(rows), 2, list(range(300)))
    assert counts.at(1, 0) == 300 and counts.at(WHITE, 1) == 300


def _customers(links: dict[str, str], names: str = "ABCDEF") -> list[Customer]:
    return [Customer(name=x, uuid=x, parent_uuid=links.get(x, "")) for x in names]


def test_structure_one_level() -> None:
    ka = KeyAccounts.build(_customers({"B": "A", "C": "A", "E": "D"}))
    assert ka.sites == {0: [1, 2], 3: [4]}
    assert ka.parent_of == [-1, 0, 0, -1, 3, -1]
    assert ka.members() == [1, 2, 4, 5]
    assert ka.is_group(0) and not ka.is_group(1)


def test_chain_and_dangling_links_are_read_as_one_level() -> None:
    # C -> B -> A: B has a site, so B stays a key account and its own link is ignored;
    # F names a customer that is not in the file: no link.
    ka = KeyAccounts.build(_customers({"C": "B", "B": "A", "F": "ZZZ", "E": "E"}))
    assert ka.sites == {1: [2]}
    assert ka.parent_of == [-1, -1, 1, -1, -1, -1]
    assert not KeyAccounts.build(_customers({}))


def test_link_problems() -> None:
    cs = _customers({"B": "A"})
    a, b, c = cs[0], cs[1], cs[2]
    assert link_problem(cs, c, "A") is None
    assert link_problem(cs, c, "") is None
    assert link_problem(cs, c, "C") == "self"
    assert link_problem(cs, c, "B") == "parent_is_site"
    assert link_problem(cs, a, "C") == "child_has_sites"
    assert link_problem(cs, c, "nope") == "unknown"
    assert link_problem(cs, b, "A") is None


def test_demo_has_two_key_accounts_and_keeps_its_other_customers(
    demo_template, demo_ka_template
) -> None:
    from kpm_desktop.samples.demo import DEMO_CUSTOMERS
    from kpm_desktop.storage.repository import Repository

    with Repository.open(demo_ka_template, read_only=True) as repo:
        full = repo.load_matrix()
    with Repository.open(demo_template, read_only=True) as repo:
        classic = repo.load_matrix()
    assert full.n_rows == DEMO_CUSTOMERS
    n = full.n_cols
    # The first 60 customers are the same with or without key accounts.
    assert full.grid[: classic.n_rows * n] == classic.grid
    assert [c.name for c in full.customers[: classic.n_rows]] == [c.name for c in classic.customers]
    ka = KeyAccounts.build(full.customers)
    assert sorted(len(s) for s in ka.sites.values()) == [3, 4]
    for group, sites in ka.sites.items():
        assert full.row_codes(group) == bytes(n)  # the key account itself has no marks
        rolled = rollup_of_rows(full.grid, n, sites)
        assert rolled.count(WHITE) < n // 2  # its sites are well known
