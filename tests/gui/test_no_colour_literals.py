"""Every colour the GUI paints comes from gui/palette.py (light and dark variants in one place)."""

from __future__ import annotations

import re
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "kpm_desktop" / "gui"
LITERAL = re.compile(
    r"QColor\(\s*(['\"]|\d)"  # QColor("#fff") / QColor(255, ...)
    r"|(?<![\w&])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b"  # "#c8c8c8", color: #fff
    r"|\b(?:rgba?|hsla?)\(\s*\d"  # rgb(1, 2, 3) in a style sheet
    r"|GlobalColor\.(?!transparent\b)\w+"  # Qt.GlobalColor.white
)


def test_no_colour_literals_outside_the_palette() -> None:
    found = [
        f"{path.relative_to(GUI)}:{number}: {line.strip()}"
        for path in sorted(GUI.rglob("*.py"))
        if path.name != "palette.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if LITERAL.search(line)
    ]
    assert found == [], "\n".join(found)


def test_the_pattern_finds_literals() -> None:
    for line in ('QColor("#ffffff")', "QColor(255, 0, 0)", 'setStyleSheet("color: #b00020")',
                 "Qt.GlobalColor.white", "background: rgb(3, 4, 5)"):  # fmt: skip
        assert LITERAL.search(line), line
    assert not LITERAL.search("pix.fill(Qt.GlobalColor.transparent)")
