"""A layout that places widgets left to right and wraps onto the next row when space runs out.

Qt has none built in (this follows Qt's "Flow Layout" example). The filter bar uses it: on a
narrow window its groups move onto a further row instead of hiding behind a scroll bar.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    """Items in reading order, wrapped to the width; height follows the width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- QLayout interface -------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        """Override."""
        self._items.append(item)

    def count(self) -> int:
        """Override."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """Override."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Override."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        """Override: takes the width it is given, never asks for more height than it needs."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        """Override."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Override: the height of the rows at this width."""
        return self._do_layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        """Override."""
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)

    def sizeHint(self) -> QSize:
        """Override: everything on one row."""
        m = self.contentsMargins()
        visible = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in visible) + self._spacing * max(
            0, len(visible) - 1
        )
        height = max((i.sizeHint().height() for i in visible), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """Override: as narrow as the widest item (everything else wraps)."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # -- placing -----------------------------------------------------------------------------
    def _do_layout(self, rect: QRect, *, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y = area.x(), area.y()
        line_height = 0
        row: list[tuple[QLayoutItem, QSize]] = []
        rows: list[tuple[int, int, list[tuple[QLayoutItem, QSize]]]] = []
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = min(hint.width(), area.width()) if area.width() > 0 else hint.width()
            if row and x + width > area.right() + 1:
                rows.append((y, line_height, row))
                x, y = area.x(), y + line_height + self._spacing
                line_height, row = 0, []
            row.append((item, QSize(width, hint.height())))
            x += width + self._spacing
            line_height = max(line_height, hint.height())
        if row:
            rows.append((y, line_height, row))
        if apply:
            for top, height, items in rows:
                self._place_row(area, top, height, items)
        bottom = rows[-1][0] + rows[-1][1] if rows else area.y()
        return bottom - rect.y() + m.bottom()

    def _place_row(
        self, area: QRect, top: int, height: int, items: list[tuple[QLayoutItem, QSize]]
    ) -> None:
        """Place one row; expanding items share what is left of the width."""
        used = sum(size.width() for _, size in items) + self._spacing * (len(items) - 1)
        grows = [_expands(item) for item, _ in items]
        extra = max(0, area.width() - used)
        share = extra // sum(grows) if any(grows) else 0
        x = area.x()
        for (item, size), grow in zip(items, grows, strict=True):
            width = size.width() + (share if grow else 0)
            y = top + (height - size.height()) // 2
            item.setGeometry(QRect(QPoint(x, y), QSize(width, size.height())))
            x += width + self._spacing


def _expands(item: QLayoutItem) -> bool:
    widget = item.widget()
    if widget is None:
        return False
    return widget.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Expanding
