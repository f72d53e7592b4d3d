"""Trigger candidates of one sentence: which words code an event, and with what code.

Every verb or noun whose lemma the lexicon knows (``event_patterns``) is a candidate; then
for each one:

1. governors and modality (``event_modality``): "plan to", "urged ... to", "refused to",
   "will", negation, hypotheticals; hypothetical and purpose clauses are not coded;
2. a trigger absorbed by a more specific neighbour is dropped: the object of a pattern that
   names it ("sign an agreement"), a same-family complement ("met to discuss"), the noun of
   a light verb ("held talks", "launched an operation") which lends the verb's subject;
3. words that look like events but are not events of their own are dropped: the content of
   another coded event ("accused X of ... in the negotiations"), the clause of a demand noun
   (which recodes the demand), nouns in names, hypotheticals ("a possible war"), abilities
   and suspicions ("capable of launching"), participles describing a noun ("a letter handed
   over"), and what protesters demand.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any

from dateline.stages.event_args import governing_verb
from dateline.stages.event_modality import ModalityLexicon, clause_of, find_governor
from dateline.stages.event_patterns import Pattern, PatternIndex

# verbs whose object noun carries the event ("held talks", "imposed sanctions")
LIGHT_VERBS = frozenset({
    "hold", "have", "conduct", "launch", "carry", "stage", "make", "pay", "impose", "sign",
    "give", "reach", "begin", "start", "resume", "continue", "open", "take", "mount", "wage",
    "deliver", "send", "provide", "extend", "issue", "lodge", "file", "grant", "exchange",
    "announce", "initiate", "undertake", "perform", "host", "join", "attend", "receive",
    "express", "offer", "engage", "step", "intensify", "escalate", "order",
    "complete", "finish",
})
BACKGROUND_PREPS = frozenset({"after", "during", "before", "amid", "since", "despite",
                              "following", "until", "throughout"})
# conjunctions of a subordinate clause that only sets the scene or a condition
BACKGROUND_MARKS = frozenset({"until", "unless", "after", "before", "since", "once", "if"})
# "X said Y must ...": a demand of Y
DEMAND_MODALS = frozenset({"must", "should"})
SAY_DEMAND = Pattern(id="say-demand", code="100", lemma="say", pos="verb")
# relations along which an event noun is the content of the coded event above it
CONTENT_DEPS = frozenset({"dobj", "pobj", "prep", "pcomp", "attr", "appos", "compound", "nmod",
                          "poss", "npadvmod", "xcomp", "acl", "oprd"})
CONTENT_HOPS = 8
# a participle that modifies a thing describes it ("a bill signed by the minister"); violent
# acts stay events ("soldiers killed in the ambush"), and so do participles of actors
DESCRIPTIVE_TAGS = frozenset({"VBN", "VBG"})
VIOLENT_ROOTS = frozenset({"17", "18", "19", "20"})
UNREAL_PATH_DEPS = frozenset({"pcomp", "prep", "xcomp", "acl", "pobj", "advcl", "dobj"})
# a noun inside such a name is part of a name, not an event ("Forces for Defence of Democracy")
NAME_ENTITIES = frozenset({"ORG", "FAC", "PERSON", "GPE", "LOC", "NORP", "WORK_OF_ART", "LAW",
                           "PRODUCT"})
APPEAL_KINDS = ("appeal", "demand")
# governors that recode only the codes their map lists
OPTIONAL_KINDS = ("permit",)
# demand and appeal nouns whose complement clause says what is asked for
REQUEST_NOUN_KINDS = {"10": "demand", "02": "appeal"}
INTENT_KINDS = ("intent", "prepare")
# appeals, demands, rejections and threats keep their code under "intend"/"will"
VERBAL_INTENT_ROOTS = ("10", "11", "12", "13")


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


def find_candidates(sent: Any, index: PatternIndex, lex: ModalityLexicon,
                    actor_tokens: Container[int] = ()) -> list[Candidate]:
    """The coded candidates of a sentence in token order (dropped ones included, marked).
    ``actor_tokens``: indices of tokens inside actor mentions."""
    found: dict[int, Candidate] = {}
    for tok in sent:
        pattern = index.match(tok)
        if pattern is not None:
            found[tok.i] = Candidate(tok, pattern, pattern.code, governor=tok,
                                     span_tokens=trigger_tokens(tok, pattern),
                                     rule=f"pattern:{pattern.id}")
    _reported_demands(sent, found, lex)
    for cand in found.values():
        if cand.dropped:
            continue
        if cand.code == "---":  # a dictionary pattern that matches but codes nothing
            cand.dropped = True
        else:
            _situate(cand, found, lex, actor_tokens)
    for cand in found.values():
        if not cand.dropped:
            _into_request_noun(cand, found, lex)
    for cand in found.values():
        if not cand.dropped and not cand.pattern.literal and _content_of_other(cand, found):
            cand.dropped = True
    return sorted(found.values(), key=lambda c: c.token.i)


def mere_speech(cand: Candidate, coded: dict[int, list[Any]], lex: ModalityLexicon) -> bool:
    """A statement or appeal coded on a speech verb ("..., an official said") whose
    reported clause yielded an event: the reported event is what happened."""
    tok = cand.token
    if not cand.code.startswith(("01", "02")) or tok.lemma_.lower() not in lex.speech_verbs:
        return False
    return any(evs and tok.is_ancestor(tok.doc[i]) for i, evs in coded.items())


def _reported_demands(sent: Any, found: dict[int, Candidate], lex: ModalityLexicon) -> None:
    """"X said (that) Y must/should Z": X demands of Y (CAMEO 100). The embedded act is
    what is demanded, not an event, so its own candidates are dropped."""
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.speech_verbs:
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


def _absorbed(cand: Candidate, found: dict[int, Candidate]) -> bool:
    """Whether a neighbour up the tree names this word in its pattern, or this is a
    same-family complement of it ("met to discuss")."""
    tok = cand.token
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
                return True
        head, child = head.head, head
    return False


def _into_request_noun(cand: Candidate, found: dict[int, Candidate], lex: ModalityLexicon) -> None:
    """"its demand that Israel ease restrictions", "a call for the army to withdraw": the
    clause is what a demand or appeal noun asks for. The noun's event takes the specific code
    (demand + ease restrictions = 1051) and the clause is not coded on its own."""
    tok = cand.token
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in ("acl", "ccomp", "relcl") \
            or cand.pattern.literal:
        return
    if tok.dep_ == "relcl" and not any(c.dep_ == "mark" for c in tok.children):
        return  # "the demand that was rejected" is a relative clause, not the content
    noun = found.get(tok.head.i)
    if noun is None or noun.dropped or noun.token.pos_ not in ("NOUN", "PROPN") \
            or noun.pattern.needs or noun.code[:2] not in REQUEST_NOUN_KINDS:
        return
    kind = REQUEST_NOUN_KINDS[noun.code[:2]]
    noun.code = lex.recode(kind, cand.pattern.code) or noun.code
    noun.rule += f"+{kind}-of:{tok.lemma_.lower()}"
    cand.dropped = True


def _content_of_other(cand: Candidate, found: dict[int, Candidate]) -> bool:
    """An event noun or gerund inside the arguments of another coded event of its clause is
    what that event is about, not an event of its own: "accused X of restoring blackmail in
    the negotiations", "opposed the deployment", "killed four in an attack", "arrested for
    collaborating"."""
    tok = cand.token
    if cand.governor is not None and cand.governor.i != tok.i:
        return False  # the noun of a light verb carries the event ("held talks")
    if tok.pos_ not in ("NOUN", "PROPN") and tok.dep_ != "pcomp":
        return False
    # the light verbs of kept noun events stand for them ("completed its investigation into")
    lent = {c.governor.i for c in found.values()
            if not c.dropped and c is not cand and c.governor is not None
            and c.governor.i != c.token.i}
    node = tok
    for _ in range(CONTENT_HOPS):
        nominal_conj = node.dep_ == "conj" and node.pos_ in ("NOUN", "PROPN")
        if (node.dep_ not in CONTENT_DEPS and not nominal_conj) or node.head.i == node.i:
            return False
        node = node.head
        other = found.get(node.i)
        if (other is not None and not other.dropped) or node.i in lent:
            return True
    return False


