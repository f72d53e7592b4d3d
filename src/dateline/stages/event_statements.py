"""Statements: each attributed quote whose clause yielded no event becomes a CAMEO 010
event of its speaker."""

from __future__ import annotations

from dateline.knowledge.cameo import lookup
from dateline.records import Analysis, Event, Span
from dateline.stages.event_parties import speaker_arg


def quote_statements(analysis: Analysis, events: list[Event]) -> list[Event]:
    """A CAMEO 010 event for each attributed quote whose clause coded nothing else."""
    doc = analysis.doc
    out = []
    for qi, q in enumerate(analysis.quotes):
        if not q.speaker_actor or q.speaker is None:
            continue
        actor = analysis.actor(q.speaker_actor)
        if actor is None:
            continue
        spans = q.content_spans or (q.content,)
        cue = q.cue or q.speaker
        if any(_covers(e, spans, cue, actor.id) for e in events):
            continue
        if any(e.sentence.start <= cue.start < e.sentence.end for e in events):
            continue  # the sentence reports an event: the saying is not one
        info = lookup("010")
        sent = doc[doc.char_span(cue.start, cue.end, alignment_mode="expand").start].sent
        out.append(Event(
            trigger=Span(cue.start, cue.end, cue.text),
            sentence=Span(sent.start_char, sent.end_char, sent.text),
            cameo="010", goldstein=info.goldstein if info else 0.0,
            quad_class=info.quad_class if info else 1,
            source=speaker_arg(actor, q.speaker),
            modality="asserted", confidence=0.6 if q.direct else 0.5,
            rule="quote-statement", quote=qi,
        ))
    return out


def _covers(e: Event, spans: tuple[Span, ...], cue: Span, actor_id: str) -> bool:
    """Whether an event already codes the clause of a quote: its trigger is in the quote or
    is the cue, or the speaker acts in the cue's sentence."""
    t = e.trigger.start
    return any(s.start <= t < s.end for s in spans) or cue.start <= t < cue.end or (
        e.source is not None and e.source.actor == actor_id
        and e.sentence.start <= cue.start < e.sentence.end)
