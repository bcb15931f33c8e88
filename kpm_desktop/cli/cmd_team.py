"""``kpm team init|publish|add-user|users|clone``: set up and join a team (PostgreSQL)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kpm_desktop.cli import CliError
from kpm_desktop.cli.i18n import error_line, translate


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("team", help="set up a team server, add users, join a team")
    sub = p.add_subparsers(dest="team_command", required=True, metavar="ACTION")

    init = sub.add_parser("init", help="create or upgrade the team schema in a PostgreSQL database")
    init.add_argument(
        "url", help="PostgreSQL URL, e.g. postgresql://server/team?sslmode=verify-full"
    )
    init.add_argument("--json", action="store_true")
    init.set_defaults(handler=run_init)

    pub = sub.add_parser("publish", help="upload a matrix file as the team matrix (manager)")
    pub.add_argument("file", type=Path)
    pub.add_argument("url")
    pub.add_argument("--json", action="store_true")
    pub.set_defaults(handler=run_publish)

    add = sub.add_parser("add-user", help="create a login for a rep, manager or viewer")
    add.add_argument("url")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("rep", "manager", "viewer"))
    add.add_argument("--region", action="append", default=[], help="a region of the territory")
    add.add_argument("--owner", action="append", default=[], help="an owner (rep) of the territory")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the new password from standard input (default: a random one, shown once)",
    )
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=run_add_user)

    users = sub.add_parser("users", help="list the team's users and territories")
    users.add_argument("url")
    users.add_argument("--json", action="store_true")
    users.set_defaults(handler=run_users)

    clone = sub.add_parser("clone", help="make your local working copy of the team matrix")
    clone.add_argument("url")
    clone.add_argument("out", type=Path)
    clone.add_argument("--user", help="your user name on the team server")
    clone.add_argument("--json", action="store_true")
    clone.set_defaults(handler=run_clone)


def _team_errors(fn):
    def wrapper(args: argparse.Namespace) -> int:
        from kpm_desktop.team.connect import TeamError

        try:
            return fn(args)
        except TeamError as exc:
            raise CliError(error_line(exc)) from exc

    return wrapper


@_team_errors
def run_init(args: argparse.Namespace) -> int:
    from kpm_desktop.team import server
    from kpm_desktop.team.connect import connect, describe, translated

    with connect(args.url) as conn, translated(args.url, conn=conn):
        before, after = server.init(conn)
    if args.json:
        print(json.dumps({"server": describe(args.url), "before": before, "version": after}))
    elif before == after:
        print(f"team schema on {describe(args.url)} is up to date (version {after})")
    else:
        print(f"team schema on {describe(args.url)}: version {before} -> {after}")
    return 0


@_team_errors
def run_publish(args: argparse.Namespace) -> int:
    from kpm_desktop.team import publish

    result = publish.publish(args.file, args.url)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        counts = result["published"]
        print(
            f"published {args.file.name} to {result['server']}: "
            f"{counts.get('customer', 0)} customers, {counts.get('product', 0)} products, "
            f"{counts.get('cell', 0)} marks"
        )
    return 0


@_team_errors
def run_add_user(args: argparse.Namespace) -> int:
    from kpm_desktop.team import server
    from kpm_desktop.team.connect import connect, translated

    password = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CliError(translate("cli", "no password on standard input"))
    with connect(args.url) as conn, translated(args.url, conn=conn):
        user, new_password = server.add_user(
            conn, args.name, args.role, tuple(args.region), tuple(args.owner), password
        )
    if args.json:
        data = user.as_json()
        if new_password and not args.password_stdin:
            data["password"] = new_password
        print(json.dumps(data, ensure_ascii=False))
    else:
        where = ", ".join([*user.regions, *user.owners]) or "everything"
        print(f"{user.name}: {user.role} ({where})")
        if new_password and not args.password_stdin:
            print(f"initial password (shown once, pass it on privately): {new_password}")
    return 0


@_team_errors
def run_users(args: argparse.Namespace) -> int:
    from kpm_desktop.team import server
    from kpm_desktop.team.connect import connect, translated

    with connect(args.url) as conn, translated(args.url, "users_refused", conn):
        users = server.users(conn)
    if args.json:
        print(json.dumps([u.as_json() for u in users], ensure_ascii=False))
    else:
        for u in users:
            where = ", ".join([*u.regions, *u.owners]) or "everything"
            print(f"{u.name:<20} {u.role:<8} {where}")
    return 0


@_team_errors
def run_clone(args: argparse.Namespace) -> int:
    from kpm_desktop.team import clone

    if args.out.exists():  # checked before connecting (the team's check names it in English)
        raise CliError(
            translate("cli", "{path} exists already; choose a new file name"), path=args.out
        )
    result = clone.clone(args.url, args.out, args.user)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(
            f"{args.out.name}: {result['customers']} customers, {result['products']} products, "
            f"{result['marks']} marks for {result['user']} ({result['role']})"
        )
    return 0
