"""``kpm … | head -1``: a reader that goes away ends every command quietly (issue 15 item 13)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kpm_desktop.cli import COMMAND_MODULES, main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("pipe")
    demo = d / "demo.kpm"
    assert main(["demo", str(demo)]) == 0
    csv = d / "k.csv"
    csv.write_text("Firma;Ort\n" + "".join(f"Firma {i};Ort {i}\n" for i in range(300)), "utf-8")
    return {"dir": d, "demo": demo, "csv": csv}


def _closed_pipe(args: list[str]) -> subprocess.CompletedProcess:
    """Run ``kpm ARGS`` whose stdout reader has already gone (like ``| head -0``)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    read, write = os.pipe()
    os.close(read)  # nobody will read: the first write fails with EPIPE
    try:
        return subprocess.run(
            [sys.executable, "-m", "kpm_desktop.cli", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            env=env,
            cwd=ROOT,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write)


def _invocations(files: dict[str, Path]) -> list[list[str]]:
    demo, d = str(files["demo"]), files["dir"]
    out = [["--help"]] + [[name, "--help"] for name in COMMAND_MODULES]
    out += [
        ["info", demo],
        ["check", demo],
        ["insights", demo],
        ["diff", demo, "--since", "2000-01-01"],
        ["snapshot", demo, "--list"],
        ["backup", demo, "--list"],
        ["import", demo, str(files["csv"]), "--kind", "customers", "--dry-run"],
        ["import", demo, str(files["csv"]), "--kind", "customers", "--dry-run", "--json"],
        ["demo", str(d / "second.kpm")],
        ["generate", "--customers", "20", "--products", "5", str(d / "g.kpm")],
        ["export", demo, "--xlsx", str(d / "e.xlsx")],
    ]
    return out


def test_every_command_ends_quietly_on_a_closed_pipe(files: dict[str, Path]) -> None:
    failures = []
    for args in _invocations(files):
        result = _closed_pipe(args)
        err = result.stderr.decode("utf-8", "replace")
        if "Traceback" in err or "BrokenPipe" in err or "Exception ignored" in err:
            failures.append((args, err[-400:]))
        elif result.returncode not in (0, 1, 141):
            failures.append((args, f"exit {result.returncode}: {err[-400:]}"))
    assert not failures, failures
