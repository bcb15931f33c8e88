"""Import benchmark: a 50,000-row sales CSV into an M matrix (5,000 x 300), and the hostile corpus.

    python bench/bench_import.py                # sales CSV into M (goal: < 5 s end to end)
    python bench/bench_import.py --rows 50000 --xlsx   # also XLSX reading: openpyxl vs calamine
    python bench/bench_import.py --hostile      # every fatal hostile file in its own process:
                                                # wall time and peak RSS (limits: 10 s, 500 MB)

One JSON line per figure. The baseline in the same run is plain ``csv.reader`` over the same
file (decode + split, nothing else), so the overhead of detection, mapping, matching and
planning can be read off as a ratio.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, copy_matrix, emit, machine

BENCH = "import"


def write_sales_csv(path: Path, rows: int, customers: int, products: int, seed: int = 3) -> None:
    """A German ERP export: cp1252, ";" and decimal commas, ~2 % unknown customers/products."""
    rng = random.Random(seed)
    out = io.StringIO()
    out.write("Kd.-Nr.;Firma;Artikelnr.;Bezeichnung;Umsatz netto;Belegdatum\r\n")
    for _ in range(rows):
        if rng.random() < 0.02:
            c = customers + rng.randrange(200)
            name = f"Neukunde {c} Groß GmbH"
        else:
            c = rng.randrange(customers)
            name = f"Kunde {c + 1} GmbH"
        p = rng.randrange(products + (10 if rng.random() < 0.02 else 0))
        amount = rng.randrange(100, 5_000_000) / 100
        text = f"{amount:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
        day = f"{rng.randrange(1, 29):02d}.{rng.randrange(1, 13):02d}.2026"
        out.write(f"K{c + 1:06d};{name};P{p + 1:05d};Produkt {p + 1};{text};{day}\r\n")
    path.write_bytes(out.getvalue().encode("cp1252"))


CPU: dict[str, float] = {}  # figure -> CPU seconds of the last _timed call


def _timed(fn):
    """Wall time; the CPU time of the same call lands in CPU["last"] (the machine is shared,
    so CPU time is the steadier figure when other jobs run)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    CPU["last"] = time.process_time() - cpu
    return result, time.perf_counter() - start


def _cpu() -> float:
    return round(CPU["last"], 4)


