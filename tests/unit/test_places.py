"""Places: gazetteer lookups, toponym resolution in context, and event places."""

from __future__ import annotations

import pytest

from dateline.knowledge.gazetteer import fold, haversine_km, load_gazetteer
from dateline.records import Event, EventArg, Span
from dateline.stages.places import event_place

STAGES = "nlp,places"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _places(analysis, text):
    return [p for p in analysis.places if p.text == text]


def test_haversine_matches_known_distance():
    # Tehran to Baghdad is about 690 km
    assert 680 < haversine_km(35.6944, 51.4215, 33.3406, 44.4009) < 700
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0


def test_fold_strips_accents_and_hyphens():
    assert fold("Hewlêr") == "hewler"
    assert fold("Al-Mawsil") == "al mawsil"


def test_alternate_spellings_reach_the_same_city(gaz):
    for name in ("Arbil", "Irbil", "Hewlêr", "Erbil"):
        assert 95446 in {e.geonameid for e in gaz.lookup(name)}, name
    assert 99072 in {e.geonameid for e in gaz.lookup("Al-Mawsil")}
    assert 98463 in {e.geonameid for e in gaz.lookup("Slemani")}


def test_countries_carry_their_feature_point_not_the_capital(gaz):
    iran = gaz.country("IR")
    assert iran is not None and iran.geonameid == 130758
    # the country point lies well away from Tehran
    assert haversine_km(iran.lat, iran.lon, 35.6944, 51.4215) > 300


def test_abbreviations_and_demonyms(gaz):
    wva = gaz.lookup_abbrev("W.Va.")
    assert wva is not None and wva.name == "West Virginia" and wva.feature == "admin1"
    assert gaz.lookup_demonym("Iranian").country == "IR"
    kurdish = gaz.lookup_demonym("Kurdish")
    assert kurdish is not None and kurdish.name == "Kurdistan Region"


def test_seed_article_places(run_text, seed_record):
    a = run_text(seed_record["text"], stages=STAGES)
    text = seed_record["text"]
    for p in a.places:
        assert text[p.start:p.end] == p.text
    by_name = {p.name: p for p in a.places}
    assert by_name["Tehran"].geonameid == 112931
    assert by_name["Mosul"].geonameid == 99072 and by_name["Mosul"].country == "IQ"
    assert by_name["Iraq"].feature == "country" and by_name["Iraq"].country == "IQ"
    assert by_name["Iran"].feature == "country" and by_name["Iran"].country == "IR"
    kurdistan = by_name["Kurdistan Region"]
    assert kurdistan.country == "IQ" and kurdistan.feature == "region"
    # the bare "Kurdistan region" is the Iraqi region here, not Iran's Kurdistan province
    assert {p.name for p in a.places if p.text == "Kurdistan"} == {"Kurdistan Region"}
    vague = [p for p in a.places if p.feature == "vague"]
    assert vague and vague[0].lat is None and vague[0].country == "IQ"


def test_seed_mosul_operation_is_placed_in_mosul(run_text, seed_record):
    a = run_text(seed_record["text"], stages=STAGES)
    text = seed_record["text"]
    t = text.index("launched")
    sent = next(s for s in a.sentences if s.start <= t < s.end)
    ev = Event(trigger=Span(t, t + 8, "launched"), sentence=Span(sent.start, sent.end,
               text[sent.start:sent.end]), cameo="190", goldstein=-10.0, quad_class=4)
    place = event_place(a, ev)
    assert place is not None and place.geonameid == 99072 and place.basis == "governing"


def test_paris_texas_is_not_paris_france(run_text):
    a = run_text("Police in Paris, Texas, arrested two men after a shooting near the county "
                 "courthouse on Friday, the Lamar County sheriff said.", stages=STAGES)
    paris = _places(a, "Paris")
    assert paris and paris[0].country == "US" and paris[0].admin1 == "Texas"
    b = run_text("French President Emmanuel Macron met the German chancellor in Paris on "
                 "Monday to discuss the European Union budget.", stages=STAGES)
    paris = _places(b, "Paris")
    assert paris and paris[0].country == "FR" and paris[0].geonameid == 2988507


