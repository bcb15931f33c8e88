"""What an export writes: options from the dialog/CLI and a plain-data snapshot of the matrix.

Writers (XLSX here, PDF in ``report/``) never touch a repository: the caller builds a
``MatrixSnapshot`` (on the thread that owns the connection, or in a worker with its own
read-only connection) and the writer works from that. Long writers report through a
``progress(done, total) -> bool`` callback; returning False cancels the export.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpm_desktop.domain.entities import (
    CellRecord,
    Customer,
    Goal,
    Note,
    Product,
    ProductGroup,
    stored_id,
)
from kpm_desktop.domain.key_accounts import KeyAccounts, rollup_of_rows
from kpm_desktop.domain.marks import WHITE
from kpm_desktop.domain.matrix import MarkCounts, Matrix
from kpm_desktop.import_export.export_labels import (
    ATTRIBUTES,
    INTERNAL_ATTRIBUTES,
    check_language,
    label,
)
from kpm_desktop.import_export.messages import MessageError

if TYPE_CHECKING:  # trips and the repository are only named in annotations here
    from kpm_desktop.domain.trips import Trip
    from kpm_desktop.storage.repository import Repository

Progress = Callable[[int, int], bool]


class ExportCancelled(Exception):
    """The progress callback asked to stop; no output file was left behind."""


class Paper(StrEnum):
    A4 = "A4"
    A3 = "A3"


class Orientation(StrEnum):
    LANDSCAPE = "landscape"
    PORTRAIT = "portrait"


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Everything the export dialog or ``kpm export`` decides.

    Attributes:
        customer_ids / product_ids: rows and columns in display order (the GUI passes the
            current view's order); None = every customer by name / every product by group
            and sort order.
        attributes: customer attribute columns (keys of ``export_labels.ATTRIBUTES``).
        customer_safe: leave out competitor names, revenues, potentials and notes.
        lang: language of titles, legend and headers on the sheet ("de" or "en").
        filters: human-readable description of the active filters, printed in the title.
    """

    paper: Paper = Paper.A4
    orientation: Orientation = Orientation.LANDSCAPE
    customer_ids: tuple[int, ...] | None = None
    product_ids: tuple[int, ...] | None = None
    attributes: tuple[str, ...] = ("number",)
    customer_safe: bool = False
    lang: str = "de"
    filters: str = ""
    include_kpi_sheet: bool = True
    include_data_sheet: bool = True

    def __post_init__(self) -> None:
        check_language(self.lang)
        unknown = [a for a in self.attributes if a not in ATTRIBUTES]
        if unknown:
            raise MessageError("attribute_unknown", name=repr(unknown[0]))

    @property
    def visible_attributes(self) -> tuple[str, ...]:
        """Attribute columns actually written (internal ones dropped when customer-safe)."""
        if not self.customer_safe:
            return self.attributes
        return tuple(a for a in self.attributes if a not in INTERNAL_ATTRIBUTES)


@dataclass(frozen=True, slots=True)
class GroupBand:
    """A run of adjacent product columns of the same group (the header band above them)."""

    name: str
    start: int  # first column index in display order
    count: int


