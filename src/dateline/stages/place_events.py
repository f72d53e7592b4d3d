"""Event places: where an event happened, chosen from the article's places.

Order of evidence, with the reason kept in ``EventPlace.basis``: ``governing`` (a place the
trigger governs within its clause: "met in Tehran", "an operation to liberate the city of
Mosul"), ``sentence`` (another place in the event's sentence that is not one of its actors),
``dateline`` (for meetings and statements, CAMEO roots 01-05, the place the story was filed
from), else no place.
"""

from __future__ import annotations

import re
from typing import Any

from dateline.records import Analysis, Event, EventPlace, Place
from dateline.stages.times import token_at

_LOCATIVE_PREPS = frozenset(["in", "at", "near", "outside", "inside", "across", "around", "throughout", "within", "into", "on", "from", "to", "toward", "towards", "over", "along", "off", "through"])
_STRONG_PREPS = frozenset(["in", "at", "near", "outside", "inside", "within", "throughout", "across", "around", "through"])
_STATEMENT_ROOTS = frozenset({"01", "02", "03", "04", "05"})
# "north of Karbala", "the centre of Florencia": a part of a place is in the place
_PART_NOUNS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                         "southwest", "outskirts", "edge", "centre", "center", "heart", "suburbs",
                         "outside", "countryside", "part", "parts", "area", "streets",
                         "neighbourhood", "neighborhood", "district", "province", "city", "town",
                         "village", "region"})
_ACTOR_NOUNS = frozenset({"soldier", "troop", "force", "army", "official", "diplomat", "police",
                          "policeman", "militant", "fighter", "government", "authority",
                          "minister", "president", "leader", "embassy", "patrol", "navy",
                          "military", "citizen", "national", "worker", "envoy", "delegation"})
# "a US air strike", "the Israeli offensive": a country modifying an attack is its author
_ATTACK_NOUNS = frozenset({"strike", "airstrike", "raid", "attack", "offensive", "operation",
                           "invasion", "occupation", "bombing", "bombardment", "shelling",
                           "incursion", "threat", "crackdown", "jet", "aircraft", "plane",
                           "warplane", "helicopter", "drone", "missile"})
# buildings and sites: "the Baghdad headquarters were bombed" happened in Baghdad
_FACILITY_NOUNS = frozenset({"headquarters", "office", "embassy", "consulate", "base", "airport",
                             "station", "mall", "market", "hotel", "restaurant", "school",
                             "hospital", "mosque", "church", "compound", "building", "prison",
                             "home", "residence", "bridge", "port", "checkpoint", "camp"})
_CITY_OF = re.compile(r"\b(?:city|town|village|capital|port|province|region)\s+of\s+$", re.IGNORECASE)


def span_root(doc: Any, start: int, end: int) -> Any | None:
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else token_at(doc, start, end)


def _path_to(tok: Any, trigger: Any, max_len: int = 7) -> list[Any] | None:
    """Tokens from ``tok`` up to ``trigger`` when the trigger governs it within one clause."""
    path = [tok]
    cur = tok
    for _ in range(max_len):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in ("ccomp", "relcl", "parataxis", "acl:relcl", "csubj") and cur.i != tok.i:
            return None
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX"):
            return None
        if cur.dep_ in ("nsubj", "nsubjpass", "poss") and cur.i != tok.i:
            return None  # part of an actor's description: "the mayor of Mosul said"
        cur = cur.head
        path.append(cur)
        if cur.i == trigger.i:
            return path
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("xcomp", "advcl", "acl") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            return None  # another clause with its own subject
    return None


def _excluded(place: Place, event: Event) -> bool:
    """A place that is one of the event's actors: its source ("Iran's foreign minister"),
    or a target named for its government ("Tehran" as metonymy). A place that is the target
    itself ("captured Jaffna", "shelled Douma") is where the event happened."""
    src = event.source
    # a source inferred from the place itself ("unidentified forces in Jericho": no actor
    # mention) does not make the place an actor
    if (src is not None and place.start < src.end and place.end > src.start
            and (src.actor is not None or src.code is None
                 or (place.note or "").startswith("metonymy"))):
        return True
    tgt = event.target
    return (tgt is not None and place.start < tgt.end and place.end > tgt.start
            and (place.note or "").startswith("metonymy"))