def test_georgia_follows_the_article(run_text):
    us = run_text("Voters in Georgia and Florida went to the polls on Tuesday, and officials "
                  "in Atlanta said turnout was high.", stages=STAGES)
    assert _places(us, "Georgia")[0].country == "US"
    caucasus = run_text("Russia and Georgia traded accusations on Sunday after shelling near "
                        "Tbilisi, Georgian officials said.", stages=STAGES)
    assert _places(caucasus, "Georgia")[0].country == "GE"


def test_transliterated_name_resolves(run_text):
    a = run_text("Thousands of displaced families arrived in Arbil on Thursday, the Kurdish "
                 "regional government said.", stages=STAGES)
    arbil = _places(a, "Arbil")
    assert arbil and arbil[0].name == "Erbil" and arbil[0].geonameid == 95446


def test_vague_region_resolves_to_the_country_with_a_note(run_text):
    a = run_text("Fighting intensified in northern Iraq on Wednesday as troops advanced.",
                 stages=STAGES)
    iraq = _places(a, "Iraq")
    assert iraq and iraq[0].feature == "country" and iraq[0].country == "IQ"
    assert iraq[0].note and "vague" in iraq[0].note


def test_dateline_is_a_place_with_its_offsets(run_text):
    text = ("BAGHDAD – The Iraqi parliament approved a new budget on Sunday after weeks of "
            "debate, lawmakers said.")
    a = run_text(text, stages=STAGES)
    dl = [p for p in a.places if (p.note or "").startswith("dateline")]
    assert dl and dl[0].start == 0 and dl[0].end == 7 and dl[0].country == "IQ"
    assert text[dl[0].start:dl[0].end] == "BAGHDAD"


def test_event_place_prefers_the_governing_place_over_actors(run_text):
    text = ("Iran's foreign minister met his Iraqi counterpart in Mosul on Monday to discuss "
            "border security.")
    a = run_text(text, stages=STAGES)
    t = text.index("met")
    src = EventArg(0, 4, "Iran")
    ev = Event(trigger=Span(t, t + 3, "met"), sentence=Span(0, len(text), text), cameo="040",
               goldstein=1.0, quad_class=1, source=src)
    place = event_place(a, ev)
    assert place is not None and place.name == "Mosul" and place.basis == "governing"
    assert (place.start, place.end) == (text.index("Mosul"), text.index("Mosul") + 5)


def test_statement_without_a_place_falls_back_to_the_dateline(run_text):
    text = ("TEHRAN – The foreign ministry spokesman said on Monday that the talks would "
            "continue next week.")
    a = run_text(text, stages=STAGES)
    t = text.index("said")
    sent = next(s for s in a.sentences if s.start <= t < s.end)
    ev = Event(trigger=Span(t, t + 4, "said"), sentence=Span(sent.start, sent.end, ""),
               cameo="010", goldstein=0.0, quad_class=1)
    place = event_place(a, ev)
    assert place is not None and place.basis == "dateline" and place.geonameid == 112931
    attack = Event(trigger=Span(t, t + 4, "said"), sentence=Span(sent.start, sent.end, ""),
                   cameo="190", goldstein=-10.0, quad_class=4)
    assert event_place(a, attack) is None


def test_metonymic_capital_is_kept_as_a_place_with_a_note(run_text):
    a = run_text("Moscow said on Friday it would respond to the new sanctions.", stages=STAGES)
    moscow = _places(a, "Moscow")
    assert moscow and moscow[0].country == "RU"
    assert moscow[0].note and moscow[0].note.startswith("metonymy")


def test_non_places_tagged_gpe_are_dropped(run_text):
    a = run_text("Since the rise of Daesh in Syria, millions have fled their homes.",
                 stages=STAGES)
    assert not _places(a, "Daesh")
    assert _places(a, "Syria")


