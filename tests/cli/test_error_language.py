"""``kpm``'s error lines speak the user's language (the rule of its outputs: the language saved
in Settings › Language, else German on a German system, else English).

Each case runs ``kpm`` as a user does (a real process that reads the test session's settings
file in its temporary XDG_CONFIG_HOME, see tests/conftest.py) and checks what the rule for bad
input asks: one line on stderr, in the language, exit code 2, the matrix file byte-identical.
The German texts are the app's catalogue (the storage and import texts are the window's own).
"""

from __future__ import annotations

import errno
import sys
from pathlib import Path

import pytest

from tests.helpers.files import file_hash
from tests.helpers.processes import run_kpm

GERMAN_SYSTEM = {"LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8"}
ENGLISH_SYSTEM = {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
# The saved setting wins over the system: German saved on an English system, and back.
SYSTEM_AGAINST = {"de": ENGLISH_SYSTEM, "en": GERMAN_SYSTEM}


def _one_line(*args: str, lang: str) -> str:
    out = run_kpm(*args, env=SYSTEM_AGAINST[lang])
    assert out.returncode == 2, out.stderr
    lines = out.stderr.splitlines()
    assert len(lines) == 1, out.stderr
    assert "Traceback" not in out.stderr and "Errno" not in out.stderr
    return lines[0]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_missing_file(tmp_path: Path, saved_language, lang: str) -> None:
    saved_language(lang)
    missing = tmp_path / "fehlt.kpm"
    line = _one_line("info", str(missing), lang=lang)
    assert (
        line
        == {
            "de": f"kpm info: Fehler: {missing} existiert nicht",
            "en": f"kpm info: error: {missing} does not exist",
        }[lang]
    )
    assert not missing.exists()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_damaged_file(demo_file: Path, tmp_path: Path, saved_language, lang: str) -> None:
    saved_language(lang)
    with demo_file.open("r+b") as f:  # pages of the content overwritten
        f.seek(4096 * 3)
        f.write(b"\xff" * 4096 * 4)
    before = file_hash(demo_file)
    out = tmp_path / "m.xlsx"
    line = _one_line("export", str(demo_file), "--xlsx", str(out), lang=lang)
    prefix = {"de": "kpm export: Fehler: demo.kpm ist beschädigt: ", "en": "kpm export: error: "}
    assert line.startswith(prefix[lang]), line
    assert lang == "de" or "demo.kpm is damaged: " in line
    assert file_hash(demo_file) == before
    assert not out.exists()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_not_a_matrix_file(tmp_path: Path, saved_language, lang: str) -> None:
    saved_language(lang)
    other = tmp_path / "notiz.kpm"
    other.write_text("Einkaufsliste\n", encoding="utf-8")
    before = file_hash(other)
    line = _one_line("check", str(other), lang=lang)
    assert (
        line
        == {
            "de": "kpm check: Fehler: notiz.kpm ist keine KPM-Matrixdatei (keine SQLite-Datenbank)",
            "en": "kpm check: error: notiz.kpm is not a KPM matrix file (not an SQLite database)",
        }[lang]
    )
    assert file_hash(other) == before


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_bad_workbook(demo_file: Path, tmp_path: Path, saved_language, lang: str) -> None:
    saved_language(lang)
    workbook = tmp_path / "kunden.xlsx"
    workbook.write_bytes(b"PK\x03\x04 not really a workbook")
    before = file_hash(demo_file)
    line = _one_line("import", str(demo_file), str(workbook), "--kind", "customers", lang=lang)
    assert (
        line
        == {
            "de": "kpm import: Fehler: kunden.xlsx ist beschädigt oder keine gültige "
            "Excel-Arbeitsmappe; öffnen Sie sie in Excel oder LibreOffice, speichern Sie sie "
            "erneut und importieren Sie diese",
            "en": "kpm import: error: kunden.xlsx is damaged or not a valid Excel workbook; open "
            "it in Excel or LibreOffice, save it again and import that",
        }[lang]
    )
    assert file_hash(demo_file) == before


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_bad_time_for_a_trip(demo_file: Path, saved_language, lang: str) -> None:
    saved_language(lang)
    before = file_hash(demo_file)
    line = _one_line(
        "trip", str(demo_file), "--customers", "100000", "--date", "2026-12-08",
        "--start", "25:00", lang=lang,
    )  # fmt: skip
    assert (
        line
        == {
            "de": "kpm trip: Fehler: „25:00“ ist keine Uhrzeit (HH:MM)",
            "en": "kpm trip: error: not a time (HH:MM): '25:00'",
        }[lang]
    )
    assert file_hash(demo_file) == before


@pytest.mark.parametrize("lang", ["de", "en"])
def test_names_the_file_does_not_hold(demo_file: Path, saved_language, lang: str) -> None:
    """A customer, snapshot or customer attribute the file does not have (errors raised below
    the CLI with a key of import_export.messages or storage.messages)."""
    saved_language(lang)
    before = file_hash(demo_file)
    trip = _one_line("trip", str(demo_file), "--customers", "Zzzz", "--date", "2026-12-08",
                     lang=lang)  # fmt: skip
    diff = _one_line("diff", str(demo_file), "--snapshot", "nix", lang=lang)
    export = _one_line("export", str(demo_file), "--xlsx", str(demo_file.with_suffix(".xlsx")),
                       "--attributes", "foo", lang=lang)  # fmt: skip
    period = _one_line("diff", str(demo_file), "--since", "2026-12-01", "--until", "2026-11-01",
                       lang=lang)  # fmt: skip
    assert [trip, diff, export, period] == {
        "de": [
            "kpm trip: Fehler: Kein Kunde mit der Nummer oder dem Namen 'Zzzz'",
            "kpm diff: Fehler: Keine Momentaufnahme 'nix' in demo.kpm",
            "kpm export: Fehler: Unbekanntes Kundenmerkmal 'foo'",
            "kpm diff: Fehler: --until 2026-11-01 liegt vor --since 2026-12-01",
        ],
        "en": [
            "kpm trip: error: no customer with number or name 'Zzzz'",
            "kpm diff: error: no snapshot 'nix' in demo.kpm",
            "kpm export: error: unknown customer attribute 'foo'",
            "kpm diff: error: --until 2026-11-01 lies before --since 2026-12-01",
        ],
    }[lang]
    assert file_hash(demo_file) == before
    assert not demo_file.with_suffix(".xlsx").exists()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_existing_output(demo_file: Path, tmp_path: Path, saved_language, lang: str) -> None:
    saved_language(lang)
    out = tmp_path / "vertraege.xlsx"
    out.write_bytes(b"mine")
    before = file_hash(demo_file)
    line = _one_line(
        "insights", str(demo_file), "--renewals-xlsx", str(out), "--today", "2026-11-27",
        lang=lang,
    )  # fmt: skip
    assert (
        line
        == {
            "de": f"kpm insights: Fehler: {out} existiert bereits (mit --overwrite ersetzen)",
            "en": f"kpm insights: error: {out} exists already (use --overwrite to replace it)",
        }[lang]
    )
    assert out.read_bytes() == b"mine"
    assert file_hash(demo_file) == before


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_file_problem_the_system_reports(
    demo_file: Path, tmp_path: Path, saved_language, lang: str
) -> None:
    """An OSError nobody named more precisely (here: a name longer than the file system
    allows) is one line in the language, not the system's English text."""
    saved_language(lang)
    before = file_hash(demo_file)
    out = tmp_path / ("k" * 300 + ".xlsx")
    line = _one_line("export", str(demo_file), "--xlsx", str(out), lang=lang)
    assert (
        line
        == {
            "de": f"kpm export: Fehler: Der Name {out} ist zu lang; wählen Sie einen kürzeren "
            "Namen oder Ordner",
            "en": f"kpm export: error: the name {out} is too long; choose a shorter name or folder",
        }[lang]
    )
    assert file_hash(demo_file) == before


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_workbook_the_system_refuses_to_create(demo_file: Path, saved_language) -> None:
    """Saving the workbook fails (even root cannot create a file in /proc): one line, and no
    half-written sheet complains on the way out (openpyxl's 'Exception ignored' noise)."""
    saved_language("de")
    before = file_hash(demo_file)
    line = _one_line("export", str(demo_file), "--xlsx", "/proc/m.xlsx", lang="de")
    assert line == (
        "kpm export: Fehler: /proc/m.xlsx wurde nicht gefunden (oder sein Ordner existiert nicht)"
    )
    assert file_hash(demo_file) == before


def test_a_clone_onto_an_existing_file(demo_file: Path, saved_language) -> None:
    """Refused before connecting (no server needed), in the language, the file untouched."""
    saved_language("de")
    before = file_hash(demo_file)
    line = _one_line("team", "clone", "postgresql://team.example/kpm", str(demo_file), lang="de")
    assert line == (
        f"kpm team: Fehler: {demo_file} existiert bereits; wählen Sie einen neuen Dateinamen"
    )
    assert file_hash(demo_file) == before


def test_a_german_system_without_a_saved_language(tmp_path: Path, saved_language) -> None:
    saved_language(None)
    missing = tmp_path / "fehlt.kpm"
    out = run_kpm("info", str(missing), env=GERMAN_SYSTEM)
    assert (out.returncode, out.stderr) == (2, f"kpm info: Fehler: {missing} existiert nicht\n")


@pytest.mark.parametrize(
    ("code", "german"),
    [
        (errno.EACCES, "Keine Berechtigung für /daten/m.xlsx (ist die Datei in einem anderen "
         "Programm geöffnet?); wählen Sie einen anderen Ordner oder eine andere Datei"),
        (errno.ENOSPC, "Das Laufwerk ist voll (/daten/m.xlsx); schaffen Sie Platz und versuchen "
         "Sie es noch einmal"),
        (errno.EROFS, "/daten/m.xlsx liegt auf einem schreibgeschützten Laufwerk; wählen Sie "
         "einen beschreibbaren Ordner"),
        (errno.EIO, "/daten/m.xlsx kann nicht verwendet werden (Systemfehler 5); prüfen Sie ihn "
         "und versuchen Sie es noch einmal"),
    ],
)  # fmt: skip
def test_system_errors_a_test_cannot_cause_as_root(
    monkeypatch, capsys, saved_language, code: int, german: str
) -> None:
    """Permission, full-disk and read-only errors (the suite may run as root, which no folder
    refuses): the handler raises them inside the real ``main``."""
    import kpm_desktop.cli.cmd_info as cmd_info
    from kpm_desktop.cli import main

    def refuse(args) -> int:  # as os.replace(partial, target) reports it
        raise OSError(code, "system text", "/daten/m.xlsx.partial", None, "/daten/m.xlsx")

    monkeypatch.setattr(cmd_info, "run", refuse)
    saved_language("de")
    assert main(["info", "x.kpm"]) == 2
    assert capsys.readouterr().err == f"kpm info: Fehler: {german}\n"


def test_errors_do_not_load_qt_before_they_are_printed() -> None:
    """``kpm`` imports its commands without Qt; the catalogue is loaded for an error line."""
    code = (
        "import sys\n"
        "from kpm_desktop.cli import COMMAND_MODULES, build_parser\n"
        "build_parser()\n"
        "assert 'PySide6.QtCore' not in sys.modules, 'QtCore at import'\n"
        "from kpm_desktop.cli import i18n\n"
        "assert i18n._loaded == {}\n"
    )
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_an_interrupted_command(monkeypatch, capsys, saved_language) -> None:
    """Ctrl+C: one line in the language, exit code 130."""
    import kpm_desktop.cli.cmd_info as cmd_info
    from kpm_desktop.cli import main

    def interrupted(args) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cmd_info, "run", interrupted)
    saved_language("de")
    assert main(["info", "x.kpm"]) == 130
    assert capsys.readouterr().err == "kpm info: abgebrochen\n"
