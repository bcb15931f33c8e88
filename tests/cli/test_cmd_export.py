"""``kpm export``: XLSX, PDF, blank worksheet and visit one-pager; one-line errors, exit 2."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kpm_desktop.cli import main
from tests.helpers.files import file_hash
from tests.helpers.pdf import pdf_page_count, pdf_text


def test_export_xlsx_with_filters(demo_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "m.xlsx"
    code = main(
        [
            "export",
            str(demo_file),
            "--xlsx",
            str(out),
            "--group",
            "Service",
            "--white-spots-only",
            "--paper",
            "A3",
            "--attributes",
            "number,city",
            "--lang",
            "de",  # the sheet's language (without --lang: the UI language)
        ]
    )
    assert code == 0
    assert capsys.readouterr().out.startswith(f"wrote {out}")
    ws = openpyxl.load_workbook(out)["Matrix"]
    assert "Produktgruppe = Service" in ws["A2"].value
    assert int(ws.page_setup.paperSize) == 8
    assert ws.cell(10, 4).value == "Wartungsvertrag"


def test_export_pdf_blank_and_visit(qapp, demo_file: Path, tmp_path: Path, capsys) -> None:
    before = file_hash(demo_file)
    assert main(["export", str(demo_file), "--pdf", str(tmp_path / "m.pdf"), "--lang", "de"]) == 0
    assert pdf_page_count(tmp_path / "m.pdf") == 2
    assert (
        main(
            [
                "export",
                str(demo_file),
                "--pdf",
                str(tmp_path / "m4.pdf"),
                "--portrait",
                "--lang",
                "de",
            ]
        )
        == 0
    )
    assert pdf_page_count(tmp_path / "m4.pdf") == 4
    assert (
        main(
            [
                "export",
                str(demo_file),
                "--pdf",
                str(tmp_path / "b.pdf"),
                "--blank",
                "--group",
                "Lösungen",
                "--lang",
                "de",
            ]
        )
        == 0
    )
    assert "Arbeitsblatt" in pdf_text(tmp_path / "b.pdf", 1)
    assert (
        main(
            [
                "export",
                str(demo_file),
                "--visit",
                "Graf Logistik",
                "--pdf",
                str(tmp_path / "v.pdf"),
                "--customer-safe",
                "--lang",
                "en",
            ]
        )
        == 0
    )
    assert "Visit preparation – Graf Logistik SE" in pdf_text(tmp_path / "v.pdf", 1)
    assert "1 page" in capsys.readouterr().out
    assert file_hash(demo_file) == before  # exports never write to the matrix file


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--xlsx", "{tmp}/nope/m.xlsx"], "does not exist"),
        (["--xlsx", "{tmp}"], "is a folder"),
        (["--xlsx", "{src}"], "is the matrix file itself"),
        (["--xlsx", "{tmp}/m.xlsx", "--group", "Gibtsnicht"], "no product group named"),
        (["--xlsx", "{tmp}/m.xlsx", "--attributes", "shoe_size"], "unknown customer attribute"),
        (["--xlsx", "{tmp}/m.xlsx", "--visit", "Graf"], "use --pdf"),
        (["--pdf", "{tmp}/v.pdf", "--visit", "Niemand"], "no customer"),
    ],
)
def test_errors_are_one_line_and_leave_files_alone(
    demo_file: Path, tmp_path: Path, capsys, args: list[str], message: str
) -> None:
    before = file_hash(demo_file)
    argv = [a.format(tmp=tmp_path, src=demo_file) for a in args]
    assert main(["export", str(demo_file), *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kpm export: error:") and message in err
    assert len(err.splitlines()) == 1
    assert file_hash(demo_file) == before
    # Nothing but the matrix file (and SQLite's WAL companions from reading it).
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("demo.kpm")] == []


def test_missing_matrix_file(tmp_path: Path, capsys) -> None:
    assert main(["export", str(tmp_path / "x.kpm"), "--xlsx", str(tmp_path / "m.xlsx")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_a_read_error_while_streaming_the_cells_is_one_line(
    demo_file: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    """The data sheet reads the cells while writing: SQLite failing there (damaged pages)
    is one line and exit code 2, and an earlier export of that name stays as it was."""
    import sqlite3

    from kpm_desktop.storage.repository import Repository

    def damaged(self, customer_id: int):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(Repository, "stored_cells_of_customer", damaged)
    out = tmp_path / "m.xlsx"
    out.write_bytes(b"the export of last week")
    before = file_hash(out)
    assert main(["export", str(demo_file), "--xlsx", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"kpm export: error: {demo_file.name} cannot be read: database disk image is malformed"
    ]
    assert file_hash(out) == before
    assert not list(tmp_path.glob("*.partial"))
