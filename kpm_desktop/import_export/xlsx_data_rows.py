"""The rows of the export's data sheet ("Daten"/"Data"): one per marked cell.

At size M that is 599,250 rows of 8-15 cells, most of the workbook. They are written one of
two ways, with the same result (``test_raw_rows_and_openpyxl_cells_write_the_same_workbook``):

- as XML (``FastRows.write_xml``): a row is put together from ready cell templates
  (``FastRows.cell_template``, the XML ``FastRows`` itself writes for that value and style):
  one per customer, per product, per mark and per repeated detail value (a date, a
  competitor, a verification time). A row costs a few string joins, with no tuple per cell
  and no type check per value;
- as ``CellSpec`` lists through ``FastRows.append``, when the raw stream is not available
  (per-cell openpyxl path).

The details come from ``MatrixSnapshot.cells_of``: the stored columns of one customer's
cells at a time, read from the file (``open_snapshot``) instead of a record object per cell.

A sheet holds at most ``SheetChain.limit`` rows (Excel: 1,048,576, header included; the L
matrix has ~8 million marked cells). When the next customer's rows do not fit, they go to a
continuation sheet ("Daten (2)", ...) with the same header, so that one customer's rows stay
on one sheet (a filter on a customer finds them all there); only a customer with more rows
than a whole sheet holds is split, at the row limit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from kpm_desktop.domain.entities import stored_id
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.import_export.export_model import MatrixSnapshot
from kpm_desktop.import_export.formula_guard import neutralise
from kpm_desktop.import_export.xlsx_rows import CellSpec, FastRows, Value
from kpm_desktop.storage.convert import date_from_db, epoch_from_db
from kpm_desktop.storage.repository.rows import CELL_COLUMNS

# The identity of a row, always the data sheet's first seven columns in this order.
IDENTITY_KEYS = (
    "customer_number",
    "customer_name",
    "customer_uuid",
    "product_number",
    "product_name",
    "product_uuid",
    "mark",
)
_CACHE_LIMIT = 20_000  # cell templates kept per detail column (notes may all differ)


def utc_naive(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def _text(value: str | None) -> str | None:
    return neutralise(value) if value else None


def _details(s: MatrixSnapshot) -> dict[str, tuple[int, Callable[[Any], Value], bool]]:
    """Detail column key -> (index in the stored columns, stored value -> cell value,
    whether equal stored values share one cell template)."""
    col = {c: k for k, c in enumerate(CELL_COLUMNS)}
    names = {} if s.options.customer_safe else s.competitors

    def competitor(cid: int) -> Value:
        return neutralise(names.get(cid, ""))

    def verified(value: int | str) -> Value:
        return utc_naive(epoch_from_db(value))

    return {
        "competitor": (col["competitor_id"], competitor, True),
        "our_revenue": (col["our_revenue"], lambda v: v, False),
        "potential": (col["potential"], lambda v: v, False),
        "contract_end": (col["contract_end"], date_from_db, True),
        "no_need_reason": (col["no_need_reason"], _text, True),
        "recheck_at": (col["recheck_at"], date_from_db, True),
        "note": (col["note"], _text, True),
        "verified_at": (col["verified_at"], verified, True),
    }


class SheetChain:
    """The data sheet and its continuations: rows go to ``rows`` until it holds ``limit``.

    Args:
        first: the data sheet, header written (``header_rows`` rows).
        open_next: opens continuation ``part`` (2, 3, ...) and writes its header; returns
            its rows (same styles, same header rows).
        finish: called with each sheet's rows once it is complete (print area).
    """

    def __init__(
        self,
        first: FastRows,
        open_next: Callable[[int], FastRows],
        finish: Callable[[FastRows], None],
        limit: int,
    ) -> None:
        self.rows = first
        self.header_rows = first.rows_written
        if limit <= self.header_rows:
            raise ValueError("a data sheet must hold at least one row besides its header")
        self.limit = limit
        self.sheets = 1
        self._open_next = open_next
        self._finish = finish

    @property
    def room(self) -> int:
        """Rows the current sheet can still take."""
        return self.limit - self.rows.rows_written

    def next_sheet(self) -> FastRows:
        self._finish(self.rows)
        self.sheets += 1
        self.rows = self._open_next(self.sheets)
        return self.rows

    def place(self, count: int) -> FastRows:
        """The sheet for ``count`` rows that belong together: a new one when they do not fit
        into the current sheet but into an empty one."""
        if self.limit - self.header_rows >= count > self.room:
            return self.next_sheet()
        return self.rows

    def write_xml(self, lines: list[str]) -> None:
        """Write ready ``<row>`` elements (``str.format`` templates of the row number),
        placed together (``place``) and split at the row limit only when they must be."""
        rows = self.place(len(lines))
        k = 0
        while k < len(lines):
            if self.room == 0:
                rows = self.next_sheet()
            take = min(self.room, len(lines) - k)
            r = rows.next_row
            rows.write_xml(
                "".join(line.format(r + i) for i, line in enumerate(lines[k : k + take])), take
            )
            k += take

    def close(self) -> None:
        self._finish(self.rows)


def write_data_rows(
    sheets: SheetChain,
    s: MatrixSnapshot,
    keys: Sequence[str],
    style: Mapping[str, int],
    step: Callable[[int], None],
) -> int:
    """Append one row per marked cell (key accounts' roll-up rows left out), customers and
    products in display order; ``step(n)`` after each customer. Returns the rows written."""
    if tuple(keys[: len(IDENTITY_KEYS)]) != IDENTITY_KEYS:
        raise ValueError(f"the data sheet must start with {IDENTITY_KEYS}")
    spec = _details(s)
    detail = [(k, *spec[k]) for k in keys[len(IDENTITY_KEYS) :]]
    if sheets.rows.xml_direct:
        written = _as_xml(sheets, s, keys, style, detail, step)
    else:
        written = _as_cells(sheets, s, keys, style, detail, step)
    sheets.close()
    return written


def _identities(
    s: MatrixSnapshot,
) -> tuple[list[tuple[str, str, str, int]], list[tuple[str, str, str, int]]]:
    cust = [(neutralise(c.number), neutralise(c.name), c.uuid, stored_id(c)) for c in s.customers]
    prod = [(neutralise(p.number), neutralise(p.name), p.uuid, stored_id(p)) for p in s.products]
    return cust, prod


def _marked_customers(
    s: MatrixSnapshot, cust: list[tuple[str, str, str, int]]
) -> Iterator[tuple[tuple[str, str, str, int], bytes]]:
    """The customers that get data rows, with their row of mark codes: not a key account's
    roll-up (its marks are its sites'), not all white."""
    n = s.n_cols
    grid = s.grid
    for i, identity in enumerate(cust):
        if i in s.rollup_rows:
            continue
        codes = grid[i * n : (i + 1) * n]
        if codes.count(WHITE) != n:
            yield identity, codes


def _as_cells(
    sheets: SheetChain,
    s: MatrixSnapshot,
    keys: Sequence[str],
    style: Mapping[str, int],
    detail: list[tuple[str, int, Callable[[Any], Value], bool]],
    step: Callable[[int], None],
) -> int:
    cust, prod = _identities(s)
    st = [style[k] for k in IDENTITY_KEYS]
    written = 0
    for (cnum, cname, cuuid, cid), codes in _marked_customers(s, cust):
        cells = s.cells_of(cid)
        count = 0
        rows = sheets.place(len(codes) - codes.count(WHITE))
        for j, code in enumerate(codes):
            if code == WHITE:
                continue
            pnum, pname, puuid, pid = prod[j]
            values: list[Value] = [cnum, cname, cuuid, pnum, pname, puuid, Mark(code).letter]
            line: list[CellSpec] = [
                None if v is None or v == "" else (v, sid)
                for v, sid in zip(values, st, strict=True)
            ]
            stored = cells.get(pid)
            for key, index, convert, _ in detail:
                raw = stored[index] if stored is not None else None
                v = None if raw is None or raw == "" else convert(raw)
                line.append(None if v is None or v == "" else (v, style[key]))
            if sheets.room == 0:
                rows = sheets.next_sheet()
            rows.append(line)
            count += 1
        step(count)
        written += count
    return written


def _as_xml(
    sheets: SheetChain,
    s: MatrixSnapshot,
    keys: Sequence[str],
    style: Mapping[str, int],
    detail: list[tuple[str, int, Callable[[Any], Value], bool]],
    step: Callable[[int], None],
) -> int:
    rows = sheets.rows  # a cell's XML is the same on every sheet (same styles, columns)

    def template(column: int, value: Value, key: str) -> str:
        """The cell's XML with the row number as ``{0}``; "" for no cell."""
        if value is None or value == "":
            return ""
        return rows.cell_template(column, value, style[key])

    cust, prod = _identities(s)
    prod_t = [
        template(4, pnum, "product_number")
        + template(5, pname, "product_name")
        + template(6, puuid, "product_uuid")
        for pnum, pname, puuid, _ in prod
    ]
    mark_t = {int(m): template(7, m.letter, "mark") for m in Mark}
    # per detail column: its number, key, stored index, conversion, sharing, template cache
    columns: list[tuple[int, str, int, Callable[[Any], Value], bool, dict[Any, str]]] = [
        (keys.index(key) + 1, key, index, convert, shared, {})
        for key, index, convert, shared in detail
    ]
    written = 0
    for (cnum, cname, cuuid, cid), codes in _marked_customers(s, cust):
        head = (
            '<row r="{0}">'
            + template(1, cnum, "customer_number")
            + template(2, cname, "customer_name")
            + template(3, cuuid, "customer_uuid")
        )
        cells = s.cells_of(cid)
        parts: list[str] = []
        for j, code in enumerate(codes):
            if code == WHITE:
                continue
            line = head + prod_t[j] + mark_t[code]
            stored = cells.get(prod[j][3])
            if stored is not None:
                for column, key, index, convert, shared, cache in columns:
                    raw = stored[index]
                    if raw is None or raw == "":
                        continue
                    if not shared:
                        line += template(column, convert(raw), key)
                        continue
                    t = cache.get(raw)
                    if t is None:
                        if len(cache) >= _CACHE_LIMIT:
                            cache.clear()
                        t = cache[raw] = template(column, convert(raw), key)
                    line += t
            parts.append(line + "</row>")
        sheets.write_xml(parts)
        step(len(parts))
        written += len(parts)
    return written
