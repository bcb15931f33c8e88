"""QA pass: the visit one-pager's title shows long customer names in full."""

from __future__ import annotations

from pathlib import Path

from kpm_desktop.cli import main
from tests.helpers.pdf import pdf_text


def test_long_customer_name_is_not_cut_in_the_title(qapp, demo_file: Path, tmp_path: Path) -> None:
    """'Schröder Automotive Zulieferer GmbH & Co. KG' was printed as '… GmbH & C…'."""
    out = tmp_path / "visit.pdf"
    assert main(["export", str(demo_file), "--pdf", str(out), "--visit", "100185"]) == 0
    first_line = pdf_text(out, 1).splitlines()[0]
    assert "Schröder Automotive Zulieferer GmbH & Co. KG" in first_line, first_line
