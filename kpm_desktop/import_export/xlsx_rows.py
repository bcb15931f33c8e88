"""Fast row appends for openpyxl write-only sheets.

openpyxl builds an ElementTree element per cell and serialises it through et_xmlfile, which
costs ~12 µs per styled cell: the M matrix (5,000 x 300, ~600k marks) took 2-3x as long as
xlsxwriter. The workbook, styles, print setup and defined names stay openpyxl's; only the
``<row>`` elements are written here as ready XML text into openpyxl's own stream, with the
style indices openpyxl assigned. When the stream is not et_xmlfile's (lxml installed), the
same rows go through ordinary ``WriteOnlyCell`` objects instead, with identical content.

Not public openpyxl API: ``WriteOnlyWorksheet._writer``, ``WorksheetWriter.write_row``/
``write_top``, ``WriteOnlyCell._style`` and the et_xmlfile stream's ``_file``. pyproject pins
openpyxl to ``>=3.1,<3.2`` and ``tests/import_export/test_xlsx_rows_internals.py`` checks
each of them and that both paths write the same workbook.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from copy import copy
from datetime import date, datetime
from functools import lru_cache
from typing import Any, cast

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel as _untyped_to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter

Value = str | int | float | date | datetime | None
# One cell: (value, style id) or None for nothing at all; a row is a dense list of them.
CellSpec = tuple[Value, int] | None


def _escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if "\r" in text:  # an XML reader turns a raw CR into LF
        text = text.replace("\r", "&#13;")
    return text


@lru_cache(maxsize=1 << 16)
def _inline(text: str) -> str:
    """``<is>`` element of an inline string (cached: names repeat on every row of a sheet)."""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<is><t{space}>{_escape(text)}</t></is>"


# openpyxl's stubs leave to_excel untyped
to_excel: Callable[[date | datetime, datetime], float] = _untyped_to_excel


class _RowStreamWriter(WorksheetWriter):
    """openpyxl's sheet writer, except that rows come pre-rendered from ``FastRows``."""

    def __init__(self, ws: WriteOnlyWorksheet, rows: FastRows) -> None:
        super().__init__(ws)
        self._fast = rows

    def write_row(self, xf: Any, row: Any, row_idx: int) -> Any:  # overrides WorksheetWriter's
        pending = self._fast._pending
        if pending is None:
            return super().write_row(xf, row, row_idx)
        self._fast._pending = None
        row_idx += self._fast._direct  # rows written by FastRows.write_xml, unseen by openpyxl
        raw = getattr(xf, "_file", None) if self._fast.raw else None
        if raw is not None:
            self._fast._raw_file = raw
            raw(self._fast._render(row_idx, *pending))
            return None
        cells, height, outline = pending
        if height is not None:
            ws: Any = self.ws  # a write-only sheet has row_dimensions (stubs: a union)
            ws.row_dimensions[row_idx].height = height
        if outline:
            ws_any: Any = self.ws
            ws_any.row_dimensions[row_idx].outlineLevel = outline
        return super().write_row(xf, self._fast._cells(cells, row_idx), row_idx)


