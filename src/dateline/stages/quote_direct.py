"""Direct quotations: which quotation-mark spans are quotes, and who said them.

A quoted span is a *full* quote when it stands as the clause of its sentence ("“...,” he
said." / "He said: “...”"); it is *partial* when words of the sentence's own syntax stand
right before or after it (to “strengthen and deepen” relations). Full quotes get their
attribution from, in order: an introduction ending in a colon before them, an attribution
clause after them ("...,” said the PUK official), one before them ending in a comma, the
previous paragraph ending in a colon, and finally the quote they continue (a quote that
follows another quote of the same paragraph or a paragraph opened by it). Partial quotes are
left to the reported-speech pass: they are quotes only when a cue governs them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from dateline.stages.quote_cues import CueLexicon
from dateline.stages.quote_marks import RawQuote, paragraphs
from dateline.stages.quote_speakers import TokenIndex, nearest_noun_phrase, subject_of

_SENTENCE_END = re.compile(r"[.?!…][\"”’')\]]*\s+")
_MARK_CHARS = "\"“”„«»‘’'` "
_CLOSING_PUNCT = ",.?!…—–-:;"
_MAX_ATTRIBUTION_TOKENS = 40
_DASHES = frozenset("―—–-")
MERGE_PARAGRAPHS = True
_VERB_TAGS = ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB")


@dataclass
class DirectQuote:
    """A direct quote being built: its fragments, and the attribution once found."""

    fragments: list[tuple[int, int]]
    para: int  # paragraph index of the last fragment
    cue: Any = None  # spaCy Token
    speaker: Any = None  # spaCy Token (head of the speaker phrase)
    speaker_bounds: tuple[int, int] = (0, 0)  # the speaker phrase must lie in here
    basis: str = ""  # how the attribution was found (for explanations and tests)
    merged: list[int] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


def is_cue(tok: Any, cues: CueLexicon, frame: str = "quote") -> bool:
    if tok.lower_ == "according":
        return frame == "quote" and any(c.lower_ == "to" for c in tok.children)
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in _VERB_TAGS:
        return False
    particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    cue = cues.lookup(tok.lemma_, particles)
    return cue is not None and frame in cue.frames


class DirectFinder:
    """Finds the full direct quotes of one document and their attributions."""

    def __init__(self, doc: Any, text: str, tokens: TokenIndex, cues: CueLexicon,
                 merge_paragraphs: bool = MERGE_PARAGRAPHS) -> None:
        self.doc = doc
        self.text = text
        self.tokens = tokens
        self.cues = cues
        self.merge_paragraphs = merge_paragraphs
        self.paras = paragraphs(text)
        self.para_starts = [p[0] for p in self.paras]

    def _para_of(self, char: int) -> int:
        return max(0, bisect_right(self.para_starts, char) - 1)

    def find(self, raw: list[RawQuote]) -> tuple[list[DirectQuote], list[RawQuote]]:
        """(full quotes with attributions, partial quotes) of the document."""
        out: list[DirectQuote] = []
        partial: list[RawQuote] = []
        prev_end_in_para = -1
        prev_para = -1
        for n, q in enumerate(raw):
            pi = self._para_of(q.start)
            p_start = self.paras[pi][0]
            lo = p_start if pi != prev_para else max(p_start, prev_end_in_para)
            left_text = self.text[lo:q.start]
            ends = list(_SENTENCE_END.finditer(left_text))
            seg_start = lo + ends[-1].end() if ends else lo
            left = self.text[seg_start:q.start].strip()
            last_para = self._para_of(q.end - 1)
            next_start = raw[n + 1].start if n + 1 < len(raw) else len(self.text)
            right_limit = min(self.paras[last_para][1], next_start)
            prev_end_in_para, prev_para = q.end, last_para
            if not self._is_full(q, left, right_limit):
                partial.append(q)
                continue
            dq = DirectQuote([tuple(f) for f in q.fragments], last_para)
            self._attribute(dq, q, left, seg_start, right_limit, pi)
            self._merge_or_add(out, dq, pi, seg_start)
        return out, partial

    # -- full or partial ---------------------------------------------------------------
    def _is_full(self, q: RawQuote, left: str, right_limit: int) -> bool:
        if left and left[-1] not in ":,—–-(" and not self._ends_with_cue(q.start):
            return False
        if not q.closed:
            return True
        inner = self.text[q.fragments[-1][0]:q.end].rstrip(_MARK_CHARS)
        after = self.text[q.end:right_limit].lstrip()
        if not after or (inner and inner[-1] in _CLOSING_PUNCT) or after[0] in _CLOSING_PUNCT:
            return bool(inner.strip(_MARK_CHARS))
        return False

    def _ends_with_cue(self, char: int, skip_punct: bool = False) -> bool:
        """Whether the word right before ``char`` is a cue ("saying “...”"); with
        ``skip_punct`` also across a comma or colon ("shouted, “...”")."""
        i = self.tokens.first_at_or_after(char) - 1
        if skip_punct:
            while i >= 0 and self.doc[i].text in (",", ":"):
                i -= 1
        return i >= 0 and is_cue(self.doc[i], self.cues)

    # -- attribution -------------------------------------------------------------------
    def _after_tokens(self, q: RawQuote, right_limit: int) -> range:
        idx = self.tokens.tokens_between(q.end, right_limit)
        stop = idx.start
        for i in idx:
            tok = self.doc[i]
            stop = i + 1
            if tok.text in (".", "?", "!", ";") or i - idx.start >= _MAX_ATTRIBUTION_TOKENS:
                break
        return range(idx.start, stop)

    def _attribute(self, dq: DirectQuote, q: RawQuote, left: str, seg_start: int,
                   right_limit: int, pi: int) -> None:
        doc = self.doc
        before = self.tokens.tokens_between(seg_start, q.start)
        after = self._after_tokens(q, right_limit)
        before_cues = [i for i in before if is_cue(doc[i], self.cues)]
        after_cues = [i for i in after if is_cue(doc[i], self.cues)]
        inner = self.text[q.fragments[-1][0]:q.end].rstrip(_MARK_CHARS)
        after_text = self.text[q.end:right_limit].lstrip()
        soft_end = (inner and inner[-1] in ",?!…—–-") or after_text[:1] == ","
        if after_text[:1] in _DASHES and self._dash_attribution(dq, after, (q.end, right_limit)):
            pass
        elif left.endswith(":") and before_cues:
            self._set(dq, before_cues[-1], before, (seg_start, q.start), "colon-before")
        elif left and before_cues and self._ends_with_cue(q.start, skip_punct=True):
            self._set(dq, before_cues[-1], before, (seg_start, q.start), "cue-before")
        elif after_cues and (soft_end or self._bare_attribution(after, after_cues[0])):
            self._set(dq, after_cues[0], after, (q.end, right_limit), "after")
        elif before_cues and left and left[-1] in ",—–-":
            self._set(dq, before_cues[-1], before, (seg_start, q.start), "before")
        elif soft_end and (verb := self._any_speech_verb(after)) is not None:
            self._set(dq, verb, after, (q.end, right_limit), "after-verb")
        elif left.endswith(":"):
            self._colon(dq, before, (seg_start, q.start))
        elif pi > 0 and not left and seg_start == self.paras[pi][0]:
            prev_start, prev_end = self.paras[pi - 1]
            if self.text[prev_start:prev_end].rstrip().endswith(":"):
                idx = self.tokens.tokens_between(prev_start, prev_end)
                found = [i for i in idx if is_cue(doc[i], self.cues)]
                if found:
                    self._set(dq, found[-1], idx, (prev_start, prev_end), "colon-paragraph")
                else:
                    self._colon(dq, idx, (prev_start, prev_end))

    def _dash_attribution(self, dq: DirectQuote, after: range, bounds: tuple[int, int]) -> bool:
        """A name after a dash closes the quote's paragraph: "“...” ― Jorge Falcon"."""
        doc = self.doc
        if not after or len(after) > 10:
            return False
        names = [doc[i] for i in after if doc[i].pos_ == "PROPN"]
        if not names:
            return False
        head = names[-1]
        while head.dep_ in ("compound", "flat") and head.head.i in after:
            head = head.head
        # the dash may be glued to the closing mark ("”―"): take the token that holds it
        dash_at = bounds[0] + len(self.text[bounds[0]:bounds[1]]) - len(
            self.text[bounds[0]:bounds[1]].lstrip())
        cue = doc[max(0, self.tokens.first_at_or_after(dash_at + 1) - 1)]
        dq.cue, dq.speaker, dq.speaker_bounds, dq.basis = cue, head, bounds, "dash"
        return True

    def _colon(self, dq: DirectQuote, segment: range, bounds: tuple[int, int]) -> None:
        """An introduction ending in a colon but without a cue verb: "Transcript as
        follows:", "Kasich: ‘We are going all the way’"; its subject (or, with no verb, its
        head noun) is the speaker, and the colon the cue."""
        doc = self.doc
        toks = [i for i in segment if not doc[i].is_space]
        if not toks or doc[toks[-1]].text != ":":
            return
        colon = doc[toks[-1]]
        in_seg = set(segment)
        roots = [doc[i] for i in toks[:-1] if doc[i].head.i not in in_seg or doc[i].head.i == i]
        verbs = [t for t in roots if t.pos_ in ("VERB", "AUX")]
        speaker = None
        if verbs:
            subj = subject_of(verbs[-1])
            speaker = subj if subj is not None and subj.i in in_seg else None
        if speaker is None:
            nouns = [t for t in roots if t.pos_ in ("PROPN", "NOUN", "PRON")]
            speaker = nouns[-1] if nouns else None
        if speaker is not None:
            dq.cue, dq.speaker, dq.speaker_bounds, dq.basis = colon, speaker, bounds, "colon"

    def _bare_attribution(self, after: range, cue_i: int) -> bool:
        """A sentence after a quote that ends in a period is its attribution only when it
        says nothing else: "Trump said on Monday." (not "He said later that ...")."""
        if len(after) > 14 or not after or self.doc[after[-1]].text != ".":
            return False
        cue = self.doc[cue_i]
        return not any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i in after for c in cue.children)

    def _any_speech_verb(self, after: range) -> int | None:
        """A verb outside the lexicon that heads a short attribution ("...,” Trump fired back.)."""
        if not after or len(after) > 12:
            return None
        for i in after:
            tok = self.doc[i]
            if tok.pos_ == "VERB" and any(c.dep_ in ("nsubj",) and c.i in after for c in tok.children):
                return i
        return None

    def _set(self, dq: DirectQuote, cue_i: int, segment: range, bounds: tuple[int, int],
             basis: str) -> None:
        cue = self.doc[cue_i]
        subj = subject_of(cue)
        if subj is None or not bounds[0] <= subj.idx < bounds[1]:
            subj = nearest_noun_phrase(self.doc, segment, cue_i)
        dq.cue, dq.speaker, dq.speaker_bounds, dq.basis = cue, subj, bounds, basis

    # -- continuation ------------------------------------------------------------------
    def _merge_or_add(self, out: list[DirectQuote], dq: DirectQuote, pi: int,
                      seg_start: int) -> None:
        last = out[-1] if out else None
        if last is not None and last.cue is not None:
            same_cue = dq.cue is not None and dq.cue.i == last.cue.i
            follows = dq.cue is None and last.para == pi and self._only_attribution_between(last, dq)
            next_para = (dq.cue is None and last.para == pi - 1 and seg_start == self.paras[pi][0]
                         and self._para_ends_with_quote(last))
            if same_cue or follows or (next_para and self.merge_paragraphs):
                last.fragments.extend(dq.fragments)
                last.para = dq.para
                return
            if next_para or (dq.cue is None and last.para == pi):
                # a quote that carries on the previous speaker's words
                dq.cue, dq.speaker, dq.speaker_bounds = last.cue, last.speaker, last.speaker_bounds
                dq.basis = "continues"
        out.append(dq)

    def _only_attribution_between(self, last: DirectQuote, dq: DirectQuote) -> bool:
        gap = self.tokens.tokens_between(last.end, dq.start)
        cue = last.cue
        return all(i == cue.i or self.doc[i].is_punct or self.doc[i].is_space
                   or cue in self.doc[i].ancestors for i in gap)

    def _para_ends_with_quote(self, last: DirectQuote) -> bool:
        _, p_end = self.paras[last.para]
        rest = self.text[last.end:p_end]
        return len(rest) < 80 and last.cue is not None
