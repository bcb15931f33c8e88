"""Print preview of the matrix that draws only the page it shows (issue 20).

Qt's ``QPrintPreviewDialog`` paints every page before it shows the first: ~1,000 pages and
~16 s for a matrix of 5,000 x 300, with the window frozen. Here the page plan is made first
(cheap), the first page is drawn at once, and each further page is drawn when the user turns
to it; the next pages are drawn ahead in small steps of the event loop, so the window never
waits for more than one page and closing it stops all drawing. Printing from the preview
paints page by page behind a progress dialog with Cancel.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.gui.palette import PAPER

CACHE_PAGES = 6  # drawn pages kept (an A4 page at screen size is ~4 MB)
AHEAD_PAGES = 2  # pages drawn ahead of the one shown


class PageSource(Protocol):
    """Pages that can be drawn one at a time (``report.pdf_matrix.MatrixPages``)."""

    resolution: int

    @property
    def pages(self) -> int: ...

    def paint(self, painter: QPainter, n: int) -> None: ...


def render_page(source: PageSource, printer: QPrinter, n: int, width_px: int) -> QImage:
    """Page ``n`` as an image ``width_px`` wide (the whole sheet of paper, margins included).

    The image takes the printer's resolution, so fonts and lines come out as on paper, and
    the painter scales the page down to the image.
    """
    layout = printer.pageLayout()
    dpi = source.resolution
    full = layout.fullRectPixels(dpi)
    paint = layout.paintRectPixels(dpi)
    factor = width_px / max(full.width(), 1)
    image = QImage(width_px, max(1, round(full.height() * factor)), QImage.Format.Format_RGB32)
    image.fill(PAPER)
    dots_per_meter = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(factor, factor)
        painter.translate(paint.left(), paint.top())
        painter.setClipRect(QRectF(0, 0, paint.width(), paint.height()))
        source.paint(painter, n)
    finally:
        painter.end()
    return image


class MatrixPrintPreview(QDialog):
    """The preview window: one page at a time, page buttons, Print and Close.

    ``prepare`` makes the page source (snapshot and page plan) once the window shows;
    ``print_pages(printer)`` prints (with its own progress and Cancel).

    Signals:
        page_shown(n): page ``n`` (0-based) is drawn and on screen.
    """

    page_shown = Signal(int)

    def __init__(
        self,
        printer: QPrinter,
        prepare: Callable[[QPrinter], PageSource],
        print_pages: Callable[[QPrinter], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("print_preview")
        self.setWindowTitle(QCoreApplication.translate("PrintPreview", "Print preview"))
        self.printer = printer
        self._prepare = prepare
        self._print_pages = print_pages
        self.source: PageSource | None = None
        self.current = 0
        self.shown_page: int | None = None
        self._cache: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self._ahead: list[int] = []

        self.page_label = QLabel(self)
        self.page_label.setObjectName("preview_page")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("preview_scroll")
        self.scroll_area.setWidget(self.page_label)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        self.first_button = QPushButton("|◀", self)
        self.first_button.setToolTip(
            QCoreApplication.translate("PrintPreview", "First page (Home)")
        )
        self.prev_button = QPushButton("◀", self)
        self.prev_button.setToolTip(
            QCoreApplication.translate("PrintPreview", "Previous page (Page Up)")
        )
        self.page_box = QSpinBox(self)
        self.page_box.setObjectName("preview_page_number")
        self.page_box.setMinimum(1)
        self.page_box.setMaximum(1)
        self.page_box.setKeyboardTracking(False)
        self.of_label = QLabel(self)
        self.next_button = QPushButton("▶", self)
        self.next_button.setToolTip(
            QCoreApplication.translate("PrintPreview", "Next page (Page Down)")
        )
        self.last_button = QPushButton("▶|", self)
        self.last_button.setToolTip(QCoreApplication.translate("PrintPreview", "Last page (End)"))
        self.status = QLabel(
            QCoreApplication.translate("PrintPreview", "Preparing the pages…"), self
        )
        self.status.setObjectName("preview_status")
        self.print_button = QPushButton(QCoreApplication.translate("PrintPreview", "&Print…"), self)
        self.print_button.setObjectName("preview_print")
        self.close_button = QPushButton(QCoreApplication.translate("PrintPreview", "Close"), self)
        self.close_button.setObjectName("preview_close")

        bar = QHBoxLayout()
        for w in (
            self.first_button,
            self.prev_button,
            self.page_box,
            self.of_label,
            self.next_button,
            self.last_button,
        ):
            bar.addWidget(w)
        bar.addSpacing(12)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)

        self.first_button.clicked.connect(lambda: self.show_page(0))
        self.prev_button.clicked.connect(lambda: self.show_page(self.current - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.current + 1))
        self.last_button.clicked.connect(lambda: self.show_page(self.page_count - 1))
        self.page_box.valueChanged.connect(lambda v: self.show_page(v - 1))
        self.print_button.clicked.connect(self._print)
        self.close_button.clicked.connect(self.close)
        # Page keys turn the pages wherever the focus is in the window, the page number box
        # too (there Page Up/Down would step ten and Home/End move the text cursor).
        self._page_keys: dict[int, Callable[[], None]] = {}  # key combination -> turn
        for keys, turn in (
            (QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.show_page(self.current - 1)),
            (QKeySequence.StandardKey.MoveToNextPage, lambda: self.show_page(self.current + 1)),
            (QKeySequence(Qt.Key.Key_Home), lambda: self.show_page(0)),
            (QKeySequence(Qt.Key.Key_End), lambda: self.show_page(self.page_count - 1)),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Home), lambda: self.show_page(0)),
            (
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_End),
                lambda: self.show_page(self.page_count - 1),
            ),
        ):
            for sequence in (
                QKeySequence.keyBindings(keys)
                if isinstance(keys, QKeySequence.StandardKey)
                else [keys]
            ):
                if sequence.isEmpty():
                    continue
                key = sequence[0].toCombined()  # type: ignore[index]  # PySide6 stub: QKeySequence lacks __getitem__
                if key in self._page_keys:
                    continue  # one shortcut per key (two would be ambiguous: neither fires)
                self._page_keys[key] = turn
                shortcut = QShortcut(sequence, self)
                shortcut.activated.connect(turn)
        self.page_box.installEventFilter(self)
        self._page_edit = self.page_box.findChild(QLineEdit)
        if self._page_edit is not None:
            self._page_edit.installEventFilter(self)

        # Drawing ahead: one page per turn of the event loop.
        self._ahead_timer = QTimer(self)
        self._ahead_timer.setInterval(0)
        self._ahead_timer.timeout.connect(self._draw_ahead)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(150)
        self._resize_timer.timeout.connect(lambda: self.show_page(self.current))
        self._update_buttons()
        self.resize(1000, 720)

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> None:
        """Show the window at once; the page plan and the first page follow."""
        self.open()
        QTimer.singleShot(0, self._begin)

    def _begin(self) -> None:
        if not self.isVisible():
            return
        self.source = self._prepare(self.printer)
        self.page_box.setMaximum(max(1, self.page_count))
        self.of_label.setText(
            # A page number is never grouped ("1520", not "1,520"/"1.520"): as in the page
            # footer and the page box.
            QCoreApplication.translate("PrintPreview", "of %1").replace("%1", str(self.page_count))
        )
        self.show_page(0)

    def closeEvent(self, event) -> None:
        self.stop_drawing()
        super().closeEvent(event)

    def done(self, result: int) -> None:  # Esc and close: no drawing after the window went
        self.stop_drawing()
        super().done(result)

    def stop_drawing(self) -> None:
        self._ahead_timer.stop()
        self._resize_timer.stop()
        self._ahead.clear()

    @property
    def page_count(self) -> int:
        return self.source.pages if self.source is not None else 0

    @property
    def drawing(self) -> bool:
        """Whether pages are still being drawn ahead."""
        return self._ahead_timer.isActive()

    # -- pages ------------------------------------------------------------------------------
    def _width_px(self) -> int:
        ratio = self.devicePixelRatioF()
        width = self.scroll_area.viewport().width() - 24
        return max(200, int(width * ratio))

    def _image(self, n: int) -> QImage:
        assert self.source is not None
        key = (n, self._width_px())
        image = self._cache.get(key)
        if image is None:
            image = render_page(self.source, self.printer, n, key[1])
            self._cache[key] = image
            while len(self._cache) > CACHE_PAGES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return image

    def show_page(self, n: int) -> None:
        if self.source is None or not self.page_count:
            return
        n = max(0, min(n, self.page_count - 1))
        self.current = n
        pixmap = QPixmap.fromImage(self._image(n))
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.page_label.setPixmap(pixmap)
        self.shown_page = n
        if self.page_box.value() != n + 1:
            self.page_box.blockSignals(True)
            self.page_box.setValue(n + 1)
            self.page_box.blockSignals(False)
        self._update_buttons()
        self.status.setText(
            QCoreApplication.translate(
                "PrintPreview", "Page Up/Down: turn pages · Home/End: first/last page"
            )
        )
        self._ahead = [k for k in range(n + 1, min(n + 1 + AHEAD_PAGES, self.page_count))]
        if self._ahead and self.isVisible():
            self._ahead_timer.start()
        self.page_shown.emit(n)

    def _draw_ahead(self) -> None:
        if not self._ahead or not self.isVisible():
            self._ahead_timer.stop()
            return
        self._image(self._ahead.pop(0))
        if not self._ahead:
            self._ahead_timer.stop()

    def _update_buttons(self) -> None:
        count = self.page_count
        for button in (self.first_button, self.prev_button):
            button.setEnabled(count > 0 and self.current > 0)
        for button in (self.next_button, self.last_button):
            button.setEnabled(count > 0 and self.current < count - 1)
        self.page_box.setEnabled(count > 1)
        self.print_button.setEnabled(count > 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The page number box leaves the page keys to the window's shortcuts."""
        if watched in (self.page_box, self._page_edit) and event.type() in (
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyPress,
        ):
            assert isinstance(event, QKeyEvent)
            turn = self._page_keys.get(event.keyCombination().toCombined())
            if turn is not None:
                if event.type() == QEvent.Type.KeyPress:
                    turn()  # the key reached the box after all: turn the page here
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.source is not None:
            self._resize_timer.start()

    # -- printing ---------------------------------------------------------------------------
    def _print(self) -> None:
        self._print_pages(self.printer)
