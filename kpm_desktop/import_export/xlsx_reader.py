"""XLSX reading: python-calamine for values, openpyxl (read-only, defusedxml) for fills.

Before either library sees a byte of XML, ``raw_table.xlsx_zip_check`` has bounded the
decompressed size and ``refuse_dtds`` has refused any part that declares a DTD (entity
bombs, external entities): a workbook never needs one.

- Sheets whose values are all we need (customers, products, sales, KPM data sheets) are read
  with python-calamine: ~10x less CPU than openpyxl at 50,000 rows (bench/README.md).
  Formula cells give their cached value, as Excel shows them.
- Matrix sheets need fill colours, which only openpyxl reads. There formulas are read as
  formulas, so a formula cell is reported rather than silently imported as empty.
  openpyxl is used only when ``openpyxl.DEFUSEDXML`` is True.
"""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

from kpm_desktop.import_export.colours import apply_tint, theme_palette
from kpm_desktop.import_export.messages import ImportFailure
from kpm_desktop.import_export.raw_table import (
    MAX_COLUMNS,
    MAX_ROWS,
    Progress,
    RawTable,
    xlsx_zip_check,
    zip_format,
)

_log = logging.getLogger(__name__)
_STRICT_NS = b"http://purl.oclc.org/ooxml/spreadsheetml/main"

# Above this much sheet XML, calamine's all-at-once load would cost too much memory; the
# streaming openpyxl path (which stops at MAX_ROWS) takes over.
CALAMINE_MAX_XML = 128 * 1024 * 1024  # ~350 MB peak while reading (measured 205 MB at 72 MB)
_PROLOGUE_LIMIT = 1024 * 1024
_ROOT_START = re.compile(rb"<[A-Za-z_]")


def refuse_dtds(path: Path, archive: zipfile.ZipFile) -> None:
    """Raise ImportFailure("xml_forbidden") if any XML part has a DOCTYPE before its root.

    Only the prologue is read (up to the root element's start tag, at most 1 MB).
    """
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels", ".vml")):
            continue
        with archive.open(info) as fh:
            head = b""
            while len(head) < _PROLOGUE_LIMIT:
                chunk = fh.read(16_384)
                if not chunk:
                    break
                head += chunk
                if _ROOT_START.search(head):
                    break
        root = _ROOT_START.search(head)
        prologue = head[: root.start()] if root else head
        # UTF-16 parts: compare without the zero bytes.
        if b"<!DOCTYPE" in prologue.replace(b"\x00", b"") or b"<!ENTITY" in head[:_PROLOGUE_LIMIT]:
            raise ImportFailure("xml_forbidden", file=path.name)


def _openpyxl() -> ModuleType:
    import openpyxl

    if not getattr(openpyxl, "DEFUSEDXML", False):
        raise ImportFailure("defusedxml_inactive")
    return openpyxl


def _failure(path: Path, exc: BaseException) -> ImportFailure:
    """The user message for an exception from openpyxl (which often wraps the real cause)."""
    from defusedxml import DefusedXmlException

    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            break
        if isinstance(seen, DefusedXmlException):
            return ImportFailure("xml_forbidden", file=path.name)
        seen = seen.__cause__ or seen.__context__
    # The library's text is for the log, never for the user (it names Python types).
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())
    _log.info("cannot read %s: %s", path.name, detail[:500])
    return ImportFailure("xlsx_damaged", file=path.name, detail=detail[:160])


def _checked_archive(path: Path, *, streaming: bool = False) -> zipfile.ZipFile:
    archive = xlsx_zip_check(path, streaming=streaming)
    try:
        refuse_dtds(path, archive)
    except ImportFailure:
        archive.close()
        raise
    except Exception as exc:  # a member that cannot be read (bad CRC, broken deflate stream)
        archive.close()
        raise _failure(path, exc) from None
    except BaseException:
        archive.close()
        raise
    return archive


def _open_workbook(path: Path) -> Any:  # openpyxl's Workbook, with our file handle
    """openpyxl's read-only workbook over a file handle we own: openpyxl leaves its file
    open when a damaged part makes it fail; close with ``_close_workbook``."""
    openpyxl = _openpyxl()
    _checked_archive(path).close()
    fh = path.open("rb")
    try:
        wb = openpyxl.load_workbook(fh, read_only=True, data_only=False, keep_links=False)
    except ImportFailure:
        fh.close()
        raise
    except Exception as exc:  # openpyxl raises many types for damaged parts
        fh.close()
        raise _failure(path, exc) from None
    wb._kpm_file = fh
    return wb


