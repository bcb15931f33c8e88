"""A statement the team server refuses during a sync (an SQL error, not a lost connection):
one line that names what was refused and the SQLSTATE, says nothing was changed in the file
and whom to ask; exit code 2; the file and its outbox exactly as before. A lost connection
keeps its own line.

Field note (session 5): every server refusal outside ``kpm team init`` read "the connection
to the team server broke off", which is false and sends the user to check the network.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kpm_desktop.cli import main as kpm
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import engine, server
from tests.helpers.team import team_with_demo


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _mark_one_cell(path: Path) -> None:
    """A rep's edit: one cell changed, waiting in the outbox."""
    with Repository.open(path) as repo:
        customer = repo.load_customers()[0]
        product = repo.load_products()[0]
        cell = repo.get_cell(customer.id, product.id)
        mark = Mark.NEED if cell is None or cell.mark != Mark.NEED else Mark.OURS
        repo.set_marks([(customer.id, product.id, mark)])
        assert engine.pending_count(repo) == 1


def _outbox(path: Path) -> list[tuple]:
    with Repository.open(path, read_only=True) as repo:
        return [tuple(r) for r in repo.conn.execute("SELECT * FROM sync_dirty ORDER BY 1")]


def _refuse_pushes(team_url: str) -> None:
    """An administrator's rule the push breaks (a CHECK constraint, SQLSTATE 23514)."""
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE kpm.cell_changes ADD CONSTRAINT frozen CHECK (false) NOT VALID")


def _refuse_reads(team_url: str) -> None:
    """A privilege taken away: the team's role may no longer read the changes (42501)."""
    dbname = psycopg.conninfo.conninfo_to_dict(team_url)["dbname"]
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute(f"REVOKE SELECT ON kpm.changes FROM {server.group_role(str(dbname))}")


