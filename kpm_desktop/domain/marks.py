"""The five states of a matrix cell and their stable codes.

The grid code is what the compact matrix and the status blobs store per cell (one byte);
``WHITE`` (0) is the absence of a mark, a white spot. The codes are part of the file
format and must never be renumbered.
"""

from __future__ import annotations

from enum import IntEnum

WHITE = 0  # grid code of a white spot (no mark stored)


class Mark(IntEnum):
    """A known cell state. A white spot is the absence of a Mark (grid code 0)."""

    OURS = 1
    COMPETITOR = 2
    NEED = 3
    NO_NEED = 4

    @property
    def letter(self) -> str:
        """The German letter used in sheets and paste blocks (X, W, B, K)."""
        return _LETTERS[self]


_LETTERS = {Mark.OURS: "X", Mark.COMPETITOR: "W", Mark.NEED: "B", Mark.NO_NEED: "K"}

MARK_CODES: tuple[int, ...] = (WHITE, *(int(m) for m in Mark))

# Letters and words accepted when parsing pasted blocks or imported sheets.
_ALIASES: dict[str, Mark | None] = {
    "": None,
    "0": None,
    "x": Mark.OURS,
    "1": Mark.OURS,
    "ours": Mark.OURS,
    "uns": Mark.OURS,
    "w": Mark.COMPETITOR,
    "r": Mark.COMPETITOR,
    "2": Mark.COMPETITOR,
    "wettbewerb": Mark.COMPETITOR,
    "wettbewerber": Mark.COMPETITOR,
    "competitor": Mark.COMPETITOR,
    "b": Mark.NEED,
    "g": Mark.NEED,
    "3": Mark.NEED,
    "bedarf": Mark.NEED,
    "need": Mark.NEED,
    "k": Mark.NO_NEED,
    "n": Mark.NO_NEED,
    "4": Mark.NO_NEED,
    "kein bedarf": Mark.NO_NEED,
    "keinbedarf": Mark.NO_NEED,
    "no need": Mark.NO_NEED,
}


class UnknownMarkError(ValueError):
    """Raised when a text cannot be read as a mark."""


def parse_mark(text: str) -> Mark | None:
    """Read a mark from a letter, digit or word; empty text is a white spot.

    Raises:
        UnknownMarkError: the text is not a known mark spelling.
    """
    key = " ".join(text.strip().lower().split())
    try:
        return _ALIASES[key]
    except KeyError:
        raise UnknownMarkError(text) from None


def mark_from_code(code: int) -> Mark | None:
    """Grid code to Mark (None for a white spot)."""
    return None if code == WHITE else Mark(code)


def code_of(mark: Mark | None) -> int:
    """Mark (or None for a white spot) to its grid code."""
    return WHITE if mark is None else int(mark)
