"""No attribute of a GUI class hides a Qt method (issue 13 item 5).

``MainWindow.actions`` once hid ``QWidget.actions()`` and ``ExportJob.thread`` hid
``QObject.thread()``: Qt code calling them got a list or a thread object instead. This walks
every class in ``kpm_desktop.gui`` that derives from a Qt class and fails on a ``self.X = ...``
or a class-level ``X = ...`` (signals, constants) whose name a Qt base class defines.
Overriding a Qt method with ``def`` stays allowed (that is how Qt is extended).
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "kpm_desktop"


def _qt_names(cls: type) -> set[str]:
    names: set[str] = set()
    for base in cls.__mro__:
        if base.__module__.startswith(("PySide6", "Shiboken")):
            names |= set(vars(base))
    return names


def _assigned_names(node: ast.ClassDef) -> list[tuple[int, str]]:
    found = []
    for stmt in node.body:  # class level: X = Signal(...), X: int = ...
        targets = (
            stmt.targets
            if isinstance(stmt, ast.Assign)
            else [stmt.target]
            if isinstance(stmt, ast.AnnAssign)
            else []
        )
        found += [(stmt.lineno, t.id) for t in targets if isinstance(t, ast.Name)]
    for sub in ast.walk(node):  # instance level: self.X = ...
        targets = (
            sub.targets
            if isinstance(sub, ast.Assign)
            else [sub.target]
            if isinstance(sub, ast.AnnAssign)
            else []
        )
        found += [
            (sub.lineno, t.attr)
            for t in targets
            if isinstance(t, ast.Attribute)
            and isinstance(t.value, ast.Name)
            and t.value.id == "self"
        ]
    return found


def test_no_gui_attribute_shadows_a_qt_method(qapp) -> None:
    hits: list[str] = []
    checked = 0
    for path in sorted((PACKAGE / "gui").rglob("*.py")):
        module = importlib.import_module(
            ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        )
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            cls = getattr(module, node.name, None)
            if not isinstance(cls, type):
                continue
            qt = _qt_names(cls)
            if not qt:
                continue
            checked += 1
            hits += [
                f"{path.relative_to(PACKAGE.parent)}:{line} {node.name}.{name}"
                for line, name in _assigned_names(node)
                if name in qt and not name.startswith("__") and name != "staticMetaObject"
            ]
    assert checked > 50  # the walk found the GUI's Qt classes
    assert not hits, "attributes that hide a Qt method:\n" + "\n".join(hits)