@pytest.mark.parametrize(
    ("refuse", "code", "what"),
    [
        (_refuse_pushes, "23514", "refused to store your changes"),
        (_refuse_reads, "42501", "refused to hand out the team's changes"),
    ],
    ids=["check", "privilege"],
)
def test_kpm_sync_names_the_refused_statement_and_changes_nothing(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys, refuse, code, what
) -> None:
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    anna = files["anna"]
    _mark_one_cell(anna)
    refuse(team_url)
    before, outbox = _digest(anna), _outbox(anna)
    capsys.readouterr()
    assert kpm(["sync", str(anna)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    line = lines[0]
    assert what in line and f"SQL error {code}" in line, line
    assert "nothing was changed in your file" in line and "administrator" in line
    assert "broke off" not in line and "Traceback" not in err
    assert "violates" not in line and "permission denied" not in line  # no server text
    assert _digest(anna) == before and _outbox(anna) == outbox


def test_a_lost_connection_keeps_its_line(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    """The server ends the sync's session (SQLSTATE 57P01, as at a shutdown)."""
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    anna = files["anna"]
    _mark_one_cell(anna)
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute(
            "CREATE FUNCTION kpm.cut() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS "
            "$$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$"
        )
        conn.execute(
            "CREATE TRIGGER cut BEFORE INSERT ON kpm.cell_changes "
            "FOR EACH ROW EXECUTE FUNCTION kpm.cut()"
        )
    before = _digest(anna)
    capsys.readouterr()
    assert kpm(["sync", str(anna)]) == 2
    line = capsys.readouterr().err.strip()
    assert "\n" not in line and "SQL error" not in line and "administrator" not in line, line
    assert "broke off" in line or "cannot be reached" in line
    assert _digest(anna) == before


def test_a_sync_the_server_undid_for_another_session_says_sync_again(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    """Class 40 (serialization failure, deadlock): nothing for the administrator."""
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    anna = files["anna"]
    _mark_one_cell(anna)
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute(
            "CREATE FUNCTION kpm.clash() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'could not serialize access' USING ERRCODE = '40001'; END $$"
        )
        conn.execute(
            "CREATE TRIGGER clash BEFORE INSERT ON kpm.cell_changes "
            "FOR EACH ROW EXECUTE FUNCTION kpm.clash()"
        )
    before, outbox = _digest(anna), _outbox(anna)
    capsys.readouterr()
    assert kpm(["sync", str(anna)]) == 2
    line = capsys.readouterr().err.strip()
    assert "\n" not in line and "SQL error 40001" in line and "sync again" in line, line
    assert "nothing was changed in your file" in line and "administrator" not in line
    assert _digest(anna) == before and _outbox(anna) == outbox


def test_kpm_team_users_names_the_refusal(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    """The team's user list (``kpm team users``), refused by a broken row rule (22012)."""
    _, rep_url = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE kpm.users ENABLE ROW LEVEL SECURITY")
        conn.execute("CREATE POLICY broken ON kpm.users AS RESTRICTIVE USING (1 / 0 = 1)")
    capsys.readouterr()
    assert kpm(["team", "users", rep_url + " user=anna"]) == 2
    out, err = capsys.readouterr()
    line = err.strip()
    assert out == "" and "\n" not in line, err
    assert "refused to list the team's users (SQL error 22012)" in line, line
    assert "administrator" in line and "broke off" not in line and "division" not in line


def test_the_window_s_sync_shows_the_refusal_in_german_and_keeps_the_edit(
    main_window_factory, team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, qtbot
) -> None:
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    win = main_window_factory(files["anna"], lang="de")
    qtbot.waitUntil(lambda: win.team.last_result is not None, timeout=20000)  # at start
    _refuse_pushes(team_url)
    view, model, ws = win.view, win.model, win.workspace
    view.setFocus()
    view.setCurrentIndex(model.index(1, 1))
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_X)
    pending = ws.repo.conn.execute("SELECT * FROM sync_dirty ORDER BY 1").fetchall()
    assert len(pending) == 1
    shown = len(win.messages)
    win.action_registry["team.sync"].trigger()  # Team › Jetzt synchronisieren
    qtbot.waitUntil(lambda: not win.team.task.busy, timeout=30000)
    assert len(win.messages) == shown + 1
    _title, text = win.messages[-1]
    assert "\n" not in text and "23514" in text and "abgebrochen" not in text, text
    assert text.startswith("der Team-Server ") and "Ihre Änderungen zu speichern" in text
    assert "Datenbank-Administration" in text and "refused" not in text
    assert win.team.last_error == text
    assert ws.repo.conn.execute("SELECT * FROM sync_dirty ORDER BY 1").fetchall() == pending
    win.close_file()
    with Repository.open(files["anna"], read_only=True) as repo:
        assert engine.pending_count(repo) == 1


def test_kpm_sync_says_it_in_german_when_the_user_chose_german(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys, saved_language
) -> None:
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    anna = files["anna"]
    _mark_one_cell(anna)
    _refuse_pushes(team_url)
    before = _digest(anna)
    saved_language("de")
    capsys.readouterr()
    assert kpm(["sync", str(anna)]) == 2
    line = capsys.readouterr().err.strip()
    assert "\n" not in line and "SQL-Fehler 23514" in line, line
    assert "Ihre Änderungen zu speichern" in line and "abgebrochen" not in line
    assert _digest(anna) == before


def test_a_server_state_error_on_a_live_connection_is_a_refusal_too(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    """An OperationalError class other than a lost connection (here 53100, disk full, while
    storing the push) is named with its code, not "cannot be reached"."""
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    anna = files["anna"]
    _mark_one_cell(anna)
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute(
            "CREATE FUNCTION kpm.full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'could not extend file' USING ERRCODE = '53100'; END $$"
        )
        conn.execute(
            "CREATE TRIGGER full_disk BEFORE INSERT ON kpm.cell_changes "
            "FOR EACH ROW EXECUTE FUNCTION kpm.full()"
        )
    before, outbox = _digest(anna), _outbox(anna)
    capsys.readouterr()
    assert kpm(["sync", str(anna)]) == 2
    line = capsys.readouterr().err.strip()
    assert "\n" not in line and "refused to store your changes (SQL error 53100)" in line, line
    assert "cannot be reached" not in line and "extend" not in line
    assert _digest(anna) == before and _outbox(anna) == outbox