def bench_sales(rows: int, xlsx: bool) -> None:
    from kpm_desktop.import_export.apply import apply_plan, revert_import
    from kpm_desktop.import_export.plans import Target, build_plan, read_source
    from kpm_desktop.storage.backup import make_backup
    from kpm_desktop.storage.repository import Repository

    work = Path(tempfile.mkdtemp(prefix="kpm-bench-import-"))
    os.environ.setdefault("KPM_DATA_DIR", str(work / "data"))
    try:
        kpm = work / "M.kpm"
        copy_matrix("M", kpm)
        source = work / "umsatz.csv"
        write_sales_csv(source, rows, 5_000, 300)
        size_mb = source.stat().st_size / 1e6

        def baseline() -> int:
            text = source.read_bytes().decode("cp1252")
            return sum(1 for _ in csv.reader(io.StringIO(text), delimiter=";"))

        _, t_base = _timed(baseline)
        emit(
            BENCH,
            "baseline_csv_reader_parse",
            t_base,
            "s",
            cpu_s=_cpu(),
            rows=rows,
            mb=round(size_mb, 1),
        )
        cpu_total = 0.0

        src, t_read = _timed(lambda: read_source(source, "sales"))
        cpu_total += CPU["last"]
        emit(
            BENCH,
            "read_csv_detect_map",
            t_read,
            "s",
            cpu_s=_cpu(),
            rows=rows,
            ratio=round(t_read / t_base, 1),
        )

        repo = Repository.open(kpm)
        target, t_target = _timed(lambda: Target.from_repository(repo))
        cpu_total += CPU["last"]
        emit(BENCH, "load_target_M", t_target, "s", cpu_s=_cpu())
        plan, t_plan = _timed(lambda: build_plan(src, target))
        s = plan.summary()
        cpu_total += CPU["last"]
        emit(
            BENCH,
            "build_plan",
            t_plan,
            "s",
            cpu_s=_cpu(),
            **{
                k: s[k]
                for k in (
                    "cells",
                    "conflicts",
                    "unchanged_cells",
                    "new_customers",
                    "new_products",
                    "problems",
                )
            },
        )

        backup_time: list[float] = []

        def timed_backup(r, reason):
            start = time.perf_counter()
            path = make_backup(r, reason)
            backup_time.append(time.perf_counter() - start)
            return path

        applied, t_apply = _timed(lambda: apply_plan(repo, plan, backup=timed_backup))
        emit(BENCH, "backup_before_import", backup_time[0], "s")
        cpu_total += CPU["last"]
        emit(
            BENCH,
            "apply_one_transaction",
            t_apply - backup_time[0],
            "s",
            cpu_s_incl_backup=_cpu(),
            cells=applied.cells_written,
        )
        total = t_read + t_target + t_plan + t_apply
        emit(
            BENCH,
            "total_read_plan_backup_apply",
            total,
            "s",
            cpu_s=round(cpu_total, 4),
            goal_s=5.0,
            within_goal=total < 5.0,
            load_avg_1min=os.getloadavg()[0],
        )

        again, t_again = _timed(lambda: build_plan(src, Target.from_repository(repo)))
        emit(
            BENCH,
            "reimport_plan_same_file",
            t_again,
            "s",
            cpu_s=_cpu(),
            empty=again.is_empty,
            unchanged_cells=again.summary()["unchanged_cells"],
        )

        _, t_revert = _timed(lambda: revert_import(repo, applied))
        emit(BENCH, "revert_undo", t_revert, "s", cpu_s=_cpu(), verify_ok=repo.verify() == [])
        repo.close()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        emit(BENCH, "peak_rss_process", peak, "MB")

        if xlsx:
            bench_xlsx(work, source, rows)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bench_xlsx(work: Path, source: Path, rows: int) -> None:
    """Reading the same rows from XLSX: our openpyxl read-only path vs python-calamine."""
    import xlsxwriter

    from kpm_desktop.import_export.tables import read_table

    book = work / "umsatz.xlsx"
    wb = xlsxwriter.Workbook(str(book), {"constant_memory": True})
    ws = wb.add_worksheet("Umsatz")
    text = source.read_bytes().decode("cp1252")
    for r, row in enumerate(csv.reader(io.StringIO(text), delimiter=";")):
        ws.write_row(r, 0, row)
    wb.close()
    _, t_openpyxl = _timed(lambda: read_table(book, engine="openpyxl"))
    emit(BENCH, "xlsx_read_openpyxl_readonly", t_openpyxl, "s", cpu_s=_cpu(), rows=rows)
    _, t_ours = _timed(lambda: read_table(book))
    emit(
        BENCH,
        "xlsx_read_default_calamine_with_checks",
        t_ours,
        "s",
        cpu_s=_cpu(),
        rows=rows,
        speedup_vs_openpyxl=round(t_openpyxl / t_ours, 1),
    )
    from python_calamine import CalamineWorkbook

    def calamine() -> int:
        return len(CalamineWorkbook.from_path(str(book)).get_sheet_by_index(0).to_python())

    _, t_cal = _timed(calamine)
    emit(BENCH, "xlsx_read_plain_calamine_baseline", t_cal, "s", cpu_s=_cpu(), rows=rows)


def bench_hostile() -> None:
    """Each fatal corpus file in a fresh process: wall time and peak RSS (limits 10 s, 500 MB)."""
    sys.path.insert(0, str(ROOT))
    from tests.helpers.files import build_small
    from tests.helpers.hostile import FATAL

    work = Path(tempfile.mkdtemp(prefix="kpm-bench-hostile-"))
    try:
        kpm = build_small(work / "small.kpm")
        env = {**os.environ, "KPM_DATA_DIR": str(work / "data"), "PYTHONPATH": str(ROOT)}
        worst_s = worst_mb = 0.0
        for case_id, name, kind, writer, _message, extra in FATAL:
            case_dir = work / case_id
            case_dir.mkdir()
            path = case_dir / name
            writer(path)
            start = time.perf_counter()
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "kpm_desktop.cli",
                    "import",
                    str(kpm),
                    str(path),
                    "--kind",
                    kind,
                    *extra,
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            err = proc.stderr.read().decode(errors="replace").strip() if proc.stderr else ""
            proc.stderr.close() if proc.stderr else None
            rss = usage.ru_maxrss / 1024
            worst_s, worst_mb = max(worst_s, wall), max(worst_mb, rss)
            emit(
                BENCH,
                f"hostile_{case_id}",
                wall,
                "s",
                peak_rss_mb=round(rss, 1),
                exit=os.waitstatus_to_exitcode(status),
                message=err[:120],
            )
        emit(BENCH, "hostile_worst_time", worst_s, "s", limit_s=10)
        emit(BENCH, "hostile_worst_rss", worst_mb, "MB", limit_mb=500)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--xlsx", action="store_true", help="also time XLSX reading")
    parser.add_argument("--hostile", action="store_true", help="time the hostile corpus")
    args = parser.parse_args()
    emit(BENCH, "machine", 0, "", **machine())
    if args.hostile:
        bench_hostile()
    else:
        bench_sales(args.rows, args.xlsx)


if __name__ == "__main__":
    main()
