"""Import kind ``products``: products and their groups."""

from __future__ import annotations

from typing import Any

from kpm_desktop.import_export.matching import product_key
from kpm_desktop.import_export.plans.builder import BuilderBase


class ProductsKind(BuilderBase):
    def _build_products(self) -> None:
        for row, values in self.data_rows():
            number = self.text(values, "product_number", row)
            name = self.text(values, "product_name", row)
            if not number and not name:
                self.problem(row, None, "p_missing_product")
                continue
            group_name = self.text(values, "group", row)
            product = self.product(row, number, name)
            if product is None:
                continue
            assert product.id is not None
            if product.id in self.seen_products or (
                product.id < 0 and self.product_changes[product.id].rows[0] != row
            ):
                first = (
                    self.seen_products.get(product.id) or (self.product_changes[product.id].rows[0])
                )
                self.same_as(row, "product", first, product, number, name)
                continue
            update: dict[str, Any] = {}
            if group_name:
                update["group_id"] = self.group_id(group_name)
            if product.id > 0:
                self.seen_products[product.id] = row
                if number:
                    update["number"] = number
                if (
                    name
                    and number
                    and self.products.match(number).how == "number"
                    and product_key(name) != product_key(product.name)
                ):
                    update["name"] = name
            self.update_entity(self.product_changes, self.products, product, update, row)
