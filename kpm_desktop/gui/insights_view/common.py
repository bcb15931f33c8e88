"""Shared by the insights widgets: item roles, number formats, dimension names, reasons."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import QWidget

from kpm_desktop.domain.insights import Insights, Reason
from kpm_desktop.workspace.workspace import Workspace

DISPLAY = Qt.ItemDataRole.DisplayRole


TOOLTIP = Qt.ItemDataRole.ToolTipRole


ALIGN = Qt.ItemDataRole.TextAlignmentRole


BAR_ROLE = Qt.ItemDataRole.UserRole + 1


RIGHT_FLAG = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


RIGHT = int(RIGHT_FLAG)


# Above this many edited cells a full reload of the details is cheaper than patching.
PATCH_LIMIT = 2_000


# From this many matrix cells on, insights are computed in a worker (about 0.1 s per 1M cells).
BACKGROUND_CELLS = 1_500_000


def _money(value: float) -> str:
    return QLocale().toString(float(value), "f", 0)


def _int(value: int) -> str:
    return QLocale().toString(int(value))


def _pct(value: float) -> str:
    return QLocale().toString(float(value), "f", 1) + " %"


def dimension_names() -> dict[str, str]:
    return {
        "product": QCoreApplication.translate("InsightsView", "Product"),
        "group": QCoreApplication.translate("InsightsView", "Product group"),
        "region": QCoreApplication.translate("InsightsView", "Region"),
        "segment": QCoreApplication.translate("InsightsView", "Segment"),
        "owner": QCoreApplication.translate("InsightsView", "Owner"),
    }


def reason_text(reason: Reason, product_names: list[str], segment: str) -> str:
    """A translated sentence for one "where to go next" reason."""
    names = [product_names[j] for j in reason.cols[:3]]
    listed = ", ".join(names) + (", …" if len(reason.cols) > 3 else "")
    value = (
        QCoreApplication.translate("InsightsView", " (open value %1)").replace(
            "%1", _money(reason.value)
        )
        if reason.value
        else ""
    )
    if reason.kind == "needs":
        return (
            QCoreApplication.translate("InsightsView", "%1 need(s)%2: %3")
            .replace("%1", _int(reason.count))
            .replace("%2", value)
            .replace("%3", listed)
        )
    if reason.kind == "renewals":
        return (
            QCoreApplication.translate(
                "InsightsView", "%1 competitor contract(s) ending, next on %2%3: %4"
            )
            .replace("%1", _int(reason.count))
            .replace("%2", QLocale().toString(reason.next_date, QLocale.FormatType.ShortFormat))  # type: ignore[call-overload]  # PySide6 converts date/datetime; its stubs list QDate/QDateTime only
            .replace("%3", value)
            .replace("%4", listed)
        )
    buying, peers = reason.evidence[0]
    return (
        QCoreApplication.translate(
            "InsightsView",
            "%1 white spot(s) in products most customers of segment %2 buy from us%3: %4 (%5 of %6)",
        )
        .replace("%1", _int(reason.count))
        .replace("%2", segment or QCoreApplication.translate("InsightsView", "(none)"))
        .replace("%3", value)
        .replace("%4", listed)
        .replace("%5", _int(buying))
        .replace("%6", _int(peers))
    )


if TYPE_CHECKING:  # the tab mixins are only ever part of InsightsView (a QWidget)
    _Widget = QWidget
else:
    _Widget = object


class TabMixin(_Widget):
    """What the tab mixins (competitors, renewals, next steps) use of ``InsightsView``."""

    ws: Workspace | None
    rows: list[int] | None
    today: date | None
    insights: Insights | None
    rows_requested: Signal
    cell_requested: Signal
