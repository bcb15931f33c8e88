"""Team errors in the UI language, and ``kpm team publish`` refusing bad input untouched."""

from __future__ import annotations

import uuid
from pathlib import Path

import psycopg

from kpm_desktop.cli import main as kpm
from kpm_desktop.gui.i18n import install_translators
from kpm_desktop.gui.team_text import team_text
from kpm_desktop.storage import sync_capture
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team.conflicts import ResolveError
from kpm_desktop.team.connect import TeamError, user_message
from kpm_desktop.team.messages import MESSAGES
from tests.helpers.files import file_hash
from tests.helpers.translations import message_key_problems

CLOSED = "host=127.0.0.1 port=1 dbname=team connect_timeout=3"  # nothing listens on port 1


def test_every_team_message_has_a_german_text_with_the_same_parameters() -> None:
    assert message_key_problems("team", MESSAGES) == []


def test_team_errors_carry_keys_and_read_german_in_the_german_ui(qapp) -> None:
    refused = user_message(psycopg.OperationalError("connection refused"), CLOSED)
    assert refused.key == "unreachable"
    assert str(refused).startswith("the team server 127.0.0.1/team cannot be reached")
    no_url = user_message(psycopg.OperationalError("connection refused"))
    assert str(no_url).startswith("the team server cannot be reached")  # no double space
    denied = ResolveError("only_theirs", id=3, kind="product")
    try:
        install_translators(qapp, "de")
        assert team_text(refused).startswith("der Team-Server 127.0.0.1/team ist nicht erreichbar")
        assert "Ihre lokalen Änderungen bleiben erhalten" in team_text(refused)
        assert team_text(no_url).startswith("der Team-Server ist nicht erreichbar")
        assert team_text(denied).startswith("Konflikt 3: Ihre Rolle darf dies (product)")
        # a raw psycopg error is turned into its line first
        assert "nicht erreichbar" in team_text(psycopg.OperationalError("connection refused"))
        assert team_text(TeamError("plain text")) == "plain text"
    finally:
        install_translators(qapp, "en")
    assert team_text(refused) == str(refused)


def _team_file_on_closed_port(src: Path) -> None:
    """A team file whose server address points where nothing listens."""
    with Repository.open(src) as repo, repo.transaction() as conn:
        conn.executemany(
            "INSERT INTO sync_state (key, value) VALUES (?, ?)",
            [
                ("team_url", CLOSED),
                ("team_user", "anna"),
                ("client_id", str(uuid.uuid4())),
                ("last_rev", "0"),
                ("team_role", "rep"),
            ],
        )
        sync_capture.install(conn)


def test_german_window_reports_an_unreachable_server_in_german(
    qtbot, main_window_factory, demo_file: Path
) -> None:
    _team_file_on_closed_port(demo_file)
    win = main_window_factory(demo_file, lang="de", persist_state=False, show=False)
    shown = win.messages
    qtbot.waitUntil(lambda: not win.team.task.busy and bool(win.team.last_error), timeout=20000)
    win.action_registry["team.sync"].trigger()  # Team › Jetzt synchronisieren
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    _title, text = shown[-1]
    assert text.startswith("der Team-Server 127.0.0.1/team ist nicht erreichbar"), text
    assert "\n" not in text and "cannot" not in text


def test_publish_refuses_bad_input_and_leaves_the_file_byte_identical(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    from tests.helpers.team import team_with_demo

    before = file_hash(demo_file)

    def refused(url: str, expect: str) -> None:
        assert kpm(["team", "publish", str(demo_file), url]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and expect in err[0], err
        assert file_hash(demo_file) == before

    refused("not a url at all", "not a PostgreSQL connection URL")
    refused(CLOSED, "cannot be reached")
    refused(team_url, "holds no team yet")  # the database exists, 'kpm team init' not run
    # a team that has a matrix already (published by the manager), and a rep who may not
    files, rep_url = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    refused(team_url, "already has a matrix")
    refused(rep_url + " user=anna", "only a manager")
    refused(team_url.replace("user=", "user=nobody_"), "refused the user name or password")
    # a file that is already in a team
    team_file = files["anna"]
    held = file_hash(team_file)
    assert kpm(["team", "publish", str(team_file), team_url]) == 2
    assert "already part of a team" in capsys.readouterr().err
    assert file_hash(team_file) == held
