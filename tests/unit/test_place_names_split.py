"""Place names the NER splits, leaves out or qualifies: a big city's name in two entities,
"north west London", and the place before "-led", "-backed"."""

from __future__ import annotations

from dateline.knowledge.gazetteer import load_gazetteer
from dateline.stages.place_common import scan_hyphen_compounds

STAGES = "nlp,places"


def _names(analysis):
    return {p.text: p.country for p in analysis.places}


def test_place_before_led_or_backed_is_found():
    gaz = load_gazetteer()
    text = ("Troops of the U.S.-led coalition fought Iran-backed militias near the border, "
            "a Kent-based charity said.")
    found = {c.text: c.query.fixed for c in scan_hyphen_compounds(text, gaz)}
    assert set(found) == {"U.S.", "Iran", "Kent"}
    assert found["U.S."] is not None and found["U.S."].country == "US"
    # a hyphenated word without a participle is not taken
    assert scan_hyphen_compounds("a Paris-Berlin flight and a well-known Texas-style grill",
                                 gaz) == []


def test_us_led_coalition_is_a_place_mention(run_text):
    a = run_text("Aircraft from the U.S.-led coalition struck targets on Monday.", stages=STAGES)
    assert _names(a).get("U.S.") == "US", _names(a)


def test_two_word_compass_before_a_city_leaves_the_city(run_text):
    a = run_text("Jones, of Brent, north west London, denies two counts of assault.",
                 stages=STAGES)
    assert _names(a).get("London") == "GB", _names(a)


def test_big_city_split_into_two_entities_is_joined(run_text):
    a = run_text("Many are living in Boa Vista, the state capital of Roraima.", stages=STAGES)
    assert _names(a).get("Boa Vista") == "BR", _names(a)


def test_later_mention_of_a_town_the_ner_missed_is_the_same_place(run_text):
    # the NER tags the last "Kobani" PERSON
    a = run_text("Fighting continued near Kobani. Kobani's defenders said Kobani would not "
                 "fall.", stages=STAGES)
    kobani = [p for p in a.places if p.text == "Kobani"]
    assert len(kobani) == 3 and {p.country for p in kobani} == {"SY"}, \
        [(p.text, p.note) for p in a.places]


def test_town_name_used_as_a_surname_is_not_repeated(run_text):
    a = run_text("Flooding hit Bryant, Arkansas, on Tuesday. Coach Mike Bryant said the "
                 "stadium was closed, and Bryant added that games would move.", stages=STAGES)
    assert [p.start for p in a.places if p.text == "Bryant"] == [a.article.text.index("Bryant")]
