"""Row-by-row reading of large .xlsx sheets (the full M export: 600k data rows, 340 MB XML).

Why not a library (measured on the M export's data sheet, bench/README.md):
- openpyxl read-only, as this project must run it (defusedxml active, which parses with
  the pure-Python expat binding and tree builder): ~6 minutes for 600k rows;
- python-calamine loads a whole sheet into memory before the first row is returned:
  ~620 MB resident for that sheet alone.

So values-only sheets that are too large for calamine are streamed here: the sheet part is
decompressed in 1 MB pieces and each ``<row>`` is tokenised with precompiled regular
expressions over the SpreadsheetML grammar (cells ``<c r= s= t=>``, ``<v>`` values, inline
``<is>`` strings, shared strings, booleans, errors, ISO dates, entity references and
Excel's ``_xHHHH_`` escapes). Only one row and the shared-string table are held at a time.

Safety is the same as for every other workbook: ``xlsx_reader._checked_archive`` has
refused DTDs (entity bombs, external entities) and bombs by compression ratio before this
module reads a byte; the small structural parts (workbook, relationships, styles) are
parsed with defusedxml. What this reader holds in memory (shared strings, styles, one row)
is bounded by ``raw_table.MAX_UNZIPPED_BYTES``; a sheet part itself may be larger because it
is never held whole (``MAX_STREAM_BYTES`` bounds the work instead).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import PurePosixPath
from typing import Any

from kpm_desktop.import_export.messages import ImportFailure
from kpm_desktop.import_export.raw_table import MAX_COLUMNS, MAX_UNZIPPED_BYTES

# A sheet part is streamed, never held: this bounds only the time spent on one file
# (the M export's data sheet is 340 MB; ~1.3 GB of XML is ~4 million rows).
MAX_STREAM_BYTES = 1536 * 1024 * 1024
MAX_STREAM_ROWS = 4_000_000
_CHUNK = 1 << 20
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_REL_NS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"

_ENTITY = re.compile(r"&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_XESC = re.compile(r"_x([0-9A-Fa-f]{4})_")
_ATTR = re.compile(r'([\w:]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_COL_LETTERS = re.compile(r"([A-Za-z]{1,3})")
# Excel's built-in number formats that show dates or times (ECMA-376 18.8.30).
_BUILTIN_DATE_IDS = frozenset({14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57})
_BUILTIN_TIME_IDS = frozenset({18, 19, 20, 21, 45, 46, 47})
_EPOCH_1900 = datetime(1899, 12, 30)
_EPOCH_1904 = datetime(1904, 1, 1)


def _unescape_match(m: re.Match[str]) -> str:
    if m[1]:
        return chr(int(m[1]))
    if m[2]:
        return chr(int(m[2], 16))
    return _NAMED[m[3]]


def _text(raw: str) -> str:
    """XML character data as text: entity references resolved, CR LF as a parser sees it."""
    if "&" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
        raw = _ENTITY.sub(_unescape_match, raw)
    elif "\r" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if "_x" in raw:
        raw = _XESC.sub(lambda m: chr(int(m[1], 16)), raw)
    return raw


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


@dataclass(slots=True)
class _Grammar:
    """Regular expressions for one namespace prefix ("" or e.g. "x:")."""

    row: re.Pattern[str]
    fast: re.Pattern[str]
    cell: re.Pattern[str]
    inline_t: re.Pattern[str]
    value: re.Pattern[str]
    si: re.Pattern[str]
    rph: re.Pattern[str]

    @classmethod
    def for_prefix(cls, p: str) -> _Grammar:
        p = re.escape(p)
        return cls(
            row=re.compile(rf"<{p}row\b([^>]*?)(?:/>|>(.*?)</{p}row>)", re.S),
            # The shapes openpyxl, Excel and LibreOffice write for a plain value or inline
            # string; a row with any other cell goes through ``cell`` instead.
            fast=re.compile(
                rf'<{p}c r="([A-Z]{{1,3}})\d+"(?: s="(\d+)")?(?: t="(\w+)")?\s*'
                rf"(?:/>|>(?:<{p}is><{p}t>([^<]*)</{p}t></{p}is>|<{p}v>([^<]*)</{p}v>)?</{p}c>)"
            ),
            # r, s, t in the order every writer puts them; other attributes (or another
            # order) land in group 4 and are parsed one by one.
            cell=re.compile(
                rf'<{p}c(?:\s+r="([A-Za-z]{{1,3}})\d*")?(?:\s+s="(\d+)")?(?:\s+t="(\w+)")?'
                rf"((?:\s+[^>]*?)?)\s*(?:/>|>(.*?)</{p}c>)",
                re.S,
            ),
            inline_t=re.compile(rf"<{p}t(?:\s[^>]*)?>(.*?)</{p}t>|<{p}t(?:\s[^>]*)?/>", re.S),
            value=re.compile(rf"<{p}v(?:\s[^>]*)?>(.*?)</{p}v>", re.S),
            si=re.compile(rf"<{p}si\b[^>]*?(?:/>|>(.*?)</{p}si>)", re.S),
            rph=re.compile(rf"<{p}rPh\b.*?</{p}rPh>", re.S),
        )


def _prefix_of(head: str, local: str) -> str:
    """The namespace prefix the part uses for SpreadsheetML elements ("" for the default)."""
    m = re.search(rf"<(\w+:)?{local}\b", head)
    return (m[1] or "") if m else ""


@dataclass(slots=True)
class SheetStream:
    """An opened workbook for streaming: its sheets and what decoding them needs."""

    archive: zipfile.ZipFile
    name: str  # the file name, for messages
    sheets: dict[str, str]  # sheet name -> part path (worksheets only, in workbook order)
    order: list[str]  # every sheet name (incl. chart sheets), in workbook order
    shared: list[str]
    date_styles: dict[int, str]  # style index -> "date", "datetime" or "time"
    epoch: datetime

    def close(self) -> None:
        self.archive.close()

    def part_size(self, sheet: str) -> int:
        return self.archive.getinfo(self.sheets[sheet]).file_size

    def dimension_rows(self, sheet: str) -> int | None:
        """The row count the sheet's ``<dimension>`` claims (None: not given)."""
        with self.archive.open(self.sheets[sheet]) as fh:
            head = fh.read(65_536).decode("utf-8", "replace")
        m = re.search(r'<(?:\w+:)?dimension\s+ref="[A-Za-z]+\d+:[A-Za-z]+(\d+)"', head)
        return int(m[1]) if m else None

    def rows(
        self, sheet: str, *, progress: Callable[[int], None] | None = None
    ) -> Iterator[list[object]]:
        """Yield the sheet's rows as value lists (``rows[i]`` is row ``i + 1``: rows the
        file leaves out come as empty lists). Empty cells are None."""
        part = self.sheets[sheet]
        info = self.archive.getinfo(part)
        if info.file_size > MAX_STREAM_BYTES:
            raise ImportFailure(
                "xlsx_too_large",
                file=self.name,
                size_mb=info.file_size // (1024 * 1024),
                limit_mb=MAX_STREAM_BYTES // (1024 * 1024),
            )
        shared, date_styles, epoch = self.shared, self.date_styles, self.epoch
        with self.archive.open(part) as fh:
            head = fh.read(65_536).decode("utf-8", "replace")
        with self.archive.open(part) as fh:
            first = fh.read(_CHUNK)
            g = _Grammar.for_prefix(_prefix_of(head, "worksheet"))
            row_re, cell_re, fast_re = g.row, g.cell, g.fast
            cell_open = f"<{_prefix_of(head, 'worksheet')}c"
            close_tag = f"</{_prefix_of(head, 'worksheet')}row>"
            open_tag = f"<{_prefix_of(head, 'worksheet')}row"
            pending = b""
            chunk = first
            expected = 1
            letters_cache: dict[str, int] = {}
            while True:
                data = pending + chunk
                if not chunk:
                    text = data.decode("utf-8")
                    pending = b""
                else:
                    # Cut after the last complete row; the rest waits for the next piece.
                    cut = data.rfind(close_tag.encode())
                    if cut < 0:
                        pending, chunk = data, fh.read(_CHUNK)
                        if len(pending) > MAX_UNZIPPED_BYTES:
                            raise ImportFailure(
                                "xlsx_damaged", file=self.name, detail="row too large"
                            )
                        continue
                    cut += len(close_tag)
                    text, pending = data[:cut].decode("utf-8"), data[cut:]
                for attrs, body in _row_parts(text, open_tag, close_tag, row_re):
                    number = expected
                    rnum = _ATTR_R.search(attrs) if attrs else None
                    if rnum is not None:
                        number = int(rnum[1])
                    while expected < number:  # rows the file leaves out
                        yield []
                        expected += 1
                    if number > MAX_STREAM_ROWS:
                        raise ImportFailure("too_many_rows", file=self.name, limit=MAX_STREAM_ROWS)
                    values: list[object] = []
                    if body:
                        cells = fast_re.findall(body)
                        if len(cells) != body.count(cell_open):
                            cells = [_generic(c, g) for c in cell_re.findall(body)]
                        # Text needs decoding only where the row has an escape at all.
                        plain = "&" not in body and "_x" not in body and "\r" not in body
                        append = values.append
                        n = 0
                        for letters, style, kind, itext, vtext in cells:
                            if letters:
                                col = letters_cache.get(letters)
                                if col is None:
                                    col = letters_cache[letters] = _col_index(letters)
                                    if col >= MAX_COLUMNS:
                                        raise ImportFailure(
                                            "too_many_columns", file=self.name, limit=MAX_COLUMNS
                                        )
                            else:
                                col = n
                            value: object
                            if kind == "inlineStr":
                                if not itext:
                                    continue
                                value = itext if plain else _text(itext)
                            elif not vtext:
                                continue
                            elif not kind or kind == "n":
                                try:
                                    num = float(vtext)
                                except ValueError:
                                    continue
                                how = date_styles.get(int(style)) if style and date_styles else None
                                value = num if how is None else _excel_date(num, how, epoch)
                            else:
                                value = _typed(kind, vtext, shared)
                                if value is None:
                                    continue
                            if col == n:  # the usual case: the next column
                                append(value)
                                n += 1
                            elif col > n:
                                values.extend([None] * (col - n))
                                append(value)
                                n = col + 1
                            else:
                                values[col] = value
                    yield values
                    expected = number + 1
                    if progress is not None and number % 5_000 == 0:
                        progress(number)
                if not chunk:
                    break
                chunk = fh.read(_CHUNK)


