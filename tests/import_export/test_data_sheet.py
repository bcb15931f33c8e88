from kpm_desktop.import_export import data_sheet as ds


def test_headers_round_trip_in_both_languages():
    for lang in ("de", "en"):
        row = ds.headers(lang)
        assert len(row) == len(ds.DATA_COLUMNS)
        assert ds.column_keys(row) == {k: i for i, k in enumerate(ds.DATA_KEYS)}


def test_header_matching_is_lenient_and_unknown_is_none():
    assert ds.key_for_header("  unser   UMSATZ ") == "our_revenue"
    assert ds.key_for_header("customer_uuid") == "customer_uuid"
    assert ds.key_for_header("Irgendwas") is None
    assert ds.key_for_header(42) is None
    assert set(ds.DATA_KEYS) >= ds.REQUIRED_KEYS
    assert ds.data_sheet_name("de") == "Daten" and ds.data_sheet_name("en_US") == "Data"


def test_headers_are_unique():
    names = [h.casefold() for c in ds.DATA_COLUMNS for h in (c.header_de, c.header_en)]
    assert len(set(names)) == len(names) - sum(
        1 for c in ds.DATA_COLUMNS if c.header_de.casefold() == c.header_en.casefold()
    )
