"""Every header spelling of the synonym table names its field, in every kind that has it."""

from __future__ import annotations

import pytest

from kpm_desktop.domain.text import fold
from kpm_desktop.import_export.header_synonyms import HEADER_SYNONYMS
from kpm_desktop.import_export.mapping import FIELDS, field_for_header, suggest_mapping

ORIGINS = {"SAP", "DATEV", "Microsoft Dynamics", "Salesforce", "HubSpot", "hand-made"}
NEEDED = {
    "customer_number",
    "customer_name",
    "owner",
    "segment",
    "region",
    "city",
    "postcode",
    "street",
    "phone",
    "abc_class",
    "annual_revenue",
    "parent_number",
    "product_number",
    "product_name",
    "group",
    "revenue",
    "quantity",
    "date",
}


def _cases() -> list[tuple[str, str, str]]:
    out = []
    for field, _origin, header in HEADER_SYNONYMS:
        for kind, fields in FIELDS.items():
            keys = [f.key for f in fields]
            if kind == "kpm" or field not in keys:
                continue
            # A spelling shared by an earlier field of the same kind ("Name") goes to that one.
            earlier = {f for f, _o, h in HEADER_SYNONYMS if fold(h) == fold(header) and f != field}
            if any(keys.index(e) < keys.index(field) for e in earlier if e in keys):
                continue
            out.append((kind, field, header))
    return out


@pytest.mark.parametrize(("kind", "field", "header"), _cases())
def test_synonym_maps_to_its_field(kind: str, field: str, header: str) -> None:
    assert suggest_mapping(kind, [header]) == {field: 0}
    assert field_for_header(kind, header) == field
    # Also among other columns and with different case/spacing.
    assert suggest_mapping(kind, ["Bemerkung", f"  {header.upper()} "])[field] == 1


def test_table_covers_every_field_and_origin() -> None:
    assert {f for f, _o, _h in HEADER_SYNONYMS} == NEEDED
    assert {o for _f, o, _h in HEADER_SYNONYMS} == ORIGINS
    for field in NEEDED:
        origins = {o for f, o, _h in HEADER_SYNONYMS if f == field}
        assert "hand-made" in origins, field
    assert len({(f, fold(h), o) for f, o, h in HEADER_SYNONYMS}) == len(HEADER_SYNONYMS)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            ["Account Number", "Account Name", "Billing City", "Industry", "Account Owner"],
            {"customer_number": 0, "customer_name": 1, "city": 2, "segment": 3, "owner": 4},
        ),
        (
            ["Debitor", "Name 1", "Ort", "Postleitzahl", "Verkaufsbüro", "Branchenschlüssel"],
            {
                "customer_number": 0,
                "customer_name": 1,
                "city": 2,
                "postcode": 3,
                "region": 4,
                "segment": 5,
            },
        ),
    ],
)
def test_real_customer_exports(headers: list[str], expected: dict[str, int]) -> None:
    assert suggest_mapping("customers", headers) == expected


def test_sap_billing_document_list() -> None:
    headers = ["Fakturadatum", "Auftraggeber", "Material", "Materialkurztext", "Nettowert", "Menge"]
    assert suggest_mapping("sales", headers) == {
        "date": 0,
        "customer_number": 1,
        "product_number": 2,
        "product_name": 3,
        "revenue": 4,
        "quantity": 5,
    }


def test_street_and_phone_headers() -> None:
    """Issue 18: the spellings reps' lists and CRM exports use for street and phone."""
    for header in ("Straße", "Strasse", "Street", "Address line 1", "Anschrift", "Billing Street"):
        assert field_for_header("customers", header) == "street", header
    for header in ("Telefon", "Phone", "Tel.", "Telefonnummer", "Main Phone", "Tel"):
        assert field_for_header("customers", header) == "phone", header
    headers = ["Kundennummer", "Name", "Strasse", "PLZ", "Ort", "Tel."]
    assert suggest_mapping("customers", headers) == {
        "customer_number": 0,
        "customer_name": 1,
        "street": 2,
        "postcode": 3,
        "city": 4,
        "phone": 5,
    }


# Two fields of one kind may share a folded alias only where the header is truly ambiguous.
SHARED_ON_PURPOSE = {("sales", "name")}


def test_no_folded_alias_names_two_fields_of_a_kind() -> None:
    """ "Customer #" folded to "customer", the customer name's alias, so an English export's
    matrix sheet ("Customer", "Cust. no.") mapped the name column to the number and could
    not be imported (found when kpm export began to follow the UI language)."""
    shared = set()
    for kind, fields in FIELDS.items():
        owner: dict[str, str] = {}
        for f in fields:
            for alias in f.aliases:
                if owner.setdefault(alias, f.key) != f.key:
                    shared.add((kind, alias))
    assert shared == SHARED_ON_PURPOSE
    assert suggest_mapping("customers", ["Customer #", "Customer"]) == {
        "customer_number": 0,
        "customer_name": 1,
    }


def test_an_english_export_reads_back_as_a_matrix(demo_file, tmp_path) -> None:
    from kpm_desktop.cli import main
    from tests.helpers.imports import plan_for

    out = tmp_path / "export.xlsx"
    assert main(["export", str(demo_file), "--xlsx", str(out), "--lang", "en"]) == 0
    s = plan_for(demo_file, out, "matrix").summary()
    assert (s["cells"], s["conflicts"], s["new_customers"], s["new_products"]) == (0, 0, 0, 0)
