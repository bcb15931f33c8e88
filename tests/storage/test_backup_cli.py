"""`kpm backup`, `kpm backup --list`, `kpm restore`, and `kpm check` on a damaged file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kpm_desktop.cli import main
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.backup import content_hash, list_backups
from kpm_desktop.storage.lock import lock_path_for
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash

pytestmark = pytest.mark.usefixtures("data_dir")  # backups and logs in tmp_path


def test_backup_list_restore(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = content_hash(demo_file)
    assert main(["backup", str(demo_file)]) == 0
    assert "verified and written to" in capsys.readouterr().out
    assert main(["backup", str(demo_file), "--reason", "Vor Besuch"]) == 0
    capsys.readouterr()
    with Repository.open(demo_file) as repo:
        repo.set_marks([(1, repo.load_products()[0].id, Mark.COMPETITOR)])
    assert content_hash(demo_file) != original

    assert main(["backup", str(demo_file), "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert "vor-besuch" in lines[0] and "60 customers, 24 products" in lines[0]
    assert main(["backup", str(demo_file), "--list", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["reason"] for r in rows] == ["vor-besuch", "manual"]
    assert rows[0]["counts"]["customers"] == 60

    assert main(["restore", str(demo_file), "2"]) == 0
    out = capsys.readouterr().out
    assert "restored" in out and "previous state was backed up" in out
    assert content_hash(demo_file) == original
    assert list_backups(demo_file)[0].reason == "before-restore"


def test_restore_errors_are_one_line_exit_2(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = file_hash(demo_file)
    assert main(["restore", str(demo_file), "latest"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no backups" in err
    assert main(["restore", str(demo_file), str(tmp_path / "missing.kpm")]) == 2
    assert capsys.readouterr().err.startswith("kpm restore: error:")
    junk = tmp_path / "junk.kpm"
    junk.write_text("not a backup")
    assert main(["restore", str(demo_file), str(junk)]) == 2
    assert "cannot be restored" in capsys.readouterr().err
    assert main(["backup", str(junk)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert file_hash(demo_file) == before


def test_restore_refused_while_another_instance_edits(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", str(demo_file)]) == 0
    capsys.readouterr()
    # The lock of an instance on another computer (same share): never overridden silently.
    owner = {"pid": 4242, "hostname": "laptop-b", "user": "anna", "started": "2026-11-27T07:00:00Z"}
    lock_path_for(demo_file).write_text(json.dumps(owner))
    before = file_hash(demo_file)
    assert main(["restore", str(demo_file), "latest"]) == 2
    err = capsys.readouterr().err
    assert "open for editing by anna on the computer laptop-b" in err
    assert "--force-unlock" in err
    assert file_hash(demo_file) == before


def test_check_reports_damage_and_the_newest_good_backup(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", str(demo_file)]) == 0
    capsys.readouterr()
    data = demo_file.read_bytes()
    demo_file.write_bytes(data[: len(data) // 2])
    before = file_hash(demo_file)
    assert main(["check", str(demo_file)]) == 1
    out = capsys.readouterr().out
    assert "damaged:" in out and "newest good backup:" in out and "kpm restore" in out
    assert file_hash(demo_file) == before
    assert not list(demo_file.parent.glob("*.damaged-*"))
