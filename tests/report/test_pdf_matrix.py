"""PDF matrix sheet and blank worksheet: page counts per paper, repeated headers, rendering."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kpm_desktop.domain.entities import Customer, Product, ProductGroup
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.import_export.export_model import (
    ExportCancelled,
    ExportOptions,
    Orientation,
    Paper,
    load_snapshot,
    snapshot_from_matrix,
)
from kpm_desktop.report.pdf_matrix import write_matrix_pdf
from tests.helpers.pdf import pdf_page_count, pdf_text, render_page

pytestmark = pytest.mark.usefixtures("qapp")


def _options(**kw) -> ExportOptions:
    return ExportOptions(attributes=("number", "city"), **kw)


@pytest.mark.parametrize(
    ("paper", "orientation", "blank", "pages"),
    [
        # A4 landscape: 190 mm high -> 33 rows of 11 pt under the 170 pt of title, band,
        # header and footer; 60 customers + 6 count lines = 66 lines -> 2 pages, 1 across.
        (Paper.A4, Orientation.LANDSCAPE, False, 2),
        # A4 portrait: 55 rows per page (2 down), but only 14 of 24 products fit (2 across).
        (Paper.A4, Orientation.PORTRAIT, False, 4),
        # A3 portrait: 400 mm high -> 87 rows, 33 products wide: everything on one page.
        (Paper.A3, Orientation.PORTRAIT, False, 1),
        # Blank worksheet: 18 pt rows, 20 rows per A4 landscape page, no count lines.
        (Paper.A4, Orientation.LANDSCAPE, True, 3),
    ],
)
def test_demo_page_counts(demo_template, tmp_path, paper, orientation, blank, pages) -> None:
    snapshot = load_snapshot(
        demo_template, _options(paper=paper, orientation=orientation), with_details=False
    )
    out = tmp_path / "m.pdf"
    assert write_matrix_pdf(snapshot, out, blank=blank) == pages
    assert pdf_page_count(out) == pages


def test_headers_repeat_and_pages_are_numbered(demo_template, tmp_path) -> None:
    snapshot = load_snapshot(demo_template, _options(), with_details=False)
    out = tmp_path / "m.pdf"
    write_matrix_pdf(snapshot, out)
    first, second = pdf_text(out, 1), pdf_text(out, 2)
    for text in (first, second):
        assert "Kunden-Produkt-Matrix" in text and "Kunde" in text
        assert "Antriebstechnik" in text and "Legende" in text
    assert snapshot.customers[0].name in first
    assert snapshot.customers[-1].name in second
    assert snapshot.customers[-1].name not in first
    assert "Seite 1 von 2" in first and "Seite 2 von 2" in second
    assert "Abdeckung %" in second  # the per-product count lines close the last page


def test_large_matrix_paginates_down_then_across(tmp_path) -> None:
    rng = random.Random(3)
    groups = [
        ProductGroup(id=1, name="G1", sort_order=0),
        ProductGroup(id=2, name="G2", sort_order=1),
    ]
    products = [Product(id=j + 1, name=f"P{j + 1:02d}", group_id=1 + j // 30) for j in range(60)]
    customers = [Customer(id=i + 1, name=f"Kunde {i + 1:03d}") for i in range(200)]
    grid = bytearray(rng.choice((0, 0, 1, 2, 3, 4)) for _ in range(200 * 60))
    matrix = Matrix(customers, products, groups, grid)
    snapshot = snapshot_from_matrix(matrix, ExportOptions(attributes=()), file_name="big.kpm")
    out = tmp_path / "big.pdf"
    # 206 lines / 33 per page = 7 pages down; 41 of 60 products per page = 2 across.
    assert write_matrix_pdf(snapshot, out) == 14
    assert pdf_page_count(out) == 14
    assert "Kunde 001" in pdf_text(out, 1) and "P01" in pdf_text(out, 1)
    assert "P60" not in pdf_text(out, 1)
    assert "Kunde 200" in pdf_text(out, 7) and "P60" in pdf_text(out, 14)


def test_page_one_renders_with_colour(demo_template, tmp_path) -> None:
    snapshot = load_snapshot(demo_template, _options(), with_details=False)
    out = tmp_path / "m.pdf"
    write_matrix_pdf(snapshot, out)
    png = render_page(out, 1, tmp_path / "page1")
    image = QImage(str(png))
    assert not image.isNull() and image.width() > image.height()  # landscape
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert len(colours) > 8  # fills, text and grid, not a blank page


def test_cancel_leaves_nothing(demo_template, tmp_path) -> None:
    snapshot = load_snapshot(demo_template, _options(), with_details=False)
    out = tmp_path / "m.pdf"
    with pytest.raises(ExportCancelled):
        write_matrix_pdf(snapshot, out, progress=lambda done, total: done < 1)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder(demo_template, tmp_path) -> None:
    snapshot = load_snapshot(demo_template, _options(), with_details=False)
    with pytest.raises(FileNotFoundError):
        write_matrix_pdf(snapshot, tmp_path / "no" / "m.pdf")


def test_english_sheet(demo_template: Path, tmp_path: Path) -> None:
    snapshot = load_snapshot(demo_template, _options(lang="en"), with_details=False)
    out = tmp_path / "m.pdf"
    write_matrix_pdf(snapshot, out)
    text = pdf_text(out, 1)
    assert "Customer-Product Matrix" in text and "Page 1 of 2" in text and "Legend" in text
