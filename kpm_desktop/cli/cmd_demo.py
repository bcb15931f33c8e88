"""``kpm demo OUT``: write the embedded demo matrix."""

from __future__ import annotations

import argparse
from pathlib import Path

from kpm_desktop.cli import CliError
from kpm_desktop.cli.i18n import translate
from kpm_desktop.samples.demo import write_demo


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("demo", help="write the demo matrix to a new file")
    p.add_argument("out", type=Path, help="new .kpm file")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.out.exists():
        raise CliError(translate("cli", "{path} exists already"), path=args.out)
    write_demo(args.out)
    print(f"wrote demo matrix to {args.out}")
    return 0
