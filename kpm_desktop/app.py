"""GUI entry point (``kpm-desktop [FILE]``).

Python's cyclic garbage collector is held off from here until the window's first frame
(``gui.entry.resume_gc``): start-up allocates hundreds of thousands of objects that live for
the whole session (modules, classes, Qt wrappers), and the collector would walk them ~65
times before anything is on screen (measured 14-19 ms of the demo's start, issue 20).
Nothing cyclic worth collecting is made before the first frame; reference counting still
frees everything else at once.
"""

from __future__ import annotations

import gc
import sys


def main(argv: list[str] | None = None) -> int:
    gc.disable()
    try:
        from kpm_desktop.gui.entry import run

        return run(sys.argv if argv is None else argv)
    finally:
        gc.enable()
