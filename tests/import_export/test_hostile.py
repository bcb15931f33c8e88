"""A corpus of broken and hostile source files, all generated here (nothing binary committed).

Fatal cases run a real import (no --dry-run) and must end with one clear line, exit code 2
and the matrix file byte-for-byte unchanged. Cases that are only bad in some rows or cells
must name the row/cell in the preview; they run as a dry run, and the file stays unchanged.
Timing and memory of the whole corpus: ``bench/bench_import.py --hostile``.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kpm_desktop.cli import main
from tests.helpers.files import file_hash
from tests.helpers.hostile import FATAL, PARTIAL, xlsx_bytes


@pytest.mark.parametrize(
    ("name", "kind", "writer", "message", "extra"),
    [pytest.param(f, k, w, m, e, id=i) for i, f, k, w, m, e in FATAL],
)
def test_fatal_source_leaves_matrix_unchanged(
    small_file: Path, tmp_path: Path, capsys, name, kind, writer, message, extra
) -> None:
    source = tmp_path / name
    writer(source)
    before = file_hash(small_file)
    code = main(["import", str(small_file), str(source), "--kind", kind, *extra])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert message in err, err
    assert err.count("\n") == 0 and "Traceback" not in err
    assert file_hash(small_file) == before
    assert not list(small_file.parent.glob("*.lock"))


@pytest.mark.parametrize(
    ("name", "kind", "writer", "message"),
    [pytest.param(f, k, w, m, id=i) for i, f, k, w, m in PARTIAL],
)
def test_partial_problems_are_reported_with_their_place(
    small_file: Path, tmp_path: Path, capsys, name, kind, writer, message
) -> None:
    source = tmp_path / name
    writer(source)
    before = file_hash(small_file)
    assert main(["import", str(small_file), str(source), "--kind", kind, "--dry-run"]) == 0
    out = capsys.readouterr().out
    problem_lines = [line for line in out.splitlines() if line.strip().startswith("problem: row")]
    assert any(message in line for line in problem_lines), out
    assert file_hash(small_file) == before


def test_corpus_size() -> None:
    assert len(FATAL) + len(PARTIAL) >= 25


def test_big_honest_workbook_gets_a_size_message_not_a_bomb_warning(
    small_file: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    from kpm_desktop.import_export import raw_table

    monkeypatch.setattr(raw_table, "MAX_UNZIPPED_BYTES", 20_000)  # instead of writing 256 MB
    source = tmp_path / "gross.xlsx"
    source.write_bytes(xlsx_bytes([[f"Kunde {i}", f"Ort {i * 7919 % 1000}"] for i in range(2_000)]))
    before = file_hash(small_file)
    assert main(["import", str(small_file), str(source), "--kind", "customers"]) == 2
    err = capsys.readouterr().err
    assert "MB of sheet data, more than the 0 MB an import reads" in err
    assert file_hash(small_file) == before


def test_streamed_export_is_checked_on_what_the_reader_holds(
    small_file: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    """A KPM export is streamed: a data sheet larger than MAX_UNZIPPED_BYTES imports (it
    is never held whole), while shared strings over the limit (held whole) are refused."""
    from kpm_desktop.import_export import raw_table, xlsx_stream

    monkeypatch.setattr(raw_table, "MAX_UNZIPPED_BYTES", 60_000)
    monkeypatch.setattr(xlsx_stream, "MAX_UNZIPPED_BYTES", 60_000)
    rows = [["Kunde", "Produkt", "Markierung"]] + [
        [f"Kunde {i}", f"Produkt {i % 7}", "X"] for i in range(1_500)
    ]
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Daten")
    for row in rows:
        ws.append(row)
    streamed = tmp_path / "gross.xlsx"
    wb.save(streamed)  # write-only openpyxl: inline strings in a ~120 kB sheet part
    assert main(["import", str(small_file), str(streamed), "--kind", "kpm", "--dry-run"]) == 0
    assert "1500 to write" in capsys.readouterr().out
    from tests.helpers.xlsx_parts import shared_strings_xlsx

    strings = ["Kunde", "Produkt", "Markierung"] + [f"Kunde {i} {'x' * 40}" for i in range(1_500)]
    body = (
        '<{p}row r="1">'
        + "".join(
            f'<{{p}}c r="{c}1" t="s"><{{p}}v>{i}</{{p}}v></{{p}}c>' for i, c in enumerate("ABC")
        )
        + "</{p}row>"
    )
    shared = tmp_path / "shared.xlsx"
    # A shared-string table (held whole) over the lowered limit.
    shared_strings_xlsx(shared, {"Daten": body}, [f"<si><t>{t}</t></si>" for t in strings])
    before = file_hash(small_file)
    assert main(["import", str(small_file), str(shared), "--kind", "kpm"]) == 2
    err = capsys.readouterr().err
    assert "MB of sheet data" in err and err.count("\n") == 1
    assert file_hash(small_file) == before
