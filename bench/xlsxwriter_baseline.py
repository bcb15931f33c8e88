"""The baseline of the full-workbook export: xlsxwriter writing the same workbook.

Issue 20's goal is "full M workbook export (matrix + KPI + data sheets) <= 2x xlsxwriter
writing the same workbook". This module is that xlsxwriter program, written as a user of
xlsxwriter would write it (``constant_memory`` mode: rows streamed to disk in order, inline
strings, like our write-only sheets). It writes, from the same ``MatrixSnapshot``:

- the matrix sheet: title, subtitle, legend, group band (merged), rotated product header,
  one row per customer with attribute columns, fills and glyphs, counts and coverage, the
  count and coverage rows; landscape/paper, fit to width, printed grid lines, margins,
  header/footer, frozen panes, repeated rows/columns, print area, outline levels;
- the KPI sheet (one row per product and the totals);
- the data sheet (one row per marked cell, the same columns, number formats, hidden UUID
  columns);
- the master sheets (customers, products, competitors, notes, goals, trips).

Values, number formats, fills, fonts, borders and alignments are the export's; only the
XML around them is xlsxwriter's own. xlsxwriter is a bench-only dependency (``.[bench]``).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from kpm_desktop.domain.entities import CellRecord, stored_id
from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.import_export.data_sheet import DATA_COLUMNS, data_sheet_name
from kpm_desktop.import_export.export_labels import (
    attribute_name,
    label,
    legend_entries,
    mark_name,
)
from kpm_desktop.import_export.export_model import MatrixSnapshot, Orientation, Paper
from kpm_desktop.import_export.formula_guard import neutralise
from kpm_desktop.import_export.master_sheets import (
    COMPETITOR_COLUMNS,
    COMPETITOR_SHEETS,
    CUSTOMER_COLUMNS,
    CUSTOMER_SHEETS,
    GOAL_COLUMNS,
    GOAL_SHEETS,
    NOTE_COLUMNS,
    NOTE_SHEETS,
    PRODUCT_COLUMNS,
    PRODUCT_SHEETS,
    TAG_SEPARATOR,
    TRIP_COLUMNS,
    TRIP_SHEETS,
)
from kpm_desktop.import_export.xlsx_export import (
    BAND_LINE_HEIGHT,
    BAND_ROW,
    COUNT_KEYS,
    DATA_WIDTHS,
    GROUP_FILL,
    HEADER_FILL,
    HEADER_ROW,
    MARK_FILLS,
    SAFE_OMITTED,
    attribute_value,
    band_layout,
)

_BORDER = {"border": 1, "border_color": "#808080"}


def _utc_naive(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is not None:
        from datetime import UTC

        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def _put(ws: Any, r: int, k: int, v: Any, fmt: Any) -> None:
    """One value by its type (strings stay strings: no URL or formula guessing)."""
    if v is None or v == "":
        ws.write_blank(r, k, None, fmt)
    elif isinstance(v, str):
        ws.write_string(r, k, v, fmt)
    elif isinstance(v, bool):
        ws.write_boolean(r, k, v, fmt)
    elif isinstance(v, (date, datetime)):
        ws.write_datetime(r, k, v, fmt)
    else:
        ws.write_number(r, k, v, fmt)


def _print_setup(ws: Any, s: MatrixSnapshot, lang: str) -> None:
    opts = s.options
    if opts.orientation is Orientation.LANDSCAPE:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.set_paper(9 if opts.paper is Paper.A4 else 8)
    ws.fit_to_pages(1, 0)
    ws.hide_gridlines(0)  # printed grid lines
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    title = s.title().replace("&", "&&")
    ws.set_header(f"&L{title}&R&D")
    ws.set_footer(
        f"&L{s.file_name.replace('&', '&&')}&C{label('page', lang)} &P {label('of', lang)} &N"
    )


def write_workbook(s: MatrixSnapshot, path: Path) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    _matrix(wb, s)
    if s.options.include_kpi_sheet:
        _kpi(wb, s)
    if s.options.include_data_sheet:
        _data(wb, s)
        if not s.options.customer_safe:
            _masters(wb, s)
    wb.close()


def _matrix(wb: Any, s: MatrixSnapshot) -> None:
    lang = s.options.lang
    ws = wb.add_worksheet(label("sheet_matrix", lang))
    attrs = s.options.visible_attributes
    if s.rollup_rows and "parent" not in attrs:
        attrs = (*attrs, "parent")
    first = 1 + len(attrs)  # 0-based first product column
    n = s.n_cols
    first_count = first + n
    last_col = first_count + len(COUNT_KEYS)
    center = {"align": "center", "valign": "vcenter"}
    f_title = wb.add_format({"bold": True, "font_size": 14})
    f_name = wb.add_format(_BORDER)
    f_group = wb.add_format({"bold": True, **_BORDER})
    f_site = wb.add_format({"indent": 1, **_BORDER})
    f_attr = wb.add_format({"align": "left", **_BORDER})
    f_money = wb.add_format({"num_format": "#,##0", **_BORDER})
    f_mark = {
        int(m): wb.add_format({"bg_color": "#" + MARK_FILLS[m], "bold": True, **center, **_BORDER})
        for m in Mark
    }
    f_white = wb.add_format({**center, **_BORDER})
    band_labels = [(b.name or label("no_group", lang), b.count) for b in s.bands()]
    widths, wraps = band_layout(band_labels)
    f_band = wb.add_format(
        {"bg_color": "#" + GROUP_FILL, "bold": True, **center, "text_wrap": wraps, **_BORDER}
    )
    f_head = wb.add_format(
        {"bg_color": "#" + HEADER_FILL, "bold": True, "valign": "bottom", "text_wrap": True}
        | _BORDER
    )
    f_product = wb.add_format(
        {"bg_color": "#" + HEADER_FILL, "align": "center", "valign": "bottom", "rotation": 90}
        | _BORDER
    )
    f_count = wb.add_format({**center, **_BORDER})
    f_count_bold = wb.add_format({**center, "bold": True, **_BORDER})
    f_pct = wb.add_format({**center, "num_format": "0", **_BORDER})

    ws.set_column(0, 0, 34)
    for k, a in enumerate(attrs):
        wide = a in ("annual_revenue", "segment", "owner", "city", "tags")
        ws.set_column(1 + k, 1 + k, 14 if wide else 10)
    for j, w in enumerate(widths):
        ws.set_column(first + j, first + j, w)
    ws.set_column(first_count, last_col, 5.5)
    _print_setup(ws, s, lang)
    band_row, header_row = BAND_ROW - 1, HEADER_ROW - 1  # 0-based
    first_row = header_row + 1
    if s.n_rows and n:
        ws.freeze_panes(first_row, first)
    ws.repeat_rows(band_row, header_row)
    ws.repeat_columns(0, 0)
    ws.activate()
    if s.rollup_rows:
        ws.outline_settings(True, False, True, False)

    ws.set_row(0, 20)
    ws.write_string(0, 0, neutralise(s.title()), f_title)
    ws.write_string(1, 0, neutralise(s.subtitle()))
    for k, (mark, glyph, text) in enumerate(legend_entries(lang)):
        if mark is None:
            ws.write_blank(2 + k, 0, None, f_white)
        else:
            ws.write_string(2 + k, 0, glyph, f_mark[int(mark)])
        ws.write_string(2 + k, 1, text)

    ws.set_row(band_row, 2 * BAND_LINE_HEIGHT + 3 if wraps else 18)
    ws.write_string(band_row, 0, label("group", lang), f_band)
    for k in range(len(attrs)):
        ws.write_blank(band_row, 1 + k, None, f_band)
    for b in s.bands():
        text = neutralise(b.name or label("no_group", lang))
        if b.count > 1:
            ws.merge_range(
                band_row, first + b.start, band_row, first + b.start + b.count - 1, text, f_band
            )
        else:
            ws.write_string(band_row, first + b.start, text, f_band)
    ws.merge_range(band_row, first_count, band_row, last_col, label("count_total", lang), f_band)

    ws.set_row(header_row, 120)
    ws.write_string(header_row, 0, label("customer", lang), f_head)
    for k, a in enumerate(attrs):
        ws.write_string(header_row, 1 + k, attribute_name(a, lang), f_head)
    for j, p in enumerate(s.products):
        ws.write_string(header_row, first + j, neutralise(p.name), f_product)
    for k, m in enumerate(COUNT_KEYS):
        ws.write_string(
            header_row, first_count + k, m.letter if m else label("white_short", lang), f_count_bold
        )
    ws.write_string(header_row, last_col, label("coverage", lang), f_product)

    letters = {int(m): m.letter for m in Mark}
    grid = s.grid
    rollups = s.rollup_rows
    for i, c in enumerate(s.customers):
        r = first_row + i
        level = s.level(i)
        if level:
            ws.set_row(r, None, None, {"level": level})
        codes = grid[i * n : (i + 1) * n]
        ws.write_string(
            r, 0, neutralise(c.name), f_group if i in rollups else f_site if level else f_name
        )
        for k, a in enumerate(attrs):
            value = s.parent_label(c) if a == "parent" else attribute_value(c, a)
            if value is not None and value != "":
                _put(ws, r, 1 + k, value, f_money if a == "annual_revenue" else f_attr)
            else:
                ws.write_blank(r, 1 + k, None, f_money if a == "annual_revenue" else f_attr)
        for j, code in enumerate(codes):
            if code != WHITE:
                ws.write_string(r, first + j, letters[code], f_mark[code])
        if i in rollups:
            rc = s.row_counts(i)
            for k, m in enumerate(COUNT_KEYS):
                ws.write_number(r, first_count + k, rc.of(m), f_count)
            ws.write_number(r, last_col, round(rc.coverage), f_pct)
        else:
            counted = s.counted_row(i)
            for k, m in enumerate(COUNT_KEYS):
                ws.write_number(r, first_count + k, counted.count(int(m) if m else WHITE), f_count)
            known = n - counted.count(WHITE)
            ws.write_number(r, last_col, round(100 * known / n) if n else 0, f_pct)

    totals = s.totals()
    col_counts = [s.col_counts(j) for j in range(n)]
    r = first_row + s.n_rows
    for m in COUNT_KEYS:
        text = f"{m.letter} – {mark_name(m, lang)}" if m else label("white", lang)
        ws.write_string(r, 0, text, f_count_bold)
        for k in range(len(attrs)):
            ws.write_blank(r, 1 + k, None, f_count)
        for j, cc in enumerate(col_counts):
            ws.write_number(r, first + j, cc.of(m), f_count)
        for k, m2 in enumerate(COUNT_KEYS):
            if m2 == m:
                ws.write_number(r, first_count + k, totals.of(m), f_count_bold)
            else:
                ws.write_blank(r, first_count + k, None, f_count)
        ws.write_blank(r, last_col, None, f_count)
        r += 1
    ws.write_string(r, 0, label("coverage", lang), f_count_bold)
    for k in range(len(attrs)):
        ws.write_blank(r, 1 + k, None, f_count)
    for j, cc in enumerate(col_counts):
        ws.write_number(r, first + j, round(cc.coverage), f_pct)
    for k in range(len(COUNT_KEYS)):
        ws.write_blank(r, first_count + k, None, f_count)
    ws.write_number(r, last_col, round(totals.coverage), f_pct)
    ws.print_area(0, 0, r, last_col)


def _kpi(wb: Any, s: MatrixSnapshot) -> None:
    lang = s.options.lang
    ws = wb.add_worksheet(label("sheet_kpi", lang))
    f_title = wb.add_format({"bold": True, "font_size": 14})
    f_head = wb.add_format(
        {"bold": True, "bg_color": "#" + HEADER_FILL, "text_wrap": True, "valign": "bottom"}
        | _BORDER
    )
    f_text = wb.add_format(_BORDER)
    f_int = wb.add_format({"num_format": "0", **_BORDER})
    f_pct = wb.add_format({"num_format": "0.0", **_BORDER})
    f_bold = wb.add_format({"bold": True, **_BORDER})
    widths = [22, 8, 28] + [12] * 5 + [13] * 7
    for k, w in enumerate(widths):
        ws.set_column(k, k, w)
    _print_setup(ws, s, lang)
    ws.freeze_panes(4, 3)
    ws.repeat_rows(3, 3)
    ws.set_row(0, 20)
    ws.write_string(0, 0, neutralise(f"{label('kpi_title', lang)} – {s.file_name}"), f_title)
    ws.write_string(1, 0, neutralise(s.subtitle()))
    names = [mark_name(m, lang) for m in Mark] + [label("white_short", lang)]
    head = [label("group", lang), "Nr." if lang == "de" else "No.", label("product", lang)]
    head += [f"{m.letter if m else '–'} {nm}" for m, nm in zip(COUNT_KEYS, names, strict=True)]
    head += [f"% {nm}" for nm in names]
    head += [label("coverage", lang), label("competitor_occupancy", lang)]
    ws.set_row(3, 45)
    for k, h in enumerate(head):
        ws.write_string(3, k, h, f_head)

    def line(r: int, counts: Any) -> None:
        total = counts.total or 1
        installed = counts.ours + counts.competitor
        for k, m in enumerate(COUNT_KEYS):
            ws.write_number(r, 3 + k, counts.of(m), f_int)
            ws.write_number(r, 8 + k, round(100 * counts.of(m) / total, 1), f_pct)
        ws.write_number(r, 13, round(counts.coverage, 1), f_pct)
        if installed:
            ws.write_number(r, 14, round(100 * counts.competitor / installed, 1), f_pct)
        else:
            ws.write_blank(r, 14, None, f_pct)

    for j, p in enumerate(s.products):
        r = 4 + j
        ws.write_string(r, 0, neutralise(s.group_names[j] or label("no_group", lang)), f_text)
        _put(ws, r, 1, neutralise(p.number), f_text)
        ws.write_string(r, 2, neutralise(p.name), f_text)
        line(r, s.col_counts(j))
    r = 4 + s.n_cols
    ws.write_string(r, 0, label("count_total", lang), f_bold)
    line(r, s.totals())
    ws.print_area(0, 0, r, len(widths) - 1)


def _data(wb: Any, s: MatrixSnapshot) -> None:
    opts = s.options
    lang = opts.lang
    ws = wb.add_worksheet(data_sheet_name(lang))
    columns = [c for c in DATA_COLUMNS if not (opts.customer_safe and c.key in SAFE_OMITTED)]
    keys = [c.key for c in columns]
    f_head = wb.add_format({"bold": True, "text_wrap": True, "valign": "bottom"})
    f_num = wb.add_format({"num_format": "0.00"})
    f_date = wb.add_format({"num_format": "yyyy-mm-dd"})
    f_ts = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    for k, c in enumerate(columns):
        hidden = c.key.endswith("_uuid")
        ws.set_column(
            k, k, DATA_WIDTHS.get(c.key, 14), None, {"hidden": hidden, "level": 1 if hidden else 0}
        )
    ws.freeze_panes(1, 0)
    _print_setup(ws, s, lang)
    ws.repeat_rows(0, 0)
    ws.set_row(0, 30)
    for k, c in enumerate(columns):
        ws.write_string(0, k, c.header(lang), f_head)
    fmt = dict.fromkeys(keys)
    fmt.update(
        our_revenue=f_num, potential=f_num, contract_end=f_date, recheck_at=f_date, verified_at=f_ts
    )
    col = {k: i for i, k in enumerate(keys)}
    safe = opts.customer_safe
    cust = [(neutralise(c.number), neutralise(c.name), c.uuid, stored_id(c)) for c in s.customers]
    prod = [(neutralise(p.number), neutralise(p.name), p.uuid, stored_id(p)) for p in s.products]
    n = s.n_cols
    grid = s.grid
    details = s.details
    r = 1
    for i, (cnum, cname, cuuid, cid) in enumerate(cust):
        if i in s.rollup_rows:
            continue
        codes = grid[i * n : (i + 1) * n]
        for j, code in enumerate(codes):
            if code == WHITE:
                continue
            pnum, pname, puuid, pid = prod[j]
            rec = details.get((cid, pid)) or CellRecord(mark=Mark(code))
            values: dict[str, Any] = {
                "customer_number": cnum,
                "customer_name": cname,
                "customer_uuid": cuuid,
                "product_number": pnum,
                "product_name": pname,
                "product_uuid": puuid,
                "mark": Mark(code).letter,
                "no_need_reason": neutralise(rec.no_need_reason) if rec.no_need_reason else None,
                "contract_end": rec.contract_end,
                "recheck_at": rec.recheck_at,
                "verified_at": _utc_naive(rec.verified_at),
            }
            if not safe:
                values["competitor"] = (
                    neutralise(s.competitor_name(rec)) if rec.competitor_id else None
                )
                values["our_revenue"] = rec.our_revenue
                values["potential"] = rec.potential
                values["note"] = neutralise(rec.note) if rec.note else None
            for k in keys:
                v = values[k]
                if v is None or v == "":
                    continue
                _put(ws, r, col[k], v, fmt[k])
            r += 1
    ws.print_area(0, 0, r - 1, len(columns) - 1)


def _masters(wb: Any, s: MatrixSnapshot) -> None:
    lang = s.options.lang
    de = lang.startswith("de")
    by_id = {c.id: c for c in s.customers}
    product_uuid = {p.id: p.uuid for p in s.products}
    group_uuid = s.uuids.get("product_groups", {})
    competitor_uuid = s.uuids.get("competitors", {})
    note_uuid = s.uuids.get("notes", {})
    goal_uuid = s.uuids.get("goals", {})
    f_head = wb.add_format({"bold": True})
    f_num = wb.add_format({"num_format": "0.00"})
    f_date = wb.add_format({"num_format": "yyyy-mm-dd"})

    def customers() -> Any:
        for c in s.customers:
            yield {
                "uuid": c.uuid,
                "number": neutralise(c.number),
                "name": neutralise(c.name),
                "city": neutralise(c.city),
                "postcode": neutralise(c.postcode),
                "segment": neutralise(c.segment),
                "region": neutralise(c.region),
                "owner": neutralise(c.owner),
                "abc_class": c.abc_class,
                "annual_revenue": c.annual_revenue,
                "tags": neutralise(TAG_SEPARATOR.join(c.tags)),
                "active": int(c.active),
                "parent_uuid": c.parent_uuid,
                "street": neutralise(c.street),
                "phone": neutralise(c.phone),
            }

    def products() -> Any:
        for p in s.products:
            g = s.groups.get(p.group_id) if p.group_id is not None else None
            yield {
                "uuid": p.uuid,
                "number": neutralise(p.number),
                "name": neutralise(p.name),
                "group": neutralise(g.name) if g is not None else None,
                "group_order": g.sort_order if g is not None else None,
                "kind": str(p.kind),
                "sort_order": p.sort_order,
                "active": int(p.active),
                "group_uuid": group_uuid.get(p.group_id) if p.group_id is not None else None,
            }

    def trips() -> Any:
        by_uuid = {c.uuid: c for c in s.customers}
        for t in s.trips:
            stops = [x for x in t.stops if x.customer_uuid in by_uuid]
            for position, stop in enumerate(stops, 1):
                yield {
                    "trip_uuid": t.uuid,
                    "trip": neutralise(t.name),
                    "date": t.day,
                    "start": t.start.strftime("%H:%M"),
                    "travel": t.travel_minutes,
                    "position": position,
                    "customer_uuid": stop.customer_uuid,
                    "customer_name": neutralise(by_uuid[stop.customer_uuid].name),
                    "minutes": stop.minutes,
                }

    sheets: list[tuple[tuple[str, ...], Any, Any]] = [
        (CUSTOMER_SHEETS, CUSTOMER_COLUMNS, customers()),
        (PRODUCT_SHEETS, PRODUCT_COLUMNS, products()),
        (
            COMPETITOR_SHEETS,
            COMPETITOR_COLUMNS,
            (
                {"name": neutralise(name), "uuid": competitor_uuid.get(cid)}
                for cid, name in sorted(s.competitors.items(), key=lambda kv: kv[1])
            ),
        ),
        (
            NOTE_SHEETS,
            NOTE_COLUMNS,
            (
                {
                    "customer_uuid": by_id[x.customer_id].uuid,
                    "customer_name": neutralise(by_id[x.customer_id].name),
                    "date": x.note_date,
                    "text": neutralise(x.text),
                    "uuid": note_uuid.get(stored_id(x)),
                }
                for x in s.notes
            ),
        ),
        (
            GOAL_SHEETS,
            GOAL_COLUMNS,
            (
                {
                    "customer_uuid": by_id[g.customer_id].uuid,
                    "customer_name": neutralise(by_id[g.customer_id].name),
                    "title": neutralise(g.title),
                    "detail": neutralise(g.detail),
                    "due_date": g.due_date,
                    "status": str(g.status),
                    "sort_order": g.sort_order,
                    "products": TAG_SEPARATOR.join(
                        product_uuid[p] for p in g.product_ids if p in product_uuid
                    ),
                    "uuid": goal_uuid.get(stored_id(g)),
                }
                for g in s.goals
            ),
        ),
    ]
    if s.trips:
        sheets.append((TRIP_SHEETS, TRIP_COLUMNS, trips()))
    for names, columns, rows in sheets:
        ws = wb.add_worksheet(names[0 if de else 1])
        for k, c in enumerate(columns):
            ws.set_column(k, k, 30 if c.key == "name" else 16)
        ws.freeze_panes(1, 0)
        for k, c in enumerate(columns):
            ws.write_string(0, k, c.header(lang), f_head)
        for r, row in enumerate(rows, 1):
            for k, c in enumerate(columns):
                v = row.get(c.key)
                if v is None or v == "":
                    continue
                _put(
                    ws,
                    r,
                    k,
                    v,
                    f_num if isinstance(v, float) else f_date if isinstance(v, date) else None,
                )


def _style(c: Any) -> tuple[Any, ...]:
    """A cell's look, with the defaults each library leaves implicit made explicit."""
    a = c.alignment
    horizontal = a.horizontal or ("left" if a.indent else None)
    fill = c.fill.fgColor.rgb[-6:] if c.fill.fill_type else None  # alpha differs
    return (
        c.number_format,
        bool(c.font.b),
        c.font.sz or 11,
        fill,
        horizontal,
        a.vertical or "bottom",
        a.text_rotation,
        bool(a.wrap_text),
        a.indent,
        c.border.left.style,
    )


