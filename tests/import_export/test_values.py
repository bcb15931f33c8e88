from datetime import UTC, date, datetime

import pytest

from kpm_desktop.import_export.values import (
    ValueProblem,
    cell_text,
    name_key,
    number_key,
    parse_date,
    parse_number,
    parse_timestamp,
)


@pytest.mark.parametrize(
    ("text", "german", "english"),
    [
        ("1.234,56", 1234.56, 1234.56),
        ("1,234.56", 1234.56, 1234.56),
        ("1234,5", 1234.5, 1234.5),
        ("1.234", 1234.0, 1.234),
        ("12,345", 12.345, 12345.0),
        ("1.234.567", 1234567.0, 1234567.0),
        ("-12", -12.0, -12.0),
        ("12-", -12.0, -12.0),
        ("(12,5)", -12.5, -12.5),
        ("1.234,00 €", 1234.0, 1234.0),
        ("EUR 99,90", 99.9, 99.9),
        ("", None, None),
        (" ", None, None),
        (7, 7.0, 7.0),
    ],
)
def test_numbers(text, german, english):
    assert parse_number(text, decimal_comma=True) == german
    assert parse_number(text, decimal_comma=False) == english


@pytest.mark.parametrize("bad", ["abc", "1,2,3,4,5x", "1.23.4", "nan", "inf", True])
def test_not_numbers(bad):
    with pytest.raises(ValueProblem):
        parse_number(bad)


def test_dates_and_timestamps():
    assert parse_date("31.12.2026") == date(2026, 12, 31)
    assert parse_date("31.12.26") == date(2026, 12, 31)
    assert parse_date("2026-12-31 10:00:00") == date(2026, 12, 31)
    assert parse_date(datetime(2026, 1, 2, 3, 4)) == date(2026, 1, 2)
    assert parse_date("") is None
    with pytest.raises(ValueProblem):
        parse_date("32.12.2026")
    assert parse_timestamp("2026-11-27T07:28:00Z") == datetime(2026, 11, 27, 7, 28, tzinfo=UTC)
    assert parse_timestamp("27.11.2026") == datetime(2026, 11, 27, tzinfo=UTC)


def test_name_keys_fold_umlauts_and_legal_forms():
    same = ["Müller GmbH & Co. KG", "MUELLER gmbh", "Müller", "müller, GmbH"]
    assert {name_key(n) for n in same} == {"muller"}
    assert name_key("Bäckerei Groß e.K.") == name_key("Baeckerei Gross")
    assert name_key("AG") == "ag"  # a name that is only a legal form keeps it
    assert name_key("AG Bau Süd GmbH") == "ag bau sud"
    assert number_key("000123") == number_key("123") == number_key("123.0")
    assert cell_text(4711.0) == "4711" and cell_text(None) == ""
