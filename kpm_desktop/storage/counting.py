"""The one source of every count: the matrix as the counts see it, and the rows that count.

A "no need" whose re-check date has come is a white spot again (the rep has to ask again),
so it counts as one everywhere: in the matrix summaries and the status bar (the GUI's
``CustomerData.effective_matrix``, the same domain function), the side panel, insights,
exports and the CLI. They all take their counts from ``domain.staleness.effective_matrix``
over ``Repository.due_rechecks``; this module is that pair for code that reads a file.

A key account's own row never counts: its figures are its sites' (the matrix window, the
status bar, insights and the exports count sites and stand-alone customers only).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from kpm_desktop.domain.key_accounts import KeyAccounts
from kpm_desktop.domain.matrix import MarkCounts, Matrix
from kpm_desktop.domain.staleness import effective_matrix
from kpm_desktop.storage.repository import Repository
from kpm_desktop.storage.repository.rows import CellKey


def counting_matrix(
    repo: Repository,
    today: date,
    matrix: Matrix | None = None,
    *,
    recheck_due: Sequence[CellKey] | None = None,
) -> Matrix:
    """The matrix every count is taken from (``matrix``: the file's, if already loaded;
    ``recheck_due``: ``repo.due_rechecks(today)``, if already found, e.g. on a thread)."""
    return effective_matrix(
        matrix if matrix is not None else repo.load_matrix(),
        repo.due_rechecks(today) if recheck_due is None else recheck_due,
    )


def counted_rows(matrix: Matrix) -> list[int] | None:
    """The rows every count runs over: all but key accounts (None = every row)."""
    ka = KeyAccounts.build(matrix.customers)
    return ka.members() if ka else None


def count_totals(matrix: Matrix, rows: Sequence[int] | None = None) -> MarkCounts:
    """Totals over ``rows`` (default: the counted rows) of a counting matrix."""
    if rows is None:
        rows = counted_rows(matrix)
    return matrix.totals(rows)
