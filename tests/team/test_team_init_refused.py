"""``kpm team init`` against a server that refuses one statement of a schema step (an SQL
error, not a lost connection): one line that names the step and says what to do, exit code 2,
nothing of that step applied; once the cause is gone, ``kpm team init`` finishes the job.

Field note: a broken server migration was reported as "the connection broke off"."""

from __future__ import annotations

import psycopg
import pytest

from kpm_desktop.cli import main as kpm
from kpm_desktop.team import server
from kpm_desktop.team.connect import connect


def _table(conn: psycopg.Connection, name: str) -> bool:
    return conn.execute("SELECT to_regclass(%s)", (name,)).fetchone()[0] is not None


def test_a_refused_schema_step_is_named_undone_and_can_be_run_again(
    team_url: str, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    assert server.SERVER_SCHEMA_VERSION >= 2
    # a team at schema 1, as an earlier KPM Desktop set it up
    with monkeypatch.context() as m:
        m.setattr(server, "SERVER_MIGRATIONS", server.SERVER_MIGRATIONS[:1])
        m.setattr(server, "SERVER_SCHEMA_VERSION", 1)
        with connect(team_url) as conn:
            assert server.init(conn) == (0, 1)
    # something on the server is in the way of schema 2's tables (created by hand)
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE kpm.cell_state (x integer)")
    capsys.readouterr()

    assert kpm(["team", "init", team_url]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    line = lines[0]
    assert "team format 2" in line and "42P07" in line  # the step, the server's error code
    assert "administrator" in line and "server log" in line and "kpm team init" in line
    assert "stays at team format 1" in line
    assert "broke off" not in line and "Traceback" not in err
    assert "already exists" not in line  # no internal server text
    with psycopg.connect(team_url, autocommit=True) as conn:
        assert server.schema_version(conn) == 1
        # the step is one transaction: none of its other objects were left behind
        assert not _table(conn, "kpm.cell_changes") and not _table(conn, "kpm.cell_base")
        conn.execute("DROP TABLE kpm.cell_state")  # the administrator clears the way

    assert kpm(["team", "init", team_url]) == 0
    assert f"version 1 -> {server.SERVER_SCHEMA_VERSION}" in capsys.readouterr().out
    with psycopg.connect(team_url, autocommit=True) as conn:
        assert server.schema_version(conn) == server.SERVER_SCHEMA_VERSION
        assert _table(conn, "kpm.cell_changes")


def test_a_refused_first_step_on_an_empty_server(team_url: str, capsys) -> None:
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute("CREATE SCHEMA kpm")
        conn.execute("CREATE TABLE kpm.users (x integer)")
    capsys.readouterr()
    assert kpm(["team", "init", team_url, "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    line = err.strip()
    assert "\n" not in line and "team format 1" in line and "42P07" in line
    with psycopg.connect(team_url, autocommit=True) as conn:
        assert server.schema_version(conn) is None  # no team schema: nothing half-made
        assert not _table(conn, "kpm.meta")


def test_team_set_up_in_the_window_shows_the_step_in_german(
    main_window_factory, demo_file, team_url: str, qtbot
) -> None:
    """Team › Set Up a Team… runs the same init: the line comes in the UI language."""
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute("CREATE SCHEMA kpm")
        conn.execute("CREATE TABLE kpm.users (x integer)")
    win = main_window_factory(demo_file, lang="de")
    dialog = win.team.set_up()
    dialog.url.setText(team_url)
    dialog.accept()
    qtbot.waitUntil(lambda: bool(win.team.last_error), timeout=30000)
    text = win.team.last_error
    assert "Teamformat 1" in text and "42P07" in text and "Administration" in text
    assert "abgebrochen" not in text  # not "the connection broke off"
    assert ("Team", text) in win.messages  # titled by what failed, not "Sync"
    with psycopg.connect(team_url, autocommit=True) as conn:
        assert server.schema_version(conn) is None
