"""Team sync against a real PostgreSQL: set-up, territories, push/pull, conflicts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import psycopg
import pytest

from kpm_desktop.cli import main as kpm
from kpm_desktop.domain.entities import Note
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import engine, server
from kpm_desktop.team.connect import NewerServerSchemaError, connect
from tests.helpers.team import content_hash, entities, run_json, team_with_demo, without_user


def _customer(repo: Repository, region: str):
    return next(c for c in repo.load_customers() if c.region == region)


def _product(repo: Repository, n: int = 0):
    return repo.load_products()[n]


def test_init_is_idempotent_and_refuses_a_newer_schema(team_url: str, capsys) -> None:
    first = run_json(capsys, "team", "init", team_url, "--json")
    assert first["before"] == 0 and first["version"] == server.SERVER_SCHEMA_VERSION
    again = run_json(capsys, "team", "init", team_url, "--json")
    assert again["before"] == again["version"] == server.SERVER_SCHEMA_VERSION
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute("UPDATE kpm.meta SET value = '99' WHERE key = 'schema_version'")
    with connect(team_url) as conn, pytest.raises(NewerServerSchemaError):
        server.init(conn)
    assert kpm(["team", "init", team_url]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "newer KPM Desktop" in err[0] and "update" in err[0]


def test_add_user_and_list_users(team_url: str, capsys) -> None:
    assert kpm(["team", "init", team_url]) == 0
    capsys.readouterr()
    fresh = "new_" + team_url.rsplit("_", 1)[1]  # login roles are per cluster
    user = run_json(
        capsys,
        "team",
        "add-user",
        team_url,
        fresh,
        "--role",
        "rep",
        "--region",
        "Nord",
        "--owner",
        "A. Adler",
        "--json",
    )
    # a new login gets a random initial password, shown once
    assert user["role"] == "rep" and user["regions"] == ["Nord"] and len(user["password"]) >= 12
    run_json(capsys, "team", "add-user", team_url, "mia", "--role", "manager", "--json")
    users = run_json(capsys, "team", "users", team_url, "--json")
    by_name = {u["name"]: u for u in users}
    assert by_name[fresh]["owners"] == ["A. Adler"]
    assert by_name["mia"]["role"] == "manager"
    # a rep without a territory is refused with one line
    assert kpm(["team", "add-user", team_url, "tom", "--role", "rep"]) == 2
    assert "territory" in capsys.readouterr().err


def test_publish_clone_sync_round_trip(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    files, _rep_url = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    # the clone holds only the rep's territory, all products
    with Repository.open(files["anna"], read_only=True) as repo:
        regions = {c.region for c in repo.load_customers()}
        n_products = len(repo.load_products())
        assert "user=" not in json.dumps(engine.team_state(repo))
        assert "pw-anna" not in Path(files["anna"]).read_bytes().decode("latin-1")
    assert regions == {"Nord"}
    with Repository.open(files["manager"], read_only=True) as repo:
        assert len(repo.load_products()) == n_products

    # anna works offline: a mark, cell details, a customer field, a note, a new competitor
    with Repository.open(files["anna"]) as repo:
        cust = _customer(repo, "Nord")
        prod = _product(repo, 3)
        repo.set_marks([(cust.id, prod.id, Mark.COMPETITOR)])
        comp = repo.add_competitor("Neuer Wettbewerber GmbH")
        rec = repo.get_cell(cust.id, prod.id)
        from dataclasses import replace

        repo.write_cells(
            [(cust.id, prod.id, replace(rec, competitor_id=comp.id, potential=1234.5))]
        )
        from dataclasses import replace as rep

        repo.update_customer(rep(cust, city="Kiel-Neu"))
        repo.add_note(
            Note(customer_id=cust.id, text="Besuch: Bedarf an Service", note_date=date(2026, 12, 1))
        )
        assert engine.pending_count(repo) >= 4
    result = run_json(capsys, "sync", str(files["anna"]), "--json")
    assert set(result) >= {"pushed", "pulled", "conflicts", "server", "last_sync"}
    assert result["pushed"] >= 4 and result["conflicts"] == []
    # nothing to do now
    again = run_json(capsys, "sync", str(files["anna"]), "--json")
    assert again["pushed"] == 0 and again["pulled"] == 0

    mgr = run_json(capsys, "sync", str(files["manager"]), "--json")
    assert mgr["pulled"] >= 4 and mgr["conflicts"] == []
    mine = entities(files["manager"])
    theirs = entities(files["anna"])
    for key, value in theirs.items():
        assert mine[key] == value, key
    # the author shows in the manager's cell history
    with Repository.open(files["manager"], read_only=True) as repo:
        sources = {r[0] for r in repo.conn.execute("SELECT source FROM mark_history")}
    assert "team:anna" in sources
    # bob (Süd) pulls nothing of Nord's customers
    bob = run_json(capsys, "sync", str(files["bob"]), "--json")
    assert bob["conflicts"] == []
    with Repository.open(files["bob"], read_only=True) as repo:
        assert {c.region for c in repo.load_customers()} == {"Süd"}
        assert repo.competitor_by_name("Neuer Wettbewerber GmbH") is not None  # shared list


def test_rep_sql_cannot_read_or_write_other_territories(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path
) -> None:
    """Plain SQL as the rep (not through the app): row-level security holds."""
    files, rep_url = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    with Repository.open(files["manager"], read_only=True) as repo:
        sued = [c.uuid for c in repo.load_customers() if c.region == "Süd"]
        nord = [c.uuid for c in repo.load_customers() if c.region == "Nord"]
        product = repo.load_products()[0].uuid
    with psycopg.connect(f"{rep_url} user=anna", autocommit=True) as conn:
        visible = {
            str(r[0])
            for r in conn.execute("SELECT customer FROM kpm.state WHERE customer IS NOT NULL")
        }
        assert visible and visible <= set(nord)
        assert (
            conn.execute(
                "SELECT count(*) FROM kpm.state WHERE customer = ANY(%s::uuid[])", (sued,)
            ).fetchone()[0]
            == 0
        )
        assert (
            conn.execute(
                "SELECT count(*) FROM kpm.changes WHERE customer = ANY(%s::uuid[])", (sued,)
            ).fetchone()[0]
            == 0
        )
        assert (
            conn.execute("SELECT count(*) FROM kpm.territory WHERE region <> 'Nord'").fetchone()[0]
            == 0
        )
        assert [r[0] for r in conn.execute("SELECT name FROM kpm.users")] == ["anna"]
        assert (
            conn.execute(
                "SELECT count(*) FROM kpm.cell_state WHERE customer = ANY(%s::uuid[])", (sued,)
            ).fetchone()[0]
            == 0
        )
        assert conn.execute("SELECT count(*) FROM kpm.cell_state").fetchone()[0] > 0
        # a cell of a Süd customer: neither in the log nor straight into the state
        for statement in (
            "INSERT INTO kpm.cell_changes (customer, product, mark, client_id, client_seq) "
            "VALUES (%s, %s, 1, gen_random_uuid(), 1)",
            "INSERT INTO kpm.cell_state (customer, product, mark, client_id) "
            "VALUES (%s, %s, 1, gen_random_uuid())",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement, (sued[0], product))  # type: ignore[arg-type]
        bad = [
            # overwrite a Süd customer, pretending it is in Nord
            ("customer", sued[0], sued[0], '{"name": "x", "region": "Nord"}'),
            # structure is the manager's
            ("product", product, None, '{"name": "Hacked"}'),
        ]
        for kind, key, cust, data in bad:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(
                    "INSERT INTO kpm.changes (kind, key, customer, data, client_id, client_seq) "
                    "VALUES (%s, %s, %s, %s::jsonb, 'sql', 1)",
                    (kind, key, cust, data),
                )
        for statement in (
            "UPDATE kpm.state SET data = NULL",
            "UPDATE kpm.cell_state SET mark = 1",
            "DELETE FROM kpm.cell_changes",
            "DELETE FROM kpm.changes",
            "INSERT INTO kpm.changes (rev, kind, key, data, client_id, client_seq, author) "
            "VALUES (1, 'competitor', 'x', NULL, 'sql', 2, 'bob')",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)  # type: ignore[arg-type]
        # promoting herself changes no row (row-level security on kpm.users)
        assert conn.execute("UPDATE kpm.users SET role = 'manager'").rowcount == 0
        assert conn.execute("SELECT role FROM kpm.users").fetchone()[0] == "rep"
        # own territory is writable, and the author is always the login
        conn.execute(
            "INSERT INTO kpm.cell_changes (customer, product, mark, client_id, client_seq) "
            "VALUES (%s, %s, 3, kpm.client_uuid('sql'), 3)",
            (nord[0], product),
        )
        assert (
            conn.execute(
                "SELECT author FROM kpm.cell_changes WHERE client_id = kpm.client_uuid('sql')"
            ).fetchone()[0]
            == "anna"
        )
    with psycopg.connect(f"{rep_url} user=vera", autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM kpm.state").fetchone()[0] > 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO kpm.changes (kind, key, customer, data, client_id, client_seq) "
                "VALUES ('competitor', 'v', NULL, '{\"name\": \"v\"}'::jsonb, 'sql', 1)"
            )


def test_conflict_is_listed_kept_and_resolved(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    with Repository.open(files["anna"]) as repo:
        cust = _customer(repo, "Nord")
        prod = _product(repo, 1)
        key = (cust.uuid, prod.uuid)
        repo.set_marks([(cust.id, prod.id, Mark.NEED)])
    with Repository.open(files["manager"]) as repo:
        cid = next(c.id for c in repo.load_customers() if c.uuid == key[0])
        pid = next(p.id for p in repo.load_products() if p.uuid == key[1])
        repo.set_marks([(cid, pid, Mark.NO_NEED)])
    assert run_json(capsys, "sync", str(files["anna"]), "--json")["pushed"] == 1
    result = run_json(capsys, "sync", str(files["manager"]), "--json")
    assert len(result["conflicts"]) == 1
    c = result["conflicts"][0]
    assert c["who"] == "anna" and c["when"] and "mark" in c["fields"]
    assert c["mine"]["mark"] == int(Mark.NO_NEED) and c["theirs"]["mark"] == int(Mark.NEED)
    cell = ("cell", f"{key[0]}/{key[1]}")
    assert entities(files["manager"])[cell]["mark"] == int(Mark.NO_NEED)  # unchanged
    # still listed on the next sync, still not pushed
    again = run_json(capsys, "sync", str(files["manager"]), "--json")
    assert len(again["conflicts"]) == 1 and again["pushed"] == 0
    # bad resolve: one line, exit 2
    assert kpm(["sync", str(files["manager"]), "--resolve", "999=mine"]) == 2
    assert "no open conflict" in capsys.readouterr().err
    # keep mine: pushed over theirs, anna pulls it
    done = run_json(capsys, "sync", str(files["manager"]), "--resolve", f"{c['id']}=mine", "--json")
    assert done["conflicts"] == [] and done["pushed"] == 1
    run_json(capsys, "sync", str(files["anna"]), "--json")
    assert entities(files["anna"])[cell]["mark"] == int(Mark.NO_NEED)
    assert content_hash(files["anna"]) != ""


def test_resolve_all_theirs_and_field_merge(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    from dataclasses import replace

    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    with Repository.open(files["anna"]) as repo:
        cust = _customer(repo, "Nord")
        repo.update_customer(replace(cust, city="Anna-Stadt", segment="Chemie"))
    with Repository.open(files["manager"]) as repo:
        mc = next(c for c in repo.load_customers() if c.uuid == cust.uuid)
        repo.update_customer(replace(mc, postcode="24103", segment="Pharma"))
    run_json(capsys, "sync", str(files["anna"]), "--json")
    result = run_json(capsys, "sync", str(files["manager"]), "--json")
    assert [c["fields"] for c in result["conflicts"]] == [["segment"]]
    done = run_json(capsys, "sync", str(files["manager"]), "--resolve", "all=theirs", "--json")
    assert done["conflicts"] == []
    run_json(capsys, "sync", str(files["anna"]), "--json")
    for f in (files["manager"], files["anna"]):
        value = entities(f)[("customer", cust.uuid)]
        assert (value["city"], value["postcode"], value["segment"]) == (
            "Anna-Stadt",
            "24103",
            "Chemie",
        )


def test_rep_structure_change_is_refused_not_lost(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    from dataclasses import replace

    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    with Repository.open(files["anna"]) as repo:
        p = repo.load_products()[0]
        repo.update_product(replace(p, name="Umbenannt von Anna"))
    result = run_json(capsys, "sync", str(files["anna"]), "--json")
    assert [c["reason"] for c in result["conflicts"]] == ["denied"]
    cid = result["conflicts"][0]["id"]
    assert kpm(["sync", str(files["anna"]), "--resolve", f"{cid}=mine"]) == 2
    assert "only 'theirs'" in capsys.readouterr().err
    done = run_json(capsys, "sync", str(files["anna"]), "--resolve", "all=theirs", "--json")
    assert done["conflicts"] == [] and done["pending"] == 0
    assert entities(files["anna"])[("product", p.uuid)]["name"] == p.name


def test_clear_errors(team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys) -> None:
    files, rep_url = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    # unreachable: point the file at a port nobody listens on
    with Repository.open(files["anna"]) as repo:
        cust = _customer(repo, "Nord")
        repo.set_marks([(cust.id, _product(repo).id, Mark.OURS)])
        url = engine.team_state(repo)["team_url"]
        with repo.transaction() as conn:
            conn.execute(
                "UPDATE sync_state SET value = ? WHERE key = 'team_url'",
                (url.replace("port=", "port=1"),),
            )
        pending = engine.pending_count(repo)
    assert kpm(["sync", str(files["anna"])]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot be reached" in err[0] and "kept" in err[0]
    with Repository.open(files["anna"]) as repo:
        assert engine.pending_count(repo) == pending
    # wrong password
    pgpass.write_text("*:*:*:anna:wrong\n", encoding="utf-8")
    assert kpm(["team", "clone", rep_url, str(tmp_path / "x.kpm"), "--user", "anna"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "password" in err[0]
    assert not (tmp_path / "x.kpm").exists()
    # not a team file
    assert kpm(["sync", str(demo_file)]) == 2
    assert "not part of a team" in capsys.readouterr().err


def test_url_password_is_not_stored(team_url: str, demo_file: Path, tmp_path: Path) -> None:
    from kpm_desktop.team.connect import strip_password

    assert strip_password(
        "postgresql://anna:secret@db.example.com:5433/team?sslmode=verify-full"
    ) == ("postgresql://anna@db.example.com:5433/team?sslmode=verify-full")
    assert "secret" not in strip_password("host=db user=anna password=secret dbname=team")
    assert without_user("host=/x user=a dbname=b") == "host=/x dbname=b"
