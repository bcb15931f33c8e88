"""The one way tests build a main window (issue 13 item 10).

``MainWindowFactory`` makes a real ``MainWindow`` with UI settings in a temp INI file, in a
language, at a size, optionally on a file, shown and exposed; message boxes are recorded
instead of blocking in ``exec()``; every window it made is closed at teardown and the English
catalogue is put back. The ``main_window_factory`` fixture (tests/conftest.py) hands one out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pytest

if TYPE_CHECKING:
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.settings import UiSettings

Messages = list[tuple[str, str]]
SAFETY = ("kpm_desktop.gui.safety",)  # the data-safety extension alone (backups, checks)


def ui_settings_at(path: Path) -> UiSettings:
    """UI settings kept in an INI file (never the user's real settings)."""
    from PySide6.QtCore import QSettings

    from kpm_desktop.gui.settings import UiSettings

    return UiSettings(QSettings(str(path), QSettings.Format.IniFormat))


def set_language(lang: str) -> str:
    """Install the application's catalogues for ``lang`` ("de"/"en"); returns the language."""
    from PySide6.QtCore import QCoreApplication

    from kpm_desktop.gui.i18n import install_translators

    return install_translators(QCoreApplication.instance(), lang)


class MainWindowFactory:
    """Builds main windows for one test and cleans them up after it.

    ``factory(path)`` opens ``path`` (asserting it opened), shows the window and waits until
    it is exposed. ``factory.messages`` (also ``window.messages``) collects the
    ``(title, text)`` of every ``QMessageBox.warning``/``critical`` shown meanwhile.
    """

    def __init__(self, qtbot, monkeypatch: pytest.MonkeyPatch, settings: UiSettings) -> None:
        self.qtbot = qtbot
        self.monkeypatch = monkeypatch
        self.settings = settings
        self.messages: Messages = []
        self.windows: list[MainWindow] = []
        self._language_changed = False

    def __call__(
        self,
        path: Path | str | None = None,
        *,
        extensions: Sequence[str] | None = None,
        lang: str | None = None,
        size: tuple[int, int] | None = None,
        settings: UiSettings | None = None,
        persist_state: bool = True,
        show: bool = True,
        activate: bool = False,
        settle_ms: int = 0,
        today: date | None = None,
        before_show: Callable[[MainWindow], object] | None = None,
        warnings: Literal["record", "fail"] = "record",
        check_open: bool = True,
        first_frame_first: bool = False,
    ) -> MainWindow:
        """A main window.

        extensions: None = every extension (as users get it); () = the bare matrix window.
        lang: install that language's catalogues first (English is restored at teardown).
        size: resize before showing (e.g. (1366, 768), the rep's laptop).
        persist_state: False = do not write the window layout into the settings on close.
        show: False = not shown (then also not opened-and-exposed checks).
        activate/settle_ms: activate the window / let the event loop run (e.g. so the docks
        take the file after the first frame).
        today: the date the customer figures (staleness, due re-checks) count from.
        before_show: called with the window after the file opened, before it is shown.
        warnings: "record" them in ``messages``; "fail" the test when one is shown.
        check_open: False = a file that does not open is not a failure (damaged files).
        first_frame_first: as ``kpm-desktop`` starts: shown first, then the file opened; the
        extensions outside ``BEFORE_FIRST_FRAME`` are installed after the first frame (not
        waited for here).
        """
        from PySide6.QtWidgets import QMessageBox

        from kpm_desktop.gui.main_window import MainWindow

        self._patch_message_boxes(QMessageBox, warnings)
        if lang is not None:
            set_language(lang)
            self._language_changed = True
        win = MainWindow(
            settings or self.settings, extensions=extensions, first_frame_first=first_frame_first
        )
        win.persist_state = persist_state
        win.messages = self.messages  # type: ignore[attr-defined]
        self.qtbot.addWidget(win)
        self.windows.append(win)
        if first_frame_first:
            win.show()  # as entry.run does: shown first, then the file
        if path is not None:
            opened = win.open_file(Path(path))
            assert opened or not check_open, self.messages
        if size is not None:
            win.resize(*size)
        if today is not None:
            from kpm_desktop.workspace.customer_commands import customer_data

            customer_data(win.workspace).set_today(today)
        if before_show is not None:
            before_show(win)
        if show:
            win.show()
            self.qtbot.waitExposed(win)
            if activate:
                win.activateWindow()
            if settle_ms:
                self.qtbot.wait(settle_ms)
        return win

    def _patch_message_boxes(self, box, mode: str) -> None:
        def record(parent, title, text, *args) -> None:
            self.messages.append((title, text))

        def fail(parent, title, text, *args) -> None:
            pytest.fail(f"message box shown: {title}: {text}")

        for name in ("warning", "critical"):
            self.monkeypatch.setattr(box, name, record if mode == "record" else fail)

    def close_all(self) -> None:
        """Close every window still holding a file or on screen, then restore English."""
        import shiboken6

        try:
            for win in reversed(self.windows):
                if shiboken6.isValid(win) and (win.isVisible() or win.workspace is not None):
                    win.close()
        finally:
            if self._language_changed:
                set_language("en")
