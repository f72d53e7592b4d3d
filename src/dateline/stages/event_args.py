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
# "with X's help", "with the backing of X": X assists the source, it is not acted upon
HELPER_NOUNS = frozenset({"help", "support", "assistance", "backing", "cooperation", "consent",
                          "approval", "blessing", "knowledge", "participation", "aid", "collusion",
                          "connivance", "permission", "agreement", "encouragement"})
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
TIME_ENTS = ("DATE", "TIME")  # "on Sunday" is not a target
PLACE_ENTS = ("GPE", "LOC", "FAC")
LOCATIVE_PREPS = ("on", "at")
# nouns for places held, taken or struck, and for bodies: "retook the village in X", "banned
# the group in X" act on X's side (unlike "held talks in X")
PLACE_NOUNS = frozenset({"town", "city", "village", "territory", "area", "base", "stronghold",
                         "position", "outpost", "garrison", "hill", "district", "province",
                         "capital", "airport", "port", "region", "enclave", "camp", "island",
                         "neighbourhood", "neighborhood", "suburb", "settlement", "post",
                         "checkpoint", "compound", "headquarters", "barracks", "airfield",
                         # and bodies based somewhere: "outlawed the group in X"
                         "organization", "organisation", "group", "party", "movement",
                         "faction", "militia", "network", "cell", "union", "association"})


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
        verb = _verb_above(noun)
        if verb is None or depth > 3:
            return None
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == verb.i:
            # the pronoun's noun is this clause's subject: the owner is the one above
            if verb.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or verb.head.i == verb.i:
                return None
            verb = _verb_above(verb)
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


def _verb_above(t: Any) -> Any | None:
    """The nearest verb governing ``t`` (``t`` excluded), within four steps."""
    for _ in range(4):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
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
    if not sources and targets:
        sources = _stray_agent(verb)
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
    if not sources and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        head = verb.head
        if head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:  # "is about to restore"
            head = head.head
        head_sources, head_targets = subject_tokens(head)
        if verb.dep_ == "conj" and head_targets and head_sources \
                and not any(c.dep_ == "auxpass" for c in verb.children):
            # "was indicted by the court and will resign": the one indicted resigns
            sources = head_targets
        elif verb.dep_ == "conj" or not head_targets:
            sources = head_sources
    return sources, targets


def _stray_agent(verb: Any) -> list[Any]:
    """The "by" phrase of a passive verb that the parser hung elsewhere in a governing
    clause, after the verb ("X has been accused of fraud, much of it believed to have
    vanished, by officials"); never the agent of another passive."""
    node = verb
    for _ in range(2):
        if node.head.i == node.i or node.dep_ not in ("ccomp", "conj", "xcomp", "advcl"):
            return []
        node = node.head
        for c in node.subtree:
            if c.dep_ != "prep" or c.lower_ != "by" or c.i <= verb.i or verb.is_ancestor(c):
                continue
            if any(x.dep_ in ("auxpass", "nsubjpass") for x in c.head.children) \
                    or c.head.tag_ == "VBN" and c.head.dep_ in ("acl", "amod"):
                continue  # a passive of its own: its "by" is its own agent
            pobjs = [p for p in c.children
                     if p.dep_ == "pobj" and p.ent_type_ not in TIME_ENTS
                     and p.pos_ in ("NOUN", "PROPN")]
            if pobjs:
                return pobjs
    return []


def _named(token: Any, words: set[str]) -> bool:
    """Whether the token is one of a pattern's own words (listed as lemma or as written:
    "troops")."""
    return token.lemma_.lower() in words or token.lower_ in words


def _locative(pobj: Any, prep: Any) -> bool:
    """"(beat detainees) on the West Bank", "at the border": where, once the verb has an
    object that says on whom."""
    return prep.lower_ in LOCATIVE_PREPS and pobj.ent_type_ in PLACE_ENTS


def _helper(pobj: Any, prep: Any) -> bool:
    """"with Albania's help", "with the backing of the army": an ally, not a target."""
    return prep.lower_ == "with" and pobj.lemma_.lower() in HELPER_NOUNS


def _action_noun_patients(noun: Any) -> list[Any]:
    """Who undergoes the act a pattern's own noun names: "the withdrawal of X", else who
    performs it ("the rally by X", "the demonstration staged by X"), which the trigger
    acts on ("banned the rally by X"), else where a place noun lies ("the village in X")."""
    by: list[Any] = []
    where: list[Any] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobjs = [p for p in c.children if p.dep_ == "pobj"]
            if pobjs:
                return pobjs
        if c.dep_ == "prep" and c.lower_ == "by":
            by.extend(p for p in c.children if p.dep_ == "pobj")
        elif c.dep_ == "prep" and c.lower_ == "in" and noun.lemma_.lower() in PLACE_NOUNS:
            where.extend(p for p in c.children if p.dep_ == "pobj"
                         and (p.ent_type_ in PLACE_ENTS or p.pos_ == "PROPN"))
        elif c.dep_ == "acl" and c.tag_ == "VBN":  # "the march organised by X"
            by.extend(p for a in c.children if a.dep_ == "agent"
                      for p in a.children if p.dep_ == "pobj")
    return by or where


def object_tokens(token: Any, skip: set[str], preps: tuple[str, ...] = TARGET_PREPS) -> list[Any]:
    """Direct/indirect objects, then prepositional objects, of the trigger and of its object
    (not the words of the pattern itself: "imposed sanctions on X" -> X). The pattern's own
    action noun takes its patient from "of": "demanded the withdrawal of X from Y" -> X."""
    found: list[Any] = []
    heads = [token]
    for c in token.children:
        if c.dep_ in ("dobj", "dative", "obj", "attr", "oprd") and not _named(c, skip):
            found.append(c)
        if c.dep_ == "dobj":  # "restored ties with X", "imposed sanctions on X"
            heads.append(c)
    has_object = bool(found)
    for h in heads:
        by_prep: dict[str, list[Any]] = {}
        if h.i != token.i and _named(h, skip):
            patients = _action_noun_patients(h)
            if patients:
                found.extend(patients)
                continue
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                by_prep.setdefault(c.lower_, []).extend(
                    p for p in c.children if p.dep_ == "pobj" and not _helper(p, c)
                    and p.ent_type_ not in TIME_ENTS
                    and not (has_object and h.i == token.i and _locative(p, c)))
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
                targets.extend(p for p in pobjs if not _helper(p, c))
    targets.extend(_content_subjects(noun))
    return sources, targets, between


def _content_subjects(noun: Any) -> list[Any]:
    """The subject of a "that" clause giving a noun's content ("its demand that Israel
    ease ..."), also when the parser hung the clause on the noun's verb ("reiterated its
    demand today that Israel ease ...")."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp")]
    if not clauses and noun.dep_ == "dobj":
        clauses = [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i]
    out: list[Any] = []
    for cl in clauses:
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in cl.children):
            out.extend(s for s in cl.children if s.dep_ in ("nsubj", "nsubjpass"))
    return out


def governing_verb(token: Any) -> Any | None:
    """The verb a nominal trigger hangs from ("held talks", "in a meeting with")."""
    t = token
    for _ in range(4):
        if t.dep_ in ("nsubj", "nsubjpass", "ROOT") or t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None