_ATTR_R = re.compile(r'\br="(\d+)"')


def _row_parts(
    text: str, open_tag: str, close_tag: str, row_re: re.Pattern[str]
) -> Iterator[tuple[str, str]]:
    """(attributes, content) of each ``<row>`` in ``text``: split at the closing tags (a C
    loop; a lazy regex over 340 MB costs ~30 % of the read), the regular expression only
    for pieces with an empty ``<row/>`` or anything unusual."""
    n = len(open_tag)
    for piece in text.split(close_tag):
        start = piece.find(open_tag)
        if start < 0:
            continue
        after = start + n
        if piece[after : after + 1] in (" ", ">") and piece.find(open_tag, after) < 0:
            gt = piece.find(">", after)
            if gt > 0 and piece[gt - 1] != "/":
                yield piece[after:gt], piece[gt + 1 :]
                continue
        for m in row_re.finditer(piece + close_tag):
            yield m[1], m[2] or ""


def _generic(cell: tuple[str, str, str, str, str], g: _Grammar) -> tuple[str, str, str, str, str]:
    """A cell in any attribute order or shape, as (letters, style, type, inline, value)."""
    letters, style, kind, extra, content = cell
    if extra and ("r=" in extra or "s=" in extra or "t=" in extra):
        attrs = {k.rpartition(":")[2]: v or v2 for k, v, v2 in _ATTR.findall(extra)}
        found = _COL_LETTERS.match(attrs.get("r", ""))
        letters = found[1].upper() if found else letters
        style = attrs.get("s", style)
        kind = attrs.get("t", kind)
    if not content:
        return letters, style, kind, "", ""
    if kind == "inlineStr":
        if "rPh" in content:
            content = g.rph.sub("", content)
        return letters, style, kind, "".join(g.inline_t.findall(content)), ""
    m = g.value.search(content)
    return letters, style, kind, "", m[1] if m else ""


