"""``kpm-desktop --smoke-test``: prove that an installed or frozen app really works, then exit.

Installers are built on machines nobody looks at, so every build runs this before it is shipped
(``packaging/ci_build_and_smoke.sh``, ``.github/workflows/release.yml``). It exercises what a
frozen bundle most often gets wrong: Qt plugins (platform, image formats, print support), data
files (icons, translations) and lazily imported code (the XLSX writer). Steps:

1. start Qt offscreen (unless a platform is forced) in a throw-away home, so no user data,
   settings or recent-file lists are touched;
2. create the demo matrix in a temp dir and open it in the main window;
3. render the window and check that the picture is not blank;
4. write an XLSX export of the matrix and read it back;
5. print the rendered window to a PDF (QtPrintSupport) and load the shipped translations.

Prints one JSON line with the step timings on success and exits 0; on any failure prints one
line naming the failed step (plus the traceback) to stderr and exits 1. Qt critical/fatal
messages count as failures. ``KPM_SMOKE_REPORT=FILE`` also writes the report (or the failure)
to FILE; ``KPM_SMOKE_SCREENSHOT=FILE.png`` saves the rendered window.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import kpm_desktop
from kpm_desktop.assets import icons_dir

EXIT_OK, EXIT_FAILED = 0, 1
# A rendered main window has text, grid lines and five mark colours; a blank or black window
# has one or two colours. 16 distinct colours in a coarse sample is a safe line between them.
MIN_DISTINCT_COLOURS = 16


class SmokeTestError(Exception):
    """A check failed; the message says what was expected."""


def _isolate_user_dirs(home: Path) -> None:
    """Point every per-user location at ``home`` before Qt or platformdirs read them."""
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[var] = str(home / var.lower())
    if sys.platform == "win32":
        os.environ["APPDATA"] = str(home / "appdata")
        os.environ["LOCALAPPDATA"] = str(home / "localappdata")
    os.environ["KPM_DATA_DIR"] = str(home / "kpm-data")  # kpm_desktop.paths: backups, logs
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime))


def _distinct_colours(image: Any, samples_per_axis: int = 64) -> int:
    """Count distinct RGB colours on a coarse grid over ``image`` (a QImage)."""
    width, height = image.width(), image.height()
    if width == 0 or height == 0:
        return 0
    colours = set()
    for iy in range(samples_per_axis):
        y = iy * (height - 1) // max(samples_per_axis - 1, 1)
        for ix in range(samples_per_axis):
            x = ix * (width - 1) // max(samples_per_axis - 1, 1)
            colours.add(image.pixel(x, y) & 0xFFFFFF)
    return len(colours)


def check_not_blank(image: Any) -> int:
    """Raise ``SmokeTestError`` if ``image`` looks blank; return its distinct colour count."""
    count = _distinct_colours(image)
    if count < MIN_DISTINCT_COLOURS:
        raise SmokeTestError(
            f"rendered window looks blank: {count} distinct colours "
            f"(expected at least {MIN_DISTINCT_COLOURS}) in {image.width()}x{image.height()}"
        )
    return count


class _Smoke:
    """Runs the steps, times them and remembers Qt's complaints."""

    def __init__(self, work: Path, language: str = "de") -> None:
        self.work = work
        self.language = language
        self.started = time.perf_counter()
        self.timings: dict[str, float] = {}
        self.facts: dict[str, Any] = {}
        self.qt_errors: list[str] = []
        self.qt_warnings = 0
        self.window: Any = None
        self._previous_handler: Any = None
        self._handler_installed = False

    def step(self, name: str, func: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        try:
            result = func()
        except Exception as exc:
            raise _StepFailed(name, exc) from exc
        if self.qt_errors:
            raise _StepFailed(name, SmokeTestError("Qt reported: " + " | ".join(self.qt_errors)))
        self.timings[name] = round(time.perf_counter() - t0, 3)
        return result

    # -- steps -------------------------------------------------------------------------------
    def start_qt(self) -> None:
        import PySide6
        from PySide6.QtCore import QSettings, QStandardPaths, QtMsgType, qInstallMessageHandler
        from PySide6.QtWidgets import QApplication

        from kpm_desktop.gui import i18n
        from kpm_desktop.gui.app_factory import make_app

        def handler(msg_type: QtMsgType, _context: Any, message: str) -> None:
            if msg_type in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
                self.qt_errors.append(message)
            elif msg_type == QtMsgType.QtWarningMsg:
                self.qt_warnings += 1
                if sys.stderr is not None:
                    print(f"smoke-test: Qt warning: {message}", file=sys.stderr)

        self._previous_handler = qInstallMessageHandler(handler)  # None: Qt's default
        self._handler_installed = True
        QStandardPaths.setTestModeEnabled(True)
        if QApplication.instance() is None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = make_app([sys.argv[0] if sys.argv else "kpm-desktop"])
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(self.work / "settings")
        )
        # German UI by default: most users run it, and it loads our and Qt's catalogues.
        self.facts["language"] = i18n.install_translators(app, self.language)
        self.facts["platform"] = QApplication.platformName()
        self.facts["qt"] = PySide6.__version__

    def create_demo(self) -> Path:
        from kpm_desktop.samples.demo import write_demo
        from kpm_desktop.storage.repository import Repository

        path = write_demo(self.work / "Demo-Matrix.kpm")
        repo = Repository.open(path, read_only=True)
        try:
            matrix = repo.load_matrix()
            problems = repo.verify()
        finally:
            repo.close()
        if problems:
            raise SmokeTestError(f"demo matrix fails its integrity check: {problems}")
        if not matrix.customers or not matrix.products:
            raise SmokeTestError("demo matrix is empty")
        self.facts["demo"] = f"{len(matrix.customers)}x{len(matrix.products)}"
        return path

    def open_window(self, path: Path) -> Any:
        from PySide6.QtWidgets import QApplication

        from kpm_desktop.gui.desktop_integration import install_desktop_integration
        from kpm_desktop.gui.main_window import MainWindow

        window = MainWindow()
        window.persist_state = False  # never write window layout into the user's settings
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        install_desktop_integration(app, window.open_file)
        if not window.open_file(path):
            raise SmokeTestError(f"main window could not open {path.name}")
        if window.workspace is None or window.model.rowCount() == 0:
            raise SmokeTestError("main window shows no matrix rows")
        window.resize(1280, 800)
        window.show()
        self.window = window
        return window

    def render(self) -> Any:
        from PySide6.QtCore import QCoreApplication, QEventLoop

        deadline = time.perf_counter() + 5.0
        while not self.window.isVisible() and time.perf_counter() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        # Let zero-delay timers (status bar, side panel) run, as a user would see the window.
        settle = time.perf_counter() + 0.2
        while time.perf_counter() < settle:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        pixmap = self.window.grab()
        image = pixmap.toImage()
        self.facts["colours"] = check_not_blank(image)
        shot = os.environ.get("KPM_SMOKE_SCREENSHOT")
        if shot:
            pixmap.save(shot)
        return pixmap

    def export_xlsx(self, path: Path) -> Path:
        from kpm_desktop.import_export.export_model import ExportOptions, load_snapshot
        from kpm_desktop.import_export.xlsx_export import write_xlsx

        out = self.work / "Export.xlsx"
        write_xlsx(load_snapshot(path, ExportOptions(lang="de")), out)
        if not zipfile.is_zipfile(out):
            raise SmokeTestError(f"{out.name} is not an XLSX (zip) file")
        from openpyxl import load_workbook

        workbook = load_workbook(out, read_only=True)
        try:
            sheets = workbook.sheetnames
        finally:
            workbook.close()
        if not sheets:
            raise SmokeTestError(f"{out.name} has no sheets")
        self.facts["xlsx_sheets"] = len(sheets)
        return out

    def print_pdf(self, pixmap: Any) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrinter

        out = self.work / "Print.pdf"
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        painter = QPainter()
        if not painter.begin(printer):
            raise SmokeTestError("QPrinter (PDF) could not be started")
        target = painter.viewport()
        scaled = pixmap.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawPixmap(0, 0, scaled)
        painter.end()
        if not out.exists() or out.read_bytes()[:5] != b"%PDF-":
            raise SmokeTestError("printing to PDF wrote no PDF file")

    def translations(self) -> None:
        from PySide6.QtCore import QLibraryInfo, QTranslator

        from kpm_desktop.gui import i18n

        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_de = QTranslator()
        if not qt_de.load("qtbase_de", qt_dir):
            raise SmokeTestError(f"Qt's German translation (qtbase_de.qm) is missing in {qt_dir}")
        ours = sorted(i18n.translations_dir().glob("*.qm"))
        for qm in ours:
            if not QTranslator().load(str(qm)):
                raise SmokeTestError(f"cannot load {qm.name}")
        self.facts["app_translations"] = [qm.stem for qm in ours]
        # The UI catalogue of the chosen language must ship, and start_qt installed it.
        installed = [Path(t.filePath()).name for t in i18n._installed if not t.isEmpty()]
        wanted = f"kpm_{self.language}.qm"
        if wanted not in installed:
            raise SmokeTestError(
                f"UI catalogue {wanted} not installed from {i18n.translations_dir()}"
                f" (installed: {installed or 'none'})"
            )
        # What the user reads: the File menu's title in the chosen language ("&Datei" in German).
        self.facts["file_menu"] = self.window.menuBar().actions()[0].text()

    def icon(self) -> None:
        from PySide6.QtCore import QSize
        from PySide6.QtWidgets import QApplication

        icon = QApplication.windowIcon()
        self.facts["icon_sizes"] = sorted({s.width() for s in icon.availableSizes()})
        if icon.isNull() or QSize(256, 256) not in icon.availableSizes():
            png = icons_dir() / "png"
            raise SmokeTestError(f"app icon missing or unreadable (looked in {png})")

    def close(self) -> None:
        from PySide6.QtCore import QCoreApplication

        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        QCoreApplication.processEvents()
        if self._handler_installed:
            from PySide6.QtCore import qInstallMessageHandler

            qInstallMessageHandler(self._previous_handler)
            self._handler_installed = False


