"""German and English screenshots of the Team menu, the status bar and the conflict review.

    QT_QPA_PLATFORM=offscreen python tools/team_screenshots.py [--lang de] [--out docs]

Starts a throw-away PostgreSQL (tests/team/pgcluster.py; needs the server binaries), sets up a
team from the demo matrix, lets the rep "anna" and the manager change the same cell, and shows
anna's window at 1366 x 768 after the sync found the conflict. The manager also moves two of
anna's customers to another region: one is removed from anna's file by the sync (the status
bar says so), the other one anna had changed stays and is listed in the review. Each language
runs in its own process (translators are process-wide). Writes ``docs/<lang>-team-menu.png``,
``<lang>-team-status.png``, ``<lang>-team-left-territory.png`` and
``<lang>-team-conflicts.png``.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import shots


def main() -> int:
    return shots.per_language_main(__file__, shoot)


def shoot(lang: str, out: Path) -> int:
    sys.path.insert(0, str(shots.ROOT))
    sys.path.insert(0, str(shots.ROOT / "tests" / "team"))
    from dataclasses import replace

    from pgcluster import Cluster, find_bindir
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu

    from kpm_desktop.domain.marks import Mark
    from kpm_desktop.storage.repository import Repository
    from kpm_desktop.team import engine
    from tests.helpers.team import team_with_demo

    bindir = find_bindir()
    if bindir is None:
        raise SystemExit("no PostgreSQL server binaries (initdb, pg_ctl) found")
    shots.start_app(lang)
    tmp = shots.child_folder()
    cluster = Cluster(bindir).start()
    try:
        cluster.admin_sql("CREATE DATABASE vertrieb")
        url = cluster.url("vertrieb")
        pgpass = tmp / "pgpass"
        pgpass.write_text("")
        os.chmod(pgpass, 0o600)
        os.environ["PGPASSFILE"] = str(pgpass)
        demo = shots.demo_file(tmp)
        files, _ = team_with_demo(url, demo, pgpass, tmp)
        # anna and the manager both answer the same cell, differently; anna has not synced
        with Repository.open(files["anna"]) as repo:
            c = repo.load_customers()[1]
            p = repo.load_products()[5]
            repo.set_marks([(c.id, p.id, Mark.NEED)])
            c2 = repo.load_customers()[2]
            repo.set_marks([(c2.id, p.id, Mark.OURS)])
            c3 = repo.load_customers()[3]
        with Repository.open(files["manager"]) as repo:
            mc = next(x.id for x in repo.load_customers() if x.uuid == c.uuid)
            mp = next(x.id for x in repo.load_products() if x.uuid == p.uuid)
            repo.set_marks([(mc, mp, Mark.COMPETITOR)])
            moved = {c2.uuid, c3.uuid}  # out of anna's territory
            for x in repo.load_customers():
                if x.uuid in moved:
                    repo.update_customer(replace(x, region="Süd"))
        engine.sync_file(files["manager"])

        def shot(widget, name: str) -> None:
            shots.save(widget, out / f"{lang}-{name}.png", rounds=30)

        window = shots.main_window(tmp, files["anna"], size=(1366, 768), lang_setting=lang)
        end = time.monotonic() + 30
        while window.team.last_result is None and time.monotonic() < end:
            shots.settle(5)
            time.sleep(0.05)
        shot(window, "team-left-territory")  # the sync's line in the status bar
        window.statusBar().clearMessage()
        window.team.update()
        shot(window, "team-status")
        menu = window.findChild(QMenu, "menu_team")
        menu.popup(window.mapToGlobal(QPoint(300, 30)))
        shot(menu, "team-menu")
        menu.hide()
        dialog = window.team.review()
        dialog.resize(1000, 300)
        shot(dialog, "team-conflicts")
        dialog.reject()
        window.close()
    finally:
        cluster.stop()
        shutil.rmtree(tmp / "anna.kpm", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
