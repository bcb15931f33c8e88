"""Round trip at M (issue 15, item 15): ``kpm import EMPTY.kpm EXPORT.xlsx --kind kpm`` of
the full export of the M matrix (5,000 x 300, 40 % marked: 600k data rows, 340 MB of
sheet XML), against baselines in the same run:

- ``calamine``: python-calamine loading the data sheet (how other kinds read a sheet; it
  holds the whole sheet in memory before the first row);
- ``openpyxl``: openpyxl read-only ``iter_rows(values_only=True)`` over the data sheet with
  defusedxml active, as this project must run it; over the first 60,000 rows only (10 %,
  it would take minutes) and scaled up (``scaled``);
- ``stream``: our streaming reader (``xlsx_stream``) over the whole data sheet.

Each runs in its own process; figures are CPU seconds (user + system, what the machine's
load changes least), wall seconds and peak RSS. Goal: the import in <= 30 s, <= 500 MB.

    python bench/bench_roundtrip.py            # M (the export is cached in bench/.cache)
    python bench/bench_roundtrip.py --size S
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import CACHE, ROOT, SIZES, emit, matrix_file

BENCH = "roundtrip"
_OPENPYXL_ROWS = 60_000

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
mode, path, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
t = time.perf_counter()
rows = 0
if mode == "calamine":
    from python_calamine import CalamineWorkbook
    wb = CalamineWorkbook.from_path(path)
    for row in wb.get_sheet_by_name("Daten").iter_rows():
        rows += 1
elif mode == "openpyxl":
    import openpyxl
    assert openpyxl.DEFUSEDXML
    wb = openpyxl.load_workbook(path, read_only=True, keep_links=False)
    for row in wb["Daten"].iter_rows(values_only=True):
        rows += 1
        if rows >= limit:
            break
    wb.close()
elif mode == "stream":
    from pathlib import Path
    from kpm_desktop.import_export.xlsx_reader import read_values_stream
    table = read_values_stream(Path(path), sheet="Daten")
    for row in table.stream(None):
        rows += 1
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({{"wall": time.perf_counter() - t, "cpu": usage.ru_utime + usage.ru_stime,
                   "rss_mb": usage.ru_maxrss / 1024, "rows": rows}}))
"""


def export_file(size: str) -> Path:
    """The full XLSX export of the size's synthetic matrix (cached)."""
    out = CACHE / f"{size}-export.xlsx"
    if not out.exists():
        from kpm_desktop.storage.repository import Repository

        Repository.open(matrix_file(size)).close()  # a cached file of an older format
        subprocess.run(
            [
                sys.executable,
                "-m",
                "kpm_desktop.cli",
                "export",
                str(matrix_file(size)),
                "--xlsx",
                str(out),
                "--lang",
                "de",  # the sheet names read below
            ],
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
    return out


def child(mode: str, path: Path, limit: int = 0) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD.format(root=str(ROOT)), mode, str(path), str(limit)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def import_child(target: Path, source: Path) -> dict:
    """The whole ``kpm import`` process: wall, CPU and peak RSS (of that child alone)."""
    code = (
        "import json, resource, sys, time\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from kpm_desktop.cli import main\n"
        "t = time.perf_counter()\n"
        "rc = main(['import', sys.argv[1], sys.argv[2], '--kind', 'kpm', '--json'])\n"
        "u = resource.getrusage(resource.RUSAGE_SELF)\n"
        "sys.stderr.write(json.dumps({'rc': rc, 'wall': time.perf_counter() - t,"
        " 'cpu': u.ru_utime + u.ru_stime, 'rss_mb': u.ru_maxrss / 1024}) + '\\n')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(target), str(source)],
        check=True,
        capture_output=True,
        text=True,
        env={"XDG_DATA_HOME": str(target.parent / "data"), "PATH": "/usr/bin:/bin"},
    )
    result = json.loads(out.stderr.strip().splitlines()[-1])
    plan = json.loads(out.stdout)
    result["cells"] = plan["cells_written"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", choices=sorted(SIZES), default="M")
    args = parser.parse_args()
    size = args.size
    t = time.perf_counter()
    source = export_file(size)
    emit(
        BENCH,
        f"export_ready.{size}",
        time.perf_counter() - t,
        "s",
        mb=round(source.stat().st_size / 1e6, 1),
    )

    base_c = child("calamine", source)
    emit(
        BENCH,
        f"baseline.calamine_sheet.{size}",
        base_c["cpu"],
        "s cpu",
        wall=round(base_c["wall"], 2),
        rss_mb=round(base_c["rss_mb"]),
        rows=base_c["rows"],
    )
    base_o = child("openpyxl", source, _OPENPYXL_ROWS)
    scale = base_c["rows"] / max(base_o["rows"], 1)
    emit(
        BENCH,
        f"baseline.openpyxl_readonly.{size}",
        base_o["cpu"] * scale,
        "s cpu (scaled)",
        measured_rows=base_o["rows"],
        measured_cpu=round(base_o["cpu"], 2),
        rss_mb=round(base_o["rss_mb"]),
    )
    stream = child("stream", source)
    emit(
        BENCH,
        f"stream_sheet.{size}",
        stream["cpu"],
        "s cpu",
        wall=round(stream["wall"], 2),
        rss_mb=round(stream["rss_mb"]),
        rows=stream["rows"],
        vs_calamine=round(stream["cpu"] / base_c["cpu"], 2),
        vs_openpyxl=round(stream["cpu"] / (base_o["cpu"] * scale), 3),
    )

    with tempfile.TemporaryDirectory(prefix="kpm-bench-roundtrip-") as tmp:
        from kpm_desktop.storage.repository import Repository

        target = Path(tmp) / "empty.kpm"
        Repository.create(target).close()
        result = import_child(target, source)
    emit(
        BENCH,
        f"import_kpm.{size}",
        result["cpu"],
        "s cpu",
        wall=round(result["wall"], 2),
        rss_mb=round(result["rss_mb"]),
        cells=result["cells"],
        goal_s=30,
        goal_mb=500,
        vs_calamine_sheet=round(result["cpu"] / base_c["cpu"], 2),
        vs_calamine_rss=round(result["rss_mb"] / base_c["rss_mb"], 2),
    )


if __name__ == "__main__":
    main()
