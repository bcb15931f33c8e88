"""Crash test: >= 100 SIGKILLs of a child editing a file; nothing acknowledged may be lost."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.safety.crash_harness import run_crash_cycles

CYCLES = int(os.environ.get("KPM_CRASH_CYCLES", "100"))


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fork server are POSIX")
def test_sigkill_never_loses_or_half_applies_an_action(
    demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    matrix = tmp_path / "crash.kpm"
    shutil.copyfile(demo_template, matrix)
    # At least CYCLES kills and CYCLES acknowledged actions: under load the child gets little
    # CPU between kills, so more cycles run (at most 5x) instead of the bound failing.
    report = run_crash_cycles(
        matrix, cycles=CYCLES, seed=20261127, min_acknowledged=CYCLES, max_cycles=5 * CYCLES
    )
    figures = report.figures()
    with capsys.disabled():
        print("\ncrash test:", json.dumps(figures))
    assert report.failures == []
    assert report.cycles >= CYCLES
    assert report.lost == 0 and report.half_applied == 0 and report.integrity_failures == 0
    assert report.acknowledged >= CYCLES  # the child got real work done between kills
    assert set(report.actions_by_kind) >= {"cells", "note", "goal"}
    assert report.in_flight_committed + report.in_flight_absent > 0  # kills hit actions
