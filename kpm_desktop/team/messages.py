"""User-facing team messages under stable keys (the scheme of ``storage.messages``).

English format strings here, Qt-free; the GUI translates them in the "team" context
(``gui.team_text``) and then fills in the parameters; the CLI does the same (``cli.i18n``).
Keys never change meaning: add a new key instead of rewording one into something else.
Parameters are names, numbers and addresses only (never English words), so that a
translated line stays in one language; an empty parameter leaves no double space.
"""

from __future__ import annotations

import re

MESSAGES: dict[str, str] = {
    # -- connecting ---------------------------------------------------------------------------
    "auth_failed": (
        "the team server {server} refused the user name or password, or the login has expired; "
        "check them or ask your manager to renew the login (your local changes are kept and "
        "sync again later)"
    ),
    "login_expired": (
        "your login on {where} has expired; ask your manager to renew it (your local changes "
        "are kept)"
    ),
    "tls_failed": (
        "a secure (TLS) connection to {where} could not be verified; check the server "
        "certificate and sslrootcert (your local changes are kept)"
    ),
    "no_database": "there is no team database at {where}; check the address",
    "connect_denied": "you may not connect to the team at {where}; ask your manager",
    "unreachable": (
        "the team server {server} cannot be reached; work on offline, KPM Desktop syncs again later (your "
        "local changes are kept)"
    ),
    "role_denied": "the team server {server} does not allow this for your role; ask your manager",
    "no_team_at": "{where} holds no team yet; the manager runs 'kpm team init' first",
    "broke_off": "the connection to the team server {server} broke off; nothing is lost, sync again later",
    "bad_url": (
        "the team address is not a PostgreSQL connection URL "
        "(e.g. postgresql://server/team?sslmode=verify-full)"
    ),
    # -- the team schema --------------------------------------------------------------------
    "no_team": "this database holds no team yet; the manager runs 'kpm team init' first",
    "newer_server": (
        "the team server was set up by a newer KPM Desktop (team format {version}, this "
        "version knows up to {supported}); please update KPM Desktop"
    ),
    "newer_server_unchanged": (
        "the team server was set up by a newer KPM Desktop (team format {version}, this "
        "version knows up to {supported}); it was not changed, please update KPM Desktop"
    ),
    "server_upgrade": (
        "the team server needs an upgrade; the manager runs 'kpm team init' once more"
    ),
    # -- kpm team init: a statement the server refused (an SQL error, not a lost connection);
    # the step was one transaction, so nothing of it stays
    "init_first_refused": (
        "setting up the team server stopped at its first step (team format 1): the server "
        "refused one of its statements (SQL error {code}); nothing was created; ask the "
        "database administrator to look at the server log for {code}, then run 'kpm team "
        "init' again"
    ),
    "init_step_refused": (
        "setting up the team server stopped at the step to team format {version}: the server "
        "refused one of its statements (SQL error {code}); that step was undone and the "
        "server stays at team format {before}; ask the database administrator to look at "
        "the server log for {code}, then run 'kpm team init' again"
    ),
    "init_rights_refused": (
        "setting up the team server stopped at its last step, the team's access rights: the "
        "server refused one of its statements (SQL error {code}); that step was undone (the "
        "server is at team format {version}); ask the database administrator to look at the "
        "server log for {code}, then run 'kpm team init' again"
    ),
    # -- a statement the server refused outside 'kpm team init' (an SQL error, not a lost
    # connection): the server undid its transaction; the key names what was refused
    "sync_pull_refused": (
        "the team server {server} refused to hand out the team's changes (SQL error {code}); "
        "nothing was changed in your file and your changes wait for the next sync; ask the "
        "database administrator to look at the server log for {code}"
    ),
    "sync_push_refused": (
        "the team server {server} refused to store your changes (SQL error {code}); none of "
        "them was taken, nothing was changed in your file and they wait for the next sync; "
        "ask the database administrator to look at the server log for {code}"
    ),
    "users_refused": (
        "the team server {server} refused to list the team's users (SQL error {code}); "
        "nothing was changed; ask the database administrator to look at the server log for "
        "{code}"
    ),
    "statement_refused": (
        "the team server {server} refused one of its statements (SQL error {code}); it was "
        "undone on the server; ask the database administrator to look at the server log for "
        "{code}"
    ),
    "sync_run_again": (
        "the team server {server} undid the sync because another session changed the same "
        "data at the same time (SQL error {code}); nothing was changed in your file; sync "
        "again"
    ),
    "not_member": "{who} is not a member of this team; ask your manager",
    "unknown_role": "unknown role {role}; use rep, manager or viewer",
    "bad_user_name": (
        "{name} cannot be a user name: use letters, digits, '_', '.', '@' or '-' (at most 63 "
        "characters, starting with a letter)"
    ),
    "rep_needs_territory": "a rep needs a territory: give at least one --region or --owner",
    # -- files ------------------------------------------------------------------------------
    "not_in_team": (
        "{file} is not part of a team; join one with 'kpm team clone' (or publish it with "
        "'kpm team publish')"
    ),
    "already_team": "{file} is already part of a team; use 'kpm sync'",
    "manager_publishes": "only a manager can publish the team matrix",
    "team_has_matrix": "this team already has a matrix; join it with 'kpm team clone'",
    "cannot_create": "{file} cannot be created there: {detail}",
    # -- conflicts --------------------------------------------------------------------------
    "bad_resolve": "--resolve {spec}: use ID=mine, ID=theirs, all=mine or all=theirs",
    "no_conflict": "there is no open conflict {id} (see 'kpm sync FILE --json')",
    "merge_not_sync": (
        "{file} is not part of a team, so 'kpm sync' cannot settle its conflicts; they come "
        "from a merge: 'kpm merge {file} THEIRS --resolve ID=mine|theirs' settles them"
    ),
    "no_merge_conflict": (
        "there is no open conflict {id}; 'kpm merge {mine} {theirs} --json' lists the open ones"
    ),
    "only_theirs": (
        "conflict {id}: your role may not change this {kind}; only 'theirs' settles it"
    ),
}


def fill(text: str, params: dict[str, object]) -> str:
    """``text`` with its parameters (an empty one leaves no double space)."""
    return re.sub(r" {2,}", " ", text.format(**params))
