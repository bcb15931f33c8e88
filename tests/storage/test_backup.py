"""Verified backups, listing, rotation, restore, and the automatic backup policy."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kpm_desktop.domain.marks import Mark
from kpm_desktop.samples.demo import write_demo
from kpm_desktop.storage import backup as bk
from kpm_desktop.storage.backup import (
    BackupError,
    BackupPolicy,
    RetentionPolicy,
    content_hash,
    list_backups,
    make_backup,
    rotate_backups,
    verify_backup,
)
from kpm_desktop.storage.errors import NewerVersionError
from kpm_desktop.storage.repository import Repository
from kpm_desktop.storage.restore import restore_backup

T0 = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


pytestmark = pytest.mark.usefixtures("data_dir")  # backups and logs in tmp_path


@pytest.fixture
def demo(tmp_path: Path, demo_template: Path) -> Path:
    target = tmp_path / "Gebiet Nord.kpm"
    shutil.copyfile(demo_template, target)  # a closed, checkpointed file: a plain copy is fine
    return target


def test_backup_is_verified_self_contained_and_listed(demo: Path, data_dir: Path) -> None:
    with Repository.open(demo) as repo:
        expected = content_hash(repo.conn)
        path = make_backup(repo, "before-import", now=T0)
    assert path.is_relative_to(data_dir / "backups")
    assert path.name == "Gebiet Nord.20261127-120000.000Z.before-import.kpm"
    # Self-contained: rollback journal mode in the header, no -wal beside it.
    assert path.read_bytes()[18:20] == b"\x01\x01"
    assert not path.with_name(path.name + "-wal").exists()
    assert verify_backup(path) == []
    assert content_hash(path) == expected
    [info] = list_backups(demo)
    assert (info.path, info.reason, info.created) == (path, "before-import", T0)
    assert info.size == path.stat().st_size
    assert info.counts()["customers"] > 0
    assert not list(path.parent.glob("*.partial"))


def test_backup_names_never_collide_and_files_are_separated(tmp_path: Path, demo: Path) -> None:
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    other = write_demo(other_dir / "Gebiet Nord.kpm")
    with Repository.open(demo) as repo:
        a = make_backup(repo, "auto", now=T0)
        b = make_backup(repo, "auto", now=T0)
    with Repository.open(other) as repo:
        c = make_backup(repo, "auto", now=T0)
    assert a != b and a.parent == b.parent
    assert c.parent != a.parent
    assert [i.path for i in list_backups(demo)] == [b, a]
    assert [i.path for i in list_backups(other)] == [c]


def test_backup_refuses_inside_open_transaction(demo: Path) -> None:
    with Repository.open(demo) as repo, repo.transaction(), pytest.raises(BackupError):
        make_backup(repo, "auto", now=T0)
    assert list_backups(demo) == []


def test_failed_verification_keeps_older_backups(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Repository.open(demo) as repo:
        old = [make_backup(repo, "auto", now=T0 - timedelta(days=d)) for d in range(19, -1, -1)]
        kept_before = [i.path for i in list_backups(demo)]
        monkeypatch.setattr(bk, "verify_backup", lambda p: ["page 3 is never used"])
        with pytest.raises(BackupError, match="integrity"):
            make_backup(repo, "auto", now=T0 + timedelta(days=400))
    assert [i.path for i in list_backups(demo)] == kept_before
    assert len(kept_before) < len(old)  # rotation did run for the good ones
    assert not list(kept_before[0].parent.glob("*.partial"))


def _expected_keep(created: list[datetime], now: datetime, policy: RetentionPolicy) -> set[int]:
    """An independent statement of the rule: recent, then newest per day/week/month."""
    order = sorted(range(len(created)), key=lambda i: created[i], reverse=True)
    keep = {i for i in order if now - created[i] < policy.recent}
    older = [i for i in order if i not in keep]
    days: dict = {}
    for i in older:
        days.setdefault(created[i].date(), i)
    recent_days = {created[i].date() for i in keep}
    day_list = [d for d in days if d not in recent_days][: policy.daily]
    keep |= {days[d] for d in day_list}
    last_daily = min(day_list)
    rest = [i for i in older if created[i].date() < last_daily]
    weeks: dict = {}
    taken_weeks = {created[i].isocalendar()[:2] for i in keep}
    for i in rest:
        w = created[i].isocalendar()[:2]
        if w not in taken_weeks:
            weeks.setdefault(w, i)
    week_list = list(weeks)[: policy.weekly]
    keep |= {weeks[w] for w in week_list}
    last_week_i = weeks[week_list[-1]]
    rest = [i for i in older if created[i] < created[last_week_i]]
    months: dict = {}
    taken_months = {(created[i].year, created[i].month) for i in keep}
    for i in rest:
        m = (created[i].year, created[i].month)
        if m not in taken_months:
            months.setdefault(m, i)
    keep |= {months[m] for m in list(months)[: policy.monthly]}
    return keep


def test_retention_selects_dense_day_then_daily_weekly_monthly() -> None:
    policy = RetentionPolicy()
    # A backup every 5 hours for two years.
    created = [T0 - timedelta(hours=5 * k) for k in range(2 * 365 * 24 // 5)]
    keep = policy.select(created, T0)
    kept = sorted((created[i] for i in keep), reverse=True)
    recent = [t for t in kept if T0 - t < timedelta(days=1)]
    assert len(recent) == 5  # 0, 5, 10, 15, 20 hours ago
    older = kept[len(recent) :]
    days = older[:12]
    assert len({t.date() for t in days}) == 12
    assert all(t.date() not in {r.date() for r in recent} for t in days)
    weeks = older[12:22]
    assert len({t.isocalendar()[:2] for t in weeks}) == 10
    months = older[22:]
    assert len(months) == 9
    assert len({(t.year, t.month) for t in months}) == 9
    assert len(keep) == 5 + 12 + 10 + 9
    # Each kept one is the newest of its day.
    for t in older:
        same_day = [c for c in created if c.date() == t.date()]
        assert t == max(same_day)
    assert keep == _expected_keep(created, T0, policy)


def test_retention_is_configurable() -> None:
    policy = RetentionPolicy(recent=timedelta(hours=2), daily=3, weekly=2, monthly=1)
    created = [T0 - timedelta(hours=7 * k) for k in range(24 * 200 // 7)]
    keep = policy.select(created, T0)
    assert len(keep) == 1 + 3 + 2 + 1
    assert keep == _expected_keep(created, T0, policy)
    assert RetentionPolicy(daily=0, weekly=0, monthly=0, recent=timedelta(0)).select(
        created, T0
    ) == {0}  # the newest always stays


def test_rotation_keeps_exactly_the_configured_set_and_all_pass_integrity(demo: Path) -> None:
    policy = RetentionPolicy(recent=timedelta(hours=12), daily=4, weekly=3, monthly=2)
    times = sorted(T0 - timedelta(hours=9 * k) for k in range(0, 24 * 150 // 9))
    with Repository.open(demo) as repo:
        first = make_backup(repo, "auto", now=times[0], retention=None)
    for t in times[1:]:  # copies of a closed, verified backup stand in for real ones (speed)
        shutil.copyfile(first, first.with_name(bk._backup_name(demo.stem, t, "auto")))
    assert len(list_backups(demo)) == len(times)
    rotate_backups(demo, retention=policy, now=T0)
    infos = list_backups(demo)
    expected = policy.select(times, T0)
    assert sorted(i.created for i in infos) == sorted(times[i] for i in expected)
    # 12 h dense (2 backups at 9 h spacing), then 4 days, 3 weeks, 2 months.
    assert len(infos) == 2 + 4 + 3 + 2
    for info in infos:
        assert verify_backup(info.path) == []


def test_rotation_runs_after_each_backup(demo: Path) -> None:
    policy = RetentionPolicy(recent=timedelta(hours=1), daily=2, weekly=0, monthly=0)
    with Repository.open(demo) as repo:
        for d in range(6):
            make_backup(repo, "auto", now=T0 + timedelta(days=d), retention=policy)
    assert [i.created for i in list_backups(demo)] == [
        T0 + timedelta(days=5),
        T0 + timedelta(days=4),
        T0 + timedelta(days=3),
    ]


def test_rotation_ignores_foreign_files(demo: Path) -> None:
    with Repository.open(demo) as repo:
        path = make_backup(repo, "auto", now=T0)
    stray = path.parent / "notes.txt"
    stray.write_text("mine")
    rotate_backups(demo, retention=RetentionPolicy(daily=0, weekly=0, monthly=0), now=T0)
    assert stray.read_text() == "mine"


def test_restore_gives_identical_content_and_backs_up_current_state(demo: Path) -> None:
    with Repository.open(demo) as repo:
        original = content_hash(repo.conn)
        saved = make_backup(repo, "manual", now=T0)
        m = repo.load_matrix()
        cid, pid = m.customers[0].id, m.products[0].id
        repo.set_marks([(cid, pid, Mark.COMPETITOR)])
        repo.delete_customer(m.customers[1].id)
        edited = content_hash(repo.conn)
    assert edited != original
    result = restore_backup(saved, demo, now=T0 + timedelta(hours=1))
    assert content_hash(demo) == original
    assert result.safety_backup is not None
    assert result.safety_backup.name.endswith(".before-restore.kpm")
    assert content_hash(result.safety_backup) == edited
    with Repository.open(demo) as repo:
        assert repo.verify() == []
        assert content_hash(repo.conn) == original
    # The restore can itself be undone from the safety backup.
    restore_backup(result.safety_backup, demo, now=T0 + timedelta(hours=2))
    assert content_hash(demo) == edited


def test_restore_to_a_missing_file_creates_it(demo: Path, tmp_path: Path) -> None:
    with Repository.open(demo) as repo:
        saved = make_backup(repo, "manual", now=T0)
    target = tmp_path / "neu.kpm"
    result = restore_backup(saved, target)
    assert result.safety_backup is None and result.moved_aside is None
    assert content_hash(target) == content_hash(demo)
    with Repository.open(target) as repo:
        assert repo.verify() == []


def test_restore_refuses_a_bad_backup_and_changes_nothing(demo: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.kpm"
    bad.write_bytes(b"SQLite format 3\x00" + bytes(200))
    before = demo.read_bytes()
    with pytest.raises(BackupError):
        restore_backup(bad, demo)
    with pytest.raises(BackupError):
        restore_backup(tmp_path / "missing.kpm", demo)
    assert demo.read_bytes() == before
    assert list_backups(demo) == []


def test_restore_refuses_to_overwrite_a_newer_version_file(demo: Path, tmp_path: Path) -> None:
    with Repository.open(demo) as repo:
        saved = make_backup(repo, "manual", now=T0)
    newer = tmp_path / "newer.kpm"
    restore_backup(saved, newer)
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = newer.read_bytes()
    with pytest.raises(NewerVersionError):
        restore_backup(saved, newer)
    assert newer.read_bytes() == before


def test_restore_over_a_damaged_file_moves_it_aside(demo: Path) -> None:
    with Repository.open(demo) as repo:
        saved = make_backup(repo, "manual", now=T0)
        good = content_hash(repo.conn)
    data = bytearray(demo.read_bytes())
    page = 4096
    for off in range(page * 2, min(len(data), page * 6)):
        data[off] = 0xA5
    demo.write_bytes(bytes(data))
    damaged_bytes = demo.read_bytes()
    result = restore_backup(saved, demo)
    assert result.moved_aside is not None
    assert result.moved_aside.name.startswith("Gebiet Nord.kpm.damaged-")
    assert result.moved_aside.read_bytes() == damaged_bytes
    assert content_hash(demo) == good


def test_backup_policy() -> None:
    p = BackupPolicy()
    assert not p.should_backup(T0)  # nothing changed yet
    assert p.should_backup(T0, bk.REASON_IMPORT)  # always before an import
    p.record_change(T0)
    assert p.should_backup(T0)  # first change of the session
    p.record_backup(T0)
    p.record_change(T0 + timedelta(minutes=10))
    assert not p.should_backup(T0 + timedelta(minutes=10))
    assert not p.should_backup(T0 + timedelta(minutes=29, seconds=59))
    assert p.should_backup(T0 + timedelta(minutes=30))
    p.record_backup(T0 + timedelta(minutes=30))
    assert not p.should_backup(T0 + timedelta(hours=5))  # idle: no changes, no backup
    for reason in (
        bk.REASON_MIGRATION,
        bk.REASON_RESTORE,
        bk.REASON_BULK_DELETE,
        bk.REASON_MANUAL,
    ):
        assert p.should_backup(T0 + timedelta(minutes=31), reason)
    assert BackupPolicy(interval=timedelta(minutes=5)).interval == timedelta(minutes=5)


def test_migration_of_an_existing_file_is_preceded_by_a_backup(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpm_desktop.storage import database, migrations

    before = content_hash(demo)

    def _m002(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE extra (id INTEGER PRIMARY KEY)")

    new = (*migrations.MIGRATIONS, _m002)
    monkeypatch.setattr(database, "MIGRATIONS", new)
    monkeypatch.setattr(database, "SCHEMA_VERSION", len(new))
    monkeypatch.setattr(bk, "SCHEMA_VERSION", len(new))
    with Repository.open(demo) as repo:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == len(new)
    [info] = list_backups(demo)
    assert info.reason == "before-migration"
    assert content_hash(info.path) == before  # the state before the migration


def test_migration_is_not_run_when_the_backup_fails(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpm_desktop.storage import database, migrations

    new = (*migrations.MIGRATIONS, lambda conn: conn.execute("CREATE TABLE extra (id INTEGER)"))
    monkeypatch.setattr(database, "MIGRATIONS", new)
    monkeypatch.setattr(database, "SCHEMA_VERSION", len(new))
    monkeypatch.setattr(bk, "SCHEMA_VERSION", len(new))
    monkeypatch.setattr(bk, "verify_backup", lambda p: ["broken"])
    before = content_hash(demo)
    with pytest.raises(BackupError):
        Repository.open(demo)
    assert content_hash(demo) == before
    conn = sqlite3.connect(demo)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    finally:
        conn.close()
