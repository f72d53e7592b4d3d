"""Event sides filled from the place of the event when the text names no one."""

import pytest

STAGES = "nlp,actors,places,quotes,events"


@pytest.fixture
def events(run_text):
    def run(text):
        return run_text(text, date="2011-05-03", stages=STAGES).events
    return run


def _sides(evs, root):
    return [((e.source.code if e.source else None), (e.target.code if e.target else None))
            for e in evs if e.cameo.startswith(root)]


def test_protest_without_target_addresses_the_country_where_it_happens(events):
    evs = events("Thousands of Kenyan teachers demonstrated in Nairobi on Monday over unpaid wages.")
    sides = _sides(evs, "14")
    assert sides and all(t == "KEN" for _s, t in sides)


def test_bombing_by_unnamed_attackers_comes_from_the_place_of_the_attack(events):
    evs = events("A roadside bomb near the Afghan city of Kandahar killed two British soldiers on Sunday.")
    sides = _sides(evs, "18") + _sides(evs, "19")
    assert any(s and s.startswith("AFG") and t and t.startswith("GBR") for s, t in sides)


def test_named_sides_are_never_replaced_by_places(events):
    evs = events("French police fired tear gas at protesters in Marseille on Tuesday.")
    for e in evs:
        if e.source is not None and e.source.actor is not None:
            assert e.source.code.startswith("FRA")


def test_demand_targets_the_subject_of_the_demanded_clause_not_a_deeper_object(events):
    evs = events("Beijing on Monday demanded that Washington cancel plans to sell fighter jets "
                 "to Taiwan.")
    demands = [e for e in evs if e.cameo.startswith("10")]
    assert demands and all(e.target is not None and e.target.code.startswith("USA")
                           for e in demands)


def test_judicial_charges_are_accusations_and_arrests_coercion(events):
    evs = events("Prosecutors in Kenya indicted former finance minister John Otieno on fraud "
                 "charges on Monday.")
    assert any(e.plover_type == "ACCUSE" for e in evs if e.trigger.text.startswith("indicted"))
    evs = events("Kenyan police arrested 12 opposition activists in Nairobi on Monday.")
    assert any(e.plover_type == "COERCE" for e in evs)


def test_establishing_diplomatic_ties_is_coded(events):
    evs = events("Kenya has established diplomatic ties with Iceland, the foreign ministry said.")
    assert any(e.cameo == "054" for e in evs)


def test_conjoined_verb_after_a_passive_takes_the_passive_subject(events):
    evs = events("Kenya's finance minister was charged by prosecutors with fraud on Monday "
                 "and resigned.")
    resign = [e for e in evs if e.trigger.text.startswith("resign")]
    assert resign and all(e.source is not None and e.source.code.startswith("KEN")
                          and e.target is None for e in resign)


def test_pronoun_subject_of_a_report_is_the_reporting_actor(events):
    evs = events("Norway said on Friday it had expelled three Iranian diplomats for spying.")
    expel = [e for e in evs if e.trigger.text.startswith("expelled")]
    assert expel and expel[0].source is not None and expel[0].source.code == "NOR"


def test_ready_to_act_is_an_intent(events):
    evs = events("Kenya is ready to contribute 1,000 troops to a peacekeeping force in Somalia.")
    assert evs and all(e.cameo.startswith("03") and e.modality == "intended" for e in evs
                       if "contribute" in e.trigger.text)
    assert any("contribute" in e.trigger.text for e in evs)


def test_attacked_place_named_as_target_stands_for_its_country(events):
    evs = events("Kenyan troops fired mortar rounds at positions in Kismayo on Sunday, "
                 "residents said.")
    fired = [e for e in evs if e.cameo.startswith(("18", "19"))]
    assert fired and any(e.target is not None and e.target.code == "SOM" for e in fired)


def test_demand_on_a_nominal_act_targets_the_subject_of_the_demanded_clause(events):
    evs = events("Kenyan opposition leaders demanded that President Uhuru Kenyatta halt the "
                 "demolition of homes in Nairobi.")
    demands = [e for e in evs if e.cameo.startswith("10")]
    assert demands and all(e.target is not None and e.target.code.startswith("KEN")
                           for e in demands)


def test_blowing_up_infrastructure_is_property_destruction_in_that_place(events):
    evs = events("Somali militants blew up a bridge outside Mogadishu on Tuesday.")
    blasts = [e for e in evs if e.cameo == "1712"]
    assert blasts and blasts[0].plover_type == "COERCE"
    assert blasts[0].target is not None and blasts[0].target.code == "SOM"


def test_attack_by_unnamed_assailants_is_placed_where_it_happened(run_text):
    text = "Gunmen opened fire on a police checkpoint in Kirkuk on Sunday, killing two officers."
    an = run_text(text, date="2021-03-08")
    attacks = [e for e in an.events if e.cameo.startswith(("18", "19"))]
    assert attacks, [(e.cameo, e.trigger.text) for e in an.events]
    assert any(e.place is not None and e.place.name == "Kirkuk" for e in attacks)
