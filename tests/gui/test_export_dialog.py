"""Export dialog, export worker (progress, cancel), printing and the visit one-pager in the GUI."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtPrintSupport import QPrinter

from kpm_desktop.gui.dialogs.export_dialog import ExportDialog, ExportKind, ViewScope
from kpm_desktop.gui.export_menu import (
    EXPORT_ACTION,
    PREVIEW_ACTION,
    PRINT_ACTION,
    PRINT_VISIT_ACTION,
    VISIT_PDF_ACTION,
    ExportJob,
    export_task,
    install,
)
from kpm_desktop.import_export.export_model import Orientation, Paper
from kpm_desktop.import_export.xlsx_export import FIRST_DATA_ROW
from tests.helpers.pdf import pdf_page_count, pdf_text


@pytest.fixture
def exporting(window):
    install(window)
    yield window
    actions = window.export_actions
    if actions.result_box is not None:
        actions.result_box.close()


def _wait(qtbot, job: ExportJob) -> None:
    qtbot.waitUntil(lambda: not job.busy, timeout=30_000)


def test_dialog_defaults_and_request(qtbot, tmp_path: Path) -> None:
    source = tmp_path / "gebiet.kpm"
    source.write_bytes(b"")
    view = ViewScope((3, 1), (7, 2, 5), total_customers=60, total_products=24)
    dialog = ExportDialog(source, view, paper="A3", orientation="portrait", customer_safe=True)
    qtbot.addWidget(dialog)
    assert dialog.kind() is ExportKind.XLSX
    assert dialog.scope_view.isChecked()  # the view is filtered: export what is shown
    assert Path(dialog.path.text()) == tmp_path / "gebiet.xlsx"
    dialog.set_kind(ExportKind.BLANK)
    assert Path(dialog.path.text()) == tmp_path / "gebiet-arbeitsblatt.pdf"
    dialog.path.setText(str(tmp_path / "mein-blatt.pdf"))
    dialog.set_kind(ExportKind.XLSX)
    assert Path(dialog.path.text()) == tmp_path / "mein-blatt.xlsx"
    request = dialog.request()
    assert request.paper is Paper.A3 and request.orientation is Orientation.PORTRAIT
    assert request.customer_safe and request.attributes == ("number", "city")
    options = request.options(view)
    assert options.customer_ids == (3, 1) and options.product_ids == (7, 2, 5)
    assert "2 von 60 Kunden" in options.filters
    dialog.scope_all.setChecked(True)
    assert dialog.request().options(view).customer_ids is None
    # Bad targets are refused in the dialog with a message, not by a failing export.
    dialog.path.setText(str(tmp_path / "nope" / "x.xlsx"))
    dialog._accept()
    assert dialog.error.isVisibleTo(dialog) and "does not exist" in dialog.error.text()
    dialog.path.setText(str(source))
    assert "matrix file itself" in dialog.problem()


def test_menu_actions_follow_the_open_file(exporting) -> None:
    actions = exporting.action_registry
    for key in (EXPORT_ACTION, VISIT_PDF_ACTION, PREVIEW_ACTION, PRINT_ACTION, PRINT_VISIT_ACTION):
        assert key in actions
    assert actions[EXPORT_ACTION].isEnabled() and actions[PRINT_ACTION].isEnabled()
    exporting.workspace.set_current_customer(None)
    assert not actions[VISIT_PDF_ACTION].isEnabled()
    exporting.workspace.set_current_customer(exporting.workspace.matrix.customers[0].id)
    assert actions[VISIT_PDF_ACTION].isEnabled()
    exporting.close_file()
    assert not actions[EXPORT_ACTION].isEnabled()


def test_current_view_export_runs_in_worker(exporting, qtbot, tmp_path: Path) -> None:
    win = exporting
    win.model.set_visible([5, 3, 1], [2, 0])
    dialog = win.export_actions.open_dialog()
    assert dialog is not None and dialog.scope_view.isChecked()
    target = tmp_path / "view.xlsx"
    dialog.path.setText(str(target))
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog._accept()
    job = win.export_actions.job
    assert job is not None
    # the progress window is titled like the dialog, not with the program's file name
    assert win.export_actions.progress_dialog.windowTitle() == "Export"
    seen: list[tuple[int, int]] = []
    job.progressed.connect(lambda d, t: seen.append((d, t)))
    qtbot.waitUntil(lambda: win.export_actions.job is None, timeout=30_000)
    assert seen and seen[-1][0] == seen[-1][1]
    ws = openpyxl.load_workbook(target)["Matrix"]
    m = win.workspace.matrix
    assert [ws.cell(FIRST_DATA_ROW + i, 1).value for i in range(3)] == [
        m.customers[r].name for r in (5, 3, 1)
    ]
    assert ws.cell(FIRST_DATA_ROW + 3, 1).value != m.customers[0].name  # only the view
    assert "3 von 60 Kunden, 2 von 24 Produkten" in ws["A2"].value
    assert str(target) in win.export_actions.last_message
    assert win.action_registry[EXPORT_ACTION].isEnabled()


def test_cancelled_worker_writes_nothing(exporting, qtbot, tmp_path: Path) -> None:
    win = exporting
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    dialog = win.export_actions.make_dialog()
    qtbot.addWidget(dialog)
    dialog.set_kind(ExportKind.PDF)
    dialog.path.setText(str(tmp_path / "m.pdf"))
    request = dialog.request()
    job = ExportJob(export_task(win.workspace.path, request, request.options(None)))
    cancelled: list[bool] = []
    job.cancelled.connect(lambda: cancelled.append(True))
    job.cancel()  # as if the user pressed Cancel before the first page
    job.start()
    _wait(qtbot, job)
    assert cancelled == [True]
    assert list(tmp_path.iterdir()) == []


def test_visit_one_pager_from_the_gui(exporting, qtbot, tmp_path: Path) -> None:
    win = exporting
    customer = win.workspace.matrix.customers[4]
    win.workspace.set_current_customer(customer.id)
    target = tmp_path / "visit.pdf"
    job = win.export_actions.export_visit(target)
    assert job is not None
    qtbot.waitUntil(lambda: win.export_actions.job is None, timeout=30_000)
    assert pdf_page_count(target) == 1
    assert customer.name in pdf_text(target, 1)


def test_printing_paints_the_matrix_and_visit_sheet(exporting, tmp_path: Path) -> None:
    win = exporting
    actions = win.export_actions
    printer = actions.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = actions.paint_matrix_on(printer)
    assert pages == 2
    win.workspace.set_current_customer(win.workspace.matrix.customers[0].id)
    printer2 = actions.new_printer(Orientation.PORTRAIT)
    printer2.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer2.setOutputFileName(str(tmp_path / "visit.pdf"))
    assert actions.paint_visit_on(printer2) == 1
    del printer, printer2
    assert pdf_page_count(tmp_path / "printed.pdf") == 2
    assert re.search(r"(Seite|Page) 2 (von|of) 2", pdf_text(tmp_path / "printed.pdf", 2))


def test_print_preview_opens(exporting, qtbot) -> None:
    from kpm_desktop.gui.print_preview import MatrixPrintPreview

    dialog = exporting.export_actions.print_preview()
    assert isinstance(dialog, MatrixPrintPreview)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.shown_page == 0)
    assert dialog.page_count == 2  # the demo: as many pages as printing gives
    dialog.close()


def test_xlsx_export_shows_progress_and_cancel_stops_it(
    main_window_factory, qtbot, tmp_path, monkeypatch
):
    """File › Export of an XLSX reads the cells from the file on the worker while it writes
    (issue 20): the progress dialog moves, a click on its Cancel stops the export without
    leaving a file, and the window can export again."""
    import threading

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPushButton

    from kpm_desktop.domain.marks import WHITE
    from kpm_desktop.samples.synthetic import generate

    src = generate(tmp_path / "gebiet.kpm", customers=500, products=50, fill=0.4, seed=3)
    win = main_window_factory(src, extensions=("kpm_desktop.gui.export_menu",), activate=True)
    target = tmp_path / "out" / "gebiet.xlsx"
    target.parent.mkdir()
    dialog = win.export_actions.open_dialog()
    assert dialog is not None
    dialog.scope_all.setChecked(True)
    dialog.path.setText(str(target))
    seen: list[tuple[int, int]] = []
    # The worker waits at its third report until the click is in (a quick worker would
    # otherwise finish before the GUI thread sees the report: no race under load).
    clicked = threading.Event()
    reports: list[int] = []
    report = ExportJob._progress

    def gated(job: ExportJob, done: int, total: int) -> bool:
        go_on = report(job, done, total)
        reports.append(done)
        if len(reports) == 3:
            clicked.wait(30)
        return go_on and not job._cancel

    monkeypatch.setattr(ExportJob, "_progress", gated)

    def on_progress(done: int, total: int) -> None:
        seen.append((done, total))
        if not clicked.is_set() and len(reports) >= 3 and done >= reports[2]:
            # well inside the export (10k data rows), the worker waiting: the user cancels
            progress = win.export_actions.progress_dialog
            assert progress is not None and progress.value() == done
            (cancel,) = progress.findChildren(QPushButton)
            QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)
            clicked.set()

    dialog._accept()
    job = win.export_actions.job
    assert job is not None
    job.progressed.connect(on_progress)
    qtbot.waitUntil(lambda: win.export_actions.job is None, timeout=60_000)
    done = [d for d, _ in seen]
    assert clicked.is_set() and done == sorted(done) and done[-1] < seen[-1][1]
    assert list(target.parent.iterdir()) == []  # no workbook, no .partial
    assert win.action_registry[EXPORT_ACTION].isEnabled()
    dialog = win.export_actions.open_dialog()  # and again, to the end
    assert dialog is not None
    dialog.scope_all.setChecked(True)
    dialog.path.setText(str(target))
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog._accept()
    qtbot.waitUntil(lambda: win.export_actions.job is None, timeout=60_000)
    wb = openpyxl.load_workbook(target, read_only=True)
    assert wb.sheetnames[:3] == ["Matrix", "Kennzahlen", "Daten"]
    grid = win.workspace.matrix.grid
    marked = len(grid) - grid.count(WHITE)
    assert sum(1 for _ in wb["Daten"].iter_rows(values_only=True)) == 1 + marked
    wb.close()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("de", "Die Daten gehen auf Daten (2) – {last} weiter."),
        ("en", "The data continues on Data (2) – {last}."),
    ],
)
def test_the_status_names_the_sheets_the_data_continues_on(
    main_window_factory, demo_file: Path, qtbot, tmp_path: Path, monkeypatch, lang, expected
) -> None:
    """An export over Excel's row limit says where the rest of the data is (here lowered)."""
    from kpm_desktop.import_export import xlsx_export
    from kpm_desktop.import_export.xlsx_reader import recorded_data_sheets

    monkeypatch.setattr(xlsx_export, "MAX_SHEET_ROWS", 40)
    win = main_window_factory(demo_file, extensions=(), lang=lang)
    install(win)
    dialog = win.export_actions.open_dialog()
    assert dialog is not None
    target = tmp_path / "split.xlsx"
    dialog.path.setText(str(target))
    dialog.language.setCurrentIndex(dialog.language.findData(lang))
    dialog._accept()
    qtbot.waitUntil(lambda: win.export_actions.job is None, timeout=30_000)
    sheets = recorded_data_sheets(target)
    assert sheets is not None and len(sheets) >= 3
    status = win.statusBar().currentMessage()
    assert status == win.export_actions.last_message
    assert status.endswith(" " + expected.format(last=sheets[-1])), status
    if win.export_actions.result_box is not None:
        win.export_actions.result_box.close()


