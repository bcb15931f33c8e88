"""Migration 15: the cell history keeps the reason a "no need" had when its mark changed.

Session 5 (left by the helpers): after K with a reason and then X, the history said only
"K → X"; once the reason was edited or the cell marked again, why it had been K was gone.
Driven by real keys on the matrix and the cell tab, then reopened from disk; the migration
on a file the previous schema wrote, and killed half-way.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt

from kpm_desktop.domain.entities import CellRecord
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.migrations import SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository
from tests.helpers.keys import first_white_spot, mark_key_in_matrix
from tests.helpers.schema import kill_inside_migration, migration_index, two_by_two_at_schema

_M15 = migration_index("_m015_history_old_reason")
EXTENSION = "kpm_desktop.gui.side_panel.extension"


def test_k_then_x_by_key_keeps_the_reason_in_the_history(
    main_window_factory, demo_file: Path, qtbot
) -> None:
    win = main_window_factory(demo_file, extensions=(EXTENSION,), size=(1366, 768), activate=True)
    row, col, cid, pid = first_white_spot(win)
    win.view.setCurrentIndex(win.model.index(row, col))
    mark_key_in_matrix(win, Qt.Key.Key_K)
    panel = win.side_panel.panel
    panel.tabs.setCurrentIndex(panel.tab_cell)
    cell = panel.cell
    cell.reason.setCurrentIndex(1)
    reason = cell.reason.currentText()
    assert reason
    qtbot.mouseClick(cell.save_button, Qt.MouseButton.LeftButton)
    mark_key_in_matrix(win, Qt.Key.Key_X)  # the answer changed: we sell it now
    history = [cell.history.item(i).text() for i in range(cell.history.count())]
    assert any(f"({reason}) →" in line for line in history), history
    # the form's reason for the X cell is then changed away: the history still has it
    cell.mark.setCurrentIndex(cell.mark.findData(int(Mark.NO_NEED)))
    cell.reason.setCurrentIndex(2)
    qtbot.mouseClick(cell.save_button, Qt.MouseButton.LeftButton)  # K again, another reason
    other = win.workspace.repo.get_cell(cid, pid).no_need_reason
    assert other and other != reason
    path = win.workspace.repo.path
    win.close_file()
    with Repository.open(path, read_only=True) as repo:
        entries = repo.history(customer_id=cid, product_id=pid)
    changes = [(e.old_mark, e.new_mark, e.old_reason) for e in reversed(entries)]
    assert changes == [
        (None, Mark.NO_NEED, ""),
        (Mark.NO_NEED, Mark.OURS, reason),
        (Mark.OURS, Mark.NO_NEED, ""),
    ]


def test_write_cells_records_the_reason_only_for_a_changed_k(tmp_path: Path) -> None:
    path = tmp_path / "m.kpm"
    conn = two_by_two_at_schema(path, SCHEMA_VERSION)
    conn.close()
    with Repository.open(path) as repo:
        repo.write_cells([(1, 1, CellRecord(Mark.NO_NEED, no_need_reason="kein Budget"))])
        repo.write_cells([(1, 1, CellRecord(Mark.NO_NEED, no_need_reason="andere Gründe"))])
        repo.write_cells([(1, 1, None)])  # K removed: white
        repo.write_cells([(1, 2, CellRecord(Mark.NO_NEED))])  # K without a reason
        repo.set_marks([(1, 2, Mark.NEED), (2, 1, Mark.OURS)])
        got = {
            (e.product_id, e.customer_id, e.old_mark, e.new_mark): e.old_reason
            for e in repo.history()
        }
    assert got == {
        (1, 1, None, Mark.NO_NEED): "",
        (1, 1, Mark.NO_NEED, None): "andere Gründe",  # the reason it had when it changed
        (2, 1, None, Mark.NO_NEED): "",
        (2, 1, Mark.NO_NEED, Mark.NEED): "",
        (1, 2, None, Mark.OURS): "",
    }


def test_set_marks_by_key_records_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "m.kpm"
    two_by_two_at_schema(path, SCHEMA_VERSION).close()
    with Repository.open(path) as repo:
        repo.write_cells([(1, 1, CellRecord(Mark.NO_NEED, no_need_reason="kein Budget"))])
        repo.set_marks([(1, 1, Mark.COMPETITOR)])
        assert repo.history(customer_id=1, product_id=1)[0].old_reason == "kein Budget"


def _file_at_14(path: Path) -> None:
    """A file as schema 14 left it: Alpha × P was K with a reason, then X (history of it)."""
    conn = two_by_two_at_schema(path, _M15)
    conn.execute(
        "INSERT INTO marks (customer_id, product_id, mark, no_need_reason) "
        "VALUES (1, 1, 1, 'kein Budget')"
    )
    conn.execute("INSERT INTO status_rows VALUES (1, x'0100'), (2, x'0000')")
    conn.execute(
        "INSERT INTO mark_history (customer_id, product_id, old_mark, new_mark, changed_at) "
        "VALUES (1, 1, NULL, 4, 1767225600), (1, 1, 4, 1, 1767229200)"
    )
    conn.close()


def test_a_previous_schema_file_is_upgraded_and_keeps_its_history(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _file_at_14(path)
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        old = repo.history(customer_id=1, product_id=1)
        # the reason of a change made before the column existed is not known: none shown
        assert [(e.old_mark, e.new_mark, e.old_reason) for e in reversed(old)] == [
            (None, Mark.NO_NEED, ""),
            (Mark.NO_NEED, Mark.OURS, ""),
        ]
        repo.set_marks([(1, 1, Mark.NO_NEED)])  # K again: the kept reason is back
        assert repo.get_cell(1, 1).no_need_reason == "kein Budget"
        repo.set_marks([(1, 1, Mark.NEED)])
        assert repo.history(customer_id=1, product_id=1)[0].old_reason == "kein Budget"


def test_migration_killed_half_way_leaves_the_old_file_usable(tmp_path: Path) -> None:
    path = tmp_path / "old.kpm"
    _file_at_14(path)
    proc = kill_inside_migration(path, _M15)
    assert proc.returncode != 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == _M15
    columns = {r[1] for r in conn.execute("PRAGMA table_info(mark_history)")}
    assert "old_reason" not in columns  # the migration's transaction was not committed
    assert conn.execute("SELECT count(*) FROM mark_history").fetchone()[0] == 2
    conn.close()
    with Repository.open(path) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert len(repo.history(customer_id=1, product_id=1)) == 2


def test_a_reason_with_a_percent_sign_stays_as_typed_in_a_colleagues_line(qtbot) -> None:
    """The reason is the user's text: a "%2" in it is not replaced by the colleague's name
    (review of session 6)."""
    from datetime import datetime

    from kpm_desktop.domain.entities import CellRecord, HistoryEntry
    from kpm_desktop.gui.side_panel.cell_details import CellDetailsView

    view = CellDetailsView()
    qtbot.addWidget(view)
    entry = HistoryEntry(
        1, 1, Mark.NO_NEED, Mark.OURS, datetime(2026, 12, 1, 9, 0), "team:anna", old_reason="50%2"
    )
    view.set_cell(
        "Müller", "Servomotoren", CellRecord(Mark.OURS), [], [], [entry], stale=False, due=False
    )
    line = view.history.item(0).text()
    assert "(50%2)" in line and line.endswith("(anna)"), line
