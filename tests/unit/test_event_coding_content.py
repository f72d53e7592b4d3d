"""Words that look like events but are not events of their own: the content of another
event, part of a name, or a hypothetical. Sentences written for these tests."""

import pytest

STAGES = "nlp,actors,quotes,events"


@pytest.fixture(scope="module")
def code(run_text):
    def _run(text: str):
        return run_text(text, date="2016-11-15", stages=STAGES).events

    return _run


def test_an_event_noun_inside_an_accusation_is_its_content(code):
    events = code("Venezuela accused Colombia of acting in bad faith in the negotiations with Brazil.")
    assert any(e.plover_type == "ACCUSE" for e in events)
    assert not any(e.plover_type == "CONSULT" for e in events)


def test_an_attack_in_which_people_were_killed_is_one_assault(code):
    events = code("French jets killed six militants in an attack on a training camp in Mali.")
    assaults = [e for e in events if e.plover_type == "ASSAULT"]
    assert assaults and all("killed" in e.trigger.text for e in assaults)


def test_opposing_a_deployment_is_a_rejection_not_a_mobilization(code):
    events = code("Haitian opposition leaders on Monday opposed the deployment of Kenyan police officers.")
    assert not any(e.plover_type == "MOBILIZE" for e in events)


def test_the_noun_of_a_light_verb_is_still_the_event(code):
    events = code("Egypt and Jordan held talks in Cairo on Sunday on border security.")
    assert any(e.plover_type == "CONSULT" and "talks" in e.trigger.text for e in events)


def test_a_noun_inside_an_organisation_name_is_not_an_event(code):
    events = code("The National Front for the Defence of the Constitution called a strike in Bamako on Monday.")
    assert not any(e.trigger.text == "Defence" for e in events)


def test_a_possible_war_has_not_happened(code):
    events = code("Britain sent 20,000 troops to the Gulf on Tuesday for a possible war against Iraq.")
    assert not any(e.cameo.startswith("19") for e in events)
