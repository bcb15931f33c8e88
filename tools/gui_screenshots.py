"""Render the main-window screenshots in docs/ from the demo matrix (offscreen).

QT_QPA_PLATFORM=offscreen python tools/gui_screenshots.py [--lang de]

Writes ``matrix_window.png`` (the demo matrix), ``matrix_filtered.png`` (customers with white
spots in the "Service" group, sorted by white spots) and ``matrix_window_grey.png`` (the first
one in greyscale, to check that the marks stay apart without colour).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from shots import arguments, demo_file, main_window, save, settle, start_app


def main() -> int:
    args = arguments()
    start_app(args.lang)

    from PySide6.QtGui import QImage

    from kpm_desktop.domain.filters import FilterSpec, SortKey, apply_filters

    with tempfile.TemporaryDirectory() as tmp:
        path = demo_file(Path(tmp))
        # with the filter bar, side panel and other docks
        window = main_window(Path(tmp), path, size=(1600, 900))
        settle(seconds=1.0, window=window)
        save(window, args.out / "matrix_window.png")

        # The palette check: the bare matrix (no faded stale answers) in greyscale.
        bare = main_window(Path(tmp), path, extensions=(), size=(1400, 860))
        settle(seconds=1.0, window=bare)
        grey = bare.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
        save(grey, args.out / "matrix_window_grey.png")
        bare.close()

        ws = window.workspace
        service = next(g.id for g in ws.matrix.groups.values() if g.name == "Service")
        spec = FilterSpec(
            only_white_spots=True,
            group_id=service,
            sort_key=SortKey.WHITE_SPOTS,
            descending=True,
        )
        bar = getattr(window, "filter_bar", None)
        if bar is not None:
            bar.set_spec(spec)  # the filter bar shows and applies it
        else:
            result = apply_filters(ws.matrix, spec)
            window.model.set_visible(result.rows, result.cols)
        window.view.setCurrentIndex(window.model.index(0, 0))
        settle(seconds=1.0, window=window)
        save(window, args.out / "matrix_filtered.png")
        window.close()
    print(f"wrote screenshots to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
