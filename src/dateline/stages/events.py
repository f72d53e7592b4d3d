"""The events stage: who did what to whom, coded in CAMEO and PLOVER.

For each sentence:

1. ``event_triggers``: every word the lexicon knows (``event_patterns``) is a candidate;
   governors and modality (``event_modality``) recode or drop it, a more specific
   neighbour absorbs it;
2. ``event_parties``: its source and target tokens, resolved to actors (``event_args``);
3. here: the source x target pairs become events (coordinated actors act on each other for
   mutual acts; consultations are symmetric; a reciprocal pattern adds the reverse event);
4. ``event_statements``: each attributed quote whose clause yielded no event becomes a
   CAMEO 010 statement event.

Date and place are left to the event_context stage (``event_places`` fills from places).
"""

from __future__ import annotations

from typing import Any

from dateline.knowledge.cameo import lookup
from dateline.pipeline.stage import Stage
from dateline.records import Analysis, Event, EventArg, Place, Span
from dateline.stages.event_modality import Clause, ModalityLexicon, modality_lexicon
from dateline.stages.event_parties import PartyFinder
from dateline.stages.event_patterns import PatternIndex, load_index
from dateline.stages.event_places import (
    VIOLENT_ROOTS,
    fill_from_places,
    governed_place,
    localised,
    place_arg,
    place_sides,
)
from dateline.stages.event_statements import quote_statements
from dateline.stages.event_triggers import Candidate, find_candidates, mere_speech

REPORTER_PRONOUNS = frozenset({"it", "they", "he", "she"})
FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
# roots whose events stand without a target: statements, appeals, intentions, yielding,
# demands, rejections, threats, protests, force posture
UNDIRECTED = ("01", "02", "03", "0831", "10", "12", "13", "14", "15")
# yielding and material conflict are coded without a target when the pattern is specific
# ("launched an offensive", "lifted the curfew")
SPECIFIC_UNDIRECTED_ROOTS = frozenset({"08", "15", "16", "17", "18", "19", "20"})
# consultations are mutual: "X met Y" is also Y meeting X
SYMMETRIC_CODES = ("040", "041", "044", "046")
# "X and Y met": coordinated actors act on each other only for mutual acts
MUTUAL_CODES = ("03", "040", "041", "044", "045", "046", "05", "06", "0871", "193")
MUTUAL_LEMMAS = frozenset({"clash", "fight", "battle", "agree", "meet", "talk", "negotiate"})
DIRECTED_CODES = ("042", "043", "051", "052", "053", "054", "055", "056")
MAX_PAIRS = 6
# resignations have no one on the receiving end: no positional target
NO_TARGET_CODES = ("0831",)
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "10", "11", "12", "13"})
# "captured the town of Knin": taking a place is occupying territory, not an arrest
TAKE_PLACE_LEMMAS = frozenset({"capture", "seize", "retake", "recapture", "overrun", "take"})
ARREST = "173"
OCCUPY = "192"
# an arrest or an attack on someone unnamed ("the army captured a man") stands on its source
PATIENT_ROOTS = ("173", "18", "20")
PATIENT_DEPS = frozenset({"dobj", "nsubjpass"})
# roots whose place can stand for an unnamed side: protest, force posture, coercion, violence
PLACED_ROOTS = ("14", "15", "17", "18", "19", "20")

Pair = tuple[EventArg | None, EventArg | None, str]


class EventStage(Stage):
    name = "events"
    requires = ("doc", "sentences", "entities", "actors", "quotes")
    provides = ("events",)

    index: PatternIndex | None = None
    lex: ModalityLexicon | None = None

    def setup(self) -> None:
        self.index = load_index(self.settings.dict_dir)
        self.lex = modality_lexicon()

    def process(self, analysis: Analysis) -> Analysis:
        if self.index is None or self.lex is None:
            self.setup()
        assert self.index is not None and self.lex is not None
        events = EventCoder(self.index, self.lex, analysis).run()
        return analysis.with_(self.name, events=tuple(events))


