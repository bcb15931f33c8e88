"""What a cell fill colour means in a hand-made Excel matrix: red, green or gray.

Hand-made matrices colour cells instead of (or as well as) writing letters. Colours come as
ARGB, as legacy palette indices or as theme colours with a tint; all are resolved to RGB and
then judged by hue, lightness and saturation, so "light red", "Excel red" and a pale
conditional-format red all read as competitor.
"""

from __future__ import annotations

import colorsys

from kpm_desktop.domain.marks import Mark

# Office 2013+ default theme, in the order Excel's theme indices use (lt1, dk1, lt2, dk2,
# accent1..6, hlink, folHlink).
DEFAULT_THEME: tuple[str, ...] = (
    "FFFFFF",
    "000000",
    "E7E6E6",
    "44546A",
    "4472C4",
    "ED7D31",
    "A5A5A5",
    "FFC000",
    "5B9BD5",
    "70AD47",
    "0563C1",
    "954F72",
)


def apply_tint(rgb: str, tint: float) -> str:
    """Excel's tint: negative darkens, positive lightens (in HLS lightness)."""
    if not tint:
        return rgb
    r, g, b = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, light, s = colorsys.rgb_to_hls(r, g, b)
    light = light * (1 + tint) if tint < 0 else light * (1 - tint) + tint
    r, g, b = colorsys.hls_to_rgb(h, max(0.0, min(1.0, light)), s)
    return "".join(f"{round(v * 255):02X}" for v in (r, g, b))


def theme_palette(theme_xml: bytes | None) -> tuple[str, ...]:
    """The 12 theme colours from a workbook's theme part (defused parse), else the default."""
    if not theme_xml:
        return DEFAULT_THEME
    try:
        from defusedxml.ElementTree import fromstring

        root = fromstring(theme_xml)
    except Exception:  # a broken theme only costs us theme colours
        return DEFAULT_THEME
    ns = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    scheme = root.find(f".//{ns}clrScheme")
    if scheme is None:
        return DEFAULT_THEME
    found: dict[str, str] = {}
    for child in scheme:
        tag = child.tag.removeprefix(ns)
        for colour in child:
            value = colour.get("val") if colour.tag == f"{ns}srgbClr" else colour.get("lastClr")
            if value and len(value) == 6:
                found[tag] = value.upper()
    order = ("lt1", "dk1", "lt2", "dk2", *(f"accent{i}" for i in range(1, 7)), "hlink", "folHlink")
    return tuple(found.get(k, d) for k, d in zip(order, DEFAULT_THEME, strict=True))


def mark_for_rgb(rgb: str) -> Mark | str | None:
    """Mark for a fill colour; None for white/no colour; "?" for a colour with no meaning."""
    r, g, b = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, light, s = colorsys.rgb_to_hls(r, g, b)
    if light >= 0.95 or (s < 0.12 and light >= 0.92):
        return None  # white or nearly: no mark
    if s < 0.15 or (max(r, g, b) - min(r, g, b)) < 0.08:
        return Mark.NO_NEED if light > 0.2 else "?"  # gray (black means nothing)
    hue = h * 360
    if hue < 20 or hue >= 335:
        return Mark.COMPETITOR
    if 75 <= hue < 170:
        return Mark.NEED
    return "?"
