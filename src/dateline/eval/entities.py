"""Named entities: exact span and label P/R/F1, after mapping the predicted (spaCy) labels
onto each gold set's label set.

Label mappings (predicted labels not listed are not scored, e.g. CARDINAL, PERCENT, TIME):

- en-worldwide-newswire-ner: PERSON→Person, ORG→Organization, GPE/LOC→Location, NORP→NORP,
  FAC→Facility, PRODUCT→Product, DATE→Date, MONEY→Money, EVENT/WORK_OF_ART/LAW/LANGUAGE→Misc.
  Inner entities of nested mentions (``nested: true``) are skipped: the prediction is flat.
- gum-news: only proper mentions (``proper: true``) of type person, place or organization are
  gold (GUM marks every mention, pronouns and common nouns included); PERSON→person,
  ORG→organization, GPE/LOC/FAC→place.
- any other set: labels compared as they are.
"""

from __future__ import annotations

from typing import Any

from dateline.eval.common import PRF, RecordNote, SetScore, prediction_for

LABEL_MAPS: dict[str, dict[str, str]] = {
    "en-worldwide-newswire-ner": {
        "PERSON": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location",
        "NORP": "NORP", "FAC": "Facility", "PRODUCT": "Product", "DATE": "Date", "MONEY": "Money",
        "EVENT": "Misc", "WORK_OF_ART": "Misc", "LAW": "Misc", "LANGUAGE": "Misc",
    },
    "gum-news": {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
                 "FAC": "place"},
}
GUM_LABELS = {"person", "place", "organization"}


def gold_entities(record: dict[str, Any]) -> set[tuple[int, int, str]]:
    out = set()
    for e in record.get("entities") or []:
        if e.get("nested"):
            continue
        if record.get("set") == "gum-news" and not (e.get("proper") and e.get("label") in GUM_LABELS):
            continue
        out.add((e["start"], e["end"], e["label"]))
    return out


def predicted_entities(pred: dict[str, Any], set_name: str) -> set[tuple[int, int, str]]:
    mapping = LABEL_MAPS.get(set_name)
    out = set()
    for e in pred.get("entities") or []:
        label = e.get("label")
        if mapping is not None:
            label = mapping.get(label)
        if label and isinstance(e.get("start"), int) and isinstance(e.get("end"), int):
            out.add((e["start"], e["end"], label))
    return out


def score_entities(records: list[dict[str, Any]], predictions: dict[str, dict[str, Any]]) -> SetScore:
    total = PRF()
    by_label: dict[str, PRF] = {}
    notes = []
    for record in records:
        text = record.get("text", "")
        pred_json, error = prediction_for(predictions, record["id"])
        gold = gold_entities(record)
        pred = predicted_entities(pred_json, record.get("set", ""))
        hits = gold & pred
        total.add(len(hits), len(pred), len(gold))
        for label in {x[2] for x in gold | pred}:
            by_label.setdefault(label, PRF()).add(
                sum(1 for x in hits if x[2] == label), sum(1 for x in pred if x[2] == label),
                sum(1 for x in gold if x[2] == label))
        notes.append(RecordNote(
            id=record["id"], error=error,
            misses=[f"{text[s:e]} {lab}" for s, e, lab in sorted(gold - pred)],
            false_positives=[f"{text[s:e]} {lab}" for s, e, lab in sorted(pred - gold)],
        ))
    metrics: dict[str, float | None] = {**total.metrics("ent")}
    for label in sorted(by_label):
        metrics[f"{label}_f1"] = by_label[label].f1
    counts = {"records": len(records), "gold_entities": total.gold, "predicted": total.pred}
    remarks = ["exact span + label after the documented label mapping (eval/entities.py)"]
    return SetScore(metrics, counts, notes, ("ent_f1",), remarks)
