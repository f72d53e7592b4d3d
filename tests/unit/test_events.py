"""The events stage on sentences written for these tests, and on the seed article."""

import pytest

STAGES = "nlp,actors,quotes,events"


def triples(events):
    return {(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
            for e in events}


def roots(events):
    return {e.cameo[:2] for e in events}


def test_meeting_with_prepositional_target_is_a_consultation_both_ways(code):
    events = code("French President Emmanuel Macron met with German Chancellor Angela Merkel in Berlin on Monday.")
    consult = [e for e in events if e.cameo.startswith("04")]
    assert consult and all(e.plover_type == "CONSULT" for e in consult)
    pairs = {(e.source.text, e.target.text) for e in consult if e.source and e.target}
    assert any("Macron" in s and "Merkel" in t for s, t in pairs)
    assert any("Merkel" in s and "Macron" in t for s, t in pairs)


def test_coordinated_subjects_meet_each_other(code):
    events = code("Egypt and Jordan held talks in Cairo on Sunday on border security.")
    talks = [e for e in events if e.cameo.startswith("04")]
    assert {(e.source.text, e.target.text) for e in talks} >= {("Egypt", "Jordan"), ("Jordan", "Egypt")}
    assert all("talks" in e.trigger.text for e in talks)


def test_talks_between_two_parties(code):
    events = code("Talks between Armenia and Azerbaijan resumed in Moscow on Friday.")
    parties = {(e.source.text, e.target.text) for e in events if e.source and e.target}
    assert ("Armenia", "Azerbaijan") in parties


def test_passive_agent_is_the_source(code):
    events = code("Two Afghan soldiers were killed by Taliban fighters in Helmand province on Tuesday.")
    kill = [e for e in events if e.cameo == "1823"]
    assert kill, events
    assert "Taliban" in kill[0].source.text and "soldiers" in kill[0].target.text
    assert kill[0].plover_type == "ASSAULT"


def test_sanctions_with_prepositional_target(code):
    events = code("The European Union imposed new sanctions on Russia over the annexation of Crimea.")
    sanction = [e for e in events if e.cameo == "163"]
    assert sanction and {e.target.text for e in sanction} == {"Russia"}
    assert "imposed" in sanction[0].trigger.text and sanction[0].quad_class == 4


def test_nominal_trigger_with_adjectival_source(code):
    events = code("An Israeli airstrike hit a Hamas training camp in Gaza overnight.")
    strike = [e for e in events if e.cameo.startswith("195")]
    assert strike and strike[0].source is not None and strike[0].source.code.startswith("ISR")


def test_plain_negation_keeps_the_code_and_marks_it(code):
    events = code("Iran did not meet with Saudi Arabia at the summit in Baghdad.")
    meet = [e for e in events if e.cameo.startswith("04")]
    assert meet and all(e.negated for e in meet)


def test_refusal_recodes_to_the_reject_family(code):
    events = code("North Korea refused to hold talks with South Korea on Wednesday.")
    assert "125" in {e.cameo for e in events}
    assert all(not e.cameo.startswith("04") for e in events)


def test_negated_future_is_a_refusal(code):
    events = code("Turkey will not release the detained journalists, the Turkish interior minister said.")
    assert any(e.cameo.startswith("124") for e in events)


def test_plan_to_cooperate_is_intent_with_intended_modality(code):
    events = code("Pakistan plans to expand trade with China next year, the Pakistani commerce minister said.")
    intent = [e for e in events if e.cameo.startswith("031")]
    assert intent and intent[0].modality == "intended" and intent[0].plover_type == "AGREE"


def test_future_attack_is_a_threat(code):
    events = code("The Houthi movement will attack Saudi oil facilities, a Houthi spokesman said.")
    assert any(e.cameo.startswith("13") and e.modality == "intended" for e in events)


def test_appeal_with_embedded_act_is_coded_as_the_specific_appeal(code):
    events = code("The United Nations urged Israel to lift the blockade of Gaza.")
    appeal = [e for e in events if e.cameo.startswith("02")]
    assert appeal and appeal[0].cameo == "0254" or appeal[0].cameo.startswith("025")
    assert appeal[0].target.text == "Israel"
    assert not any(e.cameo.startswith("08") for e in events)  # the lifting did not happen


def test_hypothetical_commentary_is_not_coded(code):
    events = code("An attack on Iran would destabilise the entire region, analysts said.")
    assert not any(e.cameo.startswith(("18", "19")) for e in events)


def test_reported_speech_gives_the_speaker_as_source(code):
    text = ("“We will retaliate against any aggression,” Iranian Defence Minister "
            "Amir Hatami said on Sunday.")
    events = code(text)
    threat = [e for e in events if e.cameo.startswith("13")]
    assert threat and threat[0].source is not None and "Hatami" in threat[0].source.text


def test_quote_without_a_specific_event_becomes_a_statement(code):
    events = code("“The economy is recovering faster than expected,” Indian Finance Minister "
                  "Nirmala Sitharaman said on Friday.")
    statement = [e for e in events if e.cameo == "010"]
    assert statement and statement[0].quote == 0 and statement[0].rule == "quote-statement"
    assert statement[0].plover_type is None


def test_events_record_pattern_confidence_and_leave_date_place_to_event_context(code):
    events = code("Russia condemned the United States for its airstrikes in Syria.")
    assert events
    for e in events:
        assert e.rule and 0.0 < e.confidence <= 1.0
        assert e.date is None and e.place is None
        assert e.goldstein is not None and e.quad_class in (1, 2, 3, 4)


# -- the seed article ------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_events(run_text, seed_record):
    return run_text(seed_record["text"], date="2016-11-15", stages=STAGES).events


def _find(events, root_prefixes, trigger_word):
    return [e for e in events if e.cameo.startswith(root_prefixes) and trigger_word in e.trigger.text]


def test_seed_meetings_and_negotiations_are_consultations(seed_events):
    assert _find(seed_events, "04", "meeting")  # 1 Zarif - Bakhtiar
    assert _find(seed_events, "04", "exchanged")  # 2 the two sides
    assert _find(seed_events, "046", "negotiating")  # 3
    met = _find(seed_events, "04", "met")  # 4 Shamkhani - Sinjari, 6 Bakhtiar - Rahmani Fazli
    assert {e.source.text for e in met if e.source} >= {"Ali Shamkhani", "Bakhtiar"}


def test_seed_threat_is_future_without_target(seed_events):
    threat = _find(seed_events, "13", "counter")  # 5
    assert threat and threat[0].modality == "intended" and threat[0].target is None
    assert threat[0].plover_type == "THREATEN"


def test_seed_operation_is_an_assault_backed_by_the_peshmerga(seed_events):
    op = _find(seed_events, "19", "launched")  # 7
    assert op and op[0].source.code == "IRQMIL" and op[0].plover_type == "ASSAULT"
    backed = _find(seed_events, "06", "backed")
    assert backed and "Peshmerga" in backed[0].source.text


def test_seed_appeal_intent_praise(seed_events):
    assert _find(seed_events, "02", "called for")  # 8
    plan = _find(seed_events, "0311", "plan")  # 9
    assert plan and plan[0].modality == "intended" and plan[0].plover_context == "economic"
    assert _find(seed_events, "051", "lauded")  # 10
    assert _find(seed_events, ("02", "03"), "underscored")  # 11


def test_seed_non_events_are_not_coded(seed_events):
    triggers = " ".join(e.trigger.text for e in seed_events)
    assert "plagued" not in triggers and "liberation" not in triggers.lower()
    assert "impact" not in triggers


def test_said_that_another_must_act_is_a_demand_of_them(code):
    events = code("Norway said on Monday that Chile must release the detained fishermen.")
    assert ("NOR", "CHL", "100") in triples(events)
    assert all(e.source.code == "NOR" for e in events if e.source)  # "release" is what is demanded


def test_demanded_that_clause_subject_is_the_target(code):
    events = code("Kenya demanded on Friday that Tanzania reopen the border crossing.")
    assert any(s == "KEN" and t == "TZA" and c.startswith("10") for s, t, c in triples(events))


def test_rejecting_a_countrys_request_targets_the_requester(code):
    events = code("Peru has rejected a Bolivian request to reopen talks on the disputed river.")
    rejects = [e for e in events if e.plover_type == "REJECT"]
    assert rejects and all(e.source.code == "PER" and e.target and e.target.code == "BOL"
                           for e in rejects)


def test_coordinated_subjects_of_a_governed_noun_act_on_each_other(code):
    events = code("Chile and Peru have agreed to hold joint naval exercises next month.")
    pairs = {(s, t) for s, t, _ in triples(events)}
    assert {("CHL", "PER"), ("PER", "CHL")} <= pairs


def test_reporting_verb_adds_no_statement_when_its_clause_has_an_event(code):
    events = code("Chile signed a fisheries agreement with Peru on Friday, a senior official said.")
    assert not [e for e in events if e.cameo.startswith(("01", "02")) and "said" in e.trigger.text]
    assert any(s == "CHL" and t == "PER" for s, t, _ in triples(events))


def test_target_read_by_position_inside_the_trigger_phrase(code):
    events = code("Ecuador has complained about the fishing dispute with Peru.")
    assert any(e.target is not None and e.target.code == "PER" for e in events)


def test_reporting_speaker_is_not_the_source_of_a_material_act(code):
    events = code("Heavy fighting broke out near the border overnight, Thai military sources said.")
    assert not [e for e in events if e.cameo.startswith(("18", "19", "20"))
                and e.source is not None and e.source.code and e.source.code.startswith("THA")]


def test_action_noun_of_phrase_names_the_target(code):
    events = code("NATO said it would tighten the naval blockade of Libya next week.")
    assert any(e.target is not None and e.target.code == "LBY" for e in events)


def test_background_nouns_are_not_events(code):
    events = code("Chile and Peru agreed to a truce after three days of heavy fighting near the border.")
    assert not [e for e in events if e.cameo.startswith(("18", "19"))]
    events = code("Kenya said the war crimes tribunal would open in March.")
    assert not [e for e in events if "war" in e.trigger.text]
