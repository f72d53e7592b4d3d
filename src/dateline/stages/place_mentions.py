"""Place-name mentions from the NER: GPE, LOC and NORP entities cleaned into candidates for
resolution (a leading "the" and a possessive dropped; "Paris, Texas" split into a town and
its qualifier; "Nineveh province" and "northern Iraq" reduced to the place with a hint or a
note; demonyms and abbreviations fixed to their entry), and the dateline's place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.knowledge.gazetteer import Gazetteer, GeoEntry, fold
from dateline.knowledge.geo_resolve import Query, is_inside
from dateline.records import Analysis, Mention
from dateline.stages.place_common import (
    Candidate,
    abbrev_entry,
    best_entry,
    is_abbrev,
    qualifier_entry,
    state_body_after,
    stopnames,
)
from dateline.stages.place_containers import Feature
from dateline.stages.place_scan import STREET_WORDS, named_candidates

_LEAD_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_DIRECTION = re.compile(
    r"^(?:(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central|"
    r"upper|lower|greater|mid|inner|outer|rural|coastal)\s+", re.IGNORECASE)
_DIRECTION_BEFORE = re.compile(
    r"\b(?:(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central)\s+$",
    re.IGNORECASE)
_GENERIC = re.compile(
    r"\s+(province|governorate|state|region|district|county|prefecture|oblast|city|town|village)$",
    re.IGNORECASE)
_GENERIC_HINT = {"province": "admin1", "governorate": "admin1", "state": "admin1",
                 "oblast": "admin1", "prefecture": "admin1", "region": "region",
                 "city": "city", "town": "city", "village": "city", "county": "admin2",
                 "district": "admin2"}
_CITY_OF = re.compile(r"\b(?:city|town|village|capital|port|province|region)\s+of\s+$", re.IGNORECASE)
_DATELINE = re.compile(r"^\s*([A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+){0,3})\s*(?:,[^\n–—]{1,30})?"
                       r"\s*(?:\([^)]{1,30}\)\s*)?(?:–|—|--|-)\s")


def clean_mention(start: int, end: int, text: str) -> tuple[int, int, str]:
    """Drop a leading "the" and a trailing possessive from a mention, keeping offsets true."""
    m = _LEAD_THE.match(text)
    if m:
        start, text = start + m.end(), text[m.end():]
    m = _POSSESSIVE.search(text)
    if m and len(text) > m.end() - m.start() + 1:
        end, text = end - (m.end() - m.start()), text[: m.start()]
    stripped = text.rstrip(" .,")
    return start, end - (len(text) - len(stripped)), stripped


def dateline_span(analysis: Analysis, gaz: Gazetteer) -> tuple[int, int, str, str] | None:
    """(start, end, text, note) of the dateline's place name."""
    art = analysis.article
    if art.dateline is not None:
        dl = art.dateline
        seg = art.text[dl.start:dl.end]
        i = seg.casefold().find(dl.place.casefold())
        if i < 0:
            return None
        return dl.start + i, dl.start + i + len(dl.place), art.text[dl.start + i:
                                                                     dl.start + i + len(dl.place)], "dateline"
    m = _DATELINE.match(art.text)
    if m and gaz.has(m.group(1)) and (
            best_entry(gaz, m.group(1), ("city", "country", "admin1")) is not None):
        return m.start(1), m.end(1), m.group(1), "dateline (read by the places stage)"
    return None


