"""Print an exported XLSX workbook the way LibreOffice does and check the pages.

    python tools/xlsx_print_check.py WORKBOOK.xlsx [...] [--png DIR] [--dpi 70]

Each workbook is converted to PDF with LibreOffice headless (``soffice --headless
--convert-to pdf``: every sheet, with its print area, page setup and print titles, as a
user's "print the whole workbook" would), then checked with poppler's ``pdftotext``:

- no ``###`` anywhere: a number or date column too narrow for its values;
- every product-group label in the matrix sheet's group band is printed complete and
  within its columns (LibreOffice writes a label that does not fit in full and clips it on
  the page, so the check compares each label's printed extent with the columns under it,
  found from the rotated product names).

With ``--png`` the pages are also rendered to PNG (``pdftoppm``) for looking at them.
Exit code 0 = all pages fine, 1 = problems (listed), 2 = LibreOffice or poppler missing.
Needs ``soffice`` (Debian: ``libreoffice-calc-nogui``) and ``pdftotext``/``pdftoppm``
(``poppler-utils``).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
_PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)


@dataclass
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def rotated(self) -> bool:
        return (self.y1 - self.y0) > 2 * (self.x1 - self.x0) and len(self.text) > 2

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass
class Report:
    workbook: Path
    pdf: Path
    pages: int = 0
    problems: list[str] = field(default_factory=list)
    pngs: list[Path] = field(default_factory=list)


def tools_missing() -> list[str]:
    return [t for t in ("soffice", "pdftotext", "pdftoppm") if shutil.which(t) is None]


def to_pdf(workbooks: list[Path], out_dir: Path) -> list[Path]:
    """Convert with one LibreOffice run (its own throw-away profile)."""
    profile = Path(tempfile.mkdtemp(prefix="kpm-lo-profile-"))
    try:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                *map(str, workbooks),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdfs = [out_dir / (w.stem + ".pdf") for w in workbooks]
    for pdf in pdfs:
        if not pdf.is_file():
            raise RuntimeError(f"LibreOffice wrote no {pdf.name}")
    return pdfs


def _text(pdf: Path, *args: str) -> str:
    return subprocess.run(
        ["pdftotext", *args, str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def page_words(pdf: Path, page: int) -> list[Word]:
    html = _text(pdf, "-bbox", "-f", str(page), "-l", str(page))
    pages = _PAGE.findall(html)
    body = pages[0] if pages else ""
    return [
        Word(float(a), float(b), float(c), float(d), _unescape(t))
        for a, b, c, d, t in _WORD.findall(body)
    ]


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    )


def matrix_bands(workbook: Path) -> tuple[list[tuple[str, int, int]], list[str]]:
    """The matrix sheet's group bands (label, first product index, count) and product names."""
    from openpyxl import load_workbook

    from kpm_desktop.import_export.xlsx_export import BAND_ROW, HEADER_ROW

    wb = load_workbook(workbook, read_only=False)
    try:
        ws = wb.worksheets[0]
        header = [c.value for c in ws[HEADER_ROW]]
        rotated = [k for k, c in enumerate(ws[HEADER_ROW]) if c.alignment.text_rotation == 90]
        products = rotated[:-1]  # the last rotated header is the coverage column
        first = products[0] if products else 0
        names = [str(header[k]) for k in products]
        merged = {r.min_col - 1: r.max_col - r.min_col + 1 for r in ws.merged_cells.ranges
                  if r.min_row == BAND_ROW}  # fmt: skip
        bands: list[tuple[str, int, int]] = []
        band_row = [c.value for c in ws[BAND_ROW]]
        k = first
        while k < first + len(products):
            count = merged.get(k, 1)
            bands.append((str(band_row[k] or ""), k - first, count))
            k += count
        return bands, names
    finally:
        wb.close()


