"""Every reader gets the generated corpus of damaged and odd workbooks (issue 15 item 10):
one translated line, exit code 2 and the matrix file byte-identical, or a clean import."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kpm_desktop.cli import main
from kpm_desktop.import_export.messages import MESSAGES, ImportFailure
from kpm_desktop.import_export.plans import Target, build_plan, read_source
from kpm_desktop.import_export.tables import read_table
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash
from tests.import_export.odd_workbooks import CASES, Case

INTERNAL = re.compile(
    r"Error\b|Exception|Traceback|KeyError|TypeError|ValueError|AttributeError|Errno|"
    r"CalamineError|XmlError|ZipError|BadZipFile|NoneType|0x[0-9a-f]"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from tests.import_export.odd_workbooks import generate

    return generate(tmp_path_factory.mktemp("odd"))


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """A matrix file that has never been opened for writing since it was made."""
    path = tmp_path / "ziel.kpm"
    Repository.create(path).close()
    return path


def _ids(case: Case) -> str:
    return case.name + ("-" + case.kind if case.kind != "customers" else "")


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_cli_gives_one_line_and_leaves_the_file_alone(
    case: Case, corpus: dict[str, Path], fresh: Path, capsys
) -> None:
    before = file_hash(fresh)
    for extra in (["--dry-run"], []):
        code = main(["import", str(fresh), str(corpus[case.name]), "--kind", case.kind, *extra])
        out, err = capsys.readouterr()
        if case.message is None:
            assert code == 0, err
            assert err == ""
            if case.stdout:
                assert case.stdout in out
            continue
        assert code == 2
        assert out == ""
        assert err.count("\n") == 1 and err.startswith("kpm import: error: "), err
        assert case.message in err
        assert not INTERNAL.search(err), err
        assert file_hash(fresh) == before  # failed: byte-identical, even on first open


@pytest.mark.parametrize("engine", [None, "openpyxl", "calamine"])
@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_every_reader_raises_only_import_failures(
    case: Case, engine: str | None, corpus: dict[str, Path]
) -> None:
    path = corpus[case.name]
    try:
        table = read_table(path, want_fills=case.kind == "matrix", engine=engine)
    except ImportFailure as exc:
        assert exc.key in MESSAGES
        assert not INTERNAL.search(str(exc)), str(exc)
        return
    assert table.rows, case.name


@pytest.mark.parametrize("case", [c for c in CASES if c.message is not None], ids=_ids)
def test_plan_failures_name_what_to_do(case: Case, corpus: dict[str, Path], fresh: Path) -> None:
    with pytest.raises(ImportFailure) as info:
        source = read_source(corpus[case.name], case.kind)
        with Repository.open(fresh, read_only=True) as repo:
            build_plan(source, Target.from_repository(repo))
    assert case.message in str(info.value)


def test_chart_sheet_active_reads_the_first_worksheet(corpus: dict[str, Path]) -> None:
    source = read_source(corpus["chart_active.xlsx"], "customers")
    assert source.table.sheet == "Kunden"
    assert (source.table.chosen_because, source.table.active_sheet) == ("chart", "Diagramm")
    with pytest.raises(ImportFailure, match="sheet 'Diagramm' is a chart"):
        read_source(corpus["chart_active.xlsx"], "customers", sheet="Diagramm")


def test_dry_run_of_a_fresh_file_is_byte_identical(fresh: Path, write_csv, capsys) -> None:
    source = write_csv("k.csv", "Firma\nNeu AG\n")
    before = file_hash(fresh)
    assert main(["import", str(fresh), str(source), "--kind", "customers", "--dry-run"]) == 0
    assert file_hash(fresh) == before
    bad = write_csv("x.csv", "Foo\n1\n")
    assert main(["import", str(fresh), str(bad), "--kind", "customers"]) == 2
    assert file_hash(fresh) == before
    capsys.readouterr()


def test_old_xls_and_binary_formats_are_read_by_calamine(corpus: dict[str, Path]) -> None:
    table = read_table(corpus["values.ods"])
    assert table.format == "ods" and table.rows[1][1] == "Odd Workbook AG"
    table = read_table(corpus["values.xls"])
    assert table.format == "xls" and table.rows[1] == ["4711", "Odd Workbook AG", "Bonn"]
