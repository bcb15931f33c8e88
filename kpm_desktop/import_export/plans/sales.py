"""Import kind ``sales``: sales lines become 'ours' marks with revenue."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from kpm_desktop.domain.entities import CellRecord
from kpm_desktop.domain.marks import Mark
from kpm_desktop.import_export.mapping import products_from_groups
from kpm_desktop.import_export.plans.builder import BuilderBase
from kpm_desktop.import_export.plans.model import SOURCE


class SalesKind(BuilderBase):
    def _build_sales(self) -> None:
        # (customer id, product id) -> [customer, product, revenue, latest date, row, col]
        wanted: dict[tuple[int, int], list[Any]] = {}
        has_revenue = "revenue" in self.s.mapping
        has_date = "date" in self.s.mapping
        has_group = "group" in self.s.mapping
        has_quantity = "quantity" in self.s.mapping
        groups_only = products_from_groups("sales", self.s.mapping)
        self.plan.products_from_groups = groups_only
        for row, values in self.data_rows():
            c_number = self.text(values, "customer_number", row)
            c_name = self.text(values, "customer_name", row)
            p_number = self.text(values, "product_number", row)
            p_name = self.text(values, "product_name", row)
            g_name = self.text(values, "group", row) if has_group else ""
            if groups_only:
                p_name = g_name  # no product column: each product group is one product
            if not c_number and not c_name:
                self.problem(row, None, "p_missing_customer")
                continue
            if not p_number and not p_name:
                self.problem(row, None, "p_missing_product")
                continue
            if has_quantity and self.number(values, "quantity", row) == 0:
                self.problem(row, self.s.mapping["quantity"], "p_zero_quantity")
                continue
            revenue = self.number(values, "revenue", row) if has_revenue else None
            day = self.date(values, "date", row) if has_date else None
            customer = self.customer(row, c_number, c_name, unknown_hint=True)
            product = self.product(row, p_number, p_name)
            if customer is None or product is None:
                continue
            assert customer.id is not None and product.id is not None
            if g_name and product.id < 0 and product.group_id is None:
                product.group_id = self.group_id(g_name)
            if customer.id > 0:
                self.seen_customers.setdefault(customer.id, row)
            if product.id > 0:
                self.seen_products.setdefault(product.id, row)
            key = (customer.id, product.id)
            entry = wanted.get(key)
            if entry is None:
                col = self.s.mapping.get("revenue", self.s.mapping.get("product_name", 0))
                wanted[key] = [customer, product, revenue, day, row, col]
            else:
                if revenue is not None:
                    entry[2] = revenue if entry[2] is None else entry[2] + revenue
                if day is not None and (entry[3] is None or day > entry[3]):
                    entry[3] = day
        for customer, product, revenue, day, row, col in wanted.values():
            before = self.before(customer.id, product.id)
            verified = (
                datetime(day.year, day.month, day.day, tzinfo=UTC) if day is not None else None
            )
            revenue = None if revenue is None else round(revenue, 2)
            if before is None:
                after = CellRecord(
                    mark=Mark.OURS, our_revenue=revenue, verified_at=verified, source=SOURCE
                )
            else:
                after = replace(
                    before,
                    mark=Mark.OURS,
                    our_revenue=before.our_revenue if revenue is None else revenue,
                    verified_at=(
                        verified
                        if verified is not None
                        and (before.verified_at is None or verified > before.verified_at)
                        else before.verified_at
                    ),
                )
            self.cell(customer, product, after, before, row, col)
