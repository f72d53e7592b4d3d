"""Modality: what the clause around a trigger does to the event.

- a governing verb ("plan to", "urged ... to", "refused to", "threatened to") recodes the
  embedded event through a map (intent -> CAMEO 03x or 13x, appeal -> 02x, demand -> 10x,
  refusal -> 12x) and lends it its subject;
- "will"/"shall" mark an intended event (recoded like intent); negated future ("will not
  attend") is a refusal; plain negation ("did not meet") keeps the code with ``negated``;
- "would/could/might", "if" clauses, purpose infinitives ("to liberate") and acts of
  nonspecific nouns ("any move threatening") are hypothetical: not events that happened.

The word lists and maps are data (``event_modality.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from dateline.knowledge import data_path
from dateline.stages.event_patterns import Pattern, PatternIndex, parse_packaged

# How far up the tree a governor is looked for, and along which relations.
GOVERNOR_HOPS = 4
UP_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "attr", "acl", "oprd", "conj"})


@dataclass(frozen=True)
class ModalityLexicon:
    governors: PatternIndex  # Pattern.code holds the governor kind
    maps: dict[str, dict[str, str]]
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    conditional_marks: frozenset[str]
    speech_verbs: frozenset[str]
    nonspecific_dets: frozenset[str]
    hypothetical_mods: frozenset[str] = frozenset()
    unreal_heads: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()  # lemmas: who an arrest or attack is done to

    def recode(self, kind: str, code: str) -> str | None:
        """The code of the embedded event under a governor of ``kind`` (longest prefix)."""
        table = self.maps.get(kind, {})
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                return table[code[:n]]
        if "inherit" in table:  # the rest as another kind ("prepare" -> "intent")
            return self.recode(table["inherit"], code)
        return table.get("default")


@lru_cache(maxsize=1)
def modality_lexicon() -> ModalityLexicon:
    data = yaml.safe_load(data_path("event_modality.yaml").read_text(encoding="utf-8"))
    govs: list[Pattern] = []
    for kind, phrases in data["governors"].items():
        govs.extend(parse_packaged({"codes": {kind: {"verb": phrases}}}, "event_modality.yaml"))
    maps = {k: {str(c): str(v) for c, v in m.items()} for k, m in data["maps"].items()}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key, ()))

    return ModalityLexicon(
        governors=PatternIndex(govs), maps=maps, future_aux=words("future_aux"),
        hypothetical_aux=words("hypothetical_aux"), conditional_marks=words("conditional_marks"),
        speech_verbs=words("speech_verbs"), nonspecific_dets=words("nonspecific_dets"),
        hypothetical_mods=words("hypothetical_modifiers"), unreal_heads=words("unreal_heads"),
        person_nouns=words("person_nouns"),
    )


@dataclass(frozen=True)
class Clause:
    """The modal facts of a trigger's clause."""

    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    purpose: bool = False  # an infinitive of purpose ("... to liberate the city")
    reported: Any = None  # the speech verb token when the clause is reported speech


def clause_of(token: Any, lex: ModalityLexicon) -> Clause:
    """Negation, tense and mood of the verb a trigger belongs to (a noun's governing verb)."""
    verb = token
    hops = 0
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ not in ("ROOT",) and hops < 3:
        verb = verb.head
        hops += 1
    negated = future = hypothetical = purpose = False
    for c in (*verb.children, *token.children) if verb is not token else verb.children:
        low = c.lower_
        if c.dep_ == "neg" or (c.dep_ == "det" and low == "no" and c.head is token):
            negated = True
        elif c.dep_ == "aux":
            if low in lex.future_aux:
                future = True
            elif low in lex.hypothetical_aux:
                hypothetical = True
            elif low == "to" and verb.dep_ in ("advcl", "acl", "relcl"):
                purpose = True
        elif c.dep_ == "mark" and low in lex.conditional_marks:
            hypothetical = True
    # "to help defend X": the purpose reaches through the infinitive's complements
    head = verb
    while head.dep_ == "xcomp" and head.head.i != head.i and not purpose:
        head = head.head
        purpose = head.dep_ in ("advcl", "acl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    # "going to attack": future through the governing "go"
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "go" and any(
            c.dep_ == "aux" for c in verb.head.children):
        future = True
    if verb.dep_ in ("acl", "relcl") and any(
            c.dep_ == "det" and c.lower_ in lex.nonspecific_dets for c in verb.head.children):
        hypothetical = True
    reported = None
    t = verb
    for _ in range(3):
        if (t.dep_ == "ccomp" or (t.dep_ == "ROOT" and t is not verb)) \
                and t.head.lemma_.lower() in lex.speech_verbs:
            reported = t.head
            break
        if t.head is t:
            break
        t = t.head
    if reported is not None and hypothetical and any(
            c.dep_ == "aux" and c.lower_ == "would" for c in verb.children):
        # "X said it would send troops": future in the past, an announced intention
        hypothetical, future = False, True
    return Clause(negated, future, hypothetical, purpose, reported)


def find_governor(token: Any, lex: ModalityLexicon) -> tuple[str, Any, Pattern] | None:
    """The nearest governing verb of a modal kind above the trigger, if any."""
    t = token
    for _ in range(GOVERNOR_HOPS):
        if (t.dep_ not in UP_DEPS and not _bare_infinitive_advcl(t)) or t.head.i == t.i:
            return None
        if t.dep_ == "conj" and t.head.pos_ != t.pos_:
            return None
        head = t.head
        if head.lemma_ == "order" and head.dep_ == "pobj":
            return None  # "in order to ...": a purpose, not the governor's content
        if head.pos_ == "ADJ" and t.dep_ == "xcomp" and head.dep_ == "acomp" \
                and head.head.pos_ in ("VERB", "AUX"):
            # "is ready to send": the governor is the copula with its adjective ("be ready")
            gov = lex.governors.match(head.head)
            if gov is not None:
                return gov.code, head.head, gov
        if head.pos_ in ("VERB", "AUX"):
            gov = lex.governors.match(head)
            if gov is not None and head is not token:
                return gov.code, head, gov
            if t.dep_ == "ccomp":
                return None  # reported speech is not governed further up
        t = head
    return None


def _bare_infinitive_advcl(t: Any) -> bool:
    """A to-infinitive the parser attached as an adverbial clause of a governing verb
    ("have sworn to fight"): a complement of that verb, unless a conjunction opens it."""
    return t.dep_ == "advcl" and t.head.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and not any(
        c.dep_ == "mark" for c in t.children)