def _situate(cand: Candidate, found: dict[int, Candidate], lex: ModalityLexicon,
             actor_tokens: Container[int] = ()) -> None:
    """Apply the governor, absorption and modality rules to one candidate."""
    tok, pat = cand.token, cand.pattern
    if tok.pos_ in ("NOUN", "PROPN") and not pat.literal and (
            background(tok) or tok.ent_type_ in NAME_ENTITIES or _hypothetical_noun(tok, lex)):
        # "war crimes court", "after two days of fighting", "Forces for the Defence of
        # Democracy", "a possible war"
        cand.dropped = True
        return
    if _absorbed(cand, found):
        cand.dropped = True
        return
    if tok.dep_ == "acl" and tok.tag_ in DESCRIPTIVE_TAGS and cand.code[:2] not in VIOLENT_ROOTS \
            and tok.head.i not in actor_tokens and not pat.literal:
        # "in a letter handed over to the UN" describes the letter; "forces backed by the
        # Peshmerga" says what an actor does
        cand.dropped = True
        return
    clause = clause_of(tok, lex)
    if cand.rule == "say-demand":
        if _protest_demand(cand, found):
            cand.dropped = True
            return
        if clause.negated:
            cand.negated = True
        return
    gov = None if pat.literal else find_governor(tok, lex)
    if gov is not None and gov[0] in OPTIONAL_KINDS and lex.recode(gov[0], cand.code) is None:
        gov = None  # "allowed the inspectors to visit": the visit is theirs
    if gov is not None:
        kind, gtok, _gpat = gov
        if kind in INTENT_KINDS and gtok.dep_ == "acl" and gtok.tag_ == "VBN":
            cand.dropped = True  # "a meeting aimed at establishing ties": the meeting's purpose
            return
        outer = found.get(gtok.i)
        if outer is not None and _governed_by(outer, APPEAL_KINDS):
            # "demanded that its partners refuse to recognize X": the demand is the event
            cand.dropped = True
            return
        negated_gov = clause_of(gtok, lex)
        if kind in INTENT_KINDS and (negated_gov.negated or clause.negated):
            kind = "refuse"
        new = lex.recode(kind, cand.code)
        if kind == "fail" and new is None:
            cand.negated = True  # an act that did not come about
        if kind in INTENT_KINDS and cand.code[:2] in VERBAL_INTENT_ROOTS or new is None:
            new = cand.code
        cand.code = new
        cand.governor = gtok
        cand.span_tokens = [gtok, *cand.span_tokens]
        cand.modality = "intended" if kind in (*INTENT_KINDS, "threat") else "asserted"
        cand.rule += f"+{kind}:{gtok.lemma_.lower()}"
        if gtok.i in found:  # the governor's own generic event gives way
            found[gtok.i].dropped = True
        if negated_gov.hypothetical and not negated_gov.future:
            cand.dropped = True
        return
    if (clause.hypothetical or clause.purpose or _under_unreal_head(tok, lex)
            or _protest_demand(cand, found)) and not pat.literal:
        cand.dropped = True
        return
    if not pat.literal:
        if clause.future:
            if clause.negated:
                cand.code = lex.recode("refuse", cand.code) or cand.code
                cand.rule += "+refuse:not"
            else:
                new = lex.recode("future", cand.code)
                if new and cand.code[:2] not in VERBAL_INTENT_ROOTS:
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


