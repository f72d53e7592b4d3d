"""Country defaults from where an event happened, for events with one side unnamed.

Event data sets code a protest without a named target as directed at the authorities of
the place where it happens ("thousands demonstrated in Kirkuk" -> IRQ), and an attack by
unnamed assailants as coming from the place where it happened ("a roadside bomb near
Samarra killed a U.S. soldier" -> IRQ). An uncoded side that names a place ("shelled Juba")
stands for that place's country. A named actor is never changed; the filled side
is the country only (its span is the place mention), so consumers can tell it apart from an
actor (``actor`` stays None).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dateline.knowledge.countries import country_by_code
from dateline.records import Event, EventArg, Place

PROTEST_ROOT = "14"
VIOLENT_ROOTS = ("18", "19", "20", "1712")  # and destruction of property
PLACE_FEATURES = frozenset({"city", "country", "region", "admin1", "admin2", "town", "village"})


def _iso3(place: Place) -> str | None:
    if not place.country:
        return None
    c = country_by_code(place.country)
    return c.code if c is not None else None


def _country_of(code: str | None) -> str | None:
    if not code or len(code) < 3:
        return None
    c = country_by_code(code[:3])
    return c.code if c is not None else None


def place_arg(place: Place) -> EventArg | None:
    iso = _iso3(place)
    if iso is None:
        return None
    return EventArg(place.start, place.end, place.text, actor=None, code=iso)


def fill_from_places(events: list[Event], places: tuple[Place, ...]) -> list[Event]:
    """Events with a missing side filled from the sentence's places (see module doc)."""
    usable = sorted((p for p in places if p.country and p.feature in PLACE_FEATURES),
                    key=lambda p: p.start)
    out: list[Event] = []
    for ev in events:
        out.append(_fill(ev, usable))
    return out


def _placed(arg: EventArg | None, places: list[Place]) -> EventArg | None:
    """An uncoded argument that names a place stands for that place's country ("shelled
    Juba", "blockade Paris")."""
    if arg is None or arg.code or arg.actor is not None:
        return arg  # an actor is never a place (newspapers and people share places' names)
    for p in places:
        if p.start < arg.end and arg.start < p.end:
            iso = _iso3(p)
            if iso is not None:
                return replace(arg, code=iso)
    return arg


def _unnamed(arg: EventArg | None) -> bool:
    """No side, or a name that is neither an actor nor coded."""
    return arg is None or (not arg.code and arg.actor is None)


def _fill(ev: Event, places: list[Place]) -> Event:
    code = ev.cameo or ""
    src, tgt = _placed(ev.source, places), _placed(ev.target, places)
    if src is not ev.source or tgt is not ev.target:
        ev = replace(ev, source=src, target=tgt)
    sent = ev.sentence
    in_sent = [p for p in places if sent.start <= p.start and p.end <= sent.end]
    if code.startswith(PROTEST_ROOT) and _unnamed(ev.target) and ev.source is not None:
        # the protest addresses the authorities where it happens, else the protesters' own
        src_span = (ev.source.start, ev.source.end)
        here = [p for p in in_sent if not (src_span[0] <= p.start < src_span[1])]
        arg = place_arg(here[0]) if here else None
        if arg is None:
            own = _country_of(ev.source.code)
            if own is not None:
                arg = EventArg(ev.source.start, ev.source.end, ev.source.text, code=own)
        return replace(ev, target=arg) if arg is not None else ev
    if code.startswith(VIOLENT_ROOTS):
        if _unnamed(ev.source) and ev.target is not None and ev.target.code:
            # unnamed assailants: the armed actors of the place of the attack
            before_tgt = [p for p in in_sent if not (ev.target.start <= p.start < ev.target.end)]
            arg = place_arg(before_tgt[0]) if before_tgt else None
            if arg is not None:
                return replace(ev, source=replace(arg, code=arg.code + "UAF"))
        elif _unnamed(ev.target) and ev.source is not None and ev.source.code:
            # "fired at targets in Jericho": the place attacked
            after = [p for p in in_sent if p.start >= ev.trigger.start]
            arg = place_arg(after[0]) if after else None
            if arg is not None:
                return replace(ev, target=arg)
    return ev