@dataclass(slots=True)
class MatrixSnapshot:
    """The matrix part to export, as plain data in display order.

    ``grid`` holds one status code per cell, row-major over ``customers`` x ``products``.
    ``details`` has the records of marked cells in scope (empty when not loaded).
    """

    file_name: str
    exported_at: datetime
    options: ExportOptions
    customers: list[Customer]
    products: list[Product]
    group_names: list[str]  # per product, "" = no group
    grid: bytes
    details: dict[tuple[int, int], CellRecord] = field(default_factory=dict)
    # The codes the counts are taken from (due "no need" re-checks are white spots there);
    # empty = the same as ``grid``.
    count_grid: bytes = b""
    competitors: dict[int, str] = field(default_factory=dict)
    groups: dict[int, ProductGroup] = field(default_factory=dict)  # for the master sheets
    notes: list[Note] = field(default_factory=list)  # of the customers in scope
    goals: list[Goal] = field(default_factory=list)
    # UUIDs of product groups, competitors, notes and goals: table -> row id -> UUID
    # (the master sheets carry them, so an import restores the same identities).
    uuids: dict[str, dict[int, str]] = field(default_factory=dict)
    trips: list[Trip] = field(default_factory=list)  # for the trips sheet (internal exports)
    # Key accounts: rows that show their sites' roll-up (no marks of their own: counts, the
    # data sheet and the import skip them) and, per row, its outline level (1 = a site).
    rollup_rows: frozenset[int] = frozenset()
    levels: list[int] = field(default_factory=list)
    parent_labels: dict[str, str] = field(default_factory=dict)  # uuid -> number (or name)
    # Reads one customer's stored cells from the file (``open_snapshot``) instead of holding
    # ``details``: product id -> the cell's stored columns (``CELL_COLUMNS``).
    cell_source: Callable[[int], Mapping[int, Sequence[Any]]] | None = None
    _stored: dict[int, dict[int, tuple[Any, ...]]] | None = field(default=None, repr=False)

    def cells_of(self, customer_id: int) -> Mapping[int, Sequence[Any]]:
        """Product id -> stored columns (``CELL_COLUMNS``) of the customer's marked cells:
        from the file when the snapshot streams them, else from ``details``."""
        if self.cell_source is not None:
            return self.cell_source(customer_id)
        if self._stored is None:
            from kpm_desktop.storage.repository.rows import cell_row

            self._stored = {}
            for (c, p), rec in self.details.items():
                self._stored.setdefault(c, {})[p] = cell_row(rec)
        return self._stored.get(customer_id, {})

    def marked_cells(self) -> int:
        """Rows of the data sheet: marked cells, key accounts' roll-up rows left out."""
        n = self.n_cols
        grid = self.grid
        return sum(
            n - grid.count(WHITE, i * n, (i + 1) * n)
            for i in range(self.n_rows)
            if i not in self.rollup_rows
        )

    def parent_label(self, customer: Customer) -> str:
        """The key account of a site as the import reads it back: its number, else name."""
        return self.parent_labels.get(customer.parent_uuid, "") if customer.parent_uuid else ""

    def level(self, i: int) -> int:
        return self.levels[i] if self.levels else 0

    def counted_grid(self) -> bytes:
        """The grid as the counts see it: without the key accounts' roll-up rows, and a due
        "no need" re-check as a white spot (``count_grid``)."""
        grid = self.count_grid or self.grid
        if not self.rollup_rows:
            return grid
        n = len(self.products)
        return b"".join(
            grid[i * n : (i + 1) * n] for i in range(self.n_rows) if i not in self.rollup_rows
        )

    def sites_of(self, i: int) -> list[int]:
        """Rows of the sites under the key account in row ``i`` (the rows that follow it)."""
        out: list[int] = []
        for k in range(i + 1, self.n_rows):
            if self.level(k) != 1:
                break
            out.append(k)
        return out

    @property
    def n_rows(self) -> int:
        return len(self.customers)

    @property
    def n_cols(self) -> int:
        return len(self.products)

    def row(self, i: int) -> bytes:
        n = len(self.products)
        return self.grid[i * n : (i + 1) * n]

    def col(self, j: int) -> bytes:
        return self.grid[j :: len(self.products)] if self.products else b""

    def counted_row(self, i: int) -> bytes:
        """Row ``i`` as the counts see it (a due re-check is a white spot)."""
        grid = self.count_grid or self.grid
        n = len(self.products)
        return grid[i * n : (i + 1) * n]

    def row_counts(self, i: int) -> MarkCounts:
        """Counts of a row; a key account's are its sites' (summed)."""
        if i in self.rollup_rows:
            return MarkCounts.from_codes(b"".join(self.counted_row(k) for k in self.sites_of(i)))
        return MarkCounts.from_codes(self.counted_row(i))

    def col_counts(self, j: int) -> MarkCounts:
        grid = self.counted_grid()
        return MarkCounts.from_codes(grid[j :: len(self.products)] if self.products else b"")

    def totals(self) -> MarkCounts:
        return MarkCounts.from_codes(self.counted_grid())

    def bands(self) -> list[GroupBand]:
        out: list[GroupBand] = []
        for j, name in enumerate(self.group_names):
            if out and out[-1].name == name and out[-1].start + out[-1].count == j:
                last = out[-1]
                out[-1] = GroupBand(last.name, last.start, last.count + 1)
            else:
                out.append(GroupBand(name, j, 1))
        return out

    def title(self) -> str:
        return f"{label('title', self.options.lang)} – {self.file_name}"

    def subtitle(self) -> str:
        """Date, size and filters: the second title line of every sheet."""
        lang = self.options.lang
        parts = [
            f"{label('exported', lang)}: {self.exported_at.astimezone().strftime('%Y-%m-%d %H:%M')}",
            label("customers_products", lang).format(
                customers=self.n_rows - len(self.rollup_rows), products=self.n_cols
            ),
            f"{label('filters', lang)}: {self.options.filters or label('no_filter', lang)}",
        ]
        if self.rollup_rows:
            parts.append(label("key_accounts", lang).format(n=len(self.rollup_rows)))
        if self.options.customer_safe:
            parts.append(label("customer_safe", lang))
        return " · ".join(parts)

    def competitor_name(self, record: CellRecord) -> str:
        if self.options.customer_safe or record.competitor_id is None:
            return ""
        return self.competitors.get(record.competitor_id, "")


