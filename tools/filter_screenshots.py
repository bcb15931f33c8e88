"""Render the filter-bar and management-dialog screenshots in docs/ from the demo matrix.

QT_QPA_PLATFORM=offscreen python tools/filter_screenshots.py [--lang de]

Writes ``filter_bar.png`` (the main window with all extensions; filter: region Süd, only
customers with white spots in the "Lösungen" group, most white spots first),
``manage_customers.png`` and ``manage_products.png``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from kpm_desktop.gui.i18n import install_translators

    install_translators(app, args.lang)
    from kpm_desktop.domain.filters import FilterSpec, SortKey
    from kpm_desktop.gui.dialogs.manage_customers import ManageCustomersDialog
    from kpm_desktop.gui.dialogs.manage_products import ManageProductsDialog
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.settings import UiSettings
    from kpm_desktop.samples.demo import write_demo

    def settle() -> None:
        for _ in range(20):
            app.processEvents()

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_demo(Path(tmp) / "demo.kpm", today=date(2026, 11, 27))
        settings = UiSettings(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings)
        window.persist_state = False
        window.resize(1400, 860)
        window.open_file(path)
        window.show()
        settle()
        ws = window.workspace
        group = next(g.id for g in ws.matrix.groups.values() if g.name == "Lösungen")
        window.filter_bar.set_spec(
            FilterSpec(
                region="Süd",
                only_white_spots=True,
                group_id=group,
                sort_key=SortKey.WHITE_SPOTS,
                descending=True,
            )
        )
        window.view.setCurrentIndex(window.model.index(0, 0))
        settle()
        window._update_status()
        settle()
        window.grab().save(str(args.out / "filter_bar.png"))

        customers = ManageCustomersDialog(ws, window)
        customers.show()
        customers.select_customer(ws.matrix.customers[3].id)  # type: ignore[arg-type]
        settle()
        customers.grab().save(str(args.out / "manage_customers.png"))
        customers.close()
        products = ManageProductsDialog(ws, window)
        products.show()
        products.select_group(group)
        products.select_product(ws.matrix.products[11].id)  # type: ignore[arg-type]
        settle()
        products.grab().save(str(args.out / "manage_products.png"))
        products.close()
        window.close()
    print(f"wrote screenshots to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
