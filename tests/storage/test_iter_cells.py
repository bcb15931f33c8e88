"""Repository.iter_cells: the bulk read path of exports gives exactly the stored records."""

from __future__ import annotations

from pathlib import Path

from kpm_desktop.storage.repository import Repository


def test_iter_cells_matches_get_cell_and_status_grid(demo_template: Path) -> None:
    with Repository.open(demo_template, read_only=True) as repo:
        cells = list(repo.iter_cells())
        matrix = repo.load_matrix()
        assert len(cells) == matrix.totals().known
        assert cells == sorted(cells, key=lambda c: (c[0], c[1]))
        for cid, pid, rec in cells[::25]:
            assert repo.get_cell(cid, pid) == rec
            assert matrix.mark(matrix.row_of[cid], matrix.col_of[pid]) is rec.mark
