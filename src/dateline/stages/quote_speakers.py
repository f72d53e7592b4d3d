"""Speakers of quotes: the subject of the cue verb as written, and the actor it refers to.

Works on the dependency parse already in ``analysis.doc``; the actor link comes from the
mentions of the actors stage (which resolves pronouns and nominals), when it ran.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from dateline.records import Actor, Span

_SUBJECT_DEPS = ("nsubj", "csubj")
# dependents of a verb that hand it down the subject of their head ("..., saying", "and added",
# "punctuated his list by saying")
_INHERITS_SUBJECT = ("advcl", "xcomp", "conj", "pcomp", "dep", "prep", "pobj", "acomp")
_RELATIVE = frozenset({"that"})  # stands for the noun it attaches to ("who", "which" are kept)
_PHRASE_BREAKS = frozenset({"–", "—", "-", ":", ";", "(", ")", "|"})
_SPEAKER_POS = ("PROPN", "NOUN", "PRON")


class TokenIndex:
    """Character offset -> token lookups over one Doc."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def first_at_or_after(self, char: int) -> int:
        return bisect_left(self.starts, char)

    def tokens_between(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside [start, end)."""
        return range(self.first_at_or_after(start), self.first_at_or_after(end))


def subject_of(cue: Any, depth: int = 4) -> Any | None:
    """The speaker token of a cue: its subject, the agent of a passive ("was asked by host
    Bill Maher"; none when there is no agent), the object of "according to", or the subject
    of the verb that governs it ("..., saying", "and added")."""
    tok = cue
    for _ in range(depth):
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            return next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        passive = False
        for child in tok.children:
            if child.dep_ in _SUBJECT_DEPS:
                if child.lower_ in _RELATIVE and tok.dep_ == "relcl" and tok.head.pos_ in _SPEAKER_POS:
                    return tok.head  # "a group that advocates for ...": the group
                return child
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
            if child.dep_ in ("nsubjpass", "auxpass"):
                passive = True
        if passive:
            return None
        if (tok.dep_ == "relcl" or tok.dep_ == "acl" and tok.tag_ == "VBG") \
                and tok.head.pos_ in _SPEAKER_POS:
            return tok.head  # "Smith, who said ...", "the group backing Bush"
        if tok.dep_ in _INHERITS_SUBJECT and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    return None


def phrase_span(head: Any, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """Character range of a noun phrase: the head with its left modifiers ("the PUK
    official", "Iran's Interior Minister Abdolreza Rahmani Fazli"), kept within [lo, hi)."""
    hi = len(head.doc.text) if hi is None else hi
    start_tok = head.left_edge
    # a speaker phrase does not reach back over a dash, colon or line break ("TEHRAN –
    # Iranian Foreign Minister ...", "9:55 p.m.\n\nRepublican front-runner Donald Trump")
    for i in range(head.i - 1, start_tok.i - 1, -1):
        tok = head.doc[i]
        if tok.text in _PHRASE_BREAKS or "\n" in tok.text_with_ws:
            start_tok = head.doc[i + 1]
            break
    # keep flat-name continuations to the right ("Sen. Marco Rubio Jr.")
    end_tok = head
    for child in head.rights:
        if child.dep_ in ("flat", "compound") and child.i == end_tok.i + 1:
            end_tok = child
    while start_tok.i < head.i and (start_tok.is_punct or start_tok.idx < lo):
        start_tok = start_tok.doc[start_tok.i + 1]
    start = start_tok.idx
    end = min(end_tok.idx + len(end_tok.text), hi)
    return start, end


def _nominal(tok: Any) -> bool:
    return (tok.pos_ in _SPEAKER_POS and tok.dep_ not in ("poss", "npadvmod", "dative", "pobj")
            and tok.ent_type_ not in ("DATE", "TIME", "GPE"))


def nearest_noun_phrase(doc: Any, indices: range, cue_i: int) -> Any | None:
    """Fallback speaker when the parse gives the cue no subject: in an attribution after a
    quote, the first noun before the cue ("Ramos, 58, told AFP"), else the first one after
    it ("said the PUK official"); in one before a quote, the last noun before the cue."""
    before = [i for i in indices if i < cue_i and _nominal(doc[i])]
    after = [i for i in indices if i > cue_i and _nominal(doc[i])]
    if before:
        best = doc[before[0]] if indices.start < cue_i and before[0] - indices.start < 4 \
            else doc[before[-1]]
    elif after:
        best = doc[after[0]]
    else:
        return None
    while best.dep_ in ("compound", "flat", "amod") and best.head.i in indices:
        best = best.head  # climb to the head of its phrase ("Javad" -> "Zarif")
    return best


class ActorIndex:
    """Which actor a stretch of text refers to, from the actors stage's mentions."""

    def __init__(self, actors: tuple[Actor, ...]) -> None:
        self.mentions = sorted(
            (m.start, m.end, a.id) for a in actors for m in a.mentions
        )
        self.starts = [m[0] for m in self.mentions]

    def actor_at(self, start: int, end: int, head: int | None = None) -> str | None:
        """The actor whose mention covers ``head`` (a char offset), else the one whose
        mention overlaps [start, end) the most."""
        if not self.mentions:
            return None
        hi = bisect_left(self.starts, end)
        best, best_overlap = None, 0
        for m_start, m_end, actor_id in self.mentions[max(0, hi - 50):hi]:
            if head is not None and m_start <= head < m_end:
                return actor_id
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > best_overlap:
                best, best_overlap = actor_id, overlap
        return best


def make_span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])
