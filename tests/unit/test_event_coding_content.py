"""Words that look like events but are not events of their own: the content of another
event, part of a name, or a hypothetical. Sentences written for these tests."""


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


def test_a_capability_is_not_an_act(code):
    events = code("Iran has trained hundreds of hackers capable of launching cyber attacks against Israel.")
    assert not any(e.cameo.startswith(("176", "18", "19")) for e in events)


def test_an_act_someone_is_suspected_of_is_not_asserted(code):
    events = code("Greece offered to extradite two Turkish nationals suspected of bombing a bus in Ankara.")
    assert not any(e.cameo.startswith("18") for e in events)


def test_the_purpose_of_a_meeting_is_not_an_intent_of_its_parties(code):
    events = code("Putin hosted Erdogan in Sochi on Monday for talks aimed at restoring trade ties.")
    assert not any(e.cameo.startswith("03") for e in events)


def test_what_protesters_demand_is_part_of_the_protest(code):
    events = code("Thousands of farmers blocked roads in Punjab on Monday demanding higher crop prices.")
    assert any(e.plover_type == "PROTEST" for e in events)
    assert not any(e.plover_type == "REQUEST" for e in events)


def test_the_parts_of_a_treaty_are_not_events_of_their_own(code):
    events = code("Russia and Mongolia signed a treaty of friendship and cooperation in Moscow on Friday.")
    assert any(e.cameo.startswith("057") for e in events)
    assert not any(e.cameo.startswith("06") for e in events)


def test_the_subject_of_a_condition_clause_is_background(code):
    events = code("The rebels rejected the peace plan and said they would fight on until their demands are met.")
    assert not any(e.trigger.text == "demands" for e in events)


def test_a_participle_describing_a_noun_is_not_an_event(code):
    events = code("In a letter handed over to the United Nations on Monday, Iran said it would "
                  "allow inspectors to return.")
    assert not any(e.cameo.startswith("084") for e in events)


def test_a_violent_participle_describing_victims_is_still_an_event(code):
    events = code("The bodies of six soldiers killed by Taliban fighters in Helmand were flown to Kabul.")
    assert any(e.cameo.startswith("18") for e in events)


def test_protesters_saying_someone_must_resign_do_not_make_a_separate_demand(code):
    events = code("Thousands of students demonstrated in Dhaka against Prime Minister Sheikh Hasina "
                  "on Monday, saying she must resign.")
    assert any(e.plover_type == "PROTEST" for e in events)
    assert not any(e.rule == "say-demand" for e in events)


def test_a_noun_inside_the_object_of_a_light_verb_event_is_content(code):
    events = code("The African Union has completed its investigation into an allegation by Chad "
                  "that Sudan had armed the rebels.")
    assert any(e.cameo.startswith("09") for e in events)
    assert not any(e.trigger.text == "allegation" for e in events)


def test_a_participle_describing_an_actor_is_still_an_event(code):
    events = code("Syrian government troops, backed by Russian warplanes, launched an offensive on Idlib.")
    assert any(e.cameo.startswith("06") for e in events)