def ner_mentions(analysis: Analysis, gaz: Gazetteer,
                  dateline: tuple[int, int, str, str] | None) -> list[Candidate]:
    """The NER's GPE, LOC and NORP entities as place candidates."""
    text = analysis.article.text
    out: list[Candidate] = []
    for m in joined_entities(analysis, gaz):
        if m.label not in ("GPE", "LOC", "NORP"):
            continue
        start, end, t = clean_mention(m.start, m.end, m.text)
        if not t or (dateline is not None and start < dateline[1] and end > dateline[0]):
            continue
        if text[end:end + 1] == "." and is_abbrev(t + ".") and gaz.lookup_abbrev(t):
            end, t = end + 1, t + "."  # "Lawrence, Kan." where the NER left the dot out
        if m.label == "NORP" and "-" in t and not gaz.lookup_demonym(t):
            head, _, tail = t.rpartition("-")  # "anti-Russian", "All-American"
            if tail[:1].isupper():
                start, t = start + len(head) + 1, tail
        key = fold(t)
        if key in stopnames() and (m.label == "NORP" or stopnames()[key] == "generic"):
            continue  # "Western governments", "the West", "Congress"
        if m.label == "NORP" and not gaz.lookup_demonym(t) and any(
                c.feature != "city" or c.population >= 5_000
                for c in named_candidates(gaz, t, key)):
            label = "GPE"  # "authorities in Tunis", "eastern Ghouta" labelled NORP
        elif m.label != "NORP" and not gaz.has(t) and gaz.lookup_demonym(t):
            label = "NORP"  # "Emirati" labelled GPE
        else:
            label = m.label
        if label != "NORP" and not gaz.has(t) and re.fullmatch(r"[A-Z]\w+-[A-Z]\w+", t):
            # "Asia-Pacific": both halves
            head, _, tail = t.partition("-")
            for ps, pt in ((start, head), (start + len(head) + 1, tail)):
                # "Mid-Jutland", "Upper-Austria": the prefix is no place of its own
                if gaz.has(pt) and pt.lower() not in _NAME_PREFIXES:
                    out.append(Candidate(ps, ps + len(pt), pt, Query(pt)))
            continue
        if label == "NORP" or is_abbrev(t):
            fixed = gaz.lookup_demonym(t) if label == "NORP" else abbrev_entry(gaz, t)
            nxt = re.match(r"\s+([A-Z][a-z]+)", text[end:end + 20])
            if label == "NORP" and nxt and nxt.group(1).lower() in STREET_WORDS:
                continue  # "French Quarter", "Russian Embassy": a street or a building
            if fixed is not None:
                note = "demonym" if label == "NORP" else ""
                out.append(Candidate(start, end, t, Query(t, fixed=fixed), note))
            continue
        note = ""
        hint = "city" if _CITY_OF.search(text[max(0, start - 20):start]) else None
        qualifier = None
        if "," in t:  # "Paris, Texas" as one entity: the part after the comma qualifies
            head, _, tail = t.partition(",")
            tail_s = start + len(head) + 1 + (len(tail) - len(tail.lstrip()))
            qualifier = qualifier_entry(gaz, tail.strip(), head.strip())
            if qualifier is not None:
                out.append(Candidate(tail_s, tail_s + len(tail.strip()), tail.strip(),
                                     Query(tail.strip(), fixed=qualifier)))
            end, t = start + len(head.rstrip()), head.rstrip()
        else:
            qualifier = qualifier_after(gaz, text, end, t)
        if not gaz.has(t):
            g = _GENERIC.search(t)
            d = _DIRECTION.match(t)
            if g and gaz.has(t[: g.start()]):
                hint = _GENERIC_HINT[g.group(1).lower()]
                end, t = start + g.start(), t[: g.start()]
            elif d and gaz.has(t[d.end():]):
                note = f"vague region '{t}': resolved to the whole place"
                start, t = start + d.end(), t[d.end():]
            else:
                continue
        else:
            d = _DIRECTION_BEFORE.search(text[max(0, start - 16):start])
            if d:
                note = f"vague region '{d.group(0)}{t}': resolved to the whole place"
        g = _GENERIC.match(text[end:end + 14])
        if g and hint is None and text[end:end + 1] == " ":
            hint = _GENERIC_HINT[g.group(1).lower()]
        elif hint is None and state_body_after(text, end):
            hint = "admin1"  # "the Georgia National Guard"
        out.append(Candidate(start, end, t, Query(t, qualifier=qualifier, hint=hint), note))
    return out


_SPLIT_LABELS = frozenset({"GPE", "LOC", "ORG", "PERSON", "FAC"})
_SPLIT_CITY = 100_000


