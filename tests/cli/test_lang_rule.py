"""One ``--lang`` rule for every ``kpm`` command (QA of session 3): without ``--lang``,
``kpm export``, ``trip``, ``diff`` and ``insights`` write in the app's UI language, as the
window speaks it: the saved setting (Settings › Language), else German on a German system and
English elsewhere. Each command runs as a real ``kpm`` process that reads the session's
settings file (the XDG folders tests/conftest.py sets up) and the system locale from the
environment."""

from __future__ import annotations

from pathlib import Path

import icalendar
import openpyxl
import pytest

from kpm_desktop.cli.language import ui_language
from kpm_desktop.gui.i18n import choose_language, stored_language_setting
from tests.helpers.processes import run_kpm

GERMAN_SYSTEM = {"LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8"}
ENGLISH_SYSTEM = {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}


def _ok(*args: str, env: dict[str, str]) -> None:
    out = run_kpm(*args, env=env)
    assert out.returncode in (0, 1), out.stderr


def _sheets(path: Path) -> list[str]:
    return openpyxl.load_workbook(path, read_only=True).sheetnames


@pytest.mark.parametrize(
    ("saved", "system", "lang"),
    [
        ("en", GERMAN_SYSTEM, "en"),  # the saved setting wins over the system
        ("de", ENGLISH_SYSTEM, "de"),
        (None, GERMAN_SYSTEM, "de"),  # nothing saved: the system's language
        (None, ENGLISH_SYSTEM, "en"),
        ("system", GERMAN_SYSTEM, "de"),  # "follow the system", saved explicitly
    ],
)
def test_every_command_without_lang_writes_the_ui_language(
    demo_file: Path, tmp_path: Path, saved_language, saved, system, lang
) -> None:
    saved_language(saved)
    assert choose_language(stored_language_setting()) in ("de", "en")  # the window's rule
    de = lang == "de"

    _ok("export", str(demo_file), "--xlsx", str(tmp_path / "m.xlsx"), env=system)
    assert _sheets(tmp_path / "m.xlsx")[2] == ("Daten" if de else "Data")

    _ok("snapshot", str(demo_file), "--label", "A", env=system)
    _ok("diff", str(demo_file), "--snapshot", "A", "--xlsx", str(tmp_path / "d.xlsx"), env=system)
    assert _sheets(tmp_path / "d.xlsx")[0] == ("Änderungen" if de else "Changes")

    renewals = tmp_path / "r.xlsx"
    _ok("insights", str(demo_file), "--today", "2026-11-27", "--renewals-xlsx", str(renewals),
        env=system)  # fmt: skip
    assert _sheets(renewals)[0] == ("Vertragsenden" if de else "Renewals")

    ics = tmp_path / "t.ics"
    _ok("trip", str(demo_file), "--customers", "100000", "--date", "2026-12-09", "--ics",
        str(ics), env=system)  # fmt: skip
    [event] = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("Besuch: " if de else "Visit: ")


def test_lang_overrides_and_the_window_reads_the_same_setting(saved_language) -> None:
    from kpm_desktop.cli.language import LANGUAGE_KEY
    from kpm_desktop.gui.i18n import LANGUAGE_KEY as GUI_KEY

    assert LANGUAGE_KEY == GUI_KEY
    for value in ("de", "en"):
        saved_language(value)
        assert ui_language() == value == choose_language(stored_language_setting())


@pytest.mark.parametrize("command", ["export", "trip", "diff", "insights"])
def test_the_help_states_the_rule(command: str) -> None:
    out = run_kpm(command, "--help")
    text = " ".join(out.stdout.split())
    assert "--lang {de,en}, --language {de,en}" in text
    assert "default: the app's UI language" in text
