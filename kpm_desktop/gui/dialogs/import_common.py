"""Shared pieces of the import wizard: translated messages, busy/error widgets, tables.

The wizard is split by page: ``import_source`` (file and columns), ``import_preview``
(preview), ``import_conflicts`` (conflicts) and ``import_dialog`` (the wizard itself, which
applies the plan). ``import_worker`` runs reading and planning off the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
)

from kpm_desktop.gui.palette import style_error_label
from kpm_desktop.import_export.messages import MESSAGES

MAX_SHOWN = 2_000  # rows in the problem/conflict tables; the CSV has all of them


def tr_message(key: str, params: dict[str, Any]) -> str:
    """A message from ``import_export.messages`` in the UI language."""
    locale = QLocale()
    shown = {  # large counts and limits grouped the UI's way: 200.000 / 200,000
        k: locale.toString(v) if type(v) is int and abs(v) >= 10_000 else v
        for k, v in params.items()
    }
    return QCoreApplication.translate("import", MESSAGES[key]).format(**shown)  # i18n: dynamic


def kind_labels() -> dict[str, str]:
    return {
        "customers": QCoreApplication.translate("ImportDialog", "Customer list"),
        "products": QCoreApplication.translate("ImportDialog", "Product list"),
        "sales": QCoreApplication.translate(
            "ImportDialog", "Sales data (customer, product, revenue)"
        ),
        "matrix": QCoreApplication.translate(
            "ImportDialog", "Existing matrix sheet (letters or colours)"
        ),
        "kpm": QCoreApplication.translate("ImportDialog", "KPM Desktop export (XLSX)"),
    }


class BusyMixin:
    """A progress bar with a cancel button, and an error label, for pages waiting on a task."""

    def _busy_widgets(self, layout: QVBoxLayout) -> None:
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(True)
        self.cancel_button = QPushButton(QCoreApplication.translate("ImportDialog", "Cancel"))
        self.cancel_button.setObjectName("import_cancel_task")
        self.error_label = QLabel()
        self.error_label.setObjectName("import_error")
        self.error_label.setWordWrap(True)
        style_error_label(self.error_label)
        row = QHBoxLayout()
        row.addWidget(self.busy_bar, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addWidget(self.error_label)

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.error_label.clear()
            self.busy_bar.setFormat(QCoreApplication.translate("ImportDialog", "Reading…"))


def make_table(headers: list[str]) -> QTableWidget:
    """A read-only row table with the (already translated) column ``headers``."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    header = table.horizontalHeader()
    # Names wide enough to read (German headers are longer too); the last column takes the rest.
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    return table


def entity_text(name: str, number: str, city: str) -> str:
    """'Name (no. 4711, Köln)' in the UI language; '–' for a missing number or city."""
    return (
        QCoreApplication.translate("ImportDialog", "%1 (no. %2, %3)")
        .replace("%1", name)
        .replace("%2", number or "–")
        .replace("%3", city or "–")
    )


def changes_text(changes: list[tuple[str, str, str]]) -> str:
    labels = {
        "number": QCoreApplication.translate("ImportDialog", "Number"),
        "city": QCoreApplication.translate("ImportDialog", "City"),
        "postcode": QCoreApplication.translate("ImportDialog", "Postcode"),
        "street": QCoreApplication.translate("ImportDialog", "Street"),
        "phone": QCoreApplication.translate("ImportDialog", "Phone"),
        "segment": QCoreApplication.translate("ImportDialog", "Industry"),
        "region": QCoreApplication.translate("ImportDialog", "Region"),
        "owner": QCoreApplication.translate("ImportDialog", "Owner"),
        "abc_class": QCoreApplication.translate("ImportDialog", "ABC class"),
    }
    if not changes:
        return QCoreApplication.translate("ImportDialog", "nothing")
    return "; ".join(f"{labels.get(f, f)}: {old or '–'} → {new}" for f, old, new in changes)
