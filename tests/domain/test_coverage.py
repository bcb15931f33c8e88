"""One coverage formula (QA of session 3: ``kpm info`` computed its own twin of
``MarkCounts.coverage``): ``domain.matrix.coverage_percent`` is it, every figure uses it, and
the ``kpm`` process prints what the window shows."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from kpm_desktop.domain.filters import FilterResult
from kpm_desktop.domain.matrix import MarkCounts, coverage_percent
from kpm_desktop.storage.counting import count_totals, counting_matrix
from kpm_desktop.storage.repository import Repository
from tests.helpers.processes import run_kpm

PACKAGE = Path(__file__).resolve().parents[2] / "kpm_desktop"
# "100 * (a - white) / a" or "100 * known / a" written out again somewhere
_TWIN = re.compile(
    r"100(\.0)?\s*\*\s*(\(?\s*[\w.]+\s*-\s*[\w.()]*white[\w.()]*\s*\)?|known)\s*/",
    re.IGNORECASE,
)


def test_the_formula_and_its_users_agree() -> None:
    assert coverage_percent(0, 0) == 0.0
    assert coverage_percent(1_000, 521) == 47.9
    counts = MarkCounts(white=521, ours=200, competitor=150, need=79, no_need=50)
    assert counts.coverage == coverage_percent(1_000, 521)
    part = FilterResult(rows=list(range(40)), cols=list(range(25)), white=521)
    assert part.coverage == coverage_percent(1_000, 521)


def test_no_module_writes_the_formula_out_again() -> None:
    twins = [
        f"{path.relative_to(PACKAGE.parent)}:{n}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _TWIN.search(line) and not path.match("domain/matrix.py")
    ]
    assert twins == []


def test_kpm_info_prints_the_coverage_of_the_counted_totals(demo_file: Path) -> None:
    with Repository.open(demo_file, read_only=True) as repo:
        totals = count_totals(counting_matrix(repo, date.today()))
    out = run_kpm("info", str(demo_file))
    assert out.returncode == 0, out.stderr
    assert f"coverage {totals.coverage:.1f} %" in out.stdout