def check_bands(pdf: Path, workbook: Path) -> list[str]:
    """Each group label complete and inside its columns on the matrix's first page."""
    bands, names = matrix_bands(workbook)
    if not names:
        return []
    words = page_words(pdf, 1)
    rotated = sorted((w for w in words if w.rotated), key=lambda w: w.cx)
    columns: list[list[Word]] = []
    for w in rotated:
        if columns and abs(columns[-1][0].cx - w.cx) < 2.0:
            columns[-1].append(w)
        else:
            columns.append([w])
    if len(columns) < len(names):
        return [f"{pdf.name}: found {len(columns)} product columns, expected {len(names)}"]
    columns = columns[: len(names)]
    for k, (col, name) in enumerate(zip(columns, names, strict=True)):
        printed = " ".join(w.text for w in sorted(col, key=lambda w: -w.y1))
        if printed.split() != name.split():
            return [f"{pdf.name}: product column {k + 1} reads {printed!r}, expected {name!r}"]
    centers = [sum(w.cx for w in col) / len(col) for col in columns]
    header_top = min(w.y0 for col in columns for w in col)

    def edge(k: int, side: int) -> float:
        other = k + side
        if 0 <= other < len(centers):
            return (centers[k] + centers[other]) / 2
        near = k - side
        half = abs(centers[k] - centers[near]) / 2 if 0 <= near < len(centers) else 8.0
        return centers[k] + side * half

    flat = [w for w in words if not w.rotated and w.cy < header_top]
    problems: list[str] = []
    for text, start, count in bands:
        left, right = edge(start, -1), edge(start + count - 1, +1)
        # The band's words: the last lines above the product names within its columns.
        mine = [w for w in flat if left <= w.cx <= right and w.y1 > header_top - 45]
        printed = " ".join(w.text for w in sorted(mine, key=lambda w: (round(w.y0), w.x0)))
        if printed.split() != text.split():
            problems.append(f"{pdf.name}: group band {text!r} printed as {printed!r}")
            continue
        x0, x1 = min(w.x0 for w in mine), max(w.x1 for w in mine)
        if x0 < left - 0.5 or x1 > right + 0.5:
            problems.append(
                f"{pdf.name}: group band {text!r} is cut: its text spans "
                f"{x0:.1f}-{x1:.1f} pt, its columns {left:.1f}-{right:.1f} pt"
            )
    return problems


def check(
    workbooks: list[Path],
    png_dir: Path | None = None,
    dpi: int = 70,
    out_dir: Path | None = None,
) -> list[Report]:
    """Print ``workbooks`` to PDF (into ``out_dir``, default a new temporary folder) and
    check their pages."""
    missing = tools_missing()
    if missing:
        raise FileNotFoundError("missing: " + ", ".join(missing))
    if out_dir is None:
        out_dir = Path(tempfile.mkdtemp(prefix="kpm-print-check-"))
    reports: list[Report] = []
    pdfs = to_pdf(workbooks, out_dir)
    for workbook, pdf in zip(workbooks, pdfs, strict=True):
        report = Report(workbook, pdf)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        m = re.search(r"^Pages:\s+(\d+)", info, re.M)
        report.pages = int(m.group(1)) if m else 0
        text = _text(pdf, "-layout")
        for number, page in enumerate(text.split("\f"), 1):
            if "###" in page:
                report.problems.append(
                    f"{pdf.name}: page {number} shows '###' {page.count('###')} times "
                    "(a column too narrow for its numbers or dates)"
                )
        report.problems += check_bands(pdf, workbook)
        if png_dir is not None:
            png_dir.mkdir(parents=True, exist_ok=True)
            prefix = png_dir / workbook.stem
            subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True)
            report.pngs = sorted(png_dir.glob(f"{workbook.stem}-*.png"))
        reports.append(report)
    return reports


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workbooks", type=Path, nargs="+")
    parser.add_argument("--png", type=Path, help="also render every page to PNG here")
    parser.add_argument("--dpi", type=int, default=70)
    args = parser.parse_args()
    try:
        reports = check(args.workbooks, args.png, args.dpi)
    except FileNotFoundError as exc:
        print(f"xlsx_print_check: {exc}", file=sys.stderr)
        return 2
    bad = 0
    for r in reports:
        print(f"{r.workbook}: {r.pages} pages, {len(r.problems)} problems ({r.pdf})")
        for p in r.problems:
            print(f"  {p}")
        bad += bool(r.problems)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
