"""The hostile-input corpus of the import tests (issue 15): files that must be refused with one
line (``FATAL``: name, file name, kind, writer, message, extra arguments) and files that import
with a problem line (``PARTIAL``). Used by tests/import_export/test_hostile.py and
bench/bench_import.py."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.styles import PatternFill

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def xlsx_bytes(rows: list[list[object]] | None = None) -> bytes:
    wb = openpyxl.Workbook()
    for r in rows or [["Kunde", "Servomotoren"], ["Müller Maschinenbau GmbH", "X"]]:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _replace_member(data: bytes, name: str, content: bytes | Callable[[zipfile.ZipFile], None]):
    """A copy of an XLSX with one member replaced (or written by a callback)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == name:
                continue
            dst.writestr(info, src.read(info.filename))
        if callable(content):
            content(dst)
        else:
            dst.writestr(name, content)
    return out.getvalue()


_BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    b"</sheetData></worksheet>"
)
_XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>'
)


def _zip_bomb(dst: zipfile.ZipFile) -> None:
    # 64 MB of the same byte compresses ~1000x: a decompression bomb in miniature.
    with dst.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
        chunk = b" " * (1 << 20)
        for _ in range(64):
            fh.write(chunk)


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for k, v in members.items():
            z.writestr(k, v)
    return out.getvalue()


def _wide_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["Kunde", *(f"P{i}" for i in range(10_000))])
    wb.save(path)


def _wide_data_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Daten")
    ws.append(["Kunde", "Produkt", "Markierung", *(f"P{i}" for i in range(10_000))])
    wb.save(path)


def _formula_xlsx(path: Path) -> None:
    path.write_bytes(
        xlsx_bytes([["Kunde", "Umsatz", "Servomotoren"], ["Müller Maschinenbau GmbH", 1, "=B2*2"]])
    )


def _big_cell_xlsx(path: Path) -> None:
    path.write_bytes(xlsx_bytes([["Kunde", "Ort"], ["Neu GmbH", "x" * 1_000_000]]))


def _fills_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kunde", "Servomotoren", "Getriebe"])
    ws.append(["Müller Maschinenbau GmbH", None, None])
    ws["B2"].fill = PatternFill("solid", fgColor="FF0070C0")  # blue: no meaning
    ws["C2"].fill = PatternFill("solid", fgColor="FFFFFF00")  # yellow: no meaning
    wb.save(path)


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as fh:
        fh.truncate(size)


