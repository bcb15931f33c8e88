"""Light/dark colour scheme: the app follows the system scheme and the matrix repaints in it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from kpm_desktop.domain.marks import WHITE
from kpm_desktop.gui.palette import DARK, LIGHT, apply_color_scheme, is_dark, ui_colors


@pytest.fixture
def dark_app(qapp):
    """The application in the dark scheme for one test; light again afterwards."""
    assert not is_dark(qapp.palette())
    assert apply_color_scheme(qapp, Qt.ColorScheme.Dark)
    QApplication.processEvents()
    yield qapp
    apply_color_scheme(qapp, Qt.ColorScheme.Light)
    QApplication.processEvents()
    assert not is_dark(qapp.palette())


def _pixel(window, x: int, y: int) -> QColor:
    return window.view.viewport().grab().toImage().pixelColor(x, y)


def _white_spot(window) -> tuple[int, int]:
    """Viewport position of a white-spot cell of the demo matrix."""
    m = window.model
    for r in range(min(m.rowCount(), 20)):
        for c in range(min(m.columnCount(), 20)):
            if m.code_at(r, c) == WHITE:
                rect = window.view.visualRect(m.index(r, c))
                return rect.center().x(), rect.center().y()
    raise AssertionError("no white spot in view")


def test_scheme_switch_repaints_matrix_headers_and_icons(window, qapp) -> None:
    x, y = _white_spot(window)
    assert _pixel(window, x, y) == LIGHT.base
    light_icon = (
        window.action_registry["mark.white"].icon().pixmap(16, 16).toImage().pixelColor(8, 8)
    )
    qapp.styleHints().colorSchemeChanged.connect(lambda s: apply_color_scheme(qapp, s))
    try:
        # What the platform does when the user switches the system to dark.
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        QApplication.processEvents()
        assert is_dark(window.palette())
        base = window.view.palette().color(QPalette.ColorRole.Base)
        assert _pixel(window, x, y) == base  # a white spot is the view's Base colour
        assert window.view.colors is ui_colors(window.view.palette())
        assert window.view.horizontalHeader().colors.dark
        assert window.view.verticalHeader().colors.dark
        header = window.view.verticalHeader().grab().toImage()
        assert header.pixelColor(3, 3).lightnessF() < 0.5  # no light header in dark mode
        dark_icon = (
            window.action_registry["mark.white"].icon().pixmap(16, 16).toImage().pixelColor(8, 8)
        )
        assert dark_icon.lightnessF() < 0.5 < light_icon.lightnessF()
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
        QApplication.processEvents()
        assert _pixel(window, x, y) == LIGHT.base
    finally:
        qapp.styleHints().colorSchemeChanged.disconnect()
        apply_color_scheme(qapp, Qt.ColorScheme.Light)


def test_dark_palette_from_the_platform_is_used_as_is(qapp) -> None:
    """A platform theme that turns dark by itself keeps its own Base colour."""
    pal = QPalette(qapp.palette())
    pal.setColor(QPalette.ColorRole.Base, QColor("#101820"))
    colors = ui_colors(pal)
    assert colors.dark and colors.base == QColor("#101820")
    assert ui_colors(pal) is colors  # cached: painting asks often
    assert ui_colors(QGuiApplication.palette()) is LIGHT


def test_dark_main_window_screenshot(window, dark_app, tmp_path) -> None:
    """The main window in the dark scheme (docs/dark-main-window.png: tools/dark_screenshot.py)."""
    window.resize(1100, 650)
    QApplication.processEvents()
    shot = window.grab()
    assert shot.save(str(tmp_path / "dark-main-window.png"))
    image = shot.toImage()
    # The matrix area is dark, apart from the marks.
    x, y = _white_spot(window)
    pos = window.view.viewport().mapTo(window, window.view.viewport().rect().topLeft())
    assert image.pixelColor(pos.x() + x, pos.y() + y) == DARK.base


def test_error_labels_and_banners_follow_the_scheme(qtbot, qapp) -> None:
    from PySide6.QtWidgets import QLabel

    from kpm_desktop.gui.palette import style_banner, style_error_label

    error, banner = QLabel("x"), QLabel("y")
    qtbot.addWidget(error)
    qtbot.addWidget(banner)
    style_error_label(error)
    style_banner(banner)
    text = QPalette.ColorRole.WindowText
    assert error.palette().color(text) == LIGHT.error_text
    assert banner.palette().color(QPalette.ColorRole.Window) == LIGHT.banner
    try:
        apply_color_scheme(qapp, Qt.ColorScheme.Dark)
        QApplication.processEvents()
        assert error.palette().color(text) == DARK.error_text
        assert banner.palette().color(QPalette.ColorRole.Window) == DARK.banner
        assert banner.palette().color(text) == DARK.banner_text
        # Other roles still come from the application palette.
        assert error.palette().color(QPalette.ColorRole.Window) == qapp.palette().window().color()
    finally:
        apply_color_scheme(qapp, Qt.ColorScheme.Light)
        QApplication.processEvents()
    assert error.palette().color(text) == LIGHT.error_text
