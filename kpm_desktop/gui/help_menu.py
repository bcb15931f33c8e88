"""Help menu extension: the first-run guide, the keyboard-shortcuts page, the New-matrix assistant.

Installed through ``gui.extensions``. The guide opens by itself only on a real start
(``maybe_show_first_run`` is called by ``gui.entry``), never when a window is built in tests.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QKeySequence

from kpm_desktop.gui import folders
from kpm_desktop.gui.actions import MenuId

if TYPE_CHECKING:
    from kpm_desktop.gui.dialogs.first_run_guide import FirstRunGuide
    from kpm_desktop.gui.dialogs.new_matrix import NewMatrixDialog
    from kpm_desktop.gui.dialogs.shortcuts_help import ShortcutsDialog
    from kpm_desktop.gui.main_window import MainWindow


class HelpAction(StrEnum):
    GUIDE = "help.guide"
    SHORTCUTS = "help.shortcuts"
    NEW_ASSISTANT = "file.new_assistant"


def install(window: MainWindow) -> None:
    a = window.action_registry
    a.add(
        HelpAction.GUIDE,
        QCoreApplication.translate("HelpMenu", "&Getting started"),
        lambda: show_guide(window),
        menu=MenuId.HELP,
        section="help",
        shortcut=QKeySequence.StandardKey.HelpContents,
    )
    a.add(
        HelpAction.SHORTCUTS,
        QCoreApplication.translate("HelpMenu", "&Keyboard shortcuts"),
        lambda: show_shortcuts(window),
        menu=MenuId.HELP,
        section="help",
        shortcut=QKeySequence("Ctrl+F1"),
    )
    a.add(
        HelpAction.NEW_ASSISTANT,
        QCoreApplication.translate("HelpMenu", "New from &lists…"),
        lambda: new_matrix_assistant(window),
        menu=MenuId.FILE,
        section="file",
        tip=QCoreApplication.translate(
            "HelpMenu", "Create a matrix by pasting or typing customer and product lists"
        ),
    )


def show_guide(window: MainWindow) -> FirstRunGuide:
    from kpm_desktop.gui.dialogs.first_run_guide import FirstRunGuide

    guide = FirstRunGuide(window.settings.qsettings, window)
    guide.setObjectName("first_run_guide")
    guide.open()  # window-modal but non-blocking: the matrix stays visible behind it
    return guide


def maybe_show_first_run(window: MainWindow) -> FirstRunGuide | None:
    """Open the guide on the first start (deferred until the window is on screen)."""
    from kpm_desktop.gui.dialogs.first_run_guide import should_show_guide

    if not should_show_guide(window.settings.qsettings):
        return None
    holder: list[FirstRunGuide] = []
    QTimer.singleShot(0, lambda: holder.append(show_guide(window)))
    return None


def _keys(window: MainWindow) -> list:
    return window.action_registry.keys()  # the registry's own method (not a dict)


def show_shortcuts(window: MainWindow) -> ShortcutsDialog:
    from kpm_desktop.gui.dialogs.shortcuts_help import ShortcutsDialog

    dialog = ShortcutsDialog([window.action_registry[k] for k in _keys(window)], window)
    dialog.setObjectName("shortcuts_dialog")
    dialog.open()
    return dialog


def new_matrix_assistant(window: MainWindow) -> NewMatrixDialog:
    from kpm_desktop.gui.dialogs.new_matrix import NewMatrixDialog

    start = folders.start_folder(window, folders.MATRIX)
    dialog = NewMatrixDialog(start, window)
    dialog.setObjectName("new_matrix_dialog")

    def finished(result: int) -> None:
        if result and dialog.created_path is not None:
            folders.remember(window, folders.MATRIX, dialog.created_path)
            window.open_file(dialog.created_path)
            if dialog.start_import:
                import_action = next(
                    (window.action_registry[k] for k in _keys(window) if str(k) == "file.import"),
                    None,
                )
                if import_action is not None:
                    import_action.trigger()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
