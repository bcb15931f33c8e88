"""The kpm command: happy paths and error paths (one line, exit 2, file untouched)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kpm_desktop.cli import main
from kpm_desktop.samples.demo import DEMO_CUSTOMERS
from kpm_desktop.storage.migrations import SCHEMA_VERSION
from tests.helpers.files import file_hash

ROOT = Path(__file__).resolve().parents[2]


def test_demo_info_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "demo.kpm"
    assert main(["demo", str(out)]) == 0
    assert main(["info", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert data["customers"] == DEMO_CUSTOMERS and data["products"] == 24
    # A key account's own row does not count (its figures are its sites').
    counted = DEMO_CUSTOMERS - data["key_accounts"]
    assert data["key_accounts"] == 2
    assert data["white_spots"] + sum(data["marks"].values()) == data["cells"] == counted * 24
    assert len(data["top_white_spots"]) == 10
    assert main(["check", str(out)]) == 0
    assert capsys.readouterr().out.strip().endswith("ok")


def test_generate_and_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "g.kpm"
    assert (
        main(
            [
                "generate",
                "--customers",
                "50",
                "--products",
                "20",
                "--fill",
                "0.4",
                "--seed",
                "7",
                str(out),
            ]
        )
        == 0
    )
    assert main(["info", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert data["cells"] == 1000
    assert 300 < data["cells"] - data["white_spots"] < 500  # ~40 % marked
    assert main(["check", str(out)]) == 0


def test_check_reports_inconsistent_grid(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(demo_file)
    conn.execute("UPDATE status_rows SET codes = zeroblob(24) WHERE customer_id = 1")
    conn.commit()
    conn.close()
    assert main(["check", str(demo_file)]) == 1
    assert "status grid differs" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["info", "check"])
def test_error_paths_one_line_exit_2(tmp_path: Path, command: str, capsys) -> None:
    cases = {
        "missing": tmp_path / "missing.kpm",
        "text": tmp_path / "notes.txt",
        "dir": tmp_path,
        "foreign": tmp_path / "other.sqlite",
    }
    cases["text"].write_text("not a matrix")
    conn = sqlite3.connect(cases["foreign"])
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    for path in cases.values():
        before = file_hash(path) if path.is_file() else None
        assert main([command, str(path)]) == 2
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and err.startswith(f"kpm {command}: error:")
        assert "Traceback" not in err
        if before:
            assert file_hash(path) == before


def test_newer_schema_exit_2_untouched(demo_file: Path, capsys) -> None:
    conn = sqlite3.connect(demo_file)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = file_hash(demo_file)
    assert main(["info", str(demo_file)]) == 2
    assert "newer KPM Desktop" in capsys.readouterr().err
    assert file_hash(demo_file) == before


def test_existing_output_is_not_overwritten(demo_file: Path, capsys) -> None:
    before = file_hash(demo_file)
    assert main(["demo", str(demo_file)]) == 2
    assert main(["generate", "--customers", "2", "--products", "2", str(demo_file)]) == 2
    assert file_hash(demo_file) == before


def test_cli_subprocess_has_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kpm_desktop.cli", "info", str(tmp_path / "x.kpm")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_info_text_counts_like_the_window(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The text names the counted rows (the status bar's figure) and rounds coverage once."""
    out = tmp_path / "demo.kpm"
    assert main(["demo", str(out)]) == 0
    assert main(["info", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert main(["info", str(out)]) == 0
    text = capsys.readouterr().out
    counted = data["customers"] - data["key_accounts"]
    assert f"{counted} customers x 24 products" in text
    assert f"plus {data['key_accounts']} key accounts" in text
    exact = 100.0 * (data["cells"] - data["white_spots"]) / data["cells"]
    assert f"coverage {exact:.1f} %" in text


def test_counted_text_says_one_in_the_singular() -> None:
    """CLI text lines: "1 open conflict", "plus 1 key account" (field test: "1 open conflicts")."""
    from kpm_desktop.cli import counted

    assert counted(1, "open conflict", "open conflicts") == "1 open conflict"
    assert counted(0, "open conflict", "open conflicts") == "0 open conflicts"
    assert counted(2, "key account", "key accounts") == "2 key accounts"