def _close_workbook(wb: Any) -> None:
    try:
        wb.close()
    finally:
        wb._kpm_file.close()


def sheet_names(path: Path | str) -> list[str]:
    path = Path(path)
    calamine = _calamine()
    if calamine is not None:
        if path.suffix.lower() != ".xls":
            _checked_archive(path).close()
        try:
            wb = calamine.from_path(str(path))
            try:
                return list(wb.sheet_names)
            finally:
                wb.close()
        except Exception as exc:
            raise _failure(path, exc) from None
    workbook = _open_workbook(path)
    try:
        return list(workbook.sheetnames)
    finally:
        _close_workbook(workbook)


_CUSTOM_PROPERTIES = "docProps/custom.xml"  # where Excel, LibreOffice and openpyxl keep them


def recorded_data_sheets(path: Path) -> list[str] | None:
    """The data sheets the export recorded in the workbook (``data_sheet.RECORD_PROPERTY``,
    data sheet first), or None when the workbook has no record (it fits on one sheet, or was
    not written by this export).

    Raises:
        ImportFailure: the file cannot be read, or the record is there but is not a list of
            sheet names (edited by hand): which sheets hold the data is then unknown.
    """
    from defusedxml.ElementTree import fromstring

    from kpm_desktop.import_export import data_sheet

    archive = _checked_archive(path, streaming=True)  # reads one small part, no sheet
    try:
        if _CUSTOM_PROPERTIES not in archive.namelist():
            return None
        root = fromstring(archive.read(_CUSTOM_PROPERTIES))
    except ImportFailure:
        raise
    except Exception as exc:  # damaged XML, defusedxml refusal, bad CRC
        raise _failure(path, exc) from None
    finally:
        archive.close()
    for prop in root:
        if prop.get("name") == data_sheet.RECORD_PROPERTY:
            value = "".join(prop.itertext())
            sheets = data_sheet.parse_record(value)
            if sheets is None:
                raise ImportFailure(
                    "data_record_unreadable", file=path.name, name=data_sheet.RECORD_PROPERTY
                )
            return sheets
    return None


def _calamine() -> type[CalamineWorkbook] | None:
    try:
        from python_calamine import CalamineWorkbook as _Workbook
    except ImportError:  # optional speed-up; openpyxl reads everything too
        return None
    return _Workbook


_ACTIVE_TAB = re.compile(rb'activeTab="(\d+)"')


def _choose_sheet(
    path: Path, names: list[str], sheet: str | None, candidates: tuple[str, ...], active: int
) -> str | None:
    if sheet is not None:
        if sheet not in names:
            raise ImportFailure(
                "sheet_missing", file=path.name, sheet=sheet, sheets=", ".join(names)
            )
        return sheet
    lower = {n.casefold(): n for n in names}
    if candidates:
        return next((lower[c.casefold()] for c in candidates if c.casefold() in lower), None)
    return names[active] if 0 <= active < len(names) else (names[0] if names else None)


def read_values_calamine(
    path: Path,
    *,
    sheet: str | None = None,
    sheet_candidates: tuple[str, ...] = (),
    progress: Progress | None = None,
) -> RawTable | None:
    """Cell values of an .xlsx with python-calamine; None when the sheet XML is huge (the
    streaming openpyxl path takes over)."""
    archive = _checked_archive(path)
    try:
        sheet_xml = sum(
            i.file_size for i in archive.infolist() if i.filename.startswith("xl/worksheets/")
        )
        try:
            workbook_xml = archive.read("xl/workbook.xml")[:1_000_000]
        except KeyError:
            workbook_xml = b""
        except Exception as exc:  # a damaged member (bad CRC, broken deflate stream)
            raise _failure(path, exc) from None
    finally:
        archive.close()
    if sheet_xml > CALAMINE_MAX_XML:
        return None
    m = _ACTIVE_TAB.search(workbook_xml)
    return read_with_calamine(
        path,
        "xlsx",
        sheet=sheet,
        sheet_candidates=sheet_candidates,
        progress=progress,
        active=int(m[1]) if m else 0,
        strict=_STRICT_NS in workbook_xml,
    )


