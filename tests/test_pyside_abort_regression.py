"""Regression: PySide6 6.12.0 on Python 3.11 aborts ("Fatal Python error: none_dealloc") after
~150k ordinary Qt calls. The dependency markers must keep every supported combination safe."""

from __future__ import annotations

import os
import subprocess
import sys

import PySide6


def test_installed_pyside_is_a_safe_combination() -> None:
    version = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12):
        assert version < (6, 12), f"PySide6 {PySide6.__version__} aborts on Python 3.11"


def test_200k_qt_calls_do_not_abort() -> None:
    code = """
from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem
from PySide6.QtGui import QImage, QPainter, QColor
from PySide6.QtCore import QRect
app = QApplication([])
table = QTableWidget(500, 200)
for r in range(500):
    for c in range(200):
        table.setItem(r, c, QTableWidgetItem("x"))   # 100k setItem calls
image = QImage(200, 200, QImage.Format.Format_RGB32)
painter = QPainter(image)
color = QColor(200, 30, 30)
for i in range(100_000):                             # 100k painter calls
    painter.fillRect(QRect(i % 190, i % 190, 5, 5), color)
painter.end()
print("survived")
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env
    )
    assert "none_dealloc" not in result.stderr
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout
