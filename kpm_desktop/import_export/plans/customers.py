"""Import kind ``customers``: master data of customers."""

from __future__ import annotations

from typing import Any

from kpm_desktop.import_export.matching import customer_key
from kpm_desktop.import_export.plans.builder import _CUSTOMER_ATTRS, BuilderBase


class CustomersKind(BuilderBase):
    def _build_customers(self) -> None:
        for row, values in self.data_rows():
            number = self.text(values, "customer_number", row)
            name = self.text(values, "customer_name", row)
            if not number and not name:
                self.problem(row, None, "p_missing_customer")
                continue
            attrs: dict[str, Any] = {k: self.text(values, k, row) for k in _CUSTOMER_ATTRS}
            if attrs["abc_class"]:
                abc = attrs["abc_class"].strip().upper()[:1]
                attrs["abc_class"] = abc if abc in ("A", "B", "C") else ""
            revenue = self.number(values, "annual_revenue", row)
            if revenue is not None:
                attrs["annual_revenue"] = revenue
            customer = self.customer(row, number, name, attrs=attrs)
            if customer is None:
                continue
            assert customer.id is not None
            self._parent_ref(customer, values, row)
            if customer.id in self.seen_customers or (
                customer.id < 0 and self.customer_changes[customer.id].rows[0] != row
            ):
                first = (
                    self.seen_customers.get(customer.id)
                    or (self.customer_changes[customer.id].rows[0])
                )
                self.same_as(row, "customer", first, customer, number, name)
                continue
            if customer.id > 0:
                self.seen_customers[customer.id] = row
                update = dict(attrs)
                if number:
                    update["number"] = number
                # The CRM is the master of names, but only when it says which customer it means.
                result = self.customers.match(number, "", "") if number else None
                if (
                    name
                    and result is not None
                    and result.how == "number"
                    and customer_key(name) != customer_key(customer.name)
                ):
                    update["name"] = name
                self.update_entity(self.customer_changes, self.customers, customer, update, row)
