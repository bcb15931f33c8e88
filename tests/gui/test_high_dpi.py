"""High-DPI: at 200 % (QT_SCALE_FACTOR=2) the matrix paints with crisp, 2x cached pixmaps.

The scale factor must be set before QApplication exists, so the window runs in a child process
that prints what it found as JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

CHILD = textwrap.dedent(
    """
    import json, sys, tempfile
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv)
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.palette import mark_icon
    from kpm_desktop.gui.settings import UiSettings
    settings = UiSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
    win = MainWindow(settings, extensions=())
    win.persist_state = False
    assert win.open_file(sys.argv[1])
    win.resize(900, 600)
    win.show()
    for _ in range(5):
        app.processEvents()
    shot = win.grab()
    if len(sys.argv) > 3:
        shot.save(sys.argv[3])
    view = win.view
    cells = view.delegate.pixmaps_for(23, 21)
    bodies = list(view.horizontalHeader()._bodies.values())
    from PySide6.QtCore import QSize
    icon = mark_icon(1).pixmap(QSize(16, 16), 2.0)
    print(json.dumps({
        "screen_dpr": view.devicePixelRatioF(),
        "shot": [shot.width(), shot.height(), shot.devicePixelRatio()],
        "delegate_dpr": view.delegate.device_pixel_ratio,
        "cell_dpr": [p.devicePixelRatio() for p in cells[1:]],
        "cell_px": [cells[1].width(), cells[1].height()],
        "header_dpr": sorted({p.devicePixelRatio() for p in bodies}),
        "icon": [icon.width(), icon.height(), icon.devicePixelRatio()],
        "painted": view.painted_once,
    }))
    win.close()
    """
)


def _run(demo_file: Path, tmp_path: Path, shot: Path | None = None) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2")
    args = [sys.executable, "-c", CHILD, str(demo_file), str(tmp_path / "ui.ini")]
    if shot is not None:
        args.append(str(shot))
    out = subprocess.run(
        args, env=env, capture_output=True, text=True, timeout=60, cwd=Path(__file__).parents[2]
    )
    assert out.returncode == 0, out.stderr
    for marker in ("Traceback", "QPainter", "Warning"):
        assert marker not in out.stderr, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_matrix_paints_crisp_at_200_percent(demo_file: Path, tmp_path: Path) -> None:
    facts = _run(demo_file, tmp_path, tmp_path / "dpr2.png")
    assert facts["painted"]
    assert facts["screen_dpr"] == 2.0
    assert facts["shot"] == [1800, 1200, 2.0]  # device pixels, not an upscaled 1x image
    assert facts["delegate_dpr"] == 2.0
    assert facts["cell_dpr"] == [2.0, 2.0, 2.0, 2.0]
    assert facts["cell_px"] == [46, 42]  # rendered at 2x, not scaled up
    assert facts["header_dpr"] == [2.0]
    assert facts["icon"] == [32, 32, 2.0]


def test_multi_line_fields_grow_with_a_larger_font(qapp, window) -> None:
    """Heights in lines of text, not fixed pixels: a 200 % font keeps the same lines visible."""
    from PySide6.QtGui import QFont

    from kpm_desktop.gui.side_panel.dock import SidePanel

    normal = SidePanel(window.workspace)
    old = QFont(qapp.font())
    big = QFont(old)
    big.setPointSizeF(old.pointSizeF() * 2)
    qapp.setFont(big)
    try:
        large = SidePanel(window.workspace)
        for attr in ("notes.text", "cell.note", "goals.detail", "goals.products"):
            a, b = normal, large
            for part in attr.split("."):
                a, b = getattr(a, part), getattr(b, part)
            assert b.maximumHeight() > a.maximumHeight() * 1.5, attr
        large.deleteLater()
    finally:
        qapp.setFont(old)
        normal.deleteLater()
