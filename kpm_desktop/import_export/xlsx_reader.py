"""XLSX reading: python-calamine for values, openpyxl (read-only, defusedxml) for fills.

Before either library sees a byte of XML, ``tables.xlsx_zip_check`` has bounded the
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

import re
import zipfile
from pathlib import Path

from kpm_desktop.import_export.colours import apply_tint, theme_palette
from kpm_desktop.import_export.messages import ImportFailure
from kpm_desktop.import_export.tables import (
    MAX_COLUMNS,
    MAX_ROWS,
    Progress,
    RawTable,
    xlsx_zip_check,
)

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


def _openpyxl():
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
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())
    return ImportFailure("xlsx_damaged", file=path.name, detail=detail[:160])


def _checked_archive(path: Path) -> zipfile.ZipFile:
    archive = xlsx_zip_check(path)
    try:
        refuse_dtds(path, archive)
    except BaseException:
        archive.close()
        raise
    return archive


def _open_workbook(path: Path):
    openpyxl = _openpyxl()
    _checked_archive(path).close()
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except ImportFailure:
        raise
    except Exception as exc:  # openpyxl raises many types for damaged parts
        raise _failure(path, exc) from None


def sheet_names(path: Path | str) -> list[str]:
    path = Path(path)
    calamine = _calamine()
    if calamine is not None:
        _checked_archive(path).close()
        try:
            wb = calamine.from_path(str(path))
            try:
                return list(wb.sheet_names)
            finally:
                wb.close()
        except Exception as exc:
            raise _failure(path, exc) from None
    wb = _open_workbook(path)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def _calamine():
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:  # optional speed-up; openpyxl reads everything too
        return None
    return CalamineWorkbook


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
    """Cell values with python-calamine; None when it is not installed or the sheet is huge."""
    calamine = _calamine()
    if calamine is None:
        return None
    archive = _checked_archive(path)
    try:
        sheet_xml = sum(
            i.file_size for i in archive.infolist() if i.filename.startswith("xl/worksheets/")
        )
        try:
            workbook_xml = archive.read("xl/workbook.xml")[:1_000_000]
        except KeyError:
            workbook_xml = b""
    finally:
        archive.close()
    if sheet_xml > CALAMINE_MAX_XML:
        return None
    m = _ACTIVE_TAB.search(workbook_xml)
    try:
        wb = calamine.from_path(str(path))
    except Exception as exc:
        raise _failure(path, exc) from None
    try:
        names = list(wb.sheet_names)
        chosen = _choose_sheet(path, names, sheet, sheet_candidates, int(m[1]) if m else 0)
        if chosen is None:
            return RawTable(source=path.name, rows=[], sheet=None, sheets=names, format="xlsx")
        try:
            ws = wb.get_sheet_by_name(chosen)
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
    finally:
        wb.close()
    rows: list[list[object]] = [[None if v == "" else v for v in r] for r in values]
    if progress is not None:
        progress(len(rows))
    return RawTable(
        source=path.name, rows=rows, sheet=chosen, sheets=names, decimal_comma=True, format="xlsx"
    )


def _rgb_of(colour, theme: tuple[str, ...]) -> str | None:
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
            return COLOR_INDEX[idx][-6:].upper()
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
) -> RawTable:
    """Read one sheet. ``engine`` "openpyxl" or "calamine" forces a reader (tests, bench);
    by default calamine reads values and openpyxl reads sheets whose fills are wanted."""
    if not want_fills and engine != "openpyxl":
        table = read_values_calamine(
            path, sheet=sheet, sheet_candidates=sheet_candidates, progress=progress
        )
        if table is not None:
            return table
    wb = _open_workbook(path)
    try:
        names = list(wb.sheetnames)
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
                    chosen = active.title if active is not None else names[0]
        if chosen is None:
            return RawTable(source=path.name, rows=[], sheet=None, sheets=names, format="xlsx")
        ws = wb[chosen]
        if not hasattr(ws, "reset_dimensions"):  # a chart sheet
            raise ImportFailure("no_data", file=f"{path.name} [{chosen}]")
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
        return RawTable(
            source=path.name,
            rows=rows,
            fills=fills,
            sheet=chosen,
            sheets=names,
            decimal_comma=True,
            format="xlsx",
        )
    finally:
        wb.close()
