"""The matrix print preview draws the page it shows, not all pages first (issue 20): it opens
through File > Print preview in the real window, shows page 1, turns pages with the keys and
buttons, draws ahead in small steps that stop when it closes, and printing from it can be
cancelled."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kpm_desktop.gui import print_preview
from kpm_desktop.gui.export_menu import PREVIEW_ACTION
from kpm_desktop.samples.synthetic import generate
from tests.helpers.pdf import pdf_page_count


@pytest.fixture
def matrix_file(tmp_path: Path) -> Path:
    path = tmp_path / "gebiet.kpm"
    generate(path, customers=300, products=60, fill=0.4, seed=3)
    return path


@pytest.fixture
def win(main_window_factory, matrix_file: Path):
    window = main_window_factory(
        matrix_file, extensions=("kpm_desktop.gui.export_menu",), persist_state=False
    )
    yield window
    dialog = window.export_actions.preview_dialog
    if dialog is not None:
        dialog.close()


def _open_preview(win, qtbot):
    win.action_registry[PREVIEW_ACTION].trigger()  # File > Print preview…
    dialog = win.export_actions.preview_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.shown_page == 0, timeout=20_000)
    return dialog


def _inked(dialog) -> int:
    """Pixels of the shown page that are not white (the page has content)."""
    image = dialog.page_label.pixmap().toImage()
    white = QColor(Qt.GlobalColor.white).rgb()
    step = 7
    return sum(
        image.pixel(x, y) != white
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    )


def test_preview_shows_page_one_at_once_and_turns_pages(win, qtbot, monkeypatch) -> None:
    drawn: list[int] = []
    real = print_preview.render_page
    monkeypatch.setattr(
        print_preview,
        "render_page",
        lambda source, printer, n, width: drawn.append(n) or real(source, printer, n, width),
    )
    dialog = _open_preview(win, qtbot)
    pages = dialog.page_count
    assert pages > 10  # 300 customers x 60 products: many pages, drawn on demand
    assert drawn[0] == 0 and len(drawn) <= 1 + print_preview.AHEAD_PAGES
    assert _inked(dialog) > 100
    assert dialog.of_label.text() in (f"of {pages}", f"von {pages}")  # < 1,000 pages here
    assert dialog.page_box.value() == 1
    assert not dialog.prev_button.isEnabled() and dialog.next_button.isEnabled()

    # Page Down through the focused widget, then the buttons.
    dialog.activateWindow()
    QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: dialog.shown_page == 1)
    QTest.mouseClick(dialog.last_button, Qt.MouseButton.LeftButton)
    assert dialog.shown_page == pages - 1 and dialog.page_box.value() == pages
    assert not dialog.next_button.isEnabled()
    QTest.mouseClick(dialog.first_button, Qt.MouseButton.LeftButton)
    assert dialog.shown_page == 0
    dialog.page_box.setValue(5)
    assert dialog.shown_page == 4
    qtbot.waitUntil(lambda: not dialog.drawing)  # the pages ahead are drawn, then it rests
    assert len(set(drawn)) < pages  # never all pages
    assert len(dialog._cache) <= print_preview.CACHE_PAGES


def test_closing_the_preview_stops_drawing(win, qtbot, monkeypatch) -> None:
    dialog = _open_preview(win, qtbot)
    drawn: list[int] = []
    real = print_preview.render_page
    monkeypatch.setattr(
        print_preview,
        "render_page",
        lambda source, printer, n, width: drawn.append(n) or real(source, printer, n, width),
    )
    dialog.show_page(3)  # draws page 4 and starts drawing ahead
    assert dialog.drawing
    QTest.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.drawing
    count = len(drawn)
    QTest.qWait(100)
    assert len(drawn) == count  # nothing drawn after the window went
    qtbot.waitUntil(lambda: win.export_actions.preview_dialog is None)  # deleted on close


def test_printing_can_be_cancelled(win, qtbot, tmp_path: Path) -> None:
    actions = win.export_actions
    printer = actions.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cancelled.pdf"))
    # Cancel as soon as the first page is out (the progress dialog's Cancel button).
    QTimer.singleShot(0, lambda: actions.print_progress.cancel())
    assert actions.paint_matrix_on(printer) == 0
    assert "cancelled" in win.statusBar().currentMessage().lower() or (
        "abgebrochen" in win.statusBar().currentMessage()
    )
    assert actions.print_progress is None

    printer = actions.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "all.pdf"))
    pages = actions.paint_matrix_on(printer)
    del printer
    assert pages > 10 and pdf_page_count(tmp_path / "all.pdf") == pages


@pytest.mark.parametrize("lang", ["de", "en"])
def test_page_numbers_are_never_grouped_in_the_toolbar_or_on_the_page(
    main_window_factory, qtbot, tmp_path: Path, monkeypatch, lang: str
) -> None:
    """Over 1,000 pages the toolbar said "of 1,520" (German "von 1.520") while the page footer
    said "1520": one format, ungrouped, in both languages (QA of session 3)."""
    from kpm_desktop.report import sheet_paint

    path = tmp_path / "gross.kpm"
    generate(path, customers=3500, products=300, fill=0.05, seed=5)
    painted: list[str] = []
    real_text = sheet_paint.Sheet.text
    monkeypatch.setattr(
        sheet_paint.Sheet,
        "text",
        lambda sheet, rect, text, *a, **kw: (
            painted.append(text) or real_text(sheet, rect, text, *a, **kw)
        ),
    )
    win = main_window_factory(
        path, extensions=("kpm_desktop.gui.export_menu",), lang=lang, persist_state=False
    )
    dialog = _open_preview(win, qtbot)
    pages = dialog.page_count
    assert pages > 1000
    assert dialog.of_label.text() == {"de": "von %d", "en": "of %d"}[lang] % pages
    QTest.mouseClick(dialog.last_button, Qt.MouseButton.LeftButton)  # the last page's footer
    qtbot.waitUntil(lambda: dialog.shown_page == pages - 1)
    assert dialog.page_box.text() == str(pages)
    footer = {"de": "Seite %d von %d", "en": "Page %d of %d"}[lang] % (pages, pages)
    assert footer in painted, [t for t in painted if str(pages) in t.replace(",", "")]
    dialog.close()


def test_home_end_and_page_keys_go_to_the_first_last_and_next_pages(win, qtbot) -> None:
    """Home/End and Ctrl+Home/Ctrl+End go to the first/last page, Page Up/Down turn one page,
    wherever the focus is in the preview, the page number box too (field test)."""
    dialog = _open_preview(win, qtbot)
    last = dialog.page_count - 1
    assert last > 10
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)

    def key(k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        focused = QApplication.focusWidget()
        assert focused is not None and focused.window() is dialog
        QTest.keyClick(focused, k, mod)

    ctrl = Qt.KeyboardModifier.ControlModifier
    for focus in (dialog.scroll_area, dialog.page_box):
        focus.setFocus()
        qtbot.waitUntil(lambda focus=focus: focus.hasFocus())
        key(Qt.Key.Key_End)
        assert dialog.shown_page == last and dialog.page_box.value() == last + 1
        key(Qt.Key.Key_PageUp)
        assert dialog.shown_page == last - 1  # one page back (not ten)
        key(Qt.Key.Key_Home)
        assert dialog.shown_page == 0 and dialog.page_box.value() == 1
        key(Qt.Key.Key_PageDown)
        key(Qt.Key.Key_PageDown)
        assert dialog.shown_page == 2
        key(Qt.Key.Key_End, ctrl)
        assert dialog.shown_page == last
        key(Qt.Key.Key_Home, ctrl)
        assert dialog.shown_page == 0
        key(Qt.Key.Key_PageUp)  # already on the first page: stays
        assert dialog.shown_page == 0
    # the box still takes a typed page number (select all, type)
    key(Qt.Key.Key_A, ctrl)
    QTest.keyClicks(QApplication.focusWidget(), "5")
    assert dialog.page_box.text() == "5"
    assert "Home" in dialog.first_button.toolTip() and "End" in dialog.last_button.toolTip()
