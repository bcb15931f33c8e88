"""One text fold for search, sorting, header and name matching (issue 13 item 7)."""

from __future__ import annotations

import pytest

from kpm_desktop.domain import filters
from kpm_desktop.domain.entities import Customer
from kpm_desktop.domain.filters import FilterSpec, apply_filters
from kpm_desktop.domain.matrix import Matrix
from kpm_desktop.domain.text import fold
from kpm_desktop.import_export import mapping, matching, values
from kpm_desktop.import_export.matching import Matcher, customer_key


@pytest.mark.parametrize("spelling", ["Müller", "Mueller", "Muller", "MÜLLER", "müller,"])
def test_every_spelling_of_mueller_folds_the_same(spelling: str) -> None:
    assert fold(spelling) == "muller"


def test_fold_handles_sharp_s_accents_and_punctuation() -> None:
    assert fold("Straße") == fold("Strasse") == "strasse"
    assert fold("Café  Müller-Lüdenscheidt & Co.") == "cafe muller ludenscheidt co"
    assert fold("Kd.-Nr.") == "kd nr"
    assert fold("") == ""


def test_there_is_only_one_fold() -> None:
    """Filters and import matching use the same function object, not look-alikes."""
    assert filters.fold is fold
    assert values.fold is fold
    assert mapping.fold is fold
    assert matching.fold is fold


def _matrix(names: list[str]) -> Matrix:
    customers = [Customer(name=n, id=i + 1) for i, n in enumerate(names)]
    return Matrix(customers, [])


@pytest.mark.parametrize("query", ["Müller", "mueller", "muller", "MUELL", "mül"])
def test_search_finds_mueller_in_every_spelling(query: str) -> None:
    m = _matrix(["Müller Maschinenbau GmbH", "Mueller Logistik", "Muller AG", "Köhler KG"])
    result = apply_filters(m, FilterSpec(text=query))
    names = [m.customers[i].name for i in result.rows]
    assert sorted(names) == ["Mueller Logistik", "Muller AG", "Müller Maschinenbau GmbH"]


@pytest.mark.parametrize("imported", ["Mueller GmbH", "Muller GmbH", "MÜLLER gmbh"])
def test_import_matches_mueller_in_every_spelling(imported: str) -> None:
    existing = Customer(name="Müller GmbH", id=7)
    matcher = Matcher([existing], customer_key)
    result = matcher.match(name=imported)
    assert result.entity is existing and result.how == "name"
