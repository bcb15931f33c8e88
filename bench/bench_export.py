"""Export benchmarks: XLSX of the M matrix vs xlsxwriter, PDF of the demo matrix.

Prints one JSON line per figure. The XLSX goal (issue 6): our matrix sheet at size M
(5,000 x 300, 40% marked) in at most 2x the time xlsxwriter needs for the same styled
sheet, measured in the same run. xlsxwriter is a bench-only dependency (``.[bench]``).

    python bench/bench_export.py            # M for XLSX, demo for PDF
    python bench/bench_export.py --size S   # quicker
    python bench/bench_export.py --preview-only [--size M]   # print preview, first page
    python bench/bench_export.py --full-only [--size M]      # full workbook only

The full workbook (issue 20): matrix + KPI + data + master sheets, as File > Export and
``kpm export FILE --xlsx OUT`` write it, against ``xlsxwriter_baseline.write_workbook``
(xlsxwriter, constant_memory) writing the same sheets from a loaded snapshot in the same run.
Ours reads the file while writing (``open_snapshot``), so the ratios compare our whole export
(in this process, and as a fresh ``kpm export`` process) against xlsxwriter's writing alone
(the goal, <= 2x), wall and CPU. Peak memory: the ``kpm export`` process and a process that
loads the snapshot and runs the xlsxwriter baseline (VmHWM).

The print preview (issue 20): File > Print preview in a main window on the matrix, from the
action to the first page on screen (wall and CPU of the process); the baseline in the same
run is Qt's ``QPrintPreviewDialog`` painting every page before it shows one (what the app
did before).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SIZES, emit, matrix_file

from kpm_desktop.domain.marks import WHITE, Mark
from kpm_desktop.import_export.export_model import (
    ExportOptions,
    MatrixSnapshot,
    load_snapshot,
    open_snapshot,
)
from kpm_desktop.import_export.xlsx_export import COUNT_KEYS, MARK_FILLS, write_xlsx

BENCH = "export"


def xlsxwriter_matrix(snapshot: MatrixSnapshot, path: Path) -> None:
    """The same styled matrix sheet (cells, fills, glyphs, counts, print setup) via xlsxwriter."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Matrix")
    border = {"border": 1, "border_color": "#808080"}
    fmt_mark = {
        int(m): wb.add_format(
            {"bg_color": "#" + MARK_FILLS[m], "bold": True, "align": "center", **border}
        )
        for m in Mark
    }
    fmt_name = wb.add_format(border)
    fmt_count = wb.add_format({"align": "center", **border})
    fmt_head = wb.add_format({"rotation": 90, "bg_color": "#F2F2F2", **border})
    attrs = snapshot.options.visible_attributes
    first = 1 + len(attrs)
    ws.set_column(0, 0, 34)
    ws.set_column(first, first + snapshot.n_cols - 1, 3.6)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(8, 9)
    ws.repeat_columns(0, 0)
    ws.freeze_panes(10, first)
    ws.set_footer("&CPage &P of &N")
    ws.hide_gridlines(0)
    ws.write_string(0, 0, snapshot.title())
    for j, p in enumerate(snapshot.products):
        ws.write_string(9, first + j, p.name, fmt_head)
    letters = {int(m): m.letter for m in Mark}
    n = snapshot.n_cols
    grid = snapshot.grid
    for i, c in enumerate(snapshot.customers):
        r = 10 + i
        codes = grid[i * n : (i + 1) * n]
        ws.write_string(r, 0, c.name, fmt_name)
        for k, a in enumerate(attrs):
            ws.write(r, 1 + k, getattr(c, a), fmt_name)
        for j, code in enumerate(codes):
            if code != WHITE:
                ws.write_string(r, first + j, letters[code], fmt_mark[code])
        for k, m in enumerate(COUNT_KEYS):
            ws.write_number(r, first + n + k, codes.count(int(m) if m else WHITE), fmt_count)
    wb.close()


