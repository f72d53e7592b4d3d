"""Event coding: who did what to whom, against PLOVER (plover-gsr) or CAMEO
(petrarch2-unittests) gold.

Per record (per sentence for plover-gsr), predicted and gold events are matched one-to-one,
as many as possible, at three levels:

- ``type+country``: the PLOVER type (or, for CAMEO gold, the CAMEO root = first two digits)
  and the first three characters (the country) of the source and target codes;
- ``type+actor``: the same type and the full source and target codes;
- ``code+country`` (CAMEO gold only): the full CAMEO code and the countries. Records whose gold
  uses codes outside CAMEO's 01-20 roots (PETRARCH pattern-test codes) are left out of this
  level only.

A null gold side matches only a null predicted side (a predicted side without a code counts as
null). A record marked ``no_event`` has no gold events, so every prediction is a false positive.
For CAMEO gold the PETRARCH pass rate is reported too: a record passes when its set of
(source code, target code, CAMEO code) equals the expected set exactly (none for no_event).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dateline.eval.common import PRF, Ratio, RecordNote, SetScore, match_max, prediction_for

CAMEO_ROOTS = {f"{n:02d}" for n in range(1, 21)}


@dataclass(frozen=True)
class Ev:
    """An event reduced to what is scored."""

    source: str | None
    target: str | None
    cameo: str | None
    plover: str | None
    trigger: str = field(default="", compare=False)

    def type_of(self, scheme: str) -> str | None:
        if scheme == "plover":
            return self.plover
        return self.cameo[:2] if self.cameo else None

    def describe(self, scheme: str) -> str:
        code = self.plover if scheme == "plover" else self.cameo
        words = f" «{self.trigger}»" if self.trigger else ""
        return f"{self.source or '-'} -> {self.target or '-'} {code or '?'}{words}"


def _country(code: str | None) -> str | None:
    return code[:3] if code else None


def _arg_code(arg: dict[str, Any] | None) -> str | None:
    return (arg or {}).get("code") or None


def gold_events(record: dict[str, Any]) -> list[Ev]:
    return [Ev(e.get("source"), e.get("target"), e.get("cameo"), e.get("plover"),
               e.get("trigger") or "")
            for e in record.get("events") or []]


def predicted_events(pred: dict[str, Any]) -> list[Ev]:
    out = []
    for e in pred.get("events") or []:
        plover = (e.get("plover") or {}).get("type")
        trigger = (e.get("trigger") or {}).get("text") or ""
        out.append(Ev(_arg_code(e.get("source")), _arg_code(e.get("target")), e.get("cameo"),
                      plover, trigger))
    return out


def _levels(scheme: str) -> dict[str, Callable[[Ev, Ev], bool]]:
    def type_country(g: Ev, p: Ev) -> bool:
        return (g.type_of(scheme) == p.type_of(scheme) and _country(g.source) == _country(p.source)
                and _country(g.target) == _country(p.target))

    def type_actor(g: Ev, p: Ev) -> bool:
        return g.type_of(scheme) == p.type_of(scheme) and g.source == p.source and g.target == p.target

    def code_country(g: Ev, p: Ev) -> bool:
        return (g.cameo == p.cameo and _country(g.source) == _country(p.source)
                and _country(g.target) == _country(p.target))

    levels = {"type_country": type_country, "type_actor": type_actor}
    if scheme == "cameo":
        levels["code_country"] = code_country
    return levels


def _scheme(records: list[dict[str, Any]]) -> str:
    """'cameo' when the gold carries CAMEO codes, else 'plover'."""
    for r in records:
        for e in r.get("events") or []:
            if e.get("cameo"):
                return "cameo"
    return "plover"


def _units(records: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Scoring units: one record, or all records that code the same sentence (same_text_ids),
    whose gold events are merged because each codes only one of the sentence's events."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        key = min([r["id"], *(r.get("same_text_ids") or [])])
        groups.setdefault(key, []).append(r)
    return list(groups.values())


def score_events(records: list[dict[str, Any]], predictions: dict[str, dict[str, Any]]) -> SetScore:
    scheme = _scheme(records)
    levels = _levels(scheme)
    prf = {name: PRF() for name in levels}
    passes = Ratio()
    notes = []
    units = _units(records)
    for unit in units:
        gold: list[Ev] = []
        for r in unit:
            gold.extend(e for e in gold_events(r) if e not in gold)
        pred_json, error = {}, "no prediction for this record"
        for r in unit:
            pred_json, error = prediction_for(predictions, r["id"])
            if error is None:
                break
        pred = predicted_events(pred_json)
        if scheme == "plover":
            # PLOVER drops CAMEO 01 (statements) and 02 (appeals): events without a PLOVER type
            # are outside the gold's ontology, neither right nor wrong.
            pred = [e for e in pred if e.plover]
        note = RecordNote(id=unit[0]["id"], error=error, text=unit[0].get("text", ""))
        for name, same in levels.items():
            g = gold
            if name == "code_country" and any(e.cameo and e.cameo[:2] not in CAMEO_ROOTS for e in g):
                continue
            pairs = match_max(g, pred, same)
            prf[name].add(len(pairs), len(pred), len(g))
            if name == "type_country":
                hit_g = {gi for gi, _ in pairs}
                hit_p = {pi for _, pi in pairs}
                note.misses = [e.describe(scheme) for i, e in enumerate(g) if i not in hit_g]
                note.false_positives = [e.describe(scheme) for i, e in enumerate(pred) if i not in hit_p]
        if scheme == "cameo":
            expected = {(e.source, e.target, e.cameo) for e in gold}
            found = {(e.source, e.target, e.cameo) for e in pred}
            passes.add(expected == found and error is None)
        notes.append(note)

    metrics: dict[str, float | None] = {}
    for name, counts in prf.items():
        metrics.update(counts.metrics(name))
    headline = tuple(f"{name}_f1" for name in levels)
    if scheme == "cameo":
        metrics["pass_rate"] = passes.value
        headline += ("pass_rate",)
    counts = {"records": len(records), "units": len(units),
              "gold_events": prf["type_country"].gold, "predicted_events": prf["type_country"].pred,
              "no_event_records": sum(1 for r in records if r.get("no_event"))}
    if scheme == "cameo":
        counts["code_level_gold_events"] = prf["code_country"].gold
    remarks = [f"scheme: {scheme}; event type = "
               + ("PLOVER type" if scheme == "plover" else "CAMEO root (first two digits)")]
    if len(units) != len(records):
        remarks.append("records sharing same_text_ids are scored as one sentence (gold events merged)")
    return SetScore(metrics, counts, notes, headline, remarks)
