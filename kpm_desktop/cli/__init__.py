"""The ``kpm`` command: what the GUI does, headless (for power users, tests and benchmarks).

Each sub-command lives in its own module with ``register(subparsers)``; its handler returns
the exit code. User errors print one line to stderr and exit 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

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
)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A user error: printed as one line, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kpm", description="KPM Desktop customer/product matrix, headless."
    )
    parser.add_argument("--version", action="version", version=f"kpm {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"kpm_desktop.cli.cmd_{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except (StorageError, CliError, FileExistsError, FileNotFoundError, ValueError) as exc:
        print(f"kpm {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"kpm {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
