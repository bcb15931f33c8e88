"""The content of a matrix file keyed by UUID (no internal ids, no history): what a rebuild
from an XLSX export must reproduce (issue 15, item 14)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from kpm_desktop.storage.repository import Repository


def content(path: Path) -> dict[str, object]:
    """Everything the rebuild must reproduce, keyed by UUID (no internal ids, no history)."""
    with Repository.open(path, read_only=True) as repo:
        m = repo.load_matrix()
        customers = {c.id: c for c in m.customers}
        products = {p.id: p for p in m.products}
        groups = m.groups
        competitors = {c.id: c.name for c in repo.load_competitors()}
        uuids = {table: repo.entity_uuids(table) for table in repo.UUID_TABLES}
        out: dict[str, object] = {
            "customers": sorted(
                (
                    c.uuid,
                    c.name,
                    c.number,
                    c.city,
                    c.postcode,
                    c.segment,
                    c.region,
                    c.owner,
                    c.abc_class,
                    c.annual_revenue,
                    tuple(c.tags),
                    c.active,
                )
                for c in customers.values()
            ),
            "products": sorted(
                (
                    p.uuid,
                    p.name,
                    p.number,
                    groups[p.group_id].name if p.group_id else None,
                    groups[p.group_id].sort_order if p.group_id else None,
                    str(p.kind),
                    p.sort_order,
                    p.active,
                )
                for p in products.values()
            ),
            "cells": sorted(
                (
                    customers[cid].uuid,
                    products[pid].uuid,
                    rec.mark.letter,
                    competitors.get(rec.competitor_id) if rec.competitor_id else None,
                    rec.our_revenue,
                    rec.potential,
                    str(rec.contract_end),
                    rec.no_need_reason,
                    str(rec.recheck_at),
                    rec.note,
                    str(rec.verified_at),
                )
                for cid, pid, rec in repo.iter_cells()
            ),
            "competitors": sorted(
                (uuids["competitors"][cid], name) for cid, name in competitors.items()
            ),
            "groups": sorted(
                (uuids["product_groups"][gid], g.name, g.sort_order) for gid, g in groups.items()
            ),
            "notes": sorted(
                (uuids["notes"][n.id], customers[cid].uuid, str(n.note_date), n.text)
                for cid in customers
                for n in repo.notes_for(cid)
            ),
            "goals": sorted(
                (
                    uuids["goals"][g.id],
                    customers[cid].uuid,
                    g.title,
                    g.detail,
                    str(g.due_date),
                    str(g.status),
                    g.sort_order,
                    tuple(sorted(products[p].uuid for p in g.product_ids)),
                )
                for cid in customers
                for g in repo.goals_for(cid)
            ),
        }
    return out


def digest(path: Path) -> str:
    return hashlib.sha256(json.dumps(content(path), default=str).encode()).hexdigest()