# "in Kyoto", "in the town of Swat", "through central Seoul", "in the centre of Florencia"
_PREP_BEFORE = re.compile(r"\b(\w+)\s+(?:the\s+)?(?:(?:north|south|east|west|central|"
                          r"(?:north|south)?(?:east|west)?ern)\s+)?"
                          r"(?:(?:(?!(?:in|at|near|on|of|from|to|through|into|outside|inside)\b)"
                          r"\w+\s+){0,2}(?:cit(?:y|ies)|towns?|villages?|provinces?|regions?|"
                          r"districts?|areas?|countryside|suburbs?|cent(?:re|er)|heart|outskirts|"
                          r"edge|streets|battlefields?|hometown|port|capital|perimeter|island|"
                          r"enclave)\s+of\s+)?(?:nearby\s+)?$",
                          re.IGNORECASE)


def _after_locative(text: str, p: Place) -> bool:
    m = _PREP_BEFORE.search(text, max(0, p.start - 50), p.start)
    return bool(m and m.group(1).lower() in _STRONG_PREPS)


def _event_place(p: Place, basis: str) -> EventPlace:
    return EventPlace(name=p.name, geonameid=p.geonameid, lat=p.lat, lon=p.lon,
                      country=p.country, start=p.start, end=p.end, basis=basis)


def event_place(analysis: Analysis, event: Event) -> EventPlace | None:
    """Where an event happened: the place its trigger governs ("met in Tehran", "an operation
    to liberate the city of Mosul"), else a place in its sentence that is not one of its
    actors, else the dateline for meetings and statements (CAMEO 01-05), else None."""
    sent_s, sent_e = event.sentence.start, event.sentence.end
    in_sentence = [p for p in analysis.places
                   if sent_s <= p.start and p.end <= sent_e and p.lat is not None
                   and not (p.note or "").startswith(("dateline", "demonym", "inside"))
                   and not _excluded(p, event)]
    doc = analysis.doc
    trigger = span_root(doc, event.trigger.start, event.trigger.end)
    scored: list[tuple[float, Place]] = []
    subjects: set[int] = set()
    if trigger is not None:
        for p in in_sentence:
            root = span_root(doc, p.start, p.end)
            if root is None:
                continue
            if root.dep_ in ("nsubj", "nsubjpass") and (root.head.i == trigger.i
                                                        or (p.note or "").startswith("metonymy")):
                subjects.add(p.start)
                continue
            head_lemma = root.head.lemma_.lower()
            if root.dep_ in ("compound", "amod", "nmod", "poss") and head_lemma in _ACTOR_NOUNS:
                continue  # "US soldiers", "Syrian forces": who acted, not where
            if root.dep_ in ("compound", "amod", "poss") and p.feature == "country" and (
                    head_lemma in _ATTACK_NOUNS):
                continue  # "a US air strike", "Israel's offensive": who attacked
            if root.dep_ == "poss" and head_lemma not in _PART_NOUNS | _FACILITY_NOUNS:
                continue  # "against Israel's threats": whose, not where
            if (root.dep_ == "compound" and root.head.lemma_.lower() in _FACILITY_NOUNS
                    and root.head.dep_ in ("nsubjpass", "dobj") and root.head.head.i == trigger.i):
                # "the Baghdad headquarters were destroyed": the building hit is in the place
                scored.append((9.0, p))
                continue
            path = _path_to(root, trigger)
            if path is None:
                continue
            preps = [t.lower_ for t in path[1:-1] if t.dep_ == "prep"]
            if root.dep_ == "pobj" and root.head.lower_ not in _LOCATIVE_PREPS and not (
                    root.head.lower_ == "of" and (_CITY_OF.search(
                        analysis.article.text[max(0, p.start - 20):p.start])
                        or root.head.head.lower_ in _PART_NOUNS)):
                continue  # "the security of Iraq", "support for Iran": not where it happened
            s = 10.0 - len(path)
            if preps and preps[-1] in _STRONG_PREPS:  # the preposition on the trigger
                s += 2.0
            if p.feature in ("city", "admin2"):
                s += 0.5
            scored.append((s, p))
    if scored:
        return _event_place(max(scored, key=lambda x: (x[0], -x[1].start))[1], "governing")
    text = analysis.article.text
    # no governed place: one the sentence introduces as a location ("in", "near", "the
    # town of"), not any place it names ("a driver from Abidjan", "Caracas' newspaper")
    rest = [p for p in in_sentence if p.start not in subjects and _after_locative(text, p)]
    if rest:
        best = min(rest, key=lambda p: (0 if p.feature in ("city", "admin2") else 1,
                                        abs(p.start - event.trigger.start)))
        return _event_place(best, "sentence")
    if event.cameo and event.cameo[:2] in _STATEMENT_ROOTS:
        for p in analysis.places:
            if (p.note or "").startswith("dateline"):
                return _event_place(p, "dateline")
    return None

