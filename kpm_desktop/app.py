"""GUI entry point (``kpm-desktop [FILE]``). The main window arrives with the matrix-window issue."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from kpm_desktop.gui.entry import run

    return run(sys.argv if argv is None else argv)
