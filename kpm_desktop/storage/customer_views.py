"""Load the per-customer views (KPIs, visit preparation, changed since) from a repository.

Thin glue: the rules live in ``domain/customer_kpis.py`` and ``domain/visit_prep.py``; this
module only fetches one customer's records (a handful of small queries) and calls them. The
side panel, the visit one-pager and the CLI share it.
"""

from __future__ import annotations

from datetime import date

from kpm_desktop.domain.customer_kpis import CustomerKpis, customer_kpis
from kpm_desktop.domain.visit_prep import (
    CellChangeSummary,
    VisitPreparation,
    changes_since,
    prepare_visit,
    start_of_day,
)
from kpm_desktop.storage.repository import Repository


def load_customer_kpis(repo: Repository, customer_id: int, today: date) -> CustomerKpis:
    return customer_kpis(
        repo.load_products(), repo.cells_of_customer(customer_id), repo.competitor_names(), today
    )


def load_visit_preparation(repo: Repository, customer_id: int, today: date) -> VisitPreparation:
    """Raises KeyError when the customer does not exist."""
    customer = repo.get_customer(customer_id)
    if customer is None:
        raise KeyError(customer_id)
    return prepare_visit(
        customer,
        repo.load_products(),
        repo.load_groups(),
        repo.cells_of_customer(customer_id),
        repo.goals_for(customer_id),
        repo.notes_for(customer_id),
        repo.competitor_names(),
        today,
        repo.stale_months(),
    )


def load_changes_since(repo: Repository, customer_id: int, since: date) -> list[CellChangeSummary]:
    return changes_since(repo.history(customer_id=customer_id, since=start_of_day(since)), since)