# (id, file name, kind, writer(path), expected message fragment, extra args)
FATAL: list[tuple[str, str, str, Callable[[Path], None], str, list[str]]] = [
    ("empty", "leer.csv", "sales", lambda p: p.write_bytes(b""), "is empty", []),
    (
        "blank-lines",
        "blank.csv",
        "sales",
        lambda p: p.write_bytes(b"\r\n \r\n\t\r\n"),
        "is empty",
        [],
    ),
    (
        "only-separators",
        "sep.csv",
        "sales",
        lambda p: p.write_bytes(b";;;\n;;;\n"),
        "no data rows",
        [],
    ),
    (
        "pdf-as-csv",
        "liste.csv",
        "sales",
        lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj"),
        "a PDF document",
        [],
    ),
    (
        "png-as-xlsx",
        "bild.xlsx",
        "matrix",
        lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100)),
        "a PNG image",
        [],
    ),
    (
        "sqlite-as-source",
        "other.xlsx",
        "kpm",
        lambda p: p.write_bytes(b"SQLite format 3\x00" + bytes(200)),
        "an SQLite database",
        [],
    ),
    (
        "exe-as-csv",
        "setup.csv",
        "customers",
        lambda p: p.write_bytes(b"MZ\x90\x00" + bytes(300)),
        "a Windows program",
        [],
    ),
    (
        "binary-nuls",
        "daten.csv",
        "sales",
        lambda p: p.write_bytes(bytes(range(256)) * 20),
        "binary data",
        [],
    ),
    (
        "mixed-encodings",
        "mix.csv",
        "customers",
        lambda p: p.write_bytes(
            "Kunde;Ort\nMüller;Köln\n".encode() + "Schäfer;Düsseldorf\n".encode("cp1252")
        ),
        "mixes text encodings (line 2 is UTF-8, line 3 is not)",
        [],
    ),
    (
        "xls-legacy",
        "alt.xls",
        "matrix",
        # An .xls is read by python-calamine now; this one has no valid records.
        lambda p: p.write_bytes(OLE + bytes(500) + "Workbook".encode("utf-16-le") + bytes(500)),
        "alt.xls is damaged or not a valid Excel workbook",
        [],
    ),
    (
        "xlsx-password",
        "geheim.xlsx",
        "matrix",
        lambda p: p.write_bytes(
            OLE
            + bytes(500)
            + "EncryptionInfo".encode("utf-16-le")
            + "EncryptedPackage".encode("utf-16-le")
            + bytes(500)
        ),
        "password-protected",
        [],
    ),
    (
        "zip-bomb",
        "bomb.xlsx",
        "matrix",
        lambda p: p.write_bytes(
            _replace_member(xlsx_bytes(), "xl/worksheets/sheet1.xml", _zip_bomb)
        ),
        "would expand to more than",
        [],
    ),
    (
        "entity-bomb-sheet",
        "lol.xlsx",
        "matrix",
        lambda p: p.write_bytes(
            _replace_member(xlsx_bytes(), "xl/worksheets/sheet1.xml", _BILLION_LAUGHS)
        ),
        "entity or DTD",
        [],
    ),
    # The same attacks on sheets read for values only (python-calamine path).
    (
        "entity-bomb-values",
        "lol2.xlsx",
        "sales",
        lambda p: p.write_bytes(
            _replace_member(xlsx_bytes(), "xl/worksheets/sheet1.xml", _BILLION_LAUGHS)
        ),
        "entity or DTD",
        [],
    ),
    ("10000-columns-values", "breit2.xlsx", "customers", _wide_xlsx, "more than 4096 columns", []),
    (
        "zip-bomb-values",
        "bomb2.xlsx",
        "customers",
        lambda p: p.write_bytes(
            _replace_member(xlsx_bytes(), "xl/worksheets/sheet1.xml", _zip_bomb)
        ),
        "would expand to more than",
        [],
    ),
    # And on a KPM export, whose sheets are streamed row by row (xlsx_stream): the
    # ratio and DTD checks apply to every part, sheets included.
    (
        "zip-bomb-kpm",
        "bomb3.xlsx",
        "kpm",
        lambda p: p.write_bytes(
            _replace_member(xlsx_bytes(), "xl/worksheets/sheet1.xml", _zip_bomb)
        ),
        "would expand to more than",
        [],
    ),
    (
        "entity-bomb-kpm",
        "lol3.xlsx",
        "kpm",
        lambda p: p.write_bytes(
            _replace_member(xlsx_bytes(), "xl/worksheets/sheet1.xml", _BILLION_LAUGHS)
        ),
        "entity or DTD",
        [],
    ),
    (
        "xxe-workbook-kpm",
        "xxe2.xlsx",
        "kpm",
        lambda p: p.write_bytes(_replace_member(xlsx_bytes(), "xl/workbook.xml", _XXE)),
        "entity or DTD",
        [],
    ),
    ("10000-columns-kpm", "breit3.xlsx", "kpm", _wide_data_xlsx, "more than 4096 columns", []),
    (
        "xxe-workbook",
        "xxe.xlsx",
        "matrix",
        lambda p: p.write_bytes(_replace_member(xlsx_bytes(), "xl/workbook.xml", _XXE)),
        "entity or DTD",
        [],
    ),
    (
        "truncated-xlsx",
        "kaputt.xlsx",
        "matrix",
        lambda p: p.write_bytes(xlsx_bytes()[:1500]),
        "not a valid Excel workbook",
        [],
    ),
    (
        "docx-as-xlsx",
        "brief.xlsx",
        "customers",
        lambda p: p.write_bytes(_zip({"word/document.xml": b"<w/>"})),
        "a Word document",
        [],
    ),
    (
        "ods",
        "tabelle.xlsx",
        "customers",
        lambda p: p.write_bytes(
            _zip(
                {
                    "content.xml": b"<x/>",
                    "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                }
            )
        ),
        "tabelle.xlsx is damaged or not a valid Excel workbook",  # .ods are read; this one is broken
        [],
    ),
    (
        "plain-zip",
        "archiv.csv",
        "sales",
        lambda p: p.write_bytes(_zip({"a.txt": b"hallo"})),
        "a ZIP archive",
        [],
    ),
    (
        "workbook-missing-sheet-part",
        "leer.xlsx",
        "matrix",
        lambda p: p.write_bytes(
            _zip({"xl/workbook.xml": b"<workbook/>", "[Content_Types].xml": b"<Types/>"})
        ),
        "not a valid Excel workbook",
        [],
    ),
    (
        "million-rows",
        "riesig.csv",
        "sales",
        lambda p: p.write_bytes(b"Kunde;Produkt\n" + b"A;B\n" * 1_000_000),
        "more than 200,000 rows",  # grouped as the window shows it
        [],
    ),
    (
        "10000-columns-csv",
        "breit.csv",
        "matrix",
        lambda p: p.write_bytes(b";".join(b"P%d" % i for i in range(10_000)) + b"\n"),
        "more than 4096 columns",
        [],
    ),
    ("10000-columns-xlsx", "breit.xlsx", "matrix", _wide_xlsx, "more than 4096 columns", []),
    (
        "1mb-cell-csv",
        "zelle.csv",
        "customers",
        lambda p: p.write_bytes(b"Kunde;Ort\nA;" + b"x" * 1_000_000 + b"\n"),
        "row 2: a cell is larger than 131,072",
        [],
    ),
    (
        "huge-file",
        "gross.csv",
        "sales",
        lambda p: _sparse(p, 65 * 1024 * 1024),
        "larger than 64 MB",
        [],
    ),
    (
        "missing-sheet",
        "m.xlsx",
        "matrix",
        lambda p: p.write_bytes(xlsx_bytes()),
        "no sheet named 'Nope'",
        ["--sheet", "Nope"],
    ),
    (
        "no-data-sheet",
        "export.xlsx",
        "kpm",
        lambda p: p.write_bytes(xlsx_bytes()),
        "has no 'Daten' / 'Data' sheet",
        [],
    ),
    (
        "no-name-column",
        "kunden.csv",
        "customers",
        lambda p: p.write_bytes(b"Foo;Bar\n1;2\n"),
        "no column for the customer name; choose one with --map customer_name=COLUMN",
        [],
    ),
    ("directory", "ordner.csv", "sales", lambda p: p.mkdir(), "cannot be read", []),
    ("missing-file", "fehlt.csv", "sales", lambda p: None, "file not found", []),
]

