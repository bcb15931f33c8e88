"""QA pass: the sub-commands that write sheets take the same language option."""

from __future__ import annotations

import pytest

from kpm_desktop.cli import build_parser


@pytest.mark.parametrize("command", [["export", "f.kpm", "--xlsx", "o.xlsx"], ["diff", "f.kpm"],
                                     ["insights", "f.kpm"]])  # fmt: skip
@pytest.mark.parametrize("flag", ["--lang", "--language"])
def test_lang_and_language_both_work(command: list[str], flag: str) -> None:
    """`kpm export` took --lang, `kpm diff` and `kpm insights` --language: both spellings now."""
    args = build_parser().parse_args([*command, flag, "en"])
    assert "en" in {getattr(args, "lang", None), getattr(args, "language", None)}
