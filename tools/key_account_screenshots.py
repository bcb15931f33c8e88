"""Render the key-account screenshots in docs/ from the demo matrix (offscreen, 1366x768).

QT_QPA_PLATFORM=offscreen python tools/key_account_screenshots.py

Writes ``{en,de}-key-account-expanded.png`` (the "Krone Automotive SE" key account expanded,
its row current, the side panel showing the figures over its sites) and
``{en,de}-key-account-collapsed.png`` (all key accounts collapsed, scrolled to the end) and
``{en,de}-key-account-visit.png`` (the side panel's Visit tab on the key account: its sites
with their questions).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from shots import arguments, demo_file, main_window, save, set_language, settle, start_app


def main() -> int:
    args = arguments(lang=False)
    start_app(None)

    from kpm_desktop.gui.key_accounts import COLLAPSE_ALL, EXPAND_ALL

    with tempfile.TemporaryDirectory() as tmp:
        path = demo_file(Path(tmp))
        for lang in ("en", "de"):
            set_language(lang)
            window = main_window(Path(tmp), path, size=(1366, 768), ini=f"ui-{lang}.ini")
            settle(seconds=1.0, window=window)
            model, view = window.model, window.view
            ws = window.workspace
            krone = next(i for i, c in enumerate(ws.matrix.customers) if c.name.startswith("Krone"))
            window.action_registry[EXPAND_ALL].trigger()
            index = model.index(model.view_row(krone), 3)
            view.setCurrentIndex(index)
            view.scrollToBottom()
            settle(seconds=1.0, window=window)
            save(window, args.out / f"{lang}-key-account-expanded.png")
            window.action_registry[COLLAPSE_ALL].trigger()
            view.setCurrentIndex(model.index(model.view_row(krone), 3))
            view.scrollToBottom()
            settle(seconds=1.0, window=window)
            save(window, args.out / f"{lang}-key-account-collapsed.png")
            panel = window.side_panel.panel
            panel.show_tab(panel.tab_visit)
            settle(seconds=1.0, window=window)
            save(window, args.out / f"{lang}-key-account-visit.png")
            window.close()
    print(f"wrote key-account screenshots to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
