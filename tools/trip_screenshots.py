"""Render the trip screenshots in docs/ from the demo matrix: the main window at 1366 x 768
with the trip planner open, and the first two pages of the trip pack, in German and English.

QT_QPA_PLATFORM=offscreen python tools/trip_screenshots.py [--out docs]
(pdftoppm from poppler-utils renders the pack pages.)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 27)
NUMBERS = ("100000", "100037", "100259", "100111")


def _paint_on_window(window, dialog):
    """The window with the dialog drawn over it, centred (one PNG, as a user sees it)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    shot = window.grab()
    painter = QPainter(shot)
    pic = dialog.grab()
    x = (shot.width() - pic.width()) // 2
    y = (shot.height() - pic.height()) // 2
    painter.drawPixmap(QPoint(x, y), pic)
    painter.end()
    return shot


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QItemSelectionModel, QSettings
    from PySide6.QtWidgets import QApplication

    from kpm_desktop.domain.trips import Trip, TripStop
    from kpm_desktop.gui.i18n import install_translators
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.settings import UiSettings
    from kpm_desktop.import_export.export_model import ExportOptions, Orientation
    from kpm_desktop.import_export.trip_data import trip_from_repository
    from kpm_desktop.report.trip_pack import write_trip_pack
    from kpm_desktop.samples.demo import write_demo
    from kpm_desktop.storage import trips as store
    from kpm_desktop.storage.repository import Repository
    from kpm_desktop.workspace.customer_commands import customer_data

    app = QApplication([])
    pdftoppm = shutil.which("pdftoppm")
    for lang in ("de", "en"):
        install_translators(app, lang)
        with tempfile.TemporaryDirectory() as tmp:
            path = write_demo(Path(tmp) / "demo.kpm", today=TODAY)
            with Repository.open(path) as repo:
                by_number = {c.number: c for c in repo.load_customers()}
                name = "Tour Nord" if lang == "de" else "North tour"
                trip = store.add_trip(
                    repo,
                    Trip(
                        name,
                        date(2026, 12, 8),
                        time(8, 30),
                        tuple(TripStop(by_number[n].uuid, 45) for n in NUMBERS),
                    ),
                )
                snap = trip_from_repository(
                    repo,
                    trip,
                    ExportOptions(orientation=Orientation.PORTRAIT, lang=lang),
                    today=TODAY,
                )
            pdf = Path(tmp) / "pack.pdf"
            write_trip_pack(snap, pdf)
            if pdftoppm:
                for page, what in ((1, "day-plan"), (3, "answer-sheet")):
                    prefix = args.out / f"{lang}-trip-pack-{what}"
                    subprocess.run(
                        [pdftoppm, "-r", "70", "-png", "-f", str(page), "-l", str(page),
                         "-singlefile", str(pdf), str(prefix)],
                        check=True,
                    )  # fmt: skip
                    print(prefix.with_suffix(".png"))

            settings = UiSettings(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
            window = MainWindow(settings)
            window.persist_state = False
            window.open_file(path)
            customer_data(window.workspace).set_today(TODAY)
            window.resize(1366, 768)
            window.show()
            app.processEvents()
            sel = window.view.selectionModel()
            sel.clearSelection()
            for row in (0, 1, 7):
                sel.select(
                    window.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            dialog = window.trip_actions.plan()
            dialog.search_edit.setText("Hamburg")
            dialog.add_where_to_go_next()
            dialog.order_by_postcode()
            dialog.stops.setCurrentItem(dialog.stops.topLevelItem(1))
            for _ in range(5):
                app.processEvents()
            shot = _paint_on_window(window, dialog)
            out = args.out / f"{lang}-trip-planner.png"
            shot.save(str(out))
            print(out)
            dialog.reject()
            window.trip_actions.show_trips()
            trips = window.trip_actions.trips_window
            for _ in range(3):
                app.processEvents()
            out = args.out / f"{lang}-trips-window.png"
            trips.grab().save(str(out))
            print(out)
            # the debrief of the stored trip, on its first customer
            debrief = window.trip_actions.debrief(store.get_trip(window.workspace.repo, trip.id))
            debrief.resize(720, 600)
            for _ in range(3):
                app.processEvents()
            out = args.out / f"{lang}-trip-debrief.png"
            _paint_on_window(window, debrief).save(str(out))
            print(out)
            debrief.close()
            trips.close()
            window.close()
            window.deleteLater()
            app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
