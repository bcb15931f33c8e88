"""XLSX reading with openpyxl in read-only mode, only with defusedxml active.

Formulas are read as formulas (not cached values): a formula cell is reported rather than
silently imported as empty when a generator wrote no cached value.
"""

from __future__ import annotations

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


def _open_workbook(path: Path):
    openpyxl = _openpyxl()
    xlsx_zip_check(path).close()
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except ImportFailure:
        raise
    except Exception as exc:  # openpyxl raises many types for damaged parts
        raise _failure(path, exc) from None


def sheet_names(path: Path | str) -> list[str]:
    path = Path(path)
    wb = _open_workbook(path)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


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
) -> RawTable:
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
