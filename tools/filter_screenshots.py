"""Render the filter-bar and management-dialog screenshots in docs/ from the demo matrix.

QT_QPA_PLATFORM=offscreen python tools/filter_screenshots.py [--lang de]

Writes ``filter_bar.png`` (the main window with all extensions; filter: region Süd, only
customers with white spots in the "Lösungen" group, most white spots first),
``manage_customers.png`` and ``manage_products.png``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from shots import arguments, demo_file, main_window, save, settle, start_app


def main() -> int:
    args = arguments()
    start_app(args.lang)

    from kpm_desktop.domain.filters import FilterSpec, SortKey
    from kpm_desktop.gui.dialogs.manage_customers import ManageCustomersDialog
    from kpm_desktop.gui.dialogs.manage_products import ManageProductsDialog

    with tempfile.TemporaryDirectory() as tmp:
        window = main_window(Path(tmp), demo_file(Path(tmp)), size=(1400, 860))
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
        settle(window=window)
        save(window, args.out / "filter_bar.png", rounds=20)

        customers = ManageCustomersDialog(ws, window)
        customers.show()
        customers.select_customer(ws.matrix.customers[3].id)  # type: ignore[arg-type]
        save(customers, args.out / "manage_customers.png", rounds=20)
        customers.close()
        products = ManageProductsDialog(ws, window)
        products.show()
        products.select_group(group)
        products.select_product(ws.matrix.products[11].id)  # type: ignore[arg-type]
        save(products, args.out / "manage_products.png", rounds=20)
        products.close()
        window.close()
    print(f"wrote screenshots to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
