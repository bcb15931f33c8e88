"""A QGuiApplication for printing without the GUI (``kpm export --pdf`` and benchmarks)."""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QGuiApplication

_app: QGuiApplication | None = None


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or a new offscreen one.

    QPdfWriter and QPainter text need a QGuiApplication for fonts; no window is ever shown.
    """
    global _app
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]  # PySide6 stub: instance() is typed QCoreApplication
    # Printing needs no screen: offscreen works everywhere, also over SSH and in CI.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([sys.argv[0] if sys.argv else "kpm"])
    return _app
