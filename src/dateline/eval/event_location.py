"""Where an event happened: the place chosen for an event against the event-location gold.

Each gold record names one event trigger and the place where that event happened (or null:
the sentence gives no place for it). The predicted event is the one whose trigger overlaps the
gold trigger. Its place is right when it points at one of the gold locations (overlapping
offsets when the prediction carries them, else a place name equal to, or containing, or
contained in the gold location text, ignoring case); for a null gold location it is right when
the event has no place taken from the sentence (no place, or one inherited from the dateline or
the article). Reported: the share of gold triggers found, accuracy over all records (an event
not found is wrong) and accuracy over the records whose event was found.
"""

from __future__ import annotations

from typing import Any

from dateline.eval.common import Ratio, RecordNote, SetScore, overlap, prediction_for, span_of

NOT_FROM_SENTENCE = {"dateline", "article"}


def _place_matches(place: dict[str, Any], gold: list[dict[str, Any]]) -> bool:
    pspan = span_of(place)
    name = (place.get("name") or place.get("text") or "").strip().lower()
    for loc in gold:
        gspan = span_of(loc)
        if pspan and gspan and overlap(pspan, gspan):
            return True
        gold_text = (loc.get("text") or "").strip().lower()
        if name and gold_text and (name == gold_text or name in gold_text or gold_text in name):
            return True
    return False


def place_right(place: dict[str, Any] | None, gold: list[dict[str, Any]]) -> bool:
    if not gold:
        return place is None or place.get("basis") in NOT_FROM_SENTENCE
    return place is not None and _place_matches(place, gold)


def score_event_location(records: list[dict[str, Any]],
                         predictions: dict[str, dict[str, Any]]) -> SetScore:
    found, acc_all, acc_found = Ratio(), Ratio(), Ratio()
    notes = []
    for record in records:
        pred_json, error = prediction_for(predictions, record["id"])
        trigger = span_of(record.get("trigger"))
        gold = record.get("locations") or ([record["location"]] if record.get("location") else [])
        event = None
        for e in pred_json.get("events") or []:
            t = span_of(e.get("trigger"))
            if trigger and t and overlap(trigger, t):
                event = e
                break
        found.add(event is not None)
        note = RecordNote(id=record["id"], error=error, text=record.get("text", ""))
        want = ", ".join(loc.get("text", "") for loc in gold) or "no place"
        if event is None:
            acc_all.add(False)
            note.misses.append(f"no event on trigger {record['trigger']['text']!r} (gold: {want})")
        else:
            ok = place_right(event.get("place"), gold)
            acc_all.add(ok)
            acc_found.add(ok)
            if not ok:
                got = (event.get("place") or {}).get("name") or "no place"
                note.misses.append(f"{record['trigger']['text']!r}: gold {want}, got {got}")
        notes.append(note)
    metrics: dict[str, float | None] = {"trigger_found": found.value, "accuracy": acc_all.value,
                                        "accuracy_found": acc_found.value}
    counts = {"records": len(records), "with_location": sum(1 for r in records if r.get("location")),
              "events_found": found.hit}
    remarks = ["event = predicted event whose trigger overlaps the gold trigger"]
    return SetScore(metrics, counts, notes, ("trigger_found", "accuracy"), remarks)
