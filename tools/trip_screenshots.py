"""Render the trip screenshots in docs/ from the demo matrix: the main window at 1366 x 768
with the trip planner open, and the first two pages of the trip pack, in German and English.

QT_QPA_PLATFORM=offscreen python tools/trip_screenshots.py [--out docs]
(pdftoppm from poppler-utils renders the pack pages.)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date, time
from pathlib import Path

from shots import TODAY, arguments, demo_file, main_window, save, set_language, start_app

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
    args = arguments(lang=False)
    args.out.mkdir(parents=True, exist_ok=True)

    app = start_app(None)
    from PySide6.QtCore import QItemSelectionModel

    from kpm_desktop.domain.trips import Trip, TripStop
    from kpm_desktop.import_export.export_model import ExportOptions, Orientation
    from kpm_desktop.import_export.trip_data import trip_from_repository
    from kpm_desktop.report.trip_pack import write_trip_pack
    from kpm_desktop.storage import trips as store
    from kpm_desktop.storage.repository import Repository

    pdftoppm = shutil.which("pdftoppm")
    for lang in ("de", "en"):
        set_language(lang)
        with tempfile.TemporaryDirectory() as tmp:
            path = demo_file(Path(tmp))
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

            window = main_window(Path(tmp), path, today=TODAY, size=(1366, 768))
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
            save(_paint_on_window(window, dialog), args.out / f"{lang}-trip-planner.png")
            dialog.reject()
            window.trip_actions.show_trips()
            trips = window.trip_actions.trips_window
            for _ in range(3):
                app.processEvents()
            save(trips, args.out / f"{lang}-trips-window.png")
            # the debrief of the stored trip, on its first customer
            debrief = window.trip_actions.debrief(store.get_trip(window.workspace.repo, trip.id))
            debrief.resize(720, 600)
            for _ in range(3):
                app.processEvents()
            save(_paint_on_window(window, debrief), args.out / f"{lang}-trip-debrief.png")
            debrief.close()
            trips.close()
            window.close()
            window.deleteLater()
            app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
