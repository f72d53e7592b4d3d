"""The events stage: who did what to whom, coded in CAMEO and PLOVER.

For each sentence, every verb or noun whose lemma the lexicon knows (``event_patterns``) is a
candidate trigger; the most specific pattern that fits codes it. Then:

1. Governors and modality (``event_modality``): "plan to", "urged ... to", "refused to",
   "will", negation, hypotheticals. Hypothetical and purpose clauses are not coded.
2. A trigger absorbed by a more specific neighbour is dropped: the object of a pattern that
   names it ("sign an agreement"), a same-family complement ("met to discuss"), the noun of
   a light verb ("held talks", "launched an operation") which lends the verb's subject.
3. Arguments (``event_args``): subject / agent / passive subject, objects and the
   prepositional objects "with/against/on/to", the parties of "talks between X and Y";
   coordinated actors act on each other ("X and Y met"); in reported speech and quotes
   the speaker stands in for a missing or first-person source.
4. Each attributed quote whose clause yielded no event becomes a CAMEO 010 statement event.

Date and place are left to the event_context stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dateline.knowledge.cameo import lookup
from dateline.pipeline.stage import Stage
from dateline.records import Actor, Analysis, Event, EventArg, Span
from dateline.stages.event_args import (
    NOUN_TARGET_PREPS,
    ArgResolver,
    Party,
    governing_verb,
    noun_parties,
    object_tokens,
    subject_tokens,
)
from dateline.stages.event_modality import (
    Clause,
    ModalityLexicon,
    clause_of,
    find_governor,
    modality_lexicon,
)
from dateline.stages.event_patterns import Pattern, PatternIndex, load_index
from dateline.stages.event_places import fill_from_places

# verbs whose object noun carries the event ("held talks", "imposed sanctions")
LIGHT_VERBS = frozenset({
    "hold", "have", "conduct", "launch", "carry", "stage", "make", "pay", "impose", "sign",
    "give", "reach", "begin", "start", "resume", "continue", "open", "take", "mount", "wage",
    "deliver", "send", "provide", "extend", "issue", "lodge", "file", "grant", "exchange",
    "announce", "initiate", "undertake", "perform", "host", "join", "attend", "receive",
    "express", "offer", "engage", "step", "intensify", "escalate", "order",
})
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
BACKGROUND_PREPS = frozenset({"after", "during", "before", "amid", "since", "despite",
                              "following", "until", "throughout"})
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "10", "11", "12", "13"})
NEXT_ACTOR_WINDOW = 12  # tokens after the trigger searched for a positional target
# "X said Y must ...": a demand of Y
DEMAND_MODALS = frozenset({"must", "should"})
SAY_DEMAND = Pattern(id="say-demand", code="100", lemma="say", pos="verb")
# a verb trigger without an object addresses the subject of its clause complement:
# "demanded that North Korea forsake ..."
CCOMP_TARGET_ROOTS = ("02", "10", "11", "12", "13", "16")


@dataclass
class Candidate:
    token: Any
    pattern: Pattern
    code: str
    modality: str = "asserted"
    negated: bool = False
    governor: Any = None  # the token whose subject is the source (governor or light verb)
    span_tokens: list[Any] = field(default_factory=list)
    rule: str = ""
    dropped: bool = False


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
        self.args = ArgResolver(analysis)
        self.last_pair: tuple[EventArg, EventArg] | None = None

    def run(self) -> list[Event]:
        if self.doc is None:
            return []
        events: list[Event] = []
        for sent in self.doc.sents:
            cands = [c for c in self._candidates(sent) if not c.dropped]
            coded: dict[int, list[Event]] = {}
            for cand in cands:
                coded[cand.token.i] = self._events(cand, sent)
            for cand in cands:
                if self._mere_speech(cand, coded):
                    continue
                events.extend(coded[cand.token.i])
        events.extend(self._statements(events))
        events = fill_from_places(events, self.analysis.places)
        events.sort(key=lambda e: (e.trigger.start, e.cameo))
        return events

    # -- triggers ---------------------------------------------------------------------
    def _candidates(self, sent: Any) -> list[Candidate]:
        found: dict[int, Candidate] = {}
        for tok in sent:
            pattern = self.index.match(tok)
            if pattern is not None:
                found[tok.i] = Candidate(tok, pattern, pattern.code, governor=tok,
                                         span_tokens=_trigger_tokens(tok, pattern),
                                         rule=f"pattern:{pattern.id}")
        self._reported_demands(sent, found)
        for cand in found.values():
            if cand.dropped:
                continue
            if cand.code == "---":  # a dictionary pattern that matches but codes nothing
                cand.dropped = True
            else:
                self._situate(cand, found)
        return sorted(found.values(), key=lambda c: c.token.i)

    def _mere_speech(self, cand: Candidate, coded: dict[int, list[Event]]) -> bool:
        """A statement or appeal coded on a speech verb ("..., an official said") whose
        reported clause yielded an event: the reported event is what happened."""
        tok = cand.token
        if not cand.code.startswith(("01", "02")) or tok.lemma_.lower() not in self.lex.speech_verbs:
            return False
        return any(evs and tok.is_ancestor(tok.doc[i]) for i, evs in coded.items())

    def _reported_demands(self, sent: Any, found: dict[int, Candidate]) -> None:
        """"X said (that) Y must/should Z": X demands of Y (CAMEO 100). The embedded act is
        what is demanded, not an event, so its own candidates are dropped."""
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.lex.speech_verbs:
                continue
            for c in tok.children:
                if c.dep_ != "ccomp" or not any(
                        a.dep_ == "aux" and a.lower_ in DEMAND_MODALS for a in c.children):
                    continue
                if not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children):
                    continue
                inside = {t.i for t in c.subtree}
                for other in found.values():
                    if other.token.i in inside:
                        other.dropped = True
                found[tok.i] = Candidate(tok, SAY_DEMAND, SAY_DEMAND.code, governor=tok,
                                         span_tokens=[tok], rule="say-demand")
                break

    def _situate(self, cand: Candidate, found: dict[int, Candidate]) -> None:
        """Apply the governor, absorption and modality rules to one candidate."""
        tok, pat = cand.token, cand.pattern
        if tok.pos_ in ("NOUN", "PROPN") and not pat.literal and _background(tok):
            cand.dropped = True  # "war crimes court", "after two days of fighting"
            return
        # absorbed by a neighbour whose pattern names this word, or same-family complement
        head, child = tok.head, tok
        for _ in range(3):
            if head is child:
                break
            other = found.get(head.i)
            if other is not None:
                names_me = any(tok.lemma_.lower() in alts or tok.lower_ in alts
                               for alts in other.pattern.needs)
                same_family = (child is tok and tok.dep_ in ("xcomp", "advcl", "conj")
                               and other.code[:2] == cand.code[:2] and tok.pos_ == head.pos_)
                if names_me or same_family:
                    cand.dropped = True
                    return
            head, child = head.head, head
        clause = clause_of(tok, self.lex)
        if cand.rule == "say-demand":
            if clause.negated:
                cand.negated = True
            return
        gov = None if pat.literal else find_governor(tok, self.lex)
        if gov is not None:
            kind, gtok, _gpat = gov
            negated_gov = clause_of(gtok, self.lex)
            if kind == "intent" and (negated_gov.negated or clause.negated):
                kind = "refuse"
            new = self.lex.recode(kind, cand.code)
            if kind == "intent" and cand.code[:2] in ("10", "11", "12", "13") or new is None:
                new = cand.code
            cand.code = new
            cand.governor = gtok
            cand.span_tokens = [gtok, *cand.span_tokens]
            cand.modality = "intended" if kind in ("intent", "threat") else "asserted"
            cand.rule += f"+{kind}:{gtok.lemma_.lower()}"
            if gtok.i in found:  # the governor's own generic event gives way
                found[gtok.i].dropped = True
            if negated_gov.hypothetical and not negated_gov.future:
                cand.dropped = True
            return
        if (clause.hypothetical or clause.purpose) and not pat.literal:
            cand.dropped = True
            return
        if not pat.literal:
            if clause.future:
                if clause.negated:
                    cand.code = self.lex.recode("refuse", cand.code) or cand.code
                    cand.rule += "+refuse:not"
                else:
                    new = self.lex.recode("intent", cand.code)
                    if new and cand.code[:2] not in ("10", "11", "12", "13"):
                        cand.code = new
                    cand.modality = "intended"
                    cand.rule += "+future"
            elif clause.negated:
                cand.negated = True
        elif clause.negated:
            cand.negated = True
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "attr", "pobj", "nsubjpass"):
            verb = tok.head if tok.dep_ != "pobj" else governing_verb(tok)
            if verb is not None and verb.lemma_.lower() in LIGHT_VERBS and tok.dep_ != "pobj":
                cand.governor = verb
                cand.span_tokens = [verb, tok]
                if verb.i in found and not found[verb.i].pattern.needs:
                    found[verb.i].dropped = True

    # -- arguments and events -----------------------------------------------------------
    def _events(self, cand: Candidate, sent: Any) -> list[Event]:
        sources, targets, between = self._parties(cand)
        pat = cand.pattern
        if pat.flip:  # PETRARCH "+ ... * ... $": the written subject is the target
            sources, targets = next((g for g in targets if g), []), [sources]
        src_args = self._expand(sources, 0)
        tgt_args: list[EventArg] = []
        for option in targets:  # the first group of target tokens that names anyone
            tgt_args = self._expand(option, 1)
            if tgt_args:
                break
        if not tgt_args and not between and not pat.flip and not cand.code.startswith(NO_TARGET_CODES):
            tgt_args = self._next_actor(cand, src_args)
        if between:
            parties = self._expand(between, None)
            if not src_args:
                src_args, tgt_args = parties[:1], parties[1:] + tgt_args
                reciprocal_between = True
            else:
                src_ids = {a.actor or a.text for a in src_args}
                tgt_args = tgt_args + [p for p in parties if (p.actor or p.text) not in src_ids]
                reciprocal_between = False
        else:
            reciprocal_between = False
        # the speaker of a report stands in for a missing source only for verbal acts
        # ("X said it would appeal"): whoever reports a bombing did not bomb
        verbal = cand.code[:2] in VERBAL_ROOTS
        if not src_args and verbal:
            speaker = self._speaker(cand)
            if speaker is not None:
                src_args = [speaker]
        if not src_args and any(t.lower_ in REPORTER_PRONOUNS for t in sources):
            # "Switzerland said it had expelled ...": the pronoun is the one reporting
            speaker = self._speaker(cand)
            if speaker is not None:
                src_args = [speaker]
        src_args = [a for a in src_args if not _first_person(a)] or (
            [s] if verbal and (s := self._speaker(cand)) is not None else [])
        if not src_args and not tgt_args:
            return []
        code = cand.code
        mutual = (code.startswith(MUTUAL_CODES) and not code.startswith(DIRECTED_CODES)) or (
            cand.token.lemma_.lower() in MUTUAL_LEMMAS) or pat.compound
        if not tgt_args and not (mutual and len(src_args) >= 2) and not code.startswith(UNDIRECTED) \
                and not ((pat.needs or pat.after or cand.token.pos_ != "VERB")
                         and code[:2] in SPECIFIC_UNDIRECTED_ROOTS) \
                and cand.modality == "asserted" and not pat.literal:
            return []  # no one on the receiving end: too weak to code
        pairs: list[tuple[EventArg | None, EventArg | None, str]] = []
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
            ev = self._event(cand, sent, a, b, c)
            if ev is not None:
                out.append(ev)
        if code.startswith("04"):  # "the two sides" later refers to the parties of a meeting
            for a, b, _c in pairs:
                if a is not None and b is not None:
                    self.last_pair = (a, b)
                    break
        return out

    def _parties(self, cand: Candidate) -> tuple[list[Any], list[list[Any]], list[Any]]:
        """Source tokens, target token groups in order of preference, between-parties."""
        tok, gov = cand.token, cand.governor
        skip = {w for alts in cand.pattern.needs for w in alts}
        between: list[Any] = []
        if tok.pos_ in ("NOUN", "PROPN"):
            sources, targets, between = noun_parties(tok)
            if gov is not tok and not between:  # "launched a mediation effort between X and Y"
                for c in gov.children:
                    if c.dep_ == "prep" and c.lower_ == "between":
                        between = [q for p in c.children if p.dep_ == "pobj" for q in (p, *p.conjuncts)]
            if gov is not tok:
                s2, t2 = subject_tokens(gov)
                owners: list[Any] = []
                if s2:  # "Yemen rejected a U.S. request": the request's owner is the target
                    owners = [t for t in sources if t.dep_ != "amod" or t.pos_ == "PROPN"
                              or t.i in self.args.actor_at]
                    sources = s2
                targets = targets or t2 or [t for t in object_tokens(gov, skip | {tok.lemma_.lower()})
                                            if t is not tok and t.head is not tok] or owners
            elif not sources:
                verb = governing_verb(tok)
                if verb is not None:
                    sources = subject_tokens(verb)[0]
            options = [targets]
            if gov is not tok and gov.is_ancestor(tok) and \
                    cand.rule.split("+")[-1].split(":")[0] in ("appeal", "demand"):
                # "demanding that Mugabe abandon his policy of confiscations": Mugabe
                own = [c for c in _clause_under(tok, gov).children
                       if c.dep_ in ("nsubj", "nsubjpass")]
                options = [own, targets]
            if not between:
                options.append([t for t in object_tokens(tok, skip, NOUN_TARGET_PREPS) if t is not tok])
                # an action noun's "of" names its patient: "the blockade of Serbia"
                options.append([p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                                for p in c.children if p.dep_ == "pobj"])
            return sources, options, between
        sources, passive_targets = subject_tokens(gov if gov is not tok else tok)
        # the pattern's own nouns ("provide aid for X", "strengthen relations between X and Y")
        named = [t for t in tok.subtree if t.lemma_.lower() in skip and t is not tok
                 and t.i - tok.i < 12]
        for n in named:
            between.extend(noun_parties(n)[2])
        if gov is not tok and cand.rule.split("+")[-1].split(":")[0] in ("appeal", "demand"):
            # "urged Bree to help": the one appealed to is the target
            # "demanded that Y release ...": the embedded clause's own subject is the target
            own = [c for c in _clause_under(tok, gov).children
                   if c.dep_ in ("nsubj", "nsubjpass")] if gov.is_ancestor(tok) else []
            return sources, [object_tokens(gov, skip | {tok.lemma_.lower()}), own,
                             object_tokens(tok, skip)], between
        options = [passive_targets, object_tokens(tok, skip)]
        for n in named:
            options.append(noun_parties(n)[1])
        if gov is not tok:
            options.append(object_tokens(gov, skip))
        for c in tok.children:  # "launched an operation to liberate the city from the group"
            if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB":
                options.append([t for t in object_tokens(c, skip) if t.i in self.args.actor_at])
        if cand.code.startswith(CCOMP_TARGET_ROOTS) or cand.rule == "say-demand":
            for c in tok.children:
                if c.dep_ == "ccomp":
                    options.append([s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")])
        return sources, options, between

    def _next_actor(self, cand: Candidate, sources: list[EventArg]) -> list[EventArg]:
        """The first coded actor after the trigger inside the trigger's own phrase, as
        PETRARCH reads targets by position ("risen in the dispute with X"): used only when
        the parse gave none. Not across a clause boundary nor into a reported speaker."""
        tok = cand.token
        head = cand.governor if cand.governor is not None else tok
        src_ids = {a.actor for a in sources if a.actor}
        # imported (PETRARCH) patterns read on across participles, as PETRARCH does
        positional = cand.pattern.rank == 0
        for t in head.subtree:
            if t.i <= tok.i or t.i - tok.i > NEXT_ACTOR_WINDOW:
                continue
            if t.dep_ in ("ccomp", "advcl", "relcl", "parataxis") or (
                    t.dep_ == "acl" and not positional) or (
                    t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")):
                break
            hit = self.args.actor_at.get(t.i)
            if hit is not None and hit[0].code and hit[0].id not in src_ids:
                actor, start, end, text = hit
                return [EventArg(start, end, text, actor=actor.id, code=actor.code)]
        return []

    def _expand(self, tokens: list[Any], side: int | None) -> list[EventArg]:
        out: list[EventArg] = []
        seen: set[tuple[int, int]] = set()
        for t in tokens:
            for party in self.args.resolve_all(t):
                args = self._pair_args(party, side)
                for a in args:
                    if (a.start, a.end) not in seen:
                        seen.add((a.start, a.end))
                        out.append(a)
        return out

    def _pair_args(self, party: Party, side: int | None) -> list[EventArg]:
        if not party.pair:
            return [party.arg] if party.arg is not None else []
        if self.last_pair is None:
            return []
        # "the two sides": both previous parties (acting on each other)
        return list(self.last_pair)

    def _speaker(self, cand: Candidate) -> EventArg | None:
        """The speaker of the quote or reported statement the trigger is in."""
        pos = cand.token.idx
        for q in self.analysis.quotes:
            spans = q.content_spans or (q.content,)
            if q.speaker_actor and any(s.start <= pos < s.end for s in spans):
                actor = self.analysis.actor(q.speaker_actor)
                if actor is not None and q.speaker is not None:
                    return speaker_arg(actor, q.speaker)
        clause = clause_of(cand.token, self.lex)
        if clause.reported is not None:
            for s in subject_tokens(clause.reported)[0]:
                party = self.args.resolve(s)
                if party.arg is not None and party.arg.actor is not None:
                    return party.arg
        return None

    def _event(self, cand: Candidate, sent: Any, src: EventArg | None, tgt: EventArg | None,
               code: str) -> Event | None:
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

    # -- statements -------------------------------------------------------------------
    def _statements(self, events: list[Event]) -> list[Event]:
        """A CAMEO 010 event for each attributed quote whose clause coded nothing else."""
        out = []
        for qi, q in enumerate(self.analysis.quotes):
            if not q.speaker_actor or q.speaker is None:
                continue
            actor = self.analysis.actor(q.speaker_actor)
            if actor is None:
                continue
            spans = q.content_spans or (q.content,)
            cue = q.cue or q.speaker
            if any(_covers(e, spans, cue, actor.id) for e in events):
                continue
            if any(e.sentence.start <= cue.start < e.sentence.end for e in events):
                continue  # the sentence reports an event: the saying is not one
            info = lookup("010")
            sent = self.doc[self.doc.char_span(cue.start, cue.end, alignment_mode="expand").start].sent
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


def speaker_arg(actor: Actor, speaker: Span) -> EventArg:
    """The speaker as an argument: the actor's mention inside the speaker phrase."""
    inside = [m for m in actor.mentions if m.start >= speaker.start and m.end <= speaker.end]
    m = min(inside, key=lambda m: m.start - speaker.end) if inside else None
    if m is None:
        return EventArg(speaker.start, speaker.end, speaker.text, actor=actor.id, code=actor.code)
    return EventArg(m.start, m.end, m.text, actor=actor.id, code=actor.code)


