"""Visit trips in the GUI: planner, trips list, debrief (Visits menu)."""
