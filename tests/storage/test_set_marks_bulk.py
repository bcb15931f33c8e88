"""Setting marks on many cells: batched path, details kept, exact undo, compact undo data."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.packed_cells import PackedChanges
from kpm_desktop.storage.backup import content_hash
from kpm_desktop.storage.repository import Repository

AT = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def test_bulk_marks_keep_details_and_undo_restores_the_file(demo_file: Path) -> None:
    with Repository.open(demo_file) as repo:
        m = repo.load_matrix()
        cells = [(c.id, p.id) for c in m.customers[:20] for p in m.products[:12]]
        # one cell with details, one with a hand-written text timestamp
        cid, pid = cells[5]
        rec = repo.get_cell(cid, pid) or (repo.set_marks([(cid, pid, Mark.OURS)]) and None)
        rec = repo.get_cell(cid, pid)
        assert rec is not None
        repo.write_cells(
            [
                (
                    cid,
                    pid,
                    replace(
                        rec,
                        competitor_id=None,
                        note="Rahmenvertrag",
                        contract_end=date(2027, 1, 31),
                    ),
                )
            ]
        )
        with repo.transaction() as conn:
            conn.execute(
                "UPDATE marks SET verified_at = '2025-01-02T03:04:05Z' "
                "WHERE customer_id = ? AND product_id = ?",
                cells[7],
            )
        before_hash = content_hash(repo.conn)
        before = {key: repo.get_cell(*key) for key in cells}
        history_before = repo.counts()["mark_history"]

        old = repo.set_marks([(c, p, Mark.NEED) for c, p in cells], at=AT)
        assert isinstance(old, PackedChanges)
        assert list(old) == [(c, p, before[(c, p)]) for c, p in cells]
        for key in cells:
            now = repo.get_cell(*key)
            assert now is not None and now.mark == Mark.NEED
            assert now.verified_at == AT and now.updated_at == AT and now.source == "user"
            if before[key] is not None:  # details kept
                assert now.note == before[key].note
                assert now.contract_end == before[key].contract_end
        changed = sum(1 for key in cells if (before[key] and before[key].mark) != Mark.NEED)
        assert repo.counts()["mark_history"] == history_before + changed
        assert repo.verify() == []

        # undo: the exact previous states, and the same as the per-cell path would give
        repo.write_cells(list(old), record_history=False)
        assert {key: repo.get_cell(*key) for key in cells} == before
        with repo.transaction() as conn:
            conn.execute("DELETE FROM mark_history WHERE id > ?", (history_before,))
            # the hand-written text time comes back as the same instant, stored as integer
            conn.execute(
                "UPDATE marks SET verified_at = '2025-01-02T03:04:05Z' "
                "WHERE customer_id = ? AND product_id = ?",
                cells[7],
            )
        assert content_hash(repo.conn) == before_hash

        # white spots
        old = repo.set_marks([(c, p, None) for c, p in cells], at=AT)
        assert all(repo.get_cell(*key) is None for key in cells)
        repo.write_cells(list(old))
        assert {key: repo.get_cell(*key) for key in cells} == before


def test_a_cell_given_twice_is_set_in_order(demo_file: Path) -> None:
    with Repository.open(demo_file) as repo:
        m = repo.load_matrix()
        key = (m.customers[0].id, m.products[0].id)
        repo.set_marks([(*key, Mark.OURS), (*key, Mark.NO_NEED)], at=AT)
        assert repo.get_cell(*key).mark == Mark.NO_NEED  # type: ignore[union-attr]
        assert repo.verify() == []
