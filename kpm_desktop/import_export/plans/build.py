"""``build_plan``: one builder with every import kind."""

from __future__ import annotations

from kpm_desktop.import_export.plans.customers import CustomersKind
from kpm_desktop.import_export.plans.kpm import KpmKind
from kpm_desktop.import_export.plans.matrix import MatrixKind
from kpm_desktop.import_export.plans.model import ImportPlan, SourceData, Target
from kpm_desktop.import_export.plans.products import ProductsKind
from kpm_desktop.import_export.plans.sales import SalesKind
from kpm_desktop.import_export.plans.source import check_mapping
from kpm_desktop.import_export.tables import Progress


class _Builder(CustomersKind, ProductsKind, SalesKind, MatrixKind, KpmKind):
    """One builder with every import kind (``build`` dispatches on ``source.kind``)."""


def build_plan(
    source: SourceData,
    target: Target,
    *,
    confirmed: dict[tuple[str, str], int] | None = None,
    conflicts: str = "keep",
    progress: Progress | None = None,
    create_customers: bool = False,
) -> ImportPlan:
    """Compute what importing ``source`` into ``target`` would change. Writes nothing.

    Args:
        confirmed: accepted suggestions, ``(entity, source_key) -> existing id``.
        conflicts: initial choice for every conflict, "keep" (mine) or "take" (imported).
        progress: called with the number of rows processed; may raise to cancel.
        create_customers: sales rows whose customer number is not in the matrix and that
            have no customer name create a customer named by its number (else a problem).

    Raises:
        ImportFailure: the mapping lacks a required column.
    """
    check_mapping(source)
    builder = _Builder(source, target, confirmed or {}, progress)
    builder.create_customers = create_customers
    plan = builder.build()
    plan.resolve_all(conflicts == "take")
    return plan
