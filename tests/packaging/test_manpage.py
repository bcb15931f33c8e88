"""kpm(1) is written from the CLI's own parser, and the Debian changelog names this version."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import kpm_desktop
from kpm_desktop.cli import COMMAND_MODULES, build_parser

ROOT = Path(__file__).resolve().parents[2]


def _make_manpage():
    spec = importlib.util.spec_from_file_location(
        "make_manpage", ROOT / "packaging" / "make_manpage.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _manpage() -> str:
    return _make_manpage().manpage()


def test_manpage_lists_every_command_with_its_options() -> None:
    page = _manpage()
    assert page.startswith(".TH KPM 1 ")
    assert f"KPM Desktop {kpm_desktop.__version__}" in page
    sections = [s.replace("\\-", "-") for s in re.findall(r"^\.SS (.+)$", page, flags=re.M)]
    commands = list(_make_manpage()._subcommands(build_parser()))
    assert sections == commands and len(commands) >= len(COMMAND_MODULES)
    assert "\\-\\-dry\\-run" in page  # an option of kpm import, escaped for roff


def test_manpage_renders_without_groff_warnings(tmp_path: Path) -> None:
    groff = shutil.which("groff")
    if groff is None:
        pytest.skip("groff is not installed (Debian: groff-base)")
    source = tmp_path / "kpm.1"
    source.write_text(_manpage(), encoding="utf-8")
    result = subprocess.run(
        [groff, "-man", "-Tutf8", "-ww", "-z", str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_debian_changelog_is_debian_syntax_for_this_version() -> None:
    text = (ROOT / "packaging" / "linux" / "changelog").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert re.fullmatch(r"kpm-desktop \((\S+)\) \w+; urgency=\w+", first)
    assert first.split("(")[1].split(")")[0] == kpm_desktop.__version__
    trailer = re.search(
        r"^ -- .+ <.+@.+>  \w{3}, \d{2} \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}$", text, re.M
    )
    assert trailer, "maintainer line: ' -- Name <mail>  RFC 5322 date'"
