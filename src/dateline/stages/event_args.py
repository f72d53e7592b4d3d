"""Event arguments: who acts (source) and on whom (target), read off the dependency parse,
and resolved to the article's actors.

An argument token is resolved through the actor mention covering it, else through an
actor mention on its modifiers ("Iraqi forces", "officials of Iran", "the ministry's role"),
else through a named entity covering it (an argument without actor or code). "X and Y" gives
one argument per conjunct.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.records import Actor, Analysis, EventArg, Mention

# "over" and "in" usually give the issue or the place ("sanctions on X over Y")
TARGET_PREPS = ("with", "against", "on", "to", "toward", "towards", "into", "at", "for",
                "upon", "from")
NOUN_TARGET_PREPS = ("with", "to", "against", "on", "toward", "towards", "into", "at", "for")
SUBJECT_DEPS = ("nsubj", "csubj")
# modifiers of a noun that may name who it belongs to, searched in this order
NP_MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "appos", "npadvmod")
NP_OF_PREPS = ("of", "from", "in")
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
WH_WORDS = frozenset({"who", "which", "that", "whom"})
# "the two sides", "both countries": the pair of actors of the previous event
PAIR_NOUNS = frozenset({"side", "party", "country", "nation", "leader", "minister", "government",
                        "state", "delegation", "official"})


@dataclass(frozen=True)
class Party:
    """A resolved argument: the arg, and whether it stands for a pair ("the two sides")."""

    arg: EventArg | None
    pair: bool = False


class ArgResolver:
    """Per-article index from token to actor mention / entity, built once per article."""

    def __init__(self, analysis: Analysis) -> None:
        doc = analysis.doc
        self.doc = doc
        self.actor_at: dict[int, tuple[Actor, int, int, str]] = {}
        self.entity_at: dict[int, Mention] = {}
        for actor in analysis.actors:
            for m in actor.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    prev = self.actor_at.get(t.i)
                    if prev is None or (m.end - m.start) < (prev[2] - prev[1]):
                        self.actor_at[t.i] = (actor, m.start, m.end, m.text)
        for ent in analysis.entities:
            if ent.label not in ENTITY_LABELS:
                continue
            span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.entity_at.setdefault(t.i, ent)

    # -- one noun phrase ---------------------------------------------------------------
    def resolve(self, token: Any) -> Party:
        if _is_pair(token):
            return Party(None, pair=True)
        hit = self._search(token, self._actor_arg)
        if hit is None:
            hit = self._search(token, self._entity_arg)
        return Party(hit)

    def resolve_all(self, token: Any) -> list[Party]:
        """The token and its conjuncts ("Iran and Iraq"), each resolved."""
        out = []
        for t in (token, *token.conjuncts):
            party = self.resolve(t)
            if party.arg is not None or party.pair:
                out.append(party)
        return out

    def _actor_arg(self, t: Any) -> EventArg | None:
        hit = self.actor_at.get(t.i)
        if hit is None:
            return None
        actor, start, end, text = hit
        return EventArg(start, end, text, actor=actor.id, code=actor.code)

    def _entity_arg(self, t: Any) -> EventArg | None:
        ent = self.entity_at.get(t.i)
        if ent is None:
            return None
        return EventArg(ent.start, ent.end, ent.text)

    def _search(self, token: Any, get: Any, depth: int = 0) -> EventArg | None:
        found = get(token)
        if found is not None or depth >= 2:
            return found
        for dep in NP_MODIFIER_DEPS:
            for c in token.children:
                if c.dep_ == dep:
                    found = self._search(c, get, depth + 1)
                    if found is not None:
                        return found
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ in NP_OF_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj":
                        found = self._search(p, get, depth + 1)
                        if found is not None:
                            return found
            elif c.dep_ == "relcl":  # "the role that the ministry plays"
                for s in c.children:
                    if s.dep_ in SUBJECT_DEPS and s.lower_ not in WH_WORDS:
                        found = self._search(s, get, depth + 1)
                        if found is not None:
                            return found
        return None


def _is_pair(token: Any) -> bool:
    if token.lemma_.lower() not in PAIR_NOUNS or token.tag_ not in ("NNS", "NNPS"):
        return False
    return any((c.dep_ == "nummod" and c.lower_ in ("two", "2")) or
               (c.dep_ in ("det", "predet", "preconj") and c.lower_ == "both") for c in token.children)


# -- subjects and objects of a trigger -------------------------------------------------
def subject_tokens(verb: Any) -> tuple[list[Any], list[Any]]:
    """(source tokens, target tokens) given by the verb's subject, agent and passive subject.

    Coordinated verbs share a subject, a controlled infinitive takes its governor's subject,
    a relative clause's subject is the noun it modifies, and a passive participle modifying a
    noun ("forces, backed by X") has that noun as its patient."""
    sources: list[Any] = []
    targets: list[Any] = []
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            sources.append(c)
        elif c.dep_ in ("nsubjpass", "csubjpass"):
            targets.append(c)
        elif c.dep_ == "agent":
            sources.extend(p for p in c.children if p.dep_ == "pobj")
    if sources and verb.dep_ == "relcl" and sources[0].lower_ in WH_WORDS:
        sources = [verb.head]
    if targets and verb.dep_ == "relcl" and targets[0].lower_ in WH_WORDS:
        targets = [verb.head]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not targets:
        targets = [verb.head]  # "forces, backed by X": the forces are backed
    if not sources and not targets and (
            verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG")):
        sources = [verb.head]
    if not sources and verb.dep_ == "pcomp":  # "expressed satisfaction for meeting with Y"
        gov = governing_verb(verb)
        if gov is not None:
            return subject_tokens(gov)[0], targets
    if not sources and verb.dep_ in ("xcomp", "conj") and verb.head is not verb:
        head = verb.head
        if head.pos_ not in ("VERB", "AUX") and head.head is not head:  # "is about to restore"
            head = head.head
        head_sources, head_targets = subject_tokens(head)
        if verb.dep_ == "conj" and head_targets and head_sources \
                and not any(c.dep_ == "auxpass" for c in verb.children):
            # "was indicted by the court and will resign": the one indicted resigns
            sources = head_targets
        elif verb.dep_ == "conj" or not head_targets:
            sources = head_sources
    return sources, targets


def object_tokens(token: Any, skip: set[str], preps: tuple[str, ...] = TARGET_PREPS) -> list[Any]:
    """Direct/indirect objects, then prepositional objects, of the trigger and of its object
    (not the words of the pattern itself: "imposed sanctions on X" -> X)."""
    found: list[Any] = []
    heads = [token]
    for c in token.children:
        if c.dep_ in ("dobj", "dative", "obj", "attr", "oprd") and c.lemma_.lower() not in skip:
            found.append(c)
        if c.dep_ == "dobj":  # "restored ties with X", "imposed sanctions on X"
            heads.append(c)
    for h in heads:
        by_prep: dict[str, list[Any]] = {}
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                by_prep.setdefault(c.lower_, []).extend(p for p in c.children if p.dep_ == "pobj")
            elif c.dep_ == "dative" and c.tag_ == "IN":  # spaCy: "to" as dative
                by_prep.setdefault("to", []).extend(p for p in c.children if p.dep_ == "pobj")
        for p in preps:
            found.extend(by_prep.get(p, ()))
    return found


def noun_parties(noun: Any) -> tuple[list[Any], list[Any], list[Any]]:
    """(source tokens, target tokens, between-parties) of a nominal trigger."""
    sources: list[Any] = []
    targets: list[Any] = []
    between: list[Any] = []
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod"):
            sources.append(c)
        elif c.dep_ == "prep":
            pobjs = [p for p in c.children if p.dep_ == "pobj"]
            if c.lower_ == "by":
                sources.extend(pobjs)
            elif c.lower_ in ("between", "among"):
                for p in pobjs:
                    between.extend((p, *p.conjuncts))
            elif c.lower_ in NOUN_TARGET_PREPS:
                targets.extend(pobjs)
    return sources, targets, between


def governing_verb(token: Any) -> Any | None:
    """The verb a nominal trigger hangs from ("held talks", "in a meeting with")."""
    t = token
    for _ in range(4):
        if t.dep_ in ("nsubj", "nsubjpass", "ROOT") or t.head is t:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None
