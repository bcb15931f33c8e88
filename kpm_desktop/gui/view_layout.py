"""How much of a small screen the matrix gets (listed in ``gui.extensions.EXTENSION_MODULES``).

* View › Compact Header collapses the header block (legend, rotated product names, count
  lines) to its group band — or a click on the block's corner — so that a 768-pixel laptop
  screen shows 25 and more customer rows; the choice is remembered.
* The customer-name column is widened by dragging its right edge; the width is remembered.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kpm_desktop.gui.actions import MenuId
from kpm_desktop.gui.matrix_headers import CUSTOMER_W


def install(window) -> None:
    """Add the View action and restore the remembered header state and name width."""
    view, settings = window.view, window.settings
    compact = window.action_registry.add(
        "view.compact_header",
        QCoreApplication.translate("ViewLayout", "Compact &Header"),
        view.set_compact_header,
        menu=MenuId.VIEW,
        section="view",
        shortcut="Ctrl+Shift+H",
        checkable=True,
        tip=QCoreApplication.translate(
            "ViewLayout",
            "Collapse the product names and counts to one line: more customer rows on a "
            "small screen",
        ),
    )
    view.set_compact_header(settings.compact_header())
    compact.setChecked(view.compact_header)
    view.compact_header_changed.connect(compact.setChecked)
    view.compact_header_changed.connect(settings.set_compact_header)
    view.set_name_width(settings.name_width(CUSTOMER_W))
    view.name_width_changed.connect(settings.set_name_width)
