"""The embedded demo matrix: a deterministic German B2B sample (``kpm demo``).

A supplier of drive and automation technology with ~60 industrial customers and two key
accounts with their sites. Dates are laid
out relative to ``today`` so that stale cells and upcoming competitor renewals show up
whenever the demo is created; everything else is fixed by the seed.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from kpm_desktop.domain.entities import (
    CellRecord,
    Customer,
    Goal,
    GoalStatus,
    Note,
    Product,
    ProductGroup,
    ProductKind,
    stored_id,
)
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository

GROUPS: tuple[tuple[str, ProductKind, tuple[str, ...]], ...] = (
    (
        "Antriebstechnik",
        ProductKind.PRODUCT,
        ("Servomotoren", "Frequenzumrichter", "Getriebemotoren", "Linearachsen", "Kupplungen"),
    ),
    (
        "Steuerungstechnik",
        ProductKind.PRODUCT,
        ("SPS-Steuerungen", "Bedienpanels", "Sensorik", "Sicherheitstechnik", "Industrie-PCs"),
    ),
    (
        "Lösungen",
        ProductKind.SOLUTION,
        (
            "Energiemonitoring",
            "Condition Monitoring",
            "Retrofit-Pakete",
            "Roboterzellen",
            "MES-Anbindung",
        ),
    ),
    (
        "Service",
        ProductKind.SERVICE,
        ("Wartungsvertrag", "24/7-Hotline", "Schulungen", "Ersatzteilservice", "Inbetriebnahme"),
    ),
    (
        "Finanzierung & Digital",
        ProductKind.SERVICE,
        ("Leasing", "Mietgeräte", "Online-Shop", "Fernwartung"),
    ),
)

COMPETITORS = (
    "Hansa Automation AG",
    "ElektroTec GmbH",
    "Antriebe Süd KG",
    "Danubia Systems GmbH",
    "Kraus & Söhne GmbH",
)

NO_NEED_REASONS = ("fertigt selbst", "langfristiger Vertrag", "nicht relevant", "Konzernvorgabe")

_NAMES = (
    "Müller", "Schäfer", "Weber", "Becker", "Hoffmann", "Schröder", "Krüger", "Wolf", "Neumann",
    "Schwarz", "Zimmermann", "Braun", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
    "Krause", "Meier", "Lehmann", "Köhler", "Maier", "Fuchs", "Jäger", "Vogel", "Friedrich",
    "Günther", "Keller", "Roth", "Frank", "Berger", "Winkler", "Lorenz", "Baumann", "Albrecht",
    "Böhm", "Simon", "Franke", "Ludwig", "Kuhn", "Pohl", "Engel", "Horn", "Busch", "Bergmann",
    "Voigt", "Sauer", "Arnold", "Thomas", "Beck", "Seidel", "Brandt", "Haas", "Schreiber",
    "Graf", "Dietrich", "Ziegler", "Kühn", "Stein", "Jung",
)  # fmt: skip
_TRADES = (
    ("Maschinenbau", "Maschinenbau"),
    ("Verpackungstechnik", "Verpackung"),
    ("Kunststofftechnik", "Kunststoff"),
    ("Metallbau", "Metall"),
    ("Lebensmittelwerke", "Lebensmittel"),
    ("Automotive Zulieferer", "Automotive"),
    ("Holzverarbeitung", "Holz"),
    ("Chemie", "Chemie"),
    ("Logistik", "Logistik"),
    ("Druckmaschinen", "Maschinenbau"),
)
_LEGAL = ("GmbH", "GmbH & Co. KG", "AG", "KG", "e.K.", "GmbH", "SE", "OHG")
_CITIES = (
    ("Hamburg", "20095", "Nord"), ("Bremen", "28195", "Nord"), ("Hannover", "30159", "Nord"),
    ("Kiel", "24103", "Nord"), ("Berlin", "10115", "Ost"), ("Leipzig", "04109", "Ost"),
    ("Dresden", "01067", "Ost"), ("Erfurt", "99084", "Ost"), ("Köln", "50667", "West"),
    ("Düsseldorf", "40213", "West"), ("Dortmund", "44135", "West"), ("Bielefeld", "33602", "West"),
    ("Stuttgart", "70173", "Süd"), ("München", "80331", "Süd"), ("Nürnberg", "90402", "Süd"),
    ("Augsburg", "86150", "Süd"), ("Frankfurt am Main", "60311", "Mitte"),
    ("Kassel", "34117", "Mitte"), ("Mannheim", "68159", "Mitte"), ("Würzburg", "97070", "Mitte"),
)  # fmt: skip
# Street names of industrial estates and their dialling codes, for plausible addresses and
# phone numbers in the trip pack and the calendar (chosen by index: no random numbers, so
# the marks of the demo stay exactly as they were).
_STREETS = (
    "Industriestraße", "Am Gewerbepark", "Hafenstraße", "Werkstraße", "Carl-Benz-Straße",
    "Robert-Bosch-Straße", "Siemensstraße", "Lindenallee", "Im Technologiepark", "Feldweg",
    "Rudolf-Diesel-Straße", "Max-Planck-Straße", "Gutenbergstraße", "An der Autobahn",
)  # fmt: skip
_DIALLING_CODES = {
    "Hamburg": "040", "Bremen": "0421", "Hannover": "0511", "Kiel": "0431", "Berlin": "030",
    "Leipzig": "0341", "Dresden": "0351", "Erfurt": "0361", "Köln": "0221",
    "Düsseldorf": "0211", "Dortmund": "0231", "Bielefeld": "0521", "Stuttgart": "0711",
    "München": "089", "Nürnberg": "0911", "Augsburg": "0821", "Frankfurt am Main": "069",
    "Kassel": "0561", "Mannheim": "0621", "Würzburg": "0931",
}  # fmt: skip


def demo_street(index: int) -> str:
    """A deterministic street and house number for the ``index``-th demo customer."""
    return f"{_STREETS[(index * 5) % len(_STREETS)]} {(index * 7) % 89 + 1}"


def demo_phone(index: int, city: str) -> str:
    """A deterministic phone number in the city's dialling code (``index``-th customer)."""
    return f"{_DIALLING_CODES.get(city, '0800')} {(index * 7919) % 9000 + 1000}{index % 90 + 10}"