def _event(text, trigger, cameo, target=None):
    t = text.index(trigger)
    tgt = None
    if target is not None:
        g = text.index(target)
        tgt = EventArg(g, g + len(target), target)
    return Event(trigger=Span(t, t + len(trigger), trigger), sentence=Span(0, len(text), text),
                 cameo=cameo, goldstein=-9.5, quad_class=4, target=tgt)


def test_a_captured_town_is_where_the_capture_happened(run_text):
    text = "Government troops captured Jaffna on Tuesday after weeks of heavy fighting."
    a = run_text(text, stages=STAGES)
    place = event_place(a, _event(text, "captured", "190", target="Jaffna"))
    assert place is not None and place.name == "Jaffna" and place.basis == "governing"


def test_a_place_north_of_a_town_is_placed_at_the_town(run_text):
    text = "A police officer was shot in an ambush north of Karbala on Thursday."
    a = run_text(text, stages=STAGES)
    place = event_place(a, _event(text, "shot", "190"))
    assert place is not None and place.name == "Karbala"


def test_where_a_victim_comes_from_is_not_where_he_was_shot(run_text):
    text = "Assane Kone, a taxi driver from Abidjan, was shot by police at a checkpoint."
    a = run_text(text, stages=STAGES)
    assert any(p.text == "Abidjan" for p in a.places)
    assert event_place(a, _event(text, "shot", "190")) is None


def test_a_town_inside_an_organisation_name_is_the_well_known_namesake(run_text):
    # the US places would pull a bare "Aberdeen" towards one of the small US towns; the
    # fund manager is named after the Scottish city
    text = ("Smith, who studied in England, ran bond portfolios at Aberdeen Asset Management "
            "before joining a pension fund in Chicago. Markets in New York were calm.")
    a = run_text(text, stages=STAGES)
    aberdeen = _places(a, "Aberdeen")
    assert aberdeen and aberdeen[0].country == "GB"


def test_a_state_holding_the_articles_counties_beats_the_country_of_its_name(run_text):
    text = ("Most school systems in Northeast Georgia are reviewing their budgets. The Clarke "
            "County and Oconee County school boards met on Monday, and Barrow County "
            "teachers were told their jobs were safe.")
    a = run_text(text, stages=STAGES)
    georgia = _places(a, "Georgia")
    assert georgia and all(p.country == "US" and p.feature == "admin1" for p in georgia)
    assert not _places(a, "Northeast")  # a direction, not Iceland's Northeast region


def test_the_country_georgia_keeps_its_reading_beside_its_own_towns(run_text):
    text = ("Protesters gathered in Tbilisi, the capital of Georgia, and in Batumi on the "
            "Black Sea coast, demanding new elections.")
    a = run_text(text, stages=STAGES)
    georgia = _places(a, "Georgia")
    assert georgia and georgia[0].country == "GE" and georgia[0].feature == "country"


def test_a_place_entity_the_gazetteer_lacks_is_placed_at_its_container(run_text):
    text = ("Barry Smith owned a shop in Leeds for twenty years, while his wife worked as a "
            "machinist in Earlsheaton.")
    a = run_text(text, stages=STAGES)
    small = _places(a, "Earlsheaton")
    assert small and small[0].feature == "local" and small[0].country == "GB"
    assert "Leeds" in (small[0].note or "")


def test_an_unknown_name_without_a_locative_is_not_made_a_place(run_text):
    a = run_text("Fighters loyal to Daesh seized the town on Monday, the ministry in Baghdad "
                 "said.", stages=STAGES)
    assert [p.text for p in a.places] == ["Baghdad"]


def test_st_is_read_as_saint_when_choosing_between_namesakes(run_text):
    a = run_text("Thousands marched in St. Paul on Saturday, police said.", stages=STAGES)
    st_paul = _places(a, "St. Paul")
    assert st_paul and st_paul[0].country == "US" and st_paul[0].name == "Saint Paul"


def test_a_direction_prefix_before_a_hyphen_is_not_a_town(run_text):
    a = run_text("Police in Mid-Jutland said the storm closed roads near Aarhus.", stages=STAGES)
    assert not _places(a, "Mid")
    assert all(p.country == "DK" for p in a.places)
