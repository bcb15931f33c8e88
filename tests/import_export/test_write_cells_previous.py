"""Repository.write_cells(previous=...): the batched path used by imports gives the same result."""

from __future__ import annotations

from pathlib import Path

from kpm_desktop.domain.entities import CellRecord
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import dump


def _changes(repo: Repository):
    m = repo.load_matrix()
    c = [x.id for x in m.customers]
    p = [x.id for x in m.products]
    return [
        (c[0], p[0], CellRecord(Mark.NEED, note="neu")),  # replace
        (c[0], p1 := p[1], None),  # clear
        (c[2], p[2], CellRecord(Mark.OURS, our_revenue=5.0)),  # new (no status row yet)
    ], p1


def test_batched_path_matches_the_per_cell_path(small_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.kpm"
    other.write_bytes(small_file.read_bytes())
    with Repository.open(small_file) as a, Repository.open(other) as b:
        changes, _ = _changes(a)
        old_a = a.write_cells(changes, source="t")
        previous = [b.get_cell(cid, pid) for cid, pid, _ in changes]
        old_b = b.write_cells(changes, source="t", previous=previous)
        assert old_a == old_b
        assert a.verify() == [] and b.verify() == []
        assert len(a.history()) == len(b.history()) == 6  # 3 initial marks + 3 changes
    assert dump(small_file) == dump(other)


def test_previous_must_match_length(small_file: Path) -> None:
    import pytest

    with Repository.open(small_file) as repo:
        changes, _ = _changes(repo)
        with pytest.raises(ValueError):
            repo.write_cells(changes, previous=[None])