_OWNERS = {"Nord": "Anna Becker", "Ost": "Jonas Richter", "West": "Miriam Schulz",
           "Süd": "Thomas Huber", "Mitte": "Sabine Wagner"}  # fmt: skip

_NOTE_TEXTS = (
    "Besuch beim Technischen Leiter: Modernisierung der Linie 3 für nächstes Jahr geplant.",
    "Einkauf fragt nach Rahmenvertrag für Ersatzteile, Angebot bis Monatsende zugesagt.",
    "Wettbewerber hat Preisnachlass angeboten; Entscheidung fällt im Herbst.",
    "Messegespräch: Interesse an Energiemonitoring, Kontakt zum Energiebeauftragten herstellen.",
    "Neuer Produktionsleiter seit Frühjahr, kennt uns noch nicht.",
    "Reklamation zu Lieferzeit geklärt, Kunde zufrieden.",
)
_GOALS = (
    (
        "Energiekosten um 15 % senken",
        "Vorgabe der Geschäftsführung bis Jahresende",
        "Energiemonitoring",
    ),
    ("Ungeplante Stillstände halbieren", "OEE der Hauptlinie steigern", "Condition Monitoring"),
    ("Fachkräftemangel in der Instandhaltung abfedern", "", "Schulungen"),
    ("Neue Verpackungslinie in Betrieb nehmen", "Start im zweiten Quartal", "Inbetriebnahme"),
)

DEMO_SEED = 20261127

# Customers whose every product is answered: "Only customers with white spots" visibly hides
# them on first use. Their remaining cells come from their own random stream, so every other
# cell of the demo stays as it was.
FULLY_COVERED = (42, 54)


def _fully_covered(customers, products, competitors, changes, today: date, now: datetime) -> list:
    """Answers for the white spots of the ``FULLY_COVERED`` customers (ours, competitor, need)."""
    rng = random.Random(DEMO_SEED + 2)  # DEMO_SEED + 1 is the key accounts' stream
    known = {(cid, pid) for cid, pid, _rec in changes}
    extra = []
    for i in FULLY_COVERED:
        customer = customers[i]
        for product in products:
            if (customer.id, product.id) in known:
                continue
            mark = (Mark.OURS, Mark.COMPETITOR, Mark.NEED)[rng.randrange(3)]
            verified = now - timedelta(days=rng.randrange(5, 200))
            competitor = competitors[(i + product.id) % len(competitors)].id
            rec = CellRecord(
                mark=mark,
                competitor_id=competitor if mark is Mark.COMPETITOR else None,
                verified_at=verified,
                updated_at=verified,
                source="demo",
            )
            extra.append((customer.id, product.id, rec))
    # A "no need" whose re-check date has come counts as a white spot again: none here.
    covered = {customers[i].id for i in FULLY_COVERED}
    for k, (cid, pid, rec) in enumerate(changes):
        if cid in covered and rec.recheck_at is not None and rec.recheck_at <= today:
            changes[k] = (cid, pid, replace(rec, recheck_at=None))
    return extra


