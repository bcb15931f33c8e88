"""Generates a corpus of damaged and odd workbooks (issue 15 item 10), no downloads.

    python -m tests.import_export.odd_workbooks OUT_DIR    # writes every file, prints a list

Each ``Case`` names a file, how to build it, the import kind to try and what must happen:
``message`` (a fragment of the one translated line, exit code 2) or ``None`` (the file
imports). Workbooks are written with openpyxl or as raw ZIP parts, so every odd detail
(Strict namespaces, a wrong CRC, a giant dimension record) is exactly what real files carry.
"""

from __future__ import annotations

import struct
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl

_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_T = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_STRICT_T = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_STRICT_R = "http://purl.oclc.org/ooxml/officeDocument/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'

ROWS = [["Kundennummer", "Firma", "Ort"], ["4711", "Odd Workbook AG", "Bonn"]]


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], None]
    kind: str = "customers"
    message: str | None = None  # None: the file imports (exit 0)
    stdout: str | None = None  # a fragment the successful import prints


def _inline_row(r: int, values: list[str]) -> str:
    cells = "".join(
        f'<c r="{chr(65 + i)}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
        for i, v in enumerate(values)
    )
    return f'<row r="{r}">{cells}</row>'


def _raw_workbook(
    path: Path,
    *,
    strict: bool = False,
    dimension: str | None = None,
    rows: list[list[str]] = ROWS,
    compression: int = zipfile.ZIP_DEFLATED,
) -> None:
    """A workbook written part by part: inline strings only (no sharedStrings.xml)."""
    ns, rel = (_STRICT_T, _STRICT_R) if strict else (_T, _R)
    rel_type = (
        "http://purl.oclc.org/ooxml/officeDocument/relationships"
        if strict
        else "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    )
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    data = "".join(_inline_row(i + 1, r) for i, r in enumerate(rows))
    parts = {
        "[Content_Types].xml": (
            f'{_HEAD}<Types xmlns="{_CT}"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'{_HEAD}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
            f'Type="{rel_type}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'{_HEAD}<workbook xmlns="{ns}" xmlns:r="{rel}"'
            + (' conformance="strict"' if strict else "")
            + '><sheets><sheet name="Kunden" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{_HEAD}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
            f'Type="{rel_type}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'{_HEAD}<worksheet xmlns="{ns}">{dim}<sheetData>{data}</sheetData></worksheet>'
        ),
    }
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, text in parts.items():
            z.writestr(name, text)


def _openpyxl_book(path: Path, rows: list[list[object]] = ROWS) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kunden"
    for r in rows:
        ws.append(r)
    wb.save(path)


def bad_crc(path: Path) -> None:
    """A stored (uncompressed) sheet part with one byte changed: its CRC no longer fits."""
    _raw_workbook(path, compression=zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    at = data.find(b"Odd Workbook AG")
    data[at] ^= 0x01  # "Ndd Workbook AG" with the old CRC
    path.write_bytes(bytes(data))


def strict(path: Path) -> None:
    _raw_workbook(path, strict=True)


def strict_matrix(path: Path) -> None:
    """A Strict Open XML matrix sheet whose marks would be colours (no letters)."""
    _raw_workbook(path, strict=True, rows=[["Kunde", "Pumpen", "Ventile"], ["Odd AG", "", ""]])


def no_shared_strings(path: Path) -> None:
    _raw_workbook(path)


def odd_dimension(path: Path) -> None:
    """A dimension record claiming the whole sheet (A1:XFD1048576) over two real rows."""
    _raw_workbook(path, dimension="A1:XFD1048576")


def wrong_dimension(path: Path) -> None:
    """A dimension record smaller than the data (A1:A1): the data must still be read."""
    _raw_workbook(path, dimension="A1")


def chart_active(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kunden"
    for r in ROWS:
        ws.append(r)
    wb.create_chartsheet("Diagramm", 0)
    wb.active = 0
    wb.save(path)


def empty(path: Path) -> None:
    openpyxl.Workbook().save(path)


def errors_only(path: Path) -> None:
    _openpyxl_book(path, [["#REF!", "#DIV/0!"], ["#N/A", "#VALUE!"]])


def truncated(path: Path) -> None:
    _openpyxl_book(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def broken_sheet_xml(path: Path) -> None:
    """Well-formed ZIP, but the sheet XML stops in the middle of a tag."""
    _raw_workbook(path)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"][:-60]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def fake_xls(path: Path) -> None:
    """OLE magic and a 'Workbook' stream name, but no valid BIFF records."""
    head = bytes.fromhex("D0CF11E0A1B11AE1")
    path.write_bytes(head + b"\x00" * 504 + "Workbook".encode("utf-16-le") + b"\x00" * 2048)


# -- a real Excel 97-2003 workbook, written by hand: BIFF8 records in a compound file --------
def _rec(rtype, data=b""):
    return struct.pack("<HH", rtype, len(data)) + data


def _xlstr(s):  # XLUnicodeString, uncompressed UTF-16
    return struct.pack("<HB", len(s), 1) + s.encode("utf-16-le")


def _short_str(s):
    return struct.pack("<BB", len(s), 1) + s.encode("utf-16-le")


def _bof(dt):
    return _rec(0x0809, struct.pack("<HHHHII", 0x0600, dt, 0x0DBB, 0x07CC, 0, 0x06))


def _biff8_stream(sheet_name, rows):
    sheet = [_bof(0x0010)]
    ncols = max(len(r) for r in rows)
    sheet.append(_rec(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, ncols, 0)))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if isinstance(v, (int, float)):
                sheet.append(_rec(0x0203, struct.pack("<HHHd", r, c, 0, float(v))))
            elif v:
                sheet.append(_rec(0x0204, struct.pack("<HHH", r, c, 0) + _xlstr(v)))
    sheet.append(_rec(0x000A))
    sheet = b"".join(sheet)

    def globals_(offset):
        bs = _rec(0x0085, struct.pack("<IBB", offset, 0, 0) + _short_str(sheet_name))
        return _bof(0x0005) + _rec(0x0042, struct.pack("<H", 1200)) + bs + _rec(0x000A)

    g = globals_(0)
    g = globals_(len(g))
    return g + sheet


def _cfb(stream: bytes) -> bytes:
    S = 512
    stream = stream + b"\x00" * (max(4096, -(-len(stream) // S) * S) - len(stream))
    n = len(stream) // S
    fat = [0xFFFFFFFD, 0xFFFFFFFE] + [2 + i + 1 for i in range(n - 1)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (S // 4 - len(fat))

    def entry(name, typ, start, size, child=0xFFFFFFFF):
        nm = name.encode("utf-16-le") + b"\x00\x00"
        return (
            nm.ljust(64, b"\x00")
            + struct.pack("<HBB", len(nm), typ, 1)
            + struct.pack("<III", 0xFFFFFFFF, 0xFFFFFFFF, child)
            + b"\x00" * 16
            + struct.pack("<I", 0)
            + b"\x00" * 16
            + struct.pack("<IQ", start, size)
        )

    d = entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1) + entry("Workbook", 2, 2, len(stream))
    d += (
        b"\x00" * 64
        + struct.pack("<HBB", 0, 0, 0)
        + struct.pack("<III", 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
        + b"\x00" * 36
        + struct.pack("<IQ", 0, 0)
    ) * 2
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\x00" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\x00" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", 0xFFFFFFFF) * 108
    )
    assert len(header) == 512, len(header)
    return header + struct.pack(f"<{S // 4}I", *fat) + d + stream


def xls_values(path: Path) -> None:
    """An Excel 97-2003 (.xls) customer list: one sheet of LABEL cells."""
    path.write_bytes(_cfb(_biff8_stream("Kunden", ROWS)))


def _ods(path: Path, rows: list[list[str]]) -> None:
    def cell(v: str) -> str:
        if not v:
            return "<table:table-cell/>"
        return (
            f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'
        )

    body = "".join(
        "<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>" for r in rows
    )
    content = (
        f"{_HEAD}<office:document-content "
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Kunden">'
        f"{body}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        f'{_HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
        'manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


def ods_values(path: Path) -> None:
    _ods(path, ROWS)


def ods_colour_matrix(path: Path) -> None:
    """A matrix sheet whose marks would be fill colours: no letters in the product columns."""
    _ods(path, [["Kunde", "Pumpen", "Ventile"], ["Odd Workbook AG", "", ""]])


CASES: tuple[Case, ...] = (
    Case("bad_crc.xlsx", bad_crc, message="is damaged"),
    Case("strict.xlsx", strict, stdout="[Kunden]"),
    Case("strict_matrix.xlsx", strict_matrix, kind="matrix", message="Strict Open XML"),
    Case("no_shared_strings.xlsx", no_shared_strings, stdout="1 new"),
    Case("odd_dimension.xlsx", odd_dimension, stdout="1 new"),
    Case("wrong_dimension.xlsx", wrong_dimension, stdout="1 new"),
    Case("chart_active.xlsx", chart_active, stdout="the active sheet 'Diagramm' is a chart"),
    Case("empty.xlsx", empty, message="has no values"),
    Case("errors_only.xlsx", errors_only, message="has no values"),
    Case("truncated.xlsx", truncated, message="is damaged"),
    Case("broken_sheet_xml.xlsx", broken_sheet_xml, message="is damaged"),
    Case("fake.xls", fake_xls, message="is damaged"),
    Case("values.ods", ods_values, stdout="1 new"),
    Case("values.xls", xls_values, stdout="1 new"),
    Case(
        "colours.xls",
        lambda p: p.write_bytes(
            _cfb(_biff8_stream("Matrix", [["Kunde", "Pumpen", "Ventile"], ["Odd AG", "", ""]]))
        ),
        kind="matrix",
        message="colours can only be read from .xlsx",
    ),
    Case(
        "colours.ods",
        ods_colour_matrix,
        kind="matrix",
        message="colours can only be read from .xlsx: save it as .xlsx, or use letters",
    ),
)


def generate(directory: Path) -> dict[str, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    out = {}
    for case in CASES:
        path = directory / case.name
        case.build(path)
        out[case.name] = path
    return out


if __name__ == "__main__":
    for name, path in generate(Path(sys.argv[1] if len(sys.argv) > 1 else "odd")).items():
        print(f"{name}\t{path.stat().st_size} bytes")
