"""``kpm export``: the output name's suffix must match the format chosen by ``--xlsx``/``--pdf``
(field test: ``--pdf x.xlsx`` wrote a PDF named .xlsx). A mismatch is one line, exit code 2,
and nothing is written: an existing target stays byte-identical. The GUI's export dialog
gives the name the format's suffix itself; the CLI names the format with its option, so it
refuses a name that says otherwise instead of guessing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kpm_desktop.cli import main
from tests.helpers.files import file_hash

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("option", "name", "wanted"),
    [
        ("--pdf", "matrix.xlsx", ".pdf"),
        ("--xlsx", "matrix.pdf", ".xlsx"),
        ("--pdf", "matrix", ".pdf"),
        ("--xlsx", "matrix.xlsx.tmp", ".xlsx"),
    ],
)
def test_a_name_that_does_not_match_the_format_is_refused(
    demo_file: Path, tmp_path: Path, capsys, option: str, name: str, wanted: str
) -> None:
    out = tmp_path / name
    before = sorted(tmp_path.rglob("*"))
    assert main(["export", str(demo_file), option, str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert wanted in lines[0] and name in lines[0] and "nothing was written" in lines[0]
    assert sorted(tmp_path.rglob("*")) == before  # no target, no temporary file


def test_an_existing_target_stays_byte_identical(demo_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "karte.xlsx"
    assert main(["export", str(demo_file), "--xlsx", str(out)]) == 0
    before = file_hash(out)
    capsys.readouterr()
    assert main(["export", str(demo_file), "--pdf", str(out)]) == 2
    assert ".pdf" in capsys.readouterr().err
    assert file_hash(out) == before
    # the visit one-pager and the blank worksheet are PDFs too
    assert main(["export", str(demo_file), "--visit", "100037", "--pdf", str(out)]) == 2
    assert main(["export", str(demo_file), "--blank", "--pdf", str(out)]) == 2
    assert file_hash(out) == before


def test_the_suffix_is_matched_without_regard_to_case(
    demo_file: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "MATRIX.PDF"
    assert main(["export", str(demo_file), "--pdf", str(out), "--lang", "en"]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_the_real_command_exits_2_with_one_line(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    result = subprocess.run(
        [sys.executable, "-m", "kpm_desktop.cli", "export", str(demo_file), "--pdf", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert "x.xlsx" in result.stderr and ".pdf" in result.stderr
    assert not out.exists()
