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

from dateline.knowledge.countries import country_by_code
from dateline.records import Actor, Analysis, EventArg, Mention
from dateline.stages.event_args_syntax import (
    NOUN_TARGET_PREPS,
    SUBJECT_DEPS,
    TARGET_PREPS,
    WH_WORDS,
    governing_verb,
    noun_parties,
    object_tokens,
    subject_tokens,
    verb_above,
)

# modifiers of a noun that may name who it belongs to, searched in this order
NP_MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "appos", "npadvmod")
NP_OF_PREPS = ("of", "from", "in")
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# "the two sides", "both countries": the pair of actors of the previous event
PAIR_NOUNS = frozenset({"side", "party", "country", "nation", "leader", "minister", "government",
                        "state", "delegation", "official"})
# "scores of Burmese and Cambodian refugees": the people are in the "of" phrase
PARTITIVE_NOUNS = frozenset({"score", "hundred", "thousand", "dozen", "million", "number", "group",
                             "some", "many", "most", "part", "majority", "minority", "handful",
                             "few", "several", "all", "each", "both", "none", "rest", "half",
                             "member", "band", "crowd", "contingent", "unit", "batch"})
POSS_PRONOUNS = frozenset({"its", "their", "his", "her"})
# the modifiers that name the same thing as their head ("the ILO office", "the Office (ILO)")
SAME_ENTITY_DEPS = frozenset({"compound", "appos", "amod"})
# a coordinated nationality adjective names a country: "Hungarian and Romanian officials"
COUNTRY_CODE_LEN = 3
# CAMEO role and sector codes that name a kind of actor but no country
SECTOR_CODES = frozenset({
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD",
    "PTY", "REL", "SET"})


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
        if hit is not None and hit.code is None:
            # an uncoded actor on the head ("the Office (ILO)") gives way to a coded one
            # naming the same thing; an uncoded modifier gives way to any coded one
            same = self.actor_at.get(token.i) is not None
            better = self._search(token, self._coded_actor_arg, same_entity=same)
            hit = better or hit
        if hit is not None and hit.code and _sector_only(hit.code):
            # "activists from the Fatah party" (CVL): the phrase's own modifier says whose
            whose = self._search(token, self._country_actor_arg)
            if whose is not None and whose.code:
                hit = EventArg(hit.start, hit.end, hit.text, actor=hit.actor,
                               code=whose.code[:COUNTRY_CODE_LEN] + hit.code)
        if hit is None:  # "(reiterated) its demand", "their fighters (withdrew)": whose
            ante = self._antecedent(token)
            hit = self.resolve(ante).arg if ante is not None else None
        if hit is None:
            hit = self._search(token, self._entity_arg)
        return Party(hit)

    def resolve_all(self, token: Any) -> list[Party]:
        """The token and its conjuncts ("Iran and Iraq"), each resolved; a partitive
        head stands for its "of" phrase ("scores of X and Y"), and a head with coordinated
        nationality adjectives for one party per country ("Hungarian and Romanian officials")."""
        out = []
        for t in (token, *token.conjuncts):
            ante = self._antecedent(t)
            if ante is not None and not self._search(t, self._actor_arg):
                out.extend(self.resolve_all(ante))  # "X and Y postponed their meeting"
                continue
            inner = self._partitive(t)
            if inner is not None:
                out.extend(self.resolve_all(inner))
                continue
            split = self._split_nationalities(t)
            if split:
                out.extend(Party(a) for a in split)
                continue
            party = self.resolve(t)
            if party.arg is not None or party.pair:
                out.append(party)
        if len(out) > 1 and any(p.arg is not None and p.arg.code for p in out):
            # "Sierra Leonean and Liberian refugees" misparsed: an uncoded name found on a
            # modifier of one conjunct is a fragment when its siblings are coded actors
            out = [p for p in out if p.pair or p.arg is None or p.arg.code
                   or self._covers_head(p.arg, token)]
        return out

    def _covers_head(self, arg: EventArg, token: Any) -> bool:
        """Whether the argument's span covers one of the conjunct heads themselves."""
        return any(arg.start <= t.idx < arg.end for t in (token, *token.conjuncts))

    def _actor_arg(self, t: Any) -> EventArg | None:
        hit = self.actor_at.get(t.i)
        if hit is None:
            return None
        actor, start, end, text = hit
        return EventArg(start, end, text, actor=actor.id, code=actor.code)

    def _coded_actor_arg(self, t: Any) -> EventArg | None:
        arg = self._actor_arg(t)
        return arg if arg is not None and arg.code else None

    def _country_actor_arg(self, t: Any) -> EventArg | None:
        arg = self._actor_arg(t)
        if arg is None or not arg.code or country_by_code(arg.code[:COUNTRY_CODE_LEN]) is None:
            return None
        return arg

    def _entity_arg(self, t: Any) -> EventArg | None:
        ent = self.entity_at.get(t.i)
        if ent is None:
            return None
        return EventArg(ent.start, ent.end, ent.text)

    def _search(self, token: Any, get: Any, depth: int = 0,
                same_entity: bool = False) -> EventArg | None:
        """The first argument ``get`` finds on the token, its modifiers, its "of/from/in"
        phrase or its relative clause's subject (only same-entity modifiers if asked)."""
        found = get(token)
        if found is not None or depth >= 2:
            return found
        for dep in NP_MODIFIER_DEPS:
            if same_entity and dep not in SAME_ENTITY_DEPS:
                continue
            for c in token.children:
                if c.dep_ == dep:
                    found = self._search(c, get, depth + 1, same_entity)
                    if found is not None:
                        return found
        if same_entity:
            return None
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

    def _partitive(self, t: Any) -> Any | None:
        """The "of" object of a quantity or group noun that names no one itself
        ("hundreds of Palestinian workers", "three of the soldiers")."""
        if t.i in self.actor_at or not (t.lemma_.lower() in PARTITIVE_NOUNS or t.like_num):
            return None
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and p.lower_ not in POSS_PRONOUNS:
                        return p
        return None

    def _split_nationalities(self, t: Any) -> list[EventArg]:
        """"Senior Hungarian and Romanian officials": one argument per country adjective,
        each with the sector of the whole phrase (HUNGOV, ROUGOV)."""
        adjs: list[Any] = []
        for c in t.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts:
                adjs = [c, *c.conjuncts]
                break
        if len(adjs) < 2:
            return []
        countries = []
        for a in adjs:
            hit = self.actor_at.get(a.i)
            if hit is None or not hit[0].code or len(hit[0].code) != COUNTRY_CODE_LEN \
                    or hit[2] - hit[1] > len(a.text) + 1:
                return []  # every conjunct must be a bare country adjective
            countries.append((a, hit))
        whole = self.actor_at.get(t.i)
        whole_code = whole[0].code if whole is not None and whole[0].code else ""
        sector = whole_code[COUNTRY_CODE_LEN:] if len(whole_code) > COUNTRY_CODE_LEN else ""
        out: list[EventArg] = []
        for a, (actor, start, end, text) in countries:
            assert actor.code is not None
            if whole is not None and whole_code.startswith(actor.code):
                w_actor, w_start, w_end, w_text = whole
                out.append(EventArg(w_start, w_end, w_text, actor=w_actor.id, code=whole_code))
            else:
                out.append(EventArg(start, end, text, actor=actor.id, code=actor.code + sector))
        return out

    def _antecedent(self, token: Any) -> Any | None:
        """The subject a possessive pronoun refers to: the pronoun itself (the owner of an
        action noun, "Iran reiterated its demand") or the pronoun on a subject ("the rebels
        said their fighters had withdrawn"). A pronoun on an object is left alone: "they
        burned its embassy" does not say whose."""
        if token.dep_ in ("nsubj", "nsubjpass"):
            token = next((c for c in token.children if c.dep_ == "poss"), None)
            if token is None:
                return None
        if token.lower_ not in POSS_PRONOUNS or token.dep_ != "poss" or token.i in self.actor_at:
            return None
        return self._owner_subject(token, 0)

    def _owner_subject(self, pron: Any, depth: int) -> Any | None:
        noun = pron.head
        verb = verb_above(noun)
        if verb is None or depth > 3:
            return None
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == verb.i:
            # the pronoun's noun is this clause's subject: the owner is the one above
            if verb.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or verb.head.i == verb.i:
                return None
            verb = verb_above(verb)
            if verb is None:
                return None
        for s in verb.children:
            if s.dep_ not in ("nsubj", "nsubjpass") or s.is_ancestor(pron) or s.pos_ == "PRON":
                continue
            if self._search(s, self._actor_arg) is not None:
                return s
            inner = next((c for c in s.children if c.dep_ == "poss"), None)
            if inner is not None and inner.lower_ in POSS_PRONOUNS:
                return self._owner_subject(inner, depth + 1)
        return None


def _sector_only(code: str) -> bool:
    """A code that names a kind of actor but no country or organisation ("CVL", "GOV")."""
    return code in SECTOR_CODES


def _is_pair(token: Any) -> bool:
    if token.lemma_.lower() not in PAIR_NOUNS or token.tag_ not in ("NNS", "NNPS"):
        return False
    return any((c.dep_ == "nummod" and c.lower_ in ("two", "2")) or
               (c.dep_ in ("det", "predet", "preconj") and c.lower_ == "both") for c in token.children)


__all__ = ["NOUN_TARGET_PREPS", "TARGET_PREPS", "ArgResolver", "Party", "governing_verb",
           "noun_parties", "object_tokens", "subject_tokens"]