def bench_xlsx(size: str, work: Path) -> None:
    src = matrix_file(size)
    t = time.perf_counter()
    options = ExportOptions(include_kpi_sheet=False, include_data_sheet=False)
    snapshot = load_snapshot(src, options, with_details=False)
    emit(BENCH, f"snapshot.{size}", time.perf_counter() - t, "s")

    t = time.perf_counter()
    xlsxwriter_matrix(snapshot, work / "baseline.xlsx")
    baseline = time.perf_counter() - t
    emit(BENCH, f"xlsx.xlsxwriter_matrix.{size}", baseline, "s")

    t = time.perf_counter()
    write_xlsx(snapshot, work / "matrix.xlsx")
    ours = time.perf_counter() - t
    emit(BENCH, f"xlsx.matrix_sheet.{size}", ours, "s")
    emit(BENCH, f"xlsx.ratio_vs_xlsxwriter.{size}", ours / baseline, "x", goal=2.0)


def bench_full(size: str, work: Path) -> None:
    """The whole workbook (matrix, KPI, data and master sheets) against xlsxwriter."""
    from xlsxwriter_baseline import differences, write_workbook

    # The baseline must write the same workbook: compared cell by cell on S first.
    small = load_snapshot(matrix_file("S"), ExportOptions(attributes=("number", "city", "tags")))
    write_xlsx(small, work / "check-ours.xlsx")
    write_workbook(small, work / "check-baseline.xlsx")
    diff = differences(work / "check-ours.xlsx", work / "check-baseline.xlsx")
    emit(BENCH, "xlsx.full.baseline_differences.S", len(diff), "cells", first=diff[:3])
    if diff:
        raise SystemExit("the xlsxwriter baseline does not write the same workbook")

    src = matrix_file(size)
    t = time.perf_counter()
    full = load_snapshot(src, ExportOptions())  # every cell's record, for the baseline
    emit(BENCH, f"xlsx.full.load_snapshot.{size}", time.perf_counter() - t, "s")

    wall, cpu = time.perf_counter(), time.process_time()
    write_workbook(full, work / "baseline-full.xlsx")
    baseline = (time.perf_counter() - wall, time.process_time() - cpu)
    emit(
        BENCH,
        f"xlsx.full.xlsxwriter.{size}",
        baseline[0],
        "s",
        cpu_s=round(baseline[1], 2),
        note="constant_memory, writing only",
    )
    del full

    wall, cpu = time.perf_counter(), time.process_time()
    with open_snapshot(src, ExportOptions()) as snapshot:
        write_xlsx(snapshot, work / "full.xlsx")
    ours = (time.perf_counter() - wall, time.process_time() - cpu)
    emit(
        BENCH,
        f"xlsx.full.export_in_process.{size}",
        ours[0],
        "s",
        cpu_s=round(ours[1], 2),
        ratio=round(ours[0] / baseline[0], 4),
        ratio_cpu=round(ours[1] / baseline[1], 4),
        note="open_snapshot + write_xlsx",
    )

    export = _whole_export(src, work / "export.xlsx")
    emit(
        BENCH,
        f"xlsx.full.export.{size}",
        export["seconds"],
        "s",
        cpu_s=round(export["cpu"], 2),
        note="kpm export FILE --xlsx OUT in a fresh process (reading the file + writing)",
    )
    emit(
        BENCH,
        f"xlsx.full.ratio_export_vs_xlsxwriter.{size}",
        export["seconds"] / baseline[0],
        "x",
        ratio_cpu=round(export["cpu"] / baseline[1], 4),
        goal=2.0,
        load_avg=round(os.getloadavg()[0], 2),
    )
    emit(
        BENCH,
        f"xlsx.full.export_peak_rss.{size}",
        export["peak_mb"],
        "MB",
        note="kpm export --xlsx process",
    )
    base = _baseline_process(src, work / "baseline-proc.xlsx")
    emit(
        BENCH,
        f"xlsx.full.xlsxwriter_peak_rss.{size}",
        base["peak_mb"],
        "MB",
        note="load_snapshot + xlsxwriter baseline process",
    )


# Peak RSS: Linux's VmHWM of the process (ru_maxrss of a forked child starts at the
# parent's size, so it would report the bench's own memory); ru_maxrss elsewhere.
_PEAK = (
    "import resource, sys, time\n"
    "t, c = time.perf_counter(), time.process_time()\n"
    "{body}\n"
    "s, c = time.perf_counter() - t, time.process_time() - c\n"
    "try:\n"
    "    status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
    "    kb = int(status.split()[0])\n"
    "except OSError:\n"
    "    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "print(f'{{s}} {{c}} {{kb / 1024}}', file=sys.stderr)\n"
)


