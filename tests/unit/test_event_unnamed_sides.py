"""Events whose parties are unnamed take their sides from the place the trigger governs."""

import pytest

STAGES = "nlp,actors,places,quotes,events"


@pytest.fixture(scope="module")
def events_of(run_text):
    def _run(text: str):
        return run_text(text, date="2019-03-04", stages=STAGES).events

    return _run


def _by_root(events, root):
    return [e for e in events if e.cameo.startswith(root)]


def _code(arg):
    return arg.code if arg is not None else None


def test_protest_by_unnamed_crowd_is_by_and_against_the_country_of_its_place(events_of):
    events = events_of("Tens of thousands of pensioners marched through Madrid on Sunday "
                       "against cuts to their benefits.")
    protests = _by_root(events, "14")
    assert protests, events
    assert {(_code(e.source), _code(e.target)) for e in protests} == {("ESP", "ESP")}


def test_rally_staged_in_a_city_is_a_protest_in_that_country(events_of):
    events = events_of("Several thousand farmers staged a rally in Warsaw on Tuesday.")
    protests = _by_root(events, "14")
    assert protests and all(_code(e.target) == "POL" for e in protests)


def test_explosion_without_attacker_is_by_unnamed_attackers_of_the_place(events_of):
    events = events_of("A homemade bomb detonated on Friday at a market in Peshawar, "
                       "wounding six shoppers.")
    bombs = [e for e in events if e.trigger.text.startswith("detonated")]
    assert bombs, events
    assert (_code(bombs[0].source), _code(bombs[0].target)) == ("PAKUAF", "PAK")


def test_attack_named_as_subject_is_not_coded_as_its_place_attacking(events_of):
    events = events_of("A car bomb in the northern city of Mosul killed nine people on Monday.")
    kills = [e for e in events if e.trigger.text == "killed"]
    assert kills and _code(kills[0].source) == "IRQUAF"


def test_agentless_arrest_is_made_by_the_authorities_of_the_place(events_of):
    events = events_of("The fugitive was arrested in Lyon on Thursday after a month on the run.")
    arrests = _by_root(events, "17")
    assert arrests and _code(arrests[0].source) == "FRA"


def test_event_without_any_party_or_place_is_still_dropped(events_of):
    events = events_of("Many were killed during those years.")
    assert not _by_root(events, "18")


def test_unnamed_victims_abroad_do_not_get_a_place_through_a_subordinate_clause(events_of):
    # the place belongs to the clause about the reporter, not to the killing
    events = events_of("Dozens were killed, according to officials who spoke in Geneva.")
    assert not any(_code(e.source) == "CHEUAF" for e in events)


def test_sector_only_armed_men_take_the_country_of_the_place_they_act_in(events_of):
    events = events_of("Gunmen opened fire on a minibus in Karachi on Wednesday.")
    fire = _by_root(events, "19") + _by_root(events, "18")
    assert fire and any(_code(e.source) == "PAKUAF" for e in fire)


def test_patrol_is_a_show_of_force_by_the_patrolling_troops(events_of):
    events = events_of("Heavily armed soldiers patrolled the streets of Nairobi on Saturday.")
    patrols = [e for e in events if e.trigger.text == "patrolled"]
    assert patrols and patrols[0].cameo == "150"
    assert _code(patrols[0].source) == "KENMIL"


def test_capturing_a_town_is_occupation_not_an_arrest(events_of):
    events = events_of("Rebel fighters captured Goma on Tuesday after days of heavy fighting.")
    taken = [e for e in events if e.trigger.text.startswith("captured")]
    assert taken and taken[0].cameo == "192"
    assert _code(taken[0].target) == "COD"


def test_capturing_a_person_stays_an_arrest(events_of):
    events = events_of("Colombian troops captured a senior rebel commander near Cali on Monday.")
    taken = [e for e in events if e.trigger.text.startswith("captured")]
    assert taken and all(e.cameo.startswith("17") for e in taken)


def test_burning_down_buildings_is_destruction_of_property(events_of):
    events = events_of("Rioters burned down two warehouses in the port of Durban overnight.")
    assert any(e.cameo == "1712" for e in events)


def test_arrest_of_an_unnamed_person_stands_on_its_coded_source(events_of):
    events = events_of("The Peruvian army captured a man it described as a senior rebel courier.")
    arrests = _by_root(events, "17")
    assert arrests and _code(arrests[0].source) == "PERMIL"


def test_capturing_an_abstraction_is_no_arrest(events_of):
    events = events_of("Chile's finance minister captured the attention of investors on Monday.")
    assert not _by_root(events, "17")


def test_attacker_noun_subject_does_not_restate_the_verbs_attack(events_of):
    events = events_of("Two suicide bombers killed 14 people at a bus station in Kabul on Sunday.")
    assault = [e for e in events if e.plover_type == "ASSAULT"]
    sides = [(e.cameo[:2], _code(e.source), _code(e.target)) for e in assault]
    assert sides and len(sides) == len(set(sides))
    assert any(e.trigger.text.startswith("killed") for e in assault)


def _governed(run_text, text, trigger):
    from dateline.stages.event_places import governed_place

    analysis = run_text(text, date="2019-03-04", stages="nlp,places")
    tok = next(t for t in analysis.doc if t.text == trigger)
    place = governed_place(tok, analysis.places, analysis.doc)
    return place.text if place is not None else None


def test_place_inside_a_purpose_phrase_is_not_where_the_protest_was(run_text):
    assert _governed(run_text, "Hundreds of students demonstrated on Friday for the release of "
                     "journalists detained in Turkey.", "demonstrated") is None


def test_place_in_a_locative_phrase_is_where_the_protest_was(run_text):
    assert _governed(run_text, "Hundreds of students demonstrated on Friday outside the "
                     "parliament in Ankara.", "demonstrated") == "Ankara"


def test_place_in_the_subject_is_not_where_the_act_was(run_text):
    assert _governed(run_text, "Farmers from Poland blocked a motorway on Monday.",
                     "blocked") is None


def test_agentless_attack_on_a_coded_victim_is_by_unnamed_attackers_of_the_place(events_of):
    events = events_of("A French aid worker was killed in Kabul, Afghanistan, on Friday.")
    kills = [e for e in events if e.trigger.text == "killed"]
    assert kills and _code(kills[0].source) == "AFGUAF"
    assert (_code(kills[0].target) or "").startswith("FRA")
