"""Colours, glyphs and names of the five cell states.

The palette follows Okabe-Ito hues (safe for the common colour-vision deficiencies) and, more
importantly, a strict lightness ladder — ours darkest, then competitor, need, no need, white —
so the states stay apart in a greyscale print (grey values ~65 / 105 / 185 / 227 / 255). Colour never carries the meaning alone: every
mark also gets its own glyph (cross, triangle, plus, dash), drawn as vector shapes so no font
is needed, and a name for tooltips and screen readers.

Every other colour the GUI paints (grid lines, headers, group bands, summaries, hints, the
insights bars, banners, error labels) comes from ``UiColors`` here, in a light and a dark
variant chosen from the widget's palette: in a dark system colour scheme a white spot is the
view's Base colour, not a white hole. Mark fills and glyphs stay the same in both schemes: they
carry their own contrast (glyph against fill), and printouts are always light.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QWidget

from kpm_desktop.domain.marks import WHITE, Mark

# The sheet of paper in the print preview: white in either colour scheme, as printed.
PAPER = QColor("#ffffff")

# Fill and glyph colour per grid code (0 = white spot).
FILL: dict[int, QColor] = {
    WHITE: QColor("#ffffff"),
    int(Mark.OURS): QColor("#0b4f8a"),  # deep blue, greyscale ~70
    int(Mark.COMPETITOR): QColor("#c44f00"),  # dark vermillion (the method's "red"), ~105
    int(Mark.NEED): QColor("#86d6a8"),  # light bluish green (the method's "green"), ~185
    int(Mark.NO_NEED): QColor("#e3e3e3"),  # light grey (the method's "gray"), ~227
}
GLYPH: dict[int, QColor] = {
    WHITE: QColor("#000000"),
    int(Mark.OURS): QColor("#ffffff"),
    int(Mark.COMPETITOR): QColor("#ffffff"),
    int(Mark.NEED): QColor("#0c3b22"),
    int(Mark.NO_NEED): QColor("#3c3c3c"),
}
SELECTION_OVERLAY = QColor(48, 140, 255, 90)
SELECTION_BORDER = QColor("#1565c0")
GROUP_BAND = (QColor("#eef2f7"), QColor("#dde5ef"))  # alternating product-group bands


@dataclass(frozen=True)
class UiColors:
    """Colours of everything around the marks, for one colour scheme."""

    dark: bool
    base: QColor  # matrix background = a white spot
    grid: QColor  # cell grid lines and header separators
    text: QColor  # names and numbers in the headers
    hint: QColor  # the empty-matrix hint
    header: QColor  # header background
    header_current: QColor  # header of the current customer / product
    summary: QColor  # white spots / coverage part of the customer header
    stripes: tuple[QColor, QColor]  # alternating summary lines under the product names
    band_text: QColor  # product group label
    band_edge: QColor  # line where a product group starts
    group_band: tuple[QColor, QColor]  # alternating product-group bands
    white_outline: QColor  # outline of a white-spot swatch (legend, icons, bars)
    fade_overlay: QColor  # a stale answer: the mark shows, washed out
    bar_frame: QColor  # frame of an insights bar
    changed: QColor  # background of a changed cell in the snapshot comparison
    error_text: QColor  # inline error labels in dialogs
    banner: QColor  # safety banner background
    banner_text: QColor
    selection_overlay: QColor
    selection_border: QColor

    def style_color(self, color: QColor) -> str:
        """``color`` as a style-sheet value (``#rrggbb``)."""
        return color.name(QColor.NameFormat.HexRgb)


LIGHT = UiColors(
    dark=False,
    base=QColor("#ffffff"),
    grid=QColor("#c8c8c8"),
    text=QColor("#1a1a1a"),
    hint=QColor("#666666"),
    header=QColor("#fafafa"),
    header_current=QColor("#fff4c2"),
    summary=QColor("#f0f0f0"),
    stripes=(QColor("#f3f3f3"), QColor("#ffffff")),
    band_text=QColor("#2b3a4a"),
    band_edge=QColor("#7f8fa3"),
    group_band=GROUP_BAND,
    white_outline=QColor("#9e9e9e"),
    fade_overlay=QColor(255, 255, 255, 150),
    bar_frame=QColor("#7a7a7a"),
    changed=QColor("#fff2a8"),
    error_text=QColor("#b00020"),
    banner=QColor("#fff4ce"),
    banner_text=QColor("#3b2f00"),
    selection_overlay=SELECTION_OVERLAY,
    selection_border=SELECTION_BORDER,
)

DARK = UiColors(
    dark=True,
    base=QColor("#232629"),
    grid=QColor("#4d5357"),
    text=QColor("#eff0f1"),
    hint=QColor("#a8adb2"),
    header=QColor("#2b2f33"),
    header_current=QColor("#5c4a12"),
    summary=QColor("#31363b"),
    stripes=(QColor("#2f3438"), QColor("#272b2f")),
    band_text=QColor("#d6e2ef"),
    band_edge=QColor("#8797ab"),
    group_band=(QColor("#2c3a4a"), QColor("#22303e")),
    white_outline=QColor("#8a9096"),
    fade_overlay=QColor(35, 38, 41, 150),
    bar_frame=QColor("#8a9096"),
    changed=QColor("#5c4a12"),
    error_text=QColor("#ff8a80"),
    banner=QColor("#4a3d0c"),
    banner_text=QColor("#fff4ce"),
    selection_overlay=QColor(90, 160, 255, 90),
    selection_border=QColor("#64b5f6"),
)


def is_dark(palette: QPalette | None = None) -> bool:
    """True if ``palette`` (default: the application's) has a dark Base colour."""
    if palette is None:
        palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def ui_colors(palette: QPalette | None = None) -> UiColors:
    """The light or dark colour set matching ``palette``; in dark, Base is the palette's own."""
    if palette is None:
        palette = QGuiApplication.palette()
    if not is_dark(palette):
        return LIGHT
    base = palette.color(QPalette.ColorRole.Base)
    if base == DARK.base:
        return DARK
    fade = QColor(base)
    fade.setAlpha(150)
    return _dark_with_base(base.rgb(), fade.rgba())


_DARK_VARIANTS: dict[tuple[int, int], UiColors] = {}


def _dark_with_base(rgb: int, fade_rgba: int) -> UiColors:
    key = (rgb, fade_rgba)
    colors = _DARK_VARIANTS.get(key)
    if colors is None:
        colors = replace(DARK, base=QColor.fromRgb(rgb), fade_overlay=QColor.fromRgba(fade_rgba))
        _DARK_VARIANTS[key] = colors
    return colors


def dark_palette() -> QPalette:
    """A dark palette for platforms whose theme does not follow the dark colour scheme."""
    pal = QPalette()
    roles = QPalette.ColorRole
    window, base, text = QColor("#31363b"), DARK.base, DARK.text
    for role, color in (
        (roles.Window, window),
        (roles.WindowText, text),
        (roles.Base, base),
        (roles.AlternateBase, QColor("#2b2f33")),
        (roles.ToolTipBase, window),
        (roles.ToolTipText, text),
        (roles.PlaceholderText, QColor("#8a9096")),
        (roles.Text, text),
        (roles.Button, window),
        (roles.ButtonText, text),
        (roles.BrightText, QColor("#ff8a80")),
        (roles.Light, QColor("#4d5357")),
        (roles.Midlight, QColor("#40464b")),
        (roles.Mid, QColor("#2a2e32")),
        (roles.Dark, QColor("#1b1e20")),
        (roles.Shadow, QColor("#0f1112")),
        (roles.Highlight, QColor("#3daee9")),
        (roles.HighlightedText, QColor("#fcfcfc")),
        (roles.Link, QColor("#64b5f6")),
        (roles.LinkVisited, QColor("#b39ddb")),
    ):
        pal.setColor(role, color)
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7f8489"))
    return pal


def apply_color_scheme(app: QGuiApplication, scheme: Qt.ColorScheme | None = None) -> bool:
    """Follow the system light/dark scheme; returns True if the app now paints dark.

    Most platform themes (Windows 11, macOS, KDE/GNOME with Qt >= 6.5) switch the palette by
    themselves; Fusion on a plain X11/Wayland session or the offscreen platform does not, so
    a dark scheme there gets ``dark_palette()``. Back in a light scheme the platform palette
    returns.
    """
    if scheme is None:
        scheme = app.styleHints().colorScheme()
    ours = bool(app.property("kpm_dark_palette"))
    if scheme == Qt.ColorScheme.Dark:
        if not is_dark(app.palette()):
            app.setPalette(dark_palette())
            app.setProperty("kpm_dark_palette", True)
    elif ours:
        app.setProperty("kpm_dark_palette", False)
        app.setPalette(QPalette())  # an empty resolve mask: the platform palette again
    return is_dark(app.palette())


def follow_color_scheme(app: QGuiApplication) -> None:
    """Apply the current scheme now and whenever the system switches it."""
    apply_color_scheme(app)
    hints = app.styleHints()
    hints.colorSchemeChanged.connect(lambda scheme: apply_color_scheme(app, scheme))


class _PaletteFollower(QObject):
    """Keeps a few palette roles of one widget on the scheme's colours (event filter)."""

    def __init__(self, widget: QWidget, roles) -> None:
        super().__init__(widget)
        self._roles = roles
        widget.installEventFilter(self)
        self.apply(widget)

    def apply(self, widget: QWidget) -> None:
        pal = widget.palette()
        for role, color in self._roles(ui_colors()).items():
            pal.setColor(role, color)
        widget.setPalette(pal)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override: re-colour after the application palette (scheme) changed."""
        if event.type() == QEvent.Type.ApplicationPaletteChange and isinstance(watched, QWidget):
            self.apply(watched)
        return False


def style_error_label(label: QWidget) -> None:
    """Inline error text in the scheme's error colour (readable on light and dark)."""
    _PaletteFollower(label, lambda c: {QPalette.ColorRole.WindowText: c.error_text})


def style_banner(label: QWidget) -> None:
    """A notice banner (read-only file, cloud folder) in the scheme's banner colours."""
    label.setAutoFillBackground(True)
    _PaletteFollower(
        label,
        lambda c: {
            QPalette.ColorRole.Window: c.banner,
            QPalette.ColorRole.WindowText: c.banner_text,
        },
    )


MARK_CODES_ORDER = (int(Mark.OURS), int(Mark.COMPETITOR), int(Mark.NEED), int(Mark.NO_NEED), WHITE)


def mark_name(code: int) -> str:
    """Translated name of a grid code ("Ours", "Competitor", ..., "White spot")."""
    return {
        WHITE: QCoreApplication.translate("palette", "White spot"),
        int(Mark.OURS): QCoreApplication.translate("palette", "Ours"),
        int(Mark.COMPETITOR): QCoreApplication.translate("palette", "Competitor"),
        int(Mark.NEED): QCoreApplication.translate("palette", "Need"),
        int(Mark.NO_NEED): QCoreApplication.translate("palette", "No need"),
    }[code]


def mark_description(code: int) -> str:
    """One-line explanation for tooltips and the legend."""
    return {
        WHITE: QCoreApplication.translate("palette", "Nobody knows yet: ask on the next visit"),
        int(Mark.OURS): QCoreApplication.translate("palette", "The customer buys this from us"),
        int(Mark.COMPETITOR): QCoreApplication.translate(
            "palette", "The customer buys this from a competitor"
        ),
        int(Mark.NEED): QCoreApplication.translate(
            "palette", "The customer needs this (opportunity)"
        ),
        int(Mark.NO_NEED): QCoreApplication.translate("palette", "The customer has no need"),
    }[code]


LETTER: dict[int, str] = {WHITE: "", **{int(m): m.letter for m in Mark}}


def draw_glyph(painter: QPainter, rect: QRectF, code: int) -> None:
    """Draw the glyph of ``code`` centred in ``rect`` (nothing for a white spot)."""
    if code == WHITE:
        return
    side = min(rect.width(), rect.height())
    s = side * 0.30  # half extent of the glyph
    c = rect.center()
    color = GLYPH[code]
    pen = QPen(color, max(1.5, side * 0.12))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if code == Mark.OURS:
        painter.drawLine(QPointF(c.x() - s, c.y() - s), QPointF(c.x() + s, c.y() + s))
        painter.drawLine(QPointF(c.x() - s, c.y() + s), QPointF(c.x() + s, c.y() - s))
    elif code == Mark.COMPETITOR:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        path = QPainterPath()
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(c.x(), c.y() - s * 1.1),
                    QPointF(c.x() + s * 1.1, c.y() + s * 0.9),
                    QPointF(c.x() - s * 1.1, c.y() + s * 0.9),
                ]
            )
        )
        painter.drawPath(path)
    elif code == Mark.NEED:
        painter.drawLine(QPointF(c.x() - s, c.y()), QPointF(c.x() + s, c.y()))
        painter.drawLine(QPointF(c.x(), c.y() - s), QPointF(c.x(), c.y() + s))
    elif code == Mark.NO_NEED:
        painter.drawLine(QPointF(c.x() - s, c.y()), QPointF(c.x() + s, c.y()))


