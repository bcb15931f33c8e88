"""The Team menu: sync now/automatically, review conflicts, join or set up a team.

The network part of a sync runs on a worker (``BackgroundTask``); reading the outbox and
applying what came back happen on the GUI thread, each one short SQLite transaction (see
``team.engine``). Cancelling only stops waiting: the next sync repeats whatever the server did
not confirm. The status bar shows the last sync, pending local changes and open conflicts.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QLocale, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QProgressDialog

from kpm_desktop.gui.workers import BackgroundTask
from kpm_desktop.storage import sync_capture

if TYPE_CHECKING:
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.team.engine import Outbox, SyncResult  # imported on first sync (psycopg)

AUTO_SYNC_MS = 5 * 60 * 1000
CLOSE_SYNC_SECONDS = 15


class TeamController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task = BackgroundTask(self)
        self.task.done.connect(self._exchange_done)
        self.task.failed.connect(self._exchange_failed)
        self._outbox: Outbox | None = None
        self._progress: QProgressDialog | None = None
        self._after: list = []
        self.last_error = ""
        self.last_result: SyncResult | None = None

        menu = QMenu(QCoreApplication.translate("TeamMenu", "Te&am"), window)
        menu.setObjectName("menu_team")
        help_menu = window.findChild(QMenu, "menu_help")
        if help_menu is not None:
            window.menuBar().insertMenu(help_menu.menuAction(), menu)
        else:  # pragma: no cover - the main window always has a Help menu
            window.menuBar().addMenu(menu)
        self.menu = menu
        a = window.action_registry
        self.sync_action = a.add(
            "team.sync",
            QCoreApplication.translate("TeamMenu", "&Sync Now"),
            self.sync_now,
            shortcut="F5",
        )
        self.review_action = a.add(
            "team.conflicts",
            QCoreApplication.translate("TeamMenu", "Review &Conflicts…"),
            self.review,
        )
        self.join_action = a.add(
            "team.join", QCoreApplication.translate("TeamMenu", "&Join a Team…"), self.join
        )
        self.setup_action = a.add(
            "team.setup", QCoreApplication.translate("TeamMenu", "Set &Up a Team…"), self.set_up
        )
        self.add_user_action = a.add(
            "team.add_user",
            QCoreApplication.translate("TeamMenu", "&Add Team Member…"),
            self.add_user,
        )
        self.users_action = a.add(
            "team.users", QCoreApplication.translate("TeamMenu", "Team &Members…"), self.show_users
        )
        for act in (self.sync_action, self.review_action):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.join_action)
        menu.addSeparator()
        self.manager_title = menu.addSection(QCoreApplication.translate("TeamMenu", "Manager"))
        for act in (self.setup_action, self.add_user_action, self.users_action):
            menu.addAction(act)

        self.status = QLabel(window)
        self.status.setObjectName("team_status")
        window.statusBar().addPermanentWidget(self.status)
        # like the window's counts, the team line steps aside while a message shows
        window.statusBar().messageChanged.connect(lambda _text: self._show_status())
        # every edit, undo and redo changes what is still to send
        window.undo_group.indexChanged.connect(lambda _index: self.update())
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_SYNC_MS)
        self.timer.timeout.connect(lambda: self.sync_now(automatic=True))
        window.workspace_changed.connect(self._workspace_changed)
        window.close_hooks.append(self._sync_before_close)
        self._workspace_changed(window.workspace)

    # -- state ---------------------------------------------------------------------------
    @property
    def repo(self):
        ws = self.window.workspace
        return None if ws is None else ws.repo

    def team_state(self) -> dict[str, str]:
        repo = self.repo
        return {} if repo is None else sync_capture.team_state(repo.conn)

    def is_team_file(self) -> bool:
        return "team_url" in self.team_state()

    def conflicts(self) -> list:
        from kpm_desktop.team.conflicts import label, list_conflicts

        repo = self.repo
        if repo is None or sync_capture.conflict_count(repo.conn) == 0:
            return []  # (a merge of a colleague's file lists conflicts in any file)
        return [(c, label(repo, c.kind, c.key, c.mine or c.theirs)) for c in list_conflicts(repo)]

    def _workspace_changed(self, ws: object, force: bool = False) -> None:
        self.update()
        if not self.is_team_file():
            self.timer.stop()
            self._seen = None
            return
        self.timer.start()
        if force or ws is not getattr(self, "_seen", None):  # announced twice on open
            self._seen = ws
            QTimer.singleShot(0, lambda: self.sync_now(automatic=True))

    def update(self) -> None:
        ws = self.window.workspace
        state = self.team_state()
        team = "team_url" in state
        writable = ws is not None and not ws.read_only
        manager = not team or state.get("team_role") == "manager"
        self.sync_action.setEnabled(team and writable and not self.task.busy)
        has_conflicts = ws is not None and sync_capture.conflict_count(ws.repo.conn) > 0
        self.review_action.setEnabled(writable and (team or has_conflicts))
        self.setup_action.setEnabled(writable and not team)
        self.add_user_action.setEnabled(team and manager)
        self.users_action.setEnabled(team and manager)
        if not team:
            self.status.setText("")
            self._show_status()
            return
        assert ws is not None  # a team file is open: team_state() is empty without one
        pending = sync_capture.pending_count(ws.repo.conn)
        conflicts = sync_capture.conflict_count(ws.repo.conn)
        if self.task.busy:
            when = QCoreApplication.translate("TeamMenu", "syncing…")
        elif state.get("last_sync"):
            stamp = datetime.fromisoformat(state["last_sync"].replace("Z", "+00:00")).astimezone()
            when = QCoreApplication.translate("TeamMenu", "synced %1").replace(
                "%1",
                QLocale().toString(stamp.time(), QLocale.FormatType.ShortFormat),  # type: ignore[call-overload]  # PySide6 converts date/datetime; its stubs list QDate/QDateTime only
            )
            if stamp.date() != datetime.now().astimezone().date():
                when = QCoreApplication.translate("TeamMenu", "synced %1").replace(
                    "%1",
                    QLocale().toString(stamp.date(), QLocale.FormatType.ShortFormat),  # type: ignore[call-overload]  # PySide6 converts date/datetime; its stubs list QDate/QDateTime only
                )
        else:
            when = QCoreApplication.translate("TeamMenu", "not synced yet")
        sending = self.tr("%n change(s) to send", "", pending)
        parts = [when, sending]
        if conflicts:
            open_conflicts = self.tr("%n conflict(s)", "", conflicts)
            parts.append(open_conflicts)
        text = QCoreApplication.translate("TeamMenu", "Team: %1").replace("%1", " · ".join(parts))
        if self.last_error:
            text += " – " + QCoreApplication.translate("TeamMenu", "offline")
        self.status.setText(text)
        self.status.setToolTip(self.last_error or state.get("team_url", ""))
        self._show_status()

    def _show_status(self) -> None:
        """The team line shows for a team file, except while a status-bar message shows."""
        message = self.window.statusBar().currentMessage()
        self.status.setVisible(bool(self.status.text()) and not message)

    # -- sync ----------------------------------------------------------------------------
    def sync_now(self, automatic: bool = False) -> bool:
        """Start a sync (False when none can start now)."""
        from kpm_desktop.team import engine

        ws = self.window.workspace
        if ws is None or ws.read_only or self.task.busy or not self.is_team_file():
            return False
        try:
            outbox = engine.prepare(ws.repo)
        except Exception as exc:
            self._report(exc, automatic)
            return False
        self._outbox = outbox
        self._automatic = automatic
        if not automatic:
            self._progress = QProgressDialog(
                QCoreApplication.translate("TeamMenu", "Syncing with the team server…"),
                QCoreApplication.translate("TeamMenu", "Cancel"),
                0,
                0,
                self.window,
            )
            self._progress.setWindowTitle(QCoreApplication.translate("TeamMenu", "Sync"))
            self._progress.setWindowModality(Qt.WindowModality.WindowModal)
            self._progress.setMinimumDuration(400)
            self._progress.canceled.connect(self.cancel)
        self.task.start(lambda: engine.exchange(outbox))
        self.update()
        return True

    def cancel(self) -> None:
        self.task.cancel()
        self._close_progress()
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "TeamMenu", "Sync cancelled; your changes stay here and are sent next time."
            ),
            6000,
        )
        QTimer.singleShot(0, self.update)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect(self.cancel)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _exchange_done(self, ex) -> None:
        from kpm_desktop.team import engine

        self._close_progress()
        ws = self.window.workspace
        outbox, self._outbox = self._outbox, None
        if ws is None or outbox is None or ws.read_only:
            return  # the file was closed meanwhile: the next sync repeats the exchange
        try:
            result = engine.finish(ws.repo, outbox, ex)
        except Exception as exc:
            self._report(exc, False)
            return
        self.last_error = ""
        self.last_result = result
        if result.pulled or ex.merged or result.left_territory:
            # received changes (or customers removed) start a fresh undo history: an undo
            # step could otherwise write to a customer that is no longer in the file
            ws.undo_stack.clear()
            ws.reload()
        else:
            ws.conflicts_updated()  # new conflicts get their cell badges
        message = QCoreApplication.translate("TeamMenu", "Synced: %1 sent, %2 received.").replace(
            "%1", str(result.pushed)
        )
        message = message.replace("%2", str(result.pulled))
        if result.left_territory:
            message += " " + self.tr(
                "%n customer(s) left your territory and were removed from this file.",
                "",
                result.left_territory,
            )
        if result.conflicts:
            message += " " + self.tr(
                "%n conflict(s) to review (Team › Review Conflicts).", "", len(result.conflicts)
            )
        self.window.statusBar().showMessage(message, 8000)
        self.update()
        self._run_after()

    def _exchange_failed(self, exc: BaseException) -> None:
        self._close_progress()
        self._outbox = None
        self._report(exc, getattr(self, "_automatic", False))
        self._run_after()

    def _run_after(self) -> None:
        callbacks, self._after = self._after, []
        for fn in callbacks:
            fn()

    def _report(self, exc: BaseException, automatic: bool, title: str | None = None) -> None:
        from kpm_desktop.gui.team_text import error_text

        message = error_text(exc)
        self.last_error = message
        self.update()
        if automatic:
            self.window.statusBar().showMessage(message, 10000)
        else:
            self.window.show_error(title or QCoreApplication.translate("TeamMenu", "Sync"), message)

    def _sync_before_close(self) -> bool:
        """On close: one last sync of pending changes (never keeps the file open)."""
        ws = self.window.workspace
        if ws is None or ws.read_only or not self.is_team_file():
            return True
        if self.task.busy:
            self.task.wait(CLOSE_SYNC_SECONDS)
        if sync_capture.pending_count(ws.repo.conn) == 0 or not self.sync_now(automatic=True):
            return True
        loop = QEventLoop()
        self._after.append(loop.quit)
        QTimer.singleShot(CLOSE_SYNC_SECONDS * 1000, loop.quit)
        loop.exec()
        if self.task.busy:
            self.task.cancel()
        return True

    def wait(self, seconds: float = 30) -> None:
        """Tests: wait for a running sync and deliver its result."""
        self.task.wait(seconds)

    # -- conflicts -------------------------------------------------------------------------
    def review(self):
        from kpm_desktop.gui.dialogs.team_dialogs import ConflictDialog

        dialog = ConflictDialog(self.window, self)
        dialog.setObjectName("team_conflict_dialog")
        dialog.open()
        return dialog

    def resolve(self, choices: dict[str, str]) -> None:
        from kpm_desktop.workspace.resolve_command import ResolveCommand

        ws = self.window.workspace
        if ws is None:
            return
        try:
            # one undo step: Ctrl+Z opens the conflicts again with the values as before
            ws.push(ResolveCommand(ws, choices))
        except Exception as exc:
            self._report(exc, False)
            return
        self.update()

    # -- join and set up --------------------------------------------------------------------
    def join(self):
        from kpm_desktop.gui.dialogs.team_dialogs import JoinTeamDialog

        dialog = JoinTeamDialog(self.window, self.window.settings.last_directory())
        dialog.setObjectName("team_join_dialog")
        dialog.accepted.connect(lambda: self._join(dialog))
        dialog.open()
        return dialog

    def _join(self, dialog) -> None:
        from kpm_desktop.team import clone
        from kpm_desktop.team.connect import store_password

        url, user = dialog.url.text().strip(), dialog.user.text().strip() or None
        target = Path(dialog.file.text().strip())
        if dialog.password.text():
            store_password(url, user, dialog.password.text())
        self._run_blocking(
            QCoreApplication.translate("TeamMenu", "Copying the team matrix…"),
            lambda: clone.clone(url, target, user),
            lambda _r: self.window.open_file(target),
        )

    def set_up(self):
        from kpm_desktop.gui.dialogs.team_dialogs import SetUpTeamDialog

        ws = self.window.workspace
        dialog = SetUpTeamDialog(self.window, ws.path.name if ws else "")
        dialog.setObjectName("team_setup_dialog")
        dialog.accepted.connect(lambda: self._set_up(dialog.url.text().strip()))
        dialog.open()
        return dialog

    def _set_up(self, url: str) -> None:
        from kpm_desktop.storage.repository import Repository
        from kpm_desktop.team import publish, server
        from kpm_desktop.team.connect import connect, translated

        ws = self.window.workspace
        if ws is None:
            return
        path = ws.path

        def work():
            with connect(url) as conn, translated(url, conn=conn):
                server.init(conn)
            with Repository.open(path, read_only=True) as repo:
                return publish.upload(repo, url)

        def done(pub) -> None:
            publish.mark_published(ws.repo, pub)
            self.window.statusBar().showMessage(
                QCoreApplication.translate("TeamMenu", "“%1” is now the team matrix on %2.")
                .replace("%1", path.name)
                .replace("%2", pub.server),
                8000,
            )
            self._workspace_changed(ws, force=True)

        self._run_blocking(
            QCoreApplication.translate("TeamMenu", "Setting up the team…"), work, done
        )

    def add_user(self):
        from kpm_desktop.gui.dialogs.team_dialogs import AddUserDialog

        dialog = AddUserDialog(self.window)
        dialog.setObjectName("team_add_user_dialog")
        dialog.accepted.connect(lambda: self._add_user(dialog))
        dialog.open()
        return dialog

    def _add_user(self, dialog) -> None:
        from kpm_desktop.team import server
        from kpm_desktop.team.connect import connect, translated

        state = self.team_state()
        url, user = state.get("team_url", ""), state.get("team_user")
        name, role = dialog.name.text().strip(), dialog.role.currentData()
        regions, owners = dialog.split(dialog.regions.text()), dialog.split(dialog.owners.text())

        def work():
            with connect(url, user) as conn, translated(url, conn=conn):
                return server.add_user(conn, name, role, regions, owners)

        def done(result) -> None:
            added, password = result
            if password:
                QMessageBox.information(
                    self.window,
                    QCoreApplication.translate("TeamMenu", "Team member added"),
                    QCoreApplication.translate(
                        "TeamMenu",
                        "%1 can join now. Initial password (shown once; pass it on privately): %2",
                    )
                    .replace("%1", added.name)
                    .replace("%2", password),
                )

        self._run_blocking(
            QCoreApplication.translate("TeamMenu", "Adding the team member…"), work, done
        )

    def show_users(self) -> None:
        from kpm_desktop.team import server
        from kpm_desktop.team.connect import connect, translated

        state = self.team_state()
        url, user = state.get("team_url", ""), state.get("team_user")

        def work():
            with connect(url, user) as conn, translated(url, "users_refused", conn):
                return server.users(conn)

        def done(users) -> None:
            from kpm_desktop.gui.dialogs.team_dialogs import UsersDialog

            dialog = UsersDialog(self.window, users)
            dialog.setObjectName("team_users_dialog")
            dialog.open()
            self.users_dialog = dialog

        self._run_blocking(
            QCoreApplication.translate("TeamMenu", "Reading the team members…"), work, done
        )

    def _run_blocking(self, text: str, fn, on_done) -> None:
        """A one-off server task on a worker behind a progress window."""
        if self.task.busy:
            self.task.wait(CLOSE_SYNC_SECONDS)
        runner = BackgroundTask(self)
        progress = QProgressDialog(
            text, QCoreApplication.translate("TeamMenu", "Cancel"), 0, 0, self.window
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def finished() -> None:
            progress.close()
            progress.deleteLater()
            runner.deleteLater()

        def ok(result) -> None:
            finished()
            on_done(result)
            self.update()

        def bad(exc) -> None:
            finished()
            # set up, join, add a user: not a sync
            self._report(exc, False, QCoreApplication.translate("TeamMenu", "Team"))

        runner.done.connect(ok)
        runner.failed.connect(bad)
        progress.canceled.connect(runner.cancel)
        self.runner = runner
        runner.start(fn)


def install(window: MainWindow) -> None:
    window.team = TeamController(window)