def read_with_calamine(
    path: Path,
    fmt: str,
    *,
    sheet: str | None = None,
    sheet_candidates: tuple[str, ...] = (),
    progress: Progress | None = None,
    active: int = 0,
    strict: bool = False,
) -> RawTable:
    """Cell values of any workbook python-calamine reads (.xlsx incl. Strict, .xlsb, .xls,
    .ods). Without a chosen sheet, an active sheet that is a chart or empty is passed over
    for the first worksheet with data (the table says so).

    Raises:
        ImportFailure: damaged file, missing/empty/chart sheet, too many rows or columns.
    """
    calamine = _calamine()
    if calamine is None:  # pragma: no cover - a dependency; only a broken install lacks it
        raise ImportFailure("xlsx_damaged", file=path.name, detail="python-calamine missing")
    if fmt != "xls":
        _checked_archive(path).close()
    try:
        wb = calamine.from_path(str(path))
    except Exception as exc:
        raise _failure(path, exc) from None
    try:
        try:
            names = list(wb.sheet_names)
            charts = {m.name for m in wb.sheets_metadata if "chart" in str(m.typ).casefold()}
        except Exception as exc:
            raise _failure(path, exc) from None
        listed = ", ".join(names) or "-"
        chosen = _choose_sheet(path, names, sheet, sheet_candidates, active)
        table = RawTable(
            source=path.name, rows=[], sheet=chosen, sheets=names, format=fmt, strict=strict
        )
        if chosen is None:
            table.sheet = None
            return table
        if chosen in charts and (sheet is not None or sheet_candidates):
            raise ImportFailure("sheet_chart", file=path.name, sheet=chosen, sheets=listed)
        rows = [] if chosen in charts else _calamine_rows(path, wb, chosen)
        if not rows and sheet is None and not sheet_candidates:
            # The active sheet is a chart or empty: take the first worksheet with data.
            for other in names:
                if other == chosen or other in charts:
                    continue
                other_rows = _calamine_rows(path, wb, other)
                if other_rows:
                    table.chosen_because = "chart" if chosen in charts else "empty"
                    table.active_sheet = chosen
                    chosen, rows = other, other_rows
                    break
        if not rows:
            if chosen in charts:
                raise ImportFailure("sheet_chart", file=path.name, sheet=chosen, sheets=listed)
            raise ImportFailure("sheet_empty", file=path.name, sheet=chosen, sheets=listed)
    finally:
        wb.close()
    if progress is not None:
        progress(len(rows))
    table.rows = rows
    table.sheet = chosen
    return table


def _calamine_rows(path: Path, wb: CalamineWorkbook, name: str) -> list[list[object]]:
    """The rows of one sheet; [] when it holds no value (empty, or only error cells)."""
    try:
        ws = wb.get_sheet_by_name(name)
        end_row, end_col = ws.end or (0, 0)
        if end_col + 1 > MAX_COLUMNS:
            raise ImportFailure("too_many_columns", file=path.name, limit=MAX_COLUMNS)
        if end_row + 1 > MAX_ROWS:
            raise ImportFailure("too_many_rows", file=path.name, limit=MAX_ROWS)
        values = ws.to_python(skip_empty_area=False)
    except ImportFailure:
        raise
    except Exception as exc:
        raise _failure(path, exc) from None
    rows: list[list[object]] = [[None if v == "" else v for v in r] for r in values]
    if not any(v is not None for r in rows for v in r):
        return []
    return rows


def _open_stream(path: Path, archive: zipfile.ZipFile) -> Any:  # xlsx_stream.SheetStream
    from kpm_desktop.import_export.xlsx_stream import open_stream

    try:
        return open_stream(archive, path.name)
    except ImportFailure:
        raise
    except Exception as exc:  # missing part, damaged XML, defusedxml refusal, bad CRC
        raise _failure(path, exc) from None


STREAM_HEAD_ROWS = 210  # rows a streamed table keeps: header search + the column preview


