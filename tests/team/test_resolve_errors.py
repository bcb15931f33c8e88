"""Every ``--resolve`` error of ``kpm merge`` and ``kpm sync``, as a user meets it in a real
``kpm`` process: one line on stderr that names the command which lists the conflict ids,
exit code 2, and the file byte-identical (QA of session 3: ``kpm merge MINE THEIRS
--resolve 99=mine`` pointed at ``kpm sync``, which refuses a file that is not in a team, and
the merge was already written when the id was refused)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash
from tests.helpers.processes import run_kpm


@pytest.fixture
def pair(demo_file: Path, tmp_path: Path) -> tuple[Path, Path]:
    """MINE and THEIRS differing in one cell (one conflict once merged)."""
    theirs = tmp_path / "theirs.kpm"
    shutil.copyfile(demo_file, theirs)
    with Repository.open(theirs) as repo:
        c, p = repo.load_customers()[0], repo.load_products()[0]
        repo.set_marks([(c.id, p.id, Mark.NEED)])
    with Repository.open(demo_file) as repo:
        repo.set_marks([(c.id, p.id, Mark.NO_NEED)])
    return demo_file, theirs


def _refused(args: list[str], path: Path) -> str:
    """Run ``kpm ARGS``; assert exit 2, one line, ``path`` unchanged; return the line."""
    before = file_hash(path)
    out = run_kpm(*args)
    lines = out.stderr.strip().splitlines()
    assert out.returncode == 2, (out.returncode, out.stderr)
    assert len(lines) == 1 and "Traceback" not in out.stderr, out.stderr
    assert file_hash(path) == before, args
    return lines[0]


def test_merge_resolve_errors_name_kpm_merge_and_leave_mine_byte_identical(pair) -> None:
    mine, theirs = pair
    listed = run_kpm("merge", str(mine), str(theirs), "--json")
    assert listed.returncode == 1, listed.stderr
    ids = [c["id"] for c in json.loads(listed.stdout)["conflicts"]]
    assert len(ids) == 1
    unknown = str(max(ids) + 98)

    line = _refused(["merge", str(mine), str(theirs), "--resolve", f"{unknown}=mine"], mine)
    assert f"no open conflict {unknown}" in line
    assert f"'kpm merge {mine} {theirs} --json'" in line and "kpm sync" not in line
    # several choices, one unknown: nothing settled, nothing merged
    _refused(
        ["merge", str(mine), str(theirs), "--resolve", f"{ids[0]}=theirs", "--resolve", "x=mine"],
        mine,
    )
    for spec in ("99=maybe", "99", "=mine", "all=", "one=mine"):
        line = _refused(["merge", str(mine), str(theirs), "--resolve", spec], mine)
        assert "use ID=mine, ID=theirs, all=mine or all=theirs" in line

    # The file is not in a team: kpm sync --resolve says where its conflicts are settled.
    line = _refused(["sync", str(mine), "--resolve", f"{ids[0]}=mine"], mine)
    assert f"'kpm merge {mine} THEIRS --resolve ID=mine|theirs'" in line

    # The id the listing gave settles it.
    done = run_kpm("merge", str(mine), str(theirs), "--resolve", f"{ids[0]}=theirs", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["conflicts"] == []


def test_a_new_merge_with_an_unknown_id_writes_nothing(pair) -> None:
    """The first merge of two files: an id given before any listing is refused before the
    merge is written (it used to be committed, then the id refused)."""
    mine, theirs = pair
    _refused(["merge", str(mine), str(theirs), "--resolve", "1=theirs"], mine)
    done = run_kpm("merge", str(mine), str(theirs), "--resolve", "all=theirs", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["conflicts"] == []


def test_the_merge_messages_read_german_in_the_german_ui(qapp) -> None:
    from kpm_desktop.gui.i18n import install_translators
    from kpm_desktop.gui.team_text import team_text
    from kpm_desktop.team.connect import TeamError

    install_translators(qapp, "de")
    try:
        unknown = team_text(TeamError("no_merge_conflict", id=99, mine="a.kpm", theirs="b.kpm"))
        not_team = team_text(TeamError("merge_not_sync", file="a.kpm"))
    finally:
        install_translators(qapp, "en")
    assert unknown == (
        "es gibt keinen offenen Konflikt 99; „kpm merge a.kpm b.kpm --json“ listet die offenen auf"
    )
    assert not_team.startswith("a.kpm gehört zu keinem Team")


def test_sync_resolve_errors_leave_a_team_file_byte_identical(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path
) -> None:
    """On a team file: an unknown id, and "mine" for a change the role may not make, are
    refused before the writing open (which stamps a session marker)."""
    from dataclasses import replace

    from tests.helpers.team import team_with_demo

    files, _ = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    anna = files["anna"]
    with Repository.open(anna) as repo:
        product = repo.load_products()[0]
        repo.update_product(replace(product, name="Umbenannt von Anna"))  # a rep may not
    synced = run_kpm("sync", str(anna), "--json")
    assert synced.returncode == 1, synced.stderr
    conflict = json.loads(synced.stdout)["conflicts"][0]
    assert conflict["reason"] == "denied"

    line = _refused(["sync", str(anna), "--resolve", "999=theirs"], anna)
    assert "no open conflict 999" in line and "'kpm sync FILE --json'" in line
    line = _refused(["sync", str(anna), "--resolve", f"{conflict['id']}=mine"], anna)
    assert "only 'theirs' settles it" in line
    _refused(["sync", str(anna), "--resolve", "all=mine"], anna)
    _refused(["sync", str(anna), "--resolve", "all=both"], anna)

    done = run_kpm("sync", str(anna), "--resolve", "all=theirs", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["conflicts"] == []
