"""Quotes (attributions) against PolNeAR-style gold.

A predicted quote matches a gold quote when their content overlaps by at least half of the
longer of the two (characters, over the content fragments when the gold is discontinuous);
matching is one-to-one, largest overlaps first. Reported: content P/R/F1 over all quotes and
over direct quotes only (direct gold against direct predictions), and speaker accuracy over
matched quotes whose gold has a speaker: right when the predicted speaker span overlaps a gold
speaker fragment, or the name of the resolved speaker actor contains the last word of the gold
speaker.
"""

from __future__ import annotations

import re
from typing import Any

from dateline.eval.common import (
    PRF,
    Interval,
    Ratio,
    RecordNote,
    SetScore,
    fragments_overlap,
    match_greedy,
    prediction_for,
    span_of,
)

_WORD = re.compile(r"\w+")


def _fragments(quote: dict[str, Any], key: str) -> list[Interval]:
    """The exact fragments of a content/speaker (the covering span when none are listed)."""
    frags = [s for s in (span_of(x) for x in quote.get(f"{key}_spans") or []) if s]
    if not frags:
        whole = span_of(quote.get(key))
        frags = [whole] if whole else []
    return frags


def _length(frags: list[Interval]) -> int:
    return sum(e - s for s, e in frags)


def content_score(gold: list[Interval], pred: list[Interval]) -> float:
    """The overlap when it covers at least half of the longer content, else 0 (no match)."""
    shared = fragments_overlap(gold, pred)
    longer = max(_length(gold), _length(pred))
    return shared if longer and shared * 2 >= longer else 0


def _speaker_right(gold: dict[str, Any], pred: dict[str, Any], actor_names: dict[str, str]) -> bool:
    gold_frags = _fragments(gold, "speaker")
    pred_frags = _fragments(pred, "speaker")
    if gold_frags and pred_frags and fragments_overlap(gold_frags, pred_frags) > 0:
        return True
    speaker_text = gold.get("speaker_text") or (gold.get("speaker") or {}).get("text") or ""
    words = _WORD.findall(speaker_text)
    name = actor_names.get(pred.get("speaker_actor") or "", "")
    return bool(words and name) and words[-1].lower() in {w.lower() for w in _WORD.findall(name)}


def _preview(text: str, frags: list[Interval], limit: int = 160) -> str:
    if not frags:
        return ""
    s = text[frags[0][0]:frags[-1][1]]
    return s if len(s) <= limit else s[:limit] + "…"


def score_quotes(records: list[dict[str, Any]], predictions: dict[str, dict[str, Any]]) -> SetScore:
    content, direct = PRF(), PRF()
    speaker = Ratio()
    notes = []
    for record in records:
        text = record.get("text", "")
        pred_json, error = prediction_for(predictions, record["id"])
        gold_q = record.get("quotes") or []
        pred_q = pred_json.get("quotes") or []
        names = {a.get("id"): a.get("name") or "" for a in pred_json.get("actors") or []}
        gold_f = [_fragments(q, "content") for q in gold_q]
        pred_f = [_fragments(q, "content") for q in pred_q]

        pairs = match_greedy(gold_f, pred_f, content_score)
        content.add(len(pairs), len(pred_q), len(gold_q))
        for gi, pi in pairs:
            if gold_q[gi].get("speaker"):
                speaker.add(_speaker_right(gold_q[gi], pred_q[pi], names))

        gd = [i for i, q in enumerate(gold_q) if q.get("direct")]
        pd = [i for i, q in enumerate(pred_q) if q.get("direct")]
        dpairs = match_greedy([gold_f[i] for i in gd], [pred_f[i] for i in pd], content_score)
        direct.add(len(dpairs), len(pd), len(gd))

        hit_g = {gi for gi, _ in pairs}
        hit_p = {pi for _, pi in pairs}
        notes.append(RecordNote(
            id=record["id"], error=error,
            misses=[_preview(text, f) for i, f in enumerate(gold_f) if i not in hit_g],
            false_positives=[_preview(text, f) for i, f in enumerate(pred_f) if i not in hit_p],
        ))
    metrics: dict[str, float | None] = {**content.metrics("content"), **direct.metrics("direct"),
                                        "speaker_acc": speaker.value}
    counts = {"records": len(records), "gold_quotes": content.gold, "predicted_quotes": content.pred,
              "gold_direct": direct.gold, "speaker_scored": speaker.total}
    remarks = ["match: content overlap >= half of the longer content, one-to-one",
               "speaker accuracy over matched quotes whose gold has a speaker"]
    return SetScore(metrics, counts, notes, ("content_f1", "direct_f1", "speaker_acc"), remarks)


def alt_annotations_as_predictions(alt_records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Another annotator's quotes in the prediction shape, keyed by the polnear record id,
    to measure human agreement with the same scorer (the first extra annotation per article)."""
    out: dict[str, dict[str, Any]] = {}
    for r in alt_records:
        article = r["id"].split(":", 1)[1].rsplit(":", 1)[0]
        out.setdefault(f"polnear:{article}", {"id": f"polnear:{article}", "quotes": r.get("quotes") or []})
    return out
