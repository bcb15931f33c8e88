"""Shared steps of the team tests (tests/team/): a team set up from the demo, entities by
UUID, content hashes, the CLI as JSON."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from kpm_desktop.cli import main as kpm
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team.local import LocalStore


def run_json(capsys, *argv: str) -> dict | list:
    code = kpm(list(argv))
    out = capsys.readouterr()
    assert code in (0, 1), out.err
    return json.loads(out.out)


def content_hash(path: Path) -> str:
    """Hash of every entity by UUID (what must converge between replicas)."""
    with Repository.open(path, read_only=True) as repo:
        items = sorted(
            (kind, key, json.dumps(value, sort_keys=True))
            for kind, key, value in LocalStore(repo).iter_all()
        )
    return hashlib.sha256(json.dumps(items).encode()).hexdigest()


def entities(path: Path) -> dict[tuple[str, str], dict]:
    with Repository.open(path, read_only=True) as repo:
        return {(k, key): v for k, key, v in LocalStore(repo).iter_all()}


def team_with_demo(
    team_url: str, demo_file: Path, pgpass: Path, tmp: Path
) -> tuple[dict[str, Path], str]:
    """init + add-user (anna: Nord, bob: Süd, vera: viewer) + publish the demo + clones."""
    from kpm_desktop.team import server
    from kpm_desktop.team.clone import clone
    from kpm_desktop.team.connect import connect
    from kpm_desktop.team.publish import publish

    with connect(team_url) as conn:
        server.init(conn)
        for name, role, regions in (
            ("anna", "rep", ("Nord",)),
            ("bob", "rep", ("Süd",)),
            ("vera", "viewer", ()),
        ):
            server.add_user(conn, name, role, regions, (), password=f"pw-{name}")
            with pgpass.open("a", encoding="utf-8") as fh:
                fh.write(f"*:*:*:{name}:pw-{name}\n")
    manager = tmp / "manager.kpm"
    shutil.copyfile(demo_file, manager)
    publish(manager, team_url)
    files = {"manager": manager}
    rep_url = without_user(team_url)
    for name in ("anna", "bob"):
        files[name] = tmp / f"{name}.kpm"
        clone(rep_url, files[name], name)
    return files, rep_url


def without_user(url: str) -> str:
    return " ".join(p for p in url.split() if not p.startswith("user="))


def server_cells(conn) -> dict[tuple[str, str], dict]:
    """The newest version of every marked cell on the server, decoded (compact encoding)."""
    from kpm_desktop.team.protocol import pull

    return {
        (r.kind, r.key): r.data
        for r in pull(conn, 0, "reader")
        if r.kind == "cell" and r.data is not None
    }
