"""A customer's notes and goals."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import replace

from kpm_desktop.domain.entities import Goal, GoalStatus, Note
from kpm_desktop.storage.convert import date_from_db, date_to_db, not_null, ts_to_db, utc_now
from kpm_desktop.storage.repository.base import RepositoryBase


class NotesGoalsMixin(RepositoryBase):
    """A customer's notes and goals."""

    # -- notes -------------------------------------------------------------------------------
    def _insert_note(self, conn: sqlite3.Connection, note: Note) -> int:
        stamp = ts_to_db(utc_now())
        cur = conn.execute(
            "INSERT INTO notes (id, customer_id, note_date, text, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (note.id, note.customer_id, date_to_db(note.note_date), note.text, stamp, stamp),
        )
        return not_null(cur.lastrowid, "notes.id")

    def notes_for(self, customer_id: int) -> list[Note]:
        """A customer's notes, newest first."""
        return [
            Note(
                id=r[0],
                customer_id=r[1],
                note_date=not_null(date_from_db(r[2]), "notes.note_date"),
                text=r[3],
            )
            for r in self._q(
                "SELECT id, customer_id, note_date, text FROM notes WHERE customer_id = ? "
                "ORDER BY note_date DESC, id DESC",
                (customer_id,),
            )
        ]

    def add_note(self, note: Note) -> Note:
        with self.transaction() as conn:
            new_id = self._insert_note(conn, note)
        return replace(note, id=new_id)

    def update_note(self, note: Note) -> Note:
        prev = [n for n in self.notes_for(note.customer_id) if n.id == note.id]
        if not prev:
            raise KeyError(note.id)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE notes SET note_date = ?, text = ?, updated_at = ? WHERE id = ?",
                (date_to_db(note.note_date), note.text, ts_to_db(utc_now()), note.id),
            )
        return prev[0]

    def delete_note(self, note_id: int) -> Note:
        rows = self._q(
            "SELECT id, customer_id, note_date, text FROM notes WHERE id = ?", (note_id,)
        )
        if not rows:
            raise KeyError(note_id)
        r = rows[0]
        with self.transaction() as conn:
            conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
        return Note(
            id=r[0],
            customer_id=r[1],
            note_date=not_null(date_from_db(r[2]), "notes.note_date"),
            text=r[3],
        )

    def restore_note(self, note: Note) -> None:
        with self.transaction() as conn:
            self._insert_note(conn, note)

    # -- goals -------------------------------------------------------------------------------
    def _insert_goal(self, conn: sqlite3.Connection, goal: Goal) -> int:
        stamp = ts_to_db(utc_now())
        cur = conn.execute(
            "INSERT INTO goals (id, customer_id, title, detail, due_date, status, sort_order, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                goal.id,
                goal.customer_id,
                goal.title,
                goal.detail,
                date_to_db(goal.due_date),
                str(goal.status),
                goal.sort_order,
                stamp,
                stamp,
            ),
        )
        goal_id = not_null(cur.lastrowid, "goals.id")
        conn.executemany(
            "INSERT INTO goal_products (goal_id, product_id) VALUES (?, ?)",
            [(goal_id, pid) for pid in goal.product_ids],
        )
        return goal_id

    def goals_for(self, customer_id: int) -> list[Goal]:
        links: dict[int, list[int]] = defaultdict(list)
        for gid, pid in self._q(
            "SELECT gp.goal_id, gp.product_id FROM goal_products gp JOIN goals g ON g.id = gp.goal_id "
            "WHERE g.customer_id = ? ORDER BY gp.product_id",
            (customer_id,),
        ):
            links[gid].append(pid)
        return [
            Goal(
                id=r[0],
                customer_id=r[1],
                title=r[2],
                detail=r[3],
                due_date=date_from_db(r[4]),
                status=GoalStatus(r[5]),
                sort_order=r[6],
                product_ids=tuple(links.get(r[0], ())),
            )
            for r in self._q(
                "SELECT id, customer_id, title, detail, due_date, status, sort_order FROM goals "
                "WHERE customer_id = ? ORDER BY sort_order, id",
                (customer_id,),
            )
        ]

    def add_goal(self, goal: Goal) -> Goal:
        with self.transaction() as conn:
            new_id = self._insert_goal(conn, goal)
        return replace(goal, id=new_id)

    def update_goal(self, goal: Goal) -> Goal:
        prev = [g for g in self.goals_for(goal.customer_id) if g.id == goal.id]
        if not prev:
            raise KeyError(goal.id)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE goals SET title = ?, detail = ?, due_date = ?, status = ?, sort_order = ?, "
                "updated_at = ? WHERE id = ?",
                (
                    goal.title,
                    goal.detail,
                    date_to_db(goal.due_date),
                    str(goal.status),
                    goal.sort_order,
                    ts_to_db(utc_now()),
                    goal.id,
                ),
            )
            conn.execute("DELETE FROM goal_products WHERE goal_id = ?", (goal.id,))
            conn.executemany(
                "INSERT INTO goal_products (goal_id, product_id) VALUES (?, ?)",
                [(goal.id, pid) for pid in goal.product_ids],
            )
        return prev[0]

    def delete_goal(self, goal_id: int) -> Goal:
        rows = self._q("SELECT customer_id FROM goals WHERE id = ?", (goal_id,))
        if not rows:
            raise KeyError(goal_id)
        prev = next(g for g in self.goals_for(rows[0][0]) if g.id == goal_id)
        with self.transaction() as conn:
            conn.execute("DELETE FROM goals WHERE id = ?", (goal_id,))
        return prev

    def restore_goal(self, goal: Goal) -> None:
        with self.transaction() as conn:
            self._insert_goal(conn, goal)
