"""Cells with a note: the corner marker and the tooltip, at 1366x768, German and English.

    QT_QPA_PLATFORM=offscreen python tools/note_marker_screenshots.py [--out docs]

The demo matrix as of 2026-11-27 with notes on a few cells (written as the side panel's
"Save cell details" does, one undo step each); the window is grabbed with the tooltip of a
noted cell painted where Qt shows it. Writes ``docs/note-marker-<lang>.png`` and a 3x
enlarged crop around the cell, ``docs/note-marker-<lang>-zoom.png``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 27)
LANGUAGES = ("de", "en")
NOTES = {
    (2, 3): "Rückruf im März: Angebot für Linie 3 vorbereiten.",
    (4, 6): "Wettbewerber liefert seit 2024; Vertrag läuft im Herbst aus.",
    (7, 1): "Technischer Leiter fragt nach Referenzanlage.",
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--one", choices=LANGUAGES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return shoot(args.one, args.out)
    for lang in LANGUAGES:
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
            for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
                (Path(tmp) / var.lower()).mkdir()
                env[var] = str(Path(tmp) / var.lower())
            cmd = [sys.executable, __file__, "--one", lang, "--out", str(args.out)]
            subprocess.run(cmd, env=env, check=True)
    return 0


def shoot(lang: str, out: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QPoint, QSettings, Qt
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication, QToolTip

    from kpm_desktop.gui.i18n import LANGUAGE_KEY, install_translators

    app = QApplication([sys.argv[0]])
    install_translators(app, lang)

    from kpm_desktop.domain.marks import WHITE
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.matrix_model import TOOLTIP_ROLE
    from kpm_desktop.gui.settings import UiSettings
    from kpm_desktop.samples.demo import write_demo
    from kpm_desktop.workspace.commands import WriteCellsCommand  # the panel's save path
    from kpm_desktop.workspace.customer_commands import customer_data

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(os.environ["XDG_DATA_HOME"])
    demo = write_demo(tmp / "demo.kpm", today=TODAY)
    qsettings = QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat)
    qsettings.setValue(LANGUAGE_KEY, lang)
    window = MainWindow(UiSettings(qsettings))
    window.persist_state = False
    window.open_file(demo)
    ws = window.workspace
    customer_data(ws).set_today(TODAY)
    window.resize(1366, 768)
    window.show()

    def settle(rounds: int = 60) -> None:
        for _ in range(rounds):
            app.processEvents()

    settle()
    model, view = window.model, window.view
    cells = []
    for (vr, vc), text in NOTES.items():
        # The nearest marked cell to the wanted place (a white spot carries no note).
        vr, vc = next(
            (r, c)
            for r in range(vr, vr + 5)
            for c in range(vc, vc + 5)
            if model.code_at(r, c) != WHITE and not model.is_group_row(r)
        )
        r, c = model.matrix_row(vr), model.matrix_col(vc)
        rec = ws.cell_record(r, c)
        ws.push(WriteCellsCommand(ws, [(*ws.cell_key(r, c), replace(rec, note=text))], "note"))
        cells.append((vr, vc))
    vr, vc = cells[0]
    view.setCurrentIndex(model.index(vr + 6, vc))
    settle()
    window._update_status()
    settle()
    rect = view.visualRect(model.index(vr, vc))
    shot = window.grab()
    where = view.viewport().mapTo(window, rect.bottomRight() + QPoint(4, 6))
    QToolTip.showText(
        view.viewport().mapToGlobal(rect.center()),
        model.data(model.index(vr, vc), TOOLTIP_ROLE),
        view.viewport(),
    )
    settle()
    tip = next(
        (w for w in app.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible()), None
    )
    if tip is not None:
        painter = QPainter(shot)
        painter.drawPixmap(where, tip.grab())
        painter.end()
    path = out / f"note-marker-{lang}.png"
    shot.save(str(path))
    print(path)
    cell_pos = view.viewport().mapTo(window, rect.topLeft())
    crop = shot.copy(cell_pos.x() - 80, cell_pos.y() - 60, 420, 200)
    zoom = crop.scaled(
        crop.width() * 2,
        crop.height() * 2,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )
    zpath = out / f"note-marker-{lang}-zoom.png"
    zoom.save(str(zpath))
    print(zpath)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
