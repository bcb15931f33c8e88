from __future__ import annotations

import pytest

from kpm_desktop.domain.marks import (
    WHITE,
    Mark,
    UnknownMarkError,
    code_of,
    mark_from_code,
    parse_mark,
)


def test_storage_codes_are_stable() -> None:
    # Part of the file format: never renumber.
    assert (WHITE, Mark.OURS, Mark.COMPETITOR, Mark.NEED, Mark.NO_NEED) == (0, 1, 2, 3, 4)


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("X", Mark.OURS),
        ("x", Mark.OURS),
        ("1", Mark.OURS),
        ("W", Mark.COMPETITOR),
        ("R", Mark.COMPETITOR),
        ("Wettbewerb", Mark.COMPETITOR),
        ("B", Mark.NEED),
        ("g", Mark.NEED),
        (" Bedarf ", Mark.NEED),
        ("K", Mark.NO_NEED),
        ("N", Mark.NO_NEED),
        ("kein  Bedarf", Mark.NO_NEED),
        ("", None),
        ("  ", None),
        ("0", None),
    ],
)
def test_parse_mark(text: str, mark: Mark | None) -> None:
    assert parse_mark(text) is mark


def test_parse_mark_rejects_unknown() -> None:
    with pytest.raises(UnknownMarkError):
        parse_mark("vielleicht")


def test_letters_and_codes_round_trip() -> None:
    for mark in Mark:
        assert parse_mark(mark.letter) is mark
        assert mark_from_code(code_of(mark)) is mark
    assert mark_from_code(WHITE) is None and code_of(None) == WHITE
