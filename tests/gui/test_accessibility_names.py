"""Screen readers: every focusable widget of the main window has a name; cells speak their mark."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

from kpm_desktop.domain.marks import WHITE, Mark


def _qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside a composite widget (spin box editor, combo popup, tab bar)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return True
        parent = parent.parentWidget()
    return widget.objectName().startswith("qt_")


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or _qt_internal(widget):
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_focusable_widget_of_the_main_window_has_an_accessible_name(
    main_window_factory, demo_file
) -> None:
    # with every extension: filter bar, side panel, insights
    win = main_window_factory(demo_file, persist_state=False, settle_ms=50)
    missing = _unnamed(win)
    assert missing == [], "\n".join(missing)
    view = win.view
    assert view.accessibleName() and view.accessibleDescription()
    assert view.horizontalHeader().accessibleName()
    assert view.verticalHeader().accessibleName()
    for key in ("mark.ours", "mark.competitor", "mark.need", "mark.no_need", "mark.white"):
        button = win.action_registry.toolbar("marks").widgetForAction(win.action_registry[key])
        assert QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name)
    win.close()


def test_cells_answer_the_accessible_text_role(window) -> None:
    m = window.model
    role = Qt.ItemDataRole.AccessibleTextRole
    seen = set()
    for r in range(min(m.rowCount(), 30)):
        for c in range(m.columnCount()):
            code = m.code_at(r, c)
            text = m.data(m.index(r, c), role)
            customer = m.headerData(r, Qt.Orientation.Vertical)
            product = m.headerData(c, Qt.Orientation.Horizontal)
            name = {
                WHITE: "White spot",
                int(Mark.OURS): "Ours",
                int(Mark.COMPETITOR): "Competitor",
                int(Mark.NEED): "Need",
                int(Mark.NO_NEED): "No need",
            }[code]
            assert text == f"{customer} – {product}: {name}", text
            seen.add(code)
    assert seen == {WHITE, *(int(k) for k in Mark)}
