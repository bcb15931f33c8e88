"""Server schema upgrades: a team created by an earlier schema version is upgraded by
``kpm team init`` (compact cells, schema 2; access rules once per statement, schema 3), and its
data syncs on afterwards."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import uuid
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from kpm_desktop.cli import main as kpm
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import cells, engine, server
from kpm_desktop.team.clone import clone
from kpm_desktop.team.connect import connect
from tests.helpers.team import entities, server_cells, team_with_demo

FULL = {
    "mark": 1,
    "competitor": None,
    "our_revenue": None,
    "potential": None,
    "contract_end": None,
    "no_need_reason": "",
    "recheck_at": None,
    "note": "",
    "verified_at": "2026-11-02T08:30:00Z",
}


def _v1_team(url: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A team server at schema 1 with what version-1 clients wrote: cells as JSON documents
    in the log and the state, one of them changed twice, one deleted."""
    with monkeypatch.context() as m:
        m.setattr(server, "SERVER_MIGRATIONS", server.SERVER_MIGRATIONS[:1])
        m.setattr(server, "SERVER_SCHEMA_VERSION", 1)
        with connect(url) as conn:
            assert server.init(conn) == (0, 1)
    ids = {name: str(uuid.uuid4()) for name in ("customer", "p1", "p2", "p3", "group")}
    rows = [
        ("group", ids["group"], None, {"name": "G", "sort_order": 0}),
        *(
            (
                "product",
                ids[p],
                None,
                {
                    "name": p,
                    "number": "",
                    "group": ids["group"],
                    "kind": "product",
                    "sort_order": i,
                    "active": True,
                },
            )
            for i, p in enumerate(("p1", "p2", "p3"))
        ),
        (
            "customer",
            ids["customer"],
            ids["customer"],
            {
                "name": "Alt GmbH",
                "number": "1",
                "segment": "",
                "region": "Nord",
                "owner": "",
                "city": "",
                "postcode": "",
                "abc_class": "",
                "annual_revenue": None,
                "tags": [],
                "active": True,
            },
        ),
        ("cell", f"{ids['customer']}/{ids['p1']}", ids["customer"], FULL),
        (
            "cell",
            f"{ids['customer']}/{ids['p1']}",
            ids["customer"],
            {**FULL, "mark": 2, "note": "x"},
        ),
        ("cell", f"{ids['customer']}/{ids['p2']}", ids["customer"], {**FULL, "mark": 3}),
        ("cell", f"{ids['customer']}/{ids['p3']}", ids["customer"], {**FULL, "mark": 4}),
        ("cell", f"{ids['customer']}/{ids['p3']}", ids["customer"], None),
    ]
    with psycopg.connect(url, autocommit=True) as conn:
        for seq, (kind, key, customer, data) in enumerate(rows, start=1):
            conn.execute(
                "INSERT INTO kpm.changes (kind, key, customer, data, client_id, client_seq) "
                "VALUES (%s, %s, %s, %s::jsonb, 'old-client', %s)",
                (kind, key, customer, None if data is None else json.dumps(data), seq),
            )
    return ids


