"""The plain table every reader produces, the reading limits, and the ZIP container check.

Shared by ``tables`` (which picks the reader) and ``xlsx_reader``; kept apart so that neither
imports the other for them.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kpm_desktop.import_export.messages import ImportFailure

MAX_FILE_BYTES = 64 * 1024 * 1024  # a 50,000-row sales export is ~3 MB
MAX_UNZIPPED_BYTES = 256 * 1024 * 1024  # an M-size matrix sheet is ~50 MB of XML
MAX_ZIP_RATIO = 500  # real sheets compress 10-50x; a bomb compresses ~1000x
MAX_ROWS = 200_000
MAX_COLUMNS = 4_096  # the largest matrix (L) has 1,000 products
MAX_CELL_CHARS = 32_000  # Excel allows 32,767 per cell; openpyxl cuts longer text there
CSV_FIELD_LIMIT = 131_072  # the csv module's default field limit (process-wide, left as is)

Progress = Callable[[int], None]  # rows read so far


@dataclass(slots=True)
class RawTable:
    """A sheet or CSV file as read: ``rows[i]`` is source row ``i + 1``.

    ``fills`` (XLSX only, when asked for) holds the solid fill colour of each cell as
    "RRGGBB" or None, aligned with ``rows``.
    """

    source: str
    rows: list[list[object]]
    fills: list[list[str | None]] | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    decimal_comma: bool = True
    format: str = "csv"  # csv, xlsx, xlsb, xls, ods (what was read)
    strict: bool = False  # a Strict Open XML workbook (read by calamine; no fills)
    chosen_because: str = ""  # "chart"/"empty": the active sheet was passed over ...
    active_sheet: str = ""  # ... and this was its name
    # A sheet too large to hold (the full M export's data sheet): ``rows`` holds only its
    # first rows (header detection, column preview) and ``stream`` yields every row from
    # row 1 again, one at a time, each time it is called (``xlsx_stream``).
    stream: Callable[[Progress | None], Iterator[list[object]]] | None = None
    stream_rows: int | None = None  # the row count the sheet claims (None: unknown)
    # A data sheet read with its continuations (``plans.source``): (sheet, first row of the
    # table that is on it, that row's number on the sheet), in order; empty for one sheet.
    # A streamed table learns each entry when its reading reaches that sheet.
    parts: list[tuple[str, int, int]] = field(default_factory=list)

    def locate(self, row: int) -> tuple[str, int]:
        """The sheet a table row is on and its number there; ("", ``row``) for a table of
        one sheet."""
        for sheet, start, first in reversed(self.parts):
            if row >= start:
                return sheet, row - start + first
        return "", row

    @property
    def row_count(self) -> int:
        """Rows in the sheet (for a streamed sheet as far as known without reading it)."""
        if self.stream is not None and self.stream_rows is not None:
            return self.stream_rows
        return len(self.rows)


def zip_format(archive: zipfile.ZipFile) -> str | None:
    """ "xlsx", "xlsb" or "ods" for a ZIP-based workbook, else None."""
    names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "content.xml" in names and "mimetype" in names:
        try:
            mimetype = archive.read("mimetype")[:100]
        except Exception:  # a damaged member: not a spreadsheet we can read
            return None
        if mimetype.strip() == b"application/vnd.oasis.opendocument.spreadsheet":
            return "ods"
    return None


def xlsx_zip_check(path: Path, *, streaming: bool = False) -> zipfile.ZipFile:
    """Open the ZIP container and refuse bombs and non-workbooks before any XML is parsed.

    zipfile never yields more bytes than a member declares, so checking declared sizes
    bounds what openpyxl can be made to decompress.

    ``streaming``: the caller reads worksheets row by row (``xlsx_stream``), so only the
    other parts count towards ``MAX_UNZIPPED_BYTES`` (what is held in memory); every part,
    sheets included, must still pass the compression-ratio check.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportFailure("xlsx_damaged", file=path.name, detail=str(exc)) from None
    try:
        infos = archive.infolist()
        names = {i.filename for i in infos}
        if zip_format(archive) is None:
            if "word/document.xml" in names:
                what = "a Word document"
            elif "ppt/presentation.xml" in names:
                what = "a PowerPoint presentation"
            elif "content.xml" in names:
                what = "an OpenDocument file but not a spreadsheet; save it as .xlsx or CSV"
            else:
                what = "a ZIP archive"
            raise ImportFailure("not_a_table", file=path.name, what=what)
        total = 0
        limit_mb = MAX_UNZIPPED_BYTES // (1024 * 1024)
        for info in infos:
            if not (streaming and info.filename.startswith("xl/worksheets/")):
                total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > 1_000_000 and ratio > MAX_ZIP_RATIO:
                raise ImportFailure("zip_bomb", file=path.name, limit_mb=limit_mb)
        if total > MAX_UNZIPPED_BYTES:
            # Real sheets compress ~10x: a big but honest workbook gets a size message.
            compressed = sum(i.compress_size for i in infos)
            if total / max(compressed, 1) > MAX_ZIP_RATIO:
                raise ImportFailure("zip_bomb", file=path.name, limit_mb=limit_mb)
            raise ImportFailure(
                "xlsx_too_large",
                file=path.name,
                size_mb=total // (1024 * 1024),
                limit_mb=limit_mb,
            )
    except BaseException:
        archive.close()
        raise
    return archive
