"""The export that reads cell details from the file while writing (``open_snapshot``).

File › Export and ``kpm export --xlsx`` no longer load a record object per marked cell
(599,250 at size M): the data sheet reads one customer's stored cells at a time inside one
read transaction (bench/README.md "Export": 5x less memory, half the CPU). The workbook must
stay the same byte for byte, see one state of the file, and keep progress and cancel.
"""

from __future__ import annotations

import shutil
import zipfile
from datetime import UTC, date, datetime
from itertools import pairwise
from pathlib import Path

import openpyxl
import pytest

from kpm_desktop.domain.entities import CellRecord, stored_id
from kpm_desktop.domain.marks import Mark
from kpm_desktop.import_export.data_sheet import column_keys, data_sheet_name
from kpm_desktop.import_export.export_model import (
    ExportCancelled,
    ExportOptions,
    load_snapshot,
    open_snapshot,
)
from kpm_desktop.import_export.xlsx_export import write_xlsx
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash

AT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def _parts(path: Path) -> dict[str, bytes]:
    """The workbook's parts, without the creation time in docProps/core.xml."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


@pytest.mark.parametrize(
    "options",
    [
        ExportOptions(attributes=("number", "city", "tags")),
        ExportOptions(customer_safe=True, lang="en"),
    ],
    ids=["internal", "customer-safe"],
)
@pytest.mark.parametrize("template", ["demo_template", "demo_ka_template"])
def test_streamed_export_is_byte_identical_to_the_loaded_one(
    template: str, options: ExportOptions, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    src: Path = request.getfixturevalue(template)
    loaded = load_snapshot(src, options, exported_at=AT)
    write_xlsx(loaded, tmp_path / "loaded.xlsx")
    with open_snapshot(src, options, exported_at=AT) as snapshot:
        assert not snapshot.details  # nothing loaded per cell
        write_xlsx(snapshot, tmp_path / "streamed.xlsx")
    assert snapshot.marked_cells() == len(
        [
            k
            for k in loaded.details
            if k[0] not in {loaded.customers[i].id for i in loaded.rollup_rows}
        ]
    )
    assert _parts(tmp_path / "streamed.xlsx") == _parts(tmp_path / "loaded.xlsx")


def test_per_cell_path_writes_the_same_streamed_workbook(demo_ka_template, tmp_path) -> None:
    options = ExportOptions(attributes=("number", "tags"))
    with open_snapshot(demo_ka_template, options, exported_at=AT) as snapshot:
        write_xlsx(snapshot, tmp_path / "raw.xlsx")
        write_xlsx(snapshot, tmp_path / "cells.xlsx", raw_rows=False)
    a = openpyxl.load_workbook(tmp_path / "raw.xlsx")
    b = openpyxl.load_workbook(tmp_path / "cells.xlsx")
    assert a.sheetnames == b.sheetnames
    for name in a.sheetnames:
        cells_a = [[(c.value, c.style_id) for c in r] for r in a[name].iter_rows()]
        cells_b = [[(c.value, c.style_id) for c in r] for r in b[name].iter_rows()]
        assert cells_a == cells_b, name


def test_a_save_during_the_export_is_not_half_in_it(demo_template: Path, tmp_path: Path) -> None:
    """The data sheet shows the file as it was when the export began, like the matrix sheet
    (File › Export runs in a worker while the window keeps the file open and saves edits)."""
    src = tmp_path / "m.kpm"
    shutil.copy(demo_template, src)
    with (
        Repository.open(src) as window,
        open_snapshot(src, ExportOptions(), exported_at=AT) as snapshot,
    ):
        i = next(i for i in range(snapshot.n_rows) if snapshot.row(i).count(0) < snapshot.n_cols)
        customer = snapshot.customers[i]
        j = next(j for j, code in enumerate(snapshot.row(i)) if code)
        product = snapshot.products[j]
        before = Mark(snapshot.row(i)[j])
        after = Mark.NEED if before is not Mark.NEED else Mark.OURS
        cell = (stored_id(customer), stored_id(product))
        window.write_cells([(*cell, CellRecord(mark=after, note="neu"))])  # saved meanwhile
        with Repository.open(src, read_only=True) as other:
            got = other.get_cell(*cell)
            assert got is not None and got.mark is after  # committed for everyone else
        write_xlsx(snapshot, tmp_path / "x.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "x.xlsx", read_only=True)
    rows = list(wb[data_sheet_name("de")].iter_rows(values_only=True))
    wb.close()
    col = column_keys(list(rows[0]))
    mine = [
        r
        for r in rows[1:]
        if r[col["customer_uuid"]] == customer.uuid and r[col["product_uuid"]] == product.uuid
    ]
    assert len(mine) == 1
    assert mine[0][col["mark"]] == before.letter
    assert mine[0][col["note"]] != "neu"


def test_cancel_of_a_streamed_export_keeps_the_old_file_and_frees_the_source(
    demo_template: Path, tmp_path: Path
) -> None:
    src = tmp_path / "m.kpm"
    shutil.copy(demo_template, src)
    out = tmp_path / "x.xlsx"
    out.write_bytes(b"previous export")
    before = file_hash(out)
    seen: list[int] = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < 300  # stops inside the data sheet (the matrix has 60 rows)

    with pytest.raises(ExportCancelled), open_snapshot(src, ExportOptions()) as snapshot:
        write_xlsx(snapshot, out, progress)
    assert file_hash(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.kpm", "x.xlsx"]
    assert seen == sorted(seen) and 300 <= seen[-1] < 300 + 200
    with Repository.open(src) as repo:  # the export's connection is gone
        repo.write_cells([(*_first_cell(repo), CellRecord(mark=Mark.NEED))])


def test_progress_of_a_streamed_export_reaches_the_total(demo_template, tmp_path) -> None:
    seen: list[tuple[int, int]] = []
    with open_snapshot(demo_template, ExportOptions()) as snapshot:
        write_xlsx(snapshot, tmp_path / "p.xlsx", lambda d, t: seen.append((d, t)) or True)
    assert seen[-1][0] == seen[-1][1] > 200
    steps = [d for d, _ in seen]
    assert steps == sorted(steps)
    assert all(b - a <= 200 + snapshot.n_cols for a, b in pairwise(steps))


def _first_cell(repo: Repository) -> tuple[int, int]:
    matrix = repo.load_matrix()
    return stored_id(matrix.customers[0]), stored_id(matrix.products[0])


def test_dates_and_times_of_details_survive_streaming(demo_template: Path, tmp_path: Path) -> None:
    src = tmp_path / "m.kpm"
    shutil.copy(demo_template, src)
    with Repository.open(src) as repo:
        cid, pid = _first_cell(repo)
        repo.write_cells(
            [
                (
                    cid,
                    pid,
                    CellRecord(
                        mark=Mark.COMPETITOR,
                        our_revenue=0.0,
                        potential=1234.5,
                        contract_end=date(2027, 3, 31),
                        recheck_at=date(2027, 1, 15),
                        note="=SUM(A1) {0} <b>",
                        verified_at=datetime(2026, 11, 30, 23, 59, 58, tzinfo=UTC),
                    ),
                )
            ]
        )
    loaded = load_snapshot(src, ExportOptions(), exported_at=AT)
    write_xlsx(loaded, tmp_path / "loaded.xlsx")
    with open_snapshot(src, ExportOptions(), exported_at=AT) as snapshot:
        write_xlsx(snapshot, tmp_path / "streamed.xlsx")
    assert _parts(tmp_path / "streamed.xlsx") == _parts(tmp_path / "loaded.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "streamed.xlsx")[data_sheet_name("de")]
    rows = list(ws.iter_rows(values_only=True))
    col = column_keys(list(rows[0]))
    uuid = next(c.uuid for c in snapshot.customers if c.id == cid)
    row = next(r for r in rows[1:] if r[col["customer_uuid"]] == uuid and r[col["mark"]] == "W")
    assert row[col["our_revenue"]] == 0
    assert row[col["potential"]] == 1234.5
    assert row[col["contract_end"]] == datetime(2027, 3, 31)
    assert row[col["recheck_at"]] == datetime(2027, 1, 15)
    assert row[col["note"]] == "'=SUM(A1) {0} <b>"
    assert row[col["verified_at"]] == datetime(2026, 11, 30, 23, 59, 58)
