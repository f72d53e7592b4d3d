"""The JSON shape `dateline extract` writes (../shared/OUTPUT.md): one object per article."""

from __future__ import annotations

from typing import Any

from dateline.records import (
    Actor,
    Analysis,
    Event,
    EventArg,
    Failure,
    Place,
    Quote,
    Span,
    TimeRef,
)


def _span(s: Span | None) -> dict[str, Any] | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def _arg(a: EventArg | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"actor": a.actor, "code": a.code, "start": a.start, "end": a.end, "text": a.text}


def actor_json(a: Actor) -> dict[str, Any]:
    return {
        "id": a.id, "name": a.name, "kind": a.kind, "code": a.code, "country": a.country,
        "sectors": list(a.sectors), "role": a.role, "organization": a.organization,
        "aliases": list(a.aliases),
        "mentions": [
            {"start": m.start, "end": m.end, "text": m.text, "kind": m.kind,
             "confidence": round(m.confidence, 3)}
            for m in a.mentions
        ],
    }


def event_json(e: Event) -> dict[str, Any]:
    return {
        "source": _arg(e.source),
        "target": _arg(e.target),
        "cameo": e.cameo,
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "plover": {"type": e.plover_type, "mode": e.plover_mode, "context": e.plover_context},
        "trigger": _span(e.trigger),
        "sentence": {"start": e.sentence.start, "end": e.sentence.end},
        "negated": e.negated,
        "modality": e.modality,
        "date": None if e.date is None else {
            "value": e.date.value, "text": e.date.text, "start": e.date.start,
            "end": e.date.end, "precision": e.date.precision, "basis": e.date.basis,
        },
        "place": None if e.place is None else {
            "name": e.place.name, "geonameid": e.place.geonameid, "lat": e.place.lat,
            "lon": e.place.lon, "country": e.place.country, "basis": e.place.basis,
            "start": e.place.start, "end": e.place.end,
        },
        "confidence": round(e.confidence, 3),
        "rule": e.rule,
        "issue": e.issue,
        "quote": e.quote,
    }


def quote_json(q: Quote) -> dict[str, Any]:
    return {
        "content": {"start": q.content.start, "end": q.content.end, "text": q.content.text},
        "content_spans": [_span(s) for s in q.content_spans],
        "speaker": _span(q.speaker),
        "speaker_actor": q.speaker_actor,
        "cue": _span(q.cue),
        "direct": q.direct,
    }


def time_json(t: TimeRef) -> dict[str, Any]:
    return {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
            "precision": t.precision}


def place_json(p: Place) -> dict[str, Any]:
    return {
        "start": p.start, "end": p.end, "text": p.text, "name": p.name,
        "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon, "country": p.country,
        "admin1": p.admin1, "feature": p.feature, "note": p.note,
    }


def analysis_json(an: Analysis) -> dict[str, Any]:
    art = an.article
    dl = art.dateline
    return {
        "id": art.id,
        "article": {
            "title": art.title,
            "url": art.url,
            "source": art.source,
            "date": art.date.isoformat() if art.date else None,
            "dateline": None if dl is None else {
                "text": dl.text, "start": dl.start, "end": dl.end, "place": dl.place,
                "date_text": dl.date_text,
            },
            "license": art.license,
            "attribution": art.attribution,
            "signoff": _span(art.signoff),
            "language": art.language,
            "content_hash": art.content_hash,
        },
        "sentences": [{"start": s.start, "end": s.end} for s in an.sentences],
        "entities": [
            {"start": m.start, "end": m.end, "text": m.text, "label": m.label}
            for m in an.entities
        ],
        "actors": [actor_json(a) for a in an.actors],
        "events": [event_json(e) for e in an.events],
        "quotes": [quote_json(q) for q in an.quotes],
        "times": [time_json(t) for t in an.times],
        "places": [place_json(p) for p in an.places],
    }


def result_json(result: Analysis | Failure) -> dict[str, Any]:
    if isinstance(result, Failure):
        return {"id": result.article_id, "error": result.reason, "stage": result.stage,
                "origin": result.origin}
    return analysis_json(result)
