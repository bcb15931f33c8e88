"""The main window's own actions (file, edit, marks, view, help): declared once here."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow

from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.gui.actions import ActionId, ActionRegistry, MenuId
from kpm_desktop.gui.matrix_model import MatrixModel
from kpm_desktop.gui.matrix_view import DEFAULT_ZOOM, MatrixView
from kpm_desktop.gui.palette import mark_description, mark_icon, mark_name, ui_colors

if TYPE_CHECKING:  # the mixin is only ever part of MainWindow (a QMainWindow)
    _WindowBase = QMainWindow
else:
    _WindowBase = object

MARK_ACTIONS: tuple[tuple[ActionId, int, tuple[str, ...]], ...] = (
    (ActionId.MARK_OURS, int(Mark.OURS), ("X", "1")),
    (ActionId.MARK_COMPETITOR, int(Mark.COMPETITOR), ("W", "2", "R")),
    (ActionId.MARK_NEED, int(Mark.NEED), ("B", "3", "G")),
    (ActionId.MARK_NO_NEED, int(Mark.NO_NEED), ("K", "4", "N")),
    (ActionId.MARK_WHITE, WHITE, ("Del", "0")),
)


def redo_shortcuts() -> list[QKeySequence]:
    """The platform's redo key(s) and Ctrl+Y everywhere (Linux has only Ctrl+Shift+Z)."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    ctrl_y = QKeySequence("Ctrl+Y")
    if ctrl_y not in keys:
        keys.append(ctrl_y)
    return keys


class MainActionsMixin(_WindowBase):
    """Declares the main window's actions in its ``ActionRegistry``; part of ``MainWindow``."""

    view: MatrixView
    model: MatrixModel
    action_registry: ActionRegistry
    undo_group: QUndoGroup
    # MainWindow's slots the actions trigger
    new_file: Callable[[], None]
    open_dialog: Callable[[], None]
    save_copy_dialog: Callable[[], None]
    close_file: Callable[[], bool]
    mark_selection: Callable[[int], bool]
    copy_selection: Callable[[], bool]
    paste: Callable[..., bool]
    focus_matrix: Callable[[], None]
    show_about: Callable[[], None]
    _report_undo: Callable[[], None]
    _report_redo: Callable[[], None]

    # -- actions ---------------------------------------------------------------------------
    def _declare_actions(self) -> None:
        a = self.action_registry
        std = QKeySequence.StandardKey
        a.add(ActionId.NEW, self.tr("&New…"), self.new_file, menu=MenuId.FILE, section="file",
              shortcut=std.New, tip=self.tr("Create a new, empty matrix file"))  # fmt: skip
        a.add(ActionId.OPEN, self.tr("&Open…"), self.open_dialog, menu=MenuId.FILE,
              section="file", shortcut=std.Open, tip=self.tr("Open a matrix file"))  # fmt: skip
        a.add(ActionId.SAVE_COPY, self.tr("Save a &Copy As…"), self.save_copy_dialog,
              menu=MenuId.FILE, section="file", shortcut=std.SaveAs,
              tip=self.tr("Write a copy of the open file (every edit is already saved)"))  # fmt: skip
        a.add(ActionId.CLOSE, self.tr("Clo&se"), self.close_file, menu=MenuId.FILE,
              section="close", shortcut=std.Close)  # fmt: skip
        # The platform's Quit key; some platforms (Windows, plain X11) have none: Ctrl+Q.
        a.add(ActionId.QUIT, self.tr("&Quit"), self.close, menu=MenuId.FILE, section="quit",
              shortcuts=QKeySequence.keyBindings(std.Quit) or [QKeySequence("Ctrl+Q")])  # fmt: skip
        a[ActionId.QUIT].setMenuRole(QAction.MenuRole.QuitRole)

        undo = self.undo_group.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence(std.Undo))
        redo = self.undo_group.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts(redo_shortcuts())
        # The menu says what will be undone; toolbar buttons keep a short, fixed label (the
        # mark palette next to them would otherwise move with every edit).
        undo.setIconText(self.tr("Undo"))
        redo.setIconText(self.tr("Redo"))
        a.add(ActionId.UNDO, undo.text(), menu=MenuId.EDIT, section="undo", action=undo)
        a.add(ActionId.REDO, redo.text(), menu=MenuId.EDIT, section="undo", action=redo)
        # Connected after the group's own slot: the step is already undone/redone here.
        undo.triggered.connect(self._report_undo)
        redo.triggered.connect(self._report_redo)
        a.add(ActionId.COPY, self.tr("&Copy marks"), self.copy_selection, menu=MenuId.EDIT,
              section="clipboard", shortcut=std.Copy,
              tip=self.tr("Copy the selected marks as a block for Excel or Calc"))  # fmt: skip
        a.add(ActionId.PASTE, self.tr("&Paste marks"), self.paste, menu=MenuId.EDIT,
              section="clipboard", shortcut=std.Paste,
              tip=self.tr("Paste a block of marks (X, W, B, K, empty) copied from a spreadsheet"))  # fmt: skip
        a.add(ActionId.SELECT_ALL, self.tr("Select &All"), self.view.selectAll,
              menu=MenuId.EDIT, section="select", shortcut=std.SelectAll)  # fmt: skip
        # The copy/paste keys reach the view first (it emits copy/paste_requested); the
        # window-wide shortcuts would otherwise be ambiguous with QLineEdits.
        for key in (ActionId.COPY, ActionId.PASTE, ActionId.SELECT_ALL):
            a[key].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(a[key])

        for key, code, keys in MARK_ACTIONS:
            act = a.add(
                key,
                mark_name(code),
                lambda c=code: self.mark_selection(c),
                menu=MenuId.MARK,
                section="marks",
                toolbar="marks",
                shortcuts=[QKeySequence(k) for k in keys],
                icon=mark_icon(code, ui_colors(self.palette())),
                tip=self.tr("%1 — %2 (keys: %3)")
                .replace("%1", mark_name(code))
                .replace("%2", mark_description(code))
                .replace("%3", ", ".join(keys)),
            )
            # Only while the matrix has focus: typing X in a search field must stay an X.
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(act)
        view = self.view
        a.add(ActionId.ZOOM_IN, self.tr("Zoom &In"), lambda: view.set_zoom(view.zoom + 1),
              menu=MenuId.VIEW, section="view", shortcut=std.ZoomIn,
              tip=self.tr("Larger cells"))  # fmt: skip
        a.add(ActionId.ZOOM_OUT, self.tr("Zoom &Out"), lambda: view.set_zoom(view.zoom - 1),
              menu=MenuId.VIEW, section="view", shortcut=std.ZoomOut,
              tip=self.tr("Smaller cells: more of a large matrix at a glance"))  # fmt: skip
        a.add(ActionId.ZOOM_RESET, self.tr("&Normal Size"),
              lambda: view.set_zoom(DEFAULT_ZOOM), menu=MenuId.VIEW, section="view",
              shortcut="Ctrl+0")  # fmt: skip
        # Back to the matrix from the filter bar, a dock or the toolbar without the mouse.
        a.add(ActionId.FOCUS_MATRIX, self.tr("Go to the &Matrix"), self.focus_matrix,
              menu=MenuId.VIEW, section="view", shortcuts=[QKeySequence("F6"),
              QKeySequence("Ctrl+M")],
              tip=self.tr("Move the keyboard focus to the matrix (F6 or Ctrl+M)"))  # fmt: skip
        a.add(ActionId.ABOUT, self.tr("&About KPM Desktop"), self.show_about, menu=MenuId.HELP,
              section="about")  # fmt: skip
