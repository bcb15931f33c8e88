"""From a read table to an ``ImportPlan``: everything an import would change, with no writes.

The plan is computed against a ``Target`` (a snapshot of the open matrix file: customers,
products, the compact status grid and a cell lookup), so it can be built in a worker thread
with its own read-only connection. Entities the import would create get negative temporary
ids; ``apply.apply_plan`` maps them to real ids inside one transaction.

Rules that make re-imports safe (issue 5, "non-destructive"):
- an import never clears a mark and never empties a field it has no value for;
- a cell whose existing mark or note the import would change is a *conflict*, applied only
  when the user chooses "take imported" for it (default: keep mine);
- an import that changes nothing reports everything as unchanged, so importing the same file
  twice writes nothing the second time.
"""

from __future__ import annotations

from kpm_desktop.import_export.plans import model
from kpm_desktop.import_export.plans.build import build_plan
from kpm_desktop.import_export.plans.builder import BuilderBase
from kpm_desktop.import_export.plans.model import *  # noqa: F403 (the plan model, re-exported)
from kpm_desktop.import_export.plans.source import (
    check_mapping,
    column_letter,
    read_source,
    unmapped_column_indexes,
    unmapped_columns,
)

__all__ = [
    "BuilderBase",
    "build_plan",
    "check_mapping",
    "column_letter",
    "read_source",
    "unmapped_column_indexes",
    "unmapped_columns",
]
__all__ += model.__all__
