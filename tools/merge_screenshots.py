"""German and English screenshots of File › Merge a Colleague's File… and a conflict badge.

    QT_QPA_PLATFORM=offscreen python tools/merge_screenshots.py [--lang de] [--out docs]

Makes the demo matrix and a colleague's copy of it (a new customer, a filled-in white spot,
a deleted customer, and a cell both changed differently), merges the copy in the main window
at 1366 x 768 and writes ``docs/<lang>-merge-result.png`` (the window with the result box
over it, as the user sees it) and ``docs/<lang>-conflict-badge.png`` (the matrix with the
conflicted cell's badge and its tooltip text in the status bar) and
``docs/<lang>-merge-review.png`` (Review Conflicts… over the window at the size it opens with:
a cell and a customer's street changed on both sides). Each language runs in its own process
(translators are process-wide).
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

import shots


def main() -> int:
    return shots.per_language_main(__file__, shoot)


def shoot(lang: str, out: Path) -> int:
    shots.start_app(lang)
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication, QToolTip

    from kpm_desktop.domain.entities import Customer
    from kpm_desktop.domain.marks import Mark
    from kpm_desktop.gui.matrix_model import CONFLICT_ROLE
    from kpm_desktop.storage.repository import Repository

    tmp = shots.child_folder()
    mine = shots.demo_file(tmp, name="Gebiet-Nord.kpm")
    theirs = tmp / "Gebiet-Nord-Kollegin.kpm"

    def settle(rounds: int = 30) -> None:
        shots.settle(rounds)

    window = shots.main_window(tmp, mine, size=(1366, 768), lang_setting=lang)
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
        repo.update_customer(
            replace(customers[4], street="Industriestraße 112, Gewerbegebiet Nord-Ost, Halle 3")
        )
    from kpm_desktop.workspace.commands import UpdateCustomerCommand

    ws.push(
        UpdateCustomerCommand(
            ws, replace(customers[4], street="Am Alten Hafen 27–29, Zufahrt über Tor 4")
        )
    )
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
    shots.save(shot, out / f"{lang}-merge-result.png")
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
    shots.save(shot, out / f"{lang}-conflict-badge.png")
    QToolTip.hideText()
    review = window.team.review()
    settle()
    shot = window.grab()
    painter = QPainter(shot)
    painter.drawPixmap(window.mapFromGlobal(review.frameGeometry().topLeft()), review.grab())
    painter.end()
    shots.save(shot, out / f"{lang}-merge-review.png")
    review.reject()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
