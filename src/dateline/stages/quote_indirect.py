"""Reported (indirect) speech: the content a cue verb governs in the dependency parse.

- complement clauses: "Zarif said (that) all Iraqi tribes must be united", "..., he noted";
- the object of verbs of emphasis: "underlined the importance of unity";
- infinitive complements of verbs of urging and promising: "urged Baghdad to act";
- "according to X, ...": the clause the phrase modifies, spoken by X.

The content span is the character range of the governed phrase, the complementiser "that"
included, the sentence's final punctuation excluded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.stages.quote_cues import CueLexicon
from dateline.stages.quote_speakers import subject_of

_EDGE_PUNCT = frozenset(",.;:—–-()[]…")
_OPEN_MARKS = frozenset("“‘«\"'`")
_CLOSE_MARKS = frozenset("”’»\"'")
_FRAME_DEPS = {"ccomp": ("ccomp",), "dobj": ("dobj",), "xcomp": ("xcomp",)}


@dataclass
class Reported:
    fragments: list[tuple[int, int]]
    cue_start: int
    cue_end: int
    speaker: Any = None  # spaCy Token: head of the speaker phrase
    speaker_bounds: tuple[int, int] = (0, 0)
    frame: str = "ccomp"
    cue_token: Any = None

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


class IndirectFinder:
    def __init__(self, doc: Any, cues: CueLexicon) -> None:
        self.doc = doc
        self.cues = cues

    def find(self, blocked: list[tuple[int, int]]) -> list[Reported]:
        """Reported statements whose cue and content lie outside the ``blocked`` spans
        (the full direct quotes, which carry their own attribution)."""
        out: list[Reported] = []
        for tok in self.doc:
            if tok.lower_ == "according":
                rep = self._according(tok)
            elif tok.pos_ in ("VERB", "AUX"):
                rep = self._verb(tok)
            else:
                continue
            if rep is None or _overlaps(rep.cue_start, rep.cue_end, blocked):
                continue
            if _overlaps(rep.start, rep.end, blocked):
                continue
            out.append(rep)
        return out

    def _verb(self, tok: Any) -> Reported | None:
        particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
        cue = self.cues.lookup(tok.lemma_, particles)
        if cue is None:
            return None
        for frame in ("ccomp", "dobj", "xcomp"):
            if frame not in cue.frames:
                continue
            for child in tok.children:
                if child.dep_ not in _FRAME_DEPS[frame]:
                    continue
                if frame == "dobj" and (child.pos_ == "PRON" or child.n_rights + child.n_lefts == 0):
                    continue  # "stressed it", "noted this": no message of its own
                span = self._trim(child.left_edge.i, child.right_edge.i)
                if span is None:
                    continue
                end_tok = tok
                for c in tok.children:
                    if c.dep_ == "prt" and c.i == tok.i + 1:
                        end_tok = c
                rep = Reported([span], tok.idx, end_tok.idx + len(end_tok.text), frame=frame,
                               cue_token=tok)
                self._speaker(rep, subject_of(tok), span)
                return rep
        return None

    def _according(self, tok: Any) -> Reported | None:
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None:
            return None
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        head = tok.head
        if source is None or head is tok:
            return None
        if source.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in source.children):
            return None  # "according to their preference": a manner, not a source
        lo, hi = tok.left_edge.i, tok.right_edge.i
        fragments = []
        if head.left_edge.i < lo:
            left = self._trim(head.left_edge.i, lo - 1)
            if left:
                fragments.append(left)
        if head.right_edge.i > hi:
            right = self._trim(hi + 1, head.right_edge.i)
            if right:
                fragments.append(right)
        if not fragments:
            return None
        rep = Reported(fragments, tok.idx, to.idx + len(to.text), frame="prep", cue_token=tok)
        self._speaker(rep, source, (fragments[0][0], fragments[-1][1]))
        return rep

    def _speaker(self, rep: Reported, subj: Any, content: tuple[int, int]) -> None:
        if subj is None or content[0] <= subj.idx < content[1]:
            return
        sent = subj.sent
        rep.speaker = subj
        rep.speaker_bounds = (sent.start_char, sent.end_char)

    def _trim(self, first: int, last: int) -> tuple[int, int] | None:
        """Character range of tokens first..last without edge punctuation and unbalanced
        quotation marks; None when nothing is left."""
        doc = self.doc
        while first <= last and (doc[first].text in _EDGE_PUNCT or doc[first].is_space):
            first += 1
        while last >= first and (doc[last].text in _EDGE_PUNCT or doc[last].is_space):
            last -= 1
        if first > last:
            return None
        text = doc[first:last + 1].text
        if doc[first].text in _OPEN_MARKS and sum(ch in _CLOSE_MARKS for ch in text[1:]) == 0:
            first += 1
        if first <= last and doc[last].text in _CLOSE_MARKS and \
                sum(ch in _OPEN_MARKS for ch in doc[first:last].text) == 0:
            last -= 1
        while first <= last and doc[last].text in _EDGE_PUNCT:
            last -= 1
        if first > last:
            return None
        # a quotation opened inside the content closes after it ("... a “phony attack.”")
        text = doc[first:last + 1].text
        if sum(ch in _OPEN_MARKS for ch in text) > sum(ch in _CLOSE_MARKS for ch in text):
            for j in range(last + 1, min(last + 3, len(doc))):
                if doc[j].text in _CLOSE_MARKS or doc[j].text in ("”", "’"):
                    last = j
                    break
                if doc[j].text not in ".,?!…":
                    break
        return doc[first].idx, doc[last].idx + len(doc[last].text)
