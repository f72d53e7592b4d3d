"""Which of a sentence's places is where its event happened (place_events.event_place)."""

from dateline.records import Event, EventArg, Span
from dateline.stages.place_events import event_place

STAGES = "nlp,actors,places"


def _place_of(run_text, text, trigger, cameo, source=None):
    a = run_text(text, date="2019-03-02", stages=STAGES)
    t = text.index(trigger)
    src = None
    if source is not None:
        s = text.index(source)
        src = EventArg(s, s + len(source), source)
    ev = Event(trigger=Span(t, t + len(trigger), trigger), sentence=Span(0, len(text), text),
               cameo=cameo, goldstein=-1.0, quad_class=3, source=src)
    return event_place(a, ev)


def test_marching_through_a_city_with_a_direction_word_happens_there(run_text):
    text = "Some 2,000 nurses marched through central Nairobi on Friday to demand higher pay."
    place = _place_of(run_text, text, "marched", "141")
    assert place is not None and place.start == text.index("Nairobi")


def test_a_place_inside_the_subject_after_in_the_centre_of_is_the_event_place(run_text):
    text = ("A car parked in the centre of Kandahar exploded on Tuesday as a police convoy "
            "drove past.")
    place = _place_of(run_text, text, "exploded", "183")
    assert place is not None and place.start == text.index("Kandahar")


def test_a_damaged_building_named_for_its_city_places_the_attack_there(run_text):
    text = "The party's Mosul headquarters were destroyed by a car bomb late on Sunday."
    place = _place_of(run_text, text, "destroyed", "1712")
    assert place is not None and place.start == text.index("Mosul")


def test_the_country_behind_an_air_strike_is_not_where_it_struck(run_text):
    text = "Four people were killed in a Turkish air strike on the Iraqi town of Sinjar."
    place = _place_of(run_text, text, "killed", "190")
    assert place is not None and place.start == text.index("Sinjar")


def test_a_country_owning_the_threats_protested_is_not_the_protest_place(run_text):
    text = "Hundreds of students demonstrated on Monday against Egypt's new restrictions."
    place = _place_of(run_text, text, "demonstrated", "141")
    assert place is None or place.country != "EG"