def _trigger_tokens(tok: Any, pattern: Pattern) -> list[Any]:
    """The trigger and the pattern's own words right after it ("held talks", "called for")."""
    words = {w for alts in pattern.needs for w in alts}
    if not words:
        return [tok]
    near = [t for t in tok.doc[tok.i + 1: min(tok.i + 6, tok.sent.end)]
            if t.lemma_.lower() in words or t.lower_ in words]
    return [tok, *near[-1:]]


def _covers(e: Event, spans: tuple[Span, ...], cue: Span, actor_id: str) -> bool:
    """Whether an event already codes the clause of a quote: its trigger is in the quote or
    is the cue, or the speaker acts in the cue's sentence."""
    t = e.trigger.start
    return any(s.start <= t < s.end for s in spans) or cue.start <= t < cue.end or (
        e.source is not None and e.source.actor == actor_id
        and e.sentence.start <= cue.start < e.sentence.end)


def _background(noun: Any) -> bool:
    """A noun trigger that only describes something else: a modifier of another noun
    ("war crimes court", "peacekeeping force"), or the circumstance of a time adjunct
    ("after two days of fighting", "during the war")."""
    if noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
        return True
    t = noun
    for _ in range(3):
        if t.dep_ != "pobj":
            return False
        prep = t.head
        if prep.lower_ in BACKGROUND_PREPS:
            return True
        if prep.lower_ != "of" or prep.head.pos_ not in ("NOUN", "PROPN"):
            return False
        t = prep.head  # "two days of fighting": look at the preposition above "days"
    return False


def _clause_under(tok: Any, gov: Any) -> Any:
    """The clause of ``gov`` that contains ``tok`` ("demanded that the US cancel plans to sell":
    the clause headed by "cancel"), or ``tok`` when that clause is not a complement clause."""
    node = tok
    while node.head.i != gov.i and node.head.i != node.i:
        node = node.head
    return node if node.dep_ == "ccomp" else tok


def _same(a: EventArg, b: EventArg) -> bool:
    if a.actor is not None and b.actor is not None:
        return a.actor == b.actor
    return (a.start, a.end) == (b.start, b.end)


def _first_person(a: EventArg) -> bool:
    return a.actor is None and a.text.lower() in FIRST_PERSON


__all__ = ["Clause", "EventCoder", "EventStage"]
