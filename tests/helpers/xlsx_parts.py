"""Hand-made XLSX packages for reader tests: the parts the way Excel writes them."""

from __future__ import annotations

import zipfile
from pathlib import Path

_T = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"


def shared_strings_xlsx(path: Path, sheets: dict[str, str], shared: list[str]) -> None:
    """A workbook the way Excel writes it: shared strings, a styles part with date formats
    (style 1: yyyy-mm-dd, 2: dd.mm.yyyy hh:mm, 3: hh:mm), each sheet's ``<sheetData>`` body
    as given (``{p}`` stands for the element prefix; the sheets use the prefix "x:")."""
    names = list(sheets)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            f'<Types xmlns="{_CT}"><Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
            f'Type="{_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        sheet_els = "".join(
            f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, n in enumerate(names)
        )
        z.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{_T}" xmlns:r="{_R}"><sheets>{sheet_els}</sheets></workbook>',
        )
        rels = "".join(
            f'<Relationship Id="rId{i + 1}" Type="{_R}/worksheet" '
            f'Target="worksheets/sheet{i + 1}.xml"/>'
            for i in range(len(names))
        )
        n = len(names)
        rels += (
            f'<Relationship Id="rId{n + 1}" Type="{_R}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId{n + 2}" Type="{_R}/styles" Target="styles.xml"/>'
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{_PKG}">{rels}</Relationships>'
        )
        z.writestr(
            "xl/styles.xml",
            f'<styleSheet xmlns="{_T}"><numFmts count="2">'
            '<numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>'
            '<numFmt numFmtId="165" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts>'
            '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>'
            '<xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="20" applyNumberFormat="1"/>'
            "</cellXfs></styleSheet>",
        )
        z.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="{_T}" count="{len(shared)}">' + "".join(shared) + "</sst>",
        )
        for i, body in enumerate(sheets.values()):
            z.writestr(
                f"xl/worksheets/sheet{i + 1}.xml",
                f'<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="{_T}">'
                f'<x:dimension ref="A1:F9"/><x:sheetData>{body.format(p="x:")}</x:sheetData>'
                "</x:worksheet>",
            )
