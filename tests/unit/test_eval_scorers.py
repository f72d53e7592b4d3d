"""The scorers on small hand-built cases: perfect predictions score 1.0, empty ones 0 recall,
matching is one-to-one, and offsets are really checked. No spaCy needed."""

from __future__ import annotations

import pytest

from dateline.eval.common import RecordNote, match_greedy, match_max, worst
from dateline.eval.entities import score_entities
from dateline.eval.event_location import score_event_location
from dateline.eval.events import score_events
from dateline.eval.places import gold_country, haversine_km, score_places
from dateline.eval.quotes import score_quotes
from dateline.eval.times import score_times


def span(text: str, part: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"start": start, "end": start + len(part), "text": part}


# --- events ------------------------------------------------------------------------------
CAMEO_TEXT = "Iran's foreign minister met his Iraqi counterpart in Baghdad on Sunday."


def cameo_record(events, rid="t:1", no_event=False):
    return {"id": rid, "set": "t", "text": CAMEO_TEXT, "no_event": no_event,
            "events": [{"source": s, "target": t, "cameo": c, "plover": None} for s, t, c in events]}


def pred_events(events, rid="t:1"):
    return {"id": rid, "events": [
        {"source": {"code": s} if s else None, "target": {"code": t} if t else None,
         "cameo": c, "plover": {"type": p}} for s, t, c, p in events]}


def test_events_perfect_prediction_scores_one_at_every_level():
    gold = [cameo_record([("IRNGOV", "IRQGOV", "043")])]
    preds = {"t:1": pred_events([("IRNGOV", "IRQGOV", "043", "CONSULT")])}
    m = score_events(gold, preds).metrics
    assert m["type_country_f1"] == m["type_actor_f1"] == m["code_country_f1"] == 1.0
    assert m["pass_rate"] == 1.0


def test_events_empty_prediction_has_zero_recall():
    gold = [cameo_record([("IRNGOV", "IRQGOV", "043")])]
    m = score_events(gold, {"t:1": {"id": "t:1", "events": []}}).metrics
    assert m["type_country_r"] == 0.0 and m["pass_rate"] == 0.0


def test_events_gold_event_is_matched_at_most_once():
    gold = [cameo_record([("IRNGOV", "IRQGOV", "043")])]
    twice = ("IRNGOV", "IRQGOV", "043", "CONSULT")
    m = score_events(gold, {"t:1": pred_events([twice, twice])}).metrics
    assert m["type_country_r"] == 1.0
    assert m["type_country_p"] == 0.5


def test_events_country_level_forgives_the_sector_but_actor_level_does_not():
    gold = [cameo_record([("IRNGOV", "IRQGOV", "042")])]
    m = score_events(gold, {"t:1": pred_events([("IRN", "IRQGOV", "043", "CONSULT")])}).metrics
    assert m["type_country_f1"] == 1.0  # same root 04, same countries
    assert m["type_actor_f1"] == 0.0
    assert m["code_country_f1"] == 0.0  # 042 != 043


def test_events_null_gold_target_matches_only_a_null_prediction():
    gold = [cameo_record([("IRNGOV", None, "043")])]
    with_target = score_events(gold, {"t:1": pred_events([("IRNGOV", "IRQ", "043", None)])})
    without = score_events(gold, {"t:1": pred_events([("IRNGOV", None, "043", None)])})
    assert with_target.metrics["type_country_f1"] == 0.0
    assert without.metrics["type_country_f1"] == 1.0


def test_events_no_event_record_counts_every_prediction_as_false_positive():
    gold = [cameo_record([("IRNGOV", "IRQGOV", "043")], "t:1"), cameo_record([], "t:2", no_event=True)]
    preds = {"t:1": pred_events([("IRNGOV", "IRQGOV", "043", None)]),
             "t:2": pred_events([("IRN", "IRQ", "010", None)], "t:2")}
    score = score_events(gold, preds)
    assert score.metrics["type_country_p"] == 0.5
    assert score.metrics["pass_rate"] == 0.5
    assert score.notes[1].false_positives == ["IRN -> IRQ 010"]


def test_events_codes_outside_cameo_roots_skip_code_level_but_count_for_pass_rate():
    gold = [cameo_record([("IRNGOV", "IRQGOV", "903")])]
    score = score_events(gold, {"t:1": pred_events([("IRNGOV", "IRQGOV", "903", None)])})
    assert score.metrics["pass_rate"] == 1.0
    assert score.counts["code_level_gold_events"] == 0  # left out at that level