class EventCoder:
    """Codes the events of one analysed article."""

    def __init__(self, index: PatternIndex, lex: ModalityLexicon, analysis: Analysis) -> None:
        self.index = index
        self.lex = lex
        self.analysis = analysis
        self.doc = analysis.doc
        self.finder = PartyFinder(analysis, lex)

    def run(self) -> list[Event]:
        if self.doc is None:
            return []
        events: list[Event] = []
        for sent in self.doc.sents:
            cands = [c for c in find_candidates(sent, self.index, self.lex,
                                                self.finder.args.actor_at) if not c.dropped]
            coded: dict[int, list[Event]] = {}
            for cand in cands:
                coded[cand.token.i] = self._events(cand, sent)
            for cand in cands:
                if mere_speech(cand, coded, self.lex):
                    continue
                events.extend(_not_restated(cand, coded))
        events.extend(quote_statements(self.analysis, events))
        events = fill_from_places(events, self.analysis.places)
        events.sort(key=lambda e: (e.trigger.start, e.cameo))
        return events

    def _arguments(self, cand: Candidate) -> tuple[list[EventArg], list[EventArg], bool]:
        """Source and target arguments, and whether they came from "between X and Y"."""
        finder = self.finder
        sources, targets, between = finder.parties(cand)
        pat = cand.pattern
        if pat.flip:  # PETRARCH "+ ... * ... $": the written subject is the target
            sources, targets = next((g for g in targets if g), []), [sources]
        src_args = finder.expand(sources)
        tgt_args: list[EventArg] = []
        for option in targets:  # the first group of target tokens that names anyone else
            tgt_args = finder.expand(option)
            if tgt_args and not (pat.rank > 0 and _only_self(src_args, tgt_args)):
                break
        if not tgt_args and not between and not pat.flip and not cand.code.startswith(NO_TARGET_CODES):
            tgt_args = finder.next_actor(cand, src_args)
        reciprocal_between = False
        if between:
            parties = finder.expand(between)
            if not src_args:
                src_args, tgt_args = parties[:1], parties[1:] + tgt_args
                reciprocal_between = True
            else:
                src_ids = {a.actor or a.text for a in src_args}
                tgt_args = tgt_args + [p for p in parties if (p.actor or p.text) not in src_ids]
        # the speaker of a report stands in for a missing source only for verbal acts
        # ("X said it would appeal"): whoever reports a bombing did not bomb
        verbal = cand.code[:2] in VERBAL_ROOTS
        if not src_args and verbal:
            speaker = finder.speaker(cand)
            if speaker is not None:
                src_args = [speaker]
        if not src_args and any(t.lower_ in REPORTER_PRONOUNS for t in sources):
            # "Switzerland said it had expelled ...": the pronoun is the one reporting
            speaker = finder.speaker(cand)
            if speaker is not None:
                src_args = [speaker]
        src_args = [a for a in src_args if not _first_person(a)] or (
            [s] if verbal and (s := finder.speaker(cand)) is not None else [])
        return src_args, tgt_args, reciprocal_between

    def _events(self, cand: Candidate, sent: Any) -> list[Event]:
        src_args, tgt_args, reciprocal_between = self._arguments(cand)
        pat = cand.pattern
        if pat.rank > 0 and _only_self(src_args, tgt_args):
            # the only party on the receiving end is the source itself: the act stands without
            # a target (imported PETRARCH dictionaries keep PETRARCH's way: no event at all)
            tgt_args = []
        code = cand.code
        doc, places = self.doc, self.analysis.places
        if code.startswith(ARREST) and cand.token.lemma_.lower() in TAKE_PLACE_LEMMAS and (
                taken := governed_place(cand.token, places, doc, object_only=True)) is not None:
            code = OCCUPY
            arg = place_arg(taken)
            if arg is not None and not any(a.code for a in tgt_args):
                tgt_args = [arg]
        place = self._place(cand) if code.startswith(PLACED_ROOTS) else None
        if place is not None:
            # an uncoded name of the place is where, not who ("a car bomb in Mosul killed")
            src_args = [a for a in src_args if not _names_place(a, place)]
            if not src_args:  # the place then gives both sides (below)
                tgt_args = [a for a in tgt_args if not _names_place(a, place)]
        if not src_args and not tgt_args:
            # no one named: a protest, an attack or an arrest takes its sides from the
            # place it happened in ("thousands marched in Vienna", "staged a rally in Rome")
            src, tgt = place_sides(code, place) if place is not None else (None, None)
            if src is None and tgt is None:
                return []
            return [self._event(cand, sent, src, tgt, code)]
        if place is not None:
            # "gunmen opened fire in Peshawar": a sector with no country is of the place
            src_args = [localised(a, place) for a in src_args]
            tgt_args = [localised(a, place) for a in tgt_args]
            if not src_args and code.startswith(VIOLENT_ROOTS) and any(
                    a.code and not (a.start < place.end and place.start < a.end) for a in tgt_args):
                # "two soldiers were shot dead near Hebron": unnamed attackers of the place
                src, _tgt = place_sides(code, place)
                src_args = [src] if src is not None else []
            if not tgt_args and code.startswith(VIOLENT_ROOTS):
                # "troops shelled positions near Rafah": the place attacked
                arg = place_arg(place)
                if arg is not None and not any(_same(arg, a) for a in src_args):
                    tgt_args = [arg]
        # "X and Y failed to reach agreement": mutual as the act they failed at
        mutual = any(c.startswith(MUTUAL_CODES) and not c.startswith(DIRECTED_CODES)
                     for c in (code, pat.code)) or (
            cand.token.lemma_.lower() in MUTUAL_LEMMAS) or pat.compound
        if not tgt_args and not (mutual and len(src_args) >= 2) and not code.startswith(UNDIRECTED) \
                and not ((pat.needs or pat.after or cand.token.pos_ != "VERB")
                         and code[:2] in SPECIFIC_UNDIRECTED_ROOTS) \
                and cand.modality == "asserted" and not pat.literal \
                and not (code.startswith(PATIENT_ROOTS) and _has_agent(cand.token, src_args)
                         and _has_patient(cand.token, self.lex.person_nouns)):
            return []  # no one on the receiving end: too weak to code
        pairs: list[Pair] = []
        reciprocal = pat.reciprocal
        if not tgt_args and len(src_args) >= 2 and mutual:  # "X and Y met": each with the other
            for a in src_args:
                for b in src_args:
                    if a is not b and not _same(a, b):
                        pairs.append((a, b, code))
        else:
            for a in src_args or [None]:
                for b in tgt_args or [None]:
                    if a is not None and b is not None and _same(a, b):
                        continue
                    pairs.append((a, b, code))
                    if reciprocal and a is not None and b is not None:
                        pairs.append((b, a, reciprocal))
                    elif (pat.compound or reciprocal_between or code.startswith(SYMMETRIC_CODES)) \
                            and a is not None and b is not None and not pat.literal:
                        pairs.append((b, a, code))
        out = []
        seen: set[tuple[str | None, str | None, str]] = set()
        for a, b, c in pairs[:MAX_PAIRS]:
            key = (a.actor or a.text if a else None, b.actor or b.text if b else None, c)
            if key in seen:
                continue
            seen.add(key)
            out.append(self._event(cand, sent, a, b, c))
        if code.startswith("04"):  # "the two sides" later refers to the parties of a meeting
            for a, b, _c in pairs:
                if a is not None and b is not None:
                    self.finder.last_pair = (a, b)
                    break
        return out

    def _place(self, cand: Candidate) -> Place | None:
        """The place the trigger's clause governs; a bare action noun ("a bombing near
        Samarra killed ...") has none of its own: its verb is the event."""
        head = cand.governor if cand.governor is not None else cand.token
        if head.pos_ == "NOUN" and head.dep_ == "dobj":  # "staged a rally in Rome"
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return None
        return governed_place(head, self.analysis.places, self.doc)

    def _event(self, cand: Candidate, sent: Any, src: EventArg | None, tgt: EventArg | None,
               code: str) -> Event:
        info = lookup(code)
        toks = sorted(cand.span_tokens, key=lambda t: t.i)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        pat = cand.pattern
        confidence = 0.45 + 0.08 * min(pat.specificity, 2)
        confidence += 0.17 if src is not None and src.code else 0.08 if src is not None else 0.0
        confidence += 0.17 if tgt is not None and tgt.code else 0.08 if tgt is not None else 0.0
        if cand.token.pos_ != "VERB" and cand.governor is cand.token:
            confidence -= 0.1
        return Event(
            trigger=Span(start, end, self.doc.text[start:end]),
            sentence=Span(sent.start_char, sent.end_char, sent.text),
            cameo=code,
            goldstein=info.goldstein if info else None,
            quad_class=info.quad_class if info else None,
            source=src, target=tgt,
            plover_type=info.plover_type if info else None,
            plover_mode=info.plover_mode if info else None,
            plover_context=info.plover_context if info else None,
            negated=cand.negated, modality=cand.modality,
            confidence=round(max(0.05, min(confidence, 0.95)), 2),
            rule=cand.rule,
        )


