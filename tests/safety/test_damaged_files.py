"""Integrity on open: damaged files are detected, refused, and never written to."""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

import pytest

from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.backup import content_hash
from kpm_desktop.storage.database import wal_path
from kpm_desktop.storage.errors import DamagedFileError, NewerVersionError
from kpm_desktop.storage.lock import lock_path_for
from kpm_desktop.storage.migrations import SCHEMA_VERSION
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash
from tests.helpers.processes import killed_writer

PAGE = 4096


def _assert_refused_untouched(path: Path) -> None:
    before = file_hash(path)
    with pytest.raises(DamagedFileError) as info:
        Repository.open(path)
    assert path.name in str(info.value) and "\n" not in str(info.value)
    assert info.value.problems
    with pytest.raises(DamagedFileError):
        Repository.open(path, read_only=True)
    assert file_hash(path) == before
    assert not lock_path_for(path).exists()
    assert not list(path.parent.glob("*.damaged-*"))  # moving aside needs the user's consent


@pytest.mark.parametrize("keep", [0.5, 0.8, 0.95])
def test_truncated_file_is_refused(demo_file: Path, keep: float) -> None:
    data = demo_file.read_bytes()
    cut = int(len(data) * keep) // PAGE * PAGE + 100  # also cut inside a page
    demo_file.write_bytes(data[:cut])
    _assert_refused_untouched(demo_file)


@pytest.mark.parametrize("seed", range(8))
def test_random_bytes_over_pages_are_detected(demo_file: Path, seed: int) -> None:
    import sqlite3

    rng = random.Random(seed)
    # Pages that hold rows: random bytes in an empty page (an empty table or index) land in
    # unused space, which is no damage and which no check can see.
    conn = sqlite3.connect(demo_file)
    used = sorted({r[0] - 1 for r in conn.execute("SELECT pageno FROM dbstat WHERE ncell > 0")})
    conn.close()
    data = bytearray(demo_file.read_bytes())
    for page in rng.sample([p for p in used if p >= 1], 3):  # never page 0: the header
        start = page * PAGE + rng.randrange(0, 64)
        data[start : start + 512] = rng.randbytes(512)
    demo_file.write_bytes(bytes(data))
    _assert_refused_untouched(demo_file)


