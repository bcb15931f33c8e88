"""Due "no need" re-checks are white spots in the headless counts too (``kpm info``)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from kpm_desktop.cli import main
from kpm_desktop.samples.demo import DEMO_CUSTOMERS


def test_info_counts_due_rechecks_as_white_spots(tmp_path: Path, capsys) -> None:
    out = tmp_path / "demo.kpm"
    assert main(["demo", str(out)]) == 0
    db = sqlite3.connect(out)
    today = date.today().isoformat()
    due = db.execute(
        "SELECT count(*) FROM marks WHERE mark = 4 AND recheck_at IS NOT NULL AND recheck_at <= ?",
        (today,),
    ).fetchone()[0]
    stored_no_need = db.execute("SELECT count(*) FROM marks WHERE mark = 4").fetchone()[0]
    marked = db.execute("SELECT count(*) FROM marks").fetchone()[0]
    db.close()
    capsys.readouterr()
    assert main(["info", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert due > 0  # the demo lays re-check dates around today
    assert data["rechecks_due"] == due
    # Key accounts carry no marks of their own and do not count (their sites do).
    assert data["key_accounts"] == 2
    assert data["white_spots"] == (DEMO_CUSTOMERS - 2) * 24 - marked + due
    assert data["marks"]["no_need"] == stored_no_need - due
