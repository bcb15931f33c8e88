"""QA pass on the integrated app: the team commands refuse bad input without touching the file.

A writing open stamps a session marker into the matrix file, so a command that opened the
file for writing and only then noticed the bad input changed its bytes (found by hashing a
fresh ``kpm demo`` file before and after ``kpm sync`` / ``kpm merge``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kpm_desktop.cli import main
from tests.helpers.files import file_hash


def test_sync_outside_a_team_leaves_the_file_byte_identical(demo_file: Path, capsys) -> None:
    before = file_hash(demo_file)
    assert main(["sync", str(demo_file)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is not part of a team" in err[0]
    assert file_hash(demo_file) == before


@pytest.mark.parametrize("theirs", ["missing.kpm", "notes.txt"])
def test_merge_with_a_bad_second_file_leaves_mine_byte_identical(
    demo_file: Path, tmp_path: Path, capsys, theirs: str
) -> None:
    (tmp_path / "notes.txt").write_text("not a matrix\n", encoding="utf-8")
    before = file_hash(demo_file)
    assert main(["merge", str(demo_file), str(tmp_path / theirs)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and theirs in err[0]
    assert file_hash(demo_file) == before