class FastRows:
    """Appends styled rows to one write-only worksheet.

    Args:
        ws: a sheet of a ``Workbook(write_only=True)``, before anything was appended.
        raw: write rows as XML text (default); False forces the per-cell openpyxl path
            (tests compare both).
    """

    def __init__(self, ws: WriteOnlyWorksheet, *, raw: bool = True) -> None:
        if ws._writer is not None:  # type: ignore[attr-defined]  # openpyxl private writer (pinned by test_xlsx_rows_internals)
            raise ValueError("FastRows must be attached before the first row is written")
        self.ws = ws
        self.raw = raw
        workbook = ws.parent
        assert workbook is not None
        self._epoch = workbook.epoch
        self._styles: dict[int, Any] = {}
        self._pending: tuple[Sequence[CellSpec], float | None, int] | None = None
        self._letters: list[str] = [""]
        self._date_style: dict[int, bool] = {}
        self.rows_written = 0
        # Where ready row XML goes (et_xmlfile's stream), known once the first row is written.
        self._raw_file: Callable[[str], Any] | None = None
        self._direct = 0  # rows written through write_xml

    @property
    def xml_direct(self) -> bool:
        """Whether ``write_xml`` can be used: raw mode, and the first row went to et_xmlfile's
        stream (False before the first ``append`` and on the per-cell path)."""
        return self._raw_file is not None

    @property
    def next_row(self) -> int:
        """The 1-based index the next row gets."""
        return self.rows_written + 1

    def write_xml(self, xml: str, count: int) -> None:
        """Write ``count`` ready ``<row>`` elements, numbered from ``next_row`` on, straight
        into the sheet (bulk sheets render whole blocks of rows without per-cell tuples).

        Build cells with ``cell_xml``/``text_cell``; only when ``xml_direct`` is True.
        """
        if self._raw_file is None:
            raise RuntimeError("write_xml needs the raw row stream (see xml_direct)")
        self._raw_file(xml)
        self._direct += count
        self.rows_written += count

    def _start(self) -> None:
        writer = _RowStreamWriter(self.ws, self)
        writer.write_top()
        self.ws._writer = writer  # type: ignore[attr-defined]  # openpyxl private writer (pinned by test_xlsx_rows_internals)

    # -- styles --------------------------------------------------------------------------------
    def style(self, **attributes: Any) -> int:
        """Register a cell style (font=, fill=, border=, alignment=, number_format=, ...).

        Returns openpyxl's style index, shared by every cell that uses it.
        """
        cell = WriteOnlyCell(self.ws)
        for name, value in attributes.items():
            setattr(cell, name, value)
        sid = cell.style_id
        self._styles[sid] = cast(Any, cell)._style
        self._date_style[sid] = cell.is_date
        return sid

    # -- rows ----------------------------------------------------------------------------------
    def append(
        self, cells: Sequence[CellSpec], height: float | None = None, *, outline: int = 0
    ) -> None:
        """Append one row; ``cells[k]`` goes into column k+1; ``outline``: the row's outline
        level (Excel's row grouping, 0 = none)."""
        if self.ws._writer is None:  # type: ignore[attr-defined]  # openpyxl private writer (pinned by test_xlsx_rows_internals)
            self._start()
        self._pending = (cells, height, outline)
        self.ws.append(())  # openpyxl calls our write_row with the next row index
        self.rows_written += 1

    def cell_template(self, column: int, value: Value, sid: int) -> str:
        """The XML this class writes for one cell (1-based ``column``), as a ``str.format``
        template of the row number: ``template.format(row)``. For ``write_xml``."""
        letter = self._letter(column)
        row = self._render(0, [*([None] * (column - 1)), (value, sid)], None)
        head = f'<row r="0"><c r="{letter}0"'
        assert row.startswith(head) and row.endswith("</row>")
        body = row[len(head) : -len("</row>")].replace("{", "{{").replace("}", "}}")
        return f'<c r="{letter}{{0}}"' + body

    def _letter(self, col: int) -> str:
        letters = self._letters
        while len(letters) <= col:
            letters.append(get_column_letter(len(letters)))
        return letters[col]

    def _render(
        self, row_idx: int, cells: Sequence[CellSpec], height: float | None, outline: int = 0
    ) -> str:
        r = str(row_idx)
        level = f' outlineLevel="{outline}"' if outline else ""
        head = (
            f'<row r="{r}" ht="{height}" customHeight="1"{level}>'
            if height
            else f'<row r="{r}"{level}>'
        )
        parts = [head]
        if len(self._letters) <= len(cells):
            self._letter(len(cells))
        letters = self._letters
        epoch = self._epoch
        for k, spec in enumerate(cells, 1):
            if spec is None:
                continue
            value, sid = spec
            ref = letters[k] + r
            if value is None or value == "":
                parts.append(f'<c r="{ref}" s="{sid}"/>')
            elif isinstance(value, str):
                parts.append(f'<c r="{ref}" s="{sid}" t="inlineStr">{_inline(value)}</c>')
            elif isinstance(value, bool):
                parts.append(f'<c r="{ref}" s="{sid}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, (date, datetime)):
                parts.append(f'<c r="{ref}" s="{sid}" t="n"><v>{to_excel(value, epoch)}</v></c>')
            else:
                parts.append(f'<c r="{ref}" s="{sid}" t="n"><v>{value}</v></c>')
        parts.append("</row>")
        return "".join(parts)

    def _cells(self, cells: Sequence[CellSpec], row_idx: int) -> Iterator[Cell]:
        for k, spec in enumerate(cells, 1):
            if spec is None:
                continue
            value, sid = spec
            cell = WriteOnlyCell(self.ws, None if value == "" else cast(Any, value))
            cast(Any, cell)._style = copy(self._styles[sid])
            cell.row = row_idx
            cell.column = k
            yield cell
