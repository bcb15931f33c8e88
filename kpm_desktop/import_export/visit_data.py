"""Plain data for one customer's visit one-pager (printed by ``report/visit_sheet.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from kpm_desktop.domain.entities import (
    CellRecord,
    Customer,
    Goal,
    GoalStatus,
    Note,
    Product,
    stored_id,
)
from kpm_desktop.domain.key_accounts import KeyAccounts, rollup
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.visit_prep import VisitPreparation, prepare_visit
from kpm_desktop.import_export.export_model import ExportOptions, product_order, sort_key
from kpm_desktop.import_export.messages import MessageError
from kpm_desktop.storage.repository import Repository


@dataclass(frozen=True, slots=True)
class SiteWhiteSpots:
    """A key account's site on its one-pager: the products that are white spots there."""

    customer: Customer
    white_spots: tuple[Product, ...]  # in product order


@dataclass(slots=True)
class VisitSnapshot:
    file_name: str
    exported_at: datetime
    options: ExportOptions
    customer: Customer
    products: list[Product]  # by group and sort order
    group_names: list[str]  # per product
    cells: dict[int, CellRecord]  # product id -> record (marked cells only)
    competitors: dict[int, str]
    goals: list[Goal]
    notes: list[Note]
    prep: VisitPreparation
    today: date = field(default_factory=date.today)
    # A key account's one-pager: its sites with the products that are white spots there
    # (the matrix row and the questions above are the sites' roll-up).
    sites: list[SiteWhiteSpots] = field(default_factory=list)

    def competitor_name(self, record: CellRecord | None) -> str:
        if record is None or record.competitor_id is None or self.options.customer_safe:
            return ""
        return self.competitors.get(record.competitor_id, "")


def find_customer(customers: list[Customer], ref: str) -> Customer:
    """The customer a user means by number, exact name or a unique part of the name.

    Raises:
        ValueError: no customer or several customers match (one-line message).
    """
    text = ref.strip()
    by_number = [c for c in customers if c.number and c.number == text]
    if len(by_number) == 1:
        return by_number[0]
    key = sort_key(text)
    exact = [c for c in customers if sort_key(c.name) == key]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [c for c in customers if key and key in sort_key(c.name)]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise MessageError("customer_unknown", ref=repr(ref))
    names = ", ".join(f"{c.name} ({c.number})" for c in partial[:5])
    if len(partial) > 5:
        raise MessageError(
            "customers_match_more", count=len(partial), ref=repr(ref), names=names,
            more=len(partial) - 5,
        )  # fmt: skip
    raise MessageError("customers_match", count=len(partial), ref=repr(ref), names=names)


def visit_from_repository(
    repo: Repository,
    customer_id: int,
    options: ExportOptions,
    *,
    today: date | None = None,
    file_name: str | None = None,
) -> VisitSnapshot:
    today = today or date.today()
    customer = repo.get_customer(customer_id)
    if customer is None:
        raise MessageError("customer_id_unknown", id=customer_id)
    groups = repo.load_groups()
    products = product_order(repo.load_products(), groups)
    group_of = {g.id: g.name for g in groups}
    cells = repo.cells_of_customer(customer_id)
    competitors = {stored_id(c): c.name for c in repo.load_competitors()}
    goals = repo.goals_for(customer_id)
    notes = repo.notes_for(customer_id)
    customers = repo.load_customers()
    ka = KeyAccounts.build(customers)
    row = next(i for i, c in enumerate(customers) if c.id == customer_id)
    site_list: list[SiteWhiteSpots] = []
    if ka.is_group(row):
        # A key account: the one-pager shows its sites' roll-up, their open goals and,
        # per site, what is still unknown there.
        sites = [customers[r] for r in ka.sites[row]]
        site_cells = {stored_id(s): repo.cells_of_customer(stored_id(s)) for s in sites}
        codes = rollup(
            (
                bytes(
                    int(site_cells[stored_id(s)][stored_id(p)].mark)
                    if stored_id(p) in site_cells[stored_id(s)]
                    else 0
                    for p in products
                )
                for s in sites
            ),
            len(products),
        )
        cells = {}
        for p, code in zip(products, codes, strict=True):
            if code:
                # Verified when the latest site in that state was: the roll-up is only as
                # stale as the freshest answer behind it.
                dates = [
                    rec.verified_at
                    for site in sites
                    if (rec := site_cells[stored_id(site)].get(stored_id(p))) is not None
                    and int(rec.mark) == code
                    and rec.verified_at is not None
                ]
                cells[stored_id(p)] = CellRecord(
                    mark=Mark(code), verified_at=max(dates, default=None)
                )
        goals = [
            replace(g, title=f"{g.title} ({site.name})")
            for site in sites
            for g in repo.goals_for(stored_id(site))
            if g.status is GoalStatus.OPEN
        ]
        site_list = [
            SiteWhiteSpots(
                site,
                tuple(p for p in products if stored_id(p) not in site_cells[stored_id(site)]),
            )
            for site in sites
        ]
    prep = prepare_visit(
        customer,
        products,
        groups,
        cells,
        goals,
        notes,
        competitors,
        today,
        repo.stale_months(),
    )
    return VisitSnapshot(
        file_name=file_name or repo.path.name,
        exported_at=datetime.now(UTC).replace(microsecond=0),
        options=options,
        customer=customer,
        products=products,
        group_names=[group_of.get(p.group_id, "") for p in products],
        cells=cells,
        competitors=competitors,
        goals=goals,
        notes=notes,
        prep=prep,
        today=today,
        sites=site_list,
    )


def load_visit(
    path: Path | str, customer_ref: str, options: ExportOptions, *, today: date | None = None
) -> VisitSnapshot:
    """Open ``path`` read-only and collect the visit data of the customer ``customer_ref``."""
    path = Path(path)
    with Repository.open(path, read_only=True) as repo:
        customer = find_customer(repo.load_customers(), customer_ref)
        return visit_from_repository(repo, stored_id(customer), options, today=today)


def load_visit_by_id(
    path: Path | str, customer_id: int, options: ExportOptions, *, today: date | None = None
) -> VisitSnapshot:
    """Like ``load_visit`` for a known customer id (own read-only connection: worker-safe)."""
    with Repository.open(Path(path), read_only=True) as repo:
        return visit_from_repository(repo, customer_id, options, today=today)
