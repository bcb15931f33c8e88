"""``kpm --version --verbose`` reports what team sync loads: psycopg and its libpq (the
packaging check runs the same command inside the frozen bundle)."""

from __future__ import annotations

import re

import psycopg

from kpm_desktop import __version__
from kpm_desktop.cli import main as kpm


def test_version_verbose_reports_psycopg_and_libpq(capsys) -> None:
    assert kpm(["--version", "--verbose"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"kpm {__version__}"
    assert lines[1].startswith("Python ")
    assert re.fullmatch(r"psycopg \S+ \((binary|c|python)\), libpq \d+\.\d+", lines[2])
    assert f"libpq {psycopg.pq.version() // 10000}." in lines[2]


def test_plain_version_stays_one_line(capsys) -> None:
    try:
        kpm(["--version"])
    except SystemExit as exc:  # argparse's version action
        assert exc.code == 0
    assert capsys.readouterr().out.strip() == f"kpm {__version__}"