def test_plover_events_of_one_sentence_are_merged_for_precision():
    text = "Jordan and Britain agreed on Tuesday to expand military training after talks in Amman."
    records = [
        {"id": "g:1", "text": text, "same_text_ids": ["g:2"], "no_event": False,
         "events": [{"source": "JORGOV", "target": "GBRGOV", "cameo": None, "plover": "AGREE"}]},
        {"id": "g:2", "text": text, "same_text_ids": ["g:1"], "no_event": False,
         "events": [{"source": "JORGOV", "target": "GBRGOV", "cameo": None, "plover": "CONSULT"}]},
    ]
    both = [("JORGOV", "GBRGOV", None, "AGREE"), ("JORGOV", "GBRGOV", None, "CONSULT")]
    preds = {"g:1": pred_events(both, "g:1"), "g:2": pred_events(both, "g:2")}
    score = score_events(records, preds)
    assert score.counts["units"] == 1
    assert score.metrics["type_country_p"] == 1.0 and score.metrics["type_country_r"] == 1.0
    assert "pass_rate" not in score.metrics  # PLOVER gold has no PETRARCH pass rate



def test_plover_gold_does_not_score_statements_that_plover_drops():
    text = "Jordan agreed on Tuesday to expand military training with Britain, its king said."
    record = {"id": "g:1", "text": text, "no_event": False,
              "events": [{"source": "JOR", "target": "GBR", "cameo": None, "plover": "AGREE"}]}
    statement = ("JORGOV", None, "010", None)  # CAMEO 01: no PLOVER type
    preds = {"g:1": pred_events([("JOR", "GBR", None, "AGREE"), statement], "g:1")}
    m = score_events([record], preds).metrics
    assert m["type_country_p"] == 1.0 and m["type_country_r"] == 1.0

# --- quotes ------------------------------------------------------------------------------
QUOTE_TEXT = ('"We will not accept any new conditions," Foreign Minister Abbas Araghchi told '
              'reporters in Tehran, adding that talks would resume next week.')


def gold_quote(content: str, speaker: str | None, direct: bool) -> dict:
    return {"content": span(QUOTE_TEXT, content), "content_spans": [span(QUOTE_TEXT, content)],
            "speaker": span(QUOTE_TEXT, speaker) if speaker else None,
            "speaker_text": speaker, "direct": direct}


QUOTES_GOLD = [{"id": "q:1", "text": QUOTE_TEXT, "quotes": [
    gold_quote('"We will not accept any new conditions,"', "Foreign Minister Abbas Araghchi", True),
    gold_quote("that talks would resume next week", "Foreign Minister Abbas Araghchi", False),
]}]


def test_quotes_perfect_prediction_scores_one():
    preds = {"q:1": {"id": "q:1", "quotes": [
        {"content": q["content"], "speaker": q["speaker"], "direct": q["direct"]}
        for q in QUOTES_GOLD[0]["quotes"]]}}
    m = score_quotes(QUOTES_GOLD, preds).metrics
    assert m["content_f1"] == m["direct_f1"] == m["speaker_acc"] == 1.0


def test_quotes_empty_prediction_has_zero_recall():
    m = score_quotes(QUOTES_GOLD, {"q:1": {"id": "q:1", "quotes": []}}).metrics
    assert m["content_r"] == 0.0 and m["direct_r"] == 0.0