def _run_measured(body: str) -> dict[str, float]:
    """Run ``body`` in a fresh Python; its wall and CPU time and peak RSS (Unix only)."""
    proc = subprocess.run(
        [sys.executable, "-c", _PEAK.format(body=body)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent,
    )
    seconds, cpu, peak = proc.stderr.strip().splitlines()[-1].split()
    return {"seconds": float(seconds), "cpu": float(cpu), "peak_mb": float(peak)}


def _whole_export(src: Path, out: Path) -> dict[str, float]:
    return _run_measured(
        "from kpm_desktop.cli import main\n"
        f"assert main(['export', {str(src)!r}, '--xlsx', {str(out)!r}]) == 0"
    )


def _baseline_process(src: Path, out: Path) -> dict[str, float]:
    return _run_measured(
        "from pathlib import Path\n"
        "from kpm_desktop.import_export.export_model import ExportOptions, load_snapshot\n"
        "from xlsxwriter_baseline import write_workbook\n"
        f"write_workbook(load_snapshot({str(src)!r}, ExportOptions()), Path({str(out)!r}))"
    )


def bench_pdf(work: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kpm_desktop.report.pdf_matrix import write_matrix_pdf
    from kpm_desktop.report.qt_app import ensure_gui_app
    from kpm_desktop.samples.demo import write_demo

    ensure_gui_app()
    src = work / "demo.kpm"
    write_demo(src)
    snapshot = load_snapshot(src, ExportOptions(), with_details=False)
    t = time.perf_counter()
    pages = write_matrix_pdf(snapshot, work / "demo.pdf")
    emit(BENCH, "pdf.demo_matrix", time.perf_counter() - t, "s", pages=pages)


def bench_preview(size: str, work: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QApplication

    from kpm_desktop.gui.export_menu import PREVIEW_ACTION
    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.settings import UiSettings
    from kpm_desktop.report.pdf_matrix import paint_matrix

    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = UiSettings(QSettings(str(work / "ui.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, extensions=("kpm_desktop.gui.export_menu",))
    win.persist_state = False
    win.resize(1366, 768)
    win.show()
    assert win.open_file(matrix_file(size))
    for _ in range(20):
        app.processEvents()
    actions = win.export_actions  # type: ignore[attr-defined]

    wall, cpu = time.perf_counter(), time.process_time()
    win.action_registry[PREVIEW_ACTION].trigger()
    dialog = actions.preview_dialog
    while dialog.shown_page is None:
        app.processEvents()
    ours = (time.perf_counter() - wall, time.process_time() - cpu)
    pages = dialog.page_count
    dialog.close()
    app.processEvents()

    printer = actions.new_printer()
    snapshot = actions.matrix_snapshot()
    wall, cpu = time.perf_counter(), time.process_time()
    old = QPrintPreviewDialog(printer, win)
    painted: list[int] = []
    old.paintRequested.connect(lambda p: painted.append(paint_matrix(p, snapshot, layout=False)))
    old.show()
    while not painted:
        app.processEvents()
    app.processEvents()
    base = (time.perf_counter() - wall, time.process_time() - cpu)
    old.close()
    win.close()
    emit(BENCH, f"preview.qt_all_pages.{size}", base[0], "s", cpu_s=round(base[1], 3), pages=pages)
    emit(
        BENCH,
        f"preview.first_page.{size}",
        ours[0],
        "s",
        cpu_s=round(ours[1], 3),
        pages=pages,
        ratio_cpu=round(ours[1] / base[1], 4),
        goal_s=1.5,
        load_avg=os.getloadavg()[0],
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", choices=sorted(SIZES), default="M")
    parser.add_argument("--preview-only", action="store_true")
    parser.add_argument("--full-only", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kpm-bench-export-") as tmp:
        work = Path(tmp)
        if args.preview_only:
            bench_preview(args.size, work)
            return
        if not args.full_only:
            bench_xlsx(args.size, work)
        bench_full(args.size, work)
        if not args.full_only:
            bench_pdf(work)


if __name__ == "__main__":
    main()