class _StepFailed(Exception):
    def __init__(self, step: str, error: BaseException) -> None:
        super().__init__(f"{step}: {error}")
        self.step, self.error = step, error


def run_smoke_test(language: str = "de") -> int:
    """Run all steps in ``language``; print one JSON line and return 0, or the failure and 1."""
    with tempfile.TemporaryDirectory(prefix="kpm-smoke-") as tmp:
        work = Path(tmp)
        _isolate_user_dirs(work / "home")
        smoke = _Smoke(work, language)
        try:
            smoke.step("qt", smoke.start_qt)
            path = smoke.step("demo", smoke.create_demo)
            smoke.step("window", lambda: smoke.open_window(path))
            pixmap = smoke.step("render", smoke.render)
            smoke.step("xlsx", lambda: smoke.export_xlsx(path))
            smoke.step("print", lambda: smoke.print_pdf(pixmap))
            smoke.step("translations", smoke.translations)
            smoke.step("icon", smoke.icon)
            smoke.step("close", smoke.close)
        except _StepFailed as failed:
            message = f"kpm-desktop --smoke-test: FAILED at {failed.step}: {failed.error}"
            details = "".join(traceback.format_exception(failed.error))
            _emit(message + "\n" + details, error=True)
            try:
                smoke.close()
            except Exception:  # the failure above is what matters
                pass
            return EXIT_FAILED
        report = {
            "smoke_test": "ok",
            "version": kpm_desktop.__version__,
            "frozen": bool(getattr(sys, "frozen", False)),
            "python": sys.version.split()[0],
            **smoke.facts,
            "qt_warnings": smoke.qt_warnings,
            "seconds": smoke.timings,
            "total_s": round(time.perf_counter() - smoke.started, 3),
        }
        _emit(json.dumps(report, ensure_ascii=False))
        return EXIT_OK


def _emit(text: str, *, error: bool = False) -> None:
    """Print ``text`` and, if ``KPM_SMOKE_REPORT`` names a file, write it there too.

    A windowed Windows executable has no console (``sys.stdout`` is None), so CI reads the
    report from that file.
    """
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        print(text, file=stream, flush=True)
    report = os.environ.get("KPM_SMOKE_REPORT")
    if report:
        Path(report).write_text(text + "\n", encoding="utf-8")
