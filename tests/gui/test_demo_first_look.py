"""What a new user's demo looks like (QA of session 3): its history lies in the past when
``kpm demo`` makes it, a few cells carry a note the matrix marks in the corner on the first
screen, and its marks are those the demo always had."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from pathlib import Path

from kpm_desktop.samples.demo import CELL_NOTES
from tests.helpers.demo import DEMO_TODAY
from tests.helpers.processes import run_kpm

# Every mark of the demo as of DEMO_TODAY with its details (the note aside), as the demo had
# them before the cell notes came: adding notes changed no mark.
DEMO_MARKS_SHA256 = "1e37f4213a77b8d5aa2d070d3dfbea9caa282928f4c3e90921a96f529549bc42"


def _marks_digest(path: Path) -> tuple[int, str]:
    with sqlite3.connect(path) as con:
        rows = con.execute(
            "SELECT c.uuid, p.uuid, m.mark, m.competitor_id, m.our_revenue, m.potential, "
            "m.contract_end, m.no_need_reason, m.recheck_at, m.verified_at, m.updated_at, "
            "m.source FROM marks m JOIN customers c ON c.id = m.customer_id "
            "JOIN products p ON p.id = m.product_id ORDER BY 1, 2"
        ).fetchall()
    return len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()


def test_kpm_demo_writes_its_history_in_the_past_with_a_few_noted_cells(tmp_path: Path) -> None:
    out = tmp_path / "demo.kpm"
    started = int(time.time())
    made = run_kpm("demo", str(out))
    assert made.returncode == 0, made.stderr
    with sqlite3.connect(out) as con:
        newest, n = con.execute("SELECT max(changed_at), count(*) FROM mark_history").fetchone()
        notes = con.execute("SELECT count(*) FROM marks WHERE note != ''").fetchone()[0]
    assert n > 700 and newest < started  # epoch seconds; was 09:00 UTC on the day made
    assert notes == len(CELL_NOTES)


def test_the_seed_stamp_is_before_the_day_begins_anywhere() -> None:
    """``today`` is the local date: its first moment is at most 14 h before UTC midnight
    (UTC+14), so a stamp before that is in the past wherever and whenever the demo is made.
    09:00 UTC on ``today`` was in the future until 09:00 UTC (10:00 in Germany)."""
    from datetime import UTC, datetime, time, timedelta

    from kpm_desktop.samples.demo import seed_stamp

    earliest_start = datetime.combine(DEMO_TODAY, time(0), tzinfo=UTC) - timedelta(hours=14)
    assert seed_stamp(DEMO_TODAY) <= earliest_start


def test_the_demo_marks_are_unchanged_by_the_notes() -> None:
    import tempfile

    from kpm_desktop.samples.demo import write_demo

    with tempfile.TemporaryDirectory() as folder:
        path = write_demo(Path(folder) / "demo.kpm", today=DEMO_TODAY)
        assert _marks_digest(path) == (775, DEMO_MARKS_SHA256)


def test_a_new_user_sees_note_markers_on_the_first_screen(
    main_window_factory, qtbot, tmp_path: Path
) -> None:
    from kpm_desktop.gui.matrix_model import HAS_NOTE_ROLE, TOOLTIP_ROLE
    from kpm_desktop.samples.demo import write_demo

    path = write_demo(tmp_path / "demo.kpm", today=DEMO_TODAY)
    win = main_window_factory(path, size=(1366, 768))
    model, view, ws = win.model, win.view, win.workspace
    qtbot.waitUntil(lambda: ws.noted_loaded, timeout=5_000)
    shown = view.viewport().rect()
    noted = [
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.data(model.index(r, c), HAS_NOTE_ROLE)
    ]
    assert len(noted) == len(CELL_NOTES)
    on_screen = [i for i in noted if shown.contains(view.visualRect(i).center())]
    assert len(on_screen) >= 4, [(i.row(), i.column()) for i in noted]
    texts = {text for _i, _m, text in CELL_NOTES}
    for index in on_screen:
        tip = model.data(index, TOOLTIP_ROLE) or ""
        assert any(text in tip for text in texts), tip
