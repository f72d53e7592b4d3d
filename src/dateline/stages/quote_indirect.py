"""Reported (indirect) speech: the content a cue governs in the dependency parse.

- complement clauses: "Zarif said (that) all Iraqi tribes must be united", "..., he noted";
- a parenthetical attribution inside the clause it reports: "This plan, he says, is dead";
- the object of verbs of emphasis: "underlined the importance of unity", and of verbs of
  stance, even a bare name: "backed Rubio", "criticized the ruling";
- infinitive complements of verbs of urging and promising: "urged Baghdad to act";
- prepositional objects of phrasal cues: "called for an inquiry", "accused them of lying";
- nouns of speech (``quote_nominal``): "his claim that ...", "her criticism of ...";
- "according to X, ...": the clause the phrase modifies, spoken by X.

The content span is the character range of the governed phrase, the complementiser "that"
included, the sentence's final punctuation excluded. A clause stops before a conjoined
attribution of its own ("... and said that ...") and before a trailing participle clause
after a comma or dash (", putting them ahead", "— asserting that ..."): those are the
writer's (or another statement), not the reported words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.stages.quote_cues import Cue, CueLexicon
from dateline.stages.quote_speakers import subject_of

_EDGE_PUNCT = frozenset(",.;:—–-()[]…")
_OPEN_MARKS = frozenset("“‘«\"'`")
_CLOSE_MARKS = frozenset("”’»\"'")
_CUT_BEFORE = frozenset(",;—–-(")  # punctuation that sets off a trailing participle clause
_NOT_A_MESSAGE = frozenset({"PRON", "NUM", "DET"})
_WH_WORDS = frozenset({"which", "who", "whom", "whose", "where", "when"})
_VERB_FRAMES = ("ccomp", "dobj", "object", "xcomp", "pobj", "naming")
_NAMING_PARTS = frozenset({"dobj", "oprd", "xcomp", "ccomp", "nmod", "attr", "dative"})


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


def particles_of(tok: Any) -> set[str]:
    """Particles and prepositions of a word ("point out", "call for", "criticism of")."""
    return {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "agent")}


class IndirectFinder:
    def __init__(self, doc: Any, cues: CueLexicon) -> None:
        self.doc = doc
        self.cues = cues

    def find(self, blocked: list[tuple[int, int]],
             quoted: list[tuple[int, int]] | None = None) -> list[Reported]:
        """Reported statements whose cue and content lie outside the ``blocked`` spans
        (the full direct quotes, which carry their own attribution), and whose cue is not
        inside any ``quoted`` span (the speaker's own "I think" is part of the quote)."""
        quoted = quoted or []
        from dateline.stages.quote_nominal import noun_statement

        out: list[Reported] = []
        for tok in self.doc:
            if tok.lower_ == "according":
                rep = self._according(tok)
            elif tok.pos_ in ("VERB", "AUX"):
                rep = self._verb(tok)
            elif tok.pos_ == "NOUN":
                rep = noun_statement(self, tok)
            else:
                continue
            if rep is None or _overlaps(rep.cue_start, rep.cue_end, blocked):
                continue
            if _overlaps(rep.cue_start, rep.cue_end, quoted):
                continue
            if _overlaps(rep.start, rep.end, blocked):
                continue
            out.append(rep)
        return out

    def is_report_cue(self, tok: Any) -> bool:
        """A verb that attributes a clause of its own ("... and said that ...")."""
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        return any(c.frames & {"ccomp", "quote"} and c.kind == "report"
                   for c in self.cues.candidates(tok.lemma_, particles_of(tok)))

    # -- verbs -----------------------------------------------------------------------
    def _verb(self, tok: Any) -> Reported | None:
        cands = self.cues.candidates(tok.lemma_, particles_of(tok))
        if not cands:
            return None
        for cue in cands:
            for frame in _VERB_FRAMES:
                if frame in cue.frames:
                    rep = self._frame(tok, cue, frame)
                    if rep is not None:
                        return rep
        if tok.dep_ == "parataxis" and any("ccomp" in c.frames for c in cands):
            return self._parenthetical(tok)
        return None

    def _frame(self, tok: Any, cue: Cue, frame: str) -> Reported | None:
        for child in tok.children:
            fragments: list[tuple[int, int]] | None = None
            if frame == "ccomp" and child.dep_ == "ccomp":
                fragments = self._clause(child, tok)
            elif frame in ("dobj", "object") and child.dep_ == "dobj":
                if child.pos_ in _NOT_A_MESSAGE or (
                        frame == "dobj" and child.n_rights + child.n_lefts == 0):
                    continue  # "stressed it", "noted this": no message of its own
                fragments = self._object(tok, child) if frame == "object" else self._phrase(child)
            elif frame == "xcomp" and (child.dep_ == "xcomp" or child.dep_ == "advcl" and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in child.lefts)):
                fragments = self._phrase(child)
            elif frame == "naming" and child.dep_ in _NAMING_PARTS and child.i > tok.i:
                fragments = self._naming(tok)
            elif frame == "pobj" and child.dep_ in ("prep", "prt") and child.lower_ == cue.particle:
                obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if obj is None or obj.pos_ in _NOT_A_MESSAGE:
                    continue
                fragments = self._phrase(obj)
            if not fragments:
                continue
            return self._reported(tok, fragments, frame, subject_of(tok))
        return None

    def _object(self, tok: Any, obj: Any) -> list[tuple[int, int]] | None:
        """The object of a stance verb with the reason or aim that follows it: "slammed
        the university for charging students", "defended his actions to tighten checks"."""
        last = obj.right_edge.i
        for c in tok.rights:
            if c.i <= last or c.is_punct:
                continue
            reason = c.dep_ == "prep" and c.lower_ == "for"
            aim = c.dep_ in ("xcomp", "advcl") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.lefts)
            if not (reason or aim) or c.left_edge.i > last + 1:
                break
            last = c.right_edge.i
        span = self._trim(obj.left_edge.i, self._clause_end(obj, last))
        return [span] if span else None

    def _naming(self, tok: Any) -> list[tuple[int, int]] | None:
        """ "called Trump a fascist", "called the plan “reckless”": the object with what it
        is called, when both are there."""
        parts = [c for c in tok.rights if c.dep_ in _NAMING_PARTS]
        complement = any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in parts) or \
            any(c.dep_ in ("oprd", "attr", "dobj") for p in parts for c in p.children)
        if not parts or not complement:
            return None
        first = min(c.left_edge.i for c in parts)
        last = max(c.right_edge.i for c in parts)
        span = self._trim(first, last)
        return [span] if span else None

    def _parenthetical(self, tok: Any) -> Reported | None:
        """ "This campaign, he says, is different": the clause around the attribution."""
        head = tok.head
        if head is tok or tok.left_edge.i <= head.left_edge.i:
            return None
        if any(c.dep_ in ("ccomp", "dobj") for c in tok.children):
            return None
        cut_lo = tok.left_edge.i
        cut_hi = tok.i
        for c in tok.rights:  # keep "said Tuesday" with the attribution, not the content
            if c.dep_ in ("npadvmod", "prt", "punct") and c.i == cut_hi + 1:
                cut_hi = c.i
        fragments = []
        left = self._trim(head.left_edge.i, cut_lo - 1)
        if left:
            fragments.append(left)
        right_end = self._clause_end(head, max(head.right_edge.i, tok.right_edge.i))
        right = self._trim(cut_hi + 1, right_end)
        if right:
            fragments.append(right)
        if not fragments:
            return None
        return self._reported(tok, fragments, "ccomp", subject_of(tok))

    def _reported(self, tok: Any, fragments: list[tuple[int, int]], frame: str,
                  subj: Any) -> Reported:
        end_tok = tok
        for c in tok.children:
            if c.dep_ == "prt" and c.i == tok.i + 1:
                end_tok = c
        rep = Reported(fragments, tok.idx, end_tok.idx + len(end_tok.text), frame=frame,
                       cue_token=tok)
        self._speaker(rep, subj, (fragments[0][0], fragments[-1][1]))
        return rep

    # -- content spans ---------------------------------------------------------------
    def _phrase(self, head: Any) -> list[tuple[int, int]] | None:
        span = self._trim(head.left_edge.i, self._clause_end(head, head.right_edge.i))
        return [span] if span else None

    def _clause(self, head: Any, cue: Any) -> list[tuple[int, int]] | None:
        """A complement clause, with a fronted phrase the attribution interrupts: "In
        three years, the mayor says, far too many homes have been lost"."""
        span = self._trim(head.left_edge.i, self._clause_end(head, head.right_edge.i, cue))
        if span is None:
            return None
        fragments = [span]
        doc = self.doc
        if cue.i < head.left_edge.i and cue.i + 1 < len(doc) and doc[cue.i + 1].text == ",":
            lefts = [c for c in cue.lefts if c.dep_ in ("prep", "advcl", "advmod", "npadvmod")]
            subj = subject_of(cue)
            if lefts and subj is not None and subj.i > lefts[0].i:
                first = lefts[0].left_edge.i
                if first == cue.sent.start and doc[subj.left_edge.i - 1].text == ",":
                    front = self._trim(first, subj.left_edge.i - 1)
                    if front:
                        fragments.insert(0, front)
        return fragments

    def _clause_end(self, head: Any, last: int, cue: Any = None) -> int:
        """The last token of a phrase once a conjoined attribution ("... and said that"),
        or what a comma or dash sets off at its end, is cut off: a participle clause
        (", referring to ..."), a non-restrictive relative clause (", which ...") or an
        apposition (", the former governor")."""
        doc = self.doc
        cut = last + 1
        for c in head.rights:
            if c.dep_ == "conj" and self.is_report_cue(c) and (
                    cue is None or c.tag_ == cue.tag_
                    or any(s.dep_ in ("nsubj", "nsubjpass") for s in c.lefts)):
                cut = min(cut, c.left_edge.i)
        for t in doc[head.i + 1:min(cut, last + 1)]:
            first = t.left_edge.i
            if first == 0 or doc[first - 1].text not in _CUT_BEFORE or t.right_edge.i < last - 1:
                continue
            participle = t.dep_ in ("advcl", "conj", "acl", "xcomp") and t.tag_ == "VBG" \
                and t.i == first
            relative = t.dep_ == "relcl" and doc[first].lower_ in _WH_WORDS
            if participle or relative or t.dep_ == "appos":
                cut = first
                break
        end = cut - 1
        while end > head.i and (doc[end].dep_ == "cc" or doc[end].is_punct):
            end -= 1
        return end if cut <= last else last

    # -- according to ----------------------------------------------------------------
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
        cue = rep.cue_token
        if cue is not None and cue.pos_ in ("VERB", "AUX"):
            subj = self._better_subject(subj, cue)
        if subj is None or any(s <= subj.idx < e for s, e in rep.fragments):
            return
        sent = subj.sent
        rep.speaker = subj
        rep.speaker_bounds = (sent.start_char, sent.end_char)

    def _better_subject(self, subj: Any, cue: Any) -> Any | None:
        """Repairs of the parse's subject: not a time ("12:15 p.m."), not across a line
        break (the heading of a live blog); a bare count ("About 4 in 10 say") when the
        parse gave none."""
        doc = self.doc
        line = [t for t in doc[subj.i:cue.i] if "\n" in t.text_with_ws] \
            if subj is not None and subj.i < cue.i else []
        if line:
            start = line[-1].i + 1
            heads = [t for t in doc[start:cue.i] if t.pos_ in ("PROPN", "NOUN", "PRON")
                     and not start <= t.head.i < cue.i]
            subj = heads[-1] if heads else None
        if subj is not None and subj.ent_type_ in ("DATE", "TIME"):
            return None
        if subj is None and cue.dep_ in ("ROOT", "ccomp", "conj") and cue.tag_ in ("VBP", "VBZ", "VBD"):
            counts = [c for c in cue.lefts if c.dep_ in ("nummod", "dep") and c.pos_ in ("NUM", "NOUN")]
            subj = counts[-1] if counts else None
        return subj

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
