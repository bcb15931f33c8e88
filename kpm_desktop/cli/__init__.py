"""The ``kpm`` command: what the GUI does, headless (for power users, tests and benchmarks).

Each sub-command lives in its own module with ``register(subparsers)``; its handler returns
the exit code. User errors print one line to stderr and exit 2, never a traceback, in the
user's language (``cli.i18n``: the catalogue is loaded only when such a line is printed).
"""

from __future__ import annotations

import argparse
import importlib
import os
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

from kpm_desktop import __version__
from kpm_desktop.storage.errors import StorageError

# Order is the order in `kpm --help`.
COMMAND_MODULES = (
    "demo",
    "generate",
    "info",
    "check",
    "insights",
    "diff",
    "snapshot",
    "import",
    "export",
    "trip",
    "backup",
    "restore",
    "team",
    "sync",
    "merge",
)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A user error: printed as one line, exit code 2.

    ``line`` is translated where it is raised (``translate("cli", "...")``, so that lupdate
    finds it) or is an already translated line (``i18n.error_line``); ``params`` are filled
    into it after the translation.
    """

    def __init__(self, line: str, /, **params: object) -> None:
        super().__init__(line.format(**params) if params else line)


def counted(n: int, one: str, many: str) -> str:
    """``n`` with the English singular or plural of a noun: "1 open conflict", "2 open conflicts"."""
    return f"{n} {one if n == 1 else many}"


def add_force_unlock(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force-unlock",
        action="store_true",
        help="take over a lock that names another computer (only if the file is really not "
        "open there: changes made there could be lost)",
    )


def warn_force_unlock(command: str, path: Path, force: bool) -> None:
    """The GUI's warning, on stderr, before a lock naming another computer is taken over."""
    if not force:
        return
    from kpm_desktop.storage.lock import read_owner

    owner = read_owner(path)
    if owner is None or owner.hostname == socket.gethostname():
        return
    since = owner.started.replace("T", " ").rstrip("Z")
    from kpm_desktop.cli.i18n import translate

    warning = translate(
        "cli",
        "kpm {command}: warning: {file} is marked as open for editing by {user} on the "
        "computer {host} since {since} UTC; --force-unlock takes over: if it is still open "
        "there, changes made there can be lost",
    )
    print(
        warning.format(
            command=command,
            file=path.name,
            user=owner.user or "?",
            host=owner.hostname,
            since=since,
        ),
        file=sys.stderr,
    )


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The ``kpm`` parser; ``only``: register just that command (its module alone is
    imported, so ``kpm insights`` does not load openpyxl for ``kpm import``)."""
    parser = argparse.ArgumentParser(
        prog="kpm", description="KPM Desktop customer/product matrix, headless."
    )
    parser.add_argument("--version", action="version", version=f"kpm {__version__}")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="with --version: also the Python, psycopg and libpq versions",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in (only,) if only in COMMAND_MODULES else COMMAND_MODULES:
        importlib.import_module(f"kpm_desktop.cli.cmd_{name}").register(subparsers)
    return parser


EXIT_BROKEN_PIPE = 141  # what a shell reports for a command whose reader went away (128+SIGPIPE)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; ``kpm … | head -1`` (the reader closes the pipe) ends quietly."""
    try:
        code = _run(argv)
        sys.stdout.flush()  # inside the guard: a closed pipe surfaces here at the latest
        return code
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE


def _silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file descriptor (tests)
        pass


def version_report() -> list[str]:
    """``kpm --version --verbose``: the versions a support request needs, including whether
    team sync can load psycopg and its libpq (a frozen bundle must carry both)."""
    import platform

    lines = [f"kpm {__version__}", f"Python {platform.python_version()} ({sys.platform})"]
    try:
        import psycopg

        libpq = psycopg.pq.version()
        lines.append(
            f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}), "
            f"libpq {libpq // 10000}.{libpq % 10000}"
        )
    except Exception as exc:  # an incomplete installation: say so, do not fail
        lines.append(f"psycopg: not available ({type(exc).__name__}); team sync cannot work")
    return lines


def _run(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if sorted(argv) == ["--verbose", "--version"]:
        print("\n".join(version_report()))
        return 0
    # A command name first: only its module is imported (the full parser for anything else,
    # e.g. ``kpm --help`` or a mistyped command, which lists them all).
    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except BrokenPipeError:
        raise  # the reader went away: ``main`` ends quietly
    except (StorageError, CliError, OSError, ValueError) as exc:
        # OSError: a file problem nobody named more precisely (still one line, no system text)
        from kpm_desktop.cli.i18n import error_message

        print(error_message(args.command, exc), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        from kpm_desktop.cli.i18n import interrupted_message

        print(interrupted_message(args.command), file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