def paint_swatch(
    painter: QPainter, rect: QRectF, code: int, colors: UiColors | None = None
) -> None:
    """A filled cell with its glyph (also used for legend and toolbar icons).

    A white spot is ``colors.base`` (the scheme's background), light by default.
    """
    if code == WHITE:
        painter.fillRect(rect, (colors or LIGHT).base)
        return
    painter.fillRect(rect, FILL[code])
    draw_glyph(painter, rect, code)


def swatch_pixmap(
    code: int, width: int, height: int, dpr: float = 1.0, colors: UiColors | None = None
) -> QPixmap:
    pix = QPixmap(max(1, round(width * dpr)), max(1, round(height * dpr)))
    pix.setDevicePixelRatio(dpr)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_swatch(p, QRectF(0, 0, width, height), code, colors)
    if code == WHITE:
        p.setPen(QPen((colors or LIGHT).white_outline, 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(0.5, 0.5, width - 1, height - 1))
    p.end()
    return pix


_CLONES: list[QIconEngine] = []  # see _SwatchIconEngine.clone


class _SwatchIconEngine(QIconEngine):
    """Paints a mark's swatch at the size and device pixel ratio asked for, when asked.

    Menus ask for 16 px, toolbars for 24, a 200 % screen for twice that: each is drawn on
    first use and kept, so nothing is painted for sizes never shown (issue 20: four swatches
    per mark were painted before the first frame).
    """

    def __init__(self, code: int, colors: UiColors | None) -> None:
        super().__init__()
        self._code = code
        self._colors = colors
        self._cache: dict[tuple[int, int, float, QIcon.Mode], QPixmap] = {}

    def clone(self) -> QIconEngine:
        # Qt owns the engine it asked for (a detached copy of the icon deletes it), but PySide6
        # does not hand a returned Python object over: keep it referenced until Qt has
        # deleted it, or it is freed on return and the copy paints with a dangling engine.
        engine = _SwatchIconEngine(self._code, self._colors)
        _CLONES[:] = [e for e in _CLONES if shiboken6.isValid(e)]
        _CLONES.append(engine)
        return engine

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF()
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        key = (size.width(), size.height(), scale, mode)
        pix = self._cache.get(key)
        if pix is None:
            pix = swatch_pixmap(self._code, size.width(), size.height(), scale, self._colors)
            if mode != QIcon.Mode.Normal:  # the disabled (or selected) look the style gives
                pix = _styled_icon_pixmap(mode, pix)
            self._cache[key] = pix
        return pix


def _styled_icon_pixmap(mode: QIcon.Mode, pix: QPixmap) -> QPixmap:
    from PySide6.QtWidgets import QApplication, QStyleOption

    style = QApplication.style()
    styled = style.generatedIconPixmap(mode, pix, QStyleOption()) if style is not None else None
    return pix if styled is None or styled.isNull() else styled


def mark_icon(code: int, colors: UiColors | None = None) -> QIcon:
    """Icon for menus and the toolbar palette: the same swatch the matrix shows.

    Drawn on demand at each size and device pixel ratio (``_SwatchIconEngine``), so the glyph
    stays crisp on a 200 % screen and nothing is painted before a menu or toolbar shows it.
    """
    return QIcon(_SwatchIconEngine(code, colors))
