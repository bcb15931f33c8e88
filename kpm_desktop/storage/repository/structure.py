"""Customers, product groups, products and competitors."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import replace

from kpm_desktop.domain.entities import Competitor, Customer, Product, ProductGroup, stored_id
from kpm_desktop.storage.convert import ts_to_db, utc_now
from kpm_desktop.storage.repository.cells import CellsMixin
from kpm_desktop.storage.repository.notes_goals import NotesGoalsMixin
from kpm_desktop.storage.repository.rows import (
    _MARK_COLS,
    CellKey,
    CustomerSnapshot,
    ProductSnapshot,
    _cell_values,
    _customer_values,
)


class StructureMixin(CellsMixin, NotesGoalsMixin):
    """Customers, product groups, products and competitors (with undo snapshots)."""

    # -- customers ---------------------------------------------------------------------------
    def add_customer(self, customer: Customer) -> Customer:
        return self.add_customers([customer])[0]

    def add_customers(self, customers: Sequence[Customer]) -> list[Customer]:
        """Insert customers (ids assigned unless given) in one transaction."""
        stamp = ts_to_db(utc_now())
        out = []
        with self.transaction() as conn:
            for c in customers:
                cur = conn.execute(
                    "INSERT INTO customers (id, uuid, name, number, segment, region, owner, city, "
                    "postcode, abc_class, annual_revenue, tags, active, parent_uuid, street, phone, "
                    "created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (c.id, *_customer_values(c), stamp, stamp),
                )
                out.append(replace(c, id=cur.lastrowid))
        return out

    def update_customer(self, customer: Customer) -> Customer:
        """Store changed attributes; returns the previous version (for undo)."""
        assert customer.id is not None
        prev = self.get_customer(customer.id)
        if prev is None:
            raise KeyError(customer.id)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE customers SET uuid = ?, name = ?, number = ?, segment = ?, region = ?, "
                "owner = ?, city = ?, postcode = ?, abc_class = ?, annual_revenue = ?, tags = ?, "
                "active = ?, parent_uuid = ?, street = ?, phone = ?, updated_at = ? WHERE id = ?",
                (*_customer_values(customer), ts_to_db(utc_now()), customer.id),
            )
        return prev

    def delete_customer(self, customer_id: int) -> CustomerSnapshot:
        """Delete a customer with its marks, notes and goals; returns what undo needs."""
        customer = self.get_customer(customer_id)
        if customer is None:
            raise KeyError(customer_id)
        row = self._q("SELECT codes FROM status_rows WHERE customer_id = ?", (customer_id,))
        snapshot = CustomerSnapshot(
            customer=customer,
            codes=bytes(row[0][0]) if row else b"",
            cells=self.cells_of_customer(customer_id),
            notes=self.notes_for(customer_id),
            goals=self.goals_for(customer_id),
        )
        with self.transaction() as conn:
            conn.execute("DELETE FROM customers WHERE id = ?", (customer_id,))
        return snapshot

    def restore_customer(self, snap: CustomerSnapshot) -> None:
        """Put back a deleted customer exactly (same id, marks, notes, goals)."""
        with self.transaction() as conn:
            self.add_customers([snap.customer])
            conn.executemany(
                f"INSERT INTO marks (customer_id, product_id, {_MARK_COLS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(snap.customer.id, pid, *_cell_values(rec)) for pid, rec in snap.cells.items()],
            )
            conn.execute(
                "INSERT INTO status_rows (customer_id, codes) VALUES (?, ?)",
                (snap.customer.id, snap.codes),
            )
            for note in snap.notes:
                self._insert_note(conn, note)
            for goal in snap.goals:
                self._insert_goal(conn, goal)

    # -- product groups ----------------------------------------------------------------------
    def add_group(self, group: ProductGroup) -> ProductGroup:
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO product_groups (id, name, sort_order) VALUES (?, ?, ?)",
                (group.id, group.name, group.sort_order),
            )
        return replace(group, id=cur.lastrowid)

    def update_group(self, group: ProductGroup) -> ProductGroup:
        prev = [g for g in self.load_groups() if g.id == group.id]
        if not prev:
            raise KeyError(group.id)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE product_groups SET name = ?, sort_order = ? WHERE id = ?",
                (group.name, group.sort_order, group.id),
            )
        return prev[0]

    def delete_group(self, group_id: int) -> tuple[ProductGroup, list[int]]:
        """Delete a group; its products become ungrouped. Returns (group, product ids)."""
        prev = [g for g in self.load_groups() if g.id == group_id]
        if not prev:
            raise KeyError(group_id)
        members = [r[0] for r in self._q("SELECT id FROM products WHERE group_id = ?", (group_id,))]
        with self.transaction() as conn:
            conn.execute("DELETE FROM product_groups WHERE id = ?", (group_id,))
        return prev[0], members

    def restore_group(self, group: ProductGroup, product_ids: Sequence[int]) -> None:
        with self.transaction() as conn:
            self.add_group(group)
            conn.executemany(
                "UPDATE products SET group_id = ? WHERE id = ?",
                [(group.id, pid) for pid in product_ids],
            )

    # -- products ----------------------------------------------------------------------------
    def add_product(self, product: Product) -> Product:
        return self.add_products([product])[0]

    def add_products(self, products: Sequence[Product]) -> list[Product]:
        """Append products as new slots (existing status rows need no rewrite)."""
        stamp = ts_to_db(utc_now())
        out = []
        with self.transaction() as conn:
            next_slot = conn.execute("SELECT coalesce(max(slot) + 1, 0) FROM products").fetchone()[
                0
            ]
            for p in products:
                cur = conn.execute(
                    "INSERT INTO products (id, uuid, name, number, group_id, kind, sort_order, "
                    "active, slot, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        p.id,
                        p.uuid,
                        p.name,
                        p.number,
                        p.group_id,
                        str(p.kind),
                        p.sort_order,
                        int(p.active),
                        next_slot,
                        stamp,
                        stamp,
                    ),
                )
                next_slot += 1
                out.append(replace(p, id=cur.lastrowid))
        self._slot_of = None
        return out

    def update_product(self, product: Product) -> Product:
        assert product.id is not None
        prev = self.get_product(product.id)
        if prev is None:
            raise KeyError(product.id)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE products SET uuid = ?, name = ?, number = ?, group_id = ?, kind = ?, "
                "sort_order = ?, active = ?, updated_at = ? WHERE id = ?",
                (
                    product.uuid,
                    product.name,
                    product.number,
                    product.group_id,
                    str(product.kind),
                    product.sort_order,
                    int(product.active),
                    ts_to_db(utc_now()),
                    product.id,
                ),
            )
        return prev

    def _rewrite_status_rows(self, conn: sqlite3.Connection, fn: Callable[[bytes], bytes]) -> None:
        rows = conn.execute("SELECT customer_id, codes FROM status_rows").fetchall()
        conn.executemany(
            "UPDATE status_rows SET codes = ? WHERE customer_id = ?",
            [(fn(bytes(codes)), cid) for cid, codes in rows],
        )

    def delete_product(self, product_id: int) -> ProductSnapshot:
        """Delete a product and its marks; later slots move down by one."""
        product = self.get_product(product_id)
        if product is None:
            raise KeyError(product_id)
        slot = self._slots()[product_id]
        snap = ProductSnapshot(
            product=product,
            slot=slot,
            cells=self.cells_of_product(product_id),
            goal_links=[
                r[0]
                for r in self._q(
                    "SELECT goal_id FROM goal_products WHERE product_id = ?", (product_id,)
                )
            ],
        )
        with self.transaction() as conn:
            conn.execute("DELETE FROM products WHERE id = ?", (product_id,))
            # Two steps because UNIQUE(slot) is checked row by row.
            conn.execute("UPDATE products SET slot = -slot WHERE slot > ?", (slot,))
            conn.execute("UPDATE products SET slot = -slot - 1 WHERE slot < 0")
            self._rewrite_status_rows(conn, lambda b: b[:slot] + b[slot + 1 :])
        self._slot_of = None
        return snap

    def restore_product(self, snap: ProductSnapshot) -> None:
        """Put a deleted product back at its old slot, with its marks and goal links."""
        slot = snap.slot
        p = snap.product
        pid = stored_id(p)
        stamp = ts_to_db(utc_now())

        def insert_byte(b: bytes) -> bytes:
            if len(b) < slot:
                return b
            return b[:slot] + b"\x00" + b[slot:]

        with self.transaction() as conn:
            conn.execute("UPDATE products SET slot = -slot - 1 WHERE slot >= ?", (slot,))
            conn.execute("UPDATE products SET slot = -slot WHERE slot < 0")
            conn.execute(
                "INSERT INTO products (id, uuid, name, number, group_id, kind, sort_order, "
                "active, slot, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    p.id,
                    p.uuid,
                    p.name,
                    p.number,
                    p.group_id,
                    str(p.kind),
                    p.sort_order,
                    int(p.active),
                    slot,
                    stamp,
                    stamp,
                ),
            )
            self._rewrite_status_rows(conn, insert_byte)
            self._slot_of = None
            self.write_cells(
                [(cid, pid, rec) for cid, rec in snap.cells.items()],
                record_history=False,
            )
            conn.executemany(
                "INSERT INTO goal_products (goal_id, product_id) VALUES (?, ?)",
                [(gid, p.id) for gid in snap.goal_links],
            )
        self._slot_of = None

    # -- competitors -------------------------------------------------------------------------
    def add_competitor(self, name: str) -> Competitor:
        with self.transaction() as conn:
            cur = conn.execute("INSERT INTO competitors (name) VALUES (?)", (name.strip(),))
        return Competitor(id=cur.lastrowid, name=name.strip())

    def competitor_by_name(self, name: str) -> Competitor | None:
        rows = self._q("SELECT id, name FROM competitors WHERE name = ?", (name.strip(),))
        return Competitor(id=rows[0][0], name=rows[0][1]) if rows else None

    def rename_competitor(self, competitor_id: int, name: str) -> str:
        prev = self._q("SELECT name FROM competitors WHERE id = ?", (competitor_id,))
        if not prev:
            raise KeyError(competitor_id)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE competitors SET name = ? WHERE id = ?", (name.strip(), competitor_id)
            )
        return str(prev[0][0])

    def delete_competitor(self, competitor_id: int) -> tuple[Competitor, list[CellKey]]:
        """Delete a competitor; cells naming it keep their mark. Returns what undo needs."""
        prev = self._q("SELECT id, name FROM competitors WHERE id = ?", (competitor_id,))
        if not prev:
            raise KeyError(competitor_id)
        cells = [
            (r[0], r[1])
            for r in self._q(
                "SELECT customer_id, product_id FROM marks WHERE competitor_id = ?",
                (competitor_id,),
            )
        ]
        with self.transaction() as conn:
            conn.execute("DELETE FROM competitors WHERE id = ?", (competitor_id,))
        return Competitor(id=prev[0][0], name=prev[0][1]), cells

    def restore_competitor(self, competitor: Competitor, cells: Sequence[CellKey]) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO competitors (id, name) VALUES (?, ?)", (competitor.id, competitor.name)
            )
            conn.executemany(
                "UPDATE marks SET competitor_id = ? WHERE customer_id = ? AND product_id = ?",
                [(competitor.id, cid, pid) for cid, pid in cells],
            )
