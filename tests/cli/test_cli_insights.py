"""``kpm insights``, ``kpm diff`` and ``kpm snapshot``."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kpm_desktop.cli import main
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash


def _json(capsys: pytest.CaptureFixture[str]) -> dict:
    return json.loads(capsys.readouterr().out.splitlines()[-1])


def test_insights_json_on_demo(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = file_hash(demo_file)
    assert main(["insights", str(demo_file), "--json", "--today", "2026-11-27", "--top", "5"]) == 0
    data = _json(capsys)
    assert file_hash(demo_file) == before  # read-only
    assert data["customers"] == 60 and data["products"] == 24
    assert sum(data["totals"].values()) == 60 * 24
    assert set(data["bars"]) == {"product", "group", "region", "segment", "owner"}
    assert sum(b["customers"] for b in data["bars"]["region"]) == 60
    for bar in data["bars"]["product"]:
        assert sum(bar["counts"].values()) == 60
    assert len(data["next_steps"]) == 5
    assert all(step["reasons"] and step["reasons"][0]["text"] for step in data["next_steps"])
    assert [s["value"] for s in data["next_steps"]] == sorted(
        (s["value"] for s in data["next_steps"]), reverse=True
    )
    ends = [r["contract_end"] for r in data["renewals"]]
    assert ends == sorted(ends) and all("2026-11-27" <= e <= "2027-05-27" for e in ends)
    assert {c["name"] for c in data["competitors"]} >= {"Hansa Automation AG"}


def test_insights_subset_and_renewal_export(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "renewals.xlsx"
    args = ["insights", str(demo_file), "--json", "--today", "2026-11-27", "--region", "Süd"]
    assert main([*args, "--renewals-xlsx", str(out), "--months", "3", "--language", "en"]) == 0
    data = _json(capsys)
    assert data["customers"] == 12
    assert [b["label"] for b in data["bars"]["region"]] == ["Süd"]
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("Customer", "Customer number", "Region")
    assert len(rows) - 1 == len(data["renewals"]) > 0
    assert all(r[2] == "Süd" for r in rows[1:])
    # an existing file is not overwritten without --overwrite
    before = file_hash(out)
    assert main([*args, "--renewals-xlsx", str(out)]) == 2
    assert "exists already" in capsys.readouterr().err
    assert file_hash(out) == before


def test_snapshot_and_diff_with_undo(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["snapshot", str(demo_file), "--label", "Vor dem Besuch", "--json"]) == 0
    snap = _json(capsys)
    with Repository.open(demo_file) as repo:
        m = repo.load_matrix()
        c0, c1 = m.customers[0].id, m.customers[1].id
        p0, p1 = m.products[0].id, m.products[1].id
        repo.set_marks([(c0, p0, Mark.OURS)])
        undo = repo.set_marks([(c1, p1, Mark.NEED)])
        repo.write_cells(undo)  # undone: not a change
        old0, old1 = m.code(0, 0), m.code(1, 1)
    assert main(["diff", str(demo_file), "--snapshot", "Vor dem Besuch", "--json"]) == 0
    data = _json(capsys)
    assert data["period"]["snapshot"] == "Vor dem Besuch"
    expected = [] if old0 == int(Mark.OURS) else [c0]
    assert [c["customer_id"] for c in data["customers"]] == expected
    # history rows: one for the real edit, two for the edit and its undo (if they changed marks)
    assert data["edits"] == (old0 != Mark.OURS) + 2 * (old1 != Mark.NEED)
    assert main(["snapshot", str(demo_file), "--list", "--json"]) == 0
    assert [s["label"] for s in _json(capsys)] == [snap["label"]]
    # dates: everything written today, by the demo and by us
    today = datetime.now(UTC).date().isoformat()
    assert main(["diff", str(demo_file), "--since", today, "--until", today, "--json"]) == 0
    assert _json(capsys)["edits"] >= 1


def test_diff_xlsx_highlights_changed_cells(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["snapshot", str(demo_file), "--label", "A"])
    with Repository.open(demo_file) as repo:
        m = repo.load_matrix()
        white = next((i, j) for i in range(m.n_rows) for j in range(m.n_cols) if m.code(i, j) == 0)
        repo.set_marks([(m.customers[white[0]].id, m.products[white[1]].id, Mark.COMPETITOR)])
    out = tmp_path / "diff.xlsx"
    assert (
        main(["diff", str(demo_file), "--snapshot", "A", "--xlsx", str(out), "--lang", "de"]) == 0
    )
    assert "1 cells changed" in capsys.readouterr().out
    wb = load_workbook(out)
    changes, matrix = wb.worksheets
    rows = list(changes.iter_rows(values_only=True))
    assert rows[-1][2:] == (m.products[white[1]].name, "weißer Fleck", "Wettbewerb")
    assert matrix.cell(2, 2).value == "– → W"
    assert matrix.cell(2, 2).fill.fgColor.rgb.endswith("FFF2A8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff", "{f}"], "give --since DATE or --snapshot NAME"),
        (["diff", "{f}", "--since", "2026-13-01"], "not a date"),
        (["diff", "{f}", "--snapshot", "nope"], "no snapshot 'nope'"),
        (["diff", "{f}", "--since", "2026-11-02", "--until", "2026-10-31"], "lies before --since"),
        (["insights", "{f}", "--months", "-1"], "must not be negative"),
        (["snapshot", "{f}", "--label", "  "], "must not be empty"),
    ],
)
def test_user_errors_are_one_line_and_leave_the_file(
    demo_file: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = file_hash(demo_file)
    assert main([a.format(f=demo_file) for a in args]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    assert file_hash(demo_file) == before


def test_text_output(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["insights", str(demo_file), "--today", "2026-11-27", "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert "60 customers x 24 products" in out and "Where to go next:" in out
    assert "Antriebstechnik" in out and "need(s)" in out
    main(["snapshot", str(demo_file), "--label", "T"])
    assert main(["snapshot", str(demo_file), "--list"]) == 0
    assert " T" in capsys.readouterr().out
    assert main(["diff", str(demo_file), "--snapshot", "T"]) == 0
    assert "0 cells changed at 0 customers" in capsys.readouterr().out
    assert main(["snapshot", str(demo_file), "--delete", "T"]) == 0
    assert "'T' deleted" in capsys.readouterr().out
    assert main(["snapshot", str(demo_file), "--delete", "T"]) == 2
    assert "no snapshot 'T'" in capsys.readouterr().err


def test_snapshot_delete_bad_input_leaves_the_file_byte_identical(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``kpm snapshot --delete`` opens the file for writing only to apply the deletion (a
    writing open stamps the file, so the look-up runs read-only first)."""
    from tests.helpers.files import file_hash

    before = file_hash(demo_file)  # a fresh ``kpm demo`` file, never opened for writing
    for ref in ("nope", "999", "  "):
        assert main(["snapshot", str(demo_file), "--delete", ref]) == 2
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and "no snapshot" in err and "Traceback" not in err
        assert file_hash(demo_file) == before
    text = tmp_path / "notes.txt"
    text.write_text("not a matrix")
    assert main(["snapshot", str(text), "--delete", "1"]) == 2
    assert text.read_text() == "not a matrix"
    assert main(["snapshot", str(demo_file), "--label", "Vor dem Besuch"]) == 0
    assert main(["snapshot", str(demo_file), "--delete", "Vor dem Besuch"]) == 0
    assert "deleted" in capsys.readouterr().out
    assert main(["snapshot", str(demo_file), "--list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_bad_today_date_for_insights_is_one_german_line(demo_file: Path, saved_language) -> None:
    """``--today`` was an argparse ``type=parse_day``: argparse printed its own English line
    naming the Python function ("invalid parse_day value"), not parse_day's translated one."""
    from tests.helpers.processes import run_kpm

    saved_language("de")
    before = file_hash(demo_file)
    out = run_kpm(
        "insights", str(demo_file), "--today", "2026-13-45",
        env={"LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8"},
    )  # fmt: skip
    assert out.returncode == 2, out.stderr
    assert "parse_day" not in out.stderr, out.stderr
    lines = [ln for ln in out.stderr.splitlines() if ln.startswith("kpm insights")]
    assert lines == ["kpm insights: Fehler: „2026-13-45“ ist kein Datum (JJJJ-MM-TT)"], out.stderr
    assert file_hash(demo_file) == before


def test_a_good_today_date_for_insights_is_the_reference_day(demo_file: Path, capsys) -> None:
    assert main(["insights", str(demo_file), "--today", "2026-12-08", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["today"] == "2026-12-08"
