"""Explicit wiring (issue 13 item 6): the extensions fill attributes the main window declares,
and per-file feature state is owned by the workspace; nothing is attached from outside."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import SignalInstance


def _attributes(obj: object) -> set[str]:
    """The instance attributes (PySide caches bound signals in the instance dict: not ours)."""
    return {name for name, value in vars(obj).items() if not isinstance(value, SignalInstance)}


def test_extensions_set_only_declared_window_attributes(main_window_factory, demo_file) -> None:
    from kpm_desktop.gui.export_menu import ExportActions
    from kpm_desktop.gui.filter_bar import FilterBar
    from kpm_desktop.gui.insights_view.dock import InsightsDock
    from kpm_desktop.gui.merge_menu import MergeController
    from kpm_desktop.gui.side_panel.dock import SidePanelDock
    from kpm_desktop.gui.team_menu import TeamController
    from kpm_desktop.gui.trips.extension import TripActions

    bare = main_window_factory(extensions=(), persist_state=False, show=False)
    declared = _attributes(bare)
    assert bare.filter_bar is None and bare.team is None  # declared, empty without extension

    full = main_window_factory(demo_file, persist_state=False, show=False)
    assert _attributes(full) - declared == set()
    assert isinstance(full.filter_bar, FilterBar)
    assert isinstance(full.side_panel, SidePanelDock)
    assert isinstance(full.insights_dock, InsightsDock)
    assert isinstance(full.export_actions, ExportActions)
    assert isinstance(full.trip_actions, TripActions)
    assert isinstance(full.team, TeamController)
    assert isinstance(full.merge, MergeController)
    assert full.side_panel_glue is not None
    full.close()
    bare.close()


def test_the_workspace_owns_its_feature_data(qtbot, demo_file: Path) -> None:
    from kpm_desktop.workspace.customer_commands import CustomerData, customer_data
    from kpm_desktop.workspace.trip_commands import TripData, trip_data
    from kpm_desktop.workspace.workspace import Workspace

    ws = Workspace.open(demo_file, read_only=True)
    try:
        before = _attributes(ws)
        data = customer_data(ws)
        trips = trip_data(ws)
        assert isinstance(data, CustomerData) and isinstance(trips, TripData)
        assert customer_data(ws) is data and trip_data(ws) is trips  # one per file
        assert ws.part(CustomerData) is data
        assert _attributes(ws) == before  # nothing attached from outside
        assert data.parent() is ws  # owned by the workspace: gone with it
    finally:
        ws.close()
