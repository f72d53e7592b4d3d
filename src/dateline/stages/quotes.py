"""The quotes stage: direct quotations and reported speech, with speaker and cue.

1. Quotation-mark pairs over the whole text (``quote_marks``): curly and straight marks,
   nested quotes, quotes over several paragraphs.
2. Full quotes get their attribution from the neighbouring clause (``quote_direct``);
   a quote interrupted by its attribution ("“...,” he said, “...”") is one Quote with
   several ``content_spans``.
3. Reported speech from the parse (``quote_indirect``): complement clauses of cue verbs,
   objects of verbs of emphasis, "according to". Marked ``direct=False``.
4. Partial quotes ("to “strengthen and deepen” relations") are kept only when a cue governs
   them: inside the content of a reported statement they are part of it (a mixed quote,
   ``direct=False``); otherwise they become their own ``direct=False`` quote when a cue verb
   is among their syntactic heads ('called it “a disaster”'). Scare quotes are dropped.
5. Speakers: the subject of the cue verb as written ("the PUK official", "he"), linked to
   the actor whose mention covers it when the actors stage ran (it resolves pronouns and
   nominals); the stage does not require it.

Cue verbs are data: ``knowledge/data/quote_cues.tsv``.
"""

from __future__ import annotations

from typing import Any

from dateline.pipeline.stage import Stage
from dateline.records import Analysis, Quote, Span
from dateline.stages.quote_cues import CueLexicon, default_cues
from dateline.stages.quote_direct import DirectFinder, is_cue
from dateline.stages.quote_indirect import IndirectFinder, Reported
from dateline.stages.quote_marks import RawQuote, find_quotes
from dateline.stages.quote_speakers import (
    ActorIndex,
    TokenIndex,
    make_span,
    phrase_span,
    subject_of,
)

_MAX_GOVERNING_STEPS = 1  # a cue must govern the quoted phrase itself; farther up: scare quotes


class QuoteStage(Stage):
    name = "quotes"
    requires = ("doc", "sentences")
    provides = ("quotes",)

    cues: CueLexicon | None = None

    def setup(self) -> None:
        self.cues = default_cues()

    def process(self, analysis: Analysis) -> Analysis:
        if self.cues is None:
            self.setup()
        assert self.cues is not None
        return analysis.with_(self.name, quotes=tuple(find_all(analysis, self.cues)))


def find_all(analysis: Analysis, cues: CueLexicon) -> list[Quote]:
    """All quotes of an analysed article, in text order."""
    doc = analysis.doc
    if doc is None:
        return []
    text = analysis.article.text
    nlp_text = analysis.article.nlp_text
    tokens = TokenIndex(doc)
    actors = ActorIndex(analysis.actors)

    raw = find_quotes(nlp_text)
    direct, partial = DirectFinder(doc, nlp_text, tokens, cues).find(raw)
    blocked = [(d.start, d.end) for d in direct]
    reported = IndirectFinder(doc, cues).find(blocked, [(q.start, q.end) for q in raw])

    quotes: list[Quote] = []
    for d in direct:
        speaker = _speaker_span(text, d.speaker, d.speaker_bounds, (d.start, d.end))
        quotes.append(Quote(
            content=make_span(text, d.start, d.end),
            content_spans=tuple(make_span(text, s, e) for s, e in d.fragments),
            speaker=speaker,
            speaker_actor=_actor(actors, speaker, d.speaker),
            cue=_cue_span(text, d.cue),
            direct=True,
        ))
    for r in reported:
        quotes.append(_reported_quote(text, r, actors))
    covered = [(r.start, r.end) for r in reported]
    for q in partial:
        if any(s <= q.start < e for s, e in covered):
            continue  # part of a reported statement: a mixed quote
        governed = _governed_partial(doc, tokens, q, cues, text, actors)
        if governed is not None:
            quotes.append(governed)
    quotes.sort(key=lambda q: (q.content.start, q.content.end))
    return quotes


def _speaker_span(text: str, head: Any, bounds: tuple[int, int],
                  content: tuple[int, int]) -> Span | None:
    if head is None:
        return None
    lo, hi = bounds
    if head.idx >= content[1]:
        lo = max(lo, content[1])
    elif head.idx < content[0]:
        hi = min(hi, content[0])
    start, end = phrase_span(head, lo, hi)
    if end <= start:
        return None
    return make_span(text, start, end)


def _actor(actors: ActorIndex, speaker: Span | None, head: Any) -> str | None:
    if speaker is None:
        return None
    return actors.actor_at(speaker.start, speaker.end, head.idx if head is not None else None)


def _cue_span(text: str, cue: Any) -> Span | None:
    if cue is None:
        return None
    end = cue.idx + len(cue.text)
    for c in cue.children:  # "pointed out"
        if c.dep_ == "prt" and c.i == cue.i + 1:
            end = c.idx + len(c.text)
    return make_span(text, cue.idx, end)


def _reported_quote(text: str, r: Reported, actors: ActorIndex) -> Quote:
    bounds = r.speaker_bounds
    if r.speaker is not None:  # the speaker phrase stays between the content fragments
        at = r.speaker.idx
        lo = max([e for _, e in r.fragments if e <= at], default=bounds[0])
        hi = min([s for s, _ in r.fragments if s > at], default=bounds[1])
        bounds = (max(bounds[0], lo), min(bounds[1], hi))
    speaker = _speaker_span(text, r.speaker, bounds, (r.start, r.end))
    if speaker is not None and r.start < speaker.end and speaker.start < r.end \
            and not r.start < speaker.start < r.end:
        # a speaker phrase that reaches into the content ("according to X") stops before it
        speaker = make_span(text, speaker.start, min(speaker.end, r.start)) \
            if speaker.start < r.start else None
    return Quote(
        content=make_span(text, r.start, r.end),
        content_spans=tuple(make_span(text, s, e) for s, e in r.fragments),
        speaker=speaker,
        speaker_actor=_actor(actors, speaker, r.speaker),
        cue=make_span(text, r.cue_start, r.cue_end),
        direct=False,
    )


def _governed_partial(doc: Any, tokens: TokenIndex, q: RawQuote, cues: CueLexicon,
                      text: str, actors: ActorIndex) -> Quote | None:
    """A partial quote some cue verb governs ('described it as “a disaster”'), or None."""
    inside = tokens.tokens_between(q.start, q.end)
    if not inside:
        return None
    heads = [doc[i].head for i in inside if not q.start <= doc[i].head.idx < q.end]
    for head in heads:
        tok = head
        for _ in range(_MAX_GOVERNING_STEPS):
            if is_cue(tok, cues) or is_cue(tok, cues, "ccomp"):
                subj = subject_of(tok)
                sent = tok.sent
                speaker = _speaker_span(text, subj, (sent.start_char, sent.end_char),
                                        (q.start, q.end))
                return Quote(
                    content=make_span(text, q.start, q.end),
                    content_spans=(make_span(text, q.start, q.end),),
                    speaker=speaker,
                    speaker_actor=_actor(actors, speaker, subj),
                    cue=_cue_span(text, tok),
                    direct=False,
                )
            if tok.head.i == tok.i:
                break
            tok = tok.head
    return None