def _typed(kind: str, raw: str, shared: list[str]) -> object:
    """A cell value of a type other than number and inline string (None: no value)."""
    if kind == "s":
        try:
            return shared[int(raw)] or None
        except (ValueError, IndexError):
            return None
    if kind == "str":  # a formula's text result
        return _text(raw) or None
    if kind == "b":
        return raw.strip() in ("1", "true")
    if kind == "e":
        return None  # #N/A, #DIV/0!: no value (calamine's reading too)
    if kind == "d":
        try:
            return datetime.fromisoformat(raw.strip())
        except ValueError:
            return _text(raw) or None
    return _text(raw).strip() or None


def _excel_date(number: float, how: str, epoch: datetime) -> object:
    if how == "time" and 0 <= number < 1:
        ms = round(number * 86_400_000)
        return time(ms // 3_600_000 % 24, ms // 60_000 % 60, ms // 1000 % 60, ms % 1000 * 1000)
    if epoch == _EPOCH_1900 and number < 60:  # Excel's phantom 29 Feb 1900
        number += 1
    try:
        # Rounded to milliseconds (Excel stores binary fractions of a day).
        moment = epoch + timedelta(milliseconds=round(number * 86_400_000))
    except OverflowError:
        return number
    if how == "date" and number == int(number):
        return moment.date()
    return moment


# -- opening ------------------------------------------------------------------------------------
def _parse(archive: zipfile.ZipFile, part: str) -> Any:
    from defusedxml.ElementTree import fromstring

    return fromstring(archive.read(part))


def _date_kind(code: str) -> str | None:
    from openpyxl.styles.numbers import is_date_format, is_timedelta_format

    if not is_date_format(code) or is_timedelta_format(code):
        return None
    plain = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code).lower()
    has_date = any(ch in plain for ch in "dy") or "m" in plain.replace("mm:", "").replace(":m", "")
    has_time = any(ch in plain for ch in "hs")
    if has_time and not has_date:
        return "time"
    return "datetime" if has_time else "date"