# Key accounts (Konzern) with their sites (Standorte), appended after the other customers so
# that those keep their ids and marks: (name, number, segment, city/postcode/region per site).
KEY_ACCOUNTS: tuple[tuple[str, str, str, str, tuple[tuple[str, str, str, str], ...]], ...] = (
    (
        "Nordsee Lebensmittel Gruppe",
        "200001",
        "Lebensmittel",
        "A",
        (
            ("Nordsee Lebensmittel Werk Hamburg", "Hamburg", "20095", "Nord"),
            ("Nordsee Lebensmittel Werk Bremen", "Bremen", "28195", "Nord"),
            ("Nordsee Lebensmittel Werk Kiel", "Kiel", "24103", "Nord"),
            ("Nordsee Lebensmittel Logistikzentrum Hannover", "Hannover", "30159", "Nord"),
        ),
    ),
    (
        "Krone Automotive SE",
        "200101",
        "Automotive",
        "A",
        (
            ("Krone Automotive Werk Stuttgart", "Stuttgart", "70173", "Süd"),
            ("Krone Automotive Werk München", "München", "80331", "Süd"),
            ("Krone Automotive Werk Nürnberg", "Nürnberg", "90402", "Süd"),
        ),
    ),
)

# Customers of the full demo (``kpm demo``, first start): the 60 plus key accounts and sites.
DEMO_CUSTOMERS = len(_NAMES) + sum(1 + len(sites) for *_head, sites in KEY_ACCOUNTS)


# A few cells carry a note (the matrix marks them in the corner): (customer index, the mark
# of the customer's first such cell, the note). Chosen from rows a new user sees first.
CELL_NOTES: tuple[tuple[int, Mark, str], ...] = (
    (0, Mark.COMPETITOR, "Rahmenvertrag mit dem Wettbewerb; vor Vertragsende Angebot machen."),
    (1, Mark.NEED, "Bedarf vom Einkauf bestätigt, Angebot bis Quartalsende zugesagt."),
    (3, Mark.OURS, "Neuer Ansprechpartner in der Instandhaltung, Kontakt aktualisiert."),
    (4, Mark.NO_NEED, "Fertigt das selbst; in zwei Jahren erneut fragen."),
    (6, Mark.COMPETITOR, "Unzufrieden mit Lieferzeiten des Wettbewerbers (Messegespräch)."),
    (7, Mark.NEED, "Pilotprojekt im Werk geplant, Muster angefragt."),
)


def _add_cell_notes(changes: list[tuple[int, int, CellRecord]], customers) -> None:
    """Give the ``CELL_NOTES`` cells their note (marks and everything else unchanged)."""
    for index, mark, text in CELL_NOTES:
        cid = stored_id(customers[index])
        k = next(k for k, (c, _p, rec) in enumerate(changes) if c == cid and rec.mark is mark)
        c, p, rec = changes[k]
        changes[k] = (c, p, replace(rec, note=text))


def seed_stamp(today: date) -> datetime:
    """When the demo's history says its marks were written: 09:00 UTC on the day before
    ``today``. That is in the past wherever the demo is made (a local day begins at most 14 h
    before its UTC midnight), later than every verified date (at least 5 days back) and the
    same for every demo made on that day. 09:00 UTC on ``today`` itself was in the future for
    a demo made early in the morning.
    """
    return datetime.combine(today - timedelta(days=1), time(9, 0), tzinfo=UTC)


