"""Tab-separated mark blocks, as Excel and LibreOffice Calc put them on the clipboard."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from kpm_desktop.domain.marks import Mark, UnknownMarkError, parse_mark


@dataclass(frozen=True, slots=True)
class BlockError(ValueError):
    """A pasted block cannot be used; ``message`` is one line for the user."""

    message: str

    def __str__(self) -> str:
        return self.message


def parse_block(text: str) -> list[list[Mark | None]]:
    """Read a TSV block into rows of marks (empty cell = white spot).

    Ragged rows are padded with white spots only when they are shorter because a spreadsheet
    dropped trailing empty cells; any unknown text refuses the whole block.

    Raises:
        BlockError: empty clipboard or unknown text (message names the first bad cell).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]  # spreadsheets end the last row with a newline
    if not text.strip("\n\t "):
        raise BlockError(
            QCoreApplication.translate("clipboard", "The clipboard holds no marks to paste.")
        )
    rows: list[list[Mark | None]] = []
    for i, line in enumerate(text.split("\n")):
        row: list[Mark | None] = []
        for j, cell in enumerate(line.split("\t")):
            try:
                row.append(parse_mark(cell.strip().strip('"')))
            except UnknownMarkError:
                raise BlockError(
                    QCoreApplication.translate(
                        "clipboard",
                        'Nothing was pasted: row %1, column %2 holds "%3", which is not a mark '
                        "(use X, W, B, K or an empty cell).",
                    )
                    .replace("%1", str(i + 1))
                    .replace("%2", str(j + 1))
                    .replace("%3", cell.strip()[:40])
                ) from None
        rows.append(row)
    width = max(len(r) for r in rows)
    for r in rows:
        r.extend([None] * (width - len(r)))
    return rows


def format_block(codes: Sequence[Sequence[int]]) -> str:
    """Rows of grid codes to a TSV block of letters (white spot = empty cell)."""
    letters = {0: "", **{int(m): m.letter for m in Mark}}
    return "".join("\t".join(letters[c] for c in row) + "\n" for row in codes)