def _same(a: EventArg, b: EventArg) -> bool:
    if a.actor is not None and b.actor is not None:
        return a.actor == b.actor
    return (a.start, a.end) == (b.start, b.end)


def _only_self(sources: list[EventArg], targets: list[EventArg]) -> bool:
    """Whether every target is one of the sources ("the group insisted on its demands")."""
    return bool(sources and targets) and all(any(_same(a, b) for a in sources) for b in targets)


def _sides(e: Event) -> tuple[str, str | None, str | None]:
    return (e.cameo[:2], e.source.code if e.source else None, e.target.code if e.target else None)


def _not_restated(cand: Candidate, coded: dict[int, list[Event]]) -> list[Event]:
    """The candidate's events, less those its verb restates: "suicide bombers killed 23"
    is one attack, coded on the verb."""
    tok = cand.token
    own = coded[tok.i]
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "nsubj" or tok.head.i not in coded:
        return own
    verb = {_sides(e) for e in coded[tok.head.i]}
    return [e for e in own if _sides(e) not in verb]


def _has_agent(tok: Any, sources: list[EventArg]) -> bool:
    """Whether a coded source is the trigger's own subject (not a reporter standing in)."""
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    return any(a.code and any(a.start <= c.idx < a.end for c in subj) for a in sources)


def _has_patient(tok: Any, person_nouns: frozenset[str]) -> bool:
    """Whether a verb trigger names the people it was done to ("captured a man")."""
    return tok.pos_ == "VERB" and any(
        c.dep_ in PATIENT_DEPS and (c.lemma_.lower() in person_nouns or c.ent_type_ == "PERSON")
        for c in tok.children)


def _names_place(a: EventArg, place: Place) -> bool:
    return not a.code and a.actor is None and a.start < place.end and place.start < a.end


def _first_person(a: EventArg) -> bool:
    return a.actor is None and a.text.lower() in FIRST_PERSON


__all__ = ["Clause", "EventCoder", "EventStage"]
