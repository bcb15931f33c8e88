"""One open matrix file: the repository, the in-memory matrix and the undo stack.

The workspace is the only writer of an open file. Every user action goes through a
``QUndoCommand`` (see ``commands.py``) that calls back into the ``apply_*`` methods here;
those write the repository in one transaction, mirror the change into the compact
``Matrix`` and emit a signal, so views never talk to storage directly.

Row/column numbers in signals are *matrix* indices (storage order), not view positions.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from kpm_desktop.domain.entities import CellRecord, Competitor, Customer, Product, stored_id
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.storage import sync_capture
from kpm_desktop.storage.database import FileCheck
from kpm_desktop.storage.repository import CellChange, Repository
from kpm_desktop.workspace.command_base import CommandBase, SetMarksCommand

Cell = tuple[int, int]  # (matrix row, matrix column)


class PerFile(Protocol):
    """What ``Workspace.part`` makes: per-file state of a feature, built from the workspace."""

    def __init__(self, ws: Workspace) -> None: ...


P = TypeVar("P", bound=PerFile)


class Workspace(QObject):
    """A QObject owning one open file.

    Signals:
        cells_changed: list of (row, col) matrix cells whose mark or details changed.
        marks_changed: the same change as (row, col, old code, new code), emitted just
            before ``cells_changed`` (for incremental counts).
        structure_about_to_change: emitted before customers/products are added/removed.
        customers_changed: customers were added, removed or edited (matrix rows changed).
        products_changed: products or groups were added, removed or edited.
        structure_changed: emitted after every structure change (after the two above).
        competitors_changed: the competitor list changed.
        current_customer_changed: the customer in focus (id or None).
        error: a failed undo/redo: the exception (or a one-line message) for the user.
        storage_warning: a ``storage.messages.Message`` about the file that is not an
            error of the last action (its edit is saved), e.g. a full disk keeps the change
            log from being merged into the file; None when the problem is gone.
    """

    cells_changed = Signal(list)
    marks_changed = Signal(list)
    structure_about_to_change = Signal()
    customers_changed = Signal()
    products_changed = Signal()
    structure_changed = Signal()
    competitors_changed = Signal()
    current_customer_changed = Signal(object)
    error = Signal(object)  # an exception (or a message) of a failed undo/redo
    storage_warning = Signal(object)
    conflicts_changed = Signal()  # the open sync/merge conflicts (cell badges)

    CHECKPOINT_RETRY_MS = 15_000

    def __init__(self, repo: Repository, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.matrix: Matrix = repo.load_matrix()
        self.undo_stack = QUndoStack(self)
        self._competitors: dict[int, Competitor] | None = None
        self._conflicts: dict[tuple[int, int], sync_capture.CellConflict] | None = None
        self._current_customer: int | None = None
        # Cells that carry a note (customer id -> product ids): read on first use from the
        # file's partial index (not at start-up), then kept up to date by every cell change.
        self._noted: dict[int, set[int]] | None = None
        # Data safety: called with a reason before destructive actions (deleting a customer
        # or product with all its marks); a hook that raises stops the action.
        self.backup_hooks: list[Callable[[str], object]] = []
        # A change log that could not be merged after a commit (full disk) is retried on
        # a timer too, not only at the next edit: the user may free space and stop editing.
        self._checkpoint_timer = QTimer(self)
        self._checkpoint_timer.setInterval(self.CHECKPOINT_RETRY_MS)
        self._checkpoint_timer.timeout.connect(self.repo.retry_checkpoint)
        repo.checkpoint_listeners.append(self._on_checkpoint_problem)
        self._parts: dict[type, object] = {}  # see ``part``

    def part(self, kind: type[P]) -> P:
        """This file's one ``kind(self)``, made on first use: the per-file state of a feature
        built on the workspace (``customer_data``, ``trip_data``), owned by the workspace and
        gone with it."""
        found = self._parts.get(kind)
        if not isinstance(found, kind):
            found = kind(self)
            self._parts[kind] = found
        return found

    def _on_checkpoint_problem(self, problem: object) -> None:
        if problem is None:
            self._checkpoint_timer.stop()
        else:
            self._checkpoint_timer.start()
        self.storage_warning.emit(problem)

    def backup_before(self, reason: str) -> None:
        """Run the backup hooks (see ``backup_hooks``) before a destructive action."""
        if self.read_only:
            return
        for hook in self.backup_hooks:
            hook(reason)

    # -- lifecycle ---------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        read_only: bool = False,
        parent: QObject | None = None,
        checked: FileCheck | None = None,
        check: str = "quick",
        force_lock: bool = False,
    ) -> Workspace:
        """Open a matrix file (raises ``StorageError`` with a user-facing message).

        ``checked``: a ``storage.database.check_file`` result for this file, run ahead
        (start-up overlaps it with building the window); ``check``: the level of the checks
        when they run here (see ``check_file``).
        """
        repo = Repository.open(
            Path(path), read_only=read_only, checked=checked, check=check, force_lock=force_lock
        )
        try:
            return cls(repo, parent)
        except BaseException:
            repo.close()
            raise

    @property
    def path(self) -> Path:
        return self.repo.path

    @property
    def read_only(self) -> bool:
        return self.repo.read_only

    def close(self) -> None:
        """Close the file; the undo history goes with it."""
        self.undo_stack.clear()
        self._checkpoint_timer.stop()
        if self._on_checkpoint_problem in self.repo.checkpoint_listeners:
            self.repo.checkpoint_listeners.remove(self._on_checkpoint_problem)
        self.repo.close()

    def save_copy(self, target: Path | str) -> Path:
        """Write a consistent, verified copy of the open file to ``target``.

        Uses the backup module (SQLite's online backup API, integrity check, no "open"
        marker) into a temporary folder next to the target, then renames into place: a raw
        file copy of a live WAL database could miss committed pages.
        """
        import tempfile  # here, not on the start path

        from kpm_desktop.storage.backup import backup_connection

        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise ValueError(f"{target.name} is the open file itself")
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=".kpm-copy-") as tmp:
            made = backup_connection(
                self.repo.conn, self.path, "copy", root=Path(tmp), retention=None
            )
            os.replace(made, target)
        return target

    def push(self, command: QUndoCommand) -> None:
        """Run a command as one undo step.

        A ``WorkspaceCommand`` runs here first, so errors raise to the caller and no undo
        step is left behind; other QUndoCommands run inside ``QUndoStack.push``.
        """
        if isinstance(command, CommandBase):
            command.do()
            command.skip_next_redo = True
        self.undo_stack.push(command)

    def report_failure(self, failure: BaseException | str) -> None:
        """An undo/redo failed: tell the user and drop the history (it no longer matches).

        ``error`` carries the exception itself when there is one, so that the window can
        show a storage error in the user's language (``gui.storage_text``).
        """
        if isinstance(failure, BaseException) and not str(failure):
            failure = type(failure).__name__
        self.error.emit(failure)
        QTimer.singleShot(0, self.undo_stack.clear)

    # -- lookups -----------------------------------------------------------------------------
    def cell_key(self, row: int, col: int) -> tuple[int, int]:
        """(customer_id, product_id) of a matrix cell."""
        m = self.matrix
        cid, pid = m.customers[row].id, m.products[col].id
        assert cid is not None and pid is not None  # the matrix holds stored entities
        return cid, pid

    def cell_record(self, row: int, col: int) -> CellRecord | None:
        """Details of one cell, fetched on demand (tooltips, side panel)."""
        cid, pid = self.cell_key(row, col)
        return self.repo.get_cell(cid, pid)

    def cell_conflicts(self) -> dict[tuple[int, int], sync_capture.CellConflict]:
        """Open sync/merge conflicts on cells: (customer id, product id) -> (fields, mine,
        theirs); read once, again after ``reload`` or ``conflicts_updated``."""
        if self._conflicts is None:
            self._conflicts = sync_capture.cell_conflicts(self.repo.conn)
        return self._conflicts

    def conflicts_updated(self) -> None:
        """Conflicts were added or settled (sync, merge, review): badges are redrawn."""
        self._conflicts = None
        self.conflicts_changed.emit()

    def noted_cells(self) -> dict[int, set[int]]:
        """Cells with a note: product ids by customer id (read once, then kept current)."""
        if self._noted is None:
            noted: dict[int, set[int]] = {}
            for cid, pid in self.repo.noted_cells():
                noted.setdefault(cid, set()).add(pid)
            self._noted = noted
        return self._noted

    @property
    def noted_loaded(self) -> bool:
        """``noted_cells`` is in memory (painting asks first, so it never reads the file)."""
        return self._noted is not None

    def has_note(self, row: int, col: int) -> bool:
        m = self.matrix
        pids = self.noted_cells().get(stored_id(m.customers[row]))
        return pids is not None and stored_id(m.products[col]) in pids

    def _update_noted(self, keys: Sequence[tuple[int, int]]) -> None:
        noted = self._noted
        if noted is None:
            return
        if len(keys) > 2_000:  # a bulk change: read the index again when next asked
            self._noted = None
            return
        for cid, pid in keys:
            pids = noted.get(cid)
            if pids is not None:
                pids.discard(pid)
        for cid, pid in self.repo.noted_cells(keys):
            noted.setdefault(cid, set()).add(pid)

    def competitors(self) -> dict[int, Competitor]:
        if self._competitors is None:
            self._competitors = {stored_id(c): c for c in self.repo.load_competitors()}
        return self._competitors

    def competitor_name(self, competitor_id: int | None) -> str:
        if competitor_id is None:
            return ""
        comp = self.competitors().get(competitor_id)
        return comp.name if comp else ""

    def title(self) -> str:
        """The file's own title setting, or the file name."""
        return self.repo.get_setting("title") or self.path.stem

    # -- focus -------------------------------------------------------------------------------
    @property
    def current_customer(self) -> int | None:
        return self._current_customer

    def set_current_customer(self, customer_id: int | None) -> None:
        if customer_id != self._current_customer:
            self._current_customer = customer_id
            self.current_customer_changed.emit(customer_id)

    # -- user actions (each one undo step) -------------------------------------------------------
    def set_marks(self, cells: Sequence[Cell], mark: Mark | None, text: str = "") -> bool:
        """Set one mark on many cells as one undo step; False when there is nothing to do."""
        if not cells:
            return False
        edits = [(*self.cell_key(r, c), mark) for r, c in cells]
        self.push(SetMarksCommand(self, edits, text))
        return True

    def set_mark_block(self, edits: Sequence[tuple[int, int, Mark | None]], text: str = "") -> bool:
        """Set individual marks per cell (row, col, mark) as one undo step (paste)."""
        if not edits:
            return False
        keyed = [(*self.cell_key(r, c), m) for r, c, m in edits]
        self.push(SetMarksCommand(self, keyed, text))
        return True

    # -- apply_* : called by commands; write storage, mirror into the matrix, signal -------------
    def apply_marks(
        self, edits: Sequence[tuple[int, int, Mark | None]], source: str = "user"
    ) -> Sequence[CellChange]:
        """Set marks by (customer_id, product_id); returns the previous states."""
        old = self.repo.set_marks(edits, source=source)
        self._mirror([(cid, pid, WHITE if m is None else int(m)) for cid, pid, m in edits])
        return old

    def apply_cells(self, changes: Sequence[CellChange], source: str = "user") -> list[CellChange]:
        """Write exact cell states; returns the previous states (what undo passes back)."""
        old = self.repo.write_cells(changes, source=source)
        self._mirror(
            [(cid, pid, WHITE if rec is None else int(rec.mark)) for cid, pid, rec in changes]
        )
        return old

    def _mirror(self, codes: Sequence[tuple[int, int, int]]) -> None:
        m = self.matrix
        row_of, col_of = m.row_of, m.col_of
        cells: list[Cell] = []
        detail: list[tuple[int, int, int, int]] = []
        grid, n = m.grid, m.n_cols
        for cid, pid, code in codes:
            r, c = row_of[cid], col_of[pid]
            old = grid[r * n + c]
            grid[r * n + c] = code
            cells.append((r, c))
            detail.append((r, c, old, code))
        self._update_noted([(cid, pid) for cid, pid, _code in codes])
        self.marks_changed.emit(detail)
        self.cells_changed.emit(cells)

    @contextmanager
    def structure_change(self, customers: bool = True, products: bool = False) -> Iterator[None]:
        """Bracket a change of the matrix shape so that models can reset around it."""
        self.structure_about_to_change.emit()
        try:
            yield
        finally:
            self._noted = None  # rows or columns came or went (with their cells' notes)
            if customers:
                self.customers_changed.emit()
            if products:
                self.products_changed.emit()
            self.structure_changed.emit()

    def reload(self) -> None:
        """Reload the whole matrix from the file (after bulk changes by other code paths)."""
        with self.structure_change(customers=True, products=True):
            self.matrix = self.repo.load_matrix()
            self._competitors = None
            self._conflicts = None
        self.competitors_changed.emit()  # an import may have added competitors

    def customer_added(self, customer: Customer, codes: bytes | None = None) -> None:
        """Mirror a customer inserted into storage (ids grow, so storage order is kept)."""
        with self.structure_change():
            m = self.matrix
            new_id = customer.id
            assert new_id is not None
            index = sum(1 for c in m.customers if c.id is not None and c.id < new_id)
            n = m.n_cols
            row = bytes(n) if codes is None else bytes(codes[:n]).ljust(n, b"\x00")
            m.insert_customer(index, customer, row)

    def customer_removed(self, customer_id: int) -> None:
        with self.structure_change():
            self.matrix.remove_customer(self.matrix.row_of[customer_id])
        if self._current_customer == customer_id:
            self.set_current_customer(None)

    def customer_updated(self, customer: Customer) -> None:
        with self.structure_change():
            self.matrix.customers[self.matrix.row_of[stored_id(customer)]] = customer

    def product_added(self, product: Product) -> None:
        """Mirror a product appended in storage (new last slot, all white)."""
        with self.structure_change(customers=False, products=True):
            self.matrix.insert_product(self.matrix.n_cols, product)

    def product_restored(self, product: Product, slot: int, codes: bytes) -> None:
        with self.structure_change(customers=False, products=True):
            self.matrix.insert_product(slot, product, codes)

    def product_removed(self, product_id: int) -> bytes:
        with self.structure_change(customers=False, products=True):
            return self.matrix.remove_product(self.matrix.col_of[product_id])

    def product_updated(self, product: Product) -> None:
        with self.structure_change(customers=False, products=True):
            self.matrix.products[self.matrix.col_of[stored_id(product)]] = product

    def groups_changed(self) -> None:
        with self.structure_change(customers=False, products=True):
            self.matrix.groups = {stored_id(g): g for g in self.repo.load_groups()}
            # Deleting a group ungroups its products, so their group ids change too.
            self.matrix.products = self.repo.load_products()

    def competitors_updated(self) -> None:
        self._competitors = None
        self.competitors_changed.emit()
