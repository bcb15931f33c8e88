"""kpm's PDF outputs (matrix sheet, visit sheet, trip pack) into a folder that cannot take
the file, and a matrix sheet the paper cannot hold. The rule for bad input: one translated
line, exit code 2, nothing written.

``/proc`` stands in for a folder the user cannot write to (a read-only share, a folder of
another user, "C:\\Program Files"): creating ``out.pdf.partial`` there fails even for root.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers.processes import run_kpm

GERMAN_SYSTEM = {"LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8"}
UNWRITABLE = Path("/proc/kpm-review-out.pdf")
QT_NOISE = ("Detected locale", "Qt depends", "If this causes", "for more information")

on_linux = pytest.mark.skipif(sys.platform != "linux", reason="/proc as unwritable folder")


def _lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if not ln.startswith(QT_NOISE)]


@on_linux
def test_export_pdf_into_an_unwritable_folder_says_one_german_line(
    demo_file: Path, saved_language
) -> None:
    saved_language("de")
    out = run_kpm("export", str(demo_file), "--pdf", str(UNWRITABLE), env=GERMAN_SYSTEM)
    assert out.returncode == 2, out.stderr
    lines = _lines(out.stderr)
    # one line (no "QPainter::begin(): Returned false" from Qt beside it) ...
    assert len(lines) == 1, out.stderr
    # ... in German (was: "cannot start painting (is the output file writable?)"),
    # naming the user's file, not the .partial copy
    assert lines[0].startswith("kpm export: Fehler: "), lines[0]
    assert "cannot start painting" not in lines[0], lines[0]
    assert str(UNWRITABLE) in lines[0] and ".partial" not in lines[0], lines[0]


@on_linux
def test_trip_pdf_into_an_unwritable_folder_says_one_german_line(
    demo_file: Path, saved_language
) -> None:
    saved_language("de")
    out = run_kpm(
        "trip", str(demo_file), "--customers", "100481", "--date", "2026-12-08",
        "--pdf", str(UNWRITABLE), env=GERMAN_SYSTEM,
    )  # fmt: skip
    assert out.returncode == 2, out.stderr
    lines = _lines(out.stderr)
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("kpm trip: Fehler: "), lines[0]
    assert "cannot start painting" not in out.stderr, out.stderr


@on_linux
def test_export_visit_pdf_into_an_unwritable_folder_is_translated(
    demo_file: Path, saved_language
) -> None:
    saved_language("de")
    out = run_kpm(
        "export", str(demo_file), "--visit", "100481", "--pdf", str(UNWRITABLE), env=GERMAN_SYSTEM
    )
    assert out.returncode == 2, out.stderr
    lines = _lines(out.stderr)
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("kpm export: Fehler: "), lines[0]
    assert "cannot start painting" not in out.stderr, out.stderr


def test_a_matrix_sheet_too_wide_for_the_paper_is_said_in_german(
    demo_file: Path, tmp_path: Path, saved_language
) -> None:
    """All ten customer columns on A4 portrait leave no room for a product column: one German
    line saying what to do (was report.pdf_matrix's plain English ValueError "the paper is
    too small for the matrix sheet"), nothing written."""
    saved_language("de")
    out = run_kpm(
        "export", str(demo_file), "--pdf", str(tmp_path / "m.pdf"), "--paper", "A4",
        "--portrait", "--attributes",
        "number,segment,region,owner,city,postcode,abc_class,annual_revenue,tags,parent",
        env=GERMAN_SYSTEM,
    )  # fmt: skip
    assert out.returncode == 2, out.stderr
    lines = _lines(out.stderr)
    assert lines == [
        "kpm export: Fehler: das Matrixblatt passt nicht auf das Papier: weniger Kundenspalten "
        "zeigen oder Querformat bzw. A3 wählen"
    ], out.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("m.pdf")]
