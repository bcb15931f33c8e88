"""The short first-run guide: what the marks mean, marking by keyboard, white spots, visit sheet.

Shown once on the first start (the demo matrix is open then); Help > Getting started opens it
again. Whether it has been shown lives in the per-user settings.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.gui.palette import (
    LETTER,
    MARK_CODES_ORDER,
    mark_description,
    mark_name,
    swatch_pixmap,
    ui_colors,
)

GUIDE_SHOWN_KEY = "ui/guide_shown"


def should_show_guide(settings: QSettings) -> bool:
    return not _as_bool(settings.value(GUIDE_SHOWN_KEY, False))


def _as_bool(value: object) -> bool:
    # QSettings (INI) hands booleans back as the strings "true"/"false".
    return value is True or str(value).lower() == "true"


class FirstRunGuide(QDialog):
    """A dismissible one-page guide."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Getting started with KPM Desktop"))
        self.setAccessibleName(self.tr("Getting started guide"))
        layout = QVBoxLayout(self)

        intro = QLabel(
            self.tr(
                "<b>One row per customer, one column per product.</b> Each cell says what you "
                "know about that customer and product. Empty cells are <b>white spots</b>: "
                "nobody knows yet — that is what to ask on the next visit."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        legend_box = QGroupBox(self.tr("What the marks mean"))
        legend = QGridLayout(legend_box)
        for row, code in enumerate(MARK_CODES_ORDER):
            swatch = QLabel()
            swatch.setPixmap(
                swatch_pixmap(code, 28, 20, self.devicePixelRatioF(), ui_colors(self.palette()))
            )
            swatch.setAccessibleName(mark_name(code))
            key = QLabel(LETTER[code])
            name = QLabel(mark_name(code))
            for label in (key, name):
                font = label.font()
                font.setBold(True)
                label.setFont(font)
            text = QLabel(mark_description(code))
            text.setWordWrap(True)
            for col, widget in enumerate((swatch, key, name, text)):
                legend.addWidget(widget, row, col)
        legend.setColumnStretch(3, 1)
        layout.addWidget(legend_box)

        for title, body in (
            (
                self.tr("Mark with the keyboard"),
                self.tr(
                    "Select one or more cells and press <b>X</b> or <b>1</b> (buys from us), "
                    "<b>W</b>, <b>R</b> or <b>2</b> (competitor), <b>B</b>, <b>G</b> or <b>3</b> "
                    "(need), <b>K</b>, <b>N</b> or <b>4</b> (no need), <b>Del</b> or <b>0</b> "
                    "(back to white spot). Every change is saved at once; <b>Ctrl+Z</b> undoes it."
                ),
            ),
            (
                self.tr("Find the white spots"),
                self.tr(
                    "In the filter bar above the matrix, tick <b>Only customers with white "
                    "spots</b>, choose a product group, or sort customers by white spots. The "
                    "status bar shows the coverage of what you see."
                ),
            ),
            (
                self.tr("Prepare a visit"),
                self.tr(
                    "Click a customer: the side panel lists the white spots, stale cells, "
                    "competitor contracts up for renewal and open goals. Print it as a visit "
                    "one-pager from the File menu and take it along."
                ),
            ),
        ):
            box = QGroupBox(title)
            box_layout = QVBoxLayout(box)
            label = QLabel(body)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            box_layout.addWidget(label)
            layout.addWidget(box)

        self.show_again = QCheckBox(self.tr("Show this guide at every start"))
        self.show_again.setChecked(False)
        layout.addWidget(self.show_again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def done(self, result: int) -> None:  # QDialog.done override
        # Remember the choice however the dialog is closed (button, Esc, window close).
        self._settings.setValue(GUIDE_SHOWN_KEY, not self.show_again.isChecked())
        self._settings.sync()
        super().done(result)
