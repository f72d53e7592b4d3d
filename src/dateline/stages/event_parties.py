"""The parties of a trigger: source tokens, target options and the "between" parties, and
their resolution to actor arguments (``event_args``).

Subject / agent / passive subject, objects and the prepositional objects "with/against/on/to",
the parties of "talks between X and Y"; a positional target when the parse gave none; in
reported speech and quotes the speaker stands in for a missing or first-person source.
"""

from __future__ import annotations

from typing import Any

from dateline.records import Actor, Analysis, EventArg, Span
from dateline.stages.event_args import (
    NOUN_TARGET_PREPS,
    ArgResolver,
    Party,
    governing_verb,
    noun_parties,
    object_tokens,
    subject_tokens,
)
from dateline.stages.event_modality import ModalityLexicon, clause_of
from dateline.stages.event_triggers import Candidate

NEXT_ACTOR_WINDOW = 12  # tokens after the trigger searched for a positional target
# a verb trigger without an object addresses the subject of its clause complement:
# "demanded that North Korea forsake ..."
CCOMP_TARGET_ROOTS = ("02", "10", "11", "12", "13", "16")
APPEAL_KINDS = ("appeal", "demand", "permit")  # kinds whose object is the target


class PartyFinder:
    """Finds and resolves the parties of the triggers of one article."""

    def __init__(self, analysis: Analysis, lex: ModalityLexicon) -> None:
        self.analysis = analysis
        self.lex = lex
        self.args = ArgResolver(analysis)
        self.last_pair: tuple[EventArg, EventArg] | None = None

    def parties(self, cand: Candidate) -> tuple[list[Any], list[list[Any]], list[Any]]:
        """Source tokens, target token groups in order of preference, between-parties."""
        if cand.token.pos_ in ("NOUN", "PROPN"):
            sources, options, between = self._noun_parties(cand)
        else:
            sources, options, between = self._verb_parties(cand)
        # "according to officials": the attribution names who reports, never a party
        return (_unattributed(sources), [_unattributed(o) for o in options],
                _unattributed(between))

    def _noun_parties(self, cand: Candidate) -> tuple[list[Any], list[list[Any]], list[Any]]:
        tok, gov = cand.token, cand.governor
        skip = {w for alts in cand.pattern.needs for w in alts}
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
        if gov is not tok and gov.is_ancestor(tok) and _governor_kind(cand) in APPEAL_KINDS:
            # "demanding that Mugabe abandon his policy of confiscations": Mugabe
            own = [c for c in clause_under(tok, gov).children if c.dep_ in ("nsubj", "nsubjpass")]
            options = [own, targets]
        if not between:
            options.append([t for t in object_tokens(tok, skip, NOUN_TARGET_PREPS) if t is not tok])
            # an action noun's "of" names its patient: "the blockade of Serbia"
            options.append([p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children if p.dep_ == "pobj"])
        return sources, options, between

    def _verb_parties(self, cand: Candidate) -> tuple[list[Any], list[list[Any]], list[Any]]:
        tok, gov = cand.token, cand.governor
        skip = {w for alts in cand.pattern.needs for w in alts}
        between: list[Any] = []
        sources, passive_targets = subject_tokens(gov if gov is not tok else tok)
        # the pattern's own nouns ("provide aid for X", "strengthen relations between X and Y")
        named = [t for t in tok.subtree if t.lemma_.lower() in skip and t is not tok
                 and t.i - tok.i < 12]
        for n in named:
            between.extend(noun_parties(n)[2])
        if gov is not tok and _governor_kind(cand) in APPEAL_KINDS:
            # "urged Bree to help": the one appealed to is the target
            # "demanded that Y release ...": the embedded clause's own subject is the target
            own = [c for c in clause_under(tok, gov).children
                   if c.dep_ in ("nsubj", "nsubjpass")] if gov.is_ancestor(tok) else []
            return sources, [object_tokens(gov, skip | {tok.lemma_.lower()}), own,
                             object_tokens(tok, skip)], between
        options = [passive_targets, object_tokens(tok, skip)]
        for n in named:
            options.append(noun_parties(n)[1])
        if gov is not tok:
            options.append(object_tokens(gov, skip))
        for c in tok.children:  # "launched an operation to liberate the city from the group"
            if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and _infinitive(c):
                options.append([t for t in object_tokens(c, skip) if t.i in self.args.actor_at])
        if cand.code.startswith(CCOMP_TARGET_ROOTS) or cand.rule == "say-demand":
            for c in tok.children:
                if c.dep_ == "ccomp":
                    options.append([s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")])
        return sources, options, between

    def next_actor(self, cand: Candidate, sources: list[EventArg]) -> list[EventArg]:
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
            if _clause_boundary(t, head, positional):
                break
            if _in_attribution(t):
                continue
            hit = self.args.actor_at.get(t.i)
            if hit is not None and hit[0].code and hit[0].id not in src_ids:
                actor, start, end, text = hit
                return [EventArg(start, end, text, actor=actor.id, code=actor.code)]
        return []

    def expand(self, tokens: list[Any]) -> list[EventArg]:
        """The actor arguments the tokens resolve to, without repeats."""
        out: list[EventArg] = []
        seen: set[tuple[int, int]] = set()
        for t in tokens:
            for party in self.args.resolve_all(t):
                for a in self._pair_args(party):
                    if (a.start, a.end) not in seen:
                        seen.add((a.start, a.end))
                        out.append(a)
        return out

    def _pair_args(self, party: Party) -> list[EventArg]:
        if not party.pair:
            return [party.arg] if party.arg is not None else []
        if self.last_pair is None:
            return []
        # "the two sides": both previous parties (acting on each other)
        return list(self.last_pair)

    def speaker(self, cand: Candidate) -> EventArg | None:
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


def _unattributed(tokens: list[Any]) -> list[Any]:
    return [t for t in tokens if not _in_attribution(t)]


def _in_attribution(tok: Any) -> bool:
    node, steps = tok, 0
    while node.head.i != node.i and steps < 4:
        if node.dep_ == "prep" and node.lower_ == "according":
            return True
        node, steps = node.head, steps + 1
    return False


def speaker_arg(actor: Actor, speaker: Span) -> EventArg:
    """The speaker as an argument: the actor's mention inside the speaker phrase."""
    inside = [m for m in actor.mentions if m.start >= speaker.start and m.end <= speaker.end]
    m = min(inside, key=lambda m: m.start - speaker.end) if inside else None
    if m is None:
        return EventArg(speaker.start, speaker.end, speaker.text, actor=actor.id, code=actor.code)
    return EventArg(m.start, m.end, m.text, actor=actor.id, code=actor.code)


def clause_under(tok: Any, gov: Any) -> Any:
    """The clause of ``gov`` that contains ``tok`` ("demanded that the US cancel plans to sell":
    the clause headed by "cancel"), or ``tok`` when that clause is not a complement clause."""
    node = tok
    while node.head.i != gov.i and node.head.i != node.i:
        node = node.head
    return node if node.dep_ == "ccomp" else tok


def _governor_kind(cand: Candidate) -> str:
    """The kind of the modal governor recorded in the rule ("pattern:..+appeal:urge")."""
    return cand.rule.split("+")[-1].split(":")[0]


def _infinitive(verb: Any) -> bool:
    """A to-infinitive complement, not a finite adverbial clause ("after a court cleared him")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
        c.dep_ == "mark" for c in verb.children)


def _clause_boundary(t: Any, head: Any, positional: bool) -> bool:
    """Whether the positional search stops at ``t``: the head of a clause, or (packaged
    patterns) a word of a subordinate clause ("after a court cleared him", whose words come
    before their verb in sentence order)."""
    if t.dep_ in ("ccomp", "advcl", "relcl", "parataxis") or (
            t.dep_ == "acl" and not positional) or (
            t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")):
        return True
    if positional:  # PETRARCH reads on by position
        return False
    node = t
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
            return True
        node = node.head
    return False
