"""The customer side panel: master data, KPIs, goals, notes, cell details, visit preparation."""

from kpm_desktop.gui.side_panel.dock import SidePanel, SidePanelDock

__all__ = ["SidePanel", "SidePanelDock"]
