"""``kpm generate``: a synthetic matrix of any size (benchmarks, tests)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kpm_desktop.cli import CliError
from kpm_desktop.cli.i18n import translate
from kpm_desktop.samples.synthetic import generate


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("generate", help="write a synthetic matrix of a given size")
    p.add_argument("--customers", type=int, required=True, help="number of customers (rows)")
    p.add_argument("--products", type=int, required=True, help="number of products (columns)")
    p.add_argument("--fill", type=float, default=0.4, help="share of marked cells, 0..1")
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed, same file)")
    p.add_argument("out", type=Path, help="new .kpm file")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.fill <= 1:
        raise CliError(translate("cli", "--fill must be between 0 and 1"))
    if args.customers < 0 or args.products < 0:
        raise CliError(translate("cli", "--customers and --products must not be negative"))
    if args.out.exists():
        raise CliError(translate("cli", "{path} exists already"), path=args.out)
    start = time.perf_counter()
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if interactive:
            print(f"\r{done * 100 // max(total, 1)} %", end="", file=sys.stderr, flush=True)

    generate(
        args.out,
        customers=args.customers,
        products=args.products,
        fill=args.fill,
        seed=args.seed,
        progress=progress,
    )
    if interactive:
        print("\r", end="", file=sys.stderr)
    print(
        f"wrote {args.customers} x {args.products} matrix ({args.fill:.0%} marked) to {args.out} "
        f"in {time.perf_counter() - start:.1f} s"
    )
    return 0