# --- sides from the place a trigger governs ("demonstrated in Rome", "a grenade exploded in
# San Carlos"): used when the parse names no coded party at all.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around",
                            "throughout", "on", "over", "along", "into", "within", "through"})
# prepositions whose phrase says when, why or with whom, not where
NOT_WHERE_PREPS = frozenset({"after", "before", "since", "until", "till", "for", "with",
                             "by", "about", "against", "despite", "like", "than", "because",
                             "following"})
# dependency relations a place may hang from on its way up to the trigger
PHRASE_DEPS = frozenset({"prep", "pobj", "dobj", "npadvmod", "compound", "appos", "poss",
                         "nmod", "conj", "advmod"})
ARREST_CODE = "173"
# subjects that are the attack itself, whose place is the event's ("a car bomb in Hama killed
# 34", "an explosion near Samarra killed two")
ATTACK_SUBJECTS = frozenset({
    "bomb", "bombing", "blast", "explosion", "attack", "grenade", "mine", "landmine", "shell",
    "shelling", "rocket", "missile", "mortar", "device", "ied", "airstrike", "strike", "raid",
    "ambush", "fighting", "clash", "violence", "gunfire", "shooting", "bombardment"})


def governed_place(trigger: Any, places: tuple[Place, ...] | list[Place], doc: Any,
                   object_only: bool = False) -> Place | None:
    """The first country-coded place inside the trigger's own phrase: reached from the trigger
    through a locative preposition or as its object ("marched in Vienna", "patrolled the
    streets of Reynosa"), never through a subject, a nominal modifier or a subordinate clause.
    Demonyms ("Israeli") and vague areas are no place of the event."""
    for p in places:
        if not p.country or p.note == "demonym" or p.feature in ("vague", "continent"):
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None or not (trigger.sent.start <= span.root.i < trigger.sent.end):
            continue
        how = _reaches(span.root, trigger)
        if how == "object" or (how == "locative" and not object_only):
            return p
    return None


def _reaches(tok: Any, trigger: Any) -> str | None:
    """How a place token hangs from the trigger: as its "object", through a "locative"
    preposition, or None."""
    node, how, steps = tok, None, 0
    if tok.dep_ == "amod":
        return None
    while node.i != trigger.i and steps < 8:
        if node.head.i == node.i:
            return None
        if node.dep_ not in PHRASE_DEPS and not (
                node.dep_ == "nsubj" and node.head.i == trigger.i
                and node.lemma_.lower() in ATTACK_SUBJECTS):
            return None
        if node.dep_ == "dobj" and node.head.i == trigger.i:
            how = how or "object"
        if node.dep_ == "prep":
            if node.lower_ in LOCATIVE_PREPS:
                how = "locative"
            elif node.lower_ in NOT_WHERE_PREPS:  # "after clashes in X": not where it happened
                return None
        node, steps = node.head, steps + 1
    return how if node.i == trigger.i else None


def place_sides(code: str, place: Place) -> tuple[EventArg | None, EventArg | None]:
    """Both sides from the place of an event no one is named in (see module doc): a protest
    is by and against the place's country; violence is by unnamed armed actors of the place's
    country against it; an arrest is made by the place's authorities. Other events: none."""
    arg = place_arg(place)
    if arg is None:
        return None, None
    if code.startswith(PROTEST_ROOT):
        return arg, arg
    if code.startswith(VIOLENT_ROOTS):
        return replace(arg, code=(arg.code or "") + "UAF"), arg
    if code.startswith(ARREST_CODE):
        return arg, None
    return None, None


# kinds of actor that, named without a country, belong to the place they act in
# ("gunmen in Peshawar", "police patrolled Reynosa", "protesters in Cairo")
LOCAL_SECTORS = frozenset({"UAF", "MIL", "COP", "REB", "INS", "CVL", "OPP", "LAB", "CRM",
                           "SEP", "RAD"})


def localised(arg: EventArg, place: Place) -> EventArg:
    """A sector-only argument coded with the country of the place the event happens in."""
    if arg.code not in LOCAL_SECTORS:
        return arg
    iso = _iso3(place)
    return replace(arg, code=iso + arg.code) if iso is not None else arg
