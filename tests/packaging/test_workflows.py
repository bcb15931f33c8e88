"""The GitHub workflows are valid and do what the README promises.

``ci.yml`` runs the tests on Linux, Windows and macOS (Python 3.11 and 3.12) for every push and
pull request, then builds the PyInstaller bundle and smoke-tests it on each system;
``release.yml`` builds the installers on a tag. Neither can run here, so they are checked with
actionlint (types, expressions, runner labels, deprecated action runtimes) and for the facts
this project relies on: current runner images, bounded smoke tests, a pinned Inno Setup.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
CI = WORKFLOWS / "ci.yml"
RELEASE = WORKFLOWS / "release.yml"


def _actionlint() -> str | None:
    beside = Path(sys.executable).with_name("actionlint")
    return str(beside) if beside.exists() else shutil.which("actionlint")


def test_workflows_pass_actionlint() -> None:
    tool = _actionlint()
    if tool is None:
        pytest.skip("actionlint is installed by the test extra on Linux x86_64 only")
    result = subprocess.run(
        [tool, "-no-color", str(CI), str(RELEASE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_runs_tests_on_three_systems_and_two_pythons_for_every_push() -> None:
    text = CI.read_text(encoding="utf-8")
    assert re.search(r"^on:\n  push:\n    branches: \[\"\*\*\"\]\n  pull_request:", text, re.M)
    assert "os: [ubuntu-24.04, windows-2025, macos-15]" in text
    assert 'python: ["3.11", "3.12"]' in text
    assert "python -m pytest" in text
    # the bundle on every system, Intel macOS included, after the tests
    assert "needs: test" in text
    assert "os: [ubuntu-24.04, windows-2025, macos-15, macos-15-intel]" in text
    assert text.count("--smoke-test") >= 3


def test_no_retired_runner_images() -> None:
    for path in (CI, RELEASE):
        text = re.sub(r"(^|\s)#.*$", "", path.read_text(encoding="utf-8"), flags=re.M)
        runners = re.findall(r"\b((?:ubuntu|windows|macos)-[\w.-]+)", text)
        assert runners, path
        for label in runners:
            assert label not in {"macos-13", "macos-12", "windows-2019", "ubuntu-20.04"}, label


def test_smoke_tests_fail_instead_of_hanging() -> None:
    """A windowed Windows build that crashes can show a dialog: nothing may wait unbounded."""
    for path in (CI, RELEASE):
        text = path.read_text(encoding="utf-8")
        steps = re.split(r"\n      - ", text)
        for step in steps:
            if "--smoke-test" not in step:
                continue
            assert "timeout-minutes:" in step, step[:200]
            for line in step.splitlines():
                if "Start-Process" in line and "kpm-desktop.exe" in line:
                    assert "-Wait" not in line, line  # bounded: WaitForExit(ms) + Stop-Process
            if "kpm-desktop.exe" in step:
                assert "WaitForExit(" in step and "Stop-Process" in step


def test_release_pins_inno_setup_63_or_newer_and_builds_linux_on_glibc_235() -> None:
    text = RELEASE.read_text(encoding="utf-8")
    pinned = re.search(r'INNO_SETUP_VERSION: "(\d+)\.(\d+)\.(\d+)"', text)
    assert pinned and (int(pinned[1]), int(pinned[2])) >= (6, 3)
    assert "choco install innosetup --version $env:INNO_SETUP_VERSION" in text
    iss = (ROOT / "packaging" / "windows" / "kpm-desktop.iss").read_text(encoding="utf-8")
    assert "x64compatible" in iss  # the reason for 6.3+
    assert "container: ubuntu:22.04" in text and 'KPM_MAX_GLIBC: "2.35"' in text
