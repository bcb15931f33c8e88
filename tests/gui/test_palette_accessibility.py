"""Marks stay distinguishable without colour vision and with enough contrast (WCAG 1.4.11).

Checks the palette numerically: contrast ratios (WCAG relative luminance), the greyscale
ladder, and three colour-vision-deficiency simulations (Machado et al. 2009, severity 1.0).
"""

from __future__ import annotations

import itertools

import pytest

from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.gui.palette import FILL, GLYPH

MARKS = [int(m) for m in Mark]
LIGHT_BACKGROUND = (255, 255, 255)

# Machado, Oliveira, Fernandes (2009) matrices for linear RGB, severity 1.0.
CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}  # fmt: skip


def _lin(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(code: int, table=FILL) -> tuple[int, int, int]:
    q = table[code]
    return q.red(), q.green(), q.blue()


def luminance(rgb: tuple[float, float, float]) -> float:
    r, g, b = (_lin(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def simulate(rgb, matrix) -> tuple[float, float, float]:
    lin = [_lin(v) for v in rgb]
    out = [max(0.0, min(1.0, sum(m * v for m, v in zip(row, lin, strict=True)))) for row in matrix]
    # back to sRGB 0..255
    return tuple(
        255 * (12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055) for v in out
    )  # type: ignore[return-value]


@pytest.mark.parametrize("code", MARKS)
def test_glyph_stands_out_on_its_fill(code: int) -> None:
    assert contrast(_rgb(code, GLYPH), _rgb(code)) >= 3.0


@pytest.mark.parametrize("code", MARKS)
def test_mark_stands_out_against_the_background(code: int) -> None:
    # The fill or the glyph (the identifying part) reaches 3:1 against a white spot.
    best = max(
        contrast(_rgb(code), LIGHT_BACKGROUND), contrast(_rgb(code, GLYPH), LIGHT_BACKGROUND)
    )
    assert best >= 3.0
    assert _rgb(WHITE) == LIGHT_BACKGROUND


def test_greyscale_ladder_keeps_states_apart() -> None:
    """In a black-and-white print every state has its own grey (luminance step >= 0.08)."""
    levels = sorted(luminance(_rgb(c)) for c in [*MARKS, WHITE])
    assert all(b - a >= 0.08 for a, b in itertools.pairwise(levels)), levels


@pytest.mark.parametrize("kind", sorted(CVD))
def test_fills_stay_distinct_for_colour_blind_readers(kind: str) -> None:
    sims = {c: simulate(_rgb(c), CVD[kind]) for c in [*MARKS, WHITE]}
    for a, b in itertools.combinations(sims, 2):
        assert contrast(sims[a], sims[b]) >= 1.25, (kind, a, b)


# -- dark colour scheme: the same fills and glyphs on the dark Base colour ----------------------


def _dark_base() -> tuple[int, int, int]:
    from kpm_desktop.gui.palette import DARK

    return DARK.base.red(), DARK.base.green(), DARK.base.blue()


@pytest.mark.parametrize("code", MARKS)
def test_mark_stands_out_against_the_dark_background(code: int) -> None:
    best = max(contrast(_rgb(code), _dark_base()), contrast(_rgb(code, GLYPH), _dark_base()))
    assert best >= 3.0


@pytest.mark.parametrize("kind", sorted(CVD))
def test_fills_stay_distinct_on_dark_for_colour_blind_readers(kind: str) -> None:
    sims = {c: simulate(_rgb(c), CVD[kind]) for c in MARKS}
    sims[WHITE] = simulate(_dark_base(), CVD[kind])
    for a, b in itertools.combinations(sims, 2):
        assert contrast(sims[a], sims[b]) >= 1.25, (kind, a, b)


def test_dark_scheme_text_and_grid_are_readable() -> None:
    from kpm_desktop.gui.palette import DARK

    def rgb(q):
        return q.red(), q.green(), q.blue()

    for bg in (DARK.base, DARK.header, DARK.summary, *DARK.stripes, *DARK.group_band):
        assert contrast(rgb(DARK.text), rgb(bg)) >= 4.5
    assert contrast(rgb(DARK.band_text), rgb(DARK.group_band[0])) >= 4.5
    assert contrast(rgb(DARK.text), rgb(DARK.header_current)) >= 4.5
    assert contrast(rgb(DARK.hint), rgb(DARK.base)) >= 4.5
    assert contrast(rgb(DARK.error_text), rgb(DARK.base)) >= 4.5
    assert contrast(rgb(DARK.banner_text), rgb(DARK.banner)) >= 4.5
    assert contrast(rgb(DARK.grid), rgb(DARK.base)) >= 1.5  # visible, not loud
