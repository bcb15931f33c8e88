"""Small shared pieces of the side panel: optional date and amount fields, mark names, formats."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from kpm_desktop.domain.marks import Mark


def mark_name(mark: Mark | None) -> str:
    """User-facing name of a mark (None = white spot)."""
    names = {
        None: QCoreApplication.translate("SidePanel", "white spot"),
        Mark.OURS: QCoreApplication.translate("SidePanel", "ours (X)"),
        Mark.COMPETITOR: QCoreApplication.translate("SidePanel", "competitor (W)"),
        Mark.NEED: QCoreApplication.translate("SidePanel", "need (B)"),
        Mark.NO_NEED: QCoreApplication.translate("SidePanel", "no need (K)"),
    }
    return names[mark]


MARK_CHOICES: tuple[Mark | None, ...] = (None, *Mark)


def fmt_date(value: date | datetime | None) -> str:
    if value is None:
        return QCoreApplication.translate("SidePanel", "never")
    if isinstance(value, datetime):
        value = value.astimezone().date()
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def fmt_amount(value: float | None) -> str:
    if value is None:
        return QCoreApplication.translate("SidePanel", "not entered")
    return QLocale().toString(float(value), "f", 0)


def fmt_percent(value: float | None) -> str:
    if value is None:
        return QCoreApplication.translate("SidePanel", "n/a")
    return QLocale().toString(float(value), "f", 1) + " %"


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


_NO_DATE = QDate(1900, 1, 1)  # an OptionalDateEdit without a date


class OptionalDateEdit(QWidget):
    """A date that may be absent: a check box switches the date editor on.

    Unset, the editor is empty (not today's date, which read like an answer); ticking the
    box starts it at today.
    """

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(label, self)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        # The minimum date stands for "no date": shown as an empty field.
        self.edit.setMinimumDate(_NO_DATE)
        self.edit.setSpecialValueText(" ")
        self.edit.setDate(_NO_DATE)
        self.edit.setEnabled(False)
        self.edit.setAccessibleName(label)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self._toggled)
        self.check.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        if on and self.edit.date() == _NO_DATE:
            self.edit.setDate(QDate.currentDate())
        elif not on:
            self.edit.setDate(_NO_DATE)

    def value(self) -> date | None:
        if not self.check.isChecked() or self.edit.date() == _NO_DATE:
            return None
        return from_qdate(self.edit.date())

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self.edit.setDate(to_qdate(value))
        self.check.setChecked(value is not None)
        if value is None:
            self.edit.setDate(_NO_DATE)


class AmountEdit(QLineEdit):
    """A money amount in the user's locale; empty = not entered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        validator = QDoubleValidator(0.0, 1e12, 2, self)
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        self.setValidator(validator)
        self.setPlaceholderText(QCoreApplication.translate("SidePanel", "not entered"))

    def value(self) -> float | None:
        text = self.text().strip()
        if not text:
            return None
        number, ok = QLocale().toDouble(text)
        if not ok:
            number, ok = QLocale.c().toDouble(text.replace(",", "."))
        return number if ok else None

    def set_value(self, value: float | None) -> None:
        if value is None:
            self.clear()
            return
        # No group separators: the validator would not accept the text back.
        loc = QLocale()
        loc.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
        text = loc.toString(float(value), "f", 2)
        if text.endswith(loc.decimalPoint() + "00"):
            text = text[: -1 - 2]
        self.setText(text)
