"""Country lookups: names, aliases, acronyms, demonyms, capitals and codes."""

from __future__ import annotations

import pytest

from dateline.knowledge.countries import (
    all_countries,
    country_by_code,
    country_of_capital,
    lookup_country,
)


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Iran", "IRN"),
        ("Iran's", "IRN"),
        ("the US", "USA"),
        ("U.S.", "USA"),
        ("the United States of America", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("North Korea", "PRK"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("Islamic Republic of Iran", "IRN"),
        ("Ivory Coast", "CIV"),
        ("the Netherlands", "NLD"),
        ("Burma", "MMR"),
    ],
)
def test_names_and_aliases_resolve_to_the_country(text: str, iso3: str) -> None:
    country = lookup_country(text)
    assert country is not None and country.iso3 == iso3


@pytest.mark.parametrize(
    ("text", "iso3"),
    [("Iranian", "IRN"), ("Iraqi", "IRQ"), ("Iraqis", "IRQ"), ("American", "USA"),
     ("British", "GBR"), ("Frenchmen", "FRA"), ("Saudi", "SAU"), ("Swiss", "CHE"),
     ("Serbian", "SRB"), ("Congolese", "COD"), ("Filipino", "PHL")],
)
def test_demonyms_and_plurals_resolve_to_the_country(text: str, iso3: str) -> None:
    country = lookup_country(text)
    assert country is not None and country.iso3 == iso3


def test_pycountry_style_names_are_corrected_to_common_names() -> None:
    assert country_by_code("IR").name == "Iran"
    assert country_by_code("PRK").name == "North Korea"
    assert country_by_code("KOR").name == "South Korea"
    assert country_by_code("SY").name == "Syria"


def test_pronoun_us_and_lowercase_words_are_not_countries() -> None:
    assert lookup_country("us") is None
    assert lookup_country("american") is None
    assert lookup_country("") is None


def test_kurdish_is_an_ethnic_adjective_not_a_country() -> None:
    assert lookup_country("Kurdish") is None


def test_capitals_are_a_separate_lookup_for_metonymy() -> None:
    assert country_of_capital("Tehran").iso3 == "IRN"
    assert country_of_capital("Baghdad").iso3 == "IRQ"
    assert country_of_capital("Kiev").iso3 == "UKR"
    assert lookup_country("Tehran") is None
    # common words and surnames are refused unless the caller knows it is a place
    assert country_of_capital("Victoria") is None
    assert country_of_capital("Washington") is None
    assert country_of_capital("Washington", strict=False).iso3 == "USA"


def test_codes_include_cameo_non_iso_codes() -> None:
    assert country_by_code("irn").iso2 == "IR"
    assert country_by_code("TMP").iso3 == "TLS"
    assert country_by_code("ROM").iso3 == "ROU"
    assert country_by_code("MTN").iso3 == "MNE"
    assert country_by_code("KSV").name == "Kosovo"
    assert country_by_code("USR").name == "Soviet Union"
    assert country_by_code("IRN").code == "IRN"


def test_actor_country_part_is_iso3_not_cameo() -> None:
    # CAMEO writes Romania ROM and Timor-Leste TMP; actor codes use ISO 3166-1 alpha-3
    assert country_by_code("ROM").code == "ROU"
    assert country_by_code("TMP").code == "TLS"
    assert country_by_code("MTN").code == "MNE"


def test_every_un_member_has_a_demonym_and_capital() -> None:
    sovereign = [c for c in all_countries() if c.sovereign]
    assert len(sovereign) >= 193
    missing = [c.name for c in sovereign if not c.capital]
    assert missing == []
    # Dominica shares "Dominican" with the Dominican Republic; left to it on purpose
    no_demonym = [c.name for c in sovereign if not c.demonyms]
    assert no_demonym == ["Dominica"]
