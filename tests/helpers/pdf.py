"""PDFs in tests: page counts, page text and page rendering (poppler; skips when missing)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pdf_page_count(path: Path) -> int:
    """Pages in a PDF written by Qt (its page objects are plain, uncompressed dictionaries)."""
    return len(_PAGE.findall(path.read_bytes()))


def _tool(name: str) -> str:
    exe = shutil.which(name)
    if exe is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return exe


def pdf_text(path: Path, page: int) -> str:
    out = subprocess.run(
        [_tool("pdftotext"), "-f", str(page), "-l", str(page), "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    # pdftotext reports typographic ligatures ("ﬀ" in "Hoffmann") as one character.
    return unicodedata.normalize("NFKC", out.stdout)


def render_page(path: Path, page: int, out_prefix: Path, dpi: int = 50) -> Path:
    subprocess.run(
        [
            _tool("pdftoppm"),
            "-r",
            str(dpi),
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(path),
            str(out_prefix),
        ],
        check=True,
        timeout=60,
    )
    return out_prefix.with_suffix(".png")
