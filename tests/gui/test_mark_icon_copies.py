"""The mark icons are Python ``QIconEngine``s
(``gui.palette._SwatchIconEngine``). Qt calls ``clone()`` whenever a shared icon is detached
(``QIcon.addPixmap``/``addFile``/``setIsMask`` on a copy); the engine that ``clone()`` returns
must outlive the call. Run in a child process: the failure is a segmentation fault.
"""

from __future__ import annotations

import subprocess
import sys

from tests.helpers.processes import REPO_ROOT

CHILD = """
import gc, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kpm_desktop.gui.palette import mark_icon
icon = mark_icon(1)
copy = QIcon(icon)
copy.addPixmap(QPixmap(8, 8))  # detaches the copy: QIconEngine::clone()
gc.collect()
assert not copy.pixmap(QSize(24, 24)).isNull()
assert not icon.pixmap(QSize(24, 24)).isNull()
for _ in range(50):  # copies made and dropped: each clone freed once, by Qt
    other = QIcon(icon)
    other.addPixmap(QPixmap(8, 8))
    assert not other.pixmap(QSize(16, 16), 2.0).isNull()
    del other
    gc.collect()
assert not icon.pixmap(QSize(24, 24)).isNull()
print("ok")
"""


def test_a_detached_copy_of_a_mark_icon_does_not_crash() -> None:
    out = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", CHILD],
        capture_output=True, text=True, timeout=120, cwd=REPO_ROOT, check=False,
    )  # fmt: skip
    assert out.returncode == 0 and "ok" in out.stdout, (out.returncode, out.stderr[-2000:])
