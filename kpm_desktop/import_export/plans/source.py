"""Reading a file for an import kind and checking its column mapping."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from kpm_desktop.import_export import data_sheet, master_sheets
from kpm_desktop.import_export.mapping import (
    FIELDS,
    KINDS,
    detect_header_row,
    either_required,
    suggest_mapping,
)
from kpm_desktop.import_export.messages import ImportFailure
from kpm_desktop.import_export.plans.model import SourceData
from kpm_desktop.import_export.tables import Progress, RawTable, read_table
from kpm_desktop.import_export.values import cell_text


def read_source(
    path: Path | str,
    kind: str,
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
    engine: str | None = None,
) -> SourceData:
    """Read a file for an import kind and suggest the column mapping.

    A KPM export (kind "kpm", .xlsx) is streamed: its data sheet has one row per marked
    cell (600k rows at size M), which is never held whole; ``engine`` "calamine" reads it
    the way other kinds are read (the comparison in the tests and the bench).

    Raises:
        ImportFailure: the file cannot be read as this kind (message for the user).
    """
    if kind not in KINDS:
        raise ImportFailure("unknown_kind", kind=kind, kinds=", ".join(KINDS))
    path = Path(path)
    table = read_table(
        path,
        sheet=sheet,
        sheet_candidates=data_sheet.DATA_SHEET_NAMES if kind == "kpm" and sheet is None else (),
        want_fills=kind == "matrix",
        progress=progress,
        engine=engine,
        stream=kind == "kpm",
    )
    if kind == "kpm":
        header_row = _find_data_header(table)
        if header_row is None:
            raise ImportFailure(
                "data_sheet_missing",
                file=path.name,
                sheets="' / '".join(data_sheet.DATA_SHEET_NAMES),
                needed=", ".join(
                    c.header_en
                    for c in data_sheet.DATA_COLUMNS
                    if c.key in data_sheet.REQUIRED_KEYS
                ),
            )
        mapping = data_sheet.column_keys(table.rows[header_row])
        table = _with_continuations(path, table, mapping, progress, engine)
        return SourceData(
            kind, table, header_row, mapping, _master_rows(path, table, progress, engine)
        )
    if not any(any(cell_text(v) for v in row) for row in table.rows):
        raise ImportFailure("no_data", file=path.name)
    header_row = detect_header_row(table.rows, kind)
    mapping = suggest_mapping(kind, table.rows[header_row])
    return SourceData(kind, table, header_row, mapping)


def _master_rows(
    path: Path, table: RawTable, progress: Progress | None, engine: str | None = None
) -> dict[str, list[list[object]]]:
    """The export's customer and product sheets, when the workbook has them."""
    out: dict[str, list[list[object]]] = {}
    if table.format == "csv":
        return out
    names = {n.casefold(): n for n in table.sheets}
    for key, (candidates, columns, needed) in master_sheets.SHEETS.items():
        name = next((names[c.casefold()] for c in candidates if c.casefold() in names), None)
        if name is None:
            continue
        try:
            sheet_table = read_table(
                path, sheet=name, progress=progress, engine=engine, stream=table.stream is not None
            )
            # Master sheets are small (one row per customer or product): held whole.
            rows = (
                sheet_table.rows if sheet_table.stream is None else list(sheet_table.stream(None))
            )
        except ImportFailure as exc:
            if exc.key == "sheet_empty":
                continue
            raise
        if rows and needed <= set(master_sheets.column_keys(columns, rows[0])):
            out[key] = rows
    return out


def _refuse_unrecorded_split(path: Path, table: RawTable) -> RawTable:
    """A data sheet at least half full of Excel's row limit, followed by "<sheet> (2)", in a
    workbook without the record of its data sheets (a tool that rewrote the workbook drops
    document properties): probably an export whose data continues, which cannot be told from
    a copy. Refused rather than read in part; a smaller sheet is read as it is."""
    from kpm_desktop.import_export import xlsx_export

    sheet = table.sheet or ""
    follower = next((n for n in table.sheets if n.casefold() == f"{sheet} (2)".casefold()), None)
    if follower is None:
        return table
    full = max(1, xlsx_export.MAX_SHEET_ROWS // 2)

    def refuse() -> ImportFailure:
        return ImportFailure("continuation_unrecorded", file=path.name, sheet=sheet, next=follower)

    if table.stream is None:
        if len(table.rows) >= full:
            raise refuse()
        return table
    first = table.stream

    def stream(tick: Progress | None) -> Iterator[list[object]]:
        for count, row in enumerate(first(tick), start=1):
            if count >= full:
                raise refuse()
            yield row

    table.stream = stream
    return table


def _with_continuations(
    path: Path,
    table: RawTable,
    mapping: dict[str, int],
    progress: Progress | None,
    engine: str | None,
) -> RawTable:
    """The data sheet with its continuations ("Daten (2)", ...: an export over Excel's row
    limit, ``xlsx_export.MAX_SHEET_ROWS``) read as one table: each continuation's rows after
    its header follow the first sheet's rows. Only the continuations the export recorded in
    the workbook (``data_sheet.RECORD_PROPERTY``) are read: a sheet a user added, such as
    Excel's copy of "Daten" named "Daten (2)", is not data. A workbook whose recorded
    continuations cannot all be read (one with other columns, one missing) is refused as a
    whole: importing the sheets before it only would drop the rest without a word."""
    if table.format != "xlsx" or table.sheet is None:
        return table
    from kpm_desktop.import_export.xlsx_reader import recorded_data_sheets

    recorded = recorded_data_sheets(path)
    present = {name.casefold(): name for name in table.sheets}
    if recorded is None:
        return _refuse_unrecorded_split(path, table)
    if recorded[0].casefold() != table.sheet.casefold():
        # A recorded sheet other than the first, or the first renamed: its rows alone would
        # be part of the matrix, imported as if it were all of it.
        renamed = recorded[0].casefold() not in present
        if renamed or table.sheet.casefold() in {n.casefold() for n in recorded[1:]}:
            raise ImportFailure(
                "data_sheet_not_first",
                file=path.name,
                sheet=table.sheet,
                first=recorded[0],
                sheets=", ".join(recorded),
            )
        return table  # another sheet the user chose (e.g. a copy): read as it is
    missing = next((n for n in recorded[1:] if n.casefold() not in present), None)
    if missing is not None:
        raise ImportFailure(
            "continuation_missing",
            file=path.name,
            first=table.sheet,
            missing=missing,
            sheets=", ".join(recorded[1:]),
        )
    parts: list[tuple[RawTable, int]] = []
    for name in (present[n.casefold()] for n in recorded[1:]):
        part = read_table(
            path, sheet=name, progress=progress, engine=engine, stream=table.stream is not None
        )
        header = _find_data_header(part)
        if header is None or data_sheet.column_keys(part.rows[header]) != mapping:
            raise ImportFailure(
                "continuation_columns", file=path.name, sheet=name, first=table.sheet
            )
        parts.append((part, header))
    if not parts:
        return table
    if table.stream is None and all(part.stream is None for part, _ in parts):
        table.parts = [(table.sheet, 1, 1)]
        for part, header in parts:
            table.parts.append((part.sheet or "", len(table.rows) + 1, header + 2))
            table.rows.extend(part.rows[header + 1 :])
        return table
    first = table.stream
    sheet = table.sheet

    def stream(tick: Progress | None) -> Iterator[list[object]]:
        # Where each sheet starts is learnt on the way (a streamed sheet's length is known
        # only once it is read); every reading finds the same places.
        located = [(sheet, 1, 1)]
        table.parts = located
        count = 0
        for row in table.rows if first is None else first(tick):
            count += 1
            yield row
        for part, header in parts:
            located.append((part.sheet or "", count + 1, header + 2))
            for row in islice(
                part.rows if part.stream is None else part.stream(tick), header + 1, None
            ):
                count += 1
                yield row

    counts = [table.row_count] + [part.row_count - header - 1 for part, header in parts]
    known = table.stream_rows is not None and all(p.stream_rows is not None for p, _ in parts)
    table.stream_rows = sum(counts) if known else None
    table.stream = stream
    return table


def _find_data_header(table: RawTable) -> int | None:
    for i, row in enumerate(table.rows[:10]):
        if set(data_sheet.column_keys(row)) >= data_sheet.REQUIRED_KEYS:
            return i
    return None


def unmapped_column_indexes(source: SourceData) -> list[int]:
    """0-based columns with a header or data that no field takes."""
    used = set(source.mapping.values())
    rows = source.table.rows[source.header_row + 1 : source.header_row + 201]
    return [
        col
        for col, header in enumerate(source.headers)
        if col not in used and (header or any(col < len(r) and cell_text(r[col]) for r in rows))
    ]


def unmapped_columns(source: SourceData) -> list[str]:
    """Columns no field takes (shown, never dropped silently); a column without a header is
    named by its letter."""
    headers = source.headers
    return [headers[col] or column_letter(col) for col in unmapped_column_indexes(source)]


def column_letter(index: int) -> str:
    """0-based column index -> spreadsheet letters (0 -> A, 26 -> AA)."""
    s = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        s = chr(65 + rem) + s
    return s


def check_mapping(source: SourceData) -> None:
    """Raise ImportFailure when a required field has no column or a column is out of range."""
    headers = source.headers
    shown = ", ".join(h or f"#{i + 1}" for i, h in enumerate(headers)) or "-"
    labels = {f.key: f.label for f in FIELDS[source.kind]}
    for key, col in source.mapping.items():
        if not 0 <= col < max(len(headers), 1):
            raise ImportFailure(
                "mapping_bad_column", column=col + 1, field=labels.get(key, key), columns=shown
            )
    for f in FIELDS[source.kind]:
        if f.required and f.key not in source.mapping:
            raise ImportFailure("mapping_missing", field=f.label, columns=shown, keys=(f.key,))
    for keys in either_required(source.kind):
        if not any(k in source.mapping for k in keys):
            label = " / ".join(labels[k] for k in keys)
            raise ImportFailure("mapping_missing", field=label, columns=shown, keys=keys)
