"""German and English screenshots of the Team menu, the status bar and the conflict review.

    QT_QPA_PLATFORM=offscreen python tools/team_screenshots.py [--lang de] [--out docs]

Starts a throw-away PostgreSQL (tests/team/pgcluster.py; needs the server binaries), sets up a
team from the demo matrix, lets the rep "anna" and the manager change the same cell, and shows
anna's window at 1366 x 768 after the sync found the conflict. Each language runs in its own
process (translators are process-wide). Writes ``docs/<lang>-team-menu.png``,
``<lang>-team-status.png`` and ``<lang>-team-conflicts.png``.
"""

from __future__ import annotations

import argparse
import os
import shutil
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
    sys.path.insert(0, str(ROOT / "tests" / "team"))
    from helpers import team_with_demo
    from pgcluster import Cluster, find_bindir
    from PySide6.QtCore import QPoint, QSettings
    from PySide6.QtWidgets import QApplication, QMenu

    from kpm_desktop.domain.marks import Mark
    from kpm_desktop.gui.i18n import LANGUAGE_KEY, install_translators
    from kpm_desktop.samples.demo import write_demo
    from kpm_desktop.storage.repository import Repository
    from kpm_desktop.team import engine

    bindir = find_bindir()
    if bindir is None:
        raise SystemExit("no PostgreSQL server binaries (initdb, pg_ctl) found")
    app = QApplication([sys.argv[0]])
    install_translators(app, lang)
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.settings import UiSettings

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(os.environ["XDG_DATA_HOME"])
    cluster = Cluster(bindir).start()
    try:
        cluster.admin_sql("CREATE DATABASE vertrieb")
        url = cluster.url("vertrieb")
        pgpass = tmp / "pgpass"
        pgpass.write_text("")
        os.chmod(pgpass, 0o600)
        os.environ["PGPASSFILE"] = str(pgpass)
        demo = write_demo(tmp / "demo.kpm", today=TODAY)
        files, _ = team_with_demo(url, demo, pgpass, tmp)
        # anna and the manager both answer the same cell, differently; anna has not synced
        with Repository.open(files["anna"]) as repo:
            c = repo.load_customers()[1]
            p = repo.load_products()[5]
            repo.set_marks([(c.id, p.id, Mark.NEED)])
            c2 = repo.load_customers()[2]
            repo.set_marks([(c2.id, p.id, Mark.OURS)])
        with Repository.open(files["manager"]) as repo:
            mc = next(x.id for x in repo.load_customers() if x.uuid == c.uuid)
            mp = next(x.id for x in repo.load_products() if x.uuid == p.uuid)
            repo.set_marks([(mc, mp, Mark.COMPETITOR)])
        engine.sync_file(files["manager"])

        def settle(rounds: int = 30) -> None:
            for _ in range(rounds):
                app.processEvents()

        def save(widget, name: str) -> None:
            settle()
            path = out / f"{lang}-{name}.png"
            if not widget.grab().save(str(path)):
                raise SystemExit(f"could not write {path}")
            print(path)

        qsettings = QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat)
        qsettings.setValue(LANGUAGE_KEY, lang)
        window = MainWindow(UiSettings(qsettings))
        window.persist_state = False
        window.resize(1366, 768)
        window.open_file(files["anna"])
        window.show()
        end = time.monotonic() + 30
        while window.team.last_result is None and time.monotonic() < end:
            settle(5)
            time.sleep(0.05)
        window.statusBar().clearMessage()
        window.team.update()
        save(window, "team-status")
        menu = window.findChild(QMenu, "menu_team")
        menu.popup(window.mapToGlobal(QPoint(300, 30)))
        save(menu, "team-menu")
        menu.hide()
        dialog = window.team.review()
        dialog.resize(1000, 300)
        save(dialog, "team-conflicts")
        dialog.reject()
        window.close()
    finally:
        cluster.stop()
        shutil.rmtree(tmp / "anna.kpm", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
