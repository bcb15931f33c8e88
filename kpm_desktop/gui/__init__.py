"""Qt widgets: main window, matrix model/view/delegate, actions, dialogs, UI settings."""
