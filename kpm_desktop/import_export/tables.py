"""Reading a source file into a plain table of cell values, safely.

The content decides how a file is read, not its name: a CSV saved as ``.xlsx`` is read as
CSV, a PDF named ``.csv`` is refused with a message naming what it is. Every limit below
exists so that a broken or malicious file ends with a clear message within seconds and
bounded memory, before anything is written anywhere.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path
from typing import cast

from kpm_desktop.import_export.messages import ImportFailure
from kpm_desktop.import_export.raw_table import (
    CSV_FIELD_LIMIT,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_UNZIPPED_BYTES,
    MAX_ZIP_RATIO,
    Progress,
    RawTable,
    xlsx_zip_check,
    zip_format,
)

__all__ = [
    "CSV_FIELD_LIMIT",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "MAX_UNZIPPED_BYTES",
    "MAX_ZIP_RATIO",
    "Progress",
    "RawTable",
    "decode_text",
    "detect_delimiter",
    "read_csv",
    "read_table",
    "sniff",
    "xlsx_zip_check",
    "zip_format",
]


def _size_check(path: Path) -> int:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportFailure("file_missing", file=path.name) from None
    except OSError as exc:
        raise ImportFailure("file_unreadable", file=path.name, detail=exc.strerror) from None
    if not path.is_file():
        raise ImportFailure("file_unreadable", file=path.name, detail="not a file")
    if size == 0:
        raise ImportFailure("file_empty", file=path.name)
    if size > MAX_FILE_BYTES:
        raise ImportFailure(
            "file_too_large", file=path.name, limit_mb=MAX_FILE_BYTES // (1024 * 1024)
        )
    return size


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(path: Path) -> str:
    """Return "csv", "xlsx" (any ZIP: xlsx, xlsb, ods) or "xls" by content, or raise
    ImportFailure saying what the file is."""
    _size_check(path)
    with path.open("rb") as fh:
        head = fh.read(8192)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "xlsx"
    if head.startswith(_OLE_MAGIC):
        data = path.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ImportFailure("xlsx_encrypted", file=path.name)
        if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
            return "xls"  # Excel 97-2003: python-calamine reads its values
        raise ImportFailure("not_a_table", file=path.name, what="an old Office document")
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise ImportFailure("not_a_table", file=path.name, what=what)
    return "csv"


def read_table(
    path: Path | str,
    *,
    sheet: str | None = None,
    sheet_candidates: tuple[str, ...] = (),
    want_fills: bool = False,
    progress: Progress | None = None,
    engine: str | None = None,
    stream: bool = False,
) -> RawTable:
    """Read a CSV or XLSX file (decided by content) into a RawTable.

    Args:
        sheet: the sheet to read (XLSX); None = ``sheet_candidates`` or the active sheet.
        sheet_candidates: sheet names tried in order when ``sheet`` is None.
        want_fills: also collect cell fill colours (XLSX matrix sheets).
        engine: force an XLSX reader ("openpyxl" or "calamine"); None chooses.
        stream: a values-only .xlsx sheet is streamed (``RawTable.stream``), so that a
            workbook of any size within the streaming limits can be read.

    Raises:
        ImportFailure: with a user-facing message; nothing has been written anywhere.
    """
    path = Path(path)
    kind = sniff(path)
    if kind == "xls":
        from kpm_desktop.import_export.xlsx_reader import read_with_calamine

        return read_with_calamine(
            path, "xls", sheet=sheet, sheet_candidates=sheet_candidates, progress=progress
        )
    if kind == "xlsx":
        from kpm_desktop.import_export.xlsx_reader import read_xlsx

        return read_xlsx(
            path,
            sheet=sheet,
            sheet_candidates=sheet_candidates,
            want_fills=want_fills,
            progress=progress,
            engine=engine,
            stream=stream,
        )
    return read_csv(path, progress=progress)


# -- CSV ------------------------------------------------------------------------------------
_UTF8_SEQ = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode CSV bytes: BOMs first, then strict UTF-8, then Windows-1252 (German Excel).

    Raises:
        ImportFailure: binary data, or lines in different encodings.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"  # Excel's "Unicode text" export
    elif b"\x00" in data[:4096]:
        sample = data[:4096]
        if sample[1::2].count(0) > len(sample) // 4 and sample[0::2].count(0) == 0:
            encoding = "utf-16-le"
        elif sample[0::2].count(0) > len(sample) // 4 and sample[1::2].count(0) == 0:
            encoding = "utf-16-be"
        else:
            raise ImportFailure("binary_text", file=name)
    else:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        _check_mixed(data, name)
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportFailure("file_unreadable", file=name, detail=f"not valid {encoding}") from exc
    if "\x00" in text:
        raise ImportFailure("binary_text", file=name)
    return text, encoding


def _check_mixed(data: bytes, name: str) -> None:
    """Refuse a file where some lines are UTF-8 and others are not (copy-pasted exports)."""
    utf8_line = other_line = 0
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other_line = other_line or number
        else:
            if _UTF8_SEQ.search(line):
                utf8_line = utf8_line or number
        if utf8_line and other_line:
            raise ImportFailure(
                "mixed_encodings", file=name, utf8_line=utf8_line, other_line=other_line
            )


_DELIMITERS = (";", "\t", ",", "|")


def detect_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the sample lines into the most consistent columns."""
    best, best_score = ";", -1.0
    for delim in _DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=delim) if any(r)]
        except csv.Error:
            continue
        if not counts:
            continue
        width, freq = Counter(counts).most_common(1)[0]
        if width < 2:
            continue
        score = freq / len(counts) * 1000 + min(width, 999)
        if score > best_score:
            best, best_score = delim, score
    return best