def joined_entities(analysis: Analysis, gaz: Gazetteer) -> list[Mention]:
    """The NER's entities, with two place entities one space apart joined when together
    they name a region or country the gazetteer holds ("Baja" + "California")."""
    ents = list(analysis.entities)
    text = analysis.article.text
    out: list[Mention] = []
    i = 0
    while i < len(ents):
        m = ents[i]
        if i + 1 < len(ents):
            n = ents[i + 1]
            both = m.label in ("GPE", "LOC") and n.label in ("GPE", "LOC")
            # "Boa" GPE + "Vista" ORG: halves of a big city's name the NER split
            either = {m.label, n.label} <= _SPLIT_LABELS and {m.label, n.label} & {"GPE", "LOC"}
            if (both or either) and text[m.end:n.start] == " ":
                joined = text[m.start:n.end]
                if any(fold(c.name) == fold(joined) and (
                        (both and c.feature in ("admin1", "country"))
                        or (c.feature == "city" and c.population >= _SPLIT_CITY))
                       for c in gaz.lookup(joined)):
                    out.append(replace(m, end=n.end, text=joined, label="GPE" if not both else m.label))
                    i += 2
                    continue
        out.append(m)
        i += 1
    return out


_AFTER_QUALIFIER = re.compile(r"\s*,\s*([A-Z][\w.]*(?: [A-Z][\w.]*){0,2})")
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or|&)\s+)[A-Z]")
_SENTENCE_OPENERS = frozenset({"The", "A", "An", "In", "On", "It", "He", "She", "They", "We"})


def qualifier_after(gaz: Gazetteer, text: str, end: int, name: str) -> GeoEntry | None:
    """The region in "Parkland, Florida" right after a town's name; not in a list of
    places ("Washington, New York and Boston", "Tamil Nadu, Karnataka, Kerala")."""
    m = _AFTER_QUALIFIER.match(text, end, end + 40)
    if m is None:
        return None
    own = gaz.lookup(name)
    if any(c.feature == "country" for c in own):
        return None
    words = m.group(1).split(" ")
    for n in range(len(words), 0, -1):
        if n < len(words) and words[n] not in _SENTENCE_OPENERS:
            continue  # only "Florida The controversy" may lose its tail
        q = " ".join(words[:n])
        hit = qualifier_entry(gaz, q, name)
        if hit is not None and any(c.feature in ("admin1", "region") for c in own) and not any(
                c.feature == "city" and is_inside(c, hit) for c in own):
            return None  # "Georgia, Florida": two states; "Savannah, Georgia" is a town
        if hit is not None:
            after = m.start(1) + len(q)
            if _LIST_GOES_ON.match(text, after, after + 8):
                return None
            return hit
    return None


# a strong locative right before a name: "worked in X", "a meeting at X", "near X"
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|around|across)\s+$",
                              re.IGNORECASE)
_NAME_PREFIXES = frozenset({"mid", "upper", "lower", "greater", "inner", "outer", "north",
                            "south", "east", "west", "central", "new", "old", "great"})
_UNPLACED_NAME = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}")


def unplaced_mentions(analysis: Analysis, gaz: Gazetteer,
                      taken: list[tuple[int, int]]) -> list[Feature]:
    """Place entities the gazetteer does not know, where the text puts something in them
    ("worked as a machinist in Earlsheaton"): small towns and neighbourhoods below the
    gazetteer's reach. They become local features, placed at the town or region that holds
    them; without a locative the NER's label alone is too weak ("Daesh" is tagged GPE)."""
    text = analysis.article.nlp_text
    out: list[Feature] = []
    for m in analysis.entities:
        if m.label not in ("GPE", "LOC"):
            continue
        start, end, t = clean_mention(m.start, m.end, m.text)
        if not _UNPLACED_NAME.fullmatch(t) or gaz.has(t) or gaz.lookup_demonym(t):
            continue
        if fold(t) in stopnames() or any(start < e and s < end for s, e in taken):
            continue
        if not _LOCATIVE_BEFORE.search(text, max(0, start - 12), start):
            continue
        out.append(Feature(start, end, t, "place the gazetteer lacks", False))
    return out
