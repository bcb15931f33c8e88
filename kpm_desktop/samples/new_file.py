"""Creating a new matrix file from typed or pasted lists (the New-matrix assistant)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kpm_desktop.domain.entities import Customer, Product, ProductGroup, stored_id
from kpm_desktop.domain.list_paste import CustomerLine, ProductLine
from kpm_desktop.storage.repository import Repository


def create_matrix_file(
    path: Path,
    customers: Sequence[CustomerLine] = (),
    products: Sequence[ProductLine] = (),
    *,
    title: str = "",
) -> Path:
    """Write a new matrix file; built under a temporary name so a failure leaves nothing."""
    if path.exists():
        raise FileExistsError(f"{path.name} exists already")
    tmp = path.with_name(path.name + ".partial")
    tmp.unlink(missing_ok=True)
    try:
        with Repository.create(tmp) as repo:
            groups: dict[str, int] = {}
            for line in products:
                if line.group and line.group not in groups:
                    group = repo.add_group(ProductGroup(name=line.group, sort_order=len(groups)))
                    groups[line.group] = stored_id(group)
            repo.add_products(
                [
                    Product(
                        name=p.name, number=p.number, group_id=groups.get(p.group), sort_order=i
                    )
                    for i, p in enumerate(products)
                ]
            )
            repo.add_customers(
                [
                    Customer(
                        name=c.name,
                        number=c.number,
                        city=c.city,
                        segment=c.segment,
                        region=c.region,
                    )
                    for c in customers
                ]
            )
            repo.set_setting("stale_months", "12")
            if title:
                repo.set_setting("title", title)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