def test_quote_content_must_overlap_half_of_the_longer_span():
    g = QUOTES_GOLD[0]["quotes"][1]["content"]
    length = g["end"] - g["start"]
    half = {"start": g["start"], "end": g["start"] + length // 2 + 1}
    too_short = {"start": g["start"], "end": g["start"] + length // 3}
    gold = [{"id": "q:1", "text": QUOTE_TEXT, "quotes": [QUOTES_GOLD[0]["quotes"][1]]}]
    assert score_quotes(gold, {"q:1": {"quotes": [{"content": half}]}}).metrics["content_r"] == 1.0
    assert score_quotes(gold, {"q:1": {"quotes": [{"content": too_short}]}}).metrics["content_r"] == 0.0


def test_quotes_two_predictions_on_one_gold_quote_give_one_true_positive():
    g = QUOTES_GOLD[0]["quotes"][1]["content"]
    gold = [{"id": "q:1", "text": QUOTE_TEXT, "quotes": [QUOTES_GOLD[0]["quotes"][1]]}]
    preds = {"q:1": {"quotes": [{"content": g}, {"content": {"start": g["start"] + 1, "end": g["end"]}}]}}
    m = score_quotes(gold, preds).metrics
    assert m["content_r"] == 1.0 and m["content_p"] == 0.5


def test_quote_speaker_is_right_through_the_resolved_actor_name():
    q = QUOTES_GOLD[0]["quotes"][0]
    gold = [{"id": "q:1", "text": QUOTE_TEXT, "quotes": [q]}]
    elsewhere = {"start": 0, "end": 2, "text": '"W'}
    by_actor = {"q:1": {"actors": [{"id": "A1", "name": "Abbas Araghchi"}],
                        "quotes": [{"content": q["content"], "speaker": elsewhere, "speaker_actor": "A1"}]}}
    wrong_actor = {"q:1": {"actors": [{"id": "A1", "name": "Hassan Rouhani"}],
                           "quotes": [{"content": q["content"], "speaker": elsewhere, "speaker_actor": "A1"}]}}
    assert score_quotes(gold, by_actor).metrics["speaker_acc"] == 1.0
    assert score_quotes(gold, wrong_actor).metrics["speaker_acc"] == 0.0


# --- times -------------------------------------------------------------------------------
TIME_TEXT = "BEIRUT, March 3, 2024\nThe ceasefire took effect on Monday and will last three weeks."


def times_gold():
    return [{"id": "x:1", "text": TIME_TEXT, "date": "2024-03-03", "timexes": [
        {**span(TIME_TEXT, "March 3, 2024"), "type": "DATE", "value": "2024-03-03", "dct": True},
        {**span(TIME_TEXT, "on Monday"), "type": "DATE", "value": "2024-02-26"},
        {**span(TIME_TEXT, "three weeks"), "type": "DURATION", "value": "P3W"},
    ]}]


def test_times_perfect_prediction_scores_one_and_dct_is_not_scored():
    preds = {"x:1": {"times": [t for t in times_gold()[0]["timexes"] if not t.get("dct")]}}
    m = score_times(times_gold(), preds).metrics
    assert m["strict_f1"] == m["relaxed_f1"] == m["value_acc"] == m["value_f1"] == 1.0


def test_times_relaxed_match_forgives_boundaries_but_strict_does_not():
    monday = span(TIME_TEXT, "Monday")
    preds = {"x:1": {"times": [{**monday, "type": "DATE", "value": "2024-02-26"}]}}
    m = score_times(times_gold(), preds).metrics
    assert m["strict_r"] == 0.0
    assert m["relaxed_r"] == 0.5 and m["relaxed_p"] == 1.0
    assert m["value_acc"] == 1.0


def test_times_wrong_value_counts_against_value_f1_only():
    monday = span(TIME_TEXT, "on Monday")
    preds = {"x:1": {"times": [{**monday, "type": "DATE", "value": "2024-03-04"}]}}
    m = score_times(times_gold(), preds).metrics
    assert m["strict_p"] == 1.0 and m["value_acc"] == 0.0 and m["value_f1"] == 0.0


def test_times_gold_without_value_counts_for_spans_only():
    gold = times_gold()
    gold[0]["timexes"][2]["value"] = None
    preds = {"x:1": {"times": [{**span(TIME_TEXT, "three weeks"), "value": "P3W"}]}}
    m = score_times(gold, preds).metrics
    assert m["relaxed_p"] == 1.0
    assert m["value_p"] == 0.0 and m["value_r"] == 0.0  # nothing to score a value against


# --- places ------------------------------------------------------------------------------
PLACE_TEXT = "Shelling hit Kharkiv overnight, the city council said, while Kyiv residents waited."


def places_gold():
    return [{"id": "p:1", "text": PLACE_TEXT, "toponyms": [
        {**span(PLACE_TEXT, "Kharkiv"), "lat": 49.98, "lon": 36.25, "type": "Literal", "country": "UA"},
        {**span(PLACE_TEXT, "city"), "lat": None, "lon": None, "type": "Literal_Expression"},
        {**span(PLACE_TEXT, "Kyiv"), "lat": 50.45, "lon": 30.52, "type": "Literal", "country": "UA"},
    ]}]


def test_haversine_gives_the_paris_london_distance():
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=3)


def test_places_perfect_prediction_scores_one_and_expressions_are_not_toponyms():
    preds = {"p:1": {"places": [
        {**span(PLACE_TEXT, "Kharkiv"), "lat": 49.99, "lon": 36.23, "country": "UA", "name": "Kharkiv"},
        {**span(PLACE_TEXT, "Kyiv"), "lat": 50.45, "lon": 30.52, "country": "UA", "name": "Kyiv"},
    ]}}
    score = score_places(places_gold(), preds)
    assert score.counts["gold_toponyms"] == 2
    assert score.metrics["span_f1"] == score.metrics["acc@161km"] == score.metrics["country_acc"] == 1.0


def test_places_missing_or_distant_predictions_count_as_wrong():
    # Kharkiv placed at Kyiv (~410 km off); Kyiv not found at all
    preds = {"p:1": {"places": [
        {**span(PLACE_TEXT, "Kharkiv"), "lat": 50.45, "lon": 30.52, "country": "UA", "name": "Kyiv"}]}}
    score = score_places(places_gold(), preds)
    assert score.metrics["span_r"] == 0.5
    assert score.metrics["acc@161km"] == 0.0
    assert score.metrics["median_km"] == pytest.approx(410, abs=15)
    assert score.metrics["country_acc"] == 0.5


def test_gold_country_comes_from_the_geonames_id_or_the_nearest_city():
    assert gold_country({"geonameid": 2988507, "lat": 48.85, "lon": 2.35}) == "FR"  # Paris
    assert gold_country({"geonameid": None, "lat": 35.69, "lon": 51.42}) == "IR"  # Tehran area
    assert gold_country({"geonameid": None, "lat": -40.0, "lon": -120.0}) is None  # open ocean


# --- entities ----------------------------------------------------------------------------
ENT_TEXT = "Uganda's Supreme Court upheld the ruling on Monday, lawyer Grace Akello said."


def test_entities_map_spacy_labels_and_skip_nested_gold():
    gold = [{"id": "e:1", "set": "en-worldwide-newswire-ner", "text": ENT_TEXT, "entities": [
        {**span(ENT_TEXT, "Uganda"), "label": "Location", "nested": True},
        {**span(ENT_TEXT, "Uganda's Supreme Court"), "label": "Organization"},
        {**span(ENT_TEXT, "Monday"), "label": "Date"},
        {**span(ENT_TEXT, "Grace Akello"), "label": "Person"},
    ]}]
    preds = {"e:1": {"entities": [
        {**span(ENT_TEXT, "Uganda's Supreme Court"), "label": "ORG"},
        {**span(ENT_TEXT, "Monday"), "label": "DATE"},
        {**span(ENT_TEXT, "Grace Akello"), "label": "PERSON"},
        {**span(ENT_TEXT, "Monday"), "label": "TIME"},  # unmapped label: not scored
    ]}}
    assert score_entities(gold, preds).metrics["ent_f1"] == 1.0
    assert score_entities(gold, {"e:1": {"entities": []}}).metrics["ent_r"] == 0.0


def test_entities_offsets_must_be_exact():
    person = span(ENT_TEXT, "Grace Akello")
    gold = [{"id": "e:1", "set": "en-worldwide-newswire-ner", "text": ENT_TEXT,
             "entities": [{**person, "label": "Person"}]}]
    shifted = {**person, "start": person["start"] + 1, "label": "PERSON"}
    m = score_entities(gold, {"e:1": {"entities": [shifted]}}).metrics
    assert m["ent_p"] == 0.0 and m["ent_r"] == 0.0


def test_gum_entities_keep_only_proper_people_places_and_organizations():
    gold = [{"id": "e:1", "set": "gum-news", "text": ENT_TEXT, "entities": [
        {**span(ENT_TEXT, "Uganda"), "label": "place", "proper": True},
        {**span(ENT_TEXT, "the ruling"), "label": "abstract", "proper": False},
        {**span(ENT_TEXT, "lawyer Grace Akello"), "label": "person", "proper": True},
        {**span(ENT_TEXT, "Monday"), "label": "time", "proper": True},
    ]}]
    preds = {"e:1": {"entities": [{**span(ENT_TEXT, "Uganda"), "label": "GPE"},
                                  {**span(ENT_TEXT, "Monday"), "label": "DATE"}]}}
    score = score_entities(gold, preds)
    assert score.counts["gold_entities"] == 2
    assert score.metrics["ent_p"] == 1.0 and score.metrics["ent_r"] == 0.5


# --- event location ----------------------------------------------------------------------
LOC_TEXT = "Two soldiers were killed when a roadside bomb exploded near Kandahar on Friday."


def test_event_location_checks_the_place_of_the_event_on_the_gold_trigger():
    killed = span(LOC_TEXT, "killed")
    gold = [{"id": "l:1", "text": LOC_TEXT, "trigger": killed, "location": span(LOC_TEXT, "Kandahar"),
             "locations": [span(LOC_TEXT, "Kandahar")]},
            {"id": "l:2", "text": LOC_TEXT, "trigger": killed, "location": None, "locations": []}]
    preds = {
        "l:1": {"events": [{"trigger": killed, "place": {"name": "Kandahar", "basis": "sentence"}}]},
        "l:2": {"events": [{"trigger": killed, "place": {"name": "Kabul", "basis": "dateline"}}]},
    }
    m = score_event_location(gold, preds).metrics
    assert m["trigger_found"] == 1.0 and m["accuracy"] == 1.0
    wrong = {"l:1": {"events": [{"trigger": killed, "place": {"name": "Kabul", "basis": "sentence"}}]},
             "l:2": {"events": []}}
    m = score_event_location(gold, wrong).metrics
    assert m["accuracy"] == 0.0 and m["trigger_found"] == 0.5


# --- matching and worst records ----------------------------------------------------------
def test_maximum_matching_finds_the_assignment_greedy_order_would_miss():
    gold = ["a", "b"]
    pred = ["ab", "a"]  # "ab" fits both gold items, "a" only the first
    pairs = match_max(gold, pred, lambda g, p: g in p)
    assert len(pairs) == 2


def test_greedy_matching_uses_each_item_once():
    pairs = match_greedy([(0, 10)], [(0, 10), (0, 9)], lambda g, p: min(g[1], p[1]) - max(g[0], p[0]))
    assert pairs == [(0, 0)]


def test_worst_records_rank_by_misses_and_false_positives():
    notes = [RecordNote("a", misses=["x"]), RecordNote("b", misses=["x", "y"], false_positives=["z"]),
             RecordNote("c")]
    assert [n["id"] for n in worst(notes)] == ["b", "a"]


def test_meantime_predictions_beyond_the_annotated_lines_are_not_scored():
    lines = ["Storm hits coast", "June 2 , 2010", "The storm hit on Tuesday .", "b .", "c .", "d .",
             "Repairs will take months ."]
    text = "\n".join(lines)
    gold = [{"id": "m:1", "set": "meantime-en", "text": text, "timexes": [
        {**span(text, "Tuesday"), "type": "DATE", "value": "2010-06-01"}]}]
    preds = {"m:1": {"times": [{**span(text, "Tuesday"), "value": "2010-06-01"},
                               {**span(text, "months"), "value": "PXM"}]}}
    assert score_times(gold, preds).metrics["strict_p"] == 1.0
    gold[0]["set"] = "other"
    assert score_times(gold, preds).metrics["strict_p"] == 0.5


def test_times_prediction_on_a_dct_span_is_neither_right_nor_wrong():
    # the creation-time gold is left out, so a prediction there cannot be a false positive
    dct = span(TIME_TEXT, "March 3, 2024")
    preds = {"x:1": {"times": [{**dct, "type": "DATE", "value": "2024-03-03"},
                               *[t for t in times_gold()[0]["timexes"] if not t.get("dct")]]}}
    m = score_times(times_gold(), preds).metrics
    assert m["strict_p"] == m["relaxed_p"] == m["value_p"] == 1.0


def test_times_calendar_only_gold_leaves_unmatched_durations_and_vague_refs_unscored():
    text = "Rebels held the town for two weeks and now control the road, officials said on Friday."
    gold = [{"id": "g:1", "set": "gum-news", "text": text, "timexes": [
        {**span(text, "Friday"), "type": "DATE", "value": "2024-03-01"}]}]
    preds = {"g:1": {"times": [
        {**span(text, "two weeks"), "type": "DURATION", "value": "P2W"},
        {**span(text, "now"), "type": "DATE", "value": "PRESENT_REF"},
        {**span(text, "town"), "type": "DATE", "value": "XXXX-XX-XX"},  # a real false positive
        {**span(text, "Friday"), "type": "DATE", "value": "2024-03-01"}]}}
    assert score_times(gold, preds).metrics["relaxed_p"] == 0.5
    gold[0]["set"] = "meantime-en"  # TimeML gold annotates durations: they count there
    assert score_times(gold, preds).metrics["relaxed_p"] == 0.25


def test_times_clock_values_equal_with_or_without_zero_seconds():
    text = "Polls closed at 22:30 on Saturday."
    gold = [{"id": "g:1", "set": "gum-news", "text": text, "timexes": [
        {**span(text, "22:30"), "type": "TIME", "value": "2010-09-04T22:30:00"}]}]
    right = {"g:1": {"times": [{**span(text, "22:30"), "type": "TIME", "value": "2010-09-04T22:30"}]}}
    wrong = {"g:1": {"times": [{**span(text, "22:30"), "type": "TIME", "value": "2010-09-04T22:31"}]}}
    assert score_times(gold, right).metrics["value_acc"] == 1.0
    assert score_times(gold, wrong).metrics["value_acc"] == 0.0