def test_foreign_key_violation_counts_as_damage(demo_file: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(demo_file)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM customers WHERE id = (SELECT min(customer_id) FROM notes)")
    conn.commit()
    conn.close()
    before = file_hash(demo_file)
    with pytest.raises(DamagedFileError, match="foreign keys"):
        Repository.open(demo_file)
    assert file_hash(demo_file) == before


def test_file_copied_without_its_wal_while_open_is_refused(demo_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy" / "demo.kpm"
    copy.parent.mkdir()
    with Repository.open(demo_file) as repo:
        m = repo.load_matrix()
        repo.set_marks([(m.customers[0].id, m.products[0].id, Mark.NEED)])
        assert wal_path(demo_file).stat().st_size > 0
        shutil.copyfile(demo_file, copy)  # what a careless copy / sync client does
    _assert_refused_untouched(copy)
    with Repository.open(demo_file) as repo:  # the original, closed cleanly, is fine
        assert repo.verify() == []


def test_missing_wal_after_a_crash_is_refused(demo_file: Path) -> None:
    killed_writer(demo_file)
    assert wal_path(demo_file).stat().st_size > 0
    wal_path(demo_file).unlink()  # the log with the latest changes is gone
    demo_file.with_name(demo_file.name + "-shm").unlink(missing_ok=True)
    before = file_hash(demo_file)
    with pytest.raises(DamagedFileError, match="change log"):
        Repository.open(demo_file)
    assert file_hash(demo_file) == before


def test_crash_with_wal_recovers_every_committed_change(demo_file: Path) -> None:
    killed_writer(demo_file)
    assert lock_path_for(demo_file).exists()  # stale lock of the killed writer
    start = time.perf_counter()
    with Repository.open(demo_file) as repo:
        assert repo._lock is not None and repo._lock.took_over is not None
        m = repo.load_matrix()
        assert all(m.mark(r, 0) is Mark.COMPETITOR for r in range(m.n_rows))
        assert repo.verify() == []
    assert time.perf_counter() - start < 30


def test_newer_version_file_stays_untouched(demo_file: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(demo_file)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = file_hash(demo_file)
    names_before = sorted(p.name for p in demo_file.parent.iterdir())
    with pytest.raises(NewerVersionError, match=f"file format {SCHEMA_VERSION + 1}"):
        Repository.open(demo_file)
    with pytest.raises(NewerVersionError):
        Repository.open(demo_file, read_only=True)
    assert file_hash(demo_file) == before
    assert sorted(p.name for p in demo_file.parent.iterdir()) == names_before


def test_sound_file_opens_and_hash_is_stable(demo_file: Path) -> None:
    before = content_hash(demo_file)
    with Repository.open(demo_file) as repo:
        assert content_hash(repo.conn) == before
    assert content_hash(demo_file) == before


def test_copy_through_the_backup_api_while_open_is_complete(
    demo_file: Path, tmp_path: Path
) -> None:
    import sqlite3

    copy = tmp_path / "copy.kpm"
    with Repository.open(demo_file) as repo:
        m = repo.load_matrix()
        repo.set_marks([(m.customers[0].id, m.products[0].id, Mark.NEED)])
        dst = sqlite3.connect(copy)
        repo.conn.backup(dst)
        dst.close()
        expected = content_hash(repo.conn)
    with Repository.open(copy) as repo:
        assert content_hash(repo.conn) == expected


def test_checkpoints_keep_missing_wal_detectable(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpm_desktop.storage import database

    monkeypatch.setattr(database, "CHECKPOINT_WAL_BYTES", 1)  # checkpoint after every commit
    copy = tmp_path / "copy.kpm"
    with Repository.open(demo_file) as repo:
        m = repo.load_matrix()
        for r in range(5):
            repo.set_marks([(m.customers[r].id, m.products[0].id, Mark.NEED)])
        shutil.copyfile(demo_file, copy)
    with pytest.raises(DamagedFileError, match="change log"):
        Repository.open(copy)


def _leave_open(path: Path) -> None:
    """Make ``path`` look like a session that crashed: its change log, holding the
    open-session marker, stays beside it."""
    repo = Repository.open(path, check="cheap")
    kept = path.with_name("wal.keep")
    shutil.copyfile(wal_path(path), kept)
    repo.close()
    shutil.copyfile(kept, wal_path(path))
    kept.unlink()


def _damage_pages(path: Path, seed: int, tables: tuple[str, ...] | None = None) -> None:
    """512 random bytes near the start of 3 used pages (of ``tables`` only, if given)."""
    import sqlite3

    rng = random.Random(seed)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = conn.execute("SELECT name, pageno FROM dbstat WHERE ncell > 0").fetchall()
    conn.close()
    used = sorted({p - 1 for name, p in rows if tables is None or name in tables})
    data = bytearray(path.read_bytes())
    for page in rng.sample([p for p in used if p >= 1], min(3, len(used))):
        start = page * PAGE + rng.randrange(0, 64)
        data[start : start + 512] = rng.randbytes(512)
    path.write_bytes(bytes(data))


def _insights_refused(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    from kpm_desktop.cli import main

    before = file_hash(path)
    assert main(["insights", str(path), "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and path.name in err and "Traceback" not in err
    assert file_hash(path) == before
    return err


@pytest.mark.parametrize("seed", range(4))
def test_kpm_insights_on_damaged_pages_it_reads_prints_one_line(
    demo_file: Path, seed: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file closed cleanly gets only the cheap checks before ``kpm insights`` reads it
    (issue 20: the scans cost seconds at L); SQLite checks each page it reads, so damage in
    what the insights read still ends in one line and exit code 2, with nothing printed on
    stdout, and the file untouched."""
    _damage_pages(demo_file, seed, ("customers", "status_rows", "products"))
    _insights_refused(demo_file, capsys)


@pytest.mark.parametrize("seed", range(4))
def test_kpm_insights_on_a_damaged_file_not_closed_cleanly_prints_one_line(
    demo_file: Path, seed: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file not closed cleanly (a crash, or open elsewhere) gets SQLite's quick_check and
    the foreign keys on a thread while ``kpm insights`` loads it: damage anywhere in the
    file ends in one line and exit code 2, with nothing printed on stdout."""
    _leave_open(demo_file)
    _damage_pages(demo_file, seed)
    _insights_refused(demo_file, capsys)


def test_kpm_insights_reports_a_foreign_key_violation_after_a_crash(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    from kpm_desktop.cli import main

    conn = sqlite3.connect(demo_file)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM customers WHERE id = (SELECT min(customer_id) FROM marks)")
    conn.commit()
    conn.close()
    # Closed cleanly: only an outside edit breaks the keys (SQLite enforces them on every
    # write of the app); the read-only insights skip the scan, `kpm check` finds it.
    assert main(["insights", str(demo_file), "--json"]) == 0
    capsys.readouterr()
    assert main(["check", str(demo_file)]) == 1
    assert "damaged: 23 rows violate foreign keys" in capsys.readouterr().out
    _leave_open(demo_file)
    assert "foreign keys" in _insights_refused(demo_file, capsys)