_GERMAN_NUM = re.compile(r"^[-+]?[\d.]*\d,\d+-?$")
_ENGLISH_NUM = re.compile(r"^[-+]?[\d,]*\d\.\d+-?$")


def _decimal_comma(sample: list[str], delimiter: str) -> bool:
    """Whether numbers in the file use a decimal comma (German) - decided by the sample cells,
    and for a tie by the delimiter (";" is what German Excel writes)."""
    german = english = 0
    try:
        for row in csv.reader(sample, delimiter=delimiter):
            for cell in row:
                cell = cell.strip().replace(" ", "")
                if _GERMAN_NUM.match(cell) and not _THOUSANDS_ONLY.match(cell):
                    german += 1
                elif _ENGLISH_NUM.match(cell) and not _THOUSANDS_ONLY.match(cell):
                    english += 1
    except csv.Error:
        pass
    if german != english:
        return german > english
    return delimiter != ","


_THOUSANDS_ONLY = re.compile(r"^\d{1,3}([.,]\d{3})+$")  # "1.234" says nothing


def read_csv(path: Path, progress: Progress | None = None) -> RawTable:
    path = Path(path)
    _size_check(path)
    text, encoding = decode_text(path.read_bytes(), path.name)
    if not text.strip():
        raise ImportFailure("file_empty", file=path.name)
    sample = text[:65536].splitlines()[:50]
    delimiter = detect_delimiter(sample)
    decimal_comma = _decimal_comma(sample, delimiter)
    rows: list[list[str]] = []
    append = rows.append
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for number, row in enumerate(reader, start=1):
            if len(row) > MAX_COLUMNS:
                raise ImportFailure("too_many_columns", file=path.name, limit=MAX_COLUMNS)
            if number > MAX_ROWS:
                raise ImportFailure("too_many_rows", file=path.name, limit=MAX_ROWS)
            append(row)
            if progress is not None and number % 10_000 == 0:
                progress(number)
    except csv.Error as exc:
        if "field limit" in str(exc):
            raise ImportFailure(
                "cell_too_large_csv", file=path.name, row=number + 1, limit=CSV_FIELD_LIMIT
            ) from None
        raise ImportFailure(
            "csv_malformed", file=path.name, row=number + 1, detail=str(exc)
        ) from None
    if not any(any(c.strip() for c in r) for r in rows):
        raise ImportFailure("no_data", file=path.name)
    return RawTable(
        source=path.name,
        rows=cast("list[list[object]]", rows),  # text cells (list is invariant; no copy)
        encoding=encoding,
        delimiter=delimiter,
        decimal_comma=decimal_comma,
        format="csv",
    )
