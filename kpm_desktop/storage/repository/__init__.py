"""All reads and writes of one matrix file.

Every public write is one transaction: the marks table, the append-only history and the
derived status rows change together or not at all. The status rows hold one byte per product
slot per customer, so the whole matrix loads with one query instead of one Python object per
cell (~100x faster at size L; see docs/architecture.md).
"""

from __future__ import annotations

from kpm_desktop.storage.repository.base import RepositoryBase
from kpm_desktop.storage.repository.cells import CellsMixin
from kpm_desktop.storage.repository.notes_goals import NotesGoalsMixin
from kpm_desktop.storage.repository.rows import (
    CellChange,
    CellKey,
    CustomerSnapshot,
    ProductSnapshot,
    _cell_from_row,
)
from kpm_desktop.storage.repository.structure import StructureMixin

__all__ = [
    "CellChange",
    "CellKey",
    "CellsMixin",
    "CustomerSnapshot",
    "NotesGoalsMixin",
    "ProductSnapshot",
    "Repository",
    "RepositoryBase",
    "StructureMixin",
    "_cell_from_row",
]


class Repository(StructureMixin):
    """The storage API of one open matrix file (main thread only).

    Assembled from ``base`` (lifecycle, settings, loading), ``cells``, ``structure`` and
    ``notes_goals``.
    """
