"""Export → import (kind "kpm") reproduces every mark and every detail exactly."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kpm_desktop.cli import main
from kpm_desktop.storage.repository import Repository


def _cells_by_uuid(path: Path) -> dict[tuple[str, str], tuple]:
    with Repository.open(path, read_only=True) as repo:
        customers = {c.id: c for c in repo.load_customers()}
        products = {p.id: p for p in repo.load_products()}
        competitors = {c.id: c.name for c in repo.load_competitors()}
        return {
            (customers[cid].uuid, products[pid].uuid): (
                customers[cid].name,
                customers[cid].number,
                products[pid].name,
                rec.mark,
                competitors.get(rec.competitor_id) if rec.competitor_id else None,
                rec.our_revenue,
                rec.potential,
                rec.contract_end,
                rec.no_need_reason,
                rec.recheck_at,
                rec.note,
                rec.verified_at,
            )
            for cid, pid, rec in repo.iter_cells()
        }


def test_export_then_import_reproduces_marks_and_details(demo_file: Path, tmp_path: Path) -> None:
    # Text that a spreadsheet would take for a formula must survive the trip unchanged.
    with Repository.open(demo_file) as repo:
        customer = repo.load_customers()[0]
        repo.update_customer(replace(customer, name="=Gefährlich & Co <KG>", number="-0042"))
        cid, pid, rec = next(repo.iter_cells())
        repo.write_cells([(cid, pid, replace(rec, note="@Einkauf: +5 % ab Q2\n'zitiert'"))])
    out = tmp_path / "export.xlsx"
    assert main(["export", str(demo_file), "--xlsx", str(out)]) == 0
    target = tmp_path / "target.kpm"
    Repository.create(target).close()
    assert main(["import", str(target), str(out), "--kind", "kpm"]) == 0
    assert _cells_by_uuid(target) == _cells_by_uuid(demo_file)