def _governed_by(cand: Candidate, kinds: tuple[str, ...]) -> bool:
    """Whether a governor of one of ``kinds`` recoded the candidate ("+demand:insist")."""
    return any(part.split(":")[0] in kinds for part in cand.rule.split("+")[1:])


def _under_unreal_head(tok: Any, lex: ModalityLexicon) -> bool:
    """An act that is only a capability or a suspicion: "hackers capable of launching
    attacks", "the ability to strike", "nationals suspected of bombing a plane"."""
    node = tok
    for _ in range(4):
        if node.dep_ not in UNREAL_PATH_DEPS or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in lex.unreal_heads or node.lower_ in lex.unreal_heads:
            return True
    return False


def _protest_demand(cand: Candidate, found: dict[int, Candidate]) -> bool:
    """"blocked roads demanding his return", "rioted ... in demanding a referendum": what
    protesters demand is the issue of their protest, not an event of its own."""
    if cand.code[:2] not in ("02", "10") or cand.token.pos_ not in ("VERB", "AUX"):
        return False
    node = cand.token
    for _ in range(4):
        if node.dep_ not in ("advcl", "pcomp", "prep", "xcomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
        other = found.get(node.i)
        if other is not None and other.code[:2] == "14":
            return True
    return False


def _hypothetical_noun(noun: Any, lex: ModalityLexicon) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in lex.hypothetical_mods for c in noun.children)


def trigger_tokens(tok: Any, pattern: Pattern) -> list[Any]:
    """The trigger and the pattern's own words right after it ("held talks", "called for")."""
    words = {w for alts in pattern.needs for w in alts}
    if not words:
        return [tok]
    near = [t for t in tok.doc[tok.i + 1: min(tok.i + 6, tok.sent.end)]
            if t.lemma_.lower() in words or t.lower_ in words]
    return [tok, *near[-1:]]


def background(noun: Any) -> bool:
    """A noun trigger that only describes something else: a modifier of another noun
    ("war crimes court", "peacekeeping force"), or the circumstance of a time adjunct
    ("after two days of fighting", "during the war")."""
    if noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
        return True
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in noun.head.children):
        return True  # "until their demands are met", "after the talks collapsed"
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
