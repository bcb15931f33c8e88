"""Key accounts in tests: linking sites in a file, and the roll-up rule as the issue states it
(an independent oracle for the bytes implementation)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.storage.repository import Repository


def link_sites(path: Path, group: int, sites: list[int]) -> tuple[str, list[str]]:
    """Make the customers at ``sites`` (storage rows) sites of the one at ``group``."""
    with Repository.open(path) as repo:
        customers = repo.load_customers()
        head = customers[group]
        for s in sites:
            repo.update_customer(replace(customers[s], parent_uuid=head.uuid))
    return head.name, [customers[s].name for s in sites]


def reference_rollup(rows: list[bytes], n: int) -> bytes:
    """The rule as the issue states it, one cell at a time."""
    out = []
    for j in range(n):
        marks = {row[j] for row in rows}
        if Mark.OURS in marks:
            out.append(int(Mark.OURS))
        elif Mark.COMPETITOR in marks:
            out.append(int(Mark.COMPETITOR))
        elif Mark.NEED in marks:
            out.append(int(Mark.NEED))
        elif Mark.NO_NEED in marks:
            out.append(int(Mark.NO_NEED))
        else:
            out.append(WHITE)  # only where every site is a white spot
    return bytes(out)