def product_order(products: Sequence[Product], groups: Iterable[ProductGroup]) -> list[Product]:
    """Products by group order, then their sort order; products without a group last."""
    rank = {g.id: (0, g.sort_order, g.name.casefold(), g.id or 0) for g in groups}
    last = (1, 0, "", 0)
    return sorted(
        products,
        key=lambda p: (rank.get(p.group_id, last), p.sort_order, p.name.casefold(), p.id or 0),
    )


def sort_key(text: str) -> str:
    """Case- and accent-blind key, so that "Böhm" sorts with "Bohm" as in a phone book."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def customer_order(customers: Sequence[Customer]) -> list[Customer]:
    return sorted(customers, key=lambda c: (sort_key(c.name), c.number, c.id or 0))


@dataclass(frozen=True, slots=True)
class Scope:
    """Rows and columns chosen by CLI-style filters, plus their description for the title."""

    customer_ids: tuple[int, ...]
    product_ids: tuple[int, ...]
    description: str


def scope_from_filters(
    matrix: Matrix,
    *,
    groups: Sequence[str] = (),
    white_spots_only: bool = False,
    lang: str = "de",
) -> Scope:
    """Apply the CLI filters: product groups by name, customers with white spots only.

    Raises:
        ValueError: a group name does not exist (one-line message).
    """
    all_groups = list(matrix.groups.values())
    products = product_order(matrix.products, all_groups)
    parts: list[str] = []
    if groups:
        by_name = {g.name.casefold(): g for g in all_groups}
        wanted: set[int | None] = set()
        for name in groups:
            group = by_name.get(name.strip().casefold())
            if group is None:
                known = ", ".join(g.name for g in sorted(all_groups, key=lambda g: g.sort_order))
                raise MessageError("group_unknown", name=repr(name), groups=known)
            wanted.add(group.id)
        products = [p for p in products if p.group_id in wanted]
        parts.append(
            f"{label('group', lang)} = "
            + ", ".join(matrix.groups[g].name for g in wanted if g is not None)
        )
    customers = customer_order(matrix.customers)
    if white_spots_only:
        cols = [matrix.col_of[stored_id(p)] for p in products]
        customers = [
            c for c in customers if matrix.white_spots_in_row(matrix.row_of[stored_id(c)], cols)
        ]
        parts.append(label("white", lang))
    return Scope(
        tuple(stored_id(c) for c in customers),
        tuple(stored_id(p) for p in products),
        "; ".join(parts),
    )


def snapshot_from_matrix(
    matrix: Matrix,
    options: ExportOptions,
    *,
    file_name: str,
    details: dict[tuple[int, int], CellRecord] | None = None,
    competitors: dict[int, str] | None = None,
    exported_at: datetime | None = None,
    counting: Matrix | None = None,
) -> MatrixSnapshot:
    """Cut the rows/columns of ``options`` out of ``matrix`` (ids not in the matrix are skipped).

    ``counting``: the same matrix as the counts see it (``storage.counting``); its cut becomes
    ``count_grid``.
    """
    groups = list(matrix.groups.values())
    if options.product_ids is None:
        products = product_order(matrix.products, groups)
    else:
        products = [
            matrix.products[matrix.col_of[p]] for p in options.product_ids if p in matrix.col_of
        ]
    if options.customer_ids is None:
        customers = customer_order(matrix.customers)
    else:
        customers = [
            matrix.customers[matrix.row_of[c]] for c in options.customer_ids if c in matrix.row_of
        ]
    cols = [matrix.col_of[stored_id(p)] for p in products]
    n = matrix.n_cols

    rows = [matrix.row_of[stored_id(c)] for c in customers]
    ka = KeyAccounts.build(matrix.customers)
    rollups: set[int] = set()
    levels: list[int] = []
    if ka:
        rows, levels, group_rows = arrange_key_accounts(rows, ka)
        customers = [matrix.customers[r] for r in rows]
        rollups = {i for i, r in enumerate(rows) if r in group_rows}

    def cut(grid: bytes | bytearray) -> bytes:
        parts: list[bytes] = []
        if cols:
            pick = itemgetter(*cols)
            for i, r in enumerate(rows):
                if i in rollups:
                    picked = pick(rollup_of_rows(grid, n, _sites_after(rows, levels, i)))
                else:
                    picked = pick(grid[r * n : (r + 1) * n])
                parts.append(bytes(picked) if len(cols) > 1 else bytes((picked,)))
        return b"".join(parts)

    grid = cut(matrix.grid)
    counted = b""
    if counting is not None and counting is not matrix and counting.grid != matrix.grid:
        counted = cut(counting.grid)
    keep: dict[tuple[int, int], CellRecord] = {}
    if details:
        cids = {c.id for c in customers}
        pids = {p.id for p in products}
        keep = {k: v for k, v in details.items() if k[0] in cids and k[1] in pids}
    return MatrixSnapshot(
        file_name=file_name,
        exported_at=exported_at or datetime.now(UTC).replace(microsecond=0),
        options=options,
        customers=customers,
        products=products,
        group_names=[matrix.product_group_name(p) for p in products],
        grid=grid,
        count_grid=counted,
        details=keep,
        competitors=dict(competitors or {}),
        groups=dict(matrix.groups),
        rollup_rows=frozenset(rollups),
        levels=levels,
        parent_labels={c.uuid: c.number or c.name for c in (matrix.customers[r] for r in ka.sites)},
    )


def _sites_after(rows: Sequence[int], levels: Sequence[int], i: int) -> list[int]:
    """Matrix rows of the sites listed right after the key account at position ``i``."""
    out: list[int] = []
    for k in range(i + 1, len(rows)):
        if levels[k] != 1:
            break
        out.append(rows[k])
    return out


def arrange_key_accounts(
    rows: Sequence[int], ka: KeyAccounts
) -> tuple[list[int], list[int], set[int]]:
    """Put each key account right before its sites (as the matrix window does).

    A key account takes the place of its own row or of its first site, whichever comes
    first, and is left out when none of its sites is among ``rows``. Returns the new row
    order, the outline level per row (1 = a site under its key account) and the key
    accounts' rows.
    """
    groups, parent_of = ka.sites, ka.parent_of
    order: list[int] = []
    shown: dict[int, list[int]] = {}
    for r in rows:
        if r in groups:
            if r not in shown:
                shown[r] = []
                order.append(~r)
            continue
        p = parent_of[r]
        if p < 0:
            order.append(r)
        elif p in shown:
            shown[p].append(r)
        else:
            shown[p] = [r]
            order.append(~p)
    out: list[int] = []
    levels: list[int] = []
    placed: set[int] = set()
    for x in order:
        if x >= 0:
            out.append(x)
            levels.append(0)
        elif shown[~x]:
            out.append(~x)
            levels.append(0)
            placed.add(~x)
            out.extend(shown[~x])
            levels.extend([1] * len(shown[~x]))
    return out, levels, placed


def load_snapshot(
    path: Path | str,
    options: ExportOptions,
    *,
    with_details: bool = True,
    exported_at: datetime | None = None,
) -> MatrixSnapshot:
    """Open ``path`` read-only (its own connection, so a worker thread may call this).

    With details, every marked cell's record is loaded into ``details`` (600k at M:
    ``open_snapshot`` streams them instead).
    """
    from kpm_desktop.storage.repository import Repository

    path = Path(path)
    with Repository.open(path, read_only=True) as repo, repo.reading():
        return _snapshot_of(repo, path, options, with_details, False, exported_at)


@contextmanager
def open_snapshot(
    path: Path | str, options: ExportOptions, *, exported_at: datetime | None = None
) -> Iterator[MatrixSnapshot]:
    """A snapshot with details whose marked cells stay in the file until written.

    The file stays open read-only in one read transaction for the block, so the cells the
    data sheet reads customer by customer (``MatrixSnapshot.cells_of``) are those of the
    loaded matrix, whatever is saved meanwhile. Use the snapshot in the thread that opened it.
    """
    from kpm_desktop.storage.repository import Repository

    path = Path(path)
    with Repository.open(path, read_only=True) as repo, repo.reading():
        yield _snapshot_of(repo, path, options, True, True, exported_at)


def _snapshot_of(
    repo: Repository,
    path: Path,
    options: ExportOptions,
    with_details: bool,
    stream: bool,
    exported_at: datetime | None,
) -> MatrixSnapshot:
    from kpm_desktop.storage.counting import counting_matrix

    matrix = repo.load_matrix()
    counting = counting_matrix(repo, (exported_at or datetime.now()).date(), matrix)
    details = None
    if with_details and not stream:
        details = dict(((c, p), rec) for c, p, rec in repo.iter_cells())
    competitors = {stored_id(c): c.name for c in repo.load_competitors()}
    notes: list[Note] = []
    goals: list[Goal] = []
    uuids: dict[str, dict[int, str]] = {}
    trips: list[Trip] = []
    if with_details and options.include_data_sheet and not options.customer_safe:
        from kpm_desktop.storage.trips import list_trips

        for c in matrix.customers:  # for the master sheets of an internal export
            notes += repo.notes_for(stored_id(c))
            goals += repo.goals_for(stored_id(c))
        uuids = {table: repo.entity_uuids(table) for table in repo.UUID_TABLES}
        trips = list_trips(repo)
    snapshot = snapshot_from_matrix(
        matrix,
        options,
        file_name=path.name,
        details=details,
        competitors=competitors,
        exported_at=exported_at,
        counting=counting,
    )
    in_scope = {c.id for c in snapshot.customers}
    snapshot.notes = [n for n in notes if n.customer_id in in_scope]
    snapshot.goals = [g for g in goals if g.customer_id in in_scope]
    snapshot.uuids = uuids
    snapshot.trips = trips
    if stream:

        def cells_of(customer_id: int) -> dict[int, tuple[Any, ...]]:
            import sqlite3

            from kpm_desktop.storage.errors import StorageError
            from kpm_desktop.storage.messages import msg

            try:
                return repo.stored_cells_of_customer(customer_id)
            except sqlite3.Error as exc:  # damaged pages found while writing: one line
                raise StorageError(msg("cannot_read", file=path.name, detail=str(exc))) from exc

        snapshot.cell_source = cells_of
    return snapshot