def differences(ours: Path, baseline: Path, limit: int = 10) -> list[str]:
    """What differs between two workbooks: sheets, every cell's value and look, row heights
    (xlsxwriter rounds them to pixels: 0.5 pt allowed), merged ranges, frozen panes, print
    areas and titles, page setup, header and footer. Empty = the same workbook."""
    import openpyxl

    a, b = openpyxl.load_workbook(ours), openpyxl.load_workbook(baseline)
    out: list[str] = []
    if a.sheetnames != b.sheetnames:
        return [f"sheets {a.sheetnames} != {b.sheetnames}"]
    for name in a.sheetnames:
        x, y = a[name], b[name]

        def sheet_facts(ws: Any) -> tuple[Any, ...]:
            ps = ws.page_setup
            fit = ws.sheet_properties.pageSetUpPr
            return (
                ws.max_row,
                ws.max_column,
                ws.freeze_panes,
                ws.print_area,
                ws.print_title_rows,
                ws.print_title_cols,
                sorted(map(str, ws.merged_cells.ranges)),
                (ps.orientation, ps.paperSize, ps.fitToWidth or 1, ps.fitToHeight),
                bool(fit and fit.fitToPage),
                bool(ws.print_options.gridLines),
                ws.oddHeader.left.text,
                ws.oddHeader.right.text,
                ws.oddFooter.left.text,
                ws.oddFooter.center.text,
            )

        if sheet_facts(x) != sheet_facts(y):
            out.append(f"{name}: {sheet_facts(x)} != {sheet_facts(y)}")
        n_rows, n_cols = x.max_row, x.max_column  # properties that scan every cell
        for r in range(1, n_rows + 1):
            hx, hy = x.row_dimensions[r].height, y.row_dimensions[r].height
            if (hx is None) != (hy is None) or (hx and hy and abs(hx - hy) > 0.5):
                out.append(f"{name} row {r} height {hx} != {hy}")
            for k in range(1, n_cols + 1):
                cx, cy = x.cell(r, k), y.cell(r, k)
                if cx.value != cy.value or (cx.value is not None and _style(cx) != _style(cy)):
                    out.append(
                        f"{name}!{cx.coordinate}: {cx.value!r} {_style(cx)} != "
                        f"{cy.value!r} {_style(cy)}"
                    )
            if len(out) >= limit:
                return out
    return out
