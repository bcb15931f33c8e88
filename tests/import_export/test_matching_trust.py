"""Matching a rep can trust (issue 15 items 1-4, 6-8): the exact examples of the issue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kpm_desktop.cli import main
from kpm_desktop.domain.entities import Customer
from kpm_desktop.import_export.apply import apply_plan, revert_import
from kpm_desktop.import_export.matching import CUSTOMER_GENERIC, Matcher, customer_key
from kpm_desktop.import_export.plans import Target, build_plan, read_source
from kpm_desktop.storage.repository import Repository
from tests.helpers.files import file_hash

EXISTING = [
    Customer(name="Köhler Maschinenbau e.K.", number="2001", city="Erfurt"),
    Customer(name="Hoffmann Logistik e.K.", number="3001", city="Kassel"),
    Customer(name="Schäfer Chemie AG", number="", city="Mainz"),
    Customer(name="Brandt Automotive GmbH", number="5001", city="Ulm"),
]


@pytest.fixture
def crm_file(tmp_path: Path) -> Path:
    path = tmp_path / "crm.kpm"
    repo = Repository.create(path)
    try:
        repo.add_customers(EXISTING)
    finally:
        repo.close()
    return path


def _matcher() -> Matcher:
    entities = [
        Customer(name=c.name, number=c.number, city=c.city, id=i + 1)
        for i, c in enumerate(EXISTING)
    ]
    return Matcher(entities, customer_key, CUSTOMER_GENERIC)


def _plan(kpm: Path, source: Path, kind: str = "customers", **kw):
    src = read_source(source, kind)
    with Repository.open(kpm, read_only=True) as repo:
        return build_plan(src, Target.from_repository(repo), **kw)


def test_generic_words_do_not_make_names_similar() -> None:
    m = _matcher()
    assert m.similar("Müller Maschinenbau GmbH & Co. KG") == []
    assert m.similar("Krause Automotive GmbH") == []
    assert m.similar("Maschinenbau GmbH") == []  # nothing distinctive at all


def test_different_numbers_are_never_suggested() -> None:
    m = _matcher()
    # Without numbers "Hofmann" may be a typo of "Hoffmann": a suggestion to confirm.
    ((cand, score),) = m.similar("Hofmann Logistik AG")
    assert cand.name == "Hoffmann Logistik e.K." and score >= 0.85
    # With both numbers present and different they are two companies.
    assert m.similar("Hofmann Logistik AG", number="4712") == []
    # The same number (or none on the existing side) still allows the suggestion.
    assert m.similar("Hofmann Logistik AG", number="3001")


def test_issue_examples_in_a_customer_import(crm_file: Path, write_csv) -> None:
    source = write_csv(
        "crm.csv",
        "Kundennummer;Firma;Ort\n"
        "4711;Müller Maschinenbau GmbH & Co. KG;Köln\n"
        "4712;Hofmann Logistik AG;Kassel\n",
    )
    plan = _plan(crm_file, source)
    assert plan.suggestions == []
    assert plan.summary()["new_customers"] == 2


def test_suggestion_shows_both_numbers_cities_and_changes(crm_file: Path, write_csv) -> None:
    source = write_csv("k.csv", "Firma;Ort;PLZ\nSchaefer Chemi;Wiesbaden;65183\n")
    plan = _plan(crm_file, source)
    (s,) = plan.suggestions
    assert (s.source_name, s.candidate_name) == ("Schaefer Chemi", "Schäfer Chemie AG")
    assert (s.source_city, s.candidate_city) == ("Wiesbaden", "Mainz")
    assert ("city", "Mainz", "Wiesbaden") in s.changes
    assert ("postcode", "", "65183") in s.changes
    assert s.rows == [2]


def test_cli_accept_row_merges_only_that_row(crm_file: Path, write_csv, capsys) -> None:
    source = write_csv("k.csv", "Firma;Ort\nSchaefer Chemi;Mainz\nHofman Logistik;Kassel\n")
    assert main(["import", str(crm_file), str(source), "--kind", "customers", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "suggestion: row 2: customer 'Schaefer Chemi' (no. -, Mainz) may be " in out
    assert "'Schäfer Chemie AG' (no. -, Mainz)" in out and "--accept 2 to merge" in out
    assert "--accept 3 to merge" in out
    code = main(["import", str(crm_file), str(source), "--kind", "customers", "--accept", "3"])
    assert code == 0
    with Repository.open(crm_file, read_only=True) as repo:
        names = sorted(c.name for c in repo.load_customers())
    # Row 3 merged into Hoffmann; row 2 was not accepted and became a new customer.
    assert "Hofman Logistik" not in names and "Schaefer Chemi" in names


def test_cli_accept_unknown_row_is_an_error(crm_file: Path, write_csv, capsys) -> None:
    source = write_csv("k.csv", "Firma\nSchaefer Chemi\n")
    before = file_hash(crm_file)
    assert main(["import", str(crm_file), str(source), "--kind", "customers", "--accept", "7"]) == 2
    err = capsys.readouterr().err
    assert "--accept: no suggestion for row 7 (rows with suggestions: 2)" in err
    assert file_hash(crm_file) == before


def test_accept_suggestions_flag_is_gone(crm_file: Path, write_csv) -> None:
    source = write_csv("k.csv", "Firma\nX\n")
    with pytest.raises(SystemExit) as exc:
        main(["import", str(crm_file), str(source), "--kind", "customers", "--accept-suggestions"])
    assert exc.value.code == 2


def test_number_change_is_a_conflict_not_an_overwrite(tmp_path: Path, capsys) -> None:
    path = tmp_path / "n.kpm"
    repo = Repository.create(path)
    try:
        (c,) = repo.add_customers([Customer(name="Berger Bau", number="100")])
    finally:
        repo.close()
    source = tmp_path / "k.csv"
    source.write_text("Kundennummer;Firma;Ort\n200;Berger Bau GmbH;Ulm\n", "utf-8")
    # Same name, different numbers: a new customer, flagged as a possible duplicate.
    plan = _plan(path, source)
    assert plan.summary()["new_customers"] == 1 and len(plan.duplicates) == 1
    # The user says it is the same company: the number is a conflict, never overwritten.
    confirmed = {("customer", customer_key("Berger Bau GmbH")): c.id}
    plan = _plan(path, source, confirmed=confirmed)
    (fc,) = plan.field_conflicts
    assert (fc.name, fc.mine, fc.theirs, fc.take, fc.row) == ("Berger Bau", "100", "200", False, 2)
    assert fc.message == "number 100 in the matrix, the import says 200"
    assert plan.summary()["conflicts"] == 1
    (ec,) = plan.customers
    assert ec.after.number == "100" and ec.after.city == "Ulm"
    with Repository.open(path) as repo:
        apply_plan(repo, plan, backup=None)
        assert (repo.get_customer(c.id).number, repo.get_customer(c.id).city) == ("100", "Ulm")
    plan = _plan(path, source, confirmed=confirmed, conflicts="take")
    assert plan.field_conflicts[0].take and not plan.is_empty
    with Repository.open(path) as repo:
        applied = apply_plan(repo, plan, backup=None)
        assert repo.get_customer(c.id).number == "200"
        revert_import(repo, applied)
        assert repo.get_customer(c.id).number == "100"


def test_possible_duplicate_is_flagged(crm_file: Path, write_csv, capsys) -> None:
    source = write_csv("k.csv", "Kundennummer;Firma\n9001;Köhler Maschinenbau\n")
    plan = _plan(crm_file, source)
    (d,) = plan.duplicates
    assert (d.row, d.existing_name, d.existing_number) == (2, "Köhler Maschinenbau e.K.", "2001")
    assert plan.summary()["duplicates"] == 1
    main(["import", str(crm_file), str(source), "--kind", "customers", "--dry-run"])
    out = capsys.readouterr().out
    assert (
        "possible duplicate: row 2: 'Köhler Maschinenbau' (number 9001) would be a new "
        "customer, but 'Köhler Maschinenbau e.K.' (number 2001) has the same name" in out
    )
    main(["import", str(crm_file), str(source), "--kind", "customers", "--dry-run", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["possible_duplicates"][0]["existing_number"] == "2001"


def test_dropped_rows_name_both_rows_and_why(crm_file: Path, write_csv) -> None:
    source = write_csv(
        "k.csv",
        "Kundennummer;Firma\n7001;Neu AG\n7001;Neu AG Zweigwerk\n;Alt GmbH\n;ALT gmbh\n",
    )
    plan = _plan(crm_file, source)
    messages = [p.message for p in plan.problems]
    assert messages == [
        "rows 2 and 3 both have customer number 7001, so they are the same customer; row 3 ignored",
        "rows 4 and 5 both name 'ALT gmbh' (the same name once case, umlauts and legal forms "
        "are ignored) without different numbers; row 5 ignored",
    ]


def test_ignored_columns_listed_for_every_kind(crm_file: Path, write_csv, capsys) -> None:
    source = write_csv("k.csv", "Firma;Ansprechpartner;E-Mail;\nNeu AG;Frau Kurz;k@example.org;x\n")
    plan = _plan(crm_file, source)
    assert plan.ignored_columns == ["Ansprechpartner", "E-Mail", "D"]
    main(["import", str(crm_file), str(source), "--kind", "customers", "--dry-run"])
    out = capsys.readouterr().out
    assert "ignored columns: Ansprechpartner, E-Mail, D (import one with --map FIELD=COLUMN)" in out
    sales = write_csv("s.csv", "Firma;Artikel;Lager\nNeu AG;Pumpe;Nord\n")
    assert _plan(crm_file, sales, "sales").ignored_columns == ["Lager"]


def test_sales_with_product_group_only(crm_file: Path, write_csv, capsys) -> None:
    source = write_csv(
        "s.csv",
        "Kundennummer;Warengruppe;Umsatz;Menge\n2001;Pumpen;100;2\n2001;Ventile;50;0\n"
        "3001;Pumpen;70;1\n",
    )
    plan = _plan(crm_file, source, "sales")
    assert plan.products_from_groups
    assert [p.after.name for p in plan.products] == ["Pumpen"]
    assert [g.name for g in plan.groups] == ["Pumpen"]
    assert [p.key for p in plan.problems] == ["p_zero_quantity"]
    assert len(plan.cells) == 2
    main(["import", str(crm_file), str(source), "--kind", "sales"])
    out = capsys.readouterr().out
    assert "no product column; each product group in 'Warengruppe' becomes a product" in out
    with Repository.open(crm_file, read_only=True) as repo:
        m = repo.load_matrix()
    assert [p.name for p in m.products] == ["Pumpen"]


def test_unknown_customer_number_says_so(crm_file: Path, write_csv) -> None:
    source = write_csv("s.csv", "Kundennummer;Artikel\n10154;Pumpe\n")
    plan = _plan(crm_file, source, "sales")
    (p,) = plan.problems
    assert p.message == (
        "customer number 10154 is not in the matrix; import customers first or add a column "
        "with the customer name"
    )


def test_formula_guard_is_applied_the_same_way_on_import(tmp_path: Path, write_csv) -> None:
    """Item 12: a bare formula is refused, text the export's guard quoted loses exactly one
    quote, "+", "-", "@" stay plain text, and our own round trip restores all of them."""
    path = tmp_path / "f.kpm"
    Repository.create(path).close()
    source = write_csv(
        "k.csv",
        "Firma;Ort\n"
        "'=Spaß GmbH;'@Köln\n"
        '=HYPERLINK("http://x");Bonn\n'
        "+Plus AG;-Süd\n"
        "@home GmbH;''zitiert\n",
    )
    plan = _plan(path, source)
    names = [(c.after.name, c.after.city) for c in plan.customers]
    assert names == [
        ("=Spaß GmbH", "@Köln"),
        ("+Plus AG", "-Süd"),
        ("@home GmbH", "'zitiert"),
    ]
    assert [p.key for p in plan.problems] == ["p_formula"]
    assert main(["import", str(path), str(source), "--kind", "customers"]) == 0
    out = tmp_path / "e.xlsx"
    assert main(["export", str(path), "--xlsx", str(out)]) == 0
    # The export quotes them again; importing the export gives the same text back.
    again = write_csv("again.csv", "Firma;Ort\n'=Spaß GmbH;'@Köln\n")
    assert _plan(path, again).summary()["new_customers"] == 0


def test_cli_says_create_customers_and_it_works(crm_file: Path, write_csv, capsys) -> None:
    source = write_csv("s.csv", "Kundennummer;Artikel\n10154;Pumpe\n2001;Pumpe\n")
    assert main(["import", str(crm_file), str(source), "--kind", "sales", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert (
        "customer number 10154 is not in the matrix; import customers first or "
        "add a column with the customer name or use --create-customers" in out
    )
    assert (
        main(["import", str(crm_file), str(source), "--kind", "sales", "--create-customers"]) == 0
    )
    with Repository.open(crm_file, read_only=True) as repo:
        created = [c for c in repo.load_customers() if c.number == "10154"]
    assert [c.name for c in created] == ["10154"]
