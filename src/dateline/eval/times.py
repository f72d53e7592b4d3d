"""Time expressions against TIMEX3-style gold (MEANTIME, GUM).

Span P/R/F1 strict (same start and end) and relaxed (overlap), each matched one-to-one.
Over relaxed matches whose gold has a value: value accuracy. Value F1 counts a relaxed match
with the same TIMEX3 value as a true positive; gold spans without a value (GUM ranges with no
exact TIMEX3 equivalent) and the predictions matched to them count for spans only. The
document-creation-time spans of MEANTIME (``dct: true``) are not scored. MEANTIME annotates
only the title, the creation-time line and the first sentences of each article (one sentence a
line; no gold timex lies beyond line 6), so predictions after its first six lines are not
scored either. A prediction on a creation-time span is not scored: the gold there is left out, so
the prediction can be neither right nor wrong.

GUM marks calendar dates only (``<date when|from|to|notBefore|notAfter>``, no DURATION/SET
typing): a predicted DURATION or SET, or a vague ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``
("now", "recently"), is scored when it overlaps a gold date and otherwise left out, since the
scheme never annotates such expressions and cannot call them false.
"""

from __future__ import annotations

import re
from typing import Any

from dateline.eval.common import (
    PRF,
    Ratio,
    RecordNote,
    SetScore,
    match_greedy,
    overlap,
    prediction_for,
    span_of,
)

# set -> number of leading lines that were annotated (the rest of the text was not)
ANNOTATED_LINES = {"meantime-en": 6}
# sets whose gold marks calendar dates only (see the module doc)
CALENDAR_ONLY = {"gum-news"}
_VAGUE_REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


def annotated_end(record: dict[str, Any]) -> int:
    """Offset where the annotated part of the record's text ends."""
    text = record.get("text", "")
    lines = ANNOTATED_LINES.get(record.get("set", ""))
    if lines is None:
        return len(text)
    end = -1
    for _ in range(lines):
        end = text.find("\n", end + 1)
        if end < 0:
            return len(text)
    return end


def _items(spans: list[dict[str, Any]]) -> list[tuple[tuple[int, int], dict[str, Any]]]:
    return [(s, x) for x in spans if (s := span_of(x))]


def values_equal(gold: str | None, pred: str | None) -> bool:
    """TIMEX3 values equal, whole seconds of zero aside: GUM's clock times carry them
    ("2010-09-04T22:30:00"), TIMEX3 values as FORMAT.md writes them do not ("T22:30")."""
    if gold == pred:
        return True
    if not gold or not pred:
        return False
    return _ZERO_SECONDS.sub(r"\1", gold) == _ZERO_SECONDS.sub(r"\1", pred)


_ZERO_SECONDS = re.compile(r"(T\d\d:\d\d):00(?=Z|$)")


def _calendar_free(pred: dict[str, Any]) -> bool:
    """A prediction a calendar-dates-only scheme cannot annotate: a duration, set or vague ref."""
    return pred.get("type") in ("DURATION", "SET") or pred.get("value") in _VAGUE_REFS


def _scored_predictions(record: dict[str, Any], pred: list[tuple[tuple[int, int], dict[str, Any]]],
                        gold: list[tuple[tuple[int, int], dict[str, Any]]]
                        ) -> list[tuple[tuple[int, int], dict[str, Any]]]:
    """The predictions that count: not on a creation-time span, and in a calendar-only set not
    a duration/set/vague reference unless it overlaps a gold span."""
    dct = [s for s, _ in _items([t for t in record.get("timexes") or [] if t.get("dct")])]
    out = [(s, p) for s, p in pred if not any(overlap(d, s) > 0 for d in dct)]
    if record.get("set") in CALENDAR_ONLY:
        out = [(s, p) for s, p in out
               if not _calendar_free(p) or any(overlap(g, s) > 0 for g, _ in gold)]
    return out


def score_times(records: list[dict[str, Any]], predictions: dict[str, dict[str, Any]]) -> SetScore:
    strict, relaxed, value_f = PRF(), PRF(), PRF()
    value_acc = Ratio()
    notes = []
    for record in records:
        pred_json, error = prediction_for(predictions, record["id"])
        gold = _items([t for t in record.get("timexes") or [] if not t.get("dct")])
        limit = annotated_end(record)
        pred = [(s, p) for s, p in _items(pred_json.get("times") or []) if s[0] < limit]
        pred = _scored_predictions(record, pred, gold)

        exact = match_greedy(gold, pred, lambda g, p: 1.0 if g[0] == p[0] else 0.0)
        strict.add(len(exact), len(pred), len(gold))
        pairs = match_greedy(gold, pred, lambda g, p: overlap(g[0], p[0]))
        relaxed.add(len(pairs), len(pred), len(gold))

        valueless_pred = 0
        same_value = 0
        for gi, pi in pairs:
            gold_value = gold[gi][1].get("value")
            if gold_value is None:
                valueless_pred += 1
                continue
            ok = values_equal(gold_value, pred[pi][1].get("value"))
            value_acc.add(ok)
            same_value += ok
        gold_valued = sum(1 for _, g in gold if g.get("value") is not None)
        value_f.add(same_value, len(pred) - valueless_pred, gold_valued)

        hit_g = {gi for gi, _ in pairs}
        hit_p = {pi for _, pi in pairs}
        wrong_value = [f"{g['text']!r} gold {g.get('value')} got {pred[pi][1].get('value')}"
                       for gi, pi in pairs
                       if (g := gold[gi][1]).get("value") is not None
                       and not values_equal(g["value"], pred[pi][1].get("value"))]
        notes.append(RecordNote(
            id=record["id"], error=error,
            misses=[f"{g['text']!r} {g.get('value')}" for i, (_, g) in enumerate(gold) if i not in hit_g]
            + wrong_value,
            false_positives=[f"{p.get('text')!r} {p.get('value')}"
                             for i, (_, p) in enumerate(pred) if i not in hit_p],
        ))
    metrics: dict[str, float | None] = {**strict.metrics("strict"), **relaxed.metrics("relaxed"),
                                        "value_acc": value_acc.value, **value_f.metrics("value")}
    counts = {"records": len(records), "gold_timexes": relaxed.gold, "predicted": relaxed.pred,
              "gold_with_value": value_f.gold}
    remarks = ["dct spans (gold and predictions) excluded; gold without a value counts for spans only"]
    if any(r.get("set") in CALENDAR_ONLY for r in records):
        remarks.append("calendar-dates-only gold: durations, sets and vague refs scored only where they overlap gold")
    if any(r.get("set") in ANNOTATED_LINES for r in records):
        remarks.append("only predictions in the annotated first lines are scored")
    return SetScore(metrics, counts, notes, ("strict_f1", "relaxed_f1", "value_acc", "value_f1"),
                    remarks)
