"""Famous landmarks and seats of power (``geo_landmarks.tsv``) placed at their own point,
and only where the text names them as places, not as the body they house."""

from __future__ import annotations

from dateline.knowledge.gazetteer import haversine_km
from dateline.stages.place_common import find_landmarks, landmarks

STAGES = "nlp,places"


def _marks(analysis):
    return {p.text: p for p in analysis.places if p.feature == "landmark"}


def test_landmark_names_and_aliases_load_from_the_data_file():
    _, by_name = landmarks()
    assert by_name["Kremlin"].country == "RU" and by_name["Kremlin"].seat
    assert by_name["Elysee Palace"] is by_name["Élysée Palace"]
    assert not by_name["Heathrow"].seat
    # case-sensitive and whole words only: "white house paint" and "Kremlinology" are not it
    assert find_landmarks("a white house painted blue; Kremlinology is a craft") == []


def test_meeting_at_a_seat_of_power_is_placed_there(run_text):
    a = run_text("Leaders of the two countries met at the Kremlin on Tuesday and later walked "
                 "to Red Square, officials said.", stages=STAGES)
    marks = _marks(a)
    assert marks["Kremlin"].country == "RU" and marks["Red Square"].country == "RU"
    assert haversine_km(marks["Kremlin"].lat, marks["Kremlin"].lon, 55.75, 37.62) < 5


def test_seat_of_power_speaking_or_as_modifier_is_not_a_place(run_text):
    a = run_text("The White House declined to comment on Monday. Several White House aides "
                 "said the plan had been dropped, a claim denied by the Pentagon.",
                 stages=STAGES)
    assert _marks(a) == {}


def test_seat_of_power_as_object_of_a_locative_is_a_place(run_text):
    a = run_text("The prime minister returned to Downing Street after the summit, and the "
                 "president flew back to the White House.", stages=STAGES)
    marks = _marks(a)
    assert marks["Downing Street"].country == "GB" and marks["White House"].country == "US"
    assert marks["Downing Street"].geonameid is None


def test_site_as_modifier_stays_a_place(run_text):
    a = run_text("Police detained two men at Heathrow airport after a Broadway show was "
                 "cancelled.", stages=STAGES)
    marks = _marks(a)
    assert marks["Heathrow"].country == "GB" and marks["Broadway"].country == "US"


def test_landmark_replaces_the_town_inside_its_name(run_text):
    a = run_text("The wedding will take place in St George's Chapel at Windsor Castle in May.",
                 stages=STAGES)
    castle = _marks(a)["Windsor Castle"]
    assert castle.country == "GB"
    assert not any(p.text == "Windsor" for p in a.places)


def test_local_feature_lies_in_the_landmark_named_after_it(run_text):
    a = run_text("The wedding will take place in St George's Chapel at Windsor Castle in May.",
                 stages=STAGES)
    chapel = [p for p in a.places if p.feature == "local" and "Chapel" in p.text]
    assert chapel and chapel[0].country == "GB", [(p.text, p.note) for p in a.places]


def test_small_town_name_that_speaks_is_a_person(run_text):
    a = run_text("Scientists tested the samples in July. According to Davis, the team were "
                 "impressed by the results.", stages=STAGES)
    assert not any(p.text == "Davis" for p in a.places), [(p.text, p.country) for p in a.places]


def test_capital_that_speaks_stays_a_place(run_text):
    a = run_text("Tehran said on Sunday it would not accept the proposal.", stages=STAGES)
    assert any(p.text == "Tehran" and p.country == "IR" for p in a.places)