# Bad in places: the preview names the row/cell; run as a dry run.
PARTIAL: list[tuple[str, str, str, Callable[[Path], None], str]] = [
    (
        "ragged-rows",
        "ragged.csv",
        "sales",
        lambda p: p.write_bytes(b"Kunde;Produkt\nA;B;C;D\nE\n"),
        "row has 4 cells but the header has 2",
    ),
    (
        "formula-csv",
        "f.csv",
        "customers",
        lambda p: p.write_bytes(b'Kunde;Ort\n"=HYPERLINK(""http://x"")";Bonn\n'),
        "formula not imported",
    ),
    ("formula-xlsx", "f.xlsx", "matrix", _formula_xlsx, "formula not imported (=B2*2)"),
    (
        "1mb-cell-xlsx",
        "z.xlsx",
        "customers",
        _big_cell_xlsx,
        "text longer than 32000 characters ignored",
    ),
    ("unknown-fills", "farben.xlsx", "matrix", _fills_xlsx, "fill colour #0070C0 has no meaning"),
    (
        "bad-letters",
        "buchstaben.csv",
        "matrix",
        lambda p: p.write_bytes(
            b"Kunde;Servomotoren;Getriebe\nM\xc3\xbcller Maschinenbau GmbH;Q;X\n"
        ),
        "'Q' is not a mark",
    ),
    (
        "bad-numbers-dates",
        "u.csv",
        "sales",
        lambda p: p.write_bytes(b"Kunde;Produkt;Umsatz;Datum\nA;B;zwoelf;32.13.2026\n"),
        "is not a number",
    ),
]
