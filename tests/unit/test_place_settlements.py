"""Settlements the gazetteer lacks, named as such by the text ("the village of X")."""

from __future__ import annotations

from dateline.stages.place_settlements import _name_words

STAGES = "nlp,places"


def _settlements(analysis):
    return [p for p in analysis.places if p.feature == "local" and "settlement" in (p.note or "")]


def test_name_after_the_cue_keeps_particles_and_drops_the_possessive():
    assert _name_words("Mais al-Jabal early") == "Mais al-Jabal"
    assert _name_words("Ciudad del Este was") == "Ciudad del Este"
    assert _name_words("Ngorokwe's main well") == "Ngorokwe"


def test_village_of_unknown_name_is_placed_in_the_country_named_after_it(run_text):
    a = run_text("Gunmen killed four farmers in the remote village of Ngorokwe in northern "
                 "Nigeria on Sunday, police said. Residents of Ngorokwe fled to nearby towns.",
                 stages=STAGES)
    found = _settlements(a)
    assert [p.text for p in found] == ["Ngorokwe", "Ngorokwe"]
    assert {p.country for p in found} == {"NG"}


def test_suburb_after_a_possessive_town_lies_in_that_town(run_text):
    a = run_text("Builders have finished the first towers in Nairobi's new suburb of "
                 "Kilimawe, the developer said on Monday.", stages=STAGES)
    (suburb,) = _settlements(a)
    assert suburb.text == "Kilimawe" and suburb.country == "KE"
    assert "the text places it in Nairobi" in (suburb.note or "")


def test_informal_settlement_names_the_area_around_it(run_text):
    a = run_text("JOHANNESBURG - Hundreds of families lost their shacks when a fire swept "
                 "through an informal settlement in Zandvlakte overnight, officials said.",
                 stages=STAGES)
    (area,) = _settlements(a)
    assert area.text == "Zandvlakte" and area.country == "ZA"


def test_known_towns_dates_and_peoples_are_not_settlements(run_text):
    a = run_text("The town of Kano was quiet on Friday, a day after the neighborhood of "
                 "Saturday's clashes was sealed off and a village of Kurds near the border "
                 "reopened its market.", stages=STAGES)
    assert _settlements(a) == []
    assert any(p.text == "Kano" and p.country == "NG" for p in a.places)


def test_block_of_a_street_in_a_police_report_is_a_street(run_text):
    a = run_text("Officers found the stolen car in the 1200 block of North 13th Terrace in "
                 "Kansas City, Missouri. Nobody was hurt.", stages=STAGES)
    street = [p for p in a.places if p.text == "North 13th Terrace"]
    assert len(street) == 1 and street[0].feature == "local" and street[0].country == "US"


def test_town_of_unknown_name_lies_in_the_district_named_after_it(run_text):
    a = run_text("The blast occurred in the town of Welikanda, in Polonnaruwa district, some "
                 "200km north-east of Colombo.", stages=STAGES)
    (town,) = _settlements(a)
    assert town.text == "Welikanda" and town.country == "LK"
    assert "Polonnaruwa" in (town.note or "")


def test_repeat_of_a_named_town_the_ner_misses_follows_the_first_mention(run_text):
    a = run_text("She grew up in the village of Pipar in Rajasthan. Remittances turned "
                 "once-poor Pipar into a boom town.", stages=STAGES)
    first, second = [p for p in a.places if p.text == "Pipar"]
    assert second.country == first.country == "IN"
    assert (second.lat, second.lon) == (first.lat, first.lon)