def read_values_stream(
    path: Path,
    *,
    sheet: str | None = None,
    sheet_candidates: tuple[str, ...] = (),
    progress: Progress | None = None,
) -> RawTable:
    """One sheet of an .xlsx, streamed (``xlsx_stream``): the table keeps its first
    ``STREAM_HEAD_ROWS`` rows and a ``stream`` that yields all of them, one at a time.

    The workbook may be larger than ``MAX_UNZIPPED_BYTES`` as long as what the reader holds
    (shared strings, styles) is not; the compression-ratio and DTD checks apply in full.

    Raises:
        ImportFailure: damaged file, missing/empty/chart sheet, too many rows or columns.
    """
    archive = _checked_archive(path, streaming=True)
    try:
        book = _open_stream(path, archive)
        names = book.order
        m = _ACTIVE_TAB.search(archive.read("xl/workbook.xml")[:1_000_000])
        chosen = _choose_sheet(path, names, sheet, sheet_candidates, int(m[1]) if m else 0)
        table = RawTable(source=path.name, rows=[], sheet=chosen, sheets=names, format="xlsx")
        if chosen is None:
            return table
        if chosen not in book.sheets:
            raise ImportFailure(
                "sheet_chart", file=path.name, sheet=chosen, sheets=", ".join(names)
            )
        head: list[list[object]] = []
        try:
            for row in book.rows(chosen):
                head.append(row)
                if len(head) >= STREAM_HEAD_ROWS:
                    break
            claimed = book.dimension_rows(chosen)
        except ImportFailure:
            raise
        except Exception as exc:  # a damaged member (bad CRC, broken deflate stream)
            raise _failure(path, exc) from None
    finally:
        archive.close()
    if not any(v is not None for r in head for v in r):
        raise ImportFailure("sheet_empty", file=path.name, sheet=chosen, sheets=", ".join(names))
    sheet_name = chosen

    def stream(tick: Progress | None) -> Iterator[list[object]]:
        archive = _checked_archive(path, streaming=True)
        try:
            book = _open_stream(path, archive)
            if sheet_name not in book.sheets:  # the file was replaced meanwhile
                raise ImportFailure("sheet_missing", file=path.name, sheet=sheet_name, sheets="")
            try:
                yield from book.rows(sheet_name, progress=tick)
            except ImportFailure:
                raise
            except Exception as exc:
                raise _failure(path, exc) from None
        finally:
            archive.close()

    table.rows = head
    table.stream = stream
    table.stream_rows = claimed if claimed is not None and claimed >= len(head) else None
    if progress is not None:
        progress(len(head))
    return table


def _rgb_of(colour: Any, theme: tuple[str, ...]) -> str | None:
    from openpyxl.styles.colors import COLOR_INDEX

    if colour is None:
        return None
    kind = getattr(colour, "type", None)
    if kind == "rgb":
        value = colour.rgb
        if not isinstance(value, str) or len(value) < 6:
            return None
        if len(value) == 8 and value[:2] == "00" and value[2:] != "000000":
            pass  # alpha 00 is what most writers put; Excel ignores alpha for fills
        return value[-6:].upper()
    if kind == "indexed":
        idx = colour.indexed
        if idx in (64, 65):  # system foreground/background
            return None
        if 0 <= idx < len(COLOR_INDEX):
            return str(COLOR_INDEX[idx][-6:]).upper()
        return None
    if kind == "theme":
        idx = colour.theme
        if 0 <= idx < len(theme):
            return apply_tint(theme[idx], float(colour.tint or 0.0))
    return None


