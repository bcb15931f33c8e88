"""``kpm merge`` copies the colleague's history of a taken cell completely, the no-need
reason a change replaced (migration 15's ``mark_history.old_reason``) included."""

from __future__ import annotations

import shutil
from pathlib import Path

from kpm_desktop.cli import main
from kpm_desktop.domain.entities import CellRecord
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository


def test_merge_keeps_the_reason_of_a_changed_k_in_the_history(
    demo_file: Path, tmp_path: Path
) -> None:
    theirs = tmp_path / "kollege.kpm"
    shutil.copyfile(demo_file, theirs)
    with Repository.open(theirs) as repo:
        matrix = repo.load_matrix()
        r, c = next(
            (r, c)
            for r in range(len(matrix.customers))
            for c in range(len(matrix.products))
            if matrix.mark(r, c) is None
        )
        cid, pid = matrix.customers[r].id, matrix.products[c].id
        repo.write_cells([(cid, pid, CellRecord(Mark.NO_NEED, no_need_reason="kein Budget"))])
        repo.set_marks([(cid, pid, Mark.OURS)])
        assert repo.history(customer_id=cid, product_id=pid)[0].old_reason == "kein Budget"
    assert main(["merge", str(demo_file), str(theirs)]) == 0
    with Repository.open(demo_file, read_only=True) as repo:
        assert repo.get_cell(cid, pid).mark is Mark.OURS
        changes = [
            (e.old_mark, e.new_mark, e.old_reason)
            for e in repo.history(customer_id=cid, product_id=pid)
        ]
    assert (Mark.NO_NEED, Mark.OURS, "kein Budget") in changes, changes
