"""German and English screenshots of File › Merge a Colleague's File… and a conflict badge.

    QT_QPA_PLATFORM=offscreen python tools/merge_screenshots.py [--lang de] [--out docs]

Makes the demo matrix and a colleague's copy of it (a new customer, a filled-in white spot,
a deleted customer, and a cell both changed differently), merges the copy in the main window
at 1366 x 768 and writes ``docs/<lang>-merge-result.png`` (the window with the result box
over it, as the user sees it) and ``docs/<lang>-conflict-badge.png`` (the matrix with the
conflicted cell's badge and its tooltip text in the status bar). Each language runs in its
own process (translators are process-wide).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 27)
LANGUAGES = ("de", "en")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--lang", choices=LANGUAGES, action="append")
    parser.add_argument("--one", choices=LANGUAGES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return shoot(args.one, args.out)
    for lang in args.lang or LANGUAGES:
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ)
            for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
                folder = Path(tmp) / var.lower()
                folder.mkdir(parents=True, exist_ok=True)
                env[var] = str(folder)
            env["HOME"] = str(Path(tmp) / "home")
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
            cmd = [sys.executable, __file__, "--one", lang, "--out", str(args.out)]
            subprocess.run(cmd, env=env, check=True)
    return 0


def shoot(lang: str, out: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QPoint, QSettings, Qt
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication, QToolTip

    from kpm_desktop.domain.entities import Customer
    from kpm_desktop.domain.marks import Mark
    from kpm_desktop.gui.i18n import LANGUAGE_KEY, install_translators
    from kpm_desktop.gui.matrix_model import CONFLICT_ROLE
    from kpm_desktop.samples.demo import write_demo
    from kpm_desktop.storage.repository import Repository

    app = QApplication([sys.argv[0]])
    install_translators(app, lang)
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.settings import UiSettings

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(os.environ["XDG_DATA_HOME"])
    mine = write_demo(tmp / "Gebiet-Nord.kpm", today=TODAY)
    theirs = tmp / "Gebiet-Nord-Kollegin.kpm"

    def settle(rounds: int = 30) -> None:
        for _ in range(rounds):
            app.processEvents()

    qsettings = QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat)
    qsettings.setValue(LANGUAGE_KEY, lang)
    window = MainWindow(UiSettings(qsettings))
    window.persist_state = False
    window.resize(1366, 768)
    window.open_file(mine)
    window.show()
    settle()
    ws = window.workspace
    ws.save_copy(theirs)
    customers, products = ws.repo.load_customers(), ws.repo.load_products()
    c1, p1 = customers[1], products[2]
    with Repository.open(theirs) as repo:
        repo.add_customer(Customer(name="Neukunde Kollegin GmbH", region="Nord", city="Bremen"))
        white = next(
            (c, p)
            for c in customers[3:8]
            for p in products[:6]
            if repo.get_cell(c.id, p.id) is None
        )
        repo.set_marks([(c1.id, p1.id, Mark.COMPETITOR), (white[0].id, white[1].id, Mark.NEED)])
        repo.delete_customer(customers[9].id)
    # my answer for the same cell, typed in the matrix
    model, view = window.model, window.view
    row = next(r for r in range(model.rowCount()) if model.matrix_row(r) == 1)
    col = next(c for c in range(model.columnCount()) if model.matrix_col(c) == 2)
    view.setFocus()
    view.setCurrentIndex(model.index(row, col))
    window.mark_selection(int(Mark.NEED))
    window.merge.merge_file(theirs)
    end = time.monotonic() + 60
    while window.merge.result_box is None and time.monotonic() < end:
        window.merge.wait(1)
        settle(5)
    box = window.merge.result_box
    if box is None:
        raise SystemExit("the merge did not finish")
    settle()
    shot = window.grab()
    dialog = box.grab()
    painter = QPainter(shot)
    painter.drawPixmap(
        QPoint((shot.width() - dialog.width()) // 2, (shot.height() - dialog.height()) // 3),
        dialog,
    )
    painter.end()
    path = out / f"{lang}-merge-result.png"
    if not shot.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)
    box.done(0)
    index = model.index(row, col)
    view.setCurrentIndex(model.index(row, col + 1))
    view.scrollTo(index)
    assert model.data(index, CONFLICT_ROLE)
    # the cell's tooltip, as hovering shows it (a separate window: painted over the shot)
    rect = view.visualRect(index)
    QToolTip.showText(
        view.viewport().mapToGlobal(rect.bottomRight() + QPoint(4, 4)),
        model.data(index, Qt.ItemDataRole.ToolTipRole),
        view.viewport(),
    )
    settle()
    shot = window.grab()
    tip = next(
        (w for w in QApplication.topLevelWidgets() if w.inherits("QLabel") and w.isVisible()),
        None,
    )
    if tip is not None:
        painter = QPainter(shot)
        painter.drawPixmap(window.mapFromGlobal(tip.pos()), tip.grab())
        painter.end()
    path = out / f"{lang}-conflict-badge.png"
    if not shot.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
