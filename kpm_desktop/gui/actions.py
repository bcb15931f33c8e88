"""One registry for every QAction of the main window (menus, toolbar, context menu).

Actions are declared once with an enum key, a menu, an optional toolbar and a shortcut; menus
and toolbars are built from the declarations. Other modules add their own actions with
``ActionRegistry.add`` (any hashable key, ideally their own ``StrEnum``), in a menu section of
their choice, without touching this file::

    window.action_registry.add(
        "export.xlsx", window.tr("Export as XLSX…"), export_xlsx, menu=MenuId.FILE,
        section="export",
    )
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QToolBar


class MenuId(StrEnum):
    FILE = "file"
    EDIT = "edit"
    VIEW = "view"
    MARK = "mark"
    DATA = "data"
    TOOLS = "tools"
    HELP = "help"


class ActionId(StrEnum):
    NEW = "file.new"
    OPEN = "file.open"
    SAVE_COPY = "file.save_copy"
    CLOSE = "file.close"
    QUIT = "file.quit"
    UNDO = "edit.undo"
    REDO = "edit.redo"
    COPY = "edit.copy"
    PASTE = "edit.paste"
    SELECT_ALL = "edit.select_all"
    MARK_OURS = "mark.ours"
    MARK_COMPETITOR = "mark.competitor"
    MARK_NEED = "mark.need"
    MARK_NO_NEED = "mark.no_need"
    MARK_WHITE = "mark.white"
    ZOOM_IN = "view.zoom_in"
    ZOOM_OUT = "view.zoom_out"
    ZOOM_RESET = "view.zoom_reset"
    FOCUS_MATRIX = "view.focus_matrix"
    ABOUT = "help.about"


# Order of sections inside each menu; a section unknown here goes to the end in order of use.
MENU_SECTIONS: dict[MenuId, tuple[str, ...]] = {
    MenuId.FILE: ("file", "recent", "import", "export", "print", "safety", "close", "quit"),
    MenuId.EDIT: ("undo", "clipboard", "select", "manage", "settings"),
    MenuId.VIEW: ("filter", "panels", "view"),
    MenuId.MARK: ("marks",),
    MenuId.DATA: ("manage", "data"),
    MenuId.TOOLS: ("tools", "insights"),
    MenuId.HELP: ("help", "about"),
}


@dataclass
class _Entry:
    """An action and where the registry places it (menu, section, tool bar)."""

    action: QAction
    menu: MenuId | None
    section: str
    toolbar: str | None


@dataclass
class ActionRegistry:
    """Actions keyed by id; builds the menu bar and tool bars of a main window."""

    window: QMainWindow
    _entries: dict[Hashable, _Entry] = field(default_factory=dict)
    _menus: dict[MenuId, QMenu] = field(default_factory=dict)
    _toolbars: dict[str, QToolBar] = field(default_factory=dict)
    _sections: dict[MenuId, list[tuple[int, str, QAction]]] = field(default_factory=dict)
    _built: bool = False

    def add(
        self,
        key: Hashable,
        text: str,
        triggered: Callable[..., object] | None = None,
        *,
        menu: MenuId | None = None,
        section: str = "",
        toolbar: str | None = None,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        shortcuts: list[QKeySequence] | None = None,
        icon: QIcon | None = None,
        tip: str = "",
        checkable: bool = False,
        action: QAction | None = None,
    ) -> QAction:
        """Declare an action (or adopt an existing one, e.g. from QUndoStack).

        ``triggered`` is called without arguments (with ``checked`` for checkable actions).
        """
        if key in self._entries:
            raise KeyError(f"action {key!r} exists already")
        act = action or QAction(text, self.window)
        if action is None:
            act.setText(text)
        act.setObjectName(f"action_{key}")
        if icon is not None:
            act.setIcon(icon)
        if shortcuts:
            act.setShortcuts(shortcuts)
        elif shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setToolTip(tip)
            act.setStatusTip(tip)
        if checkable:
            act.setCheckable(True)
        if triggered is not None:
            act.triggered.connect(_adapt(triggered, checkable))
        entry = _Entry(act, menu, section or (menu.value if menu else ""), toolbar)
        self._entries[key] = entry
        if self._built:
            self._place(key, entry)
        return act

    def __getitem__(self, key: Hashable) -> QAction:
        return self._entries[key].action

    def __contains__(self, key: Hashable) -> bool:
        return key in self._entries

    def get(self, key: Hashable) -> QAction | None:
        entry = self._entries.get(key)
        return entry.action if entry else None

    def keys(self) -> list[Hashable]:
        return list(self._entries)

    def menu(self, menu_id: MenuId) -> QMenu:
        return self._menus[menu_id]

    def toolbar(self, name: str) -> QToolBar:
        return self._toolbars[name]

    def build(self, menu_bar: QMenuBar, titles: dict[MenuId, str]) -> None:
        """Create the menus (in MenuId order) and place every declared action."""
        for menu_id in MenuId:
            menu = menu_bar.addMenu(titles.get(menu_id, menu_id.value))
            menu.setObjectName(f"menu_{menu_id.value}")
            self._menus[menu_id] = menu
        self._built = True
        for key, entry in self._entries.items():
            self._place(key, entry)

    def add_toolbar(self, name: str, title: str) -> QToolBar:
        bar = self.window.addToolBar(title)
        bar.setObjectName(f"toolbar_{name}")
        self._toolbars[name] = bar
        for entry in self._entries.values():
            if entry.toolbar == name:
                bar.addAction(entry.action)
        return bar

    def _place(self, key: Hashable, entry: _Entry) -> None:
        if entry.menu is not None:
            menu = self._menus[entry.menu]
            self._insert_in_section(menu, entry.menu, entry.section, entry.action)
        if entry.toolbar is not None and entry.toolbar in self._toolbars and self._built:
            bar = self._toolbars[entry.toolbar]
            if entry.action not in bar.actions():
                bar.addAction(entry.action)

    def _insert_in_section(self, menu: QMenu, menu_id: MenuId, section: str, act: QAction) -> None:
        """Keep sections in MENU_SECTIONS order; each section ends with a separator."""
        order = MENU_SECTIONS.get(menu_id, ())
        sections = self._sections.setdefault(menu_id, [])
        marker = next((m for _, name, m in sections if name == section), None)
        if marker is None:
            rank = order.index(section) if section in order else len(order) + len(sections)
            marker = QAction(menu)
            marker.setSeparator(True)
            marker.setObjectName(f"section_{menu_id.value}_{section}")
            pos = next((i for i, (r, _, _) in enumerate(sections) if r > rank), len(sections))
            if pos == len(sections):
                menu.addAction(marker)
            else:
                # before the first action of the following section
                acts = menu.actions()
                first = acts.index(sections[pos - 1][2]) + 1 if pos > 0 else 0
                menu.insertAction(acts[first], marker)
            sections.insert(pos, (rank, section, marker))
        menu.insertAction(marker, act)


def _adapt(fn: Callable[..., object], checkable: bool) -> Callable[[bool], object]:
    """Checkable actions pass ``checked`` to their slot; others call it without arguments."""
    if checkable:

        def with_checked(checked: bool = False) -> object:
            return fn(checked)

        return with_checked

    def without_checked(checked: bool = False) -> object:
        return fn()

    return without_checked
