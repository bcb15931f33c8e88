"""The streaming sheet reader (issue 15, item 15): the same values as python-calamine,
one row at a time, for the shapes real writers produce."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from kpm_desktop.import_export import xlsx_stream
from kpm_desktop.import_export.apply import apply_plan
from kpm_desktop.import_export.plans import Target, build_plan, read_source
from kpm_desktop.import_export.tables import read_table
from kpm_desktop.import_export.xlsx_reader import read_values_stream
from kpm_desktop.storage.repository import Repository
from tests.helpers.xlsx_parts import shared_strings_xlsx

SHARED = [
    "<si><t>Kunde</t></si>",
    "<si><t>Produkt</t></si>",
    "<si><t>Markierung</t></si>",
    '<si><r><rPr><b/></rPr><t xml:space="preserve">Müller </t></r><r><t>&amp; Co.</t></r></si>',
    '<si><t>Line_x000D_\nbreak</t><rPh sb="0" eb="1"><t>ﾐ</t></rPh></si>',
    "<si><t/></si>",
    "<si><t>X</t></si>",
]
BODY = (
    '<{p}row r="1"><{p}c r="A1" t="s"><{p}v>0</{p}v></{p}c><{p}c r="B1" t="s"><{p}v>1</{p}v>'
    '</{p}c><{p}c r="C1" t="s"><{p}v>2</{p}v></{p}c><{p}c r="D1" t="inlineStr"><{p}is>'
    "<{p}t>Datum</{p}t></{p}is></{p}c></{p}row>"
    '<{p}row r="2" spans="1:6"><{p}c r="A2" t="s"><{p}v>3</{p}v></{p}c>'
    '<{p}c r="B2" t="s"><{p}v>4</{p}v></{p}c><{p}c r="C2" t="s"><{p}v>6</{p}v></{p}c>'
    '<{p}c r="D2" s="1"><{p}v>46023</{p}v></{p}c><{p}c r="E2" s="2"><{p}v>46023.5</{p}v></{p}c>'
    '<{p}c r="F2" s="3"><{p}v>0.25</{p}v></{p}c></{p}row>'
    # Row 3 empty (self-closing); row 4: attributes in another order, a formula, a boolean,
    # an error.
    '<{p}row r="3" customHeight="1"/><{p}row r="4"><{p}c t="str" r="A4"><{p}f>B4&amp;"x"</{p}f><{p}v>a&lt;b&gt;</{p}v></{p}c>'
    '<{p}c r="B4" t="b"><{p}v>1</{p}v></{p}c><{p}c r="C4" t="e"><{p}v>#N/A</{p}v></{p}c>'
    '<{p}c r="D4"><{p}v>4711</{p}v></{p}c><{p}c r="E4" t="s"><{p}v>5</{p}v></{p}c>'
    '<{p}c r="F4" s="0" t="inlineStr"><{p}is><{p}r><{p}t>rich</{p}t></{p}r><{p}r><{p}t xml:space="preserve">'
    " text&#x21;</{p}t></{p}r></{p}is></{p}c></{p}row>"
    # Cells without a reference follow each other; an empty row; a self-closing cell.
    '<{p}row r="5"><{p}c t="inlineStr"><{p}is><{p}t>ohne</{p}t></{p}is></{p}c>'
    '<{p}c><{p}v>-1.5E-3</{p}v></{p}c><{p}c r="E5" s="1"/></{p}row><{p}row r="6"/>'
    '<{p}row r="7" spans="1:2">\n  <{p}c r="B7"><{p}v>7</{p}v></{p}c>\n</{p}row>'
)


def calamine_rows(path: Path, sheet: str) -> list[list[object]]:
    wb = CalamineWorkbook.from_path(str(path))
    try:
        rows = wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    finally:
        wb.close()
    return [[None if v == "" else v for v in r] for r in rows]


def _trimmed(rows: list[list[object]]) -> list[list[object]]:
    out = []
    for r in rows:
        r = list(r)
        while r and r[-1] is None:
            r.pop()
        out.append(r)
    while out and not out[-1]:
        out.pop()
    return out


def test_stream_reads_what_calamine_reads(tmp_path: Path) -> None:
    path = tmp_path / "excel.xlsx"
    shared_strings_xlsx(path, {"Daten": BODY}, SHARED)
    table = read_values_stream(path, sheet="Daten")
    assert table.stream is not None and table.stream_rows == 9
    streamed = _trimmed(list(table.stream(None)))
    assert streamed == _trimmed(calamine_rows(path, "Daten"))
    assert streamed[1][:4] == ["Müller & Co.", "Line\r\nbreak", "X", date(2026, 1, 1)]
    assert streamed[1][4] == datetime(2026, 1, 1, 12, 0)
    assert streamed[2] == []  # row 3 has no cells
    assert streamed[3][:4] == ["a<b>", True, None, 4711.0]
    assert streamed[3][5] == "rich text!"
    assert streamed[4] == ["ohne", -0.0015]
    assert streamed[6] == [None, 7.0]  # a row written over several lines


def test_rows_split_across_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "excel.xlsx"
    shared_strings_xlsx(path, {"Daten": BODY * 1 + ""}, SHARED)
    whole = list(read_values_stream(path, sheet="Daten").stream(None))  # type: ignore[misc]
    monkeypatch.setattr(xlsx_stream, "_CHUNK", 37)  # every row is cut somewhere
    assert list(read_values_stream(path, sheet="Daten").stream(None)) == whole  # type: ignore[misc]


def test_kpm_export_rows_equal_calamine(demo_file: Path, tmp_path: Path) -> None:
    from kpm_desktop.cli import main

    out = tmp_path / "export.xlsx"
    assert main(["export", str(demo_file), "--xlsx", str(out), "--lang", "de"]) == 0
    for sheet in ("Daten", "Kunden", "Produkte", "Notizen", "Ziele", "Wettbewerber"):
        table = read_table(out, sheet=sheet, stream=True)
        assert table.stream is not None
        assert _trimmed(list(table.stream(None))) == _trimmed(calamine_rows(out, sheet)), sheet


def test_streamed_import_gives_the_content_of_the_calamine_import(
    demo_file: Path, tmp_path: Path
) -> None:
    """The streamed path and the whole-sheet (calamine) path rebuild the same matrix."""
    from kpm_desktop.cli import main
    from kpm_desktop.samples.synthetic import generate
    from tests.helpers.roundtrip import digest

    source = tmp_path / "s.kpm"
    generate(source, customers=500, products=50, fill=0.4, seed=1)  # size S
    out = tmp_path / "export.xlsx"
    assert main(["export", str(source), "--xlsx", str(out), "--lang", "de"]) == 0
    digests = []
    for engine in (None, "calamine"):
        data = read_source(out, "kpm", engine=engine)
        assert (data.table.stream is not None) == (engine is None)
        target = tmp_path / f"rebuilt-{engine}.kpm"
        Repository.create(target).close()
        with Repository.open(target) as repo:
            plan = build_plan(data, Target.from_repository(repo))
            assert len(plan.cells) > 9_000 and not plan.problems
            apply_plan(repo, plan, backup=None)
        digests.append(digest(target))
    assert digests[0] == digests[1] == digest(source)