def read_xlsx(
    path: Path,
    *,
    sheet: str | None = None,
    sheet_candidates: tuple[str, ...] = (),
    want_fills: bool = False,
    progress: Progress | None = None,
    engine: str | None = None,
    stream: bool = False,
) -> RawTable:
    """Read one sheet. ``engine`` "openpyxl" or "calamine" forces a reader (tests, bench);
    by default calamine reads values and openpyxl reads sheets whose fills are wanted.
    ``stream``: values of a (non-Strict) .xlsx sheet are streamed (``read_values_stream``)."""
    if stream and not want_fills and engine is None:
        archive = _checked_archive(path, streaming=True)
        try:
            fmt = zip_format(archive)
            try:
                strict = _STRICT_NS in archive.read("xl/workbook.xml")[:1_000_000]
            except Exception:  # no workbook part or a damaged one: the usual path says so
                strict = True
        finally:
            archive.close()
        if fmt == "xlsx" and not strict:
            return read_values_stream(
                path, sheet=sheet, sheet_candidates=sheet_candidates, progress=progress
            )
    archive = _checked_archive(path)
    try:
        fmt = zip_format(archive) or "xlsx"
        try:
            strict = fmt == "xlsx" and _STRICT_NS in archive.read("xl/workbook.xml")[:1_000_000]
        except Exception as exc:  # a damaged member (bad CRC, broken deflate stream)
            raise _failure(path, exc) from None
    finally:
        archive.close()
    if fmt != "xlsx" or strict:
        # Values only (openpyxl reads neither .xlsb/.ods nor Strict Open XML); a matrix
        # sheet without letters gets the "colours only from .xlsx" message from the plan.
        return read_with_calamine(
            path,
            fmt,
            sheet=sheet,
            sheet_candidates=sheet_candidates,
            progress=progress,
            strict=strict,
        )
    if not want_fills and engine != "openpyxl":
        table = read_values_calamine(
            path, sheet=sheet, sheet_candidates=sheet_candidates, progress=progress
        )
        if table is not None:
            return table
    wb = _open_workbook(path)
    try:
        names = list(wb.sheetnames)
        chosen: str | None
        if sheet is not None:
            if sheet not in names:
                raise ImportFailure(
                    "sheet_missing", file=path.name, sheet=sheet, sheets=", ".join(names)
                )
            chosen = sheet
        else:
            lower = {n.casefold(): n for n in names}
            chosen = next(
                (lower[c.casefold()] for c in sheet_candidates if c.casefold() in lower), None
            )
            if chosen is None:
                if sheet_candidates:
                    chosen = None
                else:
                    active = wb.active
                    chosen = str(active.title) if active is not None else names[0]
        if chosen is None:
            return RawTable(source=path.name, rows=[], sheet=None, sheets=names, format="xlsx")
        ws = wb[chosen]
        passed_over = ""
        if not hasattr(ws, "reset_dimensions"):  # a chart sheet
            worksheets = [n for n in names if hasattr(wb[n], "reset_dimensions")]
            if sheet is not None or sheet_candidates or not worksheets:
                raise ImportFailure(
                    "sheet_chart", file=path.name, sheet=chosen, sheets=", ".join(names)
                )
            passed_over, chosen = chosen, worksheets[0]
            ws = wb[chosen]
        # The stored dimension may claim a million empty rows; read only what is there.
        ws.reset_dimensions()
        theme = theme_palette(getattr(wb, "loaded_theme", None)) if want_fills else ()
        fill_cache: dict[int, str | None] = {}
        rows: list[list[object]] = []
        fills: list[list[str | None]] | None = [] if want_fills else None
        try:
            for number, cells in enumerate(ws.iter_rows(), start=1):
                if number > MAX_ROWS:
                    raise ImportFailure("too_many_rows", file=path.name, limit=MAX_ROWS)
                if len(cells) > MAX_COLUMNS:
                    raise ImportFailure("too_many_columns", file=path.name, limit=MAX_COLUMNS)
                rows.append([c.value for c in cells])
                if fills is not None:
                    row_fills: list[str | None] = []
                    for c in cells:
                        style = getattr(c, "style_array", None)
                        if style is None or not style.fillId:
                            row_fills.append(None)
                            continue
                        fid = style.fillId
                        if fid not in fill_cache:
                            fill = c.fill
                            fill_cache[fid] = (
                                _rgb_of(fill.fgColor, theme)
                                if fill is not None and fill.fill_type == "solid"
                                else None
                            )
                        row_fills.append(fill_cache[fid])
                    fills.append(row_fills)
                if progress is not None and number % 5_000 == 0:
                    progress(number)
        except ImportFailure:
            raise
        except Exception as exc:
            raise _failure(path, exc) from None
        if not any(v is not None and v != "" for r in rows for v in r):
            raise ImportFailure(
                "sheet_empty", file=path.name, sheet=chosen, sheets=", ".join(names)
            )
        return RawTable(
            source=path.name,
            rows=rows,
            fills=fills,
            sheet=chosen,
            sheets=names,
            decimal_comma=True,
            format="xlsx",
            chosen_because="chart" if passed_over else "",
            active_sheet=passed_over,
        )
    finally:
        _close_workbook(wb)