def _date_styles(archive: zipfile.ZipFile) -> dict[int, str]:
    try:
        root = _parse(archive, "xl/styles.xml")
    except KeyError:
        return {}
    custom: dict[int, str] = {}
    xfs: list[int] = []
    for el in root.iter():
        local = el.tag.rpartition("}")[2]
        if local == "numFmt":
            try:
                custom[int(el.get("numFmtId", "-1"))] = el.get("formatCode", "")
            except ValueError:
                continue
        elif local == "cellXfs":
            for xf in el:
                try:
                    xfs.append(int(xf.get("numFmtId", "0")))
                except ValueError:
                    xfs.append(0)
    out: dict[int, str] = {}
    for index, fmt in enumerate(xfs):
        if fmt in custom:
            kind = _date_kind(custom[fmt])
        elif fmt in _BUILTIN_TIME_IDS:
            kind = "time"
        elif fmt in _BUILTIN_DATE_IDS:
            kind = "datetime" if fmt == 22 else "date"
        else:
            kind = None
        if kind is not None:
            out[index] = kind
    return out


def _shared_strings(archive: zipfile.ZipFile, part: str | None) -> list[str]:
    if part is None or part not in archive.namelist():
        return []
    data = archive.read(part).decode("utf-8")
    g = _Grammar.for_prefix(_prefix_of(data[:65_536], "sst"))
    out: list[str] = []
    for m in g.si.finditer(data):
        body = m[1] or ""
        if "rPh" in body:  # phonetic runs (Japanese) are not part of the text
            body = g.rph.sub("", body)
        out.append(_text("".join(g.inline_t.findall(body))))
    return out


def open_stream(archive: zipfile.ZipFile, name: str) -> SheetStream:
    """Read the workbook's structure from a checked archive (``_checked_archive``).

    Raises:
        ImportFailure: what would be held is too large.
        Exception: a part is missing or damaged (the caller turns it into a message).
    """
    workbook = _parse(archive, "xl/workbook.xml")
    rels = _parse(archive, "xl/_rels/workbook.xml.rels")
    targets: dict[str, tuple[str, str]] = {}
    shared_part: str | None = None
    for rel in rels.iter(_PKG_REL):
        target = rel.get("Target", "")
        part = (
            target.lstrip("/")
            if target.startswith("/")
            else str(PurePosixPath("xl") / target).replace("xl/../", "")
        )
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        targets[rel.get("Id", "")] = (part, kind)
        if kind == "sharedStrings":
            shared_part = part
    epoch = _EPOCH_1900
    order: list[str] = []
    sheets: dict[str, str] = {}
    for el in workbook.iter():
        local = el.tag.rpartition("}")[2]
        if local == "workbookPr" and el.get("date1904") in ("1", "true"):
            epoch = _EPOCH_1904
        if local != "sheet":
            continue
        sheet_name = el.get("name", "")
        rid = next((el.get(f"{{{ns}}}id") for ns in _REL_NS if el.get(f"{{{ns}}}id")), None)
        order.append(sheet_name)
        part, kind = targets.get(rid or "", ("", ""))
        if kind == "worksheet" and part in archive.NameToInfo:
            sheets[sheet_name] = part
    held = sum(
        archive.getinfo(p).file_size
        for p in (shared_part, "xl/styles.xml", "xl/workbook.xml")
        if p and p in archive.NameToInfo
    )
    if held > MAX_UNZIPPED_BYTES:
        raise ImportFailure(
            "xlsx_too_large",
            file=name,
            size_mb=held // (1024 * 1024),
            limit_mb=MAX_UNZIPPED_BYTES // (1024 * 1024),
        )
    shared = _shared_strings(archive, shared_part)
    date_styles = _date_styles(archive)
    return SheetStream(archive, name, sheets, order, shared, date_styles, epoch)


__all__ = ["MAX_STREAM_BYTES", "MAX_STREAM_ROWS", "SheetStream", "open_stream"]