def build_demo(
    repo: Repository,
    *,
    today: date | None = None,
    seed: int = DEMO_SEED,
    key_accounts: bool = True,
) -> None:
    """Fill an empty repository with the demo matrix.

    ``key_accounts=False`` leaves out the two key accounts with their sites (the first 60
    customers are the same either way; older tests were written against those alone).
    """
    today = today or date.today()
    rng = random.Random(seed)
    now = datetime.combine(today, time(9, 0), tzinfo=UTC)  # dates are laid out from here
    seeded = seed_stamp(today)

    products: list[Product] = []
    for g_index, (g_name, kind, names) in enumerate(GROUPS):
        group = repo.add_group(ProductGroup(name=g_name, sort_order=g_index))
        products += [
            Product(
                name=name,
                number=f"{g_index + 1}{k + 1:02d}",
                group_id=group.id,
                kind=kind,
                sort_order=g_index * 100 + k,
                uuid=f"d0000000-0000-4000-8000-{g_index:04d}{k:08d}",
            )
            for k, name in enumerate(names)
        ]
    products = repo.add_products(products)
    competitors = [repo.add_competitor(name) for name in COMPETITORS]

    customers = []
    for i, surname in enumerate(_NAMES):
        trade, segment = _TRADES[(i * 7) % len(_TRADES)]
        legal = _LEGAL[(i * 5) % len(_LEGAL)]
        city, postcode, region = _CITIES[(i * 3) % len(_CITIES)]
        abc = "A" if i % 6 == 0 else "B" if i % 3 == 0 else "C"
        name = f"{surname} & Partner {legal}" if legal == "OHG" else f"{surname} {trade} {legal}"
        customers.append(
            Customer(
                name=name,
                number=f"{100000 + i * 37}",
                segment=segment,
                region=region,
                owner=_OWNERS[region],
                city=city,
                postcode=postcode,
                street=demo_street(i),
                phone=demo_phone(i, city),
                abc_class=abc,
                annual_revenue=float(
                    rng.randrange(2, 400) * 1000 if abc != "C" else rng.randrange(1, 60) * 1000
                ),
                tags=("Schlüsselkunde",) if abc == "A" else (),
                uuid=f"c0000000-0000-4000-8000-{i:012d}",
            )
        )
    customers = repo.add_customers(customers)

    changes: list[tuple[int, int, CellRecord]] = []
    for i, customer in enumerate(customers):
        known_share = {"A": 0.8, "B": 0.55, "C": 0.3}[customer.abc_class]
        for product in products:
            if rng.random() >= known_share:
                continue  # white spot
            r = rng.random()
            mark = (
                Mark.OURS
                if r < 0.38
                else Mark.COMPETITOR
                if r < 0.62
                else Mark.NEED
                if r < 0.8
                else Mark.NO_NEED
            )
            verified = now - timedelta(days=rng.randrange(5, 540))
            rec = CellRecord(mark=mark, verified_at=verified, updated_at=verified, source="demo")
            if mark is Mark.OURS:
                rec = CellRecord(
                    mark=mark,
                    our_revenue=float(rng.randrange(1, 80) * 500),
                    verified_at=verified,
                    updated_at=verified,
                    source="demo",
                )
            elif mark is Mark.COMPETITOR:
                rec = CellRecord(
                    mark=mark,
                    competitor_id=competitors[(i + stored_id(product)) % len(competitors)].id,
                    contract_end=today + timedelta(days=rng.randrange(-30, 900)),
                    potential=float(rng.randrange(2, 60) * 1000),
                    verified_at=verified,
                    updated_at=verified,
                    source="demo",
                )
            elif mark is Mark.NEED:
                rec = CellRecord(
                    mark=mark,
                    potential=float(rng.randrange(2, 120) * 500),
                    verified_at=verified,
                    updated_at=verified,
                    source="demo",
                )
            else:
                rec = CellRecord(
                    mark=mark,
                    no_need_reason=NO_NEED_REASONS[rng.randrange(len(NO_NEED_REASONS))],
                    recheck_at=today + timedelta(days=rng.randrange(-60, 400))
                    if rng.random() < 0.5
                    else None,
                    verified_at=verified,
                    updated_at=verified,
                    source="demo",
                )
            changes.append((stored_id(customer), stored_id(product), rec))
    changes += _fully_covered(customers, products, competitors, changes, today, now)
    _add_cell_notes(changes, customers)
    repo.write_cells(changes, source="demo", at=seeded)

    by_name = {p.name: p.id for p in products if p.id is not None}
    for i, customer in enumerate(customers):
        if customer.abc_class == "C":
            continue
        for k in range(2 if customer.abc_class == "B" else 3):
            repo.add_note(
                Note(
                    customer_id=stored_id(customer),
                    text=_NOTE_TEXTS[(i + k) % len(_NOTE_TEXTS)],
                    note_date=today - timedelta(days=20 + 45 * k + (i % 17)),
                )
            )
        if customer.abc_class == "A":
            for k in range(2):
                title, detail, product_name = _GOALS[(i // 6 + k) % len(_GOALS)]
                repo.add_goal(
                    Goal(
                        customer_id=stored_id(customer),
                        title=title,
                        detail=detail,
                        due_date=today + timedelta(days=90 + 60 * k),
                        status=GoalStatus.OPEN if k == 0 or i % 12 else GoalStatus.ACHIEVED,
                        sort_order=k,
                        product_ids=(by_name[product_name],),
                    )
                )
    if key_accounts:
        _add_key_accounts(repo, products, competitors, today, now, seeded)
    repo.set_setting("title", "Demo: Antriebs- und Automatisierungstechnik")
    repo.set_setting("stale_months", "12")


def _add_key_accounts(
    repo, products, competitors, today: date, now: datetime, seeded: datetime
) -> None:
    """Two key accounts with their sites; a site's marks come from its own random stream so
    the rest of the demo stays as it was. The key accounts themselves carry no marks: the
    matrix shows their sites' roll-up."""
    rng = random.Random(DEMO_SEED + 1)
    changes = []
    for k, (name, number, segment, abc, sites) in enumerate(KEY_ACCOUNTS):
        city, postcode, region = sites[0][1], sites[0][2], sites[0][3]
        (head,) = repo.add_customers(
            [
                Customer(
                    name=name,
                    number=number,
                    segment=segment,
                    region=region,
                    owner=_OWNERS[region],
                    city=city,
                    postcode=postcode,
                    street=demo_street(100 + 10 * k),
                    phone=demo_phone(100 + 10 * k, city),
                    abc_class=abc,
                    annual_revenue=float(900_000 + 350_000 * k),
                    tags=("Schlüsselkunde", "Konzern"),
                    uuid=f"c1000000-0000-4000-8000-{k:012d}",
                )
            ]
        )
        site_rows = repo.add_customers(
            [
                Customer(
                    name=site_name,
                    number=f"{int(number) + j + 1}",
                    segment=segment,
                    region=site_region,
                    owner=_OWNERS[site_region],
                    city=site_city,
                    postcode=site_postcode,
                    street=demo_street(101 + 10 * k + j),
                    phone=demo_phone(101 + 10 * k + j, site_city),
                    abc_class="B",
                    annual_revenue=float(rng.randrange(150, 600) * 1000),
                    uuid=f"c2000000-0000-4000-8000-{k:04d}{j + 1:08d}",
                    parent_uuid=head.uuid,
                )
                for j, (site_name, site_city, site_postcode, site_region) in enumerate(sites)
            ]
        )
        # Sites of one group buy alike: a product the group buys from us is bought by most
        # sites; other products are competitor, need, no need or unknown site by site.
        group_profile = {p.id: rng.random() for p in products}
        for j, site in enumerate(site_rows):
            for product in products:
                lean = group_profile[product.id]
                r = rng.random()
                if r < 0.3:
                    continue  # white spot
                verified = now - timedelta(days=rng.randrange(5, 400))
                if lean < 0.35 and r < 0.85:
                    rec = CellRecord(
                        mark=Mark.OURS,
                        our_revenue=float(rng.randrange(2, 60) * 500),
                        verified_at=verified,
                        updated_at=verified,
                        source="demo",
                    )
                elif lean < 0.6:
                    rec = CellRecord(
                        mark=Mark.COMPETITOR,
                        competitor_id=competitors[(k + j) % len(competitors)].id,
                        contract_end=today + timedelta(days=rng.randrange(20, 800)),
                        potential=float(rng.randrange(2, 40) * 1000),
                        verified_at=verified,
                        updated_at=verified,
                        source="demo",
                    )
                elif lean < 0.8:
                    rec = CellRecord(
                        mark=Mark.NEED,
                        potential=float(rng.randrange(2, 80) * 500),
                        verified_at=verified,
                        updated_at=verified,
                        source="demo",
                    )
                else:
                    rec = CellRecord(
                        mark=Mark.NO_NEED,
                        no_need_reason="Konzernvorgabe",
                        verified_at=verified,
                        updated_at=verified,
                        source="demo",
                    )
                changes.append((site.id, product.id, rec))
        repo.add_goal(
            Goal(
                customer_id=site_rows[0].id,
                title="Rahmenvertrag für alle Standorte",
                detail="Konzerneinkauf bündelt ab nächstem Jahr",
                due_date=today + timedelta(days=120),
                product_ids=(products[0].id,),
            )
        )
        repo.add_note(
            Note(
                customer_id=site_rows[-1].id,
                text="Standortleiter verweist auf den Konzerneinkauf.",
                note_date=today - timedelta(days=30),
            )
        )
    repo.write_cells(changes, source="demo", at=seeded)


def write_demo(out: Path, *, today: date | None = None, key_accounts: bool = True) -> Path:
    """Create ``out`` as a new demo matrix file (built under a temporary name, then renamed)."""
    if out.exists():
        raise FileExistsError(f"{out} exists already")
    tmp = out.with_name(out.name + ".partial")
    tmp.unlink(missing_ok=True)
    repo = Repository.create(tmp)
    try:
        build_demo(repo, today=today, key_accounts=key_accounts)
    finally:
        repo.close()
    tmp.replace(out)
    return out
