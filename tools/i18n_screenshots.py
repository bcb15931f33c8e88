"""German and English screenshots of the main window, side panel, import and export dialogs.

    xvfb-run -a -s "-screen 0 1400x900x24" python tools/i18n_screenshots.py [--lang de] [--out docs]

Real X11 windows (the xcb platform under Xvfb, not the offscreen renderer), the demo matrix as
of 2026-11-27, and throw-away XDG folders, so the user's own settings and recent files are
neither read nor changed. Each language runs in its own process (translators are process-wide).
Writes ``docs/<lang>-main-window.png``, ``<lang>-side-panel.png``, ``<lang>-visit-preparation.png``,
``<lang>-import-dialog.png``, ``<lang>-import-preview.png``, ``<lang>-import-conflicts.png`` and
``<lang>-export-dialog.png``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import shots

# A customer list as a rep gets it from the ERP (German headers): an update, a typo that is
# offered as a suggestion (both numbers and cities shown), a possible duplicate (same name,
# another number), a bad number for the problem list and a column no field takes (Telefon).
CUSTOMERS_CSV = (
    "Kundennummer;Firma;PLZ;Ort;Branche;Vertriebsgebiet;Jahresumsatz;Telefon\n"
    "100481;Hartmann Verpackungstechnik GmbH & Co. KG;97070;Würzburg;Verpackung;Süd;250000;"
    "0931 4711\n"
    ";Hofman Logistik;70173;Stuttgart-Mitte;Logistik;Süd;;0711 815\n"
    "199999;Müller Maschinenbau GmbH;20095;Hamburg;Maschinenbau;Nord;1,2 Mio;040 123\n"
    "100037;Schäfer Chemie GmbH;24103;Kiel;Chemie;Nord;480000;0431 99\n"
    "100990;Bergmann Logistik KG;28195;Bremen;Logistik;Nord;95000;0421 5\n"
)


def main() -> int:
    flags = {"--only-import": "only the import wizard"}
    return shots.per_language_main(__file__, shoot, platform="xcb", flags=flags)


def shoot(lang: str, out: Path, *, only_import: bool = False) -> int:
    shots.start_app(lang, platform="xcb")

    from kpm_desktop.gui.dialogs.import_dialog import ImportDialog

    tmp = shots.child_folder()

    def shot(widget, name: str) -> None:
        shots.save(widget, out / f"{lang}-{name}.png", rounds=30)

    demo = shots.demo_file(tmp)
    window = shots.main_window(tmp, demo, size=(1400, 860), today=shots.TODAY, lang_setting=lang)
    shots.settle(30)
    window.view.setCurrentIndex(window.model.index(6, 4))  # an A customer with goals and notes
    panel = window.side_panel.panel
    panel.show_tab(panel.tab_customer)
    window._update_status()
    window.statusBar().clearMessage()  # "Opened /tmp/…": a temporary path is no help in docs
    if not only_import:
        shot(window, "main-window")
        shot(window.side_panel, "side-panel")
        panel.show_tab(panel.tab_visit)
        panel.visit.select("white", panel.visit.items("white")[0][0])  # enables the mark buttons
        panel.show_tab(panel.tab_visit)
        shot(window.side_panel, "visit-preparation")

    source = tmp / ("kunden.csv" if lang == "de" else "customers.csv")
    source.write_text(CUSTOMERS_CSV, encoding="utf-8")
    wizard = ImportDialog(window.workspace, window)
    wizard.show()
    page = wizard.source_page
    page.path_edit.setText(str(source))
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("customers"))
    wizard.next()
    _wait(wizard.mapping_page.isComplete)
    shot(wizard, "import-dialog")
    wizard.next()
    _wait(wizard.preview_page.isComplete)
    shot(wizard, "import-preview")
    wizard.next()
    shot(wizard, "import-conflicts")  # the customer list disagrees with nothing
    wizard.reject()
    if only_import:
        window.close()
        return 0

    dialog = window.export_actions.make_dialog()
    # The real default is next to the (temporary) demo file; show a path a user would see.
    dialog.path.setText(f"~/{'Dokumente' if lang == 'de' else 'Documents'}/demo.xlsx")
    dialog.show()
    shot(dialog, "export-dialog")
    dialog.reject()
    window.close()
    return 0


def _wait(done) -> None:
    if not shots.wait_until(done):
        raise SystemExit("timed out waiting for the import worker")


if __name__ == "__main__":
    sys.exit(main())
