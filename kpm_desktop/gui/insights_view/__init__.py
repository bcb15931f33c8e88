"""The insights dock: penetration bars, competitor and renewal radar, where to go next.

It follows the matrix: the insights are computed for the customers the matrix currently
shows (``MatrixModel.visible_rows()``), again after every edit, filter change or structure
change (debounced, and only while the dock is visible). Clicking a bar segment, a competitor
or a customer filters the matrix through ``MatrixModel.set_visible`` or moves the current
cell there; "Back" restores the rows shown before.

All numbers come from ``domain.insights`` over the compact grid and ``CellDetails``; the
details are loaded once and patched cell by cell after edits.
"""

from __future__ import annotations

from kpm_desktop.gui.insights_view.bars import (
    BarsModel,
    StackedBarDelegate,
    bar_segments,
    bar_tooltip,
)
from kpm_desktop.gui.insights_view.common import dimension_names, reason_text
from kpm_desktop.gui.insights_view.dock import InsightsDock, install
from kpm_desktop.gui.insights_view.view import InsightsView

__all__ = [
    "BarsModel",
    "InsightsDock",
    "InsightsView",
    "StackedBarDelegate",
    "bar_segments",
    "bar_tooltip",
    "dimension_names",
    "install",
    "reason_text",
]
