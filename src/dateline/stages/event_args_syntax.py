"""Event arguments, syntax side: which tokens of the parse are a trigger's source and target
(subject, agent, objects, prepositional objects, the parties of "talks between X and Y").
``event_args`` resolves them to actors."""

from __future__ import annotations

from typing import Any

# "over" and "in" usually give the issue or the place ("sanctions on X over Y")
TARGET_PREPS = ("with", "against", "on", "to", "toward", "towards", "into", "at", "for",
                "upon", "from")
NOUN_TARGET_PREPS = ("with", "to", "against", "on", "toward", "towards", "into", "at", "for")
SUBJECT_DEPS = ("nsubj", "csubj")
WH_WORDS = frozenset({"who", "which", "that", "whom"})
# "with X's help", "with the backing of X": X assists the source, it is not acted upon
HELPER_NOUNS = frozenset({"help", "support", "assistance", "backing", "cooperation", "consent",
                          "approval", "blessing", "knowledge", "participation", "aid", "collusion",
                          "connivance", "permission", "agreement", "encouragement"})
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
                    and p.ent_type_ not in TIME_ENTS and not _named(p, skip)
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


def verb_above(t: Any) -> Any | None:
    """The nearest verb governing ``t`` (``t`` excluded), within four steps."""
    for _ in range(4):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None