@pytest.mark.skipif(sys.platform != "linux", reason="/proc as unwritable folder")
def test_a_pdf_into_an_unwritable_folder_is_a_readable_failure(exporting, qtbot) -> None:
    """/proc stands in for a folder the user cannot write to: the export fails with the
    translated line for the refused file (was: "cannot start painting ..." in English)."""
    win = exporting
    target = Path("/proc/kpm-export-test.pdf")
    dialog = win.export_actions.make_dialog()
    qtbot.addWidget(dialog)
    dialog.set_kind(ExportKind.PDF)
    dialog.path.setText(str(target))
    request = dialog.request()
    job = ExportJob(export_task(win.workspace.path, request, request.options(None)))
    failed: list[str] = []
    job.failed.connect(failed.append)
    job.start()
    _wait(qtbot, job)
    assert failed == [
        f"The folder of {target} does not exist (any more). Choose another folder."
    ], failed


def test_a_matrix_sheet_too_wide_for_the_paper_is_a_translated_failure(
    exporting, qtbot, qapp, tmp_path: Path
) -> None:
    """All customer columns on A4 portrait leave no room for a product: the export window
    says what to do in the UI language (was an English ValueError), nothing is written."""
    from kpm_desktop.gui.i18n import install_translators
    from kpm_desktop.import_export.messages import MESSAGES

    win = exporting
    dialog = win.export_actions.make_dialog()
    qtbot.addWidget(dialog)
    dialog.set_kind(ExportKind.PDF)
    out = tmp_path / "out"
    out.mkdir()
    dialog.path.setText(str(out / "m.pdf"))
    request = dialog.request()
    request = replace(
        request,
        paper=Paper.A4,
        orientation=Orientation.PORTRAIT,
        attributes=(
            "number", "segment", "region", "owner", "city", "postcode", "abc_class",
            "annual_revenue", "tags", "parent",
        ),
    )  # fmt: skip
    job = ExportJob(export_task(win.workspace.path, request, request.options(None)))
    failed: list[str] = []
    job.failed.connect(failed.append)
    install_translators(qapp, "de")
    try:
        job.start()
        _wait(qtbot, job)
    finally:
        install_translators(qapp, "en")
    assert failed == [
        "das Matrixblatt passt nicht auf das Papier: weniger Kundenspalten zeigen oder "
        "Querformat bzw. A3 wählen"
    ], failed
    assert MESSAGES["paper_too_small"] not in failed
    assert list(out.iterdir()) == []