def test_schema_1_server_is_upgraded_by_team_init(
    team_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    ids = _v1_team(team_url, monkeypatch)
    with connect(team_url) as conn, pytest.raises(Exception, match="needs an upgrade"):
        server.check_version(conn)
    assert kpm(["team", "init", team_url]) == 0
    assert f"{server.SERVER_SCHEMA_VERSION}" in capsys.readouterr().out
    c = ids["customer"]
    with psycopg.connect(team_url, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM kpm.changes WHERE kind = 'cell'").fetchone() == (
            0,
        )
        assert conn.execute("SELECT count(*) FROM kpm.state WHERE kind = 'cell'").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM kpm.cell_changes").fetchone() == (5,)
        row = conn.execute(
            "SELECT mark, details, client_id FROM kpm.cell_state WHERE product = %s", (ids["p1"],)
        ).fetchone()
        assert row[:2] == (2, {"note": "x"})
        assert row[2] == cells.client_uuid("old-client")
        assert server_cells(conn) == {
            ("cell", f"{c}/{ids['p1']}"): {**FULL, "mark": 2, "note": "x"},
            ("cell", f"{c}/{ids['p2']}"): {**FULL, "mark": 3},
        }
        # a version-1 client's log is still recognised: the same (client, seq) is not new
        seqs = conn.execute(
            "SELECT client_seq FROM kpm.cell_changes WHERE client_id = %s ORDER BY client_seq",
            (cells.client_uuid("old-client"),),
        ).fetchall()
        assert [s[0] for s in seqs] == [6, 7, 8, 9, 10]
    # a second init changes nothing; the upgraded team clones and syncs
    with connect(team_url) as conn:
        assert server.init(conn) == (server.SERVER_SCHEMA_VERSION,) * 2
    out = tmp_path / "clone.kpm"
    clone(team_url, out, None)
    with Repository.open(out) as repo:
        cust = repo.load_customers()[0]
        products = {p.uuid: p.id for p in repo.load_products()}
        assert repo.get_cell(cust.id, products[ids["p1"]]).note == "x"  # type: ignore[union-attr]
        assert repo.get_cell(cust.id, products[ids["p3"]]) is None
        repo.set_marks([(cust.id, products[ids["p3"]], None)])  # no change: white already
        repo.set_marks([(cust.id, products[ids["p2"]], Mark.OURS)])
        result = engine.sync_repo(repo)
    assert result.pushed == 1 and result.conflicts == []
    with psycopg.connect(team_url, autocommit=True) as conn:
        assert server_cells(conn)[("cell", f"{c}/{ids['p2']}")]["mark"] == 1


def test_a_published_cell_keeps_its_version_as_merge_base(
    team_url: str, tmp_path: Path, demo_file: Path, pgpass: Path
) -> None:
    """A published cell has no log row; once changed, its published version is kept so that
    a colleague who synced before still merges field by field instead of conflicting."""
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    with Repository.open(files["anna"]) as repo:
        cust = next(c for c in repo.load_customers() if c.region == "Nord")
        cid = cust.id
        pid, rec = next(iter(repo.cells_of_customer(cid).items()))
    with Repository.open(files["manager"]) as repo:
        mc = next(c for c in repo.load_customers() if c.uuid == cust.uuid)
    # anna changes the note, the manager the mark of the same cell: both merge
    with Repository.open(files["anna"]) as repo:
        repo.write_cells([(cid, pid, replace(rec, note="Rahmenvertrag"))])
        assert engine.sync_repo(repo).conflicts == []
        puuid = next(p.uuid for p in repo.load_products() if p.id == pid)
    with psycopg.connect(team_url, autocommit=True) as conn:  # the published version, kept
        assert conn.execute("SELECT count(*) FROM kpm.cell_base").fetchone() == (1,)
    with Repository.open(files["manager"]) as repo:
        mpid = next(p.id for p in repo.load_products() if p.uuid == puuid)
        mrec = repo.get_cell(mc.id, mpid)
        other = Mark.NEED if mrec.mark != Mark.NEED else Mark.NO_NEED  # type: ignore[union-attr]
        repo.write_cells([(mc.id, mpid, replace(mrec, mark=other))])  # type: ignore[type-var]
        result = engine.sync_repo(repo)
        assert result.conflicts == []
        merged = repo.get_cell(mc.id, mpid)
        assert merged.mark == other and merged.note == "Rahmenvertrag"  # type: ignore[union-attr]


def test_manager_clone_equals_the_published_file(
    team_url: str, tmp_path: Path, demo_file: Path, pgpass: Path
) -> None:
    """The compact cells and the COPY clone lose nothing: every entity (cells with all their
    details: competitor, amounts, dates, reason, note, verified) comes back equal."""
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    out = tmp_path / "manager-clone.kpm"
    clone(team_url, out, None)
    published = entities(files["manager"])
    cloned = entities(out)
    assert cloned == published
    details = [v for (kind, _k), v in published.items() if kind == "cell" and v["competitor"]]
    assert details and any(v["no_need_reason"] for (k, _), v in published.items() if k == "cell")
    with Repository.open(out, read_only=True) as repo:  # the status rows match the marks
        assert repo.status_grid_problems() == []
    # filled without a journal, but a working copy in write-ahead-log mode like any file
    with contextlib.closing(sqlite3.connect(f"file:{out}?mode=ro", uri=True)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert not out.with_name(out.name + ".part").exists()


def test_schema_2_server_syncs_and_team_init_makes_the_access_rules_per_statement(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Schema 3 changes only the access rules: a team still at schema 2 syncs with this
    client (no forced upgrade for the reps), and after ``kpm team init`` the rules ask who
    the user is once per statement (an init plan), not once per territory row."""
    with monkeypatch.context() as m:
        m.setattr(server, "SERVER_MIGRATIONS", server.SERVER_MIGRATIONS[:2])
        m.setattr(server, "SERVER_SCHEMA_VERSION", 2)
        files, rep_url = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    with connect(team_url) as conn:
        assert server.check_version(conn) == 2
    with Repository.open(files["anna"]) as repo:
        cust = repo.load_customers()[0]
        product = repo.load_products()[0]
        repo.set_marks([(cust.id, product.id, Mark.NEED)])
        assert engine.sync_repo(repo).pushed == 1
    assert kpm(["team", "init", team_url]) == 0
    with connect(team_url) as conn:
        assert server.check_version(conn) == server.SERVER_SCHEMA_VERSION == 3
    with psycopg.connect(f"{rep_url} user=anna", autocommit=True) as conn:
        plan = "\n".join(
            r[0] for r in conn.execute("EXPLAIN SELECT customer FROM kpm.territory").fetchall()
        )
        assert "InitPlan" in plan
        regions = {r[0] for r in conn.execute("SELECT region FROM kpm.territory")}
        assert regions == {"Nord"}
    with Repository.open(files["anna"]) as repo:
        repo.set_marks([(cust.id, product.id, Mark.OURS)])
        result = engine.sync_repo(repo)
    assert result.pushed == 1 and result.conflicts == []
    with Repository.open(files["bob"]) as repo:
        assert engine.sync_repo(repo).conflicts == []
