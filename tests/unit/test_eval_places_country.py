"""The gold country behind ``country_acc``: continents have none, and the nearest-town rule
looks at small towns, so islands off a neighbour's coast and thinly settled regions get the
right country."""

from __future__ import annotations

from dateline.eval.places import gold_country, score_places

EUROPE_GEONAMEID = 6255148


def test_a_continent_has_no_gold_country_even_when_its_point_lies_in_one():
    # the GeoNames point of Europe lies in Germany; "Europe" must not be scored as DE
    assert gold_country({"geonameid": EUROPE_GEONAMEID, "lat": 48.69, "lon": 9.14}) is None
    assert gold_country({"geonameid": None, "lat": 48.69, "lon": 9.14, "type": "CONT"}) is None
    assert gold_country({"geonameid": None, "lat": 48.69, "lon": 9.14, "type": "PPL"}) == "DE"


def test_an_aegean_island_point_is_greek_not_turkish():
    assert gold_country({"geonameid": None, "lat": 37.72, "lon": 26.82}) == "GR"  # Samos


def test_a_thinly_settled_state_centre_still_gets_its_country():
    assert gold_country({"geonameid": None, "lat": 44.5, "lon": -114.25}) == "US"  # Idaho


def test_country_accuracy_counts_a_miss_as_wrong_but_the_found_figure_does_not():
    text = "Flooding closed roads in Boise and across Idaho on Monday."
    b, i = text.index("Boise"), text.index("Idaho")
    gold = [{"id": "g:1", "text": text, "toponyms": [
        {"start": b, "end": b + 5, "text": "Boise", "lat": 43.61, "lon": -116.2, "type": "PPL"},
        {"start": i, "end": i + 5, "text": "Idaho", "lat": 44.5, "lon": -114.25, "type": "ADM1"},
    ]}]
    preds = {"g:1": {"places": [{"start": b, "end": b + 5, "text": "Boise", "lat": 43.61,
                                 "lon": -116.2, "country": "US", "name": "Boise"}]}}
    m = score_places(gold, preds).metrics
    assert m["country_acc"] == 0.5
    assert m["country_acc_found"] == 1.0
