"""Issue 19, item 17: the matrix window counts like every other place.

Random files with due "no need" re-checks and key accounts (see ``tests/storage/
test_one_count.py``, which compares the CLI, insights, exports, side panel and workspace): the
status bar, the per-product count lines and the per-customer counts of the matrix give the
same numbers as the cell-by-cell reference and as ``kpm info``.
"""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

import pytest

from kpm_desktop.cli.cmd_info import summary
from kpm_desktop.storage.repository import Repository
from tests.helpers.counting import (
    FIELDS,
    key_account_rows,
    random_file,
    reference,
    write_file,
)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_status_bar_and_matrix_counts_agree(
    qtbot, main_window_factory, tmp_path: Path, seed
) -> None:
    spec = random_file(random.Random(seed))
    path = tmp_path / "m.kpm"
    write_file(path, spec, date.today())
    expected = reference(spec)
    with Repository.open(path, read_only=True) as repo:
        info = summary(repo)
    assert info["white_spots"] == expected["white"]

    win = main_window_factory(path)
    model = win.model
    assert model.grouping_active
    # The due re-checks arrive with the cell ages (loaded after the first frame).
    qtbot.waitUntil(lambda: model.visible_white() == expected["white"], timeout=10_000)
    win._update_status()
    numbers = re.findall(r"[\d.]+", win.status_label.toolTip().replace("\u202f", ""))
    assert str(expected["white"]) in numbers, win.status_label.toolTip()
    totals = model.visible_totals()
    assert {f: getattr(totals, f) for f in FIELDS} == expected
    cols = [model.col_counts(j) for j in range(model.columnCount())]
    assert {f: sum(getattr(c, f) for c in cols) for f in FIELDS} == expected
    # Per customer: sites and stand-alone rows add up; a key account's row is its sites'.
    groups = key_account_rows(spec)
    per_row = dict.fromkeys(FIELDS, 0)
    for v in range(model.rowCount()):
        if model.is_group_row(v):
            assert model.matrix_row(v) in groups
            continue
        rc = model.row_counts(v)
        for f in FIELDS:
            per_row[f] += getattr(rc, f)
    assert per_row == expected
