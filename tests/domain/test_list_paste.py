from __future__ import annotations

from pathlib import Path

from kpm_desktop.domain.list_paste import parse_customers, parse_products
from kpm_desktop.samples.new_file import create_matrix_file
from kpm_desktop.storage.repository import Repository


def test_parse_customers_with_and_without_numbers() -> None:
    text = "100481\tHartmann GmbH\tHamburg\n\nMüller AG\n  \nK-2001;Schulz KG;Köln;Handel;West\nmüller  ag\n"
    parsed = parse_customers(text)
    assert [(c.number, c.name, c.city) for c in parsed.items] == [
        ("100481", "Hartmann GmbH", "Hamburg"),
        ("", "Müller AG", ""),
        ("K-2001", "Schulz KG", "Köln"),
    ]
    assert parsed.items[2].segment == "Handel" and parsed.items[2].region == "West"
    assert parsed.duplicates == ["müller  ag"]


def test_a_name_with_spaces_is_not_a_number() -> None:
    parsed = parse_customers("Werk 2\tNord")
    assert parsed.items[0].number == "" and parsed.items[0].name == "Werk 2"


def test_parse_products_groups_and_numbers() -> None:
    parsed = parse_products(
        "Servomotoren\nAntriebe\tGetriebemotoren\nP-7\tWartung\tService\nservomotoren"
    )
    assert [(p.number, p.name, p.group) for p in parsed.items] == [
        ("", "Servomotoren", ""),
        ("", "Getriebemotoren", "Antriebe"),
        ("P-7", "Wartung", "Service"),
    ]
    assert parsed.duplicates == ["servomotoren"]


def test_create_matrix_file(tmp_path: Path) -> None:
    path = tmp_path / "neu.kpm"
    create_matrix_file(
        path,
        parse_customers("1\tA GmbH\n2\tB AG").items,
        parse_products("G1\tP1\nG1\tP2\nG2\tP3").items,
        title="Gebiet Nord",
    )
    with Repository.open(path) as repo:
        m = repo.load_matrix()
        assert [c.name for c in m.customers] == ["A GmbH", "B AG"]
        assert [p.name for p in m.products] == ["P1", "P2", "P3"]
        assert [g.name for g in repo.load_groups()] == ["G1", "G2"]
        assert m.totals().white == 6
        assert repo.get_setting("title") == "Gebiet Nord"
    assert not (tmp_path / "neu.kpm.partial").exists()
