"""Whether and how a trigger is coded: lexicon matching, modality, and who is on the
receiving end, on sentences written for these tests."""

from dateline.stages.event_patterns import load_index


def test_a_verb_phrase_opening_with_an_adverb_is_triggered_by_its_verb():
    index = load_index()
    assert any(p.code == "1821" for p in index.by_key.get(("verb", "abuse"), []))
    assert ("verb", "sexually") not in index.by_key


def test_alternatives_in_a_noun_head_give_one_pattern_per_word():
    index = load_index()
    for head in ("mission", "effort", "initiative"):
        assert any(p.code == "045" for p in index.by_key.get(("noun", head), []))


def test_sexual_abuse_by_guards_is_an_assault(code):
    events = code("Prison guards sexually abused dozens of female inmates in Nairobi, a rights group said.")
    assert any(e.cameo == "1821" and e.plover_type == "ASSAULT" for e in events)


def test_the_frame_looks_through_a_partitive_object(code):
    events = code("Washington suspended part of its military aid programme for Niger on Tuesday.")
    assert any(e.cameo.startswith("162") and e.plover_type == "SANCTION" for e in events)


def test_capturing_part_of_a_rebel_stronghold_occupies_territory(code):
    events = code("Government troops captured part of a rebel stronghold near the Ugandan border on Sunday.")
    assert any(e.cameo == "192" for e in events)
    assert not any(e.cameo == "173" for e in events)  # not an arrest


def test_mobilizing_reservists_is_a_mobilization_not_an_accusation(code):
    events = code("Poland mobilized army reservists on Tuesday as tension rose along its eastern border.")
    assert any(e.cameo == "154" and e.plover_type == "MOBILIZE" for e in events)
    assert not any(e.plover_type == "ACCUSE" for e in events)


def test_failing_to_reach_agreement_is_a_mutual_rejection(code):
    events = code("Chile and Peru failed to reach agreement on their maritime border on Sunday.")
    rejections = {(e.source.code, e.target.code) for e in events
                  if e.plover_type == "REJECT" and e.source and e.target}
    assert rejections == {("CHL", "PER"), ("PER", "CHL")}
    assert not any(e.plover_type == "AGREE" for e in events)


def test_failing_at_a_material_act_is_that_act_negated(code):
    events = code("Kenyan police failed to arrest the opposition leader on Monday.")
    arrests = [e for e in events if e.cameo.startswith("173")]
    assert arrests and all(e.negated for e in arrests)


def test_a_finite_subordinate_clause_does_not_supply_the_target(code):
    events = code("Former prime minister Juan Ortiz demanded early elections after a Peruvian court "
                  "cleared him of corruption charges.")
    demands = [e for e in events if e.cameo.startswith("10")]
    assert demands and all(e.target is None or e.target.code != "PERJUD" for e in demands)
    assert all(e.target is None or "court" not in e.target.text for e in demands)


def test_a_target_that_is_the_source_itself_is_not_kept(code):
    events = code("The rebel group insisted on its demands that the Sudanese government release "
                  "all political prisoners.")
    demands = [e for e in events if e.plover_type == "REQUEST"]
    assert demands
    assert all(e.target is None or e.target.code != e.source.code for e in demands if e.source)


def test_reopening_a_border_crossing_eases_a_blockade(code):
    events = code("Turkey reopened the Kapikule border crossing to Bulgaria on Friday.")
    assert any(e.cameo == "0872" and e.plover_type == "RETREAT" for e in events)
