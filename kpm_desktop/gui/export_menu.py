"""File > Export…, Print preview, Print and the visit one-pager (extension module).

Why this module is long: export, print preview, printing and the visit one-pager share one
export job, its progress dialog and the paper settings; printing (preview paging included) is
the part that can move to a module of its own.

Exports run in a worker thread with a progress dialog and Cancel: the worker gets plain data
(the file path, ``ExportOptions`` with the view's ids) and opens its own read-only connection,
so the main thread's repository is never used from another thread. Printing paints from a
snapshot of the in-memory matrix on the main thread (QPrinter belongs to the GUI thread).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from kpm_desktop.domain.entities import stored_id
from kpm_desktop.gui import folders
from kpm_desktop.gui.actions import MenuId
from kpm_desktop.gui.feedback import os_error_message
from kpm_desktop.gui.storage_text import storage_text
from kpm_desktop.gui.workers import BackgroundTask
from kpm_desktop.storage.errors import StorageError

# The dialogs, the export model and QtPrintSupport are imported on first use, not on the
# start path (issue 20: nothing but the matrix window before the first frame).
if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

    from kpm_desktop.gui.dialogs.export_dialog import ExportDialog, ExportRequest, ViewScope
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.preferences import Preferences
    from kpm_desktop.gui.print_preview import MatrixPrintPreview
    from kpm_desktop.import_export.export_model import ExportOptions, Orientation, Progress

EXPORT_ACTION = "file.export"
VISIT_PDF_ACTION = "file.export_visit"
PREVIEW_ACTION = "file.print_preview"
PRINT_ACTION = "file.print"
PRINT_VISIT_ACTION = "file.print_visit"


# -- worker ------------------------------------------------------------------------------------
class ExportJob(QObject):
    """Runs ``task(progress)`` on a worker (a ``BackgroundTask``).

    Signals (on the GUI thread):
        progressed(done, total); succeeded(message, written file); failed(message);
        cancelled(). ``done`` is emitted last in every case.
    """

    progressed = Signal(int, int)
    succeeded = Signal(str, str)  # message, written file
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()

    def __init__(self, task: Callable[[Progress], tuple[str, Path]]) -> None:
        super().__init__()
        self._task = task
        self._cancel = False
        # An export that finished before the cancel arrived keeps its file and says so.
        self.task = BackgroundTask(self, name="export_worker", keep_result=True)
        self.task.progressed.connect(lambda value: self.progressed.emit(*value))
        self.task.done.connect(self._succeeded)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)

    @property
    def busy(self) -> bool:
        return self.task.busy

    def start(self) -> None:
        self.task.start(lambda: self._task(self._progress))
        if self._cancel:  # cancelled before it started
            self.task.cancel()

    def cancel(self) -> None:
        self._cancel = True
        self.task.cancel()

    def wait(self) -> None:
        """Block until the worker ended (its outcome is delivered)."""
        self.task.wait()

    def _progress(self, done: int, total: int) -> bool:
        return self.task.report((done, total))

    def _succeeded(self, result: tuple[str, Path]) -> None:
        message, path = result
        self.succeeded.emit(message, str(path))
        self.done.emit()

    def _failed(self, exc: BaseException) -> None:
        from kpm_desktop.import_export.export_model import ExportCancelled
        from kpm_desktop.import_export.messages import MessageError

        if isinstance(exc, ExportCancelled):
            self.cancelled.emit()
        elif isinstance(exc, MessageError):  # an export that cannot be made as asked
            from kpm_desktop.gui.dialogs.import_common import tr_message

            self.failed.emit(tr_message(exc.key, exc.params))
        elif isinstance(exc, OSError) and exc.errno is not None:  # e.g. a folder refusing it
            self.failed.emit(os_error_message(exc))
        elif isinstance(exc, StorageError | OSError | ValueError):
            self.failed.emit(storage_text(exc))
        else:  # a bug must reach the user, not vanish with the worker
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        self.done.emit()

    def _cancelled(self) -> None:
        self.cancelled.emit()
        self.done.emit()


def export_task(source: Path, request: ExportRequest, options: ExportOptions):
    """The work of one export, from plain data only (runs in the worker thread)."""

    def run(progress: Progress) -> tuple[str, Path]:
        from kpm_desktop.gui.dialogs.export_dialog import ExportKind
        from kpm_desktop.import_export.export_model import load_snapshot, open_snapshot

        if request.kind is ExportKind.XLSX:
            from kpm_desktop.import_export.xlsx_export import write_xlsx

            with open_snapshot(source, options) as snapshot:
                written = write_xlsx(snapshot, request.path, progress)
            message = (
                QCoreApplication.translate(
                    "ExportMenu", "Exported %1 customers × %2 products to %3."
                )
                .replace("%1", str(snapshot.n_rows))
                .replace("%2", str(snapshot.n_cols))
                .replace("%3", str(request.path))
            )
            sheets = written.continuations
            if len(sheets) == 1:  # over Excel's row limit: say where the rest of the data is
                message += " " + QCoreApplication.translate(
                    "ExportMenu", "The data continues on %1."
                ).replace("%1", sheets[0])
            elif sheets:
                message += " " + QCoreApplication.translate(
                    "ExportMenu", "The data continues on %1 – %2."
                ).replace("%1", sheets[0]).replace("%2", sheets[-1])
            return message, request.path
        from kpm_desktop.report.pdf_matrix import write_matrix_pdf

        snapshot = load_snapshot(source, options, with_details=False)
        pages = write_matrix_pdf(
            snapshot, request.path, blank=request.kind is ExportKind.BLANK, progress=progress
        )
        # "Pages: %2" instead of a plural: lupdate marks no plural form for a variable count.
        message = QCoreApplication.translate("ExportMenu", "PDF written to %1 (pages: %2).")
        return message.replace("%1", str(request.path)).replace("%2", str(pages)), request.path

    return run


def visit_task(source: Path, customer_id: int, options: ExportOptions, target: Path):
    def run(progress: Progress) -> tuple[str, Path]:
        from kpm_desktop.import_export.visit_data import load_visit_by_id
        from kpm_desktop.report.visit_sheet import write_visit_pdf

        visit = load_visit_by_id(source, customer_id, options)
        write_visit_pdf(visit, target, progress)
        message = QCoreApplication.translate(
            "ExportMenu", "Wrote the visit one-pager for %1 to %2."
        ).replace("%1", visit.customer.name)
        return message.replace("%2", str(target)), target

    return run


# -- glue with the main window -------------------------------------------------------------------
@contextmanager
def _wait_cursor() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class ExportActions(QObject):
    """The export and print actions of one main window (slots run on the GUI thread)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.job: ExportJob | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.result_box: QMessageBox | None = None
        self.last_message = ""
        self.preview_dialog: MatrixPrintPreview | None = None
        self.print_progress: QProgressDialog | None = None
        self.print_setup: QPrintDialog | None = None
        window.installEventFilter(self)  # a running export stops before the window closes
        a = window.action_registry
        self.export = a.add(
            EXPORT_ACTION,
            QCoreApplication.translate("ExportMenu", "&Export…"),
            self.open_dialog,
            menu=MenuId.FILE,
            section="export",
            shortcut="Ctrl+E",
            tip=QCoreApplication.translate(
                "ExportMenu", "Write the matrix as Excel workbook, PDF sheet or blank worksheet"
            ),
        )
        self.visit_pdf = a.add(
            VISIT_PDF_ACTION,
            QCoreApplication.translate("ExportMenu", "&Visit one-pager as PDF…"),
            self.export_visit,
            menu=MenuId.FILE,
            section="export",
            tip=QCoreApplication.translate(
                "ExportMenu", "One page for the next visit of the current customer"
            ),
        )
        self.preview = a.add(
            PREVIEW_ACTION,
            QCoreApplication.translate("ExportMenu", "Print previe&w…"),
            self.print_preview,
            menu=MenuId.FILE,
            section="print",
        )
        self.print = a.add(
            PRINT_ACTION,
            QCoreApplication.translate("ExportMenu", "&Print…"),
            self.print_dialog,
            menu=MenuId.FILE,
            section="print",
            shortcut=QKeySequence.StandardKey.Print,
        )
        self.print_visit = a.add(
            PRINT_VISIT_ACTION,
            QCoreApplication.translate("ExportMenu", "Print visi&t one-pager…"),
            self.print_visit_preview,
            menu=MenuId.FILE,
            section="print",
        )
        window.workspace_changed.connect(self._workspace_changed)
        self._workspace_changed(window.workspace)

    # -- state ------------------------------------------------------------------------------
    def _workspace_changed(self, ws) -> None:
        has_file = ws is not None
        for act in (self.export, self.preview, self.print):
            act.setEnabled(has_file)
        if ws is not None:
            ws.current_customer_changed.connect(self._update_visit_actions)
        self._update_visit_actions()

    def _update_visit_actions(self, *_args) -> None:
        ws = self.window.workspace
        enabled = ws is not None and ws.current_customer is not None
        self.visit_pdf.setEnabled(enabled)
        self.print_visit.setEnabled(enabled)

    def preferences(self) -> Preferences:
        from kpm_desktop.gui.preferences import Preferences

        return Preferences.load(self.window.settings.qsettings)

    def sheet_language(self) -> str:
        lang = self.preferences().language
        if lang in ("de", "en"):
            return lang
        from PySide6.QtCore import QLocale

        return "de" if QLocale().language() == QLocale.Language.German else "en"

    def view_scope(self) -> ViewScope | None:
        from kpm_desktop.gui.dialogs.export_dialog import ViewScope

        ws = self.window.workspace
        if ws is None:
            return None
        model = self.window.model
        m = ws.matrix
        return ViewScope(
            customer_ids=tuple(
                stored_id(m.customers[model.matrix_row(r)]) for r in range(model.rowCount())
            ),
            product_ids=tuple(
                stored_id(m.products[model.matrix_col(c)]) for c in range(model.columnCount())
            ),
            total_customers=m.n_rows,
            total_products=m.n_cols,
        )

    def default_options(self, **overrides) -> ExportOptions:
        """Options for printing: the current view with the user's paper and privacy defaults."""
        from kpm_desktop.import_export.export_model import ExportOptions, Orientation, Paper

        prefs = self.preferences()
        view = self.view_scope()
        lang = self.sheet_language()
        values: dict[str, Any] = dict(
            paper=Paper(prefs.paper),
            orientation=Orientation(prefs.orientation),
            customer_ids=view.customer_ids if view else None,
            product_ids=view.product_ids if view else None,
            attributes=("number", "city"),
            customer_safe=prefs.customer_safe,
            lang=lang,
            filters=view.describe(lang) if view is not None and view.filtered else "",
            include_data_sheet=False,
        )
        values.update(overrides)
        return ExportOptions(**values)

    # -- export -----------------------------------------------------------------------------
    def make_dialog(self) -> ExportDialog:
        from kpm_desktop.gui.dialogs.export_dialog import ExportDialog

        ws = self.window.workspace
        assert ws is not None
        prefs = self.preferences()
        dialog = ExportDialog(
            ws.path,
            self.view_scope(),
            paper=prefs.paper,
            orientation=prefs.orientation,
            customer_safe=prefs.customer_safe,
            lang=self.sheet_language(),
            folder=folders.start_folder(self.window, folders.EXPORT),
            parent=self.window,
        )

        def accepted() -> None:
            request = dialog.request()
            folders.remember(self.window, folders.EXPORT, request.path)
            self.start_export(request)

        dialog.accepted.connect(accepted)
        return dialog

    def open_dialog(self) -> ExportDialog | None:
        if self.window.workspace is None or self.job is not None:
            return None
        dialog = self.make_dialog()
        dialog.open()
        return dialog

    def start_export(self, request: ExportRequest) -> ExportJob | None:
        ws = self.window.workspace
        if ws is None or self.job is not None:
            return None
        options = request.options(self.view_scope())
        return self._start(
            export_task(ws.path, request, options),
            QCoreApplication.translate("ExportMenu", "Exporting…"),
        )

    def export_visit(self, target: Path | None = None) -> ExportJob | None:
        ws = self.window.workspace
        if ws is None or ws.current_customer is None or self.job is not None:
            return None
        customer = ws.repo.get_customer(ws.current_customer)
        if customer is None:
            return None
        if target is None:
            suggested = folders.start_folder(self.window, folders.EXPORT) / (
                f"{ws.path.stem}-besuch-{customer.number or customer.id}.pdf"
            )
            name, _ = QFileDialog.getSaveFileName(
                self.window,
                QCoreApplication.translate("ExportMenu", "Visit one-pager"),
                str(suggested),
                QCoreApplication.translate("ExportMenu", "PDF document (*.pdf)"),
            )
            if not name:
                return None
            target = Path(name)
            folders.remember(self.window, folders.EXPORT, target)
        from kpm_desktop.import_export.export_model import Orientation

        options = self.default_options(orientation=Orientation.PORTRAIT)
        return self._start(
            visit_task(ws.path, stored_id(customer), options, target),
            QCoreApplication.translate("ExportMenu", "Writing the visit one-pager…"),
        )

    def _start(self, task: Callable[[Progress], tuple[str, Path]], title: str) -> ExportJob:
        job = ExportJob(task)
        dialog = QProgressDialog(
            title, QCoreApplication.translate("ExportMenu", "Cancel"), 0, 0, self.window
        )
        dialog.setObjectName("export_progress")
        dialog.setWindowTitle(QCoreApplication.translate("ExportMenu", "Export"))
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        job.progressed.connect(self._on_progress)
        job.succeeded.connect(self._on_success)
        job.failed.connect(self._on_failure)
        job.cancelled.connect(self._on_cancelled)
        job.done.connect(self._on_done)
        self.job, self.progress_dialog = job, dialog
        self.export.setEnabled(False)
        job.start()
        return job

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override: closing the window cancels a running export and waits for its worker.

        Nothing is left running at exit (with a QThread the app once aborted there: "QThread:
        Destroyed while thread is still running"); a cancelled export leaves no file behind.
        """
        if watched is self.window and event.type() == QEvent.Type.Close and self.job is not None:
            self.job.cancel()
            self.job.wait()
        return super().eventFilter(watched, event)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setMaximum(max(total, 1))
            self.progress_dialog.setValue(min(done, total))

    @Slot(str, str)
    def _on_success(self, message: str, written: str) -> None:
        self.last_message = message
        self.window.statusBar().showMessage(message, 10000)
        path = Path(written)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("ExportMenu", "Export"),
            message,
            parent=self.window,
        )
        box.setObjectName("export_result")
        open_button = box.addButton(
            QCoreApplication.translate("ExportMenu", "&Open"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Close)

        def clicked(button) -> None:
            if button is open_button:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        box.buttonClicked.connect(clicked)
        self.result_box = box
        box.open()

    @Slot(str)
    def _on_failure(self, message: str) -> None:
        self.last_message = message
        self.window.show_error(QCoreApplication.translate("ExportMenu", "Export failed"), message)

    @Slot()
    def _on_cancelled(self) -> None:
        self.last_message = QCoreApplication.translate(
            "ExportMenu", "Export cancelled; nothing was written."
        )
        self.window.statusBar().showMessage(self.last_message, 6000)

    @Slot()
    def _on_done(self) -> None:
        job = self.job
        if job is not None:
            job.wait()
            job.deleteLater()
        if self.progress_dialog is not None:
            self.progress_dialog.reset()
            self.progress_dialog.deleteLater()
        self.job = None
        self.progress_dialog = None
        self.export.setEnabled(self.window.workspace is not None)

    # -- printing ---------------------------------------------------------------------------
    def matrix_snapshot(self):
        from kpm_desktop.import_export.export_model import snapshot_from_matrix

        ws = self.window.workspace
        assert ws is not None
        from kpm_desktop.workspace.customer_commands import customer_data

        return snapshot_from_matrix(
            ws.matrix,
            self.default_options(),
            file_name=ws.path.name,
            counting=customer_data(ws).effective_matrix(),
        )

    def paint_matrix_on(self, printer: QPrinter) -> int:
        """Print the matrix on ``printer``, page by page behind a progress dialog with
        Cancel (QPrinter belongs to the GUI thread: ~1,000 pages at 5,000 x 300). Returns
        the pages printed; 0 when cancelled (the print job is aborted)."""
        from kpm_desktop.import_export.export_model import ExportCancelled
        from kpm_desktop.report.pdf_matrix import paint_matrix

        progress = QProgressDialog(
            QCoreApplication.translate("ExportMenu", "Printing the matrix…"),
            QCoreApplication.translate("ExportMenu", "Cancel"),
            0,
            0,
            self.window,
        )
        progress.setObjectName("print_progress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        self.print_progress = progress

        def step(done: int, total: int) -> bool:
            progress.setMaximum(total)
            progress.setValue(done)
            progress.setLabelText(
                QCoreApplication.translate("ExportMenu", "Printing page %1 of %2…")
                .replace("%1", str(min(done + 1, total)))
                .replace("%2", str(total))
            )
            QApplication.processEvents()
            if progress.wasCanceled():
                printer.abort()
                return False
            return True

        try:
            with _wait_cursor():
                return paint_matrix(printer, self.matrix_snapshot(), layout=False, progress=step)
        except ExportCancelled:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("ExportMenu", "Printing cancelled."), 6000
            )
            return 0
        finally:
            progress.reset()
            progress.deleteLater()
            self.print_progress = None

    def matrix_pages(self, printer: QPrinter):
        """The matrix sheet page by page for the preview (``report.pdf_matrix.MatrixPages``)."""
        from kpm_desktop.report.pdf_matrix import MatrixPages

        with _wait_cursor():
            return MatrixPages(printer, self.matrix_snapshot())

    def paint_visit_on(self, printer: QPrinter) -> int:
        from kpm_desktop.import_export.export_model import Orientation
        from kpm_desktop.import_export.visit_data import visit_from_repository
        from kpm_desktop.report.visit_sheet import paint_visit

        ws = self.window.workspace
        assert ws is not None and ws.current_customer is not None
        options = self.default_options(orientation=Orientation.PORTRAIT)
        with _wait_cursor():
            visit = visit_from_repository(ws.repo, ws.current_customer, options)
            return paint_visit(printer, visit, layout=False)

    def new_printer(self, orientation: Orientation | None = None) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        from kpm_desktop.import_export.export_model import Orientation, Paper
        from kpm_desktop.report.sheet_paint import apply_page_layout

        prefs = self.preferences()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        apply_page_layout(
            printer, Paper(prefs.paper), orientation or Orientation(prefs.orientation)
        )
        return printer

    def print_preview(self) -> MatrixPrintPreview | None:
        """The matrix preview: the first page at once, the others as the user turns to them."""
        if self.window.workspace is None:
            return None
        from kpm_desktop.gui.print_preview import MatrixPrintPreview

        printer = self.new_printer()
        dialog = MatrixPrintPreview(
            printer, self.matrix_pages, self._print_from_preview, self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview_dialog = dialog
        dialog.destroyed.connect(self._preview_gone)
        dialog.start()
        return dialog

    def _preview_gone(self) -> None:
        self.preview_dialog = None

    def _print_from_preview(self, printer: QPrinter) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, self.preview_dialog or self.window)
        dialog.accepted.connect(lambda: self.paint_matrix_on(printer))
        dialog.open()  # type: ignore[call-arg]  # PySide6 stubs: open() without a slot is valid Qt
        self.print_setup = dialog

    def print_visit_preview(self) -> QPrintPreviewDialog | None:
        ws = self.window.workspace
        if ws is None or ws.current_customer is None:
            return None
        from kpm_desktop.import_export.export_model import Orientation

        return self._preview(self.new_printer(Orientation.PORTRAIT), self.paint_visit_on)

    def _preview(self, printer: QPrinter, paint: Callable[[QPrinter], int]) -> QPrintPreviewDialog:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setObjectName("print_preview")
        dialog.paintRequested.connect(paint)
        dialog.open()
        self._printer = printer  # the dialog does not own it
        return dialog

    def print_dialog(self) -> QPrintDialog | None:
        if self.window.workspace is None:
            return None
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self.new_printer()
        dialog = QPrintDialog(printer, self.window)
        dialog.accepted.connect(lambda: self.paint_matrix_on(printer))
        dialog.open()  # type: ignore[call-arg]  # PySide6 stubs: open() without a slot is valid Qt
        self._printer = printer
        return dialog


def install(window: MainWindow) -> None:
    window.export_actions = ExportActions(window)
