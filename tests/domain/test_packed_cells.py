"""Packed undo states read back exactly what was packed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from kpm_desktop.domain.entities import CellRecord
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.packed_cells import PackedChanges

T = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)

stamps = st.one_of(
    st.none(),
    st.integers(0, 10**6).map(lambda s: T + timedelta(seconds=s)),
    st.just(T.replace(microsecond=5)),  # not whole seconds: kept as a record
    st.just(T.astimezone(timezone(timedelta(hours=1)))),  # another zone: kept as a record
)
records = st.one_of(
    st.none(),
    st.builds(
        CellRecord,
        mark=st.sampled_from(list(Mark)),
        competitor_id=st.one_of(st.none(), st.integers(1, 5)),
        our_revenue=st.one_of(st.none(), st.floats(0, 1e6)),
        contract_end=st.one_of(st.none(), st.just(date(2027, 3, 31))),
        note=st.sampled_from(["", "Vertrag"]),
        verified_at=stamps,
        updated_at=stamps,
        source=st.sampled_from(["user", "import", "demo", "neu"]),
    ),
)
changes = st.lists(st.tuples(st.integers(1, 10**6), st.integers(1, 10**4), records), max_size=40)


@given(changes)
def test_packed_changes_read_back_exactly(items) -> None:
    packed = PackedChanges(items)
    assert len(packed) == len(items)
    assert list(packed) == items
    assert packed == items
    assert [packed[i] for i in range(len(items))] == items
    if items:
        assert packed[-1] == items[-1]


def test_plain_states_are_packed_without_record_objects() -> None:
    items = [
        (c, p, CellRecord(mark=Mark.NEED, verified_at=T, updated_at=T, source="user"))
        for c in range(100)
        for p in range(30)
    ]
    packed = PackedChanges(items)
    assert not packed._extra
    assert packed.nbytes() < 30 * len(items)


def test_from_columns_equals_packing_records() -> None:
    stamp = int(T.timestamp())
    detailed = CellRecord(mark=Mark.COMPETITOR, competitor_id=3, verified_at=T, updated_at=T)
    packed = PackedChanges.from_columns(
        [1, 1, 2], [5, 6, 5], [0, 3, 2], [None, stamp, None], [None, stamp + 60, None],
        ["", "import", "user"], {2: detailed},
    )  # fmt: skip
    assert list(packed) == [
        (1, 5, None),
        (
            1,
            6,
            CellRecord(
                mark=Mark.NEED,
                verified_at=T,
                updated_at=T + timedelta(seconds=60),
                source="import",
            ),
        ),
        (2, 5, detailed),
    ]
